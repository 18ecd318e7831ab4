package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
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
			if s.Title != text.Title || s.Byline != text.Byline {
				t.Fatalf("summary says %q by %q, want %q by %q", s.Title, s.Byline, text.Title, text.Byline)
			}
			return
		}
	}
	t.Fatalf("draft %d is not in the summaries %+v", d.ID, page.Items)
}
