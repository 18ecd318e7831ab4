package server_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/merge"
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
		body := `{"action":"submit","note":"` + strings.Repeat("a", small) + `"}`
		res := a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), body[:small+1])
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

// TestBodyLimitOfFormsCarryingABody: a form that can carry as much as a whole body takes the
// text routes' limit, as the edit form does, so that a long piece in a script of three bytes a
// character (nine percent-encoded, six escaped in JSON) is not refused 413 for its size. The
// merge form past merge.MaxConflicts holds the writer's whole body in one "My edit"; a quote's
// forms hold its words, and a comment's the words selected, either as long as the body.
func TestBodyLimitOfFormsCarryingABody(t *testing.T) {
	t.Run("MergeOfWholeField", func(t *testing.T) {
		a := newTestApp(t)
		side := func(words string) string {
			var ps []string
			for i := range 40 {
				ps = append(ps, fmt.Sprintf("第%d段", i)+strings.Repeat("漢字", 1500))
			}
			for i := range merge.MaxConflicts + 1 {
				ps = append(ps, fmt.Sprintf("Line %d %s.", i, words))
			}
			return strings.Join(ps, "\n")
		}
		d := a.draft(newsroom.StageDraft)
		base, theirs := side("as it was"), side("as they wrote")
		d, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &base, Version: d.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &theirs, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
		res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), editForm(d, side("as I wrote"), d.Version))
		path := res.Header().Get("Location")
		if res.Code != http.StatusSeeOther || !strings.HasSuffix(path, "/merge") {
			t.Fatalf("the stale save was answered %d to %q, want the merge page", res.Code, path)
		}
		page := a.page("writer", "GET", path, nil).Body.String()
		form := url.Values{"version": {regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)[1]},
			"conflicts": {regexp.MustCompile(`name="conflicts" value="(\d+)"`).FindStringSubmatch(page)[1]}}
		edits := regexp.MustCompile(`(?s)<textarea id="edit-(\d+)" name="edit-\d+"[^>]*>\n?(.*?)</textarea>`).FindAllStringSubmatch(page, -1)
		if len(edits) != 1 {
			t.Fatalf("the merge page lists %d conflicts, want the body as one", len(edits))
		}
		form.Set("choice-"+edits[0][1], "mine")
		form.Set("edit-"+edits[0][1], strings.ReplaceAll(html.UnescapeString(edits[0][2]), "\n", "\r\n"))
		if n := len(form.Encode()); n <= 1<<20 {
			t.Fatalf("the form is %d bytes, within the 1 MiB every route takes: it tests nothing", n)
		}
		if res := a.page("writer", "POST", path, form); res.Code != http.StatusSeeOther {
			t.Fatalf("choosing mine was answered %d: %.300s", res.Code, res.Body.String())
		}
	})
	words := strings.Repeat("漢字", 100000)
	// A comment's form holds the words selected, which may run as long as the body: past the
	// longest quote a comment may hold, it is refused for that, with what was typed, not 413.
	for _, api := range []bool{false, true} {
		t.Run(fmt.Sprintf("Comment/API=%v", api), func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &words, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			var res *httptest.ResponseRecorder
			if api {
				res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID),
					fmt.Sprintf(`{"field":"body","quote":{"exact":%s},"body":"Cut this?"}`, strconv.QuoteToASCII(words)))
			} else {
				res = a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), url.Values{"field": {"body"}, "exact": {words}, "body": {"Cut this?"}})
			}
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, fmt.Sprintf("at most %d code points", newsroom.MaxCommentQuote))
			if !api {
				wantBody(t, res, "Cut this?")
			}
		})
	}
	for _, c := range []struct {
		name, path string
		disputed   bool
		page       url.Values // the page's form, or nil for the API's JSON
		json       string
	}{
		{"Verdict/Page", "", false, url.Values{"status": {"verified"}}, ""},
		{"Verdict/API", "", false, nil, `{"status":"verified","text":%s}`},
		{"Waiver/Page", "/waive", true, url.Values{"note": {"On the record."}}, ""},
		{"Waiver/API", "/waive", true, nil, `{"note":"On the record.","text":%s}`},
		{"NotQuote/Page", "/not-quote", false, url.Values{"note": {"A sign's words."}}, ""},
		{"NotQuote/API", "/not-quote", false, nil, `{"note":"A sign's words.","text":%s}`},
	} {
		t.Run("Quote/"+c.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			body := "Rosa Delgado said: “" + words + "”"
			if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			qs, err := a.store.Quotes(ctxAs(a, "editor"), d.ID)
			if err != nil || len(qs) != 1 || qs[0].Text != words {
				t.Fatalf("the ledger is %d quotes (%v), want the one of the whole body", len(qs), err)
			}
			if c.disputed {
				if _, err := a.store.CheckQuote(ctxAs(a, "editor"), d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "Not on the tape."}); err != nil {
					t.Fatal(err)
				}
			}
			var res *httptest.ResponseRecorder
			if c.page != nil {
				c.page.Set("text", words)
				c.page.Set("speaker", qs[0].Speaker)
				res = a.page("editor", "POST", fmt.Sprintf("/drafts/%d/quotes/%d%s", d.ID, qs[0].ID, c.path), c.page)
				wantStatus(t, res, http.StatusSeeOther)
				return
			}
			method := map[bool]string{true: "PUT", false: "POST"}[c.path == ""]
			res = a.do("editor", method, fmt.Sprintf("/api/v1/drafts/%d/quotes/%d%s", d.ID, qs[0].ID, c.path), fmt.Sprintf(c.json, strconv.QuoteToASCII(words)))
			wantStatus(t, res, http.StatusOK)
		})
	}
}
