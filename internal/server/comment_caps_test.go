package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentCaps fills a piece to newsroom.MaxOpenComments open threads and a thread to
// newsroom.MaxReplies replies, and checks that the API and the draft page refuse one more alike,
// in the workflow's words, that a resolved thread frees its place and that reopening it takes one.
func TestCommentCaps(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	for i := 0; i < newsroom.MaxOpenComments-1; i++ {
		a.comment(d.ID)
	}
	post := func() *http.Response {
		return a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), `{"field":"body","start":0,"end":4,"body":"One more."}`).Result()
	}
	if res := post(); res.StatusCode != http.StatusCreated {
		t.Fatalf("the last open place: %d", res.StatusCode)
	}
	const full = "this piece has 500 open comments; resolve some before adding more"
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), `{"field":"body","start":0,"end":4,"body":"One too many."}`)
	wantStatus(t, res, http.StatusConflict)
	if e := decode[apiError](t, res); e.Error.Code != newsroom.ECONFLICT || e.Error.Message != full {
		t.Fatalf("refused with %+v", e.Error)
	}
	page := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), url.Values{"field": {"body"}, "start": {"0"}, "end": {"4"}, "body": {"Typed on the page"}})
	if page.Code == http.StatusSeeOther || !strings.Contains(page.Body.String(), full) || !strings.Contains(page.Body.String(), "Typed on the page") {
		t.Fatalf("the page's comment form past the cap: %d (flash %q)", page.Code, flashOf(page))
	}

	wantStatus(t, a.do("editor", "POST", "/api/v1/comments/1/resolve", ""), http.StatusOK)
	if res := post(); res.StatusCode != http.StatusCreated {
		t.Fatalf("after one thread was resolved: %d", res.StatusCode)
	}
	res = a.do("editor", "POST", "/api/v1/comments/1/reopen", "")
	wantStatus(t, res, http.StatusConflict)
	if e := decode[apiError](t, res); e.Error.Message != full {
		t.Fatalf("reopening past the cap: %+v", e.Error)
	}
	page = a.page("editor", "POST", "/comments/1/reopen", url.Values{"draft": {fmt.Sprint(d.ID)}})
	if got := flashOf(page); !strings.Contains(got, full) {
		t.Fatalf("the page's Reopen past the cap: %d, flash %q", page.Code, got)
	}

	for i := 0; i < newsroom.MaxReplies-1; i++ {
		if _, err := a.store.Reply(ctxAs(a, "writer"), 2, newsroom.NewReply{Body: fmt.Sprintf("Reply %d.", i)}); err != nil {
			t.Fatal(err)
		}
	}
	wantStatus(t, a.do("writer", "POST", "/api/v1/comments/2/replies", `{"body":"The last one."}`), http.StatusCreated)
	const long = "this thread has 200 replies, the most it can hold; resolve it and start a new comment"
	res = a.do("writer", "POST", "/api/v1/comments/2/replies", `{"body":"One too many."}`)
	wantStatus(t, res, http.StatusConflict)
	if e := decode[apiError](t, res); e.Error.Message != long {
		t.Fatalf("a reply past the cap: %+v", e.Error)
	}
	page = a.page("writer", "POST", "/comments/2/reply", url.Values{"draft": {fmt.Sprint(d.ID)}, "body": {"Typed reply"}})
	if page.Code == http.StatusSeeOther || !strings.Contains(page.Body.String(), long) || !strings.Contains(page.Body.String(), "Typed reply") {
		t.Fatalf("the page's reply form past the cap: %d (flash %q)", page.Code, flashOf(page))
	}
}

// TestCommentTextBound fills a piece's comments to within a long comment of
// newsroom.MaxCommentText code points, and checks that the API and the draft page refuse that
// comment alike with 422 in the same words, writing nothing, that the page keeps what was typed,
// and that a short comment still fits.
func TestCommentTextBound(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	start, end := 0, 4
	long := strings.Repeat("ß", newsroom.MaxComment)
	for range newsroom.MaxCommentText / (newsroom.MaxComment + end) {
		if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: long}); err != nil {
			t.Fatal(err)
		}
	}
	held := func() int {
		cs, err := a.store.Comments(ctxAs(a, "editor"), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(cs)
	}
	before := held()
	typed := "Typed on the page: " + strings.Repeat("ö", newsroom.MaxComment-100)
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), fmt.Sprintf(`{"field":"body","start":0,"end":4,"body":%q}`, typed))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	e := decode[apiError](t, res)
	if e.Error.Code != newsroom.EINVALID || !strings.HasPrefix(e.Error.Message, "this piece's comments and replies hold ") {
		t.Fatalf("refused with %+v", e.Error)
	}
	page := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), url.Values{"field": {"body"}, "start": {"0"}, "end": {"4"}, "body": {typed}})
	if page.Code != http.StatusUnprocessableEntity || !strings.Contains(page.Body.String(), html.EscapeString(e.Error.Message)) || !strings.Contains(page.Body.String(), typed) {
		t.Fatalf("the page's comment form past the bound: %d (flash %q)", page.Code, flashOf(page))
	}
	if after := held(); after != before {
		t.Fatalf("refused, the piece went from %d comments to %d", before, after)
	}
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), `{"field":"body","start":0,"end":4,"body":"Short."}`), http.StatusCreated)
}
