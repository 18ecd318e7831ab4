package newsroom_test

import (
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
		{"InnerLeftOpen", "\u2067a \u202ab c\u2069", "has U+2069 POP DIRECTIONAL ISOLATE where U+202A LEFT-TO-RIGHT EMBEDDING is still open"},
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
