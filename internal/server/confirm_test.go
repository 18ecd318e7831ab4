package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/policies"
)

// TestConfirmations sends the draft page's forms for actions the workflow asks to confirm
// (spike, and in this workflow publish too): without the box ticked nothing happens and the
// page asks again, with it the action is taken; a viewer who may not take the action at all
// hears why, not to tick a box; and the API, which has no box, is not asked.
func TestConfirmations(t *testing.T) {
	src := strings.Replace(policies.Workflow, "  publish:\n    label: Publish\n", "  publish:\n    label: Publish\n    confirm: Publish this piece for every reader?\n", 1)
	p, err := policy.Parse("confirm.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := newWorkflowApp(t, p, actorRoles)
	stageOf := func(d *newsroom.Draft) newsroom.Stage {
		t.Helper()
		got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Stage
	}
	tests := []struct {
		name      string
		actor     string
		stage     newsroom.Stage
		path      string
		form      url.Values
		wantFlash string
		wantStage newsroom.Stage
	}{
		{"SpikeUnconfirmed", "editor", newsroom.StageEditing, "transition", url.Values{"action": {"spike"}}, "tick the box to confirm: Spike this piece?", newsroom.StageEditing},
		{"SpikeConfirmed", "editor", newsroom.StageEditing, "transition", url.Values{"action": {"spike"}, "confirm": {"yes"}}, "Spiked.", newsroom.StageSpiked},
		{"SpikeByWhoMayNot", "factchecker", newsroom.StageEditing, "transition", url.Values{"action": {"spike"}}, "a fact-checker may not take the step “Spike”", newsroom.StageEditing},
		{"PublishUnconfirmed", "editor", newsroom.StageApproved, "publish", url.Values{"when": {"now"}}, "tick the box to confirm: Publish this piece for every reader?", newsroom.StageApproved},
		{"PublishConfirmed", "editor", newsroom.StageApproved, "publish", url.Values{"when": {"now"}, "confirm": {"yes"}}, "Published: readers see it at", newsroom.StagePublished},
		{"ScheduleNeedsNoBox", "editor", newsroom.StageApproved, "publish", url.Values{"when": {"schedule"}, "at": {"2099-01-02T10:00"}}, "Scheduled for", newsroom.StageScheduled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			res := a.page(tt.actor, "POST", fmt.Sprintf("/drafts/%d/%s", d.ID, tt.path), tt.form)
			if res.Code != http.StatusSeeOther || !strings.Contains(flashOf(res), tt.wantFlash) {
				t.Fatalf("%d %q, want a redirect saying %q", res.Code, flashOf(res), tt.wantFlash)
			}
			if got := stageOf(d); got != tt.wantStage {
				t.Fatalf("stage %s, want %s", got, tt.wantStage)
			}
		})
	}
	d := a.draft(newsroom.StageEditing)
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"spike"}`)
	wantStatus(t, res, http.StatusOK)
	page := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", a.draft(newsroom.StageApproved).ID), nil)
	wantBody(t, page, `name="confirm" value="yes" required> Publish this piece for every reader?`)
}
