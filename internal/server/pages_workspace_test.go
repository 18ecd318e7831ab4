package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftPageEditsInPlace shows the text once, under its title as the page's heading: the
// edit form's fields sit in the text, hidden until asked for (?edit=1 shows them without
// JavaScript), with the body's paragraphs a blank line apart; a save of that form keeps one
// paragraph per line; a viewer who may not edit gets no form.
func TestDraftPageEditsInPlace(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	body := "First paragraph.\nSecond paragraph."
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	target := fmt.Sprintf("/drafts/%d", d.ID)
	bodyField := `<textarea name="body" form="edit"`

	res := a.page("editor", "GET", target, nil)
	wantBody(t, res, `<h1 class="ws-title" dir="auto">`, `>A draft</span>`, `id="edit-start"`, `data-paras data-edit hidden>First paragraph.`+"\n\n"+`Second paragraph.</textarea>`)

	res = a.page("editor", "GET", target+"?edit=1", nil)
	wantBody(t, res, `<h1 class="ws-title ws-title-editing" dir="auto">`, `<div id="text" class="ws-text">

<div class="ws-field-title" data-edit><label class="ws-label" for="edit-title">Title</label><textarea id="edit-title" name="title"`, `data-paras data-edit>First paragraph.`+"\n\n"+`Second paragraph.</textarea>`, `<div class="field-text" data-field="body" data-read hidden>`)
	if strings.Contains(res.Body.String(), "data-refused") {
		t.Error("an edit form nobody has sent is marked as refused")
	}

	res = a.page("factchecker", "GET", target+"?edit=1", nil)
	wantBody(t, res, `<h1 class="ws-title" dir="auto">`)
	if strings.Contains(res.Body.String(), bodyField) || strings.Contains(res.Body.String(), `id="edit"`) {
		t.Error("a fact-checker, who may not edit the draft now, is offered the edit form")
	}

	form := url.Values{"title": {"A draft"}, "body": {"First paragraph.\r\n\r\nSecond, rewritten.\r\n\r\n"}, "version": {fmt.Sprint(d.Version + 1)}}
	res = a.page("editor", "POST", target+"/edit", form)
	if res.Code != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.Code, res.Body)
	}
	got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "First paragraph.\nSecond, rewritten." {
		t.Errorf("saved body %q", got.Body)
	}

	// Every form that takes a body reads its lines alike (each a paragraph, blank ones left
	// out), and says so alike: a form saying "a blank line between paragraphs" beside one saying
	// "one paragraph per line" left a writer to guess which rule held where.
	const rule = "each line is a paragraph"
	for _, page := range []string{target + "?edit=1", "/drafts/new"} {
		if body := strings.ToLower(a.page("editor", "GET", page, nil).Body.String()); !strings.Contains(body, rule) {
			t.Errorf("%s does not say %q", page, rule)
		}
	}
}

// TestDraftPageEditFormKeepsFailedSave shows a save the store refused in the open edit form,
// with the typed text and the version it was based on, so that nothing typed is lost and saving
// it again is not taken for a save of the newer version; the form is marked as refused, so the
// page's script counts its text as unsaved, and the refusal is among the page's messages, apart
// from the notes in its head. The save crossed another that changed other words, so it merges,
// and the merged text is refused for its empty title.
func TestDraftPageEditFormKeepsFailedSave(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	byline := "Rebylined meanwhile"
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Byline: &byline, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	form := url.Values{"title": {""}, "body": {"Kept.\n\nAlso kept."}, "version": {fmt.Sprint(d.Version)}}
	res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), form)
	if res.Code == http.StatusSeeOther {
		t.Fatal("a save without a title was taken")
	}
	wantBody(t, res, `data-paras data-edit>Kept.`+"\n\n"+`Also kept.</textarea>`, `id="edit-start" class="button" data-read hidden>`,
		fmt.Sprintf(`<input type="hidden" name="version" value="%d">`, d.Version), `aria-label="Edit the text" data-refused>`,
		`<div id="ws-messages"><p class="error" role="alert" id="form-error">`)

	// Saved again as the page carries it, with a title now, the text merges with the colleague's
	// byline instead of overwriting it.
	form.Set("title", "Titled again")
	if res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), form); res.Code != http.StatusSeeOther {
		t.Fatalf("the corrected save answered %d", res.Code)
	}
	got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Byline != byline || got.Title != "Titled again" || got.Body != "Kept.\nAlso kept." {
		t.Errorf("after saving again: byline %q, title %q, body %q; want the colleague's byline kept", got.Byline, got.Title, got.Body)
	}
}

// TestDraftPageDiffShowsEveryChange shows, in the history's comparison, a field whose whole
// change is one chunk: an editor's comment written where there was none, a byline emptied.
func TestDraftPageDiffShowsEveryChange(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	comment, byline := "Worth a second look.", ""
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{EditorComment: &comment, Byline: &byline, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d?from=%d&to=%d", d.ID, d.Version, d.Version+1), nil)
	wantBody(t, res, `<h3>editor comment</h3><p class="diff-text" dir="auto"><ins>Worth a second look.</ins></p>`, `<h3>byline</h3><p class="diff-text" dir="auto"><del>Writer</del></p>`)
	if strings.Contains(res.Body.String(), `<h3>title</h3>`) {
		t.Error("the comparison shows the unchanged title")
	}
}

// TestDraftPageLiveNotice shows, on the draft page, who else is editing it (for every viewer,
// script or not) and hands the viewer's own working copy to the page's script.
func TestDraftPageLiveNotice(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	res := a.page("editor", "GET", target, nil)
	wantBody(t, res, `<div id="ws-live" class="ws-live" role="status" hidden></div>`)

	res = a.page("writer", "POST", target+"/working-copy", typedForm(d.Version))
	wantStatus(t, res, http.StatusOK)
	res = a.page("editor", "GET", target, nil)
	wantBody(t, res, `<div id="ws-live" class="ws-live" role="status"><p><bdi>`+a.users["writer"].Name+`</bdi> is editing this piece.</p></div>`)
	if strings.Contains(res.Body.String(), `id="working-copy"`) {
		t.Error("the page gives the editor, who may not edit the draft now, a working copy")
	}
	res = a.page("writer", "GET", target, nil)
	wantBody(t, res, `<script type="application/json" id="working-copy">{"draft_id":`, `"brief":"Half a brief"`)
}

// TestDraftPageQuoteProblems says where a quotation mark is wrong as a reader counts, from 1: the
// second paragraph, the tenth character.
func TestDraftPageQuoteProblems(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	body := "First paragraph.\nShe said “this never closes."
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, `<p class="warning">body: opening “ in paragraph 2 at character 10 never closes</p>`)
}

// TestDraftPageRevisionsSayMerged lists a stale save that was merged as the version it made,
// merged with the version it did not see.
func TestDraftPageRevisionsSayMerged(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	title, body := "Retitled meanwhile", "Body rewritten from the older version."
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, fmt.Sprintf("<li>version %d, merged with version %d by ", d.Version+2, d.Version+1))
}
