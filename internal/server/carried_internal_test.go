package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// TestCarriedFitsACookie: a message a redirect carries is whole while it fits, and a longer one
// (a refusal naming dozens of quotes) is cut at a space, with "…", to what a browser keeps of a
// cookie (4,096 bytes, name and attributes included), never in the middle of a character;
// before, a cookie over that was dropped and the page said nothing at all.
func TestCarriedFitsACookie(t *testing.T) {
	long := strings.Repeat(`#12 "Our territory is inalienable" (unchecked); `, 80)
	tests := []struct {
		name, msg string
		whole     bool
	}{
		{"Short", "Saved.", true},
		{"AtTheLimit", strings.Repeat("a", maxCarried), true},
		{"LongRefusal", "cannot approve yet: 80 quotes are not cleared: " + long, false},
		{"LongWithoutSpaces", strings.Repeat("ü", maxCarried), false},
		{"LongRightToLeft", strings.Repeat("אין לנו ", maxCarried/4), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := carried(tt.msg)
			if tt.whole != (got == tt.msg) {
				t.Fatalf("carried kept the message whole: %v, want %v", got == tt.msg, tt.whole)
			}
			if !utf8.ValidString(got) {
				t.Fatalf("carried cut a character in two: %q", got[len(got)-8:])
			}
			if !tt.whole && (!strings.HasSuffix(got, "…") || !strings.HasPrefix(tt.msg, strings.TrimSuffix(got, "…"))) {
				t.Fatalf("carried(%.20q…) = %.20q…, want the message's start with an ellipsis", tt.msg, got)
			}
			rec := httptest.NewRecorder()
			c := echo.New().NewContext(httptest.NewRequest(http.MethodPost, "/", nil), rec)
			warn(c, tt.msg)
			if n := len(rec.Header().Get("Set-Cookie")); n > 4096 {
				t.Fatalf("the warning's cookie is %d bytes, over what a browser keeps", n)
			}
		})
	}
}
