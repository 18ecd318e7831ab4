package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestAPI walks the JSON API through its answers, good and bad.
func TestAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	id := fmt.Sprint(d.ID)
	tests := []struct {
		name         string
		actor        string
		method, url  string
		body         string
		wantStatus   int
		wantContains string
	}{
		{"LoginWrongPassword", "", "POST", "/api/v1/login", `{"username":"writer","password":"nope"}`, 401, `"code":"unauthorized"`},
		{"LoginMalformed", "", "POST", "/api/v1/login", `{"username":`, 400, `"code":"malformed"`},
		{"CreateOK", "writer", "POST", "/api/v1/drafts", `{"title":"Mexico’s “no”","byline":"Sarah Johnson","brief":"b","body":"p1\n\np2","topics":["Mexico"]}`, 201, `"body":"p1\np2"`},
		{"CreateAnonymous", "", "POST", "/api/v1/drafts", `{"title":"x"}`, 401, `"code":"unauthorized"`},
		{"CreateFactChecker", "factchecker", "POST", "/api/v1/drafts", `{"title":"x"}`, 403, `"code":"forbidden"`},
		{"CreateEmptyTitle", "writer", "POST", "/api/v1/drafts", `{"title":"  "}`, 422, `title must not be empty`},
		{"CreateUnknownField", "writer", "POST", "/api/v1/drafts", `{"title":"x","headline":"y"}`, 400, `unknown field`},
		{"CreateWrongType", "writer", "POST", "/api/v1/drafts", `{"title":42}`, 400, `field \"title\" must be string`},
		{"CreateTwoValues", "writer", "POST", "/api/v1/drafts", `{"title":"x"}{"title":"y"}`, 400, `more than one JSON value`},
		{"CreateTooLarge", "writer", "POST", "/api/v1/drafts", `{"title":"x","body":"` + strings.Repeat("a", newsroom.MaxTextBytes) + `"}`, 413, `"code":"too_large"`},
		{"CreateNUL", "writer", "POST", "/api/v1/drafts", `{"title":"a\u0000b"}`, 422, `NUL`},
		{"BadToken", "", "GET", "/api/v1/drafts", "", 401, `"code":"unauthorized"`},
		{"GetOwner", "writer", "GET", "/api/v1/drafts/" + id, "", 200, `"stage":"draft"`},
		{"GetOtherWriter", "other", "GET", "/api/v1/drafts/" + id, "", 404, `"code":"not_found"`},
		{"GetFactCheckerBeforeSubmit", "factchecker", "GET", "/api/v1/drafts/" + id, "", 404, `"code":"not_found"`},
		{"GetNotANumber", "editor", "GET", "/api/v1/drafts/abc", "", 400, `is not a number`},
		{"GetNegative", "editor", "GET", "/api/v1/drafts/-3", "", 404, `not found`},
		{"GetHuge", "editor", "GET", "/api/v1/drafts/99999999999999999999999", "", 404, `not found`},
		{"UpdateStale", "writer", "PUT", "/api/v1/drafts/" + id, `{"title":"New","version":7}`, 409, `"current_version":1`},
		{"UpdateNoVersion", "writer", "PUT", "/api/v1/drafts/" + id, `{"title":"New"}`, 422, `version is required`},
		{"UpdateNegativeVersion", "writer", "PUT", "/api/v1/drafts/" + id, `{"title":"New","version":-1}`, 422, `versions start at 1`},
		{"TransitionUnknown", "writer", "POST", "/api/v1/drafts/" + id + "/transitions", `{"action":"bless"}`, 422, `unknown action`},
		{"TransitionWrongStage", "editor", "POST", "/api/v1/drafts/" + id + "/transitions", `{"action":"approve"}`, 409, `the step “Approve” cannot be taken on a draft at “Draft”`},
		{"TransitionWrongRole", "editor", "POST", "/api/v1/drafts/" + id + "/transitions", `{"action":"submit"}`, 403, `"code":"forbidden"`},
		{"ListBadStage", "editor", "GET", "/api/v1/drafts?stage=limbo", "", 422, `unknown stage`},
		{"ListBadLimit", "editor", "GET", "/api/v1/drafts?limit=0", "", 422, `limit must be`},
		{"NoSuchRoute", "editor", "GET", "/api/v1/nothing", "", 404, `"code":"not_found"`},
		{"WrongMethod", "editor", "DELETE", "/api/v1/drafts/" + id, "", 405, `"code":"method_not_allowed"`},
		{"WrongContentType", "writer", "POST", "/api/v1/login", "", 400, `request body is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "BadToken" {
				a.tokens["nobody"] = "forged"
				tt.actor = "nobody"
			}
			res := a.do(tt.actor, tt.method, tt.url, tt.body)
			wantStatus(t, res, tt.wantStatus)
			if !strings.Contains(res.Body.String(), tt.wantContains) {
				t.Fatalf("body %s does not contain %s", res.Body.String(), tt.wantContains)
			}
			if tt.wantStatus >= 400 {
				e := decode[apiError](t, res)
				if e.Error.Code == "" || e.Error.Message == "" {
					t.Fatalf("error body %s lacks code or message", res.Body.String())
				}
			}
		})
	}
}

// TestWorkflow takes one draft from writer to published over the API, with a return and a
// stale save on the way, and reads its history.
func TestWorkflow(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Sheinbaum says no","byline":"Sarah Johnson","brief":"She said no.","body":"“Our territory is inalienable,” she said."}`)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	step := func(actor, action, note string, want newsroom.Stage) {
		t.Helper()
		res := a.do(actor, "POST", base+"/transitions", fmt.Sprintf(`{"action":%q,"note":%q}`, action, note))
		wantStatus(t, res, 200)
		if got := decode[newsroom.Draft](t, res).Stage; got != want {
			t.Fatalf("%s: stage %s, want %s", action, got, want)
		}
	}
	step("writer", "submit", "", newsroom.StageFactCheck)
	res = a.do("factchecker", "POST", base+"/transitions", `{"action":"return"}`)
	wantStatus(t, res, 422)
	step("factchecker", "return", "Source the quote.", newsroom.StageDraft)
	wantStatus(t, a.do("writer", "PUT", base, `{"body":"“Our territory is inalienable,” Sheinbaum said.","version":1}`), 200)
	res = a.do("writer", "PUT", base, `{"body":"An older tab's text.","version":1}`)
	wantStatus(t, res, 409)
	if e := decode[apiError](t, res); e.Error.Details["current_version"] != float64(2) {
		t.Fatalf("conflict details = %v", e.Error.Details)
	}
	step("writer", "submit", "", newsroom.StageFactCheck)
	res = a.do("factchecker", "POST", base+"/transitions", `{"action":"clear"}`)
	wantStatus(t, res, 409)
	if !strings.Contains(res.Body.String(), "Our territory is inalienable") {
		t.Fatalf("the gate does not list the unchecked quote: %s", res.Body.String())
	}
	a.verifyQuotes(d.ID)
	step("factchecker", "clear", "", newsroom.StageEditing)
	wantStatus(t, a.do("editor", "PUT", base, `{"editor_comment":"A firm no.","version":2}`), 200)
	step("editor", "approve", "", newsroom.StageApproved)
	step("editor", "publish", "", newsroom.StagePublished)

	res = a.do("writer", "GET", base+"/history?unmerged_text=1", "")
	wantStatus(t, res, 200)
	h := decode[newsroom.History](t, res)
	if len(h.Revisions) != 4 || !h.Revisions[1].Unmerged || h.Revisions[1].Text.Body != "An older tab's text." {
		t.Fatalf("revisions = %+v", h.Revisions)
	}
	var actions []string
	for _, e := range h.Audit {
		actions = append(actions, e.Actor.Username+":"+e.Action)
	}
	want := "editor:publish editor:approve factchecker:clear writer:submit factchecker:return writer:submit writer:create"
	if strings.Join(actions, " ") != want {
		t.Fatalf("audit = %q, want %q", strings.Join(actions, " "), want)
	}
	res = a.do("writer", "GET", base+"/revisions/3", "")
	wantStatus(t, res, 200)
	if r := decode[newsroom.Revision](t, res); r.Text.EditorComment != "A firm no." || r.Version != 3 {
		t.Fatalf("revision 3 = %+v", r)
	}
	wantStatus(t, a.do("writer", "GET", base+"/revisions/9", ""), 404)
	res = a.do("factchecker", "GET", "/api/v1/drafts?stage=published", "")
	wantStatus(t, res, 200)
	if p := decode[newsroom.DraftPage](t, res); len(p.Items) != 1 || p.Items[0].ID != d.ID {
		t.Fatalf("published list = %+v", p)
	}
}
