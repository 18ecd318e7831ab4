package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
)

// TestTextMemory sends the largest text requests a signed-in user may, cut into as many pieces
// as their bytes allow: a million one-letter paragraphs, blank lines, blank topics. What the
// server allocates to answer must stay a few times the request's size, as it does for one long
// paragraph, rather than tens of bytes a byte: 5 MB of them took over 200 MB, and a few at once
// run a server meant to fit in 150 MB out of memory.
func TestTextMemory(t *testing.T) {
	a := newTestApp(t)
	const n = 1_500_000
	jsonText := func(body, topics string) string {
		return `{"title":"T","byline":"B","brief":"b","body":"` + body + `","topics":[` + topics + `]}`
	}
	tests := []struct {
		name string
		send func() (*http.Request, int)
	}{
		{"JSON/ShortParagraphs", func() (*http.Request, int) {
			return jsonRequest(a, jsonText(strings.Repeat(`a\n`, n), "")), http.StatusUnprocessableEntity
		}},
		{"JSON/BlankLines", func() (*http.Request, int) {
			return jsonRequest(a, jsonText(strings.Repeat(`\n`, n), "")), http.StatusCreated
		}},
		{"JSON/BlankTopics", func() (*http.Request, int) {
			return jsonRequest(a, jsonText("x", strings.TrimSuffix(strings.Repeat(`"",`, n), ","))), http.StatusUnprocessableEntity
		}},
		{"Form/ShortParagraphs", func() (*http.Request, int) {
			return formRequest(a, url.Values{"title": {"T"}, "body": {strings.Repeat("a\n", n*2/3)}}), http.StatusUnprocessableEntity
		}},
		{"Form/Topics", func() (*http.Request, int) {
			return formRequest(a, url.Values{"title": {"T"}, "body": {"x"}, "topics": {strings.Repeat("a\n", n*2/3)}}), http.StatusUnprocessableEntity
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, want := tt.send()
			size := req.ContentLength
			rec := httptest.NewRecorder()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			a.server.Handler().ServeHTTP(rec, req)
			runtime.ReadMemStats(&after)
			if rec.Code != want {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, want, rec.Body.String())
			}
			got := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes for %d (%.1f a byte)", got, size, float64(got)/float64(size))
			if limit := uint64(12 * size); got > limit {
				t.Fatalf("the server allocated %d bytes for a %d-byte request (%.1f a byte), want at most %d", got, size, float64(got)/float64(size), limit)
			}
		})
	}
}

// jsonRequest is a POST of a new draft in JSON, by the writer.
func jsonRequest(a *testApp, body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/api/v1/drafts", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+a.tokens["writer"])
	return req
}

// formRequest is the new-draft page's form, sent by the writer's browser.
func formRequest(a *testApp, form url.Values) *http.Request {
	cookie, csrf := a.session("writer")
	form.Set("csrf", csrf)
	req := httptest.NewRequest(http.MethodPost, "/drafts", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
	return req
}
