package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestSegmentField checks that a field cut into marked runs joins back to its text, paragraph
// by paragraph, and that each run carries the quote and comments covering it.
func TestSegmentField(t *testing.T) {
	verified := &newsroom.Quote{ID: 9, Status: newsroom.QuoteVerified}
	dismissed := &newsroom.Quote{ID: 3, Status: newsroom.QuoteUnchecked, NotQuote: &newsroom.Dismissal{Note: "a mood, not speech"}}
	waived := &newsroom.Quote{ID: 5, Status: newsroom.QuoteDisputed, Waiver: &newsroom.Waiver{Note: "the recording settles it"}}
	disputed := &newsroom.Quote{ID: 6, Status: newsroom.QuoteDisputed}
	tests := []struct {
		name  string
		text  string
		spans []span
		want  string // paragraphs separated by " | ", marked runs as [text:class]
	}{
		{"Plain", "one\ntwo", nil, "0:one | 4:two"},
		{"Empty", "", nil, "0:"},
		{"Quote", "He said “no” twice.", []span{{start: 8, end: 12, quote: verified}}, "0:He said [“no”:quote quote-verified] twice."},
		{"NotQuote", "They called it “long overdue”.", []span{{start: 15, end: 29, quote: dismissed}}, "0:They called it [“long overdue”:quote quote-not-quote]."},
		{"Waived", "He said “no” twice.", []span{{start: 8, end: 12, quote: waived}}, "0:He said [“no”:quote quote-waived] twice."},
		{"Disputed", "He said “no” twice.", []span{{start: 8, end: 12, quote: disputed}}, "0:He said [“no”:quote quote-disputed] twice."},
		{"CommentInsideQuote", "He said “no way” twice.", []span{{start: 8, end: 16, quote: verified}, {start: 9, end: 11, comment: 4}},
			"0:He said [“:quote quote-verified][no:quote quote-verified commented][ way”:quote quote-verified] twice."},
		{"SpanOverParagraphs", "abc\ndef", []span{{start: 1, end: 6, comment: 2}}, "0:a[bc:commented] | 4:[de:commented]f"},
		{"Emoji", "👍🏽 ok", []span{{start: 3, end: 5, comment: 1}}, "0:👍🏽 [ok:commented]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paras []string
			for _, p := range segmentField(tt.text, tt.spans) {
				var b strings.Builder
				fmt.Fprintf(&b, "%d:", p.Start)
				for _, s := range p.Segs {
					if c := s.Class(); c != "" {
						fmt.Fprintf(&b, "[%s:%s]", s.Text, c)
					} else {
						b.WriteString(s.Text)
					}
				}
				paras = append(paras, b.String())
			}
			if got := strings.Join(paras, " | "); got != tt.want {
				t.Fatalf("segments = %q\nwant       %q", got, tt.want)
			}
		})
	}
}
