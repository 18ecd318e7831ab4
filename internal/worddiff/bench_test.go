package worddiff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func BenchmarkWords(b *testing.B) {
	a, c, _, _ := onePara()
	b.SetBytes(int64(len(a) + len(c)))
	for b.Loop() {
		Words(a, c)
	}
}

// BenchmarkWordsEndsChanged edits the first and last paragraphs, so that trimming the common
// ends saves nothing and all 20,000 words go through the tokenizer and the search.
func BenchmarkWordsEndsChanged(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	paras := article(r, 20000, 5000)
	a := strings.Join(paras, "\n")
	paras[0] = article(r, 100, 5000)[0]
	paras[len(paras)-1] = article(r, 100, 5000)[0]
	c := strings.Join(paras, "\n")
	b.SetBytes(int64(len(a) + len(c)))
	for b.Loop() {
		Words(a, c)
	}
}

func BenchmarkWordsTotallyDifferent(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	a := strings.Join(article(r, 20000, 5000), "\n")
	c := strings.Join(article(r, 20000, 5000), "\n")
	for b.Loop() {
		Words(a, c)
	}
}
