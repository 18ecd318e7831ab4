package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestTextFromFormParagraphs holds the edit form's body to one paragraph per line, however the
// paragraphs were separated: the form shows them with a blank line between, as the text does.
func TestTextFromFormParagraphs(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"OneLineEach", "First.\nSecond.", "First.\nSecond."},
		{"BlankLineBetween", "First.\n\nSecond.\n\nThird.", "First.\nSecond.\nThird."},
		{"WindowsLineEnds", "First.\r\n\r\nSecond.\r\n", "First.\nSecond."},
		{"OldMacLineEnds", "First.\r\rSecond.", "First.\nSecond."},
		{"BlankLinesOfSpaces", "\n  \nFirst.\n \t \n\n\nSecond.\n\n", "First.\nSecond."},
		{"InnerSpaceKept", "  Indented.\n\nTrailing.  ", "  Indented.\nTrailing.  "},
		{"Empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"title": {"T"}, "body": {tc.body}}
			req := httptest.NewRequest(http.MethodPost, "/drafts/1/edit", strings.NewReader(form.Encode()))
			req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationForm)
			text, err := textFromForm(echo.New().NewContext(req, httptest.NewRecorder()))
			if err != nil || text.Body != tc.want {
				t.Errorf("body %q reads as %q (%v), want %q", tc.body, text.Body, err, tc.want)
			}
		})
	}
}
