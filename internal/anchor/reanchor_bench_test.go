package anchor_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
)

// The shape of the issue-14 scenario: 500 paragraphs of 100 words from the small vocabulary, a
// 50,000-word body that repeats its phrases everywhere, two comments on three words of each,
// and one paragraph in the middle given a new first sentence and its first commented word
// corrected.
const (
	bigParagraphs = 500
	bigComments   = 2 * bigParagraphs
	bigEdited     = 250
)

// bigDraft returns the scenario's body, the body after the edit, the selectors of its
// comments, and the words the comment on the corrected word must move to.
func bigDraft(tb testing.TB) (old, edited string, sels []anchor.Selector, corrected string) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(14, 50))
	paras := make([][]string, bigParagraphs)
	for i := range paras {
		paras[i] = make([]string, wordsPerPara)
		for j := range paras[i] {
			paras[i][j] = vocabulary[rng.IntN(len(vocabulary))]
		}
	}
	join := func(ps [][]string) string {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = strings.Join(p, " ")
		}
		return strings.Join(lines, "\n")
	}
	old = join(paras)
	// Each comment's context lies inside its paragraph, so its selector is built on the
	// paragraph alone, and moved to where the paragraph starts, rather than on the whole body.
	offset := 0
	for _, p := range paras {
		line := strings.Join(p, " ")
		for _, first := range []int{20, 70} {
			start := len([]rune(strings.Join(p[:first], " ") + " "))
			end := start + len([]rune(strings.Join(p[first:first+3], " ")))
			sel, err := anchor.New(line, start, end)
			if err != nil {
				tb.Fatal(err)
			}
			sel.Start, sel.End = sel.Start+offset, sel.End+offset
			sels = append(sels, sel)
		}
		offset += len([]rune(line)) + 1
	}
	changed := slicesClone(paras)
	words := append([]string(nil), changed[bigEdited]...)
	words[20] = "county"
	corrected = strings.Join(words[20:23], " ")
	words[0] = strings.TrimSpace(editedSentence) + " " + words[0]
	changed[bigEdited] = words
	return old, join(changed), sels, corrected
}

// slicesClone copies the outer slice of ps, so that a paragraph can be replaced.
func slicesClone(ps [][]string) [][]string { return append([][]string(nil), ps...) }

// TestReanchorBigDraft checks the benchmark's scenario: every comment stays exact on its
// words but the one on the corrected word, which moves to the correction.
func TestReanchorBigDraft(t *testing.T) {
	old, edited, sels, corrected := bigDraft(t)
	if n := len(strings.Fields(old)); n != bigParagraphs*wordsPerPara {
		t.Fatalf("body has %d words", n)
	}
	got := anchor.Reanchor(old, edited, sels)
	for i, r := range got {
		if i == 2*bigEdited {
			if r.Status != anchor.Moved || r.Exact != corrected {
				t.Errorf("comment on the corrected word: got %+v, want %q moved", r, corrected)
			}
			continue
		}
		if r.Status != anchor.Exact || r.Exact != sels[i].Exact {
			t.Errorf("comment %d: got %+v, want %q exact", i, r, sels[i].Exact)
		}
	}
}

// BenchmarkReanchor re-anchors 1,000 comments on a 50,000-word body after a one-paragraph edit;
// issue 14 asks for under 50 ms per operation.
func BenchmarkReanchor(b *testing.B) {
	old, edited, sels, _ := bigDraft(b)
	b.SetBytes(int64(len(edited)))
	for b.Loop() {
		if res := anchor.Reanchor(old, edited, sels); len(res) != len(sels) {
			b.Fatalf("got %d results for %d selectors", len(res), len(sels))
		}
	}
}
