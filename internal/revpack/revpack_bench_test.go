//go:build unix

package revpack_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
)

// proseBody returns paragraphs of words, each about 600 bytes, n bytes in all.
func proseBody(rng *rand.Rand, n int, word func(*rand.Rand) string) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 && b.Len()%600 < 8 {
			b.WriteByte('\n')
		}
		b.WriteString(word(rng))
		b.WriteByte(' ')
	}
	return b.String()
}

var benchWords = strings.Fields("the council met on Tuesday to vote on a budget that the mayor said would cut rates for residents and the board")

func asciiWord(rng *rand.Rand) string { return benchWords[rng.IntN(len(benchWords))] }

func wideWord(rng *rand.Rand) string {
	return []string{"𝔗𝔥𝔢", "𝔠𝔬𝔲𝔫𝔠𝔦𝔩", "𝔪𝔢𝔱"}[rng.IntN(3)]
}

// fullChain packs saves of small edits of a text of n bytes, as the store would, until the
// chain ends, and returns the chain and the Sum of its last text. Each save adds a word at
// either end of the body: a change only a zstd delta packs, whose chains are the slowest to read
// (a splice's bytes are copied, not decoded).
func fullChain(n int, word func(*rand.Rand) string) ([][]byte, uint32) {
	rng := rand.New(rand.NewPCG(1, 1))
	text := newsroom.Text{Title: "Budget", Body: proseBody(rng, n, word), Topics: []string{}}
	raw := revpack.Marshal(text)
	chain := [][]byte{revpack.Keyframe(raw)}
	c := revpack.Chain{KeyBytes: len(chain[0]), Bytes: len(chain[0])}
	for {
		text.Body = word(rng) + " " + text.Body + " " + word(rng)
		next := revpack.Marshal(text)
		delta := revpack.Delta(raw, next)
		if !c.Extends(len(delta), len(next)) {
			return chain, revpack.Sum(raw)
		}
		chain = append(chain, delta)
		c = revpack.Chain{Depth: c.Depth + 1, KeyBytes: c.KeyBytes, Bytes: c.Bytes + len(delta)}
		raw = next
	}
}

// BenchmarkRebuild rebuilds the last revision of the longest chain the store makes, of a draft
// of 11 kB (MaxDepth zstd deltas of two words each), of the longest body in plain letters
// (400 kB) and in four-byte letters (1.6 MB): the worst reads. Each must stay under 2 ms.
func BenchmarkRebuild(b *testing.B) {
	for _, tc := range []struct {
		name string
		size int
		word func(*rand.Rand) string
	}{
		{"11kB", 11_000, asciiWord},
		{"400kB", newsroom.MaxBody, asciiWord},
		{"1.6MB", 4 * newsroom.MaxBody, wideWord},
	} {
		b.Run(tc.name, func(b *testing.B) {
			chain, sum := fullChain(tc.size, tc.word)
			start := cputime.Used(b)
			for b.Loop() {
				if _, err := revpack.Rebuild(chain, sum); err != nil {
					b.Fatal(err)
				}
			}
			cputime.Report(b, cputime.Used(b)-start)
			b.ReportMetric(float64(len(chain)-1), "deltas")
		})
	}
}

// BenchmarkPack packs changes of an 11 kB text: a sentence typed into it, as a splice, and a
// paragraph rewritten, as a zstd delta (what a save costs); and the text as a keyframe (what a
// save that starts a chain costs besides).
func BenchmarkPack(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 2))
	text := newsroom.Text{Title: "Budget", Body: proseBody(rng, 11_000, asciiWord), Topics: []string{"City Hall"}}
	prev := revpack.Marshal(text)
	paras := strings.Split(text.Body, "\n")
	typed := text
	typed.Body = strings.Join(paras[:7], "\n") + "\nThe vote was put off until March. " + strings.Join(paras[7:], "\n")
	paras[7] = proseBody(rng, 600, asciiWord)
	rewritten := text
	rewritten.Body = strings.Join(paras, "\n")
	for _, tc := range []struct {
		name string
		pack func() []byte
	}{
		{"Splice", func() []byte { return revpack.Delta(prev, revpack.Marshal(typed)) }},
		{"Delta", func() []byte { return revpack.Delta(prev, revpack.Marshal(rewritten)) }},
		{"Keyframe", func() []byte { return revpack.Keyframe(revpack.Marshal(rewritten)) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var n int
			start := cputime.Used(b)
			for b.Loop() {
				n = len(tc.pack())
			}
			cputime.Report(b, cputime.Used(b)-start)
			b.ReportMetric(float64(n), "B")
		})
	}
}
