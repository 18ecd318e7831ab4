package server_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func wantBody(t *testing.T, res *httptest.ResponseRecorder, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(res.Body.String(), p) {
			t.Fatalf("page lacks %q:\n%s", p, res.Body.String())
		}
	}
}

// wantErrorAt checks that a refused form's page says why beside the field named field, right
// under its label, the message holding msg; that the field is marked invalid, tied to the
// message and focused; and that no other field on the page is marked.
func wantErrorAt(t *testing.T, res *httptest.ResponseRecorder, field, msg string) {
	t.Helper()
	body := res.Body.String()
	input := regexp.MustCompile(`<input name="` + field + `"[^>]*>`).FindString(body)
	for _, want := range []string{`aria-invalid="true"`, `aria-describedby="error-` + field + `"`, "autofocus"} {
		if !strings.Contains(input, want) {
			t.Errorf("the %s field %s lacks %s", field, input, want)
		}
	}
	if !regexp.MustCompile(`</label><p class="field-error" id="error-` + field + `">[^<]*` + regexp.QuoteMeta(msg)).MatchString(body) {
		t.Errorf("no message %q beside the %s field", msg, field)
	}
	if n := strings.Count(body, `aria-invalid="true"`); n != 1 {
		t.Errorf("%d fields marked invalid, want the %s field alone", n, field)
	}
}

// TestSignIn goes through the sign-in form as a browser does: its CSRF cookie, a wrong
// password, the slow-down after repeated failures, and a session cookie that is HttpOnly and
// SameSite=Lax.
func TestSignIn(t *testing.T) {
	a := newTestApp(t)
	form := func(user, pw string) (*httptest.ResponseRecorder, *http.Cookie) {
		res := signInForm(t, a.server.Handler(), "192.0.2.7:4444", user, pw)
		return res, setCookie(res, "copydesk_session")
	}
	res, ck := form("editor", "pw-editor-staple")
	if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/desk" || ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Fatalf("sign-in: %d %v cookie %+v", res.Code, res.Header(), ck)
	}
	res, ck = form("editor", "wrong")
	if res.Code != http.StatusUnauthorized || ck != nil {
		t.Fatalf("wrong password: %d, cookie %v", res.Code, ck)
	}
	wantBody(t, res, "wrong username or password", `value="editor"`)
	for i := 0; i < 5; i++ {
		form("writer", "wrong")
	}
	res, _ = form("writer", "pw-writer-staple")
	if res.Code != http.StatusTooManyRequests || res.Header().Get("Retry-After") != "1" {
		t.Fatalf("sign-in after six failures: %d, Retry-After %q", res.Code, res.Header().Get("Retry-After"))
	}
	wantBody(t, res, "too many failed sign-ins")
	// The same address is slowed for other users too.
	res, _ = form("factchecker", "pw-factchecker-staple")
	wantBody(t, res, "too many failed sign-ins")

	req := httptest.NewRequest("POST", "/login", strings.NewReader("username=editor&password=pw-editor-staple"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("sign-in without the form's token: %d", rec.Code)
	}
}

func TestPagesNeedCSRF(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"submit"}, "csrf": {"forged"}})
	if res.Code != http.StatusForbidden {
		t.Fatalf("a forged form: %d", res.Code)
	}
	wantBody(t, res, "this form has expired")
	if got, _ := a.store.GetDraft(ctxAs(a, "writer"), d.ID); got.Stage != newsroom.StageDraft {
		t.Fatalf("a forged form changed the stage to %s", got.Stage)
	}
	res = a.page("", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	if res.Code != http.StatusSeeOther || !strings.HasPrefix(res.Header().Get("Location"), "/login?next=") {
		t.Fatalf("anonymous draft page: %d %s", res.Code, res.Header().Get("Location"))
	}
}

// TestDraftPage shows each viewer only the forms they may use now, the quotes marked, the
// comments highlighted on their words, and the history in the workflow's words; a stale save
// keeps the typed text in the form.
func TestDraftPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	a.comment(d.ID)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	cases := []struct {
		actor       string
		want, avoid []string
	}{
		{"editor", []string{`value="approve"`, `value="request_changes"`, `id="edit"`, `name="editor_comment"`, `id="comment-form"`, `mark class="commented" data-comment="1" data-at="0">Body</mark>`, `quote-verified`,
			"<bdi>Writer</bdi>: Send to fact-check (Draft → Fact-check)", "<bdi>Writer</bdi>: Created (Draft)"}, []string{`value="submit"`, `value="clear"`}},
		{"writer", []string{`>Reply</button>`, `>Resolve</button>`}, []string{`value="approve"`, `id="edit"`, `id="comment-form"`, `button type="submit" name="status"`}},
		{"factchecker", []string{`id="comment-form"`}, []string{`value="approve"`, `value="clear"`, `button type="submit" name="status"`, `>Resolve</button>`}},
	}
	for _, c := range cases {
		t.Run(c.actor, func(t *testing.T) {
			res := a.page(c.actor, "GET", target, nil)
			if res.Code != 200 {
				t.Fatalf("status %d", res.Code)
			}
			wantBody(t, res, c.want...)
			for _, s := range c.avoid {
				if strings.Contains(res.Body.String(), s) {
					t.Errorf("the page offers %s to a %s", s, c.actor)
				}
			}
		})
	}
	title := "A draft, retitled"
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Title: &title, Version: 1}); err != nil {
		t.Fatal(err)
	}
	// A stale save that changes the same words goes to the conflict page, which shows its text;
	// the draft page's form never takes a stale text with the current version.
	form := url.Values{"title": {"A draft, my way"}, "body": {"My careful rewrite that must not be lost."}, "version": {"1"}}
	res := a.page("editor", "POST", target+"/edit", form)
	if res.Code != http.StatusSeeOther || !strings.HasSuffix(res.Header().Get("Location"), "/merge") {
		t.Fatalf("stale save: %d to %q", res.Code, res.Header().Get("Location"))
	}
	res = a.page("editor", "GET", res.Header().Get("Location"), nil)
	wantBody(t, res, "A draft, my way", "My careful rewrite that must not be lost.")

	// Without JavaScript the comment form works from the exact words alone.
	res = a.page("editor", "POST", target+"/comments", url.Values{"field": {"title"}, "exact": {"draft"}, "body": {"Weak headline."}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("comment without a range: %d", res.Code)
	}
	cs, _ := a.store.Comments(ctxAs(a, "editor"), d.ID)
	if len(cs) != 2 || cs[1].Field != "title" || cs[1].Anchor.Start != 2 {
		t.Fatalf("comments = %+v", cs)
	}
	// The preview is dated by the store's clock, as the publication would be.
	a.clock.Add(3 * time.Hour)
	res = a.page("editor", "GET", target+"/preview", nil)
	wantBody(t, res, `<h1 dir="auto">A draft, retitled</h1>`, `"@type":"NewsArticle"`, a.store.Now().Format("2006-01-02T15:04"))
	if strings.Contains(res.Body.String(), "Weak headline") {
		t.Fatal("the preview shows a comment")
	}
}

func TestDesk(t *testing.T) {
	a := newTestApp(t)
	for i := 0; i < 27; i++ {
		a.draft(newsroom.StageDraft)
	}
	a.draft(newsroom.StageEditing)
	res := a.page("editor", "GET", "/desk", nil)
	wantBody(t, res, "Editing desk", `aria-current="page">Editing`)
	if n := strings.Count(res.Body.String(), `<tr><td><a href="/drafts/`); n != 1 {
		t.Fatalf("editing queue shows %d drafts, want 1", n)
	}
	res = a.page("writer", "GET", "/desk?stage=draft", nil)
	if n := strings.Count(res.Body.String(), `<tr><td><a href="/drafts/`); n != 25 || !strings.Contains(res.Body.String(), `rel="next"`) {
		t.Fatalf("first page shows %d drafts", n)
	}
	res = a.page("other", "GET", "/desk?stage=", nil)
	wantBody(t, res, "Nothing here.")
	res = a.page("writer", "GET", "/desk?stage=&q=nothing-like-this", nil)
	wantBody(t, res, "Nothing found.")
	res = a.page("writer", "GET", "/desk?stage=limbo", nil)
	if res.Code != http.StatusUnprocessableEntity {
		t.Fatalf("unknown stage: %d", res.Code)
	}
}

// TestAdminUsers adds a user, changes a role, and disables a user, whose session then stops
// working at once.
func TestAdminUsers(t *testing.T) {
	a := newTestApp(t)
	a.session("writer")
	res := a.page("admin", "POST", "/admin/users", url.Values{"username": {"newbie"}, "name": {"New Bie"}, "role": {"factchecker"}, "password": {"tulip-lantern"}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("add user: %d", res.Code)
	}
	uid := fmt.Sprint(a.users["writer"].ID)
	a.page("admin", "POST", "/admin/users/"+uid, url.Values{"role": {"editor"}})
	res = a.page("admin", "GET", "/admin/users", nil)
	wantBody(t, res, "New Bie", "newbie")
	if got := a.page("writer", "GET", "/admin/users", nil).Code; got != http.StatusForbidden {
		t.Fatalf("a non-admin sees users: %d", got)
	}
	a.page("admin", "POST", "/admin/users/"+uid, url.Values{"disabled": {"true"}})
	if res := a.page("writer", "GET", "/desk", nil); res.Code != http.StatusSeeOther {
		t.Fatalf("a disabled user's session still works: %d", res.Code)
	}
	if res := a.do("writer", "GET", "/api/v1/drafts", ""); res.Code != http.StatusUnauthorized {
		t.Fatalf("a disabled user's token still works: %d", res.Code)
	}
	res = a.page("admin", "POST", "/admin/users/"+fmt.Sprint(a.users["admin"].ID), url.Values{"disabled": {"true"}})
	if res.Code != http.StatusSeeOther {
		t.Fatalf("self-disable: %d", res.Code)
	}
	if a.page("admin", "GET", "/desk", nil).Code != 200 {
		t.Fatal("an admin disabled themselves")
	}
}

// TestAddUserRefusesControlCharacters refuses a name that would break the line it is shown on
// (in a list, an email's header, a log), a name shown reversed or turning the text after it
// (a direction override, an embedding left open), and a password no sign-in form can type.
func TestAddUserRefusesControlCharacters(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, person, password, want string
	}{
		{"EscapeInName", "Ed\x1b[31m", "tulip-lantern", "name must be one line"},
		{"LineBreakInName", "Ed\nDirector", "tulip-lantern", "name must be one line"},
		{"OverrideInName", "\u202erotidE", "tulip-lantern", "name must not contain U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"UnclosedEmbeddingInName", "Ed \u202bעורך", "tulip-lantern", "name opens U+202B RIGHT-TO-LEFT EMBEDDING without closing it"},
		{"TabInPassword", "Ed", "tulip\tlantern", "password must not hold control characters"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			username := fmt.Sprintf("newbie%d", i)
			res := a.page("admin", "POST", "/admin/users", url.Values{"username": {username}, "name": {tt.person}, "role": {"writer"}, "password": {tt.password}})
			wantStatus(t, res, http.StatusSeeOther)
			if got := flashOf(res); !strings.Contains(got, tt.want) {
				t.Fatalf("the page says %q, want %q", got, tt.want)
			}
			if strings.Contains(a.page("admin", "GET", "/admin/users", nil).Body.String(), username) {
				t.Fatalf("%s was added", username)
			}
		})
	}
}

// TestPageActionsAreCounted shows that the pages' transitions reach the same metrics as the API's.
func TestPageActionsAreCounted(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	if res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {"submit"}}); res.Code != http.StatusSeeOther {
		t.Fatalf("submit from the page: %d", res.Code)
	}
	res := a.do("admin", "GET", "/metrics", "")
	wantBody(t, res, `copydesk_workflow_transitions_total{action="submit"} 1`)
}

// TestDraftPageShowsBriefAgainstBody shows the fact-checker and the editor a brief quote the
// body words otherwise, with both versions, and a brief figure the body never states.
func TestDraftPageShowsBriefAgainstBody(t *testing.T) {
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Pier", Byline: "Writer",
		Brief: "The mayor vowed: “We will rebuild the harbour.” Repairs cost 7.5% of the budget.",
		Body:  "“We will rebuild the pier,” Mayor Ana Ruiz said.\nRepairs cost 8 percent of the budget."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	for _, actor := range []string{"factchecker", "editor"} {
		res := a.page(actor, "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
		wantBody(t, res, `id="brief-check"`, `<dd dir="auto">“We will rebuild the harbour.”</dd>`, `<dd dir="auto">“We will rebuild the pier,”</dd>`,
			"The brief quotes words the body does not", "Check the figure: the brief says “7.5%”; the body never does.")
	}
}

// TestFormSignedOutLeadsBack: a form sent after the sign-in ended is sent to sign in with a
// warning that it was not done, and back to the page of this site it was sent from; never to
// another site's, nor to the address that only answers forms. A form another site sent was
// never typed here, and is sent to sign in with no word of anything not done.
func TestFormSignedOutLeadsBack(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct {
		name, site, origin, referer, wantLocation string
		wantNotDone                               bool
	}{
		{"DraftPage", "same-origin", "", "http://example.com/drafts/5?edit=1", "/login?next=%2Fdrafts%2F5%3Fedit%3D1&notdone=1", true},
		{"NewDraft", "same-origin", "", "http://example.com/drafts/new", "/login?next=%2Fdrafts%2Fnew&notdone=1", true},
		{"RefusedFormsPage", "same-origin", "", "http://example.com/drafts/5/edit", "/login?notdone=1", true},
		{"OtherSiteReferer", "same-origin", "", "http://elsewhere.example/drafts/5", "/login?notdone=1", true},
		{"None", "same-origin", "", "", "/login?notdone=1", true},
		{"OriginHere", "", "http://example.com", "http://example.com/drafts/5", "/login?next=%2Fdrafts%2F5&notdone=1", true},
		{"CrossSite", "cross-site", "http://elsewhere.example", "http://example.com/drafts/5", "/login", false},
		{"SameSite", "same-site", "http://news.example.com", "http://example.com/drafts/5", "/login", false},
		{"OriginElsewhere", "", "http://elsewhere.example", "http://example.com/drafts/5", "/login", false},
		{"RefererHere", "", "", "http://example.com/drafts/5", "/login?next=%2Fdrafts%2F5&notdone=1", true},
		{"RefererElsewhere", "", "", "http://elsewhere.example/drafts/5", "/login", false},
		{"NothingSaid", "", "", "", "/login", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "http://example.com/drafts/5/edit", strings.NewReader("body=typed"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Referer", tc.referer)
			if tc.site != "" {
				req.Header.Set("Sec-Fetch-Site", tc.site)
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			rec := httptest.NewRecorder()
			a.server.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != tc.wantLocation {
				t.Fatalf("%d to %q, want %q", rec.Code, rec.Header().Get("Location"), tc.wantLocation)
			}
			var cookies []*http.Cookie
			if ck := setCookie(rec, "copydesk_notdone"); ck != nil {
				cookies = append(cookies, ck)
			}
			target := tc.wantLocation
			if !strings.Contains(target, "notdone") {
				target += "?notdone=1"
			}
			page := a.pageWith("", "GET", target, nil, cookies...)
			if got := strings.Contains(page.Body.String(), "Not done: you had been signed out."); got != tc.wantNotDone {
				t.Errorf("the sign-in page says the form was not done: %v, want %v", got, tc.wantNotDone)
			}
		})
	}
}

// TestNotDoneLinkedFromElsewhere: the sign-in page's address saying a form was not done, linked
// from anywhere, says nothing of the kind to a browser that sent no form refused here, signed
// in or not; nor does a sign-in sent from it.
func TestNotDoneLinkedFromElsewhere(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct{ name, actor, method, target string }{
		{"SignedIn", "writer", "GET", "/login?next=%2Fdrafts%2F5&notdone=1"},
		{"SignedOut", "", "GET", "/login?next=%2Fdrafts%2F5&notdone=1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.page(tc.actor, tc.method, tc.target, nil)
			if strings.Contains(res.Body.String(), "Not done") || strings.Contains(flashOf(res), "Not done") {
				t.Errorf("%s %s says a form was not done: %q %q", tc.method, tc.target, flashOf(res), res.Body.String())
			}
		})
	}
	for _, tc := range []struct {
		name    string
		refused bool
	}{{"SignInFromIt", false}, {"SignInAfterARefusal", true}} {
		t.Run(tc.name, func(t *testing.T) {
			get := a.page("", "GET", "/login?notdone=1", nil)
			cookies := []*http.Cookie{setCookie(get, "copydesk_login_csrf")}
			if tc.refused {
				cookies = append(cookies, &http.Cookie{Name: a.cookiePrefix + "copydesk_notdone", Value: "1"})
			}
			form := url.Values{"username": {"writer"}, "password": {"pw-writer-staple"}, "csrf": {cookies[0].Value}, "notdone": {"1"}}
			res := a.pageWith("", "POST", "/login", form, cookies...)
			if said := strings.Contains(flashOf(res), "Not done"); res.Code != http.StatusSeeOther || said != tc.refused {
				t.Errorf("signing in = %d saying %q; want a redirect saying a form was not done: %v", res.Code, flashOf(res), tc.refused)
			}
		})
	}
}

// TestNotDoneInTwoTabs: two tabs each had a form refused and stand on their own sign-in pages;
// signing in on the first must leave the second, reloaded, still leading back and saying that
// its form was not done.
func TestNotDoneInTwoTabs(t *testing.T) {
	a := newTestApp(t)
	refuse := func(from string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "http://example.com"+from[:strings.IndexByte(from, '?')]+"/edit", strings.NewReader("body=typed"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Referer", "http://example.com"+from)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		a.server.Handler().ServeHTTP(rec, req)
		return rec
	}
	first, second := refuse("/drafts/5?edit=1"), refuse("/drafts/6?edit=1")
	notDone := setCookie(second, "copydesk_notdone")
	if notDone == nil {
		t.Fatalf("a refused form set no cookie: %q", second.Header().Values("Set-Cookie"))
	}
	get := a.pageWith("", "GET", first.Header().Get("Location"), nil, notDone)
	csrf := setCookie(get, "copydesk_login_csrf")
	form := url.Values{"username": {"writer"}, "password": {"pw-writer-staple"}, "csrf": {csrf.Value}, "notdone": {"1"}, "next": {"/drafts/5?edit=1"}}
	in := a.pageWith("", "POST", "/login", form, csrf, notDone)
	if !strings.Contains(flashOf(in), "Not done") {
		t.Fatalf("signing in on the first tab says %q", flashOf(in))
	}
	if ck := setCookie(in, "copydesk_notdone"); ck != nil && ck.MaxAge < 0 {
		t.Fatalf("signing in on the first tab dropped the cookie the second still needs: %+v", ck)
	}
	res := a.pageWith("writer", "GET", second.Header().Get("Location"), nil, notDone)
	if res.Header().Get("Location") != "/drafts/6?edit=1" || !strings.Contains(flashOf(res), "Not done") {
		t.Errorf("the second tab, reloaded, goes to %q saying %q", res.Header().Get("Location"), flashOf(res))
	}
}

// TestSignOutWhenSignedOut: the sign-out form sent after the sign-in ended goes to the sign-in
// page with no word of anything not done, and still has the browser drop its cache, where the
// private images of drafts are kept. A sign-out another site sends carries no session cookie
// (SameSite), so it looks the same: it must drop nothing, or any site could sign its visitors
// out of the newsroom and empty their cache.
func TestSignOutWhenSignedOut(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct {
		name, site, origin, referer string
		clears                      bool
	}{
		{"FromHere", "same-origin", "http://example.com", "http://example.com/desk", true},
		{"FromHereByOrigin", "", "http://example.com", "http://example.com/desk", true},
		{"FromHereByReferer", "", "", "http://example.com/desk", true},
		{"FromAnotherSite", "cross-site", "http://elsewhere.example", "http://example.com/desk", false},
		{"FromASiblingSite", "same-site", "http://news.example.com", "http://example.com/desk", false},
		{"FromAnotherSiteByOrigin", "", "http://elsewhere.example", "http://example.com/desk", false},
		{"FromAnotherSiteByReferer", "", "", "http://elsewhere.example/page", false},
		{"FromNowhereSaid", "", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "http://example.com/logout", strings.NewReader("csrf=x"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.referer != "" {
				req.Header.Set("Referer", tc.referer)
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			if tc.site != "" {
				req.Header.Set("Sec-Fetch-Site", tc.site)
			}
			rec := httptest.NewRecorder()
			a.server.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
				t.Fatalf("%d to %q, want 303 to /login", rec.Code, rec.Header().Get("Location"))
			}
			if cookies := strings.Join(rec.Header().Values("Set-Cookie"), "; "); strings.Contains(cookies, "copydesk_warning=") {
				t.Errorf("signing out when signed out warns of something not done: %q", cookies)
			}
			want := ""
			if tc.clears {
				want = `"cache"`
			}
			if got := rec.Header().Get("Clear-Site-Data"); got != want {
				t.Errorf("signing out when signed out clears %q, want %q", got, want)
			}
			if ck := setCookie(rec, "copydesk_session"); (ck != nil) != tc.clears {
				t.Errorf("signing out when signed out drops the session cookie: %v, want %v", ck != nil, tc.clears)
			}
		})
	}
}

// TestFailedFormLeadsBack: the error page of a form that failed (here a save the database
// could not take) leads back to the page the form was sent from, where a draft's page offers
// the typing back, as well as to the desk.
func TestFailedFormLeadsBack(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	if _, err := a.store.DB().Exec("ALTER TABLE revisions RENAME TO revisions_away"); err != nil {
		t.Fatal(err)
	}
	cookie, csrf := a.session("writer")
	for _, tc := range []struct{ name, referer, want string }{
		{"FromTheDraft", fmt.Sprintf("http://example.com/drafts/%d?edit=1", d.ID), fmt.Sprintf(`<a href="/drafts/%d?edit=1">Back to the page you were on</a>`, d.ID)},
		{"FromElsewhere", "http://elsewhere.example/drafts/1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {csrf}, "version": {fmt.Sprint(d.Version)}, "title": {d.Title}, "body": {"Typed for an hour."}}
			req := httptest.NewRequest("POST", fmt.Sprintf("http://example.com/drafts/%d/edit", d.ID), strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", "text/html")
			req.Header.Set("Referer", tc.referer)
			req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
			rec := httptest.NewRecorder()
			a.server.Handler().ServeHTTP(rec, req)
			wantStatus(t, rec, http.StatusInternalServerError)
			if tc.want == "" {
				if strings.Contains(rec.Body.String(), "Back to the page you were on") {
					t.Errorf("the error page leads back to another site's page:\n%s", rec.Body)
				}
				return
			}
			wantBody(t, rec, tc.want, `<a href="/desk">Back to your desk</a>`)
		})
	}
}

// TestSignInPageWhenSignedIn: the sign-in page, opened by someone signed in (as when a form was
// sent signed out and its sender signed in again in another tab, then reloaded this one), leads
// to the page it names, never to another site's, and says the form was not done when it was not.
func TestSignInPageWhenSignedIn(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct{ name, target, wantLocation, wantWarning string }{
		{"NotDone", "/login?next=%2Fdrafts%2F5%3Fedit%3D1&notdone=1", "/drafts/5?edit=1", "Not done: you had been signed out when you sent it."},
		{"NotDoneNoWayBack", "/login?notdone=1", "/desk", "Not done: you had been signed out when you sent it."},
		{"Next", "/login?next=%2Finbox", "/inbox", ""},
		{"None", "/login", "/desk", ""},
		{"OtherSite", "/login?next=%2F%2Felsewhere.example%2F&notdone=1", "/desk", "Not done"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refused := &http.Cookie{Name: a.cookiePrefix + "copydesk_notdone", Value: "1"}
			res := a.pageWith("writer", "GET", tc.target, nil, refused)
			if res.Code != http.StatusSeeOther || res.Header().Get("Location") != tc.wantLocation {
				t.Fatalf("%d to %q, want %q", res.Code, res.Header().Get("Location"), tc.wantLocation)
			}
			carried := ""
			for _, ck := range res.Result().Cookies() {
				if ck.Name == "copydesk_warning" {
					v, err := base64.RawURLEncoding.DecodeString(ck.Value)
					if err != nil {
						t.Fatal(err)
					}
					carried = string(v)
				}
			}
			if tc.wantWarning == "" && carried != "" || !strings.Contains(carried, tc.wantWarning) {
				t.Errorf("the warning carried is %q, want %q", carried, tc.wantWarning)
			}
		})
	}
}
