package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCheckLineDirections is the rule for Unicode's directional formatting characters in a line:
// the marks and closed embeddings and isolates are text, overrides are refused, and so is any
// embedding or isolate left open, closed out of order, or closed without being opened.
func TestCheckLineDirections(t *testing.T) {
	tests := []struct {
		name, s string
		want    string // part of the error message; "" for none
	}{
		{"Hebrew", "עורכת ראשית", ""},
		{"Arabic", "محررة الأخبار", ""},
		{"LeftToRightMark", "Ed\u200e (2)", ""},
		{"RightToLeftMark", "עורכת\u200f (2)", ""},
		{"ArabicLetterMark", "محررة\u061c 2", ""},
		{"ClosedEmbedding", "a \u202bעורכת\u202c b", ""},
		{"ClosedLeftToRightEmbedding", "\u202aABC\u202c", ""},
		{"ClosedIsolates", "\u2066a\u2069 \u2067ב\u2069 \u2068c\u2069", ""},
		{"NestedClosedInOrder", "\u2067a \u202ab\u202c c\u2069", ""},
		{"RightToLeftOverride", "\u202erotidE", "name must not contain U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"ClosedOverride", "\u202erotidE\u202c", "must not contain U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"LeftToRightOverride", "\u202dEd\u202c", "must not contain U+202D LEFT-TO-RIGHT OVERRIDE"},
		{"UnclosedEmbedding", "Ed \u202bעורכת", "name opens U+202B RIGHT-TO-LEFT EMBEDDING without closing it with U+202C POP DIRECTIONAL FORMATTING"},
		{"UnclosedIsolate", "\u2068Ed", "opens U+2068 FIRST STRONG ISOLATE without closing it with U+2069 POP DIRECTIONAL ISOLATE"},
		{"IsolateClosesItsEmbeddings", "\u2067a \u202ab c\u2069 d", ""},
		{"IsolateClosesOnlyItsOwn", "\u202ba \u2066b\u2069 c", "opens U+202B RIGHT-TO-LEFT EMBEDDING without closing it"},
		{"ClosedOutOfOrder", "\u202ba \u2066b\u202c c\u2069", "has U+202C POP DIRECTIONAL FORMATTING where U+2066 LEFT-TO-RIGHT ISOLATE is still open"},
		{"IsolateClosedAsEmbedding", "\u2066a\u202c", "where U+2066 LEFT-TO-RIGHT ISOLATE is still open"},
		{"StrayPop", "Ed\u202c", "name has U+202C POP DIRECTIONAL FORMATTING with nothing open before it to close"},
		{"StrayPopIsolate", "\u2069Ed", "has U+2069 POP DIRECTIONAL ISOLATE with nothing open before it to close"},
		{"PopBeforeOpen", "\u202ca\u202b", "with nothing open before it to close"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantInvalid(t, "CheckLine()", newsroom.CheckLine("name", tt.s, 100), tt.want)
		})
	}
}

// TestTextCheckDirections holds what a save changes to the rule: one-line fields as lines, the
// body paragraph by paragraph, and a field it leaves as it was stored passes.
func TestTextCheckDirections(t *testing.T) {
	ok := newsroom.Text{Title: "Title", Byline: "By", Brief: "Brief.", Body: "One.\nTwo.", Topics: []string{"a"}, EditorComment: "Note."}
	tests := []struct {
		name   string
		mutate func(*newsroom.Text)
		was    newsroom.Text
		want   string
	}{
		{"OK", func(*newsroom.Text) {}, newsroom.Text{}, ""},
		{"TitleOverride", func(x *newsroom.Text) { x.Title = "\u202eeltiT" }, newsroom.Text{}, "title must not contain U+202E"},
		{"BylineUnclosed", func(x *newsroom.Text) { x.Byline = "\u202bBy" }, newsroom.Text{}, "byline opens U+202B"},
		{"BriefStrayPop", func(x *newsroom.Text) { x.Brief = "Brief\u2069" }, newsroom.Text{}, "brief has U+2069"},
		{"TopicOverride", func(x *newsroom.Text) { x.Topics = []string{"a", "\u202db"} }, newsroom.Text{}, "topic must not contain U+202D"},
		{"CommentUnclosed", func(x *newsroom.Text) { x.EditorComment = "\u2067x" }, newsroom.Text{}, "editor_comment opens U+2067"},
		{"BodyParagraphUnclosed", func(x *newsroom.Text) { x.Body = "One.\n\u202bTwo." }, newsroom.Text{}, "paragraph 2 of the body opens U+202B"},
		{"BodyClosedInNextParagraph", func(x *newsroom.Text) { x.Body = "\u202bOne.\nTwo.\u202c" }, newsroom.Text{}, "paragraph 1 of the body opens U+202B"},
		{"BodySeventhParagraphOverride", func(x *newsroom.Text) { x.Body = strings.Repeat("Fine.\n", 6) + "Bad \u202e.\nFine." }, newsroom.Text{}, "paragraph 7 of the body must not contain U+202E"},
		{"BodyParagraphsEachClosed", func(x *newsroom.Text) { x.Body = "\u202bאחת\u202c\n\u2067שתיים\u2069" }, newsroom.Text{}, ""},
		{"StoredTitleUnchanged", func(x *newsroom.Text) { x.Title = "\u202eeltiT" },
			newsroom.Text{Title: "\u202eeltiT", Byline: "By", Brief: "Brief.", Body: "Old."}, ""},
		{"StoredTitleChangedStillBroken", func(x *newsroom.Text) { x.Title = "\u202eeltiT wen" },
			newsroom.Text{Title: "\u202eeltiT"}, "title must not contain U+202E"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ok
			tt.mutate(&x)
			wantInvalid(t, "CheckDirections()", x.CheckDirections(tt.was), tt.want)
		})
	}
}

// TestTextCheckDirectionsAllocatesNothingAParagraph: checking a changed body costs no more
// allocations for forty paragraphs than for one, where naming each paragraph for a message it
// would not need cost one a paragraph on every save and publish.
func TestTextCheckDirectionsAllocatesNothingAParagraph(t *testing.T) {
	para := "The council’s “plan” holds, said \u2067رشا\u2069 Delgado."
	allocs := func(paragraphs int) float64 {
		x := newsroom.Text{Title: "Title", Body: strings.TrimSuffix(strings.Repeat(para+"\n", paragraphs), "\n")}
		if err := x.CheckDirections(newsroom.Text{}); err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(20, func() { _ = x.CheckDirections(newsroom.Text{}) })
	}
	if one, forty := allocs(1), allocs(40); forty != one {
		t.Fatalf("CheckDirections allocated %v times for forty paragraphs and %v for one; want the same", forty, one)
	}
}

// TestIsolated shows a line as it stands among other words in plain text: as it is when it keeps
// the direction rule, else between U+2068 and U+2069, without the closers that close nothing in
// it, so that nothing it opens reaches past it and nothing in it closes the isolate early.
func TestIsolated(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"Empty", "", ""},
		{"Plain", "Flood defences", "Flood defences"},
		{"RightToLeft", "שיטפון\u200f", "שיטפון\u200f"},
		{"Closed", "\u202bשיטפון\u202c \u2066a\u2069", "\u202bשיטפון\u202c \u2066a\u2069"},
		{"Override", "\u202eanA", "\u2068\u202eanA\u2069"},
		{"ClosedOverride", "\u202eanA\u202c Ed", "\u2068\u202eanA\u202c Ed\u2069"},
		{"OpenEmbedding", "Ed \u202bעורך", "\u2068Ed \u202bעורך\u2069"},
		{"OpenIsolate", "\u2067עורך", "\u2068\u2067עורך\u2069\u2069"},
		{"OpenEmbeddingInAnOpenIsolate", "\u202bא \u2068b \u202ac", "\u2068\u202bא \u2068b \u202ac\u2069\u2069"},
		{"StrayPopIsolate", "a\u2069 \u202bב", "\u2068a \u202bב\u2069"},
		{"StrayPop", "\u202ca", "\u2068a\u2069"},
		{"PopInsideAnIsolate", "\u2066a\u202cb", "\u2068\u2066ab\u2069\u2069"},
		{"IsolateClosesItsEmbeddings", "\u2067a \u202bb\u2069 c\u2069", "\u2068\u2067a \u202bb\u2069 c\u2069"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newsroom.Isolated(tt.line)
			if got != tt.want {
				t.Fatalf("Isolated(%+q) = %+q, want %+q", tt.line, got, tt.want)
			}
			if open := leftOpen(got); open != 0 {
				t.Fatalf("Isolated(%+q) = %+q leaves %d embeddings or isolates open, turning the words after it", tt.line, got, open)
			}
		})
	}
}

// leftOpen is how many embeddings, overrides and isolates s leaves open, as the bidirectional
// algorithm (UAX #9) pairs them: U+202C closes the innermost embedding or override unless an
// isolate is innermost, and U+2069 closes the innermost isolate and everything opened in it.
func leftOpen(s string) int {
	var open []rune
	for _, r := range s {
		switch r {
		case '\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068':
			open = append(open, r)
		case '\u202C':
			if n := len(open); n > 0 && open[n-1] < '\u2066' {
				open = open[:n-1]
			}
		case '\u2069':
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] >= '\u2066' {
					open = open[:i]
					break
				}
			}
		}
	}
	return len(open)
}
