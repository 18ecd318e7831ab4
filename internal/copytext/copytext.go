// Package copytext makes news-like copy with twin phrases, and the copy edits an editor makes,
// for property tests: every word has an identity that survives edits, so a test can tell where
// the words it marked went. The same seed always makes the same copy and the same edits.
package copytext

import (
	"math/rand"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word or mark of a generated text, with an identity that survives edits.
type Word struct {
	ID   int
	Text string
	Glue bool // written right after the word before, with no space: punctuation
}

// Text is a generated text: paragraphs of sentences of words.
type Text struct {
	Paras    [][][]Word
	next     int // the last word's id
	sentence func(c *Text, rng *rand.Rand) []Word
}

// Writer says how to write a Text: its sentences, and whether a sentence in Chinese follows
// one in eight of them.
type Writer struct {
	Sentence func(c *Text, rng *rand.Rand) []Word // one random sentence, its words made by c
	Chinese  bool
}

// New makes one to three paragraphs of two to five sentences each.
func (w Writer) New(rng *rand.Rand) *Text {
	c := &Text{sentence: w.Sentence}
	for range 1 + rng.Intn(3) {
		var para [][]Word
		for range 2 + rng.Intn(4) {
			para = append(para, c.Sentence(rng))
			if w.Chinese && rng.Intn(8) == 0 { // A sentence in Chinese, with its own full stop.
				para = append(para, c.Words([]string{"市长说计划会成功。"}))
			}
		}
		c.Paras = append(c.Paras, para)
	}
	return c
}

// Sentence makes one more random sentence as the Writer of c does.
func (c *Text) Sentence(rng *rand.Rand) []Word {
	return c.sentence(c, rng)
}

// Add appends a word to s with a fresh id.
func (c *Text) Add(s []Word, text string, glue bool) []Word {
	c.next++
	return append(s, Word{ID: c.next, Text: text, Glue: glue})
}

// Words returns texts as words with fresh ids.
func (c *Text) Words(texts []string) []Word {
	var s []Word
	for _, t := range texts {
		s = c.Add(s, t, false)
	}
	return s
}

// Flat returns the paragraphs of c, each as one run of words.
func (c *Text) Flat() [][]Word {
	out := make([][]Word, len(c.Paras))
	for i, p := range c.Paras {
		for _, s := range p {
			out[i] = append(out[i], s...)
		}
	}
	return out
}

// Placed is a word of a rendered text with where it starts and ends in it, in code points.
type Placed struct {
	Word
	Start, End int
}

// Render writes paragraphs of words as a text, one paragraph a line, and returns it with its
// words in order and where each is in it.
func Render(paras [][]Word) (string, []Placed) {
	var b strings.Builder
	var all []Placed
	n := 0
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
			n++
		}
		for j, w := range p {
			if j > 0 && !w.Glue {
				b.WriteString(" ")
				n++
			}
			b.WriteString(w.Text)
			size := utf8.RuneCountInString(w.Text)
			all = append(all, Placed{Word: w, Start: n, End: n + size})
			n += size
		}
	}
	return b.String(), all
}

// Texts returns the words' texts.
func Texts(ws []Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Text
	}
	return out
}

// IDs returns the words' ids.
func IDs(ws []Word) []int {
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = w.ID
	}
	return out
}

// Twin reports whether another sentence of p reads as p[i] does.
func Twin(p [][]Word, i int) bool {
	for k, s := range p {
		if k != i && slices.Equal(Texts(s), Texts(p[i])) {
			return true
		}
	}
	return false
}

// MoveSentence swaps two sentences of a random paragraph of c or moves one past another, and
// reports false, moving nothing, when either is a Twin: moving one of two identical sentences
// leaves the same text as moving the other, so no text says which of them a mark was on.
func MoveSentence(rng *rand.Rand, c *Text) bool {
	p := c.Paras[rng.Intn(len(c.Paras))]
	i, j := rng.Intn(len(p)), rng.Intn(len(p))
	if Twin(p, i) || Twin(p, j) {
		return false
	}
	if rng.Intn(2) == 0 {
		p[i], p[j] = p[j], p[i]
	} else {
		s := p[i]
		rest := slices.Delete(slices.Clone(p), i, i+1)
		copy(p, slices.Insert(rest, min(j, len(rest)), s))
	}
	return true
}

// LowerFirst returns s with its first letter in lowercase.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirst returns s with its first letter in uppercase.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
