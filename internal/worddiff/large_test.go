package worddiff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// article returns a text of about words words in paragraphs of 100 words, drawn from a
// vocabulary of vocab words with punctuation, like a long draft body.
func article(r *rand.Rand, words, vocab int) []string {
	var paras []string
	for len(paras)*100 < words {
		var p strings.Builder
		for w := range 100 {
			if w > 0 {
				p.WriteByte(' ')
			}
			fmt.Fprintf(&p, "w%d", r.IntN(vocab))
			if r.IntN(12) == 0 {
				p.WriteString(",")
			}
		}
		p.WriteString(".")
		paras = append(paras, p.String())
	}
	return paras
}

// onePara returns a 20,000-word text, a copy with its middle paragraph rewritten, and the
// lengths of the text before and after that paragraph.
func onePara() (a, b string, before, after int) {
	r := rand.New(rand.NewPCG(7, 8))
	paras := article(r, 20000, 5000)
	a = strings.Join(paras, "\n")
	mid := len(paras) / 2
	paras[mid] = article(r, 100, 5000)[0]
	before = len(strings.Join(paras[:mid], "\n")) + 1
	after = len(strings.Join(paras[mid+1:], "\n")) + 1
	return a, strings.Join(paras, "\n"), before, after
}

func TestWordsLargeTexts(t *testing.T) {
	if testing.Short() {
		t.Skip("large texts")
	}
	t.Run("OneParagraphChanged", func(t *testing.T) {
		a, c, before, after := onePara()
		start := time.Now()
		chunks := Words(a, c)
		elapsed := time.Since(start)
		checkChunks(t, a, c, chunks)
		// The edit is one paragraph, so every change must fall inside it.
		first, last := chunks[0], chunks[len(chunks)-1]
		if first.Op != Equal || len(first.Text) < before || last.Op != Equal || len(last.Text) < after {
			t.Errorf("changes spill out of the edited paragraph: first chunk %s of %d bytes (want ≥ %d), last %s of %d (want ≥ %d)",
				first.Op, len(first.Text), before, last.Op, len(last.Text), after)
		}
		t.Logf("20,000 words, one paragraph changed: %v", elapsed)
	})
	bounded := []struct {
		name string
		a, b string
	}{
		{"TotallyDifferent", strings.Join(article(rand.New(rand.NewPCG(9, 10)), 20000, 5000), "\n"),
			strings.Join(article(rand.New(rand.NewPCG(10, 9)), 20000, 5000), "\n")},
		// Every word changes and every space is kept, the worst case for folding spaces.
		{"EveryOtherTokenKept", strings.Repeat("a ", 20000), strings.Repeat("b ", 20000)},
		// Long runs of matching tokens make every diagonal's snake long.
		{"RepeatedTokens", strings.Repeat("x ", 20000), strings.Repeat("x y ", 10000)},
	}
	for _, tc := range bounded {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			chunks := Words(tc.a, tc.b)
			elapsed := time.Since(start)
			checkChunks(t, tc.a, tc.b, chunks)
			// The bound itself is checked without a clock, by the work budget test in
			// myers_test.go; the time is logged for whoever reads -v output.
			t.Logf("%v, %d chunks", elapsed, len(chunks))
		})
	}
}
