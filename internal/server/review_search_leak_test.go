package server_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReviewPublicSearchLeaksNewsroomComments: the public /search finds pieces in the draft
// search index, which holds the draft's current text and the newsroom's comments, and only then
// drops hits whose published text lacks the words. An exclusion ("-word") is applied in the
// index, so an anonymous reader learns what the newsroom's private comments (or an unpublished
// working text) say about a published piece: "Sheinbaum" finds the piece, "Sheinbaum
// -embargoed" does not, exactly when an editor's comment on it says "embargoed". Right: a public
// search matches and excludes on the published text alone, so both searches find the piece.
func TestReviewPublicSearchLeaksNewsroomComments(t *testing.T) {
	a := newTestApp(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), 200)
	start, end := 0, 4
	if _, err := a.store.CreateComment(newsroom.WithUser(context.Background(), a.users["editor"]), d.ID,
		newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Source is embargoed until Friday; keep her name out."}); err != nil {
		t.Fatal(err)
	}
	const piece = `<a href="/articles/mexicos-sheinbaum`
	found := a.do("", "GET", "/search?q=Sheinbaum", "")
	wantStatus(t, found, 200)
	if !strings.Contains(found.Body.String(), piece) {
		t.Fatalf("the published piece is not found by a word of its text:\n%s", found.Body.String())
	}
	for _, q := range []string{"Sheinbaum -embargoed", `Sheinbaum -"embargoed until"`} {
		res := a.do("", "GET", "/search?q="+url.QueryEscape(q), "")
		wantStatus(t, res, 200)
		if !strings.Contains(res.Body.String(), piece) {
			t.Errorf("%q leaves the piece out, telling an anonymous reader that a private newsroom comment on it says \"embargoed\"", q)
		}
	}
}

// TestReviewPublicSearchMatchesCommentWords: a search for a word of the published text and a
// word only a private newsroom comment holds ("Sheinbaum embargoed") lists the published piece,
// since the index matches both words (one in the comments) and the published-text check keeps
// any hit with one word of its text marked. Anyone can so test guesses of what the newsroom
// wrote to itself. Right: every word of the query must be in the published text, so the search
// finds nothing.
func TestReviewPublicSearchMatchesCommentWords(t *testing.T) {
	a := newTestApp(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), 200)
	start, end := 0, 4
	if _, err := a.store.CreateComment(newsroom.WithUser(context.Background(), a.users["editor"]), d.ID,
		newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Source is embargoed until Friday."}); err != nil {
		t.Fatal(err)
	}
	res := a.do("", "GET", "/search?q="+url.QueryEscape("Sheinbaum embargoed"), "")
	wantStatus(t, res, 200)
	if strings.Contains(res.Body.String(), `<a href="/articles/mexicos-sheinbaum`) {
		t.Error(`"Sheinbaum embargoed" lists the piece, though "embargoed" is only in a private newsroom comment`)
	}
}
