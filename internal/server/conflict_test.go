package server_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// threeParagraphs is the body both tabs of the writer start from in the conflict tests.
const threeParagraphs = "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked."

// crossedDraft makes a draft of the writer's whose body is threeParagraphs at the version it
// returns, then saves theirs over it as if from another tab.
func crossedDraft(t *testing.T, a *testApp, theirs string) (*newsroom.Draft, int) {
	t.Helper()
	d := a.draft(newsroom.StageDraft)
	body := threeParagraphs
	d, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &theirs, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	return d, d.Version
}

// editForm is the draft page's edit form as a browser sends it, on version.
func editForm(d *newsroom.Draft, body string, version int) url.Values {
	return url.Values{"title": {d.Title}, "byline": {d.Byline}, "brief": {d.Brief}, "body": {body},
		"topics": {strings.Join(d.Topics, "\n")}, "version": {fmt.Sprint(version)}}
}

func TestEditPageMergesStaleSave(t *testing.T) {
	a := newTestApp(t)
	d, seen := crossedDraft(t, a, "The council met on Wednesday.\nIt voted to close the lazy old bridge.\nResidents were not asked.")
	res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID),
		editForm(d, "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were never asked.", seen))
	want := fmt.Sprintf("Saved, merged with version %d by %s.", seen+1, a.users["writer"].Name)
	if res.Code != http.StatusSeeOther || res.Header().Get("Location") != fmt.Sprintf("/drafts/%d", d.ID) || flashOf(res) != want {
		t.Fatalf("%d to %q saying %q; want a redirect to the draft saying %q", res.Code, res.Header().Get("Location"), flashOf(res), want)
	}
	got, _ := a.store.GetDraft(ctxAs(a, "writer"), d.ID)
	if got.Body != "The council met on Wednesday.\nIt voted to close the lazy old bridge.\nResidents were never asked." {
		t.Errorf("merged body = %q", got.Body)
	}
}

// TestConflictPageFlow is the page's whole path through a conflict: the stale form goes to the
// conflict page, which shows both texts; sending the same stale form again changes nothing;
// choosing saves the text the server builds from the choices.
func TestConflictPageFlow(t *testing.T) {
	a := newTestApp(t)
	theirs := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked."
	d, seen := crossedDraft(t, a, theirs)
	stale := editForm(d, "The council met on Monday.\nIt voted to close the lazy red bridge.\nResidents were not asked.", seen)
	res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), stale)
	mergePage := res.Header().Get("Location")
	if res.Code != http.StatusSeeOther || !strings.HasSuffix(mergePage, "/merge") {
		t.Fatalf("stale save = %d to %q, want a redirect to the conflict page", res.Code, mergePage)
	}
	t.Run("StaleFormAgainChangesNothing", func(t *testing.T) {
		res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), stale)
		if res.Code != http.StatusSeeOther || !strings.HasSuffix(res.Header().Get("Location"), "/merge") {
			t.Fatalf("stale save again = %d to %q", res.Code, res.Header().Get("Location"))
		}
		if cur, _ := a.store.GetDraft(ctxAs(a, "writer"), d.ID); cur.Body != theirs || cur.Version != seen+1 {
			t.Fatalf("a stale form changed the draft: version %d, %q", cur.Version, cur.Body)
		}
	})
	page := a.page("writer", "GET", mergePage, nil)
	wantStatus(t, page, http.StatusOK)
	html := page.Body.String()
	for _, want := range []string{
		fmt.Sprintf("Theirs (version %d, by <bdi>%s</bdi>)", seen+1, a.users["writer"].Name), "<h3>Yours</h3>",
		"It voted to close the lazy new bridge.", "It voted to close the lazy red bridge.",
		`<p class="doc">The council met on Monday.</p>`, "Conflict 1 of 1: Body, paragraph 2", `name="choice-1" value="theirs" required`,
		`<label for="edit-1">`, "Save the merged text", "Cancel and keep my text as an unmerged revision",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if strings.Contains(html, `name="body"`) {
		t.Error("the conflict page posts a body: a stale text could be sent as current")
	}
	t.Run("ErrNoChoice", func(t *testing.T) {
		res := a.page("writer", "POST", mergePage, url.Values{"version": {fmt.Sprint(seen + 1)}, "conflicts": {"1"}})
		if res.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Body.String(), "choose what to keep") {
			t.Fatalf("no choice = %d, want the page again saying to choose: %s", res.Code, res.Body.String())
		}
	})
	res = a.page("writer", "POST", mergePage, url.Values{"version": {fmt.Sprint(seen + 1)}, "conflicts": {"1"},
		"choice-1": {"edit"}, "edit-1": {"It voted to close the rusty bridge."}})
	if res.Code != http.StatusSeeOther || flashOf(res) != "Saved the merged text." {
		t.Fatalf("resolve = %d saying %q", res.Code, flashOf(res))
	}
	got, _ := a.store.GetDraft(ctxAs(a, "writer"), d.ID)
	if want := "The council met on Monday.\nIt voted to close the rusty bridge.\nResidents were not asked."; got.Body != want || got.Version != seen+2 {
		t.Errorf("saved version %d, %q; want version %d, %q", got.Version, got.Body, seen+2, want)
	}
}

// TestStaleSaveAPIConflict checks the API's 409 for a stale save that changes the same words:
// the conflicts in its details, valid against the document.
func TestStaleSaveAPIConflict(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	d, seen := crossedDraft(t, a, "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked.")
	body, _ := json.Marshal(map[string]any{"body": "The council met on Tuesday.\nIt voted to close the lazy red bridge.\nResidents were not asked.", "version": seen})
	target := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	res := a.do("writer", "PUT", target, string(body))
	wantStatus(t, res, http.StatusConflict)
	validateResponse(t, a, httptest.NewRequest("PUT", target, strings.NewReader(string(body))), res)
	details := decode[apiError](t, res).Error.Details
	conflicts, _ := details["conflicts"].([]any)
	if len(conflicts) != 1 || details["base_version"] != float64(seen) {
		t.Fatalf("details = %+v, want one conflict on version %d", details, seen)
	}
	c := conflicts[0].(map[string]any)
	if c["field"] != "body" || c["paragraph"] != float64(2) || c["theirs"] != "It voted to close the lazy new bridge." || c["mine"] != "It voted to close the lazy red bridge." {
		t.Errorf("conflict = %+v", c)
	}
}

// TestConflictPageIsItsAuthorsOnly checks that an unmerged save is its author's typing: an editor
// who may edit the draft now can neither open the writer's conflict page nor settle it.
func TestConflictPageIsItsAuthorsOnly(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	rid := a.staleSave(d.ID, "Writer's own stale words with a “quote”.")
	if _, err := a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	a.verifyQuotes(d.ID)
	if _, err := a.store.Transition(ctxAs(a, "factchecker"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	before, _ := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
	mergePage := fmt.Sprintf("/drafts/%d/unmerged/%d/merge", d.ID, rid)
	wantStatus(t, a.page("editor", "GET", mergePage, nil), http.StatusNotFound)
	form := url.Values{"version": {fmt.Sprint(before.Version)}, "conflicts": {"1"}, "choice-1": {"mine"}}
	wantStatus(t, a.page("editor", "POST", mergePage, form), http.StatusNotFound)
	if got, _ := a.store.GetDraft(ctxAs(a, "editor"), d.ID); got.Version != before.Version || got.Body != before.Body {
		t.Fatalf("the editor settled the writer's save: version %d, %q", got.Version, got.Body)
	}
}

// TestEditPageKeepsTextWhenPieceMovedOn is a save refused because the piece moved on while the
// writer typed (sent to fact-check from another tab): the page has no edit form any more, so it
// shows the refused text itself and says why in words, or the typing is gone from sight.
func TestEditPageKeepsTextWhenPieceMovedOn(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	typed := "Body with a “quote”.\nA paragraph only the writer has typed."
	res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), editForm(d, typed, d.Version))
	wantStatus(t, res, http.StatusConflict)
	html := res.Body.String()
	for _, want := range []string{
		"Not saved: the piece moved to Fact-check, where you cannot edit it. Your text is below.",
		`id="unsaved"`, "A paragraph only the writer has typed.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the refusal page lacks %q", want)
		}
	}
	if got, _ := a.store.GetDraft(ctxAs(a, "writer"), d.ID); strings.Contains(got.Body, "only the writer") {
		t.Fatalf("the refused text was saved: %q", got.Body)
	}
}

// TestEditPageRefusalOfWhoNotWhere: a fact-checker, who may edit no draft in any stage, posting
// the edit form is told the policy's own refusal, not that the piece moved on, and still sees
// the text sent.
func TestEditPageRefusalOfWhoNotWhere(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	res := a.page("factchecker", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), editForm(d, "Body with a “quote”.\nA fact-checker's paragraph.", d.Version))
	wantStatus(t, res, http.StatusConflict)
	html := res.Body.String()
	if strings.Contains(html, "the piece moved") || !strings.Contains(html, "A fact-checker&#39;s paragraph.") || !strings.Contains(html, "Your text is below.") {
		t.Fatalf("the refusal page: %s", html)
	}
}

// TestConflictPageOfOutgrownSave: a kept save that outgrew a field, opened or answered on the
// conflict page, is not merged (each view merged megabytes anew): its author is sent to the page
// of its kept text, told why, and finds every word they sent there.
func TestConflictPageOfOutgrownSave(t *testing.T) {
	a := newTestApp(t)
	d, seen := crossedDraft(t, a, "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked.")
	grown := "The council met on Tuesday.\nIt voted to close the lazy old bridge" + strings.Repeat(" and the ford", newsroom.MaxBody/4) +
		".\nResidents were not asked."
	_, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &grown, Version: seen})
	var e *newsroom.Error
	if !errors.As(err, &e) || e.Details["unmerged_revision"] == nil {
		t.Fatalf("save = %v, want it refused and kept", err)
	}
	kept := fmt.Sprintf("/drafts/%d/unmerged/%d", d.ID, e.Details["unmerged_revision"])
	for _, tc := range []struct {
		name, method string
		form         url.Values
	}{
		{"Open", "GET", nil},
		{"Answer", "POST", url.Values{"version": {fmt.Sprint(seen + 1)}, "conflicts": {"1"}, "choice-1": {"mine"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.page("writer", tc.method, kept+"/merge", tc.form)
			if res.Code != http.StatusSeeOther || res.Header().Get("Location") != kept || !strings.Contains(flashOf(res), "cannot be merged") {
				t.Fatalf("%d to %q saying %q; want a redirect to %s saying it cannot be merged", res.Code, res.Header().Get("Location"), flashOf(res), kept)
			}
		})
	}
	wantBody(t, a.page("writer", "GET", kept, nil), "It voted to close the lazy old bridge and the ford and the ford")
}
