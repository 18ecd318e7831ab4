package server

import (
	"container/heap"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// fieldView is one field of a draft as the draft page shows it: paragraphs cut into segments,
// each marked with the quote and the first comment covering it.
type fieldView struct {
	Name, Label string
	Paras       []paraView
}

// paraView is a paragraph and the code-point offset where it starts in its field, which the
// selection script adds to its own count to give the comment's range.
type paraView struct {
	Start int
	Segs  []segment
}

// segment is a run of text under the same quote and comments. It names one comment only, the
// first covering it, whose thread a click on it opens, and its offset in the field, from which
// the page's script finds every run a thread's range covers: naming every covering comment
// would make the page grow with the square of comments that overlap.
type segment struct {
	Text        string
	At          int
	QuoteStatus string
	QuoteID     int64
	Comment     int64
}

// Class is the segment's CSS classes: its quote's check status and whether comments sit on it.
func (s segment) Class() string {
	var cls []string
	if s.QuoteStatus != "" {
		cls = append(cls, "quote", "quote-"+s.QuoteStatus)
	}
	if s.Comment != 0 {
		cls = append(cls, "commented")
	}
	return strings.Join(cls, " ")
}

// span is a marked range of a field, in code points: a quote or a comment.
type span struct {
	start, end int
	quote      *newsroom.Quote
	comment    int64
}

var shownFields = []struct{ name, label string }{
	{"title", "Title"}, {"brief", "Brief"}, {"body", "Body"}, {"editor_comment", "Editor's Comments"},
}

// fieldViews cuts every commentable field into marked segments. The page's script reads each
// field's text back from its paragraphs, joined with "\n", as the server counts it.
func fieldViews(t newsroom.Text, quotes []newsroom.Quote, comments []newsroom.Comment) []fieldView {
	spans := map[string][]span{}
	for i, q := range quotes {
		spans[q.Field] = append(spans[q.Field], span{start: q.Start, end: q.End, quote: &quotes[i]})
	}
	for _, c := range comments {
		if !c.Detached && !c.Resolved {
			spans[c.Field] = append(spans[c.Field], span{start: c.Anchor.Start, end: c.Anchor.End, comment: c.ID})
		}
	}
	views := make([]fieldView, 0, len(shownFields))
	for _, f := range shownFields {
		text, _ := t.Field(f.name)
		views = append(views, fieldView{Name: f.name, Label: f.label, Paras: segmentField(text, spans[f.name])})
	}
	return views
}

// segmentField splits text into its paragraphs and each paragraph into runs covered by the same
// spans. The runs of a paragraph join back to exactly its text. It sweeps the field once, in
// the order of the spans' ends, so that its time grows with text and spans times the log of
// the spans open at once, however they overlap: of several quotes on a run the last wins, of
// several comments the first.
func segmentField(text string, spans []span) []paraView {
	runes := []rune(text)
	points := make([]int, 0, 2*len(spans))
	order := make([]int, len(spans))
	for i, s := range spans {
		points = append(points, s.start, s.end)
		order[i] = i
	}
	sort.Ints(points)
	sort.SliceStable(order, func(i, j int) bool { return spans[order[i]].start < spans[order[j]].start })
	comments := &covering{spans: spans, before: func(i, j int) bool { return i < j }}
	quotes := &covering{spans: spans, before: func(i, j int) bool { return i > j }}
	var paras []paraView
	entered, p := 0, 0
	for start := 0; start <= len(runes); {
		end := start
		for end < len(runes) && runes[end] != '\n' {
			end++
		}
		cuts := []int{start}
		for ; p < len(points) && points[p] < end; p++ {
			if points[p] > start {
				cuts = append(cuts, points[p])
			}
		}
		cuts = append(cuts, end)
		var segs []segment
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			if a == b {
				continue
			}
			for ; entered < len(order) && spans[order[entered]].start <= a; entered++ {
				if k := order[entered]; spans[k].quote != nil {
					heap.Push(quotes, k)
				} else {
					heap.Push(comments, k)
				}
			}
			seg := segment{Text: string(runes[a:b]), At: a}
			if k, ok := quotes.first(a); ok {
				seg.QuoteStatus, seg.QuoteID = markStatus(spans[k].quote), spans[k].quote.ID
			}
			if k, ok := comments.first(a); ok {
				seg.Comment = spans[k].comment
			}
			segs = append(segs, seg)
		}
		paras = append(paras, paraView{Start: start, Segs: segs})
		start = end + 1
	}
	return paras
}

// covering is a heap of the indexes of the spans that have begun by the sweep's position, the
// one that comes before the others on top. A span that has ended stays in it until it reaches
// the top, where first drops it.
type covering struct {
	spans  []span
	before func(i, j int) bool
	idx    []int
}

func (c *covering) Len() int           { return len(c.idx) }
func (c *covering) Less(i, j int) bool { return c.before(c.idx[i], c.idx[j]) }
func (c *covering) Swap(i, j int)      { c.idx[i], c.idx[j] = c.idx[j], c.idx[i] }
func (c *covering) Push(x any)         { c.idx = append(c.idx, x.(int)) }
func (c *covering) Pop() any {
	x := c.idx[len(c.idx)-1]
	c.idx = c.idx[:len(c.idx)-1]
	return x
}

// first returns the span that comes first of those covering the run starting at the
// sweep's position at: every run ends at a span's end or before it, so a span that has
// begun covers the run exactly when it ends after at.
func (c *covering) first(at int) (int, bool) {
	for len(c.idx) > 0 && c.spans[c.idx[0]].end <= at {
		heap.Pop(c)
	}
	if len(c.idx) == 0 {
		return 0, false
	}
	return c.idx[0], true
}

// clipHead and clipTail are how many code points of long words a thread shows from their start
// and their end.
const clipHead, clipTail = 120, 60

// clipWords shortens the words a thread is on, when they are long, to their start and end around
// an ellipsis: the text shows them whole, highlighted, and a thread that quoted every word of a
// long range would make the page grow with the number of threads times the length of the text.
func clipWords(s string) string { return clip(s, clipHead, clipTail) }

// clip shortens s, when it is more than a little longer than head and tail code points together,
// to its first head and its last tail around an ellipsis, or to its first head and an ellipsis
// when tail is 0.
func clip(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail+20 {
		return s
	}
	start := strings.TrimRight(string(r[:head]), " ")
	if tail == 0 {
		return start + "…"
	}
	return start + " … " + strings.TrimLeft(string(r[len(r)-tail:]), " ")
}

// firstWordsCount is how many words of a quote or a thread's words a link names it by, and
// firstWordsHead how many code points at most, for a script written without spaces.
const firstWordsCount, firstWordsHead = 6, 40

// firstWords is the start of s, its first few words, with "…" when it has more: enough to tell
// one quote or thread from another in the name of a link to it.
func firstWords(s string) string {
	words := strings.Fields(s)
	name := clip(strings.Join(words[:min(len(words), firstWordsCount)], " "), firstWordsHead, 0)
	if len(words) > firstWordsCount && !strings.HasSuffix(name, "…") {
		name += "…"
	}
	return name
}

// markStatus is the status a quote's words show in the text: its check, "not-quote" while a
// fact-checker holds that they are no quotation, or "waived" for a disputed quote an editor
// let the piece go out with. No gate waits for either, so marking the one as unchecked or the
// other as disputed would send the reader after work there is none.
func markStatus(q *newsroom.Quote) string {
	switch {
	case q.NotQuote != nil:
		return "not-quote"
	case q.Status == newsroom.QuoteDisputed && q.Waiver != nil:
		return "waived"
	}
	return strings.ReplaceAll(string(q.Status), "_", "-")
}
