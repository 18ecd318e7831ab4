package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStepMessagesSayWhoHasThePiece: the message after each step of the workflow says what
// happened in plain words and who has the piece now, where that is known: its writer, the person
// holding the desk it went to, or that desk; and that the note went with it. "Done: the draft is
// now Draft." told an editor sending a piece back neither.
func TestStepMessagesSayWhoHasThePiece(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, actor, action, note string
		stage                     newsroom.Stage
		holder                    string // someone assigned, before the step, at the desk it leads to
		wantTo, wantFlash         string
	}{
		{"Submit", "writer", "submit", "", newsroom.StageDraft, "", "/drafts/%d", "Sent to the Fact-check desk."},
		{"SubmitToItsHolder", "writer", "submit", "", newsroom.StageDraft, "factchecker", "/drafts/%d", "Sent to Factchecker at the Fact-check desk."},
		{"Return", "factchecker", "return", "Check the second quote.", newsroom.StageFactCheck, "", "/desk", "“A draft”: sent back to Writer with your note."},
		{"Clear", "factchecker", "clear", "", newsroom.StageFactCheck, "", "/drafts/%d", "Sent to the Editing desk."},
		{"RequestChanges", "editor", "request_changes", "Name the source.", newsroom.StageEditing, "", "/drafts/%d", "Sent back to Writer with your note."},
		{"Recheck", "editor", "recheck", "", newsroom.StageEditing, "", "/drafts/%d", "Sent back to the Fact-check desk."},
		{"RecheckWithNote", "editor", "recheck", "The figures again.", newsroom.StageEditing, "", "/drafts/%d", "Sent back to the Fact-check desk with your note."},
		{"Approve", "editor", "approve", "", newsroom.StageEditing, "", "/drafts/%d", "Approved. The piece is ready to publish or schedule, and its text is locked."},
		{"Reopen", "editor", "reopen", "", newsroom.StageApproved, "", "/drafts/%d", "Done: Reopen for editing. The piece goes back to Editing and must be approved again."},
		{"Spike", "editor", "spike", "", newsroom.StageEditing, "", "/drafts/%d", "Spiked. The piece leaves every queue and will not be published; an editor can restore it."},
		{"Restore", "editor", "restore", "", newsroom.StageSpiked, "", "/drafts/%d", "Sent back to Writer."},
		{"Unschedule", "editor", "unschedule", "", newsroom.StageScheduled, "", "/drafts/%d", "Done: Unschedule. The piece goes back to Approved and is not published at its time."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.stagedDraft(tt.stage)
			if tt.holder != "" {
				if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: a.users[tt.holder].ID}); err != nil {
					t.Fatal(err)
				}
			}
			if tt.action == "clear" {
				a.verifyQuotes(d.ID)
			}
			res := a.page(tt.actor, "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {tt.action}, "note": {tt.note}, "confirm": {"yes"}})
			wantStatus(t, res, http.StatusSeeOther)
			want := tt.wantTo
			if want != "/desk" {
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

// stagedDraft is a.draft walked on, by an editor, to the stages a.draft does not reach: spiked
// from editing, scheduled for an hour from now.
func (a *testApp) stagedDraft(stage newsroom.Stage) *newsroom.Draft {
	a.t.Helper()
	switch stage {
	case newsroom.StageSpiked:
		d := a.draft(newsroom.StageEditing)
		d, err := a.store.Transition(ctxAs(a, "editor"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSpike})
		if err != nil {
			a.t.Fatal(err)
		}
		return d
	case newsroom.StageScheduled:
		d := a.draft(newsroom.StageApproved)
		if _, err := a.store.Publish(ctxAs(a, "editor"), d.ID, a.clock.Now().Add(time.Hour), 0); err != nil {
			a.t.Fatal(err)
		}
		return d
	}
	return a.draft(stage)
}
