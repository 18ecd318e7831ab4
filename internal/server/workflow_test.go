package server_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// TestWorkflowAnswer checks that GET /api/v1/workflow serves the workflow the server runs, to
// any signed-in user and to no one else, in the shape openapi.json documents.
func TestWorkflowAnswer(t *testing.T) {
	a := newTestApp(t)
	res := a.do("", "GET", "/api/v1/workflow", "")
	wantStatus(t, res, http.StatusUnauthorized)
	validateResponse(t, a, httptest.NewRequest("GET", "/api/v1/workflow", nil), res)
	for actor := range actorRoles {
		res := a.do(actor, "GET", "/api/v1/workflow", "")
		wantStatus(t, res, http.StatusOK)
		validateResponse(t, a, httptest.NewRequest("GET", "/api/v1/workflow", nil), res)
		w := decode[servedWorkflow](t, res)
		stages := w.stageNames()
		want := []newsroom.Stage{"draft", "fact_check", "editing", "approved", "scheduled", "published", "spiked"}
		if !slices.Equal(stages, want) {
			t.Errorf("%s: stages = %v, want %v", actor, stages, want)
		}
		if len(w.Actions) != 13 || len(w.Roles) != 4 {
			t.Errorf("%s: %d actions and %d roles, want 13 and 4", actor, len(w.Actions), len(w.Roles))
		}
		spike := w.Actions[slices.IndexFunc(w.Actions, func(a policy.Action) bool { return a.Name == "spike" })]
		if spike.Label != "Spike" || spike.Confirm == "" || spike.To != "spiked" || !slices.Equal(spike.By, []string{"editor"}) {
			t.Errorf("%s: spike = %+v", actor, spike)
		}
		if w.Roles[0].Name != "writer" || w.Roles[0].Label != "Writer" || w.Roles[2].Home != "editing" {
			t.Errorf("%s: roles = %+v", actor, w.Roles)
		}
	}
}

// servedWorkflow is the answer of GET /api/v1/workflow.
type servedWorkflow struct {
	Stages  []policy.Stage
	Actions []policy.Action
	Roles   []policy.Role
}

// stageNames lists the workflow's stages by name, in its order.
func (w servedWorkflow) stageNames() []newsroom.Stage {
	var names []newsroom.Stage
	for _, s := range w.Stages {
		names = append(names, s.Name)
	}
	return names
}
