package server_test

import (
	"database/sql"
	"fmt"
	"maps"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// historyRows reads a whole history table (audit, revisions or events), every column, in id order.
func historyRows(t *testing.T, db *sql.DB, table string) [][]any {
	t.Helper()
	rows, err := db.Query("SELECT * FROM " + table + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// auditBodies are request bodies that make write routes succeed, so the test below exercises
// their writes and not only their validation.
var auditBodies = map[string]string{
	"POST /api/v1/drafts":                       `{"title":"New"}`,
	"PUT /api/v1/drafts/:id":                    `{"title":"Edited","version":1}`,
	"POST /api/v1/drafts/:id/transitions":       `{"action":"submit"}`,
	"PUT /api/v1/drafts/:id/quotes/:qid":        `{"status":"disputed","note":"n"}`,
	"POST /api/v1/drafts/:id/quotes/:qid/waive": `{"note":"n"}`,
	"POST /api/v1/drafts/:id/comments":          `{"field":"body","quote":{"exact":"quote"},"body":"Source?"}`,
	"POST /api/v1/comments/:cid/replies":        `{"body":"Done."}`,
	"PATCH /api/v1/comments/:cid":               `{"body":"Changed."}`,
	"POST /api/v1/drafts/:id/publish":           `{}`,
	"POST /api/v1/articles/:slug/corrections":   `{"note":"Fixed."}`,
	"POST /api/v1/login":                        `{"username":"editor","password":"pw-editor-staple"}`,
	"POST /drafts":                              "title=New",
	"POST /drafts/:id/edit":                     "title=Edited&version=1",
	"POST /drafts/:id/transition":               "action=submit",
	"POST /drafts/:id/publish":                  "when=now",
	"POST /drafts/:id/correct":                  "body=Body.&note=Fixed.",
	"POST /drafts/:id/quotes/:qid":              "status=verified",
	"POST /drafts/:id/quotes/:qid/waive":        "note=n",
	"POST /drafts/:id/comments":                 "field=body&exact=quote&body=Source%3F",
	"POST /comments/:cid/reply":                 "body=Done.",
	"POST /comments/:cid/edit":                  "body=Changed.",
	"POST /comments/:cid/delete":                "confirm=yes",
	"POST /admin/users":                         "username=newbie&role=writer&password=tulip-lantern",
	"POST /admin/users/:uid":                    "role=editor",
}

// TestAuditAppendOnly checks that the audit trail only ever grows: no route is shaped to change
// it, and every registered route, sent by every kind of actor on drafts in every stage, neither
// fails (as one would that tried an UPDATE or DELETE, which the database's triggers refuse) nor
// alters an entry: afterwards each one is still there, unchanged, with new ones only after it.
// The revisions, stale saves among them, and the events are held to the same.
func TestAuditAppendOnly(t *testing.T) {
	a := newTestApp(t)
	for _, r := range a.server.Handler().Routes() {
		p := strings.ToLower(r.Path)
		if (strings.Contains(p, "audit") || strings.Contains(p, "history")) && r.Method != "GET" && r.Method != "echo_route_not_found" {
			t.Errorf("route %s %s looks like it changes the audit trail", r.Method, r.Path)
		}
	}
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	bodies := maps.Clone(auditBodies)
	bodies["POST /api/v1/import"] = string(seed)
	var drafts []*newsroom.Draft
	ids := map[int64]*strings.Replacer{} // a draft's id → the replacer filling in its route parameters
	for _, st := range []newsroom.Stage{newsroom.StageDraft, newsroom.StageFactCheck, newsroom.StageEditing, newsroom.StageApproved} {
		d := a.draft(st)
		drafts = append(drafts, d)
		ids[d.ID] = strings.NewReplacer(":id", fmt.Sprint(d.ID), ":version", "1", ":slug", "a-draft", ":qid", fmt.Sprint(a.firstQuote(d.ID)),
			":cid", fmt.Sprint(a.comment(d.ID)), ":uid", fmt.Sprint(a.users["other"].ID))
	}
	before, revisions, events := historyRows(t, a.store.DB(), "audit"), historyRows(t, a.store.DB(), "revisions"), historyRows(t, a.store.DB(), "events")
	if len(before) == 0 {
		t.Fatal("walking drafts through the workflow wrote no audit entries")
	}
	for _, r := range a.server.Handler().Routes() {
		if strings.HasSuffix(r.Path, "*") || r.Method == "echo_route_not_found" {
			continue
		}
		key := r.Method + " " + r.Path
		for _, d := range drafts {
			for _, actor := range []string{"", "writer", "factchecker", "editor", "admin"} {
				url := ids[d.ID].Replace(r.Path)
				body := bodies[key]
				var res *httptest.ResponseRecorder
				switch {
				case r.Path == "/api/v1/import":
					res = a.send(actor, r.Method, url+"?author=writer", "text/plain", body, nil)
				case strings.HasPrefix(r.Path, "/api/") || !isPage(r.Path):
					res = a.send(actor, r.Method, url, "application/json", body, nil)
				default:
					form, _ := neturl.ParseQuery(body)
					res = a.page(actor, r.Method, url, form)
				}
				a.renewAfter(actor, r.Path)
				// The database refuses to update or delete audit rows: a route that tried would
				// fail here with an internal error.
				if res.Code >= 500 {
					t.Errorf("%s as %q on a draft in %s = %d: %s", key, actor, d.Stage, res.Code, res.Body.String())
				}
			}
		}
	}
	after := historyRows(t, a.store.DB(), "audit")
	if len(after) <= len(before) {
		t.Fatalf("the routes wrote no audit entries (%d before, %d after): the test exercised nothing", len(before), len(after))
	}
	if !reflect.DeepEqual(after[:len(before)], before) {
		t.Fatalf("audit entries changed:\nbefore %v\nafter  %v", before, after[:len(before)])
	}
	// Stale saves among the routes keep their texts apart and prune them there: the revisions
	// themselves only ever grow too.
	if now := historyRows(t, a.store.DB(), "revisions"); len(now) <= len(revisions) || !reflect.DeepEqual(now[:len(revisions)], revisions) {
		t.Fatalf("revisions changed or none were added: %d before, %d after", len(revisions), len(now))
	}
	// The events, which every change records, only ever grow as well.
	if now := historyRows(t, a.store.DB(), "events"); len(now) <= len(events) || !reflect.DeepEqual(now[:len(events)], events) {
		t.Fatalf("events changed or none were added: %d before, %d after", len(events), len(now))
	}
}
