package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// TestBadTextInPathQueryAndForm sends invalid UTF-8 and NUL bytes everywhere a request carries
// text besides a JSON body: the path, the query string and forms, to public pages, both ways of
// signing in, and signed-in API routes and pages. Each is refused as its route means it (404 for
// a path that names nothing, 400 for a bad parameter) before any query runs, on either database,
// and nothing is logged as an error.
func TestBadTextInPathQueryAndForm(t *testing.T) {
	a := newTestApp(t)
	logs := a.captureLogs()
	d := a.draft(newsroom.StageDraft)
	cid := a.comment(d.ID)
	tests := []struct {
		name                     string
		via                      string // "api" with a bearer token, "page" as a browser with a session, "signin" the sign-in form
		actor, method, url, body string
		want                     int
	}{
		{"ArticleSlugFF", "api", "", "GET", "/articles/%FF", "", 404},
		{"ArticleSlugNUL", "api", "", "GET", "/articles/a%00b.txt", "", 404},
		{"BriefSlug", "api", "", "GET", "/briefs/%C3%28.txt", "", 404},
		{"DraftID", "api", "editor", "GET", "/api/v1/drafts/%FF", "", 404},
		{"CorrectionSlug", "api", "editor", "POST", "/api/v1/articles/%FF%00/corrections", `{"note":"n"}`, 404},
		{"SearchNUL", "api", "writer", "GET", "/api/v1/drafts?q=%00", "", 400},
		{"SearchFF", "api", "writer", "GET", "/api/v1/drafts?q=%FF", "", 400},
		{"StageNUL", "api", "editor", "GET", "/api/v1/drafts?stage=draft%00", "", 400},
		{"QueryName", "api", "editor", "GET", "/api/v1/drafts?%FF=1", "", 400},
		{"ImportAuthor", "api", "editor", "POST", "/api/v1/import?author=%ff", mustRead(t, "testdata/seed.txt"), 400},
		{"AnonymousQuery", "api", "", "GET", "/?x=%00", "", 400},
		{"LoginPageNext", "page", "", "GET", "/login?next=%FF", "", 400},
		{"SignInUsernameNUL", "signin", "", "POST", "/login", "username=writer%00&password=pw-writer", 400},
		{"SignInUsernameFF", "signin", "", "POST", "/login", "username=%FF&password=x", 400},
		{"DraftPage", "page", "writer", "GET", "/drafts/%FF", "", 404},
		{"DeskSearch", "page", "writer", "GET", "/desk?q=%00", "", 400},
		{"NewDraftTitle", "page", "writer", "POST", "/drafts", "title=a%00b&byline=W", 400},
		{"CommentBody", "page", "editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), "field=body&start=0&end=4&body=%C3", 400},
		{"ReplyBody", "page", "writer", "POST", fmt.Sprintf("/comments/%d/reply", cid), "body=%00", 400},
		{"AddUser", "page", "admin", "POST", "/admin/users", "username=%FF&name=X&role=writer&password=long-enough-pw", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *httptest.ResponseRecorder
			switch tt.via {
			case "api":
				ct := "application/json"
				if strings.HasPrefix(tt.url, "/api/v1/import") {
					ct = "text/plain"
				}
				res = a.send(tt.actor, tt.method, tt.url, ct, tt.body, nil)
			case "page":
				form, _ := url.ParseQuery(tt.body)
				res = a.page(tt.actor, tt.method, tt.url, form)
			case "signin":
				res = a.signInForm(tt.body)
			}
			wantStatus(t, res, tt.want)
			if tt.via == "api" {
				want := map[int]string{400: "malformed", 404: "not_found"}[tt.want]
				if e := decode[apiError](t, res); e.Error.Code != want {
					t.Fatalf("error = %+v, want code %q", e.Error, want)
				}
			}
		})
	}
	for _, l := range logs.lines(t) {
		if l["level"] == "ERROR" {
			t.Errorf("bad input was logged as an error: %v", l)
		}
	}
}

// captureLogs serves the app's requests from now on by a server that logs into the buffer it
// returns, as JSON lines.
func (a *testApp) captureLogs() *logBuffer {
	logs := &logBuffer{}
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	return logs
}

// signInForm posts the sign-in form as a browser does, with the CSRF cookie and token the form's
// page gave it; form is the rest of the form, URL-encoded.
func (a *testApp) signInForm(form string) *httptest.ResponseRecorder {
	a.t.Helper()
	get := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(get, httptest.NewRequest("GET", "/login", nil))
	req := httptest.NewRequest("POST", "/login", nil)
	for _, c := range get.Result().Cookies() {
		req.AddCookie(c)
		if strings.Contains(c.Name, "csrf") {
			form += "&csrf=" + url.QueryEscape(c.Value)
		}
	}
	req.Body = io.NopCloser(strings.NewReader(form))
	req.ContentLength = int64(len(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	res := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(res, req)
	return res
}
