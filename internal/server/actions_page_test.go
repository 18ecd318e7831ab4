package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/policies"
)

// TestActionsSayWhatHappensNext shows each action's button in words with a line under it saying
// what happens next.
func TestActionsSayWhatHappensNext(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, actor string
		stage       newsroom.Stage
		want        []string
	}{
		{"WriterSubmits", "writer", newsroom.StageDraft, []string{
			`>Send to fact-check</button>`, `<p class="hint explain" id="explain-submit">The fact-checkers check every quote; you can edit it again if they return it.</p>`}},
		{"EditorReturns", "editor", newsroom.StageEditing, []string{
			`aria-describedby="explain-request_changes">Return to writer with a note</button>`,
			`id="explain-request_changes">The piece goes back to its writer as a draft, with your note at the top.</p>`,
			`id="explain-spike">The piece leaves every queue and will not be published; an editor can restore it.</p>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			res := a.page(tt.actor, "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, tt.want...)
		})
	}
}

// TestRestoreSpiked spikes a piece and restores it from the page: an editor may, its writer may
// not.
func TestRestoreSpiked(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	path := fmt.Sprintf("/drafts/%d", d.ID)
	res := a.page("editor", "POST", path+"/transition", url.Values{"action": {"spike"}, "confirm": {"yes"}})
	if flashOf(res) != "Spiked. The piece leaves every queue and will not be published; an editor can restore it." {
		t.Fatalf("spike: %q", flashOf(res))
	}
	wantBody(t, a.page("editor", "GET", path, nil), `value="restore"`, `>Restore</button>`, `The piece goes back to its writer as a draft.`)
	if strings.Contains(a.page("writer", "GET", path, nil).Body.String(), `value="restore"`) {
		t.Fatal("the writer is offered to restore a spiked piece")
	}
	res = a.page("writer", "POST", path+"/transition", url.Values{"action": {"restore"}})
	if !strings.HasPrefix(flashOf(res), "Not done:") {
		t.Fatalf("the writer restores: %q", flashOf(res))
	}
	res = a.page("editor", "POST", path+"/transition", url.Values{"action": {"restore"}})
	if flashOf(res) != "Sent back to Writer." {
		t.Fatalf("restore: %q", flashOf(res))
	}
}

// TestNoteShownUntilActedOn shows the editor's note at the top of the writer's page when a piece
// comes back, saying it was sent with the step (the step's label alone, "Return to writer with a
// note, Mon…", read as an instruction to the writer), and drops it once the writer saves a new
// version.
func TestNoteShownUntilActedOn(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	path := fmt.Sprintf("/drafts/%d", d.ID)
	a.clock.Add(time.Minute)
	res := a.page("editor", "POST", path+"/transition", url.Values{"action": {"request_changes"}, "note": {"Name the council's source."}})
	if flashOf(res) != "Sent back to Writer with your note." {
		t.Fatalf("request changes: %q", flashOf(res))
	}
	wantBody(t, a.page("writer", "GET", path, nil), `<aside class="notice" id="notice"`, `<h2 id="notice-title">A note from <bdi>Editor</bdi></h2>`,
		`<blockquote>Name the council&#39;s source.</blockquote>`, "Sent with “Return to writer with a note” on ")
	if strings.Contains(a.page("editor", "GET", path, nil).Body.String(), `class="notice"`) {
		t.Fatal("the editor is shown their own note")
	}
	a.clock.Add(time.Minute)
	res = a.page("writer", "POST", path+"/edit", url.Values{"version": {"1"}, "body": {"The council's spokesman said so."}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", res.Code, res.Body.String())
	}
	if strings.Contains(a.page("writer", "GET", path, nil).Body.String(), `class="notice"`) {
		t.Fatal("the note is still shown after the writer saved a new version")
	}
}

// TestRefusalShownAsWarning carries a refused action's reason to the page the redirect lands
// on as a warning (an alert), never in the style of news that something was done.
func TestRefusalShownAsWarning(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	path := fmt.Sprintf("/drafts/%d", d.ID)
	res := a.page("writer", "POST", path+"/transition", url.Values{"action": {"restore"}})
	warning := setCookie(res, "copydesk_warning")
	if warning == nil || setCookie(res, "copydesk_flash") != nil {
		t.Fatalf("a refusal set cookies %v; want a warning alone", res.Result().Cookies())
	}
	session, _ := a.session("writer")
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: session})
	req.AddCookie(warning)
	page := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(page, req)
	wantBody(t, page, `<p class="warning" role="alert">Not done: `)
	if strings.Contains(page.Body.String(), `class="flash"`) {
		t.Error("the refusal is shown as news")
	}
}

// TestMissingPartsSayHowToAddThem refuses to send on a piece without a byline and a brief, and
// tells the writer, who can edit it, how to add them: the bare "has no … yet" left them to guess.
// Where other gates hold the step back too, the hint follows the refusal it is about.
func TestMissingPartsSayHowToAddThem(t *testing.T) {
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Half a piece", Body: "One paragraph."})
	if err != nil {
		t.Fatal(err)
	}
	res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"submit"}})
	wantBody(t, res, "the piece has no byline and brief yet: add them with Edit, then try again.")
	d, err = a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Most of a piece", Brief: "A brief.", Body: "One paragraph."})
	if err != nil {
		t.Fatal(err)
	}
	res = a.page("writer", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"submit"}})
	wantBody(t, res, "the piece has no byline yet: add it with Edit, then try again.")

	// Held back by an open comment too, the piece's editor is told how to add the byline where
	// the refusal names it, not after the comment's.
	d = a.draft(newsroom.StageEditing)
	empty := ""
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Byline: &empty, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	a.comment(d.ID)
	res = a.page("editor", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"approve"}})
	wantBody(t, res, "the piece has no byline yet: add it with Edit, then try again. Also: cannot approve: 1 unresolved comment,",
		"(resolve it, or approve over it with a note saying why)</p>")
}

// TestActionOutOfSightGoesToDesk sends an actor whom an action leaves unable to see the piece
// (a fact-checker returning it to its writer) to their desk, not to its page, which would be
// "not found"; an actor who still sees it goes back to its page.
func TestActionOutOfSightGoesToDesk(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, actor, action string
		stage               newsroom.Stage
		wantTo, wantFlash   string
	}{
		{"FactCheckerReturns", "factchecker", "return", newsroom.StageFactCheck, "/desk", "“A draft”: sent back to Writer with your note."},
		{"EditorRequestsChanges", "editor", "request_changes", newsroom.StageEditing, "/drafts/%d", "Sent back to Writer with your note."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			res := a.page(tt.actor, "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {tt.action}, "note": {"Check the second quote."}})
			wantStatus(t, res, http.StatusSeeOther)
			want := tt.wantTo
			if strings.Contains(want, "%d") {
				want = fmt.Sprintf(want, d.ID)
			}
			if got := res.Header().Get("Location"); got != want {
				t.Errorf("goes to %q, want %q", got, want)
			}
			if got := flashOf(res); got != tt.wantFlash {
				t.Errorf("flash %q, want %q", got, tt.wantFlash)
			}
		})
	}
}

// TestRefusedFoldedActionShowsOpen: an action folded under More (a second way back, spiking)
// that is refused comes back with More open and the note typed in its form, where its typist
// sees both; any other refusal leaves More folded.
func TestRefusedFoldedActionShowsOpen(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, action string
		wantOpen     bool
	}{
		{"Recheck", "recheck", true},
		{"Spike", "spike", true},
		{"Approve", "approve", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageEditing)
			note := "Note for " + tt.action + " on a stale version"
			res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {tt.action}, "note": {note}, "version": {"99"}, "confirm": {"yes"}})
			wantStatus(t, res, http.StatusConflict)
			body := res.Body.String()
			more := body[strings.Index(body, `<details class="more-actions"`):]
			more = more[:strings.Index(more, "</details>")]
			if open := strings.HasPrefix(more, `<details class="more-actions" open>`); open != tt.wantOpen {
				t.Errorf("More open: %v, want %v", open, tt.wantOpen)
			}
			if kept := strings.Count(body, `value="`+note+`"`); kept != 1 {
				t.Errorf("the note typed shows %d times", kept)
			}
			if tt.wantOpen && !strings.Contains(more, `value="`+note+`"`) {
				t.Errorf("the note typed is not in its form under More")
			}
		})
	}
}

// TestDraftPageActionsInTheRow, on a workflow that asks a writer to confirm sending a piece to
// fact-check: the button of a way forward stands in the bar's row though it asks to be
// confirmed, and a page whose every action would go under More (an editor's on a draft, who may
// only spike it) shows them in the row, with no More holding them all.
func TestDraftPageActionsInTheRow(t *testing.T) {
	src := strings.Replace(policies.Workflow, "    gates: [required_fields]\n  return:",
		"    gates: [required_fields]\n    confirm: Send it? You cannot edit it while it is checked.\n  return:", 1)
	p, err := policy.Parse("confirm.yaml", []byte(src))
	if err != nil || src == policies.Workflow {
		t.Fatalf("the workflow with a confirmed submit: %v", err)
	}
	a := newWorkflowApp(t, p, actorRoles)
	tests := []struct {
		name, actor string
		stage       newsroom.Stage
		wantInRow   []string
		wantMore    []string
	}{
		{"WriterConfirmsSubmit", "writer", newsroom.StageDraft, []string{"submit"}, nil},
		{"EditorMaySpikeOnly", "editor", newsroom.StageDraft, []string{"spike"}, nil},
		{"EditorInEditing", "editor", newsroom.StageEditing, []string{"request_changes", "approve"}, []string{"recheck", "spike"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			res := a.page(tt.actor, "GET", draftPath(d.ID), nil)
			wantStatus(t, res, http.StatusOK)
			body := res.Body.String()
			actions := body[strings.Index(body, `<section class="panel" id="actions">`):]
			actions = actions[:strings.Index(actions, "</section>")]
			row, more, _ := strings.Cut(actions, `<details class="more-actions"`)
			for _, act := range tt.wantInRow {
				if !strings.Contains(row, `name="do" value="`+act+`"`) {
					t.Errorf("%s is not in the row of actions", act)
				}
			}
			for _, act := range tt.wantMore {
				if !strings.Contains(more, `name="do" value="`+act+`"`) {
					t.Errorf("%s is not under More", act)
				}
			}
			if len(tt.wantMore) == 0 && more != "" {
				t.Errorf("the page folds actions under More: %s", more)
			}
		})
	}
}
