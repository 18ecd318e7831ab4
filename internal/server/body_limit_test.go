package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestBodyLimitByRoute: a route that takes no draft's text keeps the 1 MiB limit for everyone,
// and the larger limit of a text route is for a signed-in user only. It was applied before
// anyone was signed in, so an anonymous 5 MB form to /drafts was read and parsed in full (17.6 MB
// allocated) before its answer, the sign-in page. Right: an anonymous request to a text route is
// refused 413 without reading past 1 MiB, whether its length is announced or not.
func TestBodyLimitByRoute(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	const small = 1 << 20
	t.Run("NonTextRoute", func(t *testing.T) {
		body := `{"field":"body","start":0,"end":4,"body":"` + strings.Repeat("a", small) + `"}`
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), body[:small+1])
		wantStatus(t, res, http.StatusRequestEntityTooLarge)
	})
	form := "title=x&body=" + strings.Repeat("a", newsroom.MaxTextBytes-1024)
	jsonBody := `{"title":"x","body":"` + strings.Repeat("a", newsroom.MaxTextBytes-1024) + `"}`
	for _, tc := range []struct {
		name, path, contentType, body string
		length                        int64
	}{
		{"PageForm/ContentLength", "/drafts", "application/x-www-form-urlencoded", form, int64(len(form))},
		{"PageForm/Chunked", "/drafts", "application/x-www-form-urlencoded", form, -1},
		{"API/ContentLength", "/api/v1/drafts", "application/json", jsonBody, int64(len(jsonBody))},
		{"API/Chunked", "/api/v1/drafts", "application/json", jsonBody, -1},
	} {
		t.Run("Anonymous/"+tc.name, func(t *testing.T) {
			body := &countingReader{r: strings.NewReader(tc.body)}
			req := httptest.NewRequest("POST", tc.path, body)
			req.ContentLength = tc.length
			req.Header.Set("Content-Type", tc.contentType)
			res := httptest.NewRecorder()
			a.server.Handler().ServeHTTP(res, req)
			wantStatus(t, res, http.StatusRequestEntityTooLarge)
			if body.n > small+1 {
				t.Errorf("read %d bytes of an anonymous request, want at most %d", body.n, small+1)
			}
		})
	}
	t.Run("SignedIn/PageForm", func(t *testing.T) {
		res := a.page("writer", "POST", "/drafts", url.Values{"title": {"Long"}, "body": {strings.Repeat("字", newsroom.MaxBody)}})
		wantStatus(t, res, http.StatusSeeOther)
	})
}
