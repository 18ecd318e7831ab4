package server_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCompressedAnswers shows that app pages and static files are sent gzipped to a client that
// asks for it, and decode to the plain answer, while the API, the page routes that answer JSON
// and the public pages are sent as they are.
func TestCompressedAnswers(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	cookie, _ := a.session("editor")
	tests := []struct {
		name, actor, url string
		session          bool
		compressed       bool
	}{
		{"DraftPage", "", fmt.Sprintf("/drafts/%d", d.ID), true, true},
		{"Desk", "", "/desk", true, true},
		{"Script", "", "/static/workspace.js", false, true},
		{"Stylesheet", "", "/static/style.css", false, true},
		{"API", "editor", fmt.Sprintf("/api/v1/drafts/%d", d.ID), false, false},
		{"PageJSON", "", fmt.Sprintf("/drafts/%d/working-copy", d.ID), true, false},
		{"FrontPage", "", "/", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := func(encoding string) http.Header {
				h := http.Header{"Accept": {"text/html"}}
				if tt.session {
					h.Set("Cookie", a.cookiePrefix+"copydesk_session="+cookie)
				}
				if encoding != "" {
					h.Set("Accept-Encoding", encoding)
				}
				return h
			}
			plain := a.send(tt.actor, "GET", tt.url, "", "", header(""))
			if got := plain.Header().Get("Content-Encoding"); got != "" {
				t.Fatalf("asked for no encoding, got %q", got)
			}
			zipped := a.send(tt.actor, "GET", tt.url, "", "", header("br, gzip;q=0.8"))
			if !tt.compressed {
				if got := zipped.Header().Get("Content-Encoding"); got != "" {
					t.Fatalf("Content-Encoding = %q, want none", got)
				}
				return
			}
			wantStatus(t, plain, http.StatusOK)
			wantStatus(t, zipped, http.StatusOK)
			if got := zipped.Header().Get("Content-Encoding"); got != "gzip" {
				t.Fatalf("Content-Encoding = %q, want gzip", got)
			}
			for _, res := range []http.Header{plain.Header(), zipped.Header()} {
				if !strings.Contains(res.Get("Vary"), "Accept-Encoding") {
					t.Fatalf("Vary = %q, want Accept-Encoding", res.Get("Vary"))
				}
			}
			r, err := gzip.NewReader(zipped.Body)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != plain.Body.String() {
				t.Fatal("the gzipped answer does not decode to the plain one")
			}
			if zipped.Body.Len() >= len(body) {
				t.Fatalf("gzipped %d bytes, plain %d", zipped.Body.Len(), len(body))
			}
		})
	}
}

// TestStaticRevalidation shows that a static file carries a tag of its content and asks to be
// revalidated, and that a client holding the current tag gets 304 without the file.
func TestStaticRevalidation(t *testing.T) {
	a := newTestApp(t)
	first := a.send("", "GET", "/static/workspace.css", "", "", nil)
	wantStatus(t, first, http.StatusOK)
	etag := first.Header().Get("ETag")
	if etag == "" || first.Header().Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.Header().Get("Cache-Control"))
	}
	if got := first.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/css") {
		t.Fatalf("Content-Type = %q", got)
	}
	tests := []struct {
		name, ifNoneMatch string
		want              int
	}{
		{"SameTag", etag, http.StatusNotModified},
		{"AmongTags", `"old", ` + etag, http.StatusNotModified},
		{"OtherTag", `"old"`, http.StatusOK},
		{"OtherFilesTag", a.send("", "GET", "/static/style.css", "", "", nil).Header().Get("ETag"), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.send("", "GET", "/static/workspace.css", "", "", http.Header{"If-None-Match": {tt.ifNoneMatch}, "Accept-Encoding": {"gzip"}})
			wantStatus(t, res, tt.want)
			if tt.want == http.StatusNotModified && (res.Body.Len() != 0 || res.Header().Get("Content-Encoding") != "") {
				t.Fatalf("304 with %d bytes, Content-Encoding %q", res.Body.Len(), res.Header().Get("Content-Encoding"))
			}
			if res.Header().Get("ETag") != etag {
				t.Fatalf("ETag = %q, want %q", res.Header().Get("ETag"), etag)
			}
		})
	}
}
