package server_test

import (
	"fmt"
	"net/http"
	neturl "net/url"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// newLegalApp is the app on the second workflow of internal/policy/testdata/legal: a copy desk
// between editing and approval and a legal review before publication.
func newLegalApp(t *testing.T) *testApp {
	t.Helper()
	p, err := policy.FromDir("../policy/testdata/legal")
	if err != nil {
		t.Fatal(err)
	}
	return newWorkflowApp(t, p, map[string]newsroom.Role{
		"writer": "writer", "factchecker": "factchecker", "copyeditor": "copyeditor", "editor": "editor",
	})
}

// TestCustomWorkflowWalk walks a piece through the second workflow over the API, from the
// writer's draft through the copy desk and legal review to publication, and checks that the
// copy editor is held to what the file gives them and that the API takes the new stages.
func TestCustomWorkflowWalk(t *testing.T) {
	a := newLegalApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Council vote","byline":"Writer","brief":"The vote.","body":"The mayor said “yes”."}`)
	wantStatus(t, res, http.StatusCreated)
	d := decode[newsroom.Draft](t, res)
	url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)

	wantStatus(t, a.do("copyeditor", "GET", url, ""), http.StatusNotFound)
	step := func(actor, action string, stage newsroom.Stage) {
		t.Helper()
		res := a.do(actor, "POST", url+"/transitions", `{"action":"`+action+`","note":"Checked."}`)
		wantStatus(t, res, http.StatusOK)
		if got := decode[newsroom.Draft](t, res).Stage; got != stage {
			t.Fatalf("after %s the draft is in %s, want %s", action, got, stage)
		}
	}
	step("writer", "submit", "fact_check")
	a.verifyQuotes(d.ID)
	step("factchecker", "clear", "editing")
	wantStatus(t, a.do("copyeditor", "GET", url, ""), http.StatusNotFound)
	step("editor", "send_to_copy", "copyedit")

	d = decode[newsroom.Draft](t, a.do("copyeditor", "GET", url, ""))
	wantStatus(t, a.do("copyeditor", "PUT", url, fmt.Sprintf(`{"editor_comment":"Mine now","version":%d}`, d.Version)), http.StatusForbidden)
	res = a.do("copyeditor", "PUT", url, fmt.Sprintf(`{"body":"The mayor said “yes”.\nThe vote was 7 to 2.","version":%d}`, d.Version))
	wantStatus(t, res, http.StatusOK)
	if got := decode[newsroom.Draft](t, res).Body; got != "The mayor said “yes”.\nThe vote was 7 to 2." {
		t.Errorf("the copy editor's body was not kept: %q", got)
	}
	wantStatus(t, a.do("copyeditor", "POST", url+"/transitions", `{"action":"send_to_legal"}`), http.StatusForbidden)
	step("copyeditor", "copy_done", "approved")
	wantStatus(t, a.do("editor", "POST", url+"/publish", `{}`), http.StatusConflict)
	step("editor", "send_to_legal", "legal")

	res = a.do("editor", "GET", "/api/v1/drafts?stage=legal", "")
	wantStatus(t, res, http.StatusOK)
	if items := decode[struct{ Items []newsroom.Draft }](t, res).Items; len(items) != 1 || items[0].ID != d.ID {
		t.Errorf("?stage=legal lists %+v, want draft %d", items, d.ID)
	}
	wantStatus(t, a.do("editor", "GET", "/api/v1/drafts?stage=bogus", ""), http.StatusUnprocessableEntity)

	res = a.do("editor", "POST", url+"/publish", `{}`)
	wantStatus(t, res, http.StatusOK)
	wantStatus(t, a.do("copyeditor", "GET", url, ""), http.StatusOK)
	if got := decode[newsroom.Draft](t, a.do("writer", "GET", url, "")).Stage; got != "published" {
		t.Errorf("after publishing the draft is in %s", got)
	}
}

// TestCustomWorkflowServed checks that /api/v1/workflow serves the second workflow's stages,
// actions and roles, with the new ones in their places.
func TestCustomWorkflowServed(t *testing.T) {
	a := newLegalApp(t)
	res := a.do("copyeditor", "GET", "/api/v1/workflow", "")
	wantStatus(t, res, http.StatusOK)
	w := decode[servedWorkflow](t, res)
	stages := w.stageNames()
	want := []newsroom.Stage{"draft", "fact_check", "editing", "copyedit", "approved", "legal", "scheduled", "published", "spiked"}
	if !slices.Equal(stages, want) {
		t.Errorf("stages = %v, want %v", stages, want)
	}
	i := slices.IndexFunc(w.Actions, func(a policy.Action) bool { return a.Name == "send_to_copy" })
	if i < 0 || w.Actions[i].Label != "Send to copy desk" || w.Actions[i].To != "copyedit" {
		t.Errorf("send_to_copy is not served: %+v", w.Actions)
	}
	j := slices.IndexFunc(w.Roles, func(r policy.Role) bool { return r.Name == "copyeditor" })
	if j < 0 || w.Roles[j].Home != "copyedit" {
		t.Errorf("the copyeditor's desk is not served: %+v", w.Roles)
	}
}

// TestEditFormHoldsEditableFields checks that the draft page's edit form offers only the fields
// the viewer may edit in the draft's stage, and that saving it leaves the others as they were.
func TestEditFormHoldsEditableFields(t *testing.T) {
	a := newLegalApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Council vote","byline":"Writer","brief":"The vote.","body":"The vote was close.","topics":["council"]}`)
	wantStatus(t, res, http.StatusCreated)
	d := decode[newsroom.Draft](t, res)
	url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	for _, s := range []struct{ actor, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "send_to_copy"}} {
		wantStatus(t, a.do(s.actor, "POST", url+"/transitions", `{"action":"`+s.action+`"}`), http.StatusOK)
	}
	page := fmt.Sprintf("/drafts/%d", d.ID)
	res = a.page("copyeditor", "GET", page, nil)
	wantStatus(t, res, http.StatusOK)
	html := res.Body.String()
	for _, field := range []string{`name="title"`, `name="brief"`, `name="body"`} {
		if !strings.Contains(html, field) {
			t.Errorf("the copy editor's form lacks %s", field)
		}
	}
	for _, field := range []string{`name="byline"`, `name="topics"`, `name="editor_comment"`} {
		if strings.Contains(html, field) {
			t.Errorf("the copy editor's form offers %s, which they may not edit", field)
		}
	}
	res = a.page("copyeditor", "POST", page+"/edit", neturl.Values{"version": {fmt.Sprint(d.Version)}, "title": {"Council vote"}, "brief": {"The vote."}, "body": {"The vote was 7 to 2."}})
	wantStatus(t, res, http.StatusSeeOther)
	got := decode[newsroom.Draft](t, a.do("editor", "GET", url, ""))
	if got.Body != "The vote was 7 to 2." || got.Byline != "Writer" || !slices.Equal(got.Topics, []string{"council"}) {
		t.Errorf("after the copy editor's save: body %q, byline %q, topics %v", got.Body, got.Byline, got.Topics)
	}
}

// TestCustomWorkflowDesk assigns a piece at a desk the second workflow adds (its copy desk):
// the workflow, not the code, says who works it.
func TestCustomWorkflowDesk(t *testing.T) {
	a := newLegalApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Council vote", Byline: "Writer", Brief: "The vote.", Body: "The vote."})
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/drafts/%d/assignees/copyedit", d.ID)
	res := a.do("editor", "PUT", path, fmt.Sprintf(`{"user_id":%d}`, a.users["factchecker"].ID))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	res = a.do("editor", "PUT", path, fmt.Sprintf(`{"user_id":%d}`, a.users["copyeditor"].ID))
	wantStatus(t, res, http.StatusOK)
	if got := decode[newsroom.Draft](t, res).Assignees["copyedit"].Username; got != "copyeditor" {
		t.Fatalf("copyedit is held by %q, want the copy editor", got)
	}
	wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/assignees/fact_check", d.ID), fmt.Sprintf(`{"user_id":%d}`, a.users["factchecker"].ID)), http.StatusUnprocessableEntity)
}
