package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// testApp is the real server on a real database (SQLite, or PostgreSQL: see storetest), with one
// signed-in user per kind of actor.
type testApp struct {
	t      testing.TB
	dsn    string // where the database is, for store.Open
	clock  *clock.Fake
	store  *store.Store
	server *server.Server
	tokens map[string]string // actor name → bearer token
	users  map[string]*newsroom.User
	// sessions holds each actor's web session (cookie value and CSRF token), made on first use.
	sessions map[string][2]string
	// devices holds the device cookie each actor's browser got with its session.
	devices map[string]string
	// cookiePrefix goes before the session and device cookies' names in page requests: "__Host-" when the
	// server has secure cookies (see secureCookies).
	cookiePrefix string
}

var actorRoles = map[string]newsroom.Role{
	"writer": newsroom.RoleWriter, "other": newsroom.RoleWriter, "factchecker": newsroom.RoleFactChecker,
	"editor": newsroom.RoleEditor, "admin": newsroom.RoleAdmin,
}

func newTestApp(t testing.TB) *testApp {
	t.Helper()
	return newWorkflowApp(t, nil, actorRoles)
}

// newWorkflowApp is newTestApp on the workflow p (nil for the default one), with one signed-in
// user per actor, holding the actor's role.
func newWorkflowApp(t testing.TB, p *policy.Policy, actors map[string]newsroom.Role) *testApp {
	t.Helper()
	dsn := storetest.DSN(t)
	clk := clock.NewFake(time.Now())
	st, err := store.Open(dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: clk, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	a := &testApp{t: t, dsn: dsn, clock: clk, store: st, tokens: map[string]string{}, users: map[string]*newsroom.User{}, devices: map[string]string{}}
	a.server = server.New(st, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for name, role := range actors {
		u, err := st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: strings.ToUpper(name[:1]) + name[1:], Role: role, Password: "pw-" + name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		a.users[name] = u
		a.tokens[name] = a.login(name)
	}
	return a
}

// secureCookies serves the app's requests from now on by a server with secure cookies, and
// sends page requests the session cookie under its __Host- name, as a browser would.
func (a *testApp) secureCookies() {
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SecureCookies: true})
	a.cookiePrefix = "__Host-"
}

// login signs user in over the API and returns the new bearer token.
func (a *testApp) login(user string) string {
	a.t.Helper()
	res := a.do("", "POST", "/api/v1/login", `{"username":"`+user+`","password":"pw-`+user+`-staple"}`)
	wantStatus(a.t, res, http.StatusOK)
	return decode[struct{ Token string }](a.t, res).Token
}

// spareCredential signs user in once more over the API, as the actor "spare", and returns the
// id of the new token in the user's list.
func (a *testApp) spareCredential(user string) string {
	a.t.Helper()
	a.tokens["spare"] = a.login(user)
	res := a.do("spare", "GET", "/api/v1/me/credentials", "")
	for _, c := range decode[struct{ Items []newsroom.Credential }](a.t, res).Items {
		if c.Current {
			return c.ID
		}
	}
	a.t.Fatalf("the new token is not in %s's list: %s", user, res.Body.String())
	return ""
}

// renewAfter gives actor a new token or session when the route at path has just ended theirs,
// so that the requests after it still come from a signed-in actor.
func (a *testApp) renewAfter(actor, path string) {
	a.t.Helper()
	if actor == "" {
		return
	}
	switch path {
	case "/logout", "/api/v1/me/credentials/revoke-others":
		delete(a.sessions, actor)
	case "/api/v1/logout", "/account/revoke-others":
		a.tokens[actor] = a.login(actor)
	}
}

// do sends one request as actor ("" for anonymous) through the real router, with a JSON body.
func (a *testApp) do(actor, method, url, body string) *httptest.ResponseRecorder {
	a.t.Helper()
	return a.send(actor, method, url, "application/json", body, nil)
}

// send sends one request with any content type and extra headers.
func (a *testApp) send(actor, method, url, contentType, body string, header http.Header) *httptest.ResponseRecorder {
	a.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	if body != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if actor != "" {
		req.Header.Set("Authorization", "Bearer "+a.tokens[actor])
	}
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	return rec
}

// framed sends a JSON request whose body is framed as length says: its Content-Length, or -1 for
// none, as a chunked upload comes.
func (a *testApp) framed(actor, method, url string, body io.Reader, length int64) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(method, url, body)
	req.ContentLength = length
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+a.tokens[actor])
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	return rec
}

// draft creates a draft by the "writer" actor through the store and walks it to stage.
func (a *testApp) draft(stage newsroom.Stage) *newsroom.Draft {
	a.t.Helper()
	ctx := func(name string) context.Context { return newsroom.WithUser(context.Background(), a.users[name]) }
	d, err := a.store.CreateDraft(ctx("writer"), newsroom.Text{Title: "A draft", Byline: "Writer", Brief: "Brief.", Body: "Body with a “quote”."})
	if err != nil {
		a.t.Fatal(err)
	}
	path := map[newsroom.Stage][]newsroom.Action{
		newsroom.StageFactCheck: {newsroom.ActionSubmit},
		newsroom.StageEditing:   {newsroom.ActionSubmit, newsroom.ActionClear},
		newsroom.StageApproved:  {newsroom.ActionSubmit, newsroom.ActionClear, newsroom.ActionApprove},
	}
	by := map[newsroom.Action]string{newsroom.ActionSubmit: "writer", newsroom.ActionClear: "factchecker", newsroom.ActionApprove: "editor"}
	for _, act := range path[stage] {
		if act == newsroom.ActionClear {
			a.verifyQuotes(d.ID)
		}
		if d, err = a.store.Transition(ctx(by[act]), d.ID, newsroom.TransitionRequest{Action: act}); err != nil {
			a.t.Fatal(err)
		}
	}
	return d
}

// verifyQuotes has the fact-checker verify every quote of a draft over the API.
func (a *testApp) verifyQuotes(id int64) {
	a.t.Helper()
	res := a.do("factchecker", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", id), "")
	wantStatus(a.t, res, http.StatusOK)
	for _, q := range decode[[]newsroom.Quote](a.t, res) {
		res := a.do("factchecker", "PUT", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", id, q.ID), `{"status":"verified","source":"recording"}`)
		wantStatus(a.t, res, http.StatusOK)
	}
}

// firstQuote returns the id of a draft's first ledger entry, read as an editor.
func (a *testApp) firstQuote(id int64) int64 {
	a.t.Helper()
	qs, err := a.store.Quotes(newsroom.WithUser(context.Background(), a.users["editor"]), id)
	if err != nil || len(qs) == 0 {
		a.t.Fatalf("draft %d has no quotes: %v", id, err)
	}
	return qs[0].ID
}

func wantStatus(t testing.TB, res *httptest.ResponseRecorder, status int) {
	t.Helper()
	if res.Code != status {
		t.Fatalf("status = %d, want %d; body: %s", res.Code, status, res.Body.String())
	}
}

func decode[T any](t testing.TB, res *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(res.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", res.Body.String(), err)
	}
	return v
}

type apiError struct {
	Error struct {
		Code    string         `json:"code"`
		Message string         `json:"message"`
		Details map[string]any `json:"details"`
	} `json:"error"`
}

// comment puts an editor's comment on the first word of a draft's body and returns its id.
func (a *testApp) comment(id int64) int64 {
	a.t.Helper()
	start, end := 0, 4
	c, err := a.store.CreateComment(newsroom.WithUser(context.Background(), a.users["editor"]), id,
		newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Check this."})
	if err != nil {
		a.t.Fatal(err)
	}
	return c.ID
}

// staleSave saves body to a draft of the "writer" actor over the API on version 1, once the draft
// has moved past it with other words, so the save conflicts and its text is kept: it returns the
// unmerged revision's id.
func (a *testApp) staleSave(id int64, body string) int64 {
	a.t.Helper()
	d, err := a.store.GetDraft(ctxAs(a, "writer"), id)
	if err != nil {
		a.t.Fatal(err)
	}
	if d.Version == 1 {
		title, moved := d.Title+", moved on", "Moved on with a “quote”."
		if _, err := a.store.UpdateDraft(ctxAs(a, "writer"), id, newsroom.DraftUpdate{Title: &title, Body: &moved, Version: 1}); err != nil {
			a.t.Fatal(err)
		}
	}
	in, _ := json.Marshal(map[string]any{"body": body, "version": 1})
	res := a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", id), string(in))
	wantStatus(a.t, res, http.StatusConflict)
	return int64(decode[apiError](a.t, res).Error.Details["unmerged_revision"].(float64))
}
