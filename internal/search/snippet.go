package search

import (
	"html"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Open and Close are the marks Snippet puts around a word found. They are control characters
// that the index's text never holds (IndexText removes them), so every mark is Snippet's.
const (
	Open  = "\x02"
	Close = "\x03"
)

// unmark removes the marks Snippet puts around a word. It is built once: SQLite's triggers
// call IndexText for every draft and comment written, and building a Replacer cost more than
// using it.
var unmark = strings.NewReplacer(Open, "", Close, "")

// IndexText is s as the index keeps it: in NFC, without the characters snippets mark with.
func IndexText(s string) string {
	return unmark.Replace(norm.NFC.String(s))
}

// span is a word of a text: its bytes [start, end) and its lower case.
type span struct {
	start, end int
	lower      string
}

// words cuts text into words as Parse reads them.
func words(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		switch {
		case start < 0 && startsWord(r):
			start = i
		case start >= 0 && !isWordRune(r):
			out = append(out, span{start, i, strings.ToLower(text[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text), strings.ToLower(text[start:])})
	}
	return out
}

// Snippet returns about n words of one of the texts (the fields of a piece, in order) where the
// most of q's terms are found, with Open and Close around each word found and "…" where the
// text goes on. It is the same on both databases, so a piece shows the same snippet on either.
// Where no term is found it is the start of the first text that is not empty.
func Snippet(q Query, n int, texts ...string) string {
	best, bestText, bestStart, bestMarked := -1, "", 0, []bool(nil)
	var bestWords []span
	for _, text := range texts {
		ws := words(text)
		marked, hits := q.mark(ws)
		w := newWindow(hits)
		for i := range ws {
			if !marked[i] && (i > 0 || best >= 0) {
				continue
			}
			start, score := 0, 0
			if marked[i] {
				start = max(0, i-n/4)
				score = w.score(start, start+n)
			}
			if score > best {
				best, bestText, bestStart, bestMarked, bestWords = score, text, start, marked, ws
			}
		}
	}
	if len(bestWords) == 0 {
		return ""
	}
	end := min(bestStart+n, len(bestWords))
	var b strings.Builder
	from := bestWords[bestStart].start
	if bestStart > 0 {
		b.WriteString("…")
	}
	for i := bestStart; i < end; i++ {
		w := bestWords[i]
		b.WriteString(bestText[from:w.start])
		if bestMarked[i] {
			b.WriteString(Open + bestText[w.start:w.end] + Close)
		} else {
			b.WriteString(bestText[w.start:w.end])
		}
		from = w.end
	}
	if end < len(bestWords) {
		b.WriteString("…")
	} else {
		b.WriteString(bestText[from:])
	}
	return b.String()
}

// mark says which of ws are words q finds, and for each term not excluded the indexes where
// it begins.
func (q Query) mark(ws []span) ([]bool, [][]int) {
	marked := make([]bool, len(ws))
	var hits [][]int
	for _, t := range q.Terms {
		if t.Exclude {
			continue
		}
		var at []int
		for i := range ws {
			if t.matchesAt(ws, i) {
				at = append(at, i)
				for j := range t.Words {
					marked[i+j] = true
				}
			}
		}
		hits = append(hits, at)
	}
	return marked, hits
}

// matchesAt reports whether t's words are ws from i on.
func (t Term) matchesAt(ws []span, i int) bool {
	if i+len(t.Words) > len(ws) {
		return false
	}
	for j, w := range t.Words {
		w = strings.ToLower(w)
		got := ws[i+j].lower
		if got != w && !(t.Prefix && j == len(t.Words)-1 && strings.HasPrefix(got, w)) {
			return false
		}
	}
	return true
}

// window scores windows of a text's words by the terms found in them, for windows whose start
// and end never move back: for each term, lo and hi are the first of its hits at or after the
// window's start and end, so that a text's windows are scored in one pass over its hits however
// many there are. Counting each window's hits afresh took minutes on a body of one short word
// repeated, where every word is a hit.
type window struct {
	hits   [][]int
	lo, hi []int
}

func newWindow(hits [][]int) *window {
	return &window{hits: hits, lo: make([]int, len(hits)), hi: make([]int, len(hits))}
}

// score scores the words [start, end): each term found counts far more than another hit of one
// already counted. start and end must be at least those of the window scored before.
func (w *window) score(start, end int) int {
	score := 0
	for t, at := range w.hits {
		for w.lo[t] < len(at) && at[w.lo[t]] < start {
			w.lo[t]++
		}
		for w.hi[t] < len(at) && at[w.hi[t]] < end {
			w.hi[t]++
		}
		if n := w.hi[t] - w.lo[t]; n > 0 {
			score += 1000 + n
		}
	}
	return score
}

// HTML turns a snippet marked with Open and Close into HTML: the text escaped, each marked word
// in <mark>. A mark left open at the end is closed.
func HTML(snippet string) string {
	var b strings.Builder
	open := false
	for snippet != "" {
		i := strings.IndexAny(snippet, Open+Close)
		if i < 0 {
			b.WriteString(html.EscapeString(snippet))
			break
		}
		b.WriteString(html.EscapeString(snippet[:i]))
		switch {
		case snippet[i:i+1] == Open && !open:
			b.WriteString("<mark>")
			open = true
		case snippet[i:i+1] == Close && open:
			b.WriteString("</mark>")
			open = false
		}
		snippet = snippet[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}
