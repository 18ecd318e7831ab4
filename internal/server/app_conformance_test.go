package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// appPrefixes are the paths of the newsroom's own pages, which a crawl of them follows.
var appPrefixes = []string{"/login", "/desk", "/inbox", "/notifications", "/drafts", "/account", "/budget", "/admin"}

// TestAppPagesConformance builds a newsroom with a piece in every stage (comments and replies,
// quotes checked and disputed, a note sent back, an unmerged save, a lead image, assignees and a
// due time), signs in as each role, gathers every page of the app each one reaches by following
// links from the desk, the inbox, the account and the admin pages, with the pages of refusals
// and errors and the forms shown again with their errors, and holds them all to the Nu Html
// Checker in one run.
func TestAppPagesConformance(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	act := func(actor string, id int64, action, note string) {
		t.Helper()
		wantStatus(t, a.page(actor, "POST", fmt.Sprintf("/drafts/%d/transition", id), url.Values{"action": {action}, "note": {note}}), http.StatusSeeOther)
	}

	wid := a.webhook()
	draft := a.draft(newsroom.StageDraft)
	unmerged := a.staleSave(draft.ID, "My own words, with a “quote” of mine.")
	form := uploadForm(t, url.Values{"alt": {"Boats in the harbour"}, "caption": {"The harbour at dawn."}, "credit": {"Ann Lee"}}, "boats.jpg", testJPEG(t, 1200, 800))
	wantStatus(t, a.send("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/image", draft.ID), imageFormType, form, nil), http.StatusCreated)

	checking := a.draft(newsroom.StageFactCheck)
	wantStatus(t, a.page("editor", "POST", fmt.Sprintf("/drafts/%d/assignees/fact_check", checking.ID), url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}}), http.StatusSeeOther)
	wantStatus(t, a.page("editor", "POST", fmt.Sprintf("/drafts/%d/deadlines", checking.ID), url.Values{"stage": {"fact_check"}, "due": {"2099-03-30T17:00"}}), http.StatusSeeOther)
	wantStatus(t, a.do("factchecker", "PUT", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", checking.ID, a.firstQuote(checking.ID)), `{"status":"disputed","note":"The recording says otherwise, @writer."}`), http.StatusOK)
	a.comment(checking.ID)

	returned := a.draft(newsroom.StageFactCheck)
	act("factchecker", returned.ID, "return", "Name the source of the quote.")

	editing := a.draft(newsroom.StageEditing)
	cid := a.comment(editing.ID)
	wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/comments/%d/replies", cid), `{"body":"Checked it, @editor."}`), http.StatusCreated)
	resolved := a.comment(editing.ID)
	wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", resolved), ""), http.StatusOK)

	approved := a.draft(newsroom.StageApproved)
	claim := `{"claim":"Crime doubled last year.","claimed_by":"The Mayor","rating":"mostly_false","claim_date":"2026-11-30"}`
	wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/claim", approved.ID), claim), http.StatusOK)
	scheduled := a.draft(newsroom.StageApproved)
	wantStatus(t, a.page("editor", "POST", fmt.Sprintf("/drafts/%d/publish", scheduled.ID), url.Values{"when": {"schedule"}, "at": {"2099-01-02T10:00"}}), http.StatusSeeOther)
	published := a.draft(newsroom.StageDraft)
	a.walkToPublished(published.ID)
	spiked := a.draft(newsroom.StageDraft)
	act("editor", spiked.ID, "spike", "")

	wantStatus(t, a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@example.org"}}), http.StatusSeeOther)
	mails := srv.Messages()
	if len(mails) == 0 {
		t.Fatal("no confirmation email")
	}

	var docs []conformance.Doc
	keep := func(name string, res *httptest.ResponseRecorder) {
		if kind, _, _ := strings.Cut(res.Header().Get("Content-Type"), ";"); kind == "text/html" {
			docs = append(docs, conformance.Doc{Name: name, Body: res.Body.Bytes()})
		}
	}
	for _, actor := range []string{"writer", "factchecker", "editor", "admin"} {
		start := []string{"/desk", "/inbox", "/notifications", "/account", "/drafts/new", "/budget", "/admin/settings", "/admin/users",
			"/admin/email", "/admin/webhooks", fmt.Sprintf("/admin/webhooks/%d", wid), "/admin/site", "/admin/logo", "/account/password",
			"/desk?stage=&q=quote", "/desk?stage=&q=nothing-like-this", "/desk?stage=limbo", "/drafts/999999"}
		for _, d := range []*newsroom.Draft{draft, checking, returned, editing, approved, scheduled, published, spiked} {
			page := fmt.Sprintf("/drafts/%d", d.ID)
			start = append(start, page, page+"?edit=1", page+"?from=1&to=2", page+"?quotes=disputed", page+"/preview")
		}
		docs = append(docs, appCrawl(t, a, actor, start)...)
	}
	for _, f := range []struct {
		actor, path string
		form        url.Values
		want        int
	}{
		{"writer", "/drafts", url.Values{"title": {""}, "body": {"No title."}}, http.StatusUnprocessableEntity},
		{"editor", fmt.Sprintf("/drafts/%d/edit", editing.ID), url.Values{"title": {strings.Repeat("Long ", 70)}, "body": {"Words."}, "version": {fmt.Sprint(editing.Version)}}, http.StatusConflict},
		{"writer", fmt.Sprintf("/drafts/%d/edit", checking.ID), url.Values{"title": {"Mine"}, "body": {"My words."}, "version": {fmt.Sprint(checking.Version)}}, http.StatusConflict},
		{"admin", fmt.Sprintf("/admin/users/%d/password-reset", a.users["other"].ID), nil, http.StatusOK},
		{"admin", "/admin/settings", url.Values{"time_zone": {"Mars/Olympus"}}, http.StatusUnprocessableEntity},
		{"admin", "/admin/webhooks", url.Values{"name": {""}, "url": {"http://127.0.0.1/"}}, http.StatusUnprocessableEntity},
		{"writer", "/account/password", url.Values{"current": {"wrong"}, "password": {"short"}, "confirm": {"other"}}, http.StatusUnprocessableEntity},
		{"editor", fmt.Sprintf("/drafts/%d/comments", editing.ID), url.Values{"field": {"body"}, "exact": {"words not there"}, "body": {"Where?"}}, http.StatusUnprocessableEntity},
		{"factchecker", fmt.Sprintf("/drafts/%d/transition", checking.ID), url.Values{"action": {"return"}, "note": {""}}, http.StatusUnprocessableEntity},
		{"factchecker", fmt.Sprintf("/drafts/%d/quotes/%d", checking.ID, a.firstQuote(checking.ID)),
			url.Values{"status": {"verified"}, "note": {"On the tape."}, "text": {"words it no longer reads"}}, http.StatusConflict},
		{"writer", fmt.Sprintf("/drafts/%d/unmerged/%d/merge", draft.ID, unmerged), url.Values{"version": {"1"}}, http.StatusUnprocessableEntity},
	} {
		res := a.page(f.actor, "POST", f.path, f.form)
		wantStatus(t, res, f.want)
		keep(f.actor+" POST "+f.path, res)
	}
	link := linkIn(t, mails[len(mails)-1])
	for _, p := range []string{link, "/account/email/confirm?token=nothing", fmt.Sprintf("/drafts/%d/unmerged/%d/merge", draft.ID, unmerged), fmt.Sprintf("/drafts/%d/unmerged/%d", draft.ID, unmerged),
		fmt.Sprintf("/drafts/%d/quotes/%d/history", checking.ID, a.firstQuote(checking.ID))} {
		keep("writer "+p, a.page("writer", "GET", p, nil))
	}
	keep("/login", a.page("", "GET", "/login?next=/desk", nil))
	keep("/login refused", signInForm(t, a.server.Handler(), "192.0.2.1:1234", "writer", "not the password"))
	t.Logf("%d app pages", len(docs))
	conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, docs...))
}

// appCrawl fetches the app pages from, as actor, and every app page they link to, each once, and
// returns every HTML answer (refusals and errors too), named by actor and path.
func appCrawl(t *testing.T, a *testApp, actor string, from []string) []conformance.Doc {
	t.Helper()
	var out []conformance.Doc
	seen := map[string]bool{}
	queue := slices.Clone(from)
	for len(queue) > 0 && len(seen) < 300 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		res := a.page(actor, "GET", path, nil)
		if kind, _, _ := strings.Cut(res.Header().Get("Content-Type"), ";"); kind != "text/html" {
			continue
		}
		out = append(out, conformance.Doc{Name: actor + " " + path, Body: res.Body.Bytes()})
		for _, m := range siteLink.FindAllStringSubmatch(res.Body.String(), -1) {
			link, _, _ := strings.Cut(html.UnescapeString(m[1]), "#")
			// Opening a notification marks it read: the list is what is checked.
			if link == "" || strings.HasPrefix(link, "/notifications/") || !slices.ContainsFunc(appPrefixes, func(p string) bool { return strings.HasPrefix(link, p) }) {
				continue
			}
			queue = append(queue, link)
		}
	}
	return out
}
