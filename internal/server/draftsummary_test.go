package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestDraftListView checks the draft list's view parameter: summaries by default, whole drafts
// with view=full, and a clear refusal of anything else.
func TestDraftListView(t *testing.T) {
	a := newTestApp(t)
	a.draft(newsroom.StageEditing)
	for _, tc := range []struct {
		name, query   string
		wantStatus    int
		want, notWant string
	}{
		{"Default", "", http.StatusOK, `"assignee":null`, `"body"`},
		{"Summary", "&view=summary", http.StatusOK, `"due_at":null`, `"body"`},
		{"Empty", "&view=", http.StatusOK, `"title":"A draft"`, `"brief"`},
		{"Full", "&view=full", http.StatusOK, `"body":"Body with a “quote”."`, `"due_at"`},
		{"Capitals", "&view=FULL", http.StatusUnprocessableEntity, `view must be summary or full, not \"FULL\"`, `"items"`},
		{"Unknown", "&view=bodies", http.StatusUnprocessableEntity, `view must be summary or full, not \"bodies\"`, `"items"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.do("editor", "GET", "/api/v1/drafts?stage=editing"+tc.query, "")
			wantStatus(t, res, tc.wantStatus)
			if body := res.Body.String(); !strings.Contains(body, tc.want) || strings.Contains(body, tc.notWant) {
				t.Fatalf("body %s: want %s and not %s", body, tc.want, tc.notWant)
			}
		})
	}
}

// TestDraftSummariesMatchList checks that the summaries list the very drafts the whole drafts
// do, for every role, filter and page: the same policy, the same order, the same cursors, and
// each summary saying what its draft says.
func TestDraftSummariesMatchList(t *testing.T) {
	a := newTestApp(t)
	held := a.draft(newsroom.StageFactCheck)
	a.draft(newsroom.StageFactCheck)
	a.draft(newsroom.StageEditing)
	a.draft(newsroom.StageDraft)
	a.draft(newsroom.StageApproved)
	if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: held.ID, Stage: newsroom.StageFactCheck, UserID: a.users["factchecker"].ID}); err != nil {
		t.Fatal(err)
	}
	due := time.Date(2026, 3, 30, 16, 0, 0, 0, time.UTC)
	if _, err := a.store.SetDeadline(ctxAs(a, "editor"), newsroom.DeadlineChange{DraftID: held.ID, At: &due}); err != nil {
		t.Fatal(err)
	}
	for _, actor := range []string{"editor", "writer", "other", "factchecker", "admin"} {
		for _, query := range []string{"", "?stage=fact_check", "?stage=draft", "?assignee=me", "?assignee=none", "?limit=2"} {
			t.Run(actor+query, func(t *testing.T) {
				sep, pages := "?", 0
				if query != "" {
					sep = "&"
				}
				for url := "/api/v1/drafts" + query; url != ""; pages++ {
					summaries := decode[newsroom.DraftSummaryPage](t, a.do(actor, "GET", url, ""))
					full := decode[newsroom.DraftPage](t, a.do(actor, "GET", url+sep+"view=full", ""))
					sameDrafts(t, summaries, full)
					url = ""
					if summaries.Next != "" {
						url = "/api/v1/drafts" + query + sep + "cursor=" + summaries.Next
					}
				}
				if query == "?limit=2" && actor == "editor" && pages < 3 {
					t.Fatalf("paged through %d pages of 2 drafts, want 3", pages)
				}
			})
		}
	}
}

// sameDrafts fails unless a page of summaries and a page of whole drafts list the same drafts
// alike, in the same order, with the same cursor.
func sameDrafts(t *testing.T, summaries newsroom.DraftSummaryPage, full newsroom.DraftPage) {
	t.Helper()
	if len(summaries.Items) != len(full.Items) || summaries.Next != full.Next {
		t.Fatalf("%d summaries, next %q; %d drafts, next %q", len(summaries.Items), summaries.Next, len(full.Items), full.Next)
	}
	for i, s := range summaries.Items {
		d := full.Items[i]
		want := newsroom.DraftSummary{ID: d.ID, Title: d.Title, Byline: d.Byline, Language: d.Language, Stage: d.Stage,
			Version: d.Version, Writer: d.Writer, Assignee: d.Assignee(), DueAt: d.Due(), CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
		if !sameSummary(s, want) {
			t.Fatalf("summary %+v, draft says %+v", s, want)
		}
	}
}

// sameSummary reports whether two summaries say the same, times compared as instants.
func sameSummary(a, b newsroom.DraftSummary) bool {
	sameTime := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	samePerson := func(x, y *newsroom.Person) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.ID == b.ID && a.Title == b.Title && a.Byline == b.Byline && a.Language == b.Language && a.Stage == b.Stage &&
		a.Version == b.Version && a.Writer == b.Writer && samePerson(a.Assignee, b.Assignee) && sameTime(a.DueAt, b.DueAt) &&
		a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt)
}

// TestDraftSummaryKeepsEveryCharacter checks that a summary, which the database writes as JSON,
// says exactly what its draft says whatever its title and byline hold: quotation marks,
// backslashes, markup, control characters, line and paragraph separators, letters outside
// ASCII and emoji.
func TestDraftSummaryKeepsEveryCharacter(t *testing.T) {
	a := newTestApp(t)
	text := newsroom.Text{
		Title:  "He said \"no\" \\ then </script><b>&amp;</b>\t\u2028\u2029 \x01\x1f é 日本 🎉",
		Byline: "O'Brien \\\" \u007f\u0080 \ufeff end\\",
		Body:   "Body.",
	}
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), text)
	if err != nil {
		t.Fatal(err)
	}
	page := decode[newsroom.DraftSummaryPage](t, a.do("writer", "GET", "/api/v1/drafts?stage=draft", ""))
	for _, s := range page.Items {
		if s.ID == d.ID {
			if s.Title != d.Title || s.Byline != d.Byline {
				t.Fatalf("summary says %q by %q, want %q by %q", s.Title, s.Byline, d.Title, d.Byline)
			}
			return
		}
	}
	t.Fatalf("draft %d is not in the summaries %+v", d.ID, page.Items)
}

// TestDraftSummaryBytes checks that the summaries the database writes as JSON are, byte for
// byte, what encoding/json writes of the same page read as Go values: markup and separators
// escaped as Go escapes them, who holds a piece and by when, the cursor of every page, and
// times in every form a database may hold them, and a text that is not UTF-8.
func TestDraftSummaryBytes(t *testing.T) {
	a := newTestApp(t)
	odd, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{
		Title:  "He said \"no\" \\ then </script><b>&amp;</b>\t\u2028\u2029 \x01\x1f é “日本” 🎉",
		Byline: "O'Brien \\\" \u007f\u0080 \ufeff end\\", Body: "Body."})
	if err != nil {
		t.Fatal(err)
	}
	held := a.draft(newsroom.StageFactCheck)
	if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: held.ID, Stage: newsroom.StageFactCheck, UserID: a.users["factchecker"].ID}); err != nil {
		t.Fatal(err)
	}
	for i, stage := range []newsroom.Stage{"", newsroom.StageFactCheck} {
		due := time.Date(2026, 3, 30, 16, 0, i, 120_000_000, time.UTC)
		if _, err := a.store.SetDeadline(ctxAs(a, "editor"), newsroom.DeadlineChange{DraftID: held.ID, Stage: stage, At: &due}); err != nil {
			t.Fatal(err)
		}
	}
	a.draft(newsroom.StageFactCheck)
	dated := a.draft(newsroom.StageFactCheck)
	for _, tc := range []struct{ name, column, value string }{
		{"AsWritten", "", ""},
		{"Offset", "created_at", "2026-03-30 16:00:00.25+01:30"},
		{"NegativeZero", "created_at", "2026-03-30 16:00:00.25-00:00"},
		{"WholeSeconds", "created_at", "2026-03-30 16:00:00+00:00"},
		{"TrailingZeros", "created_at", "2026-03-30 16:00:00.250+00:00"},
		{"NoOffset", "created_at", "2026-03-30 16:00:00"},
		{"Letters", "created_at", "2026-03-30T16:00:00Z"},
		{"NotUTF8", "title", "caf\xe9 \xff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.column != "" {
				if storetest.Postgres() {
					t.Skip("PostgreSQL keeps a timestamptz, not its text, and UTF-8 only")
				}
				if _, err := a.store.DB().Exec("UPDATE drafts SET "+tc.column+" = ? WHERE id = ?", tc.value, dated.ID); err != nil {
					t.Fatal(err)
				}
			}
			for _, q := range []struct {
				actor string
				f     newsroom.DraftFilter
			}{
				{"writer", newsroom.DraftFilter{Stage: newsroom.StageDraft, Limit: 50}},
				{"editor", newsroom.DraftFilter{Limit: 50}},
				{"editor", newsroom.DraftFilter{Stage: newsroom.StageFactCheck, Limit: 1}},
				{"editor", newsroom.DraftFilter{Stage: newsroom.StagePublished, Limit: 50}},
			} {
				for cursor, pages := "", 0; pages == 0 || cursor != ""; pages++ {
					q.f.Cursor = cursor
					page, err := a.store.ListDraftSummaries(ctxAs(a, q.actor), q.f)
					if err != nil {
						t.Fatal(err)
					}
					var want bytes.Buffer
					if err := json.NewEncoder(&want).Encode(page); err != nil {
						t.Fatal(err)
					}
					url := fmt.Sprintf("/api/v1/drafts?stage=%s&limit=%d&cursor=%s", q.f.Stage, q.f.Limit, cursor)
					if got := a.do(q.actor, "GET", url, "").Body.String(); got != want.String() {
						t.Fatalf("%s as %s:\n got %s\nwant %s", url, q.actor, got, want.String())
					}
					// The store appends the page to the buffer it is given, in place when it has room.
					buf := append(make([]byte, 0, 64<<10), "kept"...)
					joined, err := a.store.DraftSummariesJSON(ctxAs(a, q.actor), q.f, buf)
					if err != nil {
						t.Fatal(err)
					}
					next, _ := json.Marshal(joined.Next)
					if got := fmt.Sprintf(`{"items":[%s],"next":%s}`+"\n", joined.Items[len("kept"):], next); string(joined.Items[:len("kept")]) != "kept" || &joined.Items[0] != &buf[0] || got != want.String() {
						t.Fatalf("%s as %s, appended to a buffer:\n got %q\nwant %s", url, q.actor, joined.Items, want.String())
					}
					cursor = page.Next
				}
			}
		})
	}
	if !strings.Contains(a.do("writer", "GET", "/api/v1/drafts?stage=draft", "").Body.String(), fmt.Sprintf(`"id":%d,"title":"He said \"no\" \\ then \u003c/script\u003e`, odd.ID)) {
		t.Fatal("the title's markup is not escaped as encoding/json escapes it")
	}
}
