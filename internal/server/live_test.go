package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// validateAs checks the answer of a page route against the document's operation of the API
// route that does the same (method and apiURL): the page's script reads what the API answers.
func validateAs(t *testing.T, a *testApp, method, apiURL string, res *httptest.ResponseRecorder) {
	t.Helper()
	validateResponse(t, a, httptest.NewRequest(method, apiURL, nil), res)
	if ct := res.Header().Get("Content-Type"); res.Code != http.StatusNoContent && !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
}

// typedForm is the edit form as the draft page's script sends it while its viewer types.
func typedForm(version int) url.Values {
	return url.Values{"version": {fmt.Sprint(version)}, "title": {""}, "byline": {"Writer"}, "brief": {"Half a brief"},
		"body": {"First paragraph.\r\n\r\nSecond, still being typed"}, "topics": {"Mexico\n\nElections "}}
}

// TestWorkingCopyPages goes through the working copy as the draft page's script does: save the
// typing, read it back, be listed as editing, discard it.
func TestWorkingCopyPages(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	page := fmt.Sprintf("/drafts/%d/working-copy", d.ID)
	api := fmt.Sprintf("/api/v1/drafts/%d/working-copy", d.ID)

	res := a.page("writer", "GET", page, nil)
	wantStatus(t, res, http.StatusNotFound)
	validateAs(t, a, "GET", api, res)

	res = a.page("writer", "POST", page, typedForm(d.Version))
	wantStatus(t, res, http.StatusOK)
	validateAs(t, a, "PUT", api, res)
	if res.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("Cache-Control = %q", res.Header().Get("Cache-Control"))
	}
	saved := decode[struct {
		SavedAt time.Time `json:"saved_at"`
	}](t, res).SavedAt

	res = a.page("writer", "GET", page, nil)
	wantStatus(t, res, http.StatusOK)
	validateAs(t, a, "GET", api, res)
	wc := decode[newsroom.WorkingCopy](t, res)
	want := newsroom.Text{Byline: "Writer", Brief: "Half a brief", Body: "First paragraph.\nSecond, still being typed",
		Topics: []string{"Mexico", "Elections"}}
	if wc.BaseVersion != d.Version || !reflect.DeepEqual(wc.Text, want) || !wc.SavedAt.Equal(saved) {
		t.Fatalf("working copy = %+v, want %+v saved at %v", wc, want, saved)
	}

	res = a.page("editor", "GET", fmt.Sprintf("/drafts/%d/live", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	validateAs(t, a, "GET", fmt.Sprintf("/api/v1/drafts/%d/live", d.ID), res)
	live := decode[newsroom.LiveState](t, res)
	if live.Version != d.Version || live.UpdatedBy == nil || live.UpdatedBy.Username != "writer" ||
		len(live.Editors) != 1 || live.Editors[0].Person.Username != "writer" || live.Editors[0].Person.Name != "Writer" {
		t.Fatalf("live = %+v, want the writer editing version %d", live, d.Version)
	}
	// The JSON names the fields the page's script reads.
	for _, field := range []string{`"stage":"draft"`, `"editable":false`, `"version":`, `"updated_at":`, `"updated_by":{`, `"editors":[{"person":{"id":`, `"username":"writer","name":"Writer"},"at":`} {
		wantBody(t, res, field)
	}

	res = a.page("writer", "POST", page+"/discard", nil)
	wantStatus(t, res, http.StatusNoContent)
	validateAs(t, a, "DELETE", api, res)
	wantStatus(t, a.page("writer", "GET", page, nil), http.StatusNotFound)

	t.Run("ClearedBySave", func(t *testing.T) {
		wantStatus(t, a.page("writer", "POST", page, typedForm(d.Version)), http.StatusOK)
		form := url.Values{"version": {fmt.Sprint(d.Version)}, "title": {"Saved title"}}
		if res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), form); res.Code != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.Code, res.Body.String())
		}
		wantStatus(t, a.page("writer", "GET", page, nil), http.StatusNotFound)
	})
}

// TestWorkingCopyNamedByThePage: the draft page's script names the working copy its typing was
// last kept as when it saves (working_copy) or discards (saved_at). A copy another tab kept since
// stays on the server; the page's own goes. The writer types in two tabs: the first tab's save
// used to drop the second tab's typing from the server.
func TestWorkingCopyNamedByThePage(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	keep := func(d *newsroom.Draft, body string) string {
		t.Helper()
		a.clock.Add(time.Second)
		form := typedForm(d.Version)
		form.Set("body", body)
		res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/working-copy", d.ID), form)
		wantStatus(t, res, http.StatusOK)
		var kept struct {
			SavedAt string `json:"saved_at"`
		}
		if err := json.Unmarshal(res.Body.Bytes(), &kept); err != nil {
			t.Fatal(err)
		}
		return kept.SavedAt
	}
	kept := func(d *newsroom.Draft) string {
		t.Helper()
		res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d/working-copy", d.ID), nil)
		if res.Code == http.StatusNotFound {
			return ""
		}
		wantStatus(t, res, http.StatusOK)
		return decode[newsroom.WorkingCopy](t, res).Text.Body
	}
	save := func(d *newsroom.Draft, names ...string) {
		t.Helper()
		form := url.Values{"version": {fmt.Sprint(d.Version)}, "title": {"Saved from the first tab"}}
		if len(names) > 0 {
			form.Set("working_copy", names[0])
		}
		if res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), form); res.Code != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.Code, res.Body.String())
		}
	}

	t.Run("SaveLeavesTheOtherTabsCopy", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		first := keep(d, "Typed in the first tab.")
		keep(d, "Typed in the second tab.")
		save(d, first)
		if got := kept(d); got != "Typed in the second tab." {
			t.Fatalf("after the first tab's save the server keeps %q, want the second tab's typing", got)
		}
	})
	t.Run("SaveOfAPageThatKeptNone", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		keep(d, "Typed in the second tab.")
		save(d, "")
		if got := kept(d); got != "Typed in the second tab." {
			t.Fatalf("a save from a page that kept nothing left %q, want the other tab's typing", got)
		}
	})
	t.Run("SaveDropsItsOwn", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		save(d, keep(d, "Typed in the first tab."))
		if got := kept(d); got != "" {
			t.Fatalf("the page's save left its own copy, %q", got)
		}
	})
	t.Run("SaveWithoutTheScript", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		keep(d, "Typed in the first tab.")
		save(d)
		if got := kept(d); got != "" {
			t.Fatalf("a save that names no copy left %q", got)
		}
	})
	t.Run("SaveNamingNoTime", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		keep(d, "Typed in the first tab.")
		form := url.Values{"version": {fmt.Sprint(d.Version)}, "title": {"A title typed"}, "working_copy": {"yesterday"}}
		res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/edit", d.ID), form)
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, "working_copy is not a time")
		wantBody(t, res, "A title typed")
		if got := kept(d); got != "Typed in the first tab." {
			t.Fatalf("a refused save left %q", got)
		}
	})
	t.Run("DiscardLeavesACopyKeptSince", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		offered := keep(d, "Typed in the first tab.")
		keep(d, "Typed in the second tab.")
		res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/working-copy/discard", d.ID), url.Values{"saved_at": {offered}})
		wantStatus(t, res, http.StatusConflict)
		validateAs(t, a, "DELETE", fmt.Sprintf("/api/v1/drafts/%d/working-copy?saved_at=x", d.ID), res)
		if got := kept(d); got != "Typed in the second tab." {
			t.Fatalf("discarding the copy offered left %q, want the second tab's typing", got)
		}
		res = a.page("writer", "POST", fmt.Sprintf("/drafts/%d/working-copy/discard", d.ID), url.Values{"saved_at": {keep(d, "Typed on.")}})
		wantStatus(t, res, http.StatusNoContent)
		if got := kept(d); got != "" {
			t.Fatalf("discarding the copy kept last left %q", got)
		}
	})
}

// TestLiveStage: the live state says the draft's stage and whether the caller may edit it there,
// and a workflow action, which saves no new version, changes both, so that a page left open
// learns of it from its next poll.
func TestLiveStage(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	api := fmt.Sprintf("/api/v1/drafts/%d/live", d.ID)
	tests := []struct {
		name         string
		actor        string
		wantStage    newsroom.Stage
		wantEditable bool
	}{
		{"WriterInDraft", "writer", newsroom.StageDraft, true},
		{"EditorInDraft", "editor", newsroom.StageDraft, false},
		{"WriterInFactCheck", "writer", newsroom.StageFactCheck, false},
		{"FactCheckerInFactCheck", "factchecker", newsroom.StageFactCheck, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantStage == newsroom.StageFactCheck && d.Stage != newsroom.StageFactCheck {
				res := a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`)
				wantStatus(t, res, http.StatusOK)
				d = decode[*newsroom.Draft](t, res)
			}
			res := a.do(tt.actor, "GET", api, "")
			wantStatus(t, res, http.StatusOK)
			validateResponse(t, a, httptest.NewRequest("GET", api, nil), res)
			live := decode[newsroom.LiveState](t, res)
			if live.Stage != tt.wantStage || live.Editable != tt.wantEditable || live.Version != 1 {
				t.Fatalf("live = stage %s, editable %v, version %d; want %s, %v, 1", live.Stage, live.Editable, live.Version, tt.wantStage, tt.wantEditable)
			}
			wantBody(t, res, fmt.Sprintf(`"stage":%q,"editable":%v`, tt.wantStage, tt.wantEditable))
		})
	}
}

// TestWorkingCopyPageErrors: every refusal of the script's page routes is JSON with the status
// of its code, even to a browser that asks for HTML.
func TestWorkingCopyPageErrors(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	draft := a.draft(newsroom.StageDraft)
	checking := a.draft(newsroom.StageFactCheck)
	long := typedForm(1)
	long.Set("body", strings.Repeat("a", newsroom.MaxBody+1))
	tests := []struct {
		name       string
		actor      string
		method     string
		path       string
		form       url.Values
		wantStatus int
		wantCode   string
	}{
		{"AnonymousSave", "", "POST", "/drafts/{draft}/working-copy", typedForm(1), 401, newsroom.EUNAUTHORIZED},
		{"AnonymousLive", "", "GET", "/drafts/{draft}/live", nil, 401, newsroom.EUNAUTHORIZED},
		{"ForgedForm", "writer", "POST", "/drafts/{draft}/working-copy", url.Values{"csrf": {"forged"}, "version": {"1"}}, 403, newsroom.EFORBIDDEN},
		{"AnothersDraft", "other", "POST", "/drafts/{draft}/working-copy", typedForm(1), 404, newsroom.ENOTFOUND},
		{"AnothersLive", "other", "GET", "/drafts/{draft}/live", nil, 404, newsroom.ENOTFOUND},
		{"AnothersDiscard", "other", "POST", "/drafts/{draft}/working-copy/discard", nil, 404, newsroom.ENOTFOUND},
		{"FactChecker", "factchecker", "POST", "/drafts/{checking}/working-copy", typedForm(1), 403, newsroom.EFORBIDDEN},
		{"WriterInFactCheck", "writer", "POST", "/drafts/{checking}/working-copy", typedForm(1), 409, newsroom.ECONFLICT},
		{"TooLong", "writer", "POST", "/drafts/{draft}/working-copy", long, 422, newsroom.EINVALID},
		{"NoVersion", "writer", "POST", "/drafts/{draft}/working-copy", url.Values{"title": {"x"}}, 422, newsroom.EINVALID},
		{"NotANumber", "writer", "GET", "/drafts/abc/live", nil, 400, newsroom.EMALFORMED},
		{"NoSuchDraft", "writer", "GET", "/drafts/999999/working-copy", nil, 404, newsroom.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := strings.NewReplacer("{draft}", fmt.Sprint(draft.ID), "{checking}", fmt.Sprint(checking.ID)).Replace(tt.path)
			res := a.page(tt.actor, tt.method, path, tt.form)
			wantStatus(t, res, tt.wantStatus)
			if ct := res.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("Content-Type = %q, want JSON: %s", ct, res.Body.String())
			}
			if e := decode[apiError](t, res); e.Error.Code != tt.wantCode || e.Error.Message == "" {
				t.Fatalf("error = %+v, want code %s", e, tt.wantCode)
			}
		})
	}

	t.Run("PasswordChangeRequired", func(t *testing.T) {
		_, temporary, err := a.store.ResetPassword(ctxAs(a, "admin"), a.users["other"].ID)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: "other", Password: temporary})
		if err != nil {
			t.Fatal(err)
		}
		a.sessions["other"] = [2]string{ws.Cookie, ws.CSRF}
		res := a.page("other", "GET", fmt.Sprintf("/drafts/%d/live", draft.ID), nil)
		wantStatus(t, res, http.StatusForbidden)
		if e := decode[apiError](t, res); e.Error.Code != newsroom.EPASSWORD {
			t.Fatalf("error = %+v, want %s", e, newsroom.EPASSWORD)
		}
	})
}
