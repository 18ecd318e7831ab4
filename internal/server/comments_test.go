package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentsAPI comments over the API, answers and resolves, follows a comment through an
// edit, reads a diff, and shows that no comment reaches a public page.
func TestCommentsAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	res := a.do("editor", "POST", base+"/comments", `{"field":"body","quote":{"exact":"quote","prefix":"“","suffix":"”"},"body":"Who said this? <b>secret</b>"}`)
	wantStatus(t, res, 201)
	c := decode[newsroom.Comment](t, res)
	if c.Anchor.Exact != "quote" || c.Anchor.Start != 13 || c.Anchor.End != 18 {
		t.Fatalf("comment = %+v", c)
	}
	bad := []struct{ body, want string }{
		{`{"field":"body","quote":{"exact":"nowhere"},"body":"x"}`, "is not in the body"},
		{`{"field":"body","quote":{"exact":"unquote"},"start":12,"end":19,"body":"x"}`, "is not in the body as it is now"},
		{`{"field":"body","start":3,"body":"x"}`, "say which words"},
		{`{"field":"summary","start":0,"end":1,"body":"x"}`, "field must be one of"},
		{`{"field":"body","quote":{"exact":"` + strings.Repeat("a", newsroom.MaxCommentQuote+1) + `"},"body":"x"}`,
			"a comment can be on at most 2000 code points of the body, and this one is on 2001"},
	}
	for _, b := range bad {
		res := a.do("editor", "POST", base+"/comments", b.body)
		wantStatus(t, res, 422)
		if !strings.Contains(res.Body.String(), b.want) {
			t.Errorf("%s: %s lacks %q", b.body, res.Body.String(), b.want)
		}
	}
	cid := fmt.Sprintf("/api/v1/comments/%d", c.ID)
	wantStatus(t, a.do("editor", "POST", base+"/transitions", `{"action":"request_changes","note":"See my comment."}`), 200)
	wantStatus(t, a.do("writer", "PUT", base, `{"body":"Body with a “quote”.\nA new paragraph.","version":1}`), 200)
	wantStatus(t, a.do("writer", "POST", cid+"/replies", `{"body":"A source said it."}`), 201)
	wantStatus(t, a.do("writer", "POST", base+"/transitions", `{"action":"submit"}`), 200)
	a.verifyQuotes(d.ID)
	wantStatus(t, a.do("factchecker", "POST", base+"/transitions", `{"action":"clear"}`), 200)

	res = a.do("editor", "GET", base+"/comments", "")
	wantStatus(t, res, 200)
	cs := decode[[]newsroom.Comment](t, res)
	if len(cs) != 1 || cs[0].Detached || cs[0].Anchor.Start != 13 || cs[0].Anchor.Exact != "quote" || len(cs[0].Replies) != 1 || cs[0].Replies[0].Author.Username != "writer" {
		t.Fatalf("comments after the edit = %+v", cs)
	}
	res = a.do("editor", "POST", base+"/transitions", `{"action":"approve"}`)
	wantStatus(t, res, 409)
	if !strings.Contains(res.Body.String(), "unresolved comment") {
		t.Fatalf("approve refusal: %s", res.Body.String())
	}
	wantStatus(t, a.do("other", "POST", cid+"/resolve", ""), 404)
	wantStatus(t, a.do("editor", "POST", cid+"/resolve", ""), 200)
	wantStatus(t, a.do("editor", "POST", cid+"/resolve", ""), 409)

	res = a.do("editor", "GET", base+"/diff?from=1&to=2", "")
	wantStatus(t, res, 200)
	diff := decode[newsroom.Diff](t, res)
	var inserted []string
	for _, ch := range diff.Fields["body"] {
		if ch.Op == "insert" {
			inserted = append(inserted, ch.Text)
		}
	}
	if strings.Join(inserted, "|") != "\nA new paragraph." {
		t.Fatalf("body insertions = %q (diff %+v)", inserted, diff.Fields["body"])
	}
	wantStatus(t, a.do("editor", "GET", base+"/diff?from=1", ""), 422)

	wantStatus(t, a.do("editor", "POST", base+"/transitions", `{"action":"approve"}`), 200)
	res = a.do("editor", "POST", base+"/publish", "")
	wantStatus(t, res, 200)
	slug := decode[pubResponse](t, res).Slug
	for _, u := range []string{"/articles/" + slug, "/articles/" + slug + ".txt", "/articles/" + slug + ".md", "/articles/" + slug + ".json", "/briefs/" + slug + ".txt", "/", "/feed.atom"} {
		body := a.do("", "GET", u, "").Body.String()
		if strings.Contains(body, "Who said this") || strings.Contains(body, "A source said it") || strings.Contains(body, "secret") {
			t.Errorf("%s shows an internal comment", u)
		}
	}
}
