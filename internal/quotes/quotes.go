// Package quotes finds the quotations in a draft so that fact-checkers can check every one.
//
// The finder is pure: it reads a string and returns values. Offsets count Unicode code points
// (runes), the unit the editor's cursor uses, and invalid UTF-8 counts as one rune per bad byte,
// exactly as a Go range loop sees it, so no input can make Find panic.
package quotes

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// Quote is one quotation found in a text.
type Quote struct {
	Text      string // the words between the marks, without the marks; a quote spanning paragraphs has its paragraphs joined with "\n" and the opening marks of continuation paragraphs removed
	Speaker   string // best guess at who said it, "" when the sentence does not say
	Kind      Kind   // what the quotation is doing: a statement, a term or a title
	Why       string // a short reason for the kind, for the fact-checker: `follows “so-called”`
	Paragraph int    // 0-based index of the paragraph (line) where it opens
	Start     int    // offset in Unicode code points (runes) into the whole text, at the opening mark
	End       int    // offset in code points just after the closing mark (so the rune at End-1 is the closing mark)
}

// Problem is a quotation mark that never closes, or a closing mark that closes nothing.
type Problem struct {
	Paragraph int    // 0-based paragraph
	Position  int    // code-point offset of the mark within that paragraph
	Offset    int    // code-point offset of the mark in the whole text
	Message   string // plain English, e.g. `opening “ in paragraph 3 at position 41 never closes`
}

// MaxProblems is the most problems Find reports, the first in the text: a text with more has
// its marks wrong throughout, and a longer list would help nobody.
const MaxProblems = 1000

// Find returns the quotations in text, whose paragraphs are separated by "\n", in order of their
// opening marks, and a Problem for every opening mark that never closes and every closing mark
// that closes nothing, up to MaxProblems. Problems come in the order of their marks too.
//
// Find works in two passes, each linear in the length of the text: the first pairs the marks
// (scan.go), the second reads the words around each quote for its speaker (speaker.go).
func Find(text string) ([]Quote, []Problem) {
	if text == "" {
		return nil, nil
	}
	b := buffersFor(text)
	defer keepBuffers(b)
	s := scanner{rs: b.rs}
	s.scan()
	a := newAttributor(b, s.quotes)
	for i := range s.quotes {
		s.quotes[i].Speaker = a.speaker(s.quotes, i)
		if s.quotes[i].Speaker != "" {
			a.spoke[s.quotes[i].Speaker] = true
		}
		floor := 0
		if i > 0 {
			floor = s.quotes[i-1].End
		}
		s.quotes[i].Kind, s.quotes[i].Why = a.kind(s.quotes[i], floor)
	}
	slices.SortFunc(s.problems, func(x, y mark) int { return cmp.Compare(x.off, y.off) })
	var problems []Problem
	for _, m := range s.problems[:min(len(s.problems), MaxProblems)] {
		problems = append(problems, m.problem())
	}
	return s.quotes, problems
}

// buffers are the text as runes and which of them are quoted, the two slices as long as the
// text that Find reads it through. Saving a draft finds its quotes, and a 1,500-word body made
// them 50 kB of a save's 250 kB of garbage, so they are kept for the next Find; what Find
// returns is copied out of them.
type buffers struct {
	rs     []rune
	quoted []bool
}

var keptBuffers sync.Pool

// maxKeptRunes bounds the buffers kept: a text at the body's limit is not worth keeping.
const maxKeptRunes = 1 << 17

// buffersFor returns buffers holding text as runes, as []rune(text) converts it, and none of
// them quoted.
func buffersFor(text string) *buffers {
	b, _ := keptBuffers.Get().(*buffers)
	if b == nil {
		b = &buffers{}
	}
	if n := utf8.RuneCountInString(text); cap(b.rs) < n {
		b.rs = make([]rune, 0, n)
	}
	b.rs = b.rs[:0]
	for _, r := range text {
		b.rs = append(b.rs, r)
	}
	if cap(b.quoted) < len(b.rs) {
		b.quoted = make([]bool, len(b.rs))
	} else {
		b.quoted = b.quoted[:len(b.rs)]
		clear(b.quoted)
	}
	return b
}

// keepBuffers gives b back for another Find, unless it is too large to keep.
func keepBuffers(b *buffers) {
	if cap(b.rs) <= maxKeptRunes {
		keptBuffers.Put(b)
	}
}
