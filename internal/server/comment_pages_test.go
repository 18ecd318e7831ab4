package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentThreadMarkup shows a thread as the workspace's script expects it: an article with
// the comment's id and field, a link to its words, its author and time, and, for its author, the
// forms to change it.
func TestCommentThreadMarkup(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := a.comment(d.ID)
	tests := []struct {
		name, actor string
		want        []string
		wantNot     []string
	}{
		{"Author", "editor", []string{
			fmt.Sprintf(`<article class="comment" id="comment-%d" data-comment="%d" data-field="body">`, cid, cid),
			fmt.Sprintf(`<a class="to-text" href="#text" data-comment="%d">Show in the text</a>`, cid),
			`<strong>Editor</strong> <time class="muted" datetime="`,
			fmt.Sprintf(`action="/comments/%d/edit"`, cid), fmt.Sprintf(`action="/comments/%d/delete"`, cid),
			`<input type="checkbox" name="confirm" value="yes" required> Delete this comment?`,
			`<input type="checkbox" name="to" value="writer"> Writer</label>`,
		}, []string{`name="to" value="editor"`}},
		{"TheWriter", "writer", []string{
			`<input type="checkbox" name="to" value="editor" checked> Editor</label>`,
		}, []string{fmt.Sprintf(`/comments/%d/edit"`, cid), fmt.Sprintf(`/comments/%d/delete"`, cid), `name="to" value="writer"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, tt.want...)
			for _, s := range tt.wantNot {
				if strings.Contains(res.Body.String(), s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
}

// TestCommentEditAndDeletePages edits a comment from its form, refuses a deletion whose box is
// not ticked, deletes it with the box ticked, and then shows the deletion in the history.
func TestCommentEditAndDeletePages(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := fmt.Sprint(a.comment(d.ID))
	with := func(kv ...string) url.Values {
		v := url.Values{"draft": {fmt.Sprint(d.ID)}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	steps := []struct {
		name, actor, path string
		form              url.Values
		wantFlash         string
	}{
		{"EditByOther", "writer", "/comments/" + cid + "/edit", with("body", "Mine now."), "Not done: only Editor, who wrote comment"},
		{"Edit", "editor", "/comments/" + cid + "/edit", with("body", "Check the spelling."), "Comment changed."},
		{"DeleteUnconfirmed", "editor", "/comments/" + cid + "/delete", with(), "Not done: tick the box to confirm"},
		{"Delete", "editor", "/comments/" + cid + "/delete", with("confirm", "yes"), "Comment deleted."},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			res := a.page(st.actor, "POST", st.path, st.form)
			if res.Code != http.StatusSeeOther || !strings.Contains(flashOf(res), st.wantFlash) {
				t.Fatalf("%d %q, want a redirect saying %q", res.Code, flashOf(res), st.wantFlash)
			}
			if st.name == "Edit" {
				wantBody(t, a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil), "Check the spelling.", "(edited ")
			}
		})
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, "No comments.", "Editor: delete comment", "Check the spelling.")
}

// TestReplyAddressedPage replies from the page to the comment's author, shows whom the reply was
// for, and then offers the comment's author no more changes.
func TestReplyAddressedPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := fmt.Sprint(a.comment(d.ID))
	res := a.page("writer", "POST", "/comments/"+cid+"/reply", url.Values{"body": {"Done."}, "to": {"editor"}, "draft": {fmt.Sprint(d.ID)}})
	if res.Code != http.StatusSeeOther || flashOf(res) != "Reply added." {
		t.Fatalf("reply: %d %q", res.Code, flashOf(res))
	}
	res = a.page("writer", "POST", "/comments/"+cid+"/reply", url.Values{"body": {"And you?"}, "to": {"factchecker"}, "draft": {fmt.Sprint(d.ID)}})
	if want := "Not done: Factchecker (factchecker) may not see this draft"; !strings.Contains(flashOf(res), want) {
		t.Fatalf("reply to one who cannot see: %q, want %q", flashOf(res), want)
	}
	res = a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, `<strong>Writer</strong> to Editor <time`)
	if strings.Contains(res.Body.String(), "/comments/"+cid+"/edit") {
		t.Fatal("the comment's author may still edit it after a reply")
	}
}

// TestDetachedCommentsListedApart lists a comment whose words were edited away under a heading of
// its own, with those words and no link into the text.
func TestDetachedCommentsListedApart(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := a.comment(d.ID)
	body := "Entirely different words."
	if _, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, `<h3>Comments whose words are gone</h3>`, fmt.Sprintf(`id="comment-%d"`, cid), "On body: “Body” <strong>(its words are gone)</strong>")
	if strings.Contains(res.Body.String(), fmt.Sprintf(`data-comment="%d">Show in the text`, cid)) {
		t.Fatal("a detached comment links into the text")
	}
}
