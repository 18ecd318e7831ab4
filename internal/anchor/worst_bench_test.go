//go:build unix

package anchor_test

import (
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/cputime"
)

// BenchmarkLocateAllWorst re-anchors each worst input of worstCases and reports the CPU time of
// one call, garbage collection included: it must stay under 200 ms.
func BenchmarkLocateAllWorst(b *testing.B) {
	for _, tc := range worstCases(b) {
		b.Run(tc.name, func(b *testing.B) {
			cpu := cputime.Used(b)
			for b.Loop() {
				anchor.LocateAll(tc.text, tc.sels)
			}
			cputime.Report(b, cputime.Used(b)-cpu)
		})
	}
}

// BenchmarkReanchorWorst re-anchors worstMany comments of worstQuote code points, spread over a
// body of worstLen code points of words, after the worst edits for the diff: every comment's
// words edited in one place, so the diff has a change per comment, and the whole body
// rewritten in other words from the same vocabulary, so the diff finds little in common and
// every comment is searched for. It reports the CPU time of one call: it must stay under
// 200 ms.
func BenchmarkReanchorWorst(b *testing.B) {
	old, _ := longWords(b)
	runes := []rune(old)
	var sels []anchor.Selector
	edited := []rune(old)
	for i := range worstMany {
		// Each selector is built on its span and context alone, not on the whole body, so that
		// setting up makes little garbage for the measured calls to collect.
		start := i * (worstLen / worstMany)
		from := max(0, start-anchor.ContextLen)
		sel := mustSelector(b, string(runes[from:start+worstQuote+anchor.ContextLen]), start-from, start-from+worstQuote)
		sel.Start, sel.End = start, start+worstQuote
		sels = append(sels, sel)
		edited[start+worstQuote/2] = 'Z'
	}
	rewritten, _ := longWords(b)
	rw := []rune(rewritten)
	for i := 0; i+1 < len(rw); i += 2 {
		rw[i], rw[i+1] = rw[i+1], rw[i]
	}
	for _, tc := range []struct{ name, text string }{
		{"EveryCommentEdited", string(edited)},
		{"Rewritten", string(rw)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			runtime.GC()
			cpu := cputime.Used(b)
			for b.Loop() {
				anchor.Reanchor(old, tc.text, sels)
			}
			cputime.Report(b, cputime.Used(b)-cpu)
		})
	}
}
