package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// matrixActors are the columns of the route matrix, in order.
var matrixActors = []string{"", "writer", "other", "factchecker", "editor", "admin"}

// TestRouteMatrix sends every registered route as anonymous, the owning writer, another writer,
// a fact-checker, an editor and an admin, on a fresh draft in stage draft owned by "writer", and
// checks each answer. A route missing from the table fails the test, so none slips past.
func TestRouteMatrix(t *testing.T) {
	a := newTestApp(t)
	type row struct {
		body string
		want [6]int // anonymous, owner, other writer, factchecker, editor, admin
	}
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	public := [6]int{404, 404, 404, 404, 404, 404} // the draft is not published: nobody sees it
	editorID := fmt.Sprint(a.users["editor"].ID)
	table := map[string]row{
		"GET /":                                     {"", [6]int{200, 200, 200, 200, 200, 200}},
		"GET /feed.atom":                            {"", [6]int{200, 200, 200, 200, 200, 200}},
		"GET /articles/:slug":                       {"", public},
		"GET /briefs/:slug":                         {"", public},
		"POST /api/v1/drafts/:id/publish":           {`{}`, [6]int{401, 403, 404, 404, 409, 403}},
		"GET /login":                                {"", [6]int{200, 303, 303, 303, 303, 303}},
		"POST /login":                               {"username=editor&password=pw-editor-staple", [6]int{403, 403, 403, 403, 403, 403}},
		"POST /logout":                              {"", [6]int{303, 303, 303, 303, 303, 303}},
		"GET /desk":                                 {"", [6]int{303, 200, 200, 200, 200, 200}},
		"POST /desk/import":                         {"author=writer", [6]int{303, 403, 403, 403, 422, 422}},
		"GET /drafts/new":                           {"", [6]int{303, 200, 200, 200, 200, 200}},
		"POST /drafts":                              {"title=New", [6]int{303, 303, 303, 403, 403, 403}},
		"GET /drafts/:id":                           {"", [6]int{303, 200, 404, 404, 200, 200}},
		"POST /drafts/:id/edit":                     {"title=Edited&version=1", [6]int{303, 303, 404, 404, 409, 409}},
		"POST /drafts/:id/transition":               {"action=submit", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /drafts/:id/publish":                  {"when=now", [6]int{303, 303, 404, 404, 409, 303}},
		"GET /drafts/:id/preview":                   {"", [6]int{303, 200, 404, 404, 200, 200}},
		"POST /drafts/:id/correct":                  {"body=Body.&note=Fixed.", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /drafts/:id/quotes/:qid":              {"status=verified", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /drafts/:id/quotes/:qid/waive":        {"note=n", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /drafts/:id/comments":                 {"field=body&exact=quote&body=Source%3F", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /comments/:cid/reply":                 {"body=Done.", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /comments/:cid/resolve":               {"", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /comments/:cid/reopen":                {"", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /comments/:cid/edit":                  {"body=Changed.", [6]int{303, 303, 404, 404, 303, 303}},
		"POST /comments/:cid/delete":                {"confirm=yes", [6]int{303, 303, 404, 404, 303, 303}},
		"GET /account":                              {"", [6]int{303, 200, 200, 200, 200, 200}},
		"POST /account/revoke-others":               {"", [6]int{303, 303, 303, 303, 303, 303}},
		"POST /account/tokens":                      {"", [6]int{303, 422, 422, 422, 422, 422}},
		"POST /account/revoke/:credential":          {"", [6]int{303, 303, 303, 303, 303, 303}}, // a token of the editor's
		"GET /admin/users":                          {"", [6]int{303, 403, 403, 403, 403, 200}},
		"POST /admin/users":                         {"username=newbie&role=writer&password=tulip-lantern", [6]int{303, 303, 303, 303, 303, 303}},
		"POST /admin/users/:uid":                    {"role=writer", [6]int{303, 303, 303, 303, 303, 303}},
		"POST /admin/users/:uid/password-reset":     {"", [6]int{303, 303, 303, 303, 303, 200}},
		"GET /account/password":                     {"", [6]int{303, 200, 200, 200, 200, 200}},
		"POST /account/password":                    {"current=wrong&new=tulip-lantern&repeat=tulip-lantern", [6]int{303, 422, 422, 422, 422, 422}},
		"POST /api/v1/me/password":                  {`{"current":"wrong","new":"tulip-lantern"}`, [6]int{401, 422, 422, 422, 422, 422}},
		"POST /api/v1/users/:uid/password-reset":    {"", [6]int{401, 403, 403, 403, 403, 200}},
		"GET /api/v1/drafts/:id/comments":           {"", [6]int{401, 200, 404, 404, 200, 200}},
		"POST /api/v1/drafts/:id/comments":          {`{"field":"body","quote":{"exact":"quote"},"body":"Source?"}`, [6]int{401, 403, 404, 404, 201, 403}},
		"POST /api/v1/comments/:cid/replies":        {`{"body":"Done."}`, [6]int{401, 201, 404, 404, 201, 403}},
		"POST /api/v1/comments/:cid/resolve":        {"", [6]int{401, 200, 404, 404, 200, 403}},
		"POST /api/v1/comments/:cid/reopen":         {"", [6]int{401, 409, 404, 404, 409, 403}},
		"PATCH /api/v1/comments/:cid":               {`{"body":"Changed."}`, [6]int{401, 403, 404, 404, 200, 403}},
		"DELETE /api/v1/comments/:cid":              {"", [6]int{401, 403, 404, 404, 204, 403}},
		"GET /api/v1/drafts/:id/diff?from=1&to=1":   {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /api/v1/drafts/:id/quotes":             {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /api/v1/drafts/:id/quotes/:qid/events": {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /drafts/:id/quotes/:qid/history":       {"", [6]int{303, 200, 404, 404, 200, 200}},
		"PUT /api/v1/drafts/:id/quotes/:qid":        {`{"status":"verified"}`, [6]int{401, 403, 404, 404, 409, 403}},
		"POST /api/v1/drafts/:id/quotes/:qid/waive": {`{"note":"n"}`, [6]int{401, 403, 404, 404, 409, 403}},
		"POST /api/v1/articles/:slug/corrections":   {`{"note":"n"}`, [6]int{401, 404, 404, 404, 404, 404}},
		"POST /api/v1/import?author=writer":         {string(seed), [6]int{401, 403, 403, 403, 201, 201}},
		"GET /healthz":                              {"", [6]int{200, 200, 200, 200, 200, 200}},
		"GET /readyz":                               {"", [6]int{200, 200, 200, 200, 200, 200}},
		"GET /metrics":                              {"", [6]int{401, 403, 403, 403, 403, 200}},
		"GET /api/v1/openapi.json":                  {"", [6]int{200, 200, 200, 200, 200, 200}},
		"GET /api/v1/workflow":                      {"", [6]int{401, 200, 200, 200, 200, 200}},
		"POST /api/v1/login":                        {`{"username":"editor","password":"pw-editor-staple"}`, [6]int{200, 200, 200, 200, 200, 200}},
		"GET /api/v1/drafts":                        {"", [6]int{401, 200, 200, 200, 200, 200}},
		"POST /api/v1/drafts":                       {`{"title":"New"}`, [6]int{401, 201, 201, 403, 403, 403}},
		"GET /api/v1/drafts/:id":                    {"", [6]int{401, 200, 404, 404, 200, 200}},
		"PUT /api/v1/drafts/:id":                    {`{"title":"Edited","version":1}`, [6]int{401, 200, 404, 404, 409, 403}},
		"POST /api/v1/drafts/:id/transitions":       {`{"action":"submit"}`, [6]int{401, 200, 404, 404, 403, 403}},
		"GET /api/v1/drafts/:id/history":            {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /api/v1/drafts/:id/revisions/:version": {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /api/v1/drafts/:id/unmerged/:rid":      {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /drafts/:id/unmerged/:rid":             {"", [6]int{303, 200, 404, 404, 200, 200}},
		"GET /drafts/:id/working-copy":              {"", [6]int{401, 404, 404, 404, 404, 404}},
		"POST /drafts/:id/working-copy":             {"version=1&title=Typed", [6]int{401, 200, 404, 404, 409, 403}},
		"POST /drafts/:id/working-copy/discard":     {"", [6]int{401, 204, 404, 404, 204, 204}},
		"GET /drafts/:id/live":                      {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /drafts/:id/people":                    {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /inbox":                                {"", [6]int{303, 200, 200, 200, 200, 200}},
		"POST /inbox/done":                          {"entry=nothing", [6]int{303, 303, 303, 303, 303, 303}},
		"GET /api/v1/inbox":                         {"", [6]int{401, 200, 200, 200, 200, 200}},
		"POST /api/v1/inbox/done":                   {`{"entry":"nothing"}`, [6]int{401, 404, 404, 404, 404, 404}},
		"GET /api/v1/drafts/:id/working-copy":       {"", [6]int{401, 404, 404, 404, 404, 404}},
		"PUT /api/v1/drafts/:id/working-copy":       {`{"base_version":1,"text":{"title":"Typed"}}`, [6]int{401, 200, 404, 404, 409, 403}},
		"DELETE /api/v1/drafts/:id/working-copy":    {"", [6]int{401, 204, 404, 404, 204, 204}},
		"GET /api/v1/drafts/:id/live":               {"", [6]int{401, 200, 404, 404, 200, 200}},
		// A stale save is its author's (the writer's) to settle: to everyone else it is not found.
		"GET /drafts/:id/unmerged/:rid/merge":       {"", [6]int{303, 200, 404, 404, 404, 404}},
		"POST /drafts/:id/unmerged/:rid/merge":      {"version=2&conflicts=1&choice-1=mine", [6]int{303, 303, 404, 404, 404, 404}},
		"POST /api/v1/logout":                       {"", [6]int{401, 204, 204, 204, 204, 204}},
		"GET /api/v1/me/credentials":                {"", [6]int{401, 200, 200, 200, 200, 200}},
		"DELETE /api/v1/me/credentials/:credential": {"", [6]int{401, 404, 404, 404, 204, 404}}, // a token of the editor's
		"POST /api/v1/me/credentials/revoke-others": {"", [6]int{401, 200, 200, 200, 200, 200}},
		// :nid is the writer's notification of the editor's comment; :wid a webhook of its own.
		"GET /notifications":                   {"", [6]int{303, 200, 200, 200, 200, 200}},
		"GET /notifications/:nid":              {"", [6]int{303, 303, 404, 404, 404, 404}},
		"POST /notifications/read-all":         {"", [6]int{303, 303, 303, 303, 303, 303}},
		"GET /admin/webhooks":                  {"", [6]int{303, 403, 403, 403, 403, 200}},
		"POST /admin/webhooks":                 {"name=Chat&url=https://chat.example.com/h", [6]int{303, 403, 403, 403, 403, 200}},
		"GET /admin/webhooks/:wid":             {"", [6]int{303, 403, 403, 403, 403, 200}},
		"POST /admin/webhooks/:wid/active":     {"active=false", [6]int{303, 303, 303, 303, 303, 303}},
		"POST /admin/webhooks/:wid/delete":     {"", [6]int{303, 303, 303, 303, 303, 303}},
		"GET /api/v1/notifications":            {"", [6]int{401, 200, 200, 200, 200, 200}},
		"POST /api/v1/notifications/read-all":  {"", [6]int{401, 200, 200, 200, 200, 200}},
		"POST /api/v1/notifications/:nid/read": {"", [6]int{401, 200, 404, 404, 404, 404}},
		"GET /api/v1/drafts/:id/notifications": {"", [6]int{401, 200, 404, 404, 200, 200}},
		"GET /api/v1/webhooks":                 {"", [6]int{401, 403, 403, 403, 403, 200}},
		"POST /api/v1/webhooks":                {`{"name":"Chat","url":"https://chat.example.com/h"}`, [6]int{401, 403, 403, 403, 403, 201}},
		"PATCH /api/v1/webhooks/:wid":          {`{"active":false}`, [6]int{401, 403, 403, 403, 403, 200}},
		"DELETE /api/v1/webhooks/:wid":         {"", [6]int{401, 403, 403, 403, 403, 204}},
		"GET /api/v1/webhooks/:wid/deliveries": {"", [6]int{401, 403, 403, 403, 403, 200}},
		// Assigning, due times and the budget are editors' (admins read the budget too); the
		// routes' :stage is editing, which editors may hold.
		"PUT /api/v1/drafts/:id/assignees/:stage":    {`{"user_id":` + editorID + `}`, [6]int{401, 403, 404, 404, 200, 403}},
		"DELETE /api/v1/drafts/:id/assignees/:stage": {"", [6]int{401, 403, 404, 404, 200, 403}},
		"PUT /api/v1/drafts/:id/deadlines":           {`{"due_at":"2026-03-30T17:00:00Z"}`, [6]int{401, 403, 404, 404, 200, 403}},
		"PUT /api/v1/drafts/:id/claim":               {`{"claim":"It rained.","claimed_by":"A","rating":"true"}`, [6]int{401, 403, 404, 404, 200, 403}},
		"DELETE /api/v1/drafts/:id/claim":            {"", [6]int{401, 403, 404, 404, 200, 403}},
		"POST /drafts/:id/claim":                     {"claim=It+rained.&claimed_by=A&rating=true", [6]int{303, 403, 404, 404, 303, 403}},
		"GET /api/v1/budget":                         {"", [6]int{401, 403, 403, 403, 200, 200}},
		"POST /drafts/:id/assignees/:stage":          {"user_id=" + editorID, [6]int{303, 303, 404, 404, 303, 303}},
		"POST /drafts/:id/deadlines":                 {"due=2026-03-30T17:00", [6]int{303, 403, 404, 404, 303, 403}},
		"GET /budget":                                {"", [6]int{303, 403, 403, 403, 200, 200}},
		"GET /admin/settings":                        {"", [6]int{303, 403, 403, 403, 403, 200}},
		"POST /admin/settings":                       {"time_zone=Europe/London", [6]int{303, 403, 403, 403, 403, 303}},
	}
	// Whoever may edit the draft now sets its lead image; the owner's upload here is refused for
	// holding no file over the API, and for not being a multipart form on the page. Images are served by the hash :file would name, and the icons
	// to anyone.
	table["POST /api/v1/drafts/:id/image"] = row{uploadForm(t, neturl.Values{"alt": {"Boats"}}, "", nil), [6]int{401, 422, 404, 404, 409, 403}}
	table["DELETE /api/v1/drafts/:id/image"] = row{"", [6]int{401, 204, 404, 404, 409, 403}}
	table["POST /api/v1/drafts/:id/image/restore"] = row{"", [6]int{401, 409, 404, 404, 409, 403}}
	table["POST /drafts/:id/image"] = row{"alt=Boats", [6]int{303, 415, 404, 404, 409, 403}}
	table["POST /drafts/:id/image/remove"] = row{"", [6]int{303, 303, 404, 404, 303, 303}}
	table["POST /drafts/:id/image/restore"] = row{"image=1&lead=0", [6]int{303, 303, 404, 404, 303, 303}}
	table["GET /admin/logo"] = row{"", [6]int{303, 403, 403, 403, 403, 200}}
	table["POST /admin/logo"] = row{"alt=Gazette", [6]int{303, 403, 403, 403, 403, 415}}
	table["GET /images/:file"] = row{"", public}
	table["GET /favicon.ico"] = row{"", [6]int{200, 200, 200, 200, 200, 200}}
	table["GET /apple-touch-icon.png"] = row{"", [6]int{200, 200, 200, 200, 200, 200}}
	// Marking a quotation as none takes a note, as a waiver does, and is allowed where checking
	// one is, which on this draft answers as a waiver does.
	table["POST /drafts/:id/quotes/:qid/not-quote"] = table["POST /drafts/:id/quotes/:qid/waive"]
	table["POST /api/v1/drafts/:id/quotes/:qid/not-quote"] = table["POST /api/v1/drafts/:id/quotes/:qid/waive"]
	// Each person asks for their own email address and chooses what comes by email. This server
	// sends no email, so a new address, which waits for a mailed link, is refused; with no address
	// waiting, a resend is refused and a cancel does nothing, and a link without its token works
	// for nobody.
	table["POST /account/email"] = row{"email=me%40example.org", [6]int{303, 409, 409, 409, 409, 409}}
	table["POST /account/email/resend"] = row{"", [6]int{303, 303, 303, 303, 303, 303}}
	table["POST /account/email/cancel"] = row{"", [6]int{303, 303, 303, 303, 303, 303}}
	table["GET /account/email/confirm"] = row{"", [6]int{303, 404, 404, 404, 404, 404}}
	table["POST /account/email/confirm"] = row{"token=none", [6]int{303, 404, 404, 404, 404, 404}}
	table["POST /account/notifications"] = row{"email=assigned&digest=on", [6]int{303, 303, 303, 303, 303, 303}}
	table["GET /api/v1/me/email"] = row{"", [6]int{401, 200, 200, 200, 200, 200}}
	table["PUT /api/v1/me/email"] = row{`{"email":"me@example.org"}`, [6]int{401, 409, 409, 409, 409, 409}}
	table["DELETE /api/v1/me/email/pending"] = row{"", [6]int{401, 204, 204, 204, 204, 204}}
	table["POST /api/v1/me/email/confirm"] = row{`{"token":"none"}`, [6]int{401, 404, 404, 404, 404, 404}}
	table["GET /api/v1/me/notifications"] = row{"", [6]int{401, 200, 200, 200, 200, 200}}
	table["PUT /api/v1/me/notifications"] = row{`{"email":[],"digest":false}`, [6]int{401, 200, 200, 200, 200, 200}}
	table["POST /admin/users/:uid/email"] = row{"email=someone%40example.org", [6]int{303, 303, 303, 303, 303, 303}}
	table["GET /admin/email"] = row{"", [6]int{303, 403, 403, 403, 403, 200}}
	table["POST /admin/email"] = row{"host=smtp.example.org&from=desk%40example.org", [6]int{303, 303, 303, 303, 303, 303}}
	table["POST /admin/email/test"] = row{"", [6]int{303, 403, 403, 403, 403, 303}}
	table["GET /admin/site"] = row{"", [6]int{303, 403, 403, 403, 403, 200}}
	// The site's footer stays the house one, which the seed the import rows send closes with.
	siteForm := neturl.Values{"name": {"The Ledger"}, "footer": {strings.Join(publish.DefaultFooter, "\n")}}.Encode()
	table["POST /admin/site"] = row{siteForm, [6]int{303, 403, 403, 403, 403, 303}}

	// The archive is public and, with nothing published, empty: its lists answer everyone, and
	// a page past the first, a topic, an author, a feed, a piece or a sitemap is not found.
	everyone, nobody := row{"", [6]int{200, 200, 200, 200, 200, 200}}, row{"", public}
	for _, key := range []string{"GET /topics", "GET /authors", "GET /search", "GET /robots.txt", "GET /api/v1/articles"} {
		table[key] = everyone
	}
	for _, key := range []string{"GET /page/:n", "GET /topics/:slug", "GET /topics/:slug/page/:n", "GET /topics/:slug/feed.atom",
		"GET /authors/:slug", "GET /authors/:slug/page/:n", "GET /authors/:slug/feed.atom", "GET /sitemap.xml", "GET /sitemaps/:file",
		"GET /sitemap-news.xml", "GET /api/v1/articles/:slug"} {
		table[key] = nobody
	}
	// Resetting a password signs its user out, so the reset routes act on a user of their own.
	spare, err := a.store.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: "spare", Role: newsroom.RoleWriter, Password: "pw-spare-staple"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range a.server.Handler().Routes() {
		key := r.Method + " " + r.Path
		if strings.HasSuffix(r.Path, "*") {
			continue
		}
		switch r.Path {
		case "/api/v1/import":
			key += "?author=writer"
		case "/api/v1/drafts/:id/diff":
			key += "?from=1&to=1"
		}
		seen[key] = true
		row, ok := table[key]
		if !ok {
			t.Errorf("route %s has no row in the access matrix", key)
			continue
		}
		for i, actor := range matrixActors {
			name := actor
			if name == "" {
				name = "anonymous"
			}
			t.Run(key+"/"+name, func(t *testing.T) {
				d := a.draft(newsroom.StageDraft)
				rid := ""
				if strings.Contains(key, ":rid") {
					rid = fmt.Sprint(a.staleSave(d.ID, "Lost the race."))
				}
				uid := a.users["other"].ID
				if strings.HasSuffix(r.Path, "/password-reset") {
					uid = spare.ID
				}
				url := strings.NewReplacer(":id", fmt.Sprint(d.ID), ":version", "1", ":slug", "a-draft", ":qid", fmt.Sprint(a.firstQuote(d.ID)), ":cid", fmt.Sprint(a.comment(d.ID)), ":uid", fmt.Sprint(uid), ":rid", rid, ":stage", "editing").Replace(key[len(r.Method)+1:])
				if strings.Contains(url, ":nid") {
					url = strings.Replace(url, ":nid", fmt.Sprint(a.newestNotification("writer")), 1)
				}
				if strings.Contains(url, ":wid") {
					url = strings.Replace(url, ":wid", fmt.Sprint(a.webhook()), 1)
				}
				if strings.Contains(url, ":credential") {
					url = strings.Replace(url, ":credential", a.spareCredential("editor"), 1)
				}
				ctype := "application/json"
				if r.Path == "/api/v1/import" {
					ctype = "text/plain"
				} else if r.Path == "/api/v1/drafts/:id/image" {
					ctype = imageFormType
				}
				var res *httptest.ResponseRecorder
				if isPage(r.Path) {
					form, _ := neturl.ParseQuery(row.body)
					res = a.page(actor, r.Method, url, form)
				} else {
					res = a.send(actor, r.Method, url, ctype, row.body, nil)
				}
				a.renewAfter(actor, r.Path)
				if res.Code != row.want[i] {
					t.Fatalf("%s %s as %s = %d, want %d: %s", r.Method, url, name, res.Code, row.want[i], res.Body.String())
				}
			})
		}
	}
	for key := range table {
		if !seen[key] {
			t.Errorf("the access matrix lists %s, which is not a route", key)
		}
	}
}

// isPage reports whether a route is an app page, which browsers reach with a session cookie
// rather than a bearer token.
func isPage(path string) bool {
	for _, p := range []string{"/login", "/logout", "/desk", "/inbox", "/drafts", "/comments", "/admin", "/account", "/notifications", "/budget"} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
