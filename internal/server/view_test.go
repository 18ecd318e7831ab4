package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestSegmentField checks that a field cut into marked runs joins back to its text, paragraph
// by paragraph, and that each run carries the quote covering it and the first of the comments
// covering it.
func TestSegmentField(t *testing.T) {
	verified := &newsroom.Quote{ID: 9, Status: newsroom.QuoteVerified}
	dismissed := &newsroom.Quote{ID: 3, Status: newsroom.QuoteUnchecked, NotQuote: &newsroom.Dismissal{Note: "a mood, not speech"}}
	waived := &newsroom.Quote{ID: 5, Status: newsroom.QuoteDisputed, Waiver: &newsroom.Waiver{Note: "the recording settles it"}}
	disputed := &newsroom.Quote{ID: 6, Status: newsroom.QuoteDisputed}
	tests := []struct {
		name  string
		text  string
		spans []span
		want  string // paragraphs separated by " | ", marked runs as [text:class] or [text:class #comment@offset]
	}{
		{"Plain", "one\ntwo", nil, "0:one | 4:two"},
		{"Empty", "", nil, "0:"},
		{"Quote", "He said “no” twice.", []span{{start: 8, end: 12, quote: verified}}, "0:He said [“no”:quote quote-verified] twice."},
		{"NotQuote", "They called it “long overdue”.", []span{{start: 15, end: 29, quote: dismissed}}, "0:They called it [“long overdue”:quote quote-not-quote]."},
		{"Waived", "He said “no” twice.", []span{{start: 8, end: 12, quote: waived}}, "0:He said [“no”:quote quote-waived] twice."},
		{"Disputed", "He said “no” twice.", []span{{start: 8, end: 12, quote: disputed}}, "0:He said [“no”:quote quote-disputed] twice."},
		{"CommentInsideQuote", "He said “no way” twice.", []span{{start: 8, end: 16, quote: verified}, {start: 9, end: 11, comment: 4}},
			"0:He said [“:quote quote-verified][no:quote quote-verified commented #4@9][ way”:quote quote-verified] twice."},
		{"SpanOverParagraphs", "abc\ndef", []span{{start: 1, end: 6, comment: 2}}, "0:a[bc:commented #2@1] | 4:[de:commented #2@4]f"},
		{"Emoji", "👍🏽 ok", []span{{start: 3, end: 5, comment: 1}}, "0:👍🏽 [ok:commented #1@3]"},
		{"OverlappingComments", "abcdef", []span{{start: 2, end: 5, comment: 7}, {start: 0, end: 3, comment: 8}, {start: 1, end: 6, comment: 9}},
			"0:[a:commented #8@0][b:commented #8@1][c:commented #7@2][de:commented #7@3][f:commented #9@5]"},
		{"OverlappingQuotes", "abcd", []span{{start: 0, end: 3, quote: verified}, {start: 1, end: 4, quote: disputed}},
			"0:[a:quote quote-verified][bc:quote quote-disputed][d:quote quote-disputed]"},
		{"EmptyAndOutside", "ab\ncd", []span{{start: 1, end: 1, comment: 3}, {start: 4, end: 9, comment: 5}}, "0:ab | 3:c[d:commented #5@4]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paras []string
			for _, p := range segmentField(tt.text, tt.spans) {
				var b strings.Builder
				fmt.Fprintf(&b, "%d:", p.Start)
				for _, s := range p.Segs {
					if c := s.Class(); s.Comment != 0 {
						fmt.Fprintf(&b, "[%s:%s #%d@%d]", s.Text, c, s.Comment, s.At)
					} else if c != "" {
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

// TestClipWords keeps short words whole and long ones to their start and end.
func TestClipWords(t *testing.T) {
	long := strings.Repeat("a", 150) + strings.Repeat("é", 100)
	tests := []struct {
		name, in, want string
	}{
		{"Short", "floating white elephant", "floating white elephant"},
		{"AtTheLimit", strings.Repeat("x", 200), strings.Repeat("x", 200)},
		{"Long", long, strings.Repeat("a", 120) + " … " + strings.Repeat("é", 60)},
		{"SpacesAtTheCut", strings.Repeat("a", 119) + " " + strings.Repeat("b", 100) + " " + strings.Repeat("c", 59), strings.Repeat("a", 119) + " … " + strings.Repeat("c", 59)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clipWords(tt.in); got != tt.want {
				t.Fatalf("clipWords = %q, want %q", got, tt.want)
			}
		})
	}
}
