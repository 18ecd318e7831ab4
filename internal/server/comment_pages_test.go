package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentThreadMarkup shows a thread as the workspace's script expects it: an article with
// the comment's id, field and range, a link to its words, its author and time, and, for its author, the
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
			fmt.Sprintf(`<article class="comment" id="comment-%d" data-comment="%d" data-field="body" data-from="0" data-to="4">`, cid, cid),
			fmt.Sprintf(`<a class="to-text" href="#text" data-comment="%d">Show in the text<span class="visually-hidden">: <bdi>Editor</bdi>'s comment on “Body”</span></a>`, cid),
			`<strong><bdi>Editor</bdi></strong> <time class="muted" datetime="`,
			fmt.Sprintf(`action="/comments/%d/edit"`, cid), fmt.Sprintf(`action="/comments/%d/delete"`, cid),
			`<input type="checkbox" name="confirm" value="yes" required> Delete this comment?`,
			`<input type="checkbox" name="to" value="writer"> <bdi>Writer</bdi></label>`,
		}, []string{`name="to" value="editor"`}},
		{"TheWriter", "writer", []string{
			`<input type="checkbox" name="to" value="editor" checked> <bdi>Editor</bdi></label>`,
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
		wantStatus        int
		want              string // the flash after a redirect, or words of the page shown again
	}{
		{"EditByOther", "writer", "/comments/" + cid + "/edit", with("body", "Mine now."), http.StatusForbidden, "only Editor, who wrote comment"},
		{"EditTooLong", "editor", "/comments/" + cid + "/edit", with("body", "Too long "+strings.Repeat("x", 20000)), http.StatusUnprocessableEntity, "Too long xxx"},
		{"Edit", "editor", "/comments/" + cid + "/edit", with("body", "Check the spelling."), http.StatusSeeOther, "Comment changed."},
		{"DeleteUnconfirmed", "editor", "/comments/" + cid + "/delete", with(), http.StatusSeeOther, "Not done: tick the box to confirm"},
		{"Delete", "editor", "/comments/" + cid + "/delete", with("confirm", "yes"), http.StatusSeeOther, "Comment deleted."},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			res := a.page(st.actor, "POST", st.path, st.form)
			wantStatus(t, res, st.wantStatus)
			if st.wantStatus != http.StatusSeeOther {
				wantBody(t, res, st.want)
			} else if !strings.Contains(flashOf(res), st.want) {
				t.Fatalf("%q, want a redirect saying %q", flashOf(res), st.want)
			}
			if st.name == "Edit" {
				wantBody(t, a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil), "Check the spelling.", "(edited ")
			}
		})
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, "No comments.", "<bdi>Editor</bdi>: Deleted a comment", "Check the spelling.")
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
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "no one called &#34;factchecker&#34; may see this draft", `aria-label="Reply" value="And you?"`)
	res = a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, `<strong><bdi>Writer</bdi></strong> to <bdi>Editor</bdi> <time`)
	if strings.Contains(res.Body.String(), "/comments/"+cid+"/edit") {
		t.Fatal("the comment's author may still edit it after a reply")
	}
}

// TestCommentEditAfterReplyKeepsWords: an edit refused because someone replied meanwhile shows
// the page again with the words typed in the comment's reply form, since its edit form is gone.
func TestCommentEditAfterReplyKeepsWords(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := fmt.Sprint(a.comment(d.ID))
	if res := a.page("writer", "POST", "/comments/"+cid+"/reply", url.Values{"body": {"Done."}, "draft": {fmt.Sprint(d.ID)}}); res.Code != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.Code)
	}
	res := a.page("editor", "POST", "/comments/"+cid+"/edit", url.Values{"body": {"Check the spelling of the name."}, "draft": {fmt.Sprint(d.ID)}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "someone has replied", `aria-label="Reply" value="Check the spelling of the name."`)
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
	wantBody(t, res, `<h3>Comments whose words are gone</h3>`, fmt.Sprintf(`id="comment-%d"`, cid), `On body: “<span class="quoted" dir="auto">Body</span>” <strong>(its words are gone)</strong>`)
	if strings.Contains(res.Body.String(), fmt.Sprintf(`data-comment="%d">Show in the text`, cid)) {
		t.Fatal("a detached comment links into the text")
	}
}

// TestRefusedCommentAndNoteKeepTypedText holds that a comment or a step's note refused for an
// @name (someone who may not see the piece, or no one) comes back with the words typed, as a
// refused reply or comment edit does (refusedForm). A redirect with a flash would lose the whole
// comment or note because of one name in it: a refusal issue 16's mentions made common.
func TestRefusedCommentAndNoteKeepTypedText(t *testing.T) {
	a := newTestApp(t)
	const typed = "Please source the second paragraph before noon"
	t.Run("Comment", func(t *testing.T) {
		d := a.draft(newsroom.StageEditing)
		form := url.Values{"field": {"body"}, "start": {"0"}, "end": {"4"}, "body": {typed + ", @nobody.here"}}
		ok := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), url.Values{"field": {"body"}, "start": {"0"}, "end": {"4"}, "body": {"control"}})
		if got := flashOf(ok); got != "Comment added." {
			t.Fatalf("a comment without a mention: flash %q", got)
		}
		res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), form)
		if res.Code == http.StatusSeeOther || !strings.Contains(res.Body.String(), typed) {
			t.Fatalf("refused for its @name, the comment is answered %d (flash %q) and the page does not hold what was typed", res.Code, flashOf(res))
		}
	})
	t.Run("Note", func(t *testing.T) {
		d := a.draft(newsroom.StageFactCheck)
		res := a.page("factchecker", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"return"}, "note": {typed + ", @nobody.here"}})
		if res.Code == http.StatusSeeOther || !strings.Contains(res.Body.String(), typed) {
			t.Fatalf("refused for its @name, the note is answered %d (flash %q) and the page does not hold what was typed", res.Code, flashOf(res))
		}
	})
}

// TestCommentOnAChangedText posts the comment form as the draft page sent it, with the words
// the editor chose and their range and context in the text as the page showed it, after the
// writer saved a new first paragraph. The comment goes on the words chosen, not on what the
// old range holds now; words the change made ambiguous are refused, with what was typed kept.
func TestCommentOnAChangedText(t *testing.T) {
	const mayor = "The mayor said the plan would work."
	const governor = "The governor said the plan would work, and nobody else agreed."
	tests := []struct {
		name, added string
		want        int // where the comment's words start in the new body, or -1 when refused
	}{
		// "Aides insisted " is as long as "The mayor said ", so the old range holds the words
		// of the new first sentence, a twin of those chosen.
		{"TwinSlidUnderTheRange", "Aides insisted the plan would work.", len([]rune("Aides insisted the plan would work.\nThe mayor said "))},
		{"ShiftedByAParagraph", "A new first paragraph, which moves everything.", len([]rune("A new first paragraph, which moves everything.\nThe mayor said "))},
		{"ContextEdited", "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageDraft)
			path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			saved := decode[newsroom.Draft](t, a.do("writer", "PUT", path, fmt.Sprintf(`{"body":%q,"version":%d}`, mayor+"\n"+governor, d.Version)))
			start := len([]rune("The mayor said "))
			form := url.Values{"field": {"body"}, "exact": {"the plan would work"}, "prefix": {"The mayor said "},
				"suffix": {".\nThe governor said the plan wou"}, "start": {fmt.Sprint(start)},
				"end": {fmt.Sprint(start + len("the plan would work"))}, "body": {"Which plan?"}}
			body := tt.added + "\n" + mayor + "\n" + governor
			if tt.added == "" {
				body = "The mayor has said the plan would work.\n" + governor
			}
			wantStatus(t, a.do("writer", "PUT", path, fmt.Sprintf(`{"body":%q,"version":%d}`, body, saved.Version)), http.StatusOK)
			res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/comments", d.ID), form)
			cs := decode[[]newsroom.Comment](t, a.do("editor", "GET", path+"/comments", ""))
			if tt.want < 0 {
				wantStatus(t, res, http.StatusUnprocessableEntity)
				wantBody(t, res, "choose them again", "Which plan?")
				if len(cs) != 0 {
					t.Fatalf("refused comment was kept: %+v", cs)
				}
				return
			}
			wantStatus(t, res, http.StatusSeeOther)
			if len(cs) != 1 || cs[0].Anchor.Start != tt.want || cs[0].Anchor.Exact != "the plan would work" {
				t.Fatalf("comments = %+v, want one on the mayor's words at %d", cs, tt.want)
			}
		})
	}
}

// TestReplyAddresseesCap: a reply may be addressed to at most newsroom.MaxAddressees names, as the
// API document's maxItems says, counted as sent; one more is refused, over the API and from the
// page, which keeps the reply's words in its form.
func TestReplyAddresseesCap(t *testing.T) {
	for _, tc := range []struct {
		name       string
		names      int
		page       bool
		wantStatus int
	}{
		{"API/AtTheCap", newsroom.MaxAddressees, false, http.StatusCreated},
		{"API/OverTheCap", newsroom.MaxAddressees + 1, false, http.StatusUnprocessableEntity},
		{"API/FarOverTheCap", 1000, false, http.StatusUnprocessableEntity},
		{"Page/AtTheCap", newsroom.MaxAddressees, true, http.StatusSeeOther},
		{"Page/OverTheCap", newsroom.MaxAddressees + 1, true, http.StatusUnprocessableEntity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageDraft)
			cid := a.comment(d.ID)
			to := make([]string, tc.names)
			for i := range to {
				to[i] = "editor"
			}
			var res *httptest.ResponseRecorder
			if tc.page {
				res = a.page("writer", "POST", fmt.Sprintf("/comments/%d/reply", cid), url.Values{"body": {"Done."}, "to": to, "draft": {fmt.Sprint(d.ID)}})
			} else {
				list, _ := json.Marshal(to)
				res = a.do("writer", "POST", fmt.Sprintf("/api/v1/comments/%d/replies", cid), `{"body":"Done.","to":`+string(list)+`}`)
			}
			wantStatus(t, res, tc.wantStatus)
			if tc.wantStatus == http.StatusUnprocessableEntity {
				wantBody(t, res, fmt.Sprintf("a reply can be addressed to at most %d people, got %d", newsroom.MaxAddressees, tc.names))
			}
			if tc.page && tc.wantStatus != http.StatusSeeOther {
				wantBody(t, res, `aria-label="Reply" value="Done."`)
			}
		})
	}
}
