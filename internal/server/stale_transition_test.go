package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestTransitionOnStaleVersion: an editor who approves a piece approves the text they read. When
// another editor saved over it after the page was shown (or after the client read it), the
// action is refused and the piece stays where it was, over the API and the page's form alike;
// an action on the version now, or one that names no version, goes through.
func TestTransitionOnStaleVersion(t *testing.T) {
	roles := map[string]newsroom.Role{}
	for name, role := range actorRoles {
		roles[name] = role
	}
	roles["editor2"] = newsroom.RoleEditor
	for _, tc := range []struct {
		name       string
		page       bool
		version    func(read, now int) int
		wantStatus int
		wantStage  newsroom.Stage
	}{
		{"APIStale", false, func(read, _ int) int { return read }, http.StatusConflict, newsroom.StageEditing},
		{"APICurrent", false, func(_, now int) int { return now }, http.StatusOK, newsroom.StageApproved},
		{"APINoVersion", false, func(int, int) int { return 0 }, http.StatusOK, newsroom.StageApproved},
		{"PageStale", true, func(read, _ int) int { return read }, http.StatusConflict, newsroom.StageEditing},
		{"PageCurrent", true, func(_, now int) int { return now }, http.StatusSeeOther, newsroom.StageApproved},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, roles)
			d := a.draft(newsroom.StageEditing)
			read := d.Version
			if tc.page {
				read = shownVersion(t, a, d.ID, "approve")
			}
			save := fmt.Sprintf(`{"body":"Body with a “quote”, changed by another editor.","version":%d}`, d.Version)
			wantStatus(t, a.do("editor2", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), save), http.StatusOK)
			now := d.Version + 1
			var res interface{ Result() *http.Response }
			if tc.page {
				form := url.Values{"action": {"approve"}}
				if v := tc.version(read, now); v != 0 {
					form.Set("version", fmt.Sprint(v))
				}
				res = a.page("editor", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), form)
			} else {
				body := `{"action":"approve"}`
				if v := tc.version(read, now); v != 0 {
					body = fmt.Sprintf(`{"action":"approve","version":%d}`, v)
				}
				res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), body)
			}
			if got := res.Result().StatusCode; got != tc.wantStatus {
				t.Fatalf("status %d, want %d", got, tc.wantStatus)
			}
			got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != tc.wantStage || got.Version != now {
				t.Fatalf("the piece is %s at version %d, want %s at version %d", got.Stage, got.Version, tc.wantStage, now)
			}
		})
	}
}

// shownVersion is the version the draft page shows the editor its form for action is taken on.
func shownVersion(t *testing.T, a *testApp, id int64, action string) int {
	t.Helper()
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", id), nil)
	wantStatus(t, res, http.StatusOK)
	html := res.Body.String()
	start := strings.Index(html, `name="action" value="`+action+`"`)
	if start < 0 {
		t.Fatalf("the page offers no %s form", action)
	}
	form := html[start:]
	form = form[:strings.Index(form, "</form>")]
	m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(form)
	if m == nil {
		t.Fatalf("the %s form says no version it was shown on", action)
	}
	var v int
	fmt.Sscan(m[1], &v)
	return v
}

// TestPublishOnStaleVersion: an editor who publishes a piece publishes the text they read. When
// another editor reopened it, changed it and approved it again after the page was shown, the
// publish is refused and the piece stays approved, over the API and the page's form alike; a
// publish of the version now, or one that names no version, goes through.
func TestPublishOnStaleVersion(t *testing.T) {
	roles := map[string]newsroom.Role{}
	for name, role := range actorRoles {
		roles[name] = role
	}
	roles["editor2"] = newsroom.RoleEditor
	for _, tc := range []struct {
		name       string
		page       bool
		version    func(read, now int) int
		wantStatus int
		wantStage  newsroom.Stage
		at         string // a time to publish typed in the page's form, to schedule
	}{
		{"APIStale", false, func(read, _ int) int { return read }, http.StatusConflict, newsroom.StageApproved, ""},
		{"APICurrent", false, func(_, now int) int { return now }, http.StatusOK, newsroom.StagePublished, ""},
		{"APINoVersion", false, func(int, int) int { return 0 }, http.StatusOK, newsroom.StagePublished, ""},
		{"PageStale", true, func(read, _ int) int { return read }, http.StatusConflict, newsroom.StageApproved, ""},
		{"PageStaleScheduled", true, func(read, _ int) int { return read }, http.StatusConflict, newsroom.StageApproved, "2099-03-04T05:06"},
		{"PageCurrent", true, func(_, now int) int { return now }, http.StatusSeeOther, newsroom.StagePublished, ""},
		{"PageCurrentScheduled", true, func(_, now int) int { return now }, http.StatusSeeOther, newsroom.StageScheduled, "2099-03-04T05:06"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, roles)
			d := a.draft(newsroom.StageApproved)
			read := d.Version
			if tc.page {
				read = shownPublishVersion(t, a, d.ID)
			}
			steps := []struct{ method, path, body string }{
				{"POST", "/transitions", `{"action":"reopen"}`},
				{"PUT", "", fmt.Sprintf(`{"body":"Body with a “quote”, changed by another editor.","version":%d}`, d.Version)},
				{"POST", "/transitions", `{"action":"approve"}`},
			}
			for _, st := range steps {
				wantStatus(t, a.do("editor2", st.method, fmt.Sprintf("/api/v1/drafts/%d%s", d.ID, st.path), st.body), http.StatusOK)
			}
			now := d.Version + 1
			var res *httptest.ResponseRecorder
			if tc.page {
				form := url.Values{"when": {"now"}, "confirm": {"yes"}}
				if tc.at != "" {
					form.Set("when", "schedule")
					form.Set("at", tc.at)
				}
				if v := tc.version(read, now); v != 0 {
					form.Set("version", fmt.Sprint(v))
				}
				res = a.page("editor", "POST", fmt.Sprintf("/drafts/%d/publish", d.ID), form)
			} else {
				body := `{}`
				if v := tc.version(read, now); v != 0 {
					body = fmt.Sprintf(`{"version":%d}`, v)
				}
				res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), body)
			}
			if got := res.Result().StatusCode; got != tc.wantStatus {
				t.Fatalf("status %d, want %d", got, tc.wantStatus)
			}
			// A refused form comes back as typed, to be sent again once the new text is read.
			if body := res.Body.String(); tc.at != "" && tc.wantStatus == http.StatusConflict && !strings.Contains(body, `value="`+tc.at+`"`) {
				t.Fatalf("the refused form lost the time typed, %s", tc.at)
			}
			got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != tc.wantStage || got.Version != now {
				t.Fatalf("the piece is %s at version %d, want %s at version %d", got.Stage, got.Version, tc.wantStage, now)
			}
		})
	}
}

// shownPublishVersion is the version the draft page shows the editor its publish form is for.
func shownPublishVersion(t *testing.T, a *testApp, id int64) int {
	t.Helper()
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", id), nil)
	wantStatus(t, res, http.StatusOK)
	html := res.Body.String()
	start := strings.Index(html, fmt.Sprintf(`action="/drafts/%d/publish"`, id))
	if start < 0 {
		t.Fatal("the page offers no publish form")
	}
	form := html[start:]
	form = form[:strings.Index(form, "</form>")]
	m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(form)
	if m == nil {
		t.Fatal("the publish form says no version it was shown on")
	}
	var v int
	fmt.Sscan(m[1], &v)
	return v
}

// TestActionVersionBelowOne: the version an action over the API was read at starts at 1 (the
// OpenAPI document says so); one below 0 is no version a client read, and is refused as
// invalid input (422, details.field "version"), not as a piece saved over since (409).
func TestActionVersionBelowOne(t *testing.T) {
	for _, tc := range []struct{ name, path, body string }{
		{"Transition", "/transitions", `{"action":"publish","version":-1}`},
		{"Publish", "/publish", `{"version":-1}`},
		{"PublishFarBelow", "/publish", `{"version":-1000000}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, actorRoles)
			d := a.draft(newsroom.StageApproved)
			res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d%s", d.ID, tc.path), tc.body)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			if e := decode[apiError](t, res); e.Error.Code != newsroom.EINVALID || e.Error.Details["field"] != "version" {
				t.Fatalf("error %+v, want invalid, field version", e.Error)
			}
			got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != newsroom.StageApproved {
				t.Fatalf("the piece is %s, want still approved", got.Stage)
			}
		})
	}
}
