package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

type pubResponse struct {
	Slug        string            `json:"slug"`
	Stage       string            `json:"stage"`
	PublishedAt string            `json:"published_at"`
	URLs        map[string]string `json:"urls"`
}

// importAndApprove imports text as "writer"'s draft and walks it to approved over the API.
func importAndApprove(t *testing.T, a *testApp, text string, prepare ...func(newsroom.Draft)) newsroom.Draft {
	t.Helper()
	res := a.send("editor", "POST", "/api/v1/import?author=writer", "text/plain; charset=utf-8", text, nil)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	for _, f := range prepare {
		f(d)
	}
	for _, st := range []struct{ actor, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		if st.action == "clear" {
			a.verifyQuotes(d.ID)
		}
		wantStatus(t, a.do(st.actor, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"`+st.action+`"}`), 200)
	}
	return d
}

// TestSeedRoundTrip imports the house-format seed, takes it through the workflow, publishes it
// on its date, and gets the same text back, byte for byte.
func TestSeedRoundTrip(t *testing.T) {
	a := newTestApp(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"2025-05-07T10:00:00Z"}`)
	wantStatus(t, res, 200)
	pub := decode[pubResponse](t, res)
	if pub.Slug != "mexicos-sheinbaum-rejects-trumps-troop-offer-to-battle-drug-cartels" || pub.Stage != "published" ||
		pub.PublishedAt != "2025-05-07T10:00:00Z" || !strings.HasSuffix(pub.URLs["text"], "/articles/"+pub.Slug+".txt") {
		t.Fatalf("publish = %+v", pub)
	}
	res = a.do("", "GET", "/articles/"+pub.Slug+".txt", "")
	wantStatus(t, res, 200)
	if got := strings.TrimSuffix(res.Body.String(), "\n"); got != string(seed) {
		t.Fatalf("round trip differs:\n%s\n---\n%s", got, seed)
	}
}

// TestTextKeepsLayoutWithUnicodeLineBreaks publishes a piece whose writer pasted Unicode's
// line and paragraph separators into its fields, and reads its text as a reader that splits
// lines as Unicode does (Python's str.splitlines, most editors): the house layout holds, the
// title alone on the first line, an empty line, the byline, the date and "Brief", and the
// body's paragraphs before "Topics".
func TestTextKeepsLayoutWithUnicodeLineBreaks(t *testing.T) {
	a := newTestApp(t)
	in := `{"title":"Two\u2028lines","byline":"Sarah\u2029Johnson","brief":"A brief\u2028in parts.","body":"One\u2029two.","topics":["Mexico\u2028City"]}`
	res := a.do("writer", "POST", "/api/v1/drafts", in)
	wantStatus(t, res, http.StatusCreated)
	id := decode[newsroom.Draft](t, res).ID
	for _, st := range []struct{ actor, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		wantStatus(t, a.do(st.actor, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"`+st.action+`"}`), http.StatusOK)
	}
	res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", id), "")
	wantStatus(t, res, http.StatusOK)
	text := a.do("", "GET", "/articles/"+decode[pubResponse](t, res).Slug+".txt", "").Body.String()
	// A reader splitting as Unicode does ends a line at each of these, as at "\n".
	lines := strings.Split(strings.NewReplacer("\u2028", "\n", "\u2029", "\n").Replace(text), "\n")
	want := []string{"Two lines", "", "Sarah Johnson", lines[3], "Brief", "A brief in parts.", "One", "two.", "Topics", "Mexico City"}
	if len(lines) < len(want) || !slices.Equal(lines[:len(want)], want) {
		t.Fatalf("the text's lines are not %q:\n%s", want, text)
	}
}

func TestPublicOutputs(t *testing.T) {
	a := newTestApp(t)
	seed, _ := os.ReadFile("testdata/seed.txt")
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, 200)
	slug := decode[pubResponse](t, res).Slug
	formats := []struct {
		url, contentType, contains string
	}{
		{"/articles/" + slug, "text/html", `"@type":"NewsArticle"`},
		{"/articles/" + slug + ".md", "text/markdown", "# Mexico’s Sheinbaum"},
		{"/articles/" + slug + ".json", "application/json; charset=utf-8", `"headlines"`},
		{"/briefs/" + slug + ".txt", "text/plain", "/articles/" + slug},
		{"/", "text/html", "/articles/" + slug},
		{"/feed.atom", "application/atom+xml", "<feed"},
	}
	for _, f := range formats {
		t.Run(f.url, func(t *testing.T) {
			res := a.do("", "GET", f.url, "")
			wantStatus(t, res, 200)
			if ct := res.Header().Get("Content-Type"); !strings.Contains(ct, f.contentType) {
				t.Fatalf("Content-Type = %q, want %q", ct, f.contentType)
			}
			if !strings.Contains(res.Body.String(), f.contains) {
				t.Fatalf("body lacks %q:\n%s", f.contains, res.Body.String())
			}
			etag := res.Header().Get("ETag")
			if etag == "" || res.Header().Get("Cache-Control") != "public, no-cache" || res.Header().Get("Content-Length") != fmt.Sprint(res.Body.Len()) {
				t.Fatalf("not cacheable and revalidated, with its length: %v", res.Header())
			}
			again := a.send("", "GET", f.url, "", "", http.Header{"If-None-Match": {etag}})
			wantStatus(t, again, http.StatusNotModified)
		})
	}
	for _, u := range []string{"/articles/" + slug + ".pdf", "/briefs/" + slug, "/articles/no-such-piece", "/briefs/no-such-piece.txt"} {
		wantStatus(t, a.do("", "GET", u, ""), 404)
	}
	res = a.do("", "GET", "/articles/"+slug+".json", "")
	var ninjs map[string]any
	if err := json.Unmarshal(res.Body.Bytes(), &ninjs); err != nil || ninjs["headlines"] == nil {
		t.Fatalf("ninjs = %v, %v", ninjs, err)
	}

	t.Run("Correction", func(t *testing.T) {
		before := a.do("", "GET", "/articles/"+slug+".txt", "").Body.String()
		res := a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", `{"note":"An earlier version misnamed the outlet."}`)
		wantStatus(t, res, 201)
		for _, f := range formats {
			body := a.do("", "GET", f.url, "").Body.String()
			if !strings.Contains(body, "An earlier version misnamed the outlet.") {
				t.Errorf("%s does not show the correction", f.url)
			}
		}
		if after := a.do("", "GET", "/articles/"+slug+".txt", "").Body.String(); after == before {
			t.Error("the text did not change")
		}
		wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", `{"note":""}`), 422)
	})
}

// TestPublishWithoutBody publishes now on a request with no body, however it is framed: without
// one, with Content-Length: 0, or chunked with nothing in it, since the body is optional.
func TestPublishWithoutBody(t *testing.T) {
	a := newTestApp(t)
	for _, tt := range []struct {
		name   string
		body   io.Reader
		length int64
	}{{"NoBody", nil, 0}, {"ContentLengthZero", strings.NewReader(""), 0}, {"ChunkedEmpty", strings.NewReader(""), -1}} {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageApproved)
			res := a.framed("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), tt.body, tt.length)
			wantStatus(t, res, http.StatusOK)
			if got := decode[pubResponse](t, res).Stage; got != "published" {
				t.Fatalf("stage = %q, want published", got)
			}
		})
	}
}

func TestScheduleOverAPI(t *testing.T) {
	a := newTestApp(t)
	seed, _ := os.ReadFile("testdata/seed.txt")
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"2999-01-01T00:00:00Z"}`)
	wantStatus(t, res, 200)
	pub := decode[pubResponse](t, res)
	if pub.Stage != "scheduled" {
		t.Fatalf("publish in the future = %+v", pub)
	}
	wantStatus(t, a.do("", "GET", "/articles/"+pub.Slug, ""), 404)
	var feed struct {
		Entries []struct{} `xml:"entry"`
	}
	if err := xml.Unmarshal(a.do("", "GET", "/feed.atom", "").Body.Bytes(), &feed); err != nil || len(feed.Entries) != 0 {
		t.Fatalf("feed of a scheduled piece: %d entries, %v", len(feed.Entries), err)
	}
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"unschedule"}`), 200)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"yesterday"}`), 400)
	wantStatus(t, a.send("editor", "POST", "/api/v1/import?author=writer", "application/json", `{}`, nil), 415)
	res = a.send("editor", "POST", "/api/v1/import?author=writer", "text/plain", "Title only\n", nil)
	wantStatus(t, res, 422)
	if !strings.Contains(res.Body.String(), "line 2") {
		t.Fatalf("import error does not name the line: %s", res.Body.String())
	}
}

// otherServer opens a second store on the app's database, as another server of the newsroom
// would have.
func otherServer(t *testing.T, a *testApp) *store.Store {
	t.Helper()
	st, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// catchUp has the app's store read what other servers recorded, as the scheduler has it do
// every tail interval.
func catchUp(t *testing.T, a *testApp) {
	t.Helper()
	if err := a.store.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestFeedFollowsOtherServers publishes through another server's store on the same database:
// this server keeps its cached feed until it reads that server's events, and then lists the
// piece.
func TestFeedFollowsOtherServers(t *testing.T) {
	a := newTestApp(t)
	seed, _ := os.ReadFile("testdata/seed.txt")
	d := importAndApprove(t, a, string(seed))
	if strings.Contains(a.do("", "GET", "/feed.atom", "").Body.String(), "Sheinbaum") {
		t.Fatal("the feed lists an unpublished piece")
	}
	if _, err := otherServer(t, a).Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.do("", "GET", "/feed.atom", "").Body.String(), "Sheinbaum") {
		t.Fatal("the feed was rendered again before the server read the other's events: it was not cached")
	}
	catchUp(t, a)
	if !strings.Contains(a.do("", "GET", "/feed.atom", "").Body.String(), "Sheinbaum") {
		t.Fatal("the feed does not show a piece published elsewhere once the server has read the events")
	}
}

// TestArticleFollowsOtherServers corrects a piece through another server's store on the same
// database: this server keeps serving the article page it rendered until it reads that
// server's events, and then shows the correction, under a new ETag.
func TestArticleFollowsOtherServers(t *testing.T) {
	t.Parallel()
	a := newTestApp(t)
	seed, _ := os.ReadFile("testdata/seed.txt")
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, 200)
	slug := decode[pubResponse](t, res).Slug
	url := "/articles/" + slug
	first := a.do("", "GET", url, "")
	wantStatus(t, first, 200)
	const note = "An earlier version misnamed the outlet."
	if _, err := otherServer(t, a).Correct(ctxAs(a, "editor"), slug, newsroom.CorrectionRequest{Note: note}); err != nil {
		t.Fatal(err)
	}
	if res := a.do("", "GET", url, ""); res.Body.String() != first.Body.String() {
		t.Fatal("the page changed before the server read the other's events: it was not cached")
	}
	catchUp(t, a)
	res = a.do("", "GET", url, "")
	wantStatus(t, res, 200)
	if !strings.Contains(res.Body.String(), note) {
		t.Fatal("the article does not show a correction made elsewhere once the server has read the events")
	}
	if res.Header().Get("ETag") == first.Header().Get("ETag") {
		t.Fatal("the corrected page kept the first page's ETag")
	}
}
