package server_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/web"
)

// decodeBody decodes a body sent in coding ("" for none).
func decodeBody(t *testing.T, coding string, body io.Reader) string {
	t.Helper()
	var r io.Reader = body
	switch coding {
	case "gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(body)
	case "":
	default:
		t.Fatalf("unknown coding %q", coding)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCompressedAnswers shows that every text answer, app pages, API and page JSON, public
// pages in each format, the feed and static files, is sent in the coding the client prefers by
// its Accept-Encoding qualities, decodes to the plain answer, and says it varies by
// Accept-Encoding; a short answer is sent as it is.
func TestCompressedAnswers(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	d := a.draft(newsroom.StageEditing)
	long := strings.Repeat("More words to make it long. ", 100)
	wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), `{"body":"`+long+`","version":`+fmt.Sprint(d.Version)+`}`), http.StatusOK)
	typed := typedForm(d.Version + 1)
	typed.Set("body", long)
	wantStatus(t, a.page("editor", "POST", fmt.Sprintf("/drafts/%d/working-copy", d.ID), typed), http.StatusOK)
	cookie, _ := a.session("editor")
	urls := []struct {
		name, actor, url string
		session          bool
	}{
		{"DraftPage", "", fmt.Sprintf("/drafts/%d", d.ID), true},
		{"Desk", "", "/desk", true},
		{"PageJSON", "", fmt.Sprintf("/drafts/%d/working-copy", d.ID), true},
		{"API", "editor", fmt.Sprintf("/api/v1/drafts/%d", d.ID), false},
		{"Script", "", "/static/workspace.js", false},
		{"Stylesheet", "", web.StaticPath("style.css"), false},
		{"FrontPage", "", "/", false},
		{"Article", "", "/articles/" + slug, false},
		{"Text", "", "/articles/" + slug + ".txt", false},
		{"Markdown", "", "/articles/" + slug + ".md", false},
		{"NinJS", "", "/articles/" + slug + ".json", false},
		{"Feed", "", "/feed.atom", false},
	}
	codings := []struct{ accept, want string }{
		{"", ""},
		{"gzip", "gzip"},
		{"br", "br"},
		{"gzip, br", "br"},
		{"br;q=0.5, gzip", "gzip"},
		{"br;q=0, gzip;q=0.1", "gzip"},
		{"gzip;q=0", ""},
		{"*", "br"},
		{"identity", ""},
	}
	for _, u := range urls {
		t.Run(u.name, func(t *testing.T) {
			header := func(accept string) http.Header {
				h := http.Header{"Accept": {"text/html"}}
				if u.session {
					h.Set("Cookie", a.cookiePrefix+"copydesk_session="+cookie)
				}
				if accept != "" {
					h.Set("Accept-Encoding", accept)
				}
				return h
			}
			plain := a.send(u.actor, "GET", u.url, "", "", header(""))
			wantStatus(t, plain, http.StatusOK)
			for _, c := range codings {
				res := a.send(u.actor, "GET", u.url, "", "", header(c.accept))
				wantStatus(t, res, http.StatusOK)
				if got := res.Header().Get("Content-Encoding"); got != c.want {
					t.Fatalf("Accept-Encoding %q: Content-Encoding = %q, want %q", c.accept, got, c.want)
				}
				if !strings.Contains(res.Header().Get("Vary"), "Accept-Encoding") {
					t.Fatalf("Vary = %q, want Accept-Encoding", res.Header().Get("Vary"))
				}
				if c.want != "" && res.Body.Len() >= plain.Body.Len() {
					t.Fatalf("%s: %d bytes, plain %d", c.want, res.Body.Len(), plain.Body.Len())
				}
				if got := decodeBody(t, c.want, res.Body); got != plain.Body.String() {
					t.Fatalf("the %q answer does not decode to the plain one", c.want)
				}
			}
		})
	}
	t.Run("ShortAnswerAsItIs", func(t *testing.T) {
		res := a.send("", "GET", "/healthz", "", "", http.Header{"Accept-Encoding": {"br, gzip"}})
		if res.Header().Get("Content-Encoding") != "" || res.Header().Get("Content-Length") != fmt.Sprint(res.Body.Len()) {
			t.Fatalf("a %d-byte answer was sent with %v", res.Body.Len(), res.Header())
		}
	})
}

// TestPublicPagesKeptCompressed shows that a public page's compressed form is kept with the
// page: the same bytes, the same tag for that coding and the length, request after request,
// and a client holding the page in any coding is told it is current.
func TestPublicPagesKeptCompressed(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	url := "/articles/" + slug
	plain := a.do("", "GET", url, "")
	first := a.send("", "GET", url, "", "", http.Header{"Accept-Encoding": {"br"}})
	again := a.send("", "GET", url, "", "", http.Header{"Accept-Encoding": {"br"}})
	if first.Body.String() != again.Body.String() || first.Header().Get("ETag") != again.Header().Get("ETag") ||
		again.Header().Get("Content-Length") != fmt.Sprint(again.Body.Len()) {
		t.Fatalf("the kept Brotli page changed between requests or lacks its length: %v, %v", first.Header(), again.Header())
	}
	if first.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Fatal("the Brotli page has the plain page's strong tag")
	}
	for _, held := range []string{plain.Header().Get("ETag"), first.Header().Get("ETag")} {
		res := a.send("", "GET", url, "", "", http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {held}})
		wantStatus(t, res, http.StatusNotModified)
		if res.Body.Len() != 0 || res.Header().Get("Content-Encoding") != "" || !strings.HasSuffix(res.Header().Get("ETag"), `-gzip"`) {
			t.Fatalf("304 for %s: %d bytes, %v", held, res.Body.Len(), res.Header())
		}
	}
}

// TestCorrectionReachesNextReader: a reader holding the article's ETag revalidates on every
// visit (no max-age), so the request right after a correction gets the corrected page, not a
// 304, whatever coding the reader holds it in.
func TestCorrectionReachesNextReader(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	for _, accept := range []string{"", "gzip", "br"} {
		t.Run("Coding"+accept, func(t *testing.T) {
			url := "/articles/" + slug
			h := http.Header{"Accept-Encoding": {accept}}
			first := a.send("", "GET", url, "", "", h)
			if cc := first.Header().Get("Cache-Control"); cc != "public, no-cache" {
				t.Fatalf("Cache-Control = %q, want public, no-cache: a reader must ask again before each use", cc)
			}
			held := first.Header().Get("ETag")
			h.Set("If-None-Match", held)
			wantStatus(t, a.send("", "GET", url, "", "", h), http.StatusNotModified)
			note := "Correction while read in " + accept + "."
			wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", `{"note":"`+note+`"}`), http.StatusCreated)
			res := a.send("", "GET", url, "", "", h)
			wantStatus(t, res, http.StatusOK)
			if !strings.Contains(decodeBody(t, res.Header().Get("Content-Encoding"), res.Body), note) || res.Header().Get("ETag") == held {
				t.Fatalf("the next request after the correction got %v without the note", res.Header())
			}
		})
	}
}

// TestStaticRevalidation shows that a static file under its fingerprinted URL is kept for a
// year, and under its plain URL asks to be revalidated; each coding has its own tag, and a
// client holding the current file in any coding gets 304 without it.
func TestStaticRevalidation(t *testing.T) {
	a := newTestApp(t)
	printed := web.StaticPath("workspace.css")
	if printed == "/static/workspace.css" || !strings.HasSuffix(printed, ".css") {
		t.Fatalf("StaticPath = %q, want a fingerprinted name", printed)
	}
	kept := a.send("", "GET", printed, "", "", nil)
	wantStatus(t, kept, http.StatusOK)
	if cc := kept.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		t.Fatalf("fingerprinted Cache-Control = %q", cc)
	}
	first := a.send("", "GET", "/static/workspace.css", "", "", nil)
	wantStatus(t, first, http.StatusOK)
	etag := first.Header().Get("ETag")
	if etag == "" || first.Header().Get("Cache-Control") != "no-cache" || first.Body.String() != kept.Body.String() {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.Header().Get("Cache-Control"))
	}
	if got := first.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/css") {
		t.Fatalf("Content-Type = %q", got)
	}
	older := a.send("", "GET", strings.Replace(printed, ".css", "", 1)[:len("/static/workspace.")]+"0123456789.css", "", "", nil)
	if older.Code != http.StatusOK || older.Header().Get("Cache-Control") != "no-cache" {
		t.Fatalf("another version's fingerprint: %d, Cache-Control %q; want the current file, revalidated", older.Code, older.Header().Get("Cache-Control"))
	}
	wantStatus(t, a.send("", "GET", "/static/nothing.0123456789.css", "", "", nil), http.StatusNotFound)
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
	if body := decodeBody(t, "gzip", res.Body); !strings.Contains(body, "Typed words.") {
		t.Fatal("the refused page lost the typed words")
	}
}
