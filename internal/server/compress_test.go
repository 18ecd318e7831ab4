package server_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
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
	zipped := a.send("", "GET", "/static/workspace.css", "", "", http.Header{"Accept-Encoding": {"gzip"}})
	zippedTag := zipped.Header().Get("ETag")
	if zipped.Header().Get("Content-Encoding") != "gzip" || zippedTag == etag || !strings.HasPrefix(zippedTag, `"`) {
		t.Fatalf("the gzipped file is tagged %q, the plain one %q: a strong tag names one encoding's bytes", zippedTag, etag)
	}
	tests := []struct {
		name, ifNoneMatch, encoding string
		want                        int
	}{
		{"SameTag", etag, "", http.StatusNotModified},
		{"SameTagGzipped", zippedTag, "gzip", http.StatusNotModified},
		{"PlainTagNowAskingGzip", etag, "gzip", http.StatusNotModified},
		{"AmongTags", `"old", ` + etag, "gzip", http.StatusNotModified},
		{"OtherTag", `"old"`, "gzip", http.StatusOK},
		{"OtherFilesTag", a.send("", "GET", "/static/style.css", "", "", nil).Header().Get("ETag"), "gzip", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{"If-None-Match": {tt.ifNoneMatch}}
			want := etag
			if tt.encoding != "" {
				h.Set("Accept-Encoding", tt.encoding)
				want = zippedTag
			}
			res := a.send("", "GET", "/static/workspace.css", "", "", h)
			wantStatus(t, res, tt.want)
			if tt.want == http.StatusNotModified && (res.Body.Len() != 0 || res.Header().Get("Content-Encoding") != "") {
				t.Fatalf("304 with %d bytes, Content-Encoding %q", res.Body.Len(), res.Header().Get("Content-Encoding"))
			}
			if res.Header().Get("ETag") != want {
				t.Fatalf("ETag = %q, want %q", res.Header().Get("ETag"), want)
			}
		})
	}
}

// TestRefusedPageCompressed sends the draft page shown again after a refused save (the typed
// words back in its form) gzipped as well: it is as large as the page itself.
func TestRefusedPageCompressed(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	cookie, csrf := a.session("editor")
	form := url.Values{"csrf": {csrf}, "version": {fmt.Sprint(d.Version)}, "title": {""}, "body": {"Typed words."}}
	res := a.send("", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), "application/x-www-form-urlencoded", form.Encode(),
		http.Header{"Accept": {"text/html"}, "Accept-Encoding": {"gzip"}, "Cookie": {a.cookiePrefix + "copydesk_session=" + cookie}})
	if res.Code < http.StatusBadRequest || res.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("refused save answered %d with Content-Encoding %q; want a 4xx page gzipped", res.Code, res.Header().Get("Content-Encoding"))
	}
	r, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "Typed words.") {
		t.Fatal("the refused page lost the typed words")
	}
}
