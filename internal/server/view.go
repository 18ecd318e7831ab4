package server

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// fieldView is one field of a draft as the draft page shows it: paragraphs cut into segments,
// each marked with the quote and comments covering it.
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

// segment is a run of text under the same quote and comments.
type segment struct {
	Text        string
	QuoteStatus string
	QuoteID     int64
	Comments    []int64
}

// Class is the segment's CSS classes: its quote's check status and whether comments sit on it.
func (s segment) Class() string {
	var cls []string
	if s.QuoteStatus != "" {
		cls = append(cls, "quote", "quote-"+s.QuoteStatus)
	}
	if len(s.Comments) > 0 {
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
// spans. The runs of a paragraph join back to exactly its text.
func segmentField(text string, spans []span) []paraView {
	runes := []rune(text)
	var paras []paraView
	start := 0
	for start <= len(runes) {
		end := start
		for end < len(runes) && runes[end] != '\n' {
			end++
		}
		paras = append(paras, paraView{Start: start, Segs: segmentPara(runes, start, end, spans)})
		start = end + 1
	}
	return paras
}

func segmentPara(runes []rune, start, end int, spans []span) []segment {
	cuts := []int{start, end}
	for _, s := range spans {
		for _, p := range []int{s.start, s.end} {
			if p > start && p < end {
				cuts = append(cuts, p)
			}
		}
	}
	sort.Ints(cuts)
	var segs []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := segment{Text: string(runes[a:b])}
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				if s.quote != nil {
					seg.QuoteStatus, seg.QuoteID = markStatus(s.quote), s.quote.ID
				} else {
					seg.Comments = append(seg.Comments, s.comment)
				}
			}
		}
		segs = append(segs, seg)
	}
	return segs
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
