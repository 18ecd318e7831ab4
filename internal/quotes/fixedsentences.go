package quotes

import (
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/sentences"
)

// sentenceBytes is how many bytes an Edit reads, at most, looking for sentences' texts in the
// texts before and after it (see fieldEdit.whole), each search reading both texts twice: a few
// milliseconds. A field of thousands of sentences that quote the same words would otherwise take
// a second, where its word diff takes a fraction of one; the quotes of the sentences it cannot
// pay for are told apart by the word diff alone.
const sentenceBytes = 16 << 20

// cutParagraph is a paragraph's code points and its sentences (see sentences.Spans), with what
// fieldEdit.whole found of each sentence once asked: a sentence may hold thousands of twins, and
// reading or hashing its text again for each would take time in its length for each of them.
type cutParagraph struct {
	start int // where the paragraph starts, in code points
	runes []rune
	spans [][2]int
	found []*[2]int // where each sentence stands in the texts before and after (see whole)
}

// sentence returns where old code points [start, end) stand after the edit when they lie in a
// sentence found whole, unchanged and once in each text (see fieldEdit.whole), and the word
// diff does not say that the sentence found whole is another one, or the range's own was edited
// where it stood. The words of either sentence around the range, its rest, tell which: when most
// of the rest of the sentence found whole comes from elsewhere, it is another sentence edited
// into a copy of it; when the diff put the range at kept, in a sentence not found whole itself,
// together with most of the rest of its own, its sentence was edited there, and the one found
// whole is a copy typed anew. Neither copy's quote was ever checked. A twin the diff paired the
// range with in another sentence has words of its own around it, or is in a sentence found
// whole, which was never the range's. A sentence that is the quotation alone, with no rest, says
// nothing the quotation does not.
func (fe *fieldEdit) sentence(start, end, kept int) (int, bool) {
	from, to, was, ok := fe.whole(fe.before, start, end)
	at := was[1] + start - from
	if !ok || kept == at {
		return at, ok
	}
	rest := to - from - (end - start)
	if 2*(fe.keptElsewhere(from, to, at-start+from, at)+fe.keptElsewhere(from, to, at+end-start, at+to-start)) >= rest {
		return 0, false
	}
	if kept < 0 {
		return at, true
	}
	if _, _, _, whole := fe.whole(fe.after, kept, kept+end-start); whole {
		return at, true
	}
	c, k, ok := fe.after.around(kept, kept+end-start)
	if !ok {
		return at, true
	}
	s, e := c.start+c.spans[k][0], c.start+c.spans[k][1]
	return at, 2*(fe.keptWithin(from, start, s, e)+fe.keptWithin(end, to, s, e)) < rest
}

// keptWithin counts the code points of old [from, to) that the word diff left unchanged and put
// in new [s, e).
func (fe *fieldEdit) keptWithin(from, to, s, e int) int {
	n := 0
	for _, k := range fe.keptFrom(from, to) {
		lo, hi := max(from, k.old, s-k.new+k.old), min(to, k.old+k.n, e-k.new+k.old)
		n += max(0, hi-lo)
	}
	return n
}

// keptElsewhere counts the code points of new [s, e) that the word diff left unchanged from old
// code points outside [from, to) in a sentence not found whole in the new text: a sentence found
// whole is still there, and lent the words it shares with its twin to no other.
func (fe *fieldEdit) keptElsewhere(from, to, s, e int) int {
	n := 0
	for _, k := range fe.keptInto(s, e) {
		lo, hi := max(k.old, s-k.new+k.old), min(k.old+k.n, e-k.new+k.old)
		for _, r := range [2][2]int{{lo, min(hi, from)}, {max(lo, to), hi}} {
			if r[0] >= r[1] {
				continue
			}
			if _, _, _, whole := fe.whole(fe.before, r[0], r[0]+1); !whole {
				n += r[1] - r[0]
			}
		}
	}
	return n
}

// keptFrom returns the stretches the word diff left unchanged that overlap old code points
// [from, to), and keptInto those that overlap new code points [s, e): the stretches are in order
// and apart in both texts, so a sentence's are found by a search, not by reading every
// stretch of the field for each of its quotations.
func (fe *fieldEdit) keptFrom(from, to int) []span {
	i := sort.Search(len(fe.kept), func(i int) bool { return fe.kept[i].old+fe.kept[i].n > from })
	j := sort.Search(len(fe.kept), func(j int) bool { return fe.kept[j].old >= to })
	return fe.kept[i:max(i, j)]
}

func (fe *fieldEdit) keptInto(s, e int) []span {
	i := sort.Search(len(fe.kept), func(i int) bool { return fe.kept[i].new+fe.kept[i].n > s })
	j := sort.Search(len(fe.kept), func(j int) bool { return fe.kept[j].new >= e })
	return fe.kept[i:max(i, j)]
}

// whole returns the sentence of p, the text before the edit or after it, that code points
// [s, e) of p lie in, and where it stands in the text before and after, in code points, when its
// whole text is in each text once, not even inside another sentence, and a sentence of each. A
// sentence one text reads as part of a longer one is no fixed point: it is not known to be
// whole. Unlike comment anchoring, no sentence is too short: one that holds a quotation holds
// its marks and words, never a fragment such as "Jones.", and "“No comment,” said Smith." is
// as short as the sentences that quote the same words get; copies left by an edit are for the
// word diff to refuse (see fieldEdit.sentence).
func (fe *fieldEdit) whole(p *paragraphs, s, e int) (from, to int, at [2]int, ok bool) {
	c, k, ok := p.around(s, e)
	if !ok {
		return 0, 0, at, false
	}
	from, to = c.start+c.spans[k][0], c.start+c.spans[k][1]
	if c.found[k] == nil {
		c.found[k] = fe.where(string(c.runes[c.spans[k][0]:c.spans[k][1]]))
	}
	at = *c.found[k]
	mine := at[0]
	if p == fe.after {
		mine = at[1]
	}
	return from, to, at, mine == from
}

// where returns where a sentence's text stands in the texts before and after the edit, in code
// points, when it is once in each and a sentence of each, and -1s otherwise, or when the
// edit's reading is spent (see sentenceBytes).
func (fe *fieldEdit) where(text string) *[2]int {
	at, seen := fe.once[text]
	if !seen {
		at = [2]int{-1, -1}
		if cost := 2 * (len(fe.before.text) + len(fe.after.text)); cost <= fe.left {
			fe.left -= cost
			at = [2]int{fe.before.sentenceAt(text), fe.after.sentenceAt(text)}
			if at[0] < 0 || at[1] < 0 {
				at = [2]int{-1, -1}
			}
		}
		fe.once[text] = at
	}
	return &at
}

// sentenceAt returns where text stands in p's text, in code points, when it is there once and a
// sentence of it, and -1 otherwise.
func (p *paragraphs) sentenceAt(text string) int {
	i, ok := sentences.Once(p.text, text)
	if !ok {
		return -1
	}
	at := utf8.RuneCountInString(p.text[:i])
	size := utf8.RuneCountInString(text)
	if c, k, ok := p.around(at, at+size); !ok || c.start+c.spans[k][0] != at || c.spans[k][1]-c.spans[k][0] != size {
		return -1
	}
	return at
}

// around returns the paragraph of p's text, cut into sentences, and the index of its sentence
// that code points [s, e) lie in. Only the paragraph that holds them is cut, the first time it is
// asked about.
func (p *paragraphs) around(s, e int) (c *cutParagraph, k int, ok bool) {
	i := sort.SearchInts(p.starts, s+1) - 1
	if i < 0 || e > p.ends[i] {
		return nil, 0, false
	}
	c = p.cut[i]
	if c == nil {
		c = &cutParagraph{start: p.starts[i], runes: []rune(p.texts[i])}
		c.spans = sentences.Spans(c.runes)
		c.found = make([]*[2]int, len(c.spans))
		p.cut[i] = c
	}
	k, ok = sentences.Around(c.spans, s-c.start, e-c.start)
	return c, k, ok
}
