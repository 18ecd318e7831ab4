package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestAssignAPI assigns, claims and unassigns over the API, and filters the desk list by
// assignee.
func TestAssignAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	path := fmt.Sprintf("/api/v1/drafts/%d/assignees/fact_check", d.ID)
	fc := a.users["factchecker"].ID
	body := fmt.Sprintf(`{"user_id":%d}`, fc)
	tests := []struct {
		name, actor, method, body string
		wantStatus                int
		wantContains              string
	}{
		{"WriterCannotAssign", "writer", "PUT", body, 403, "a writer may not assign pieces"},
		{"EditorCannotTakeFactCheck", "editor", "PUT", fmt.Sprintf(`{"user_id":%d}`, a.users["editor"].ID), 422, "cannot be assigned at Fact-check"},
		{"EditorAssigns", "editor", "PUT", body, 200, `"assignees":{"fact_check":{"id":` + fmt.Sprint(fc)},
		{"NoUserID", "editor", "PUT", `{}`, 422, "user_id names who"},
		{"Unassign", "editor", "DELETE", "", 200, `"assignees":{}`},
		{"Claim", "factchecker", "PUT", body, 200, `"username":"factchecker"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do(tt.actor, tt.method, path, tt.body)
			wantStatus(t, res, tt.wantStatus)
			if !strings.Contains(res.Body.String(), tt.wantContains) {
				t.Fatalf("body %s lacks %q", res.Body.String(), tt.wantContains)
			}
		})
	}
	pooled := a.draft(newsroom.StageFactCheck)
	for _, tt := range []struct {
		filter string
		want   int64
	}{{"me", d.ID}, {"none", pooled.ID}, {fmt.Sprint(fc), d.ID}} {
		res := a.do("factchecker", "GET", "/api/v1/drafts?assignee="+tt.filter, "")
		wantStatus(t, res, http.StatusOK)
		items := decode[newsroom.DraftPage](t, res).Items
		if len(items) != 1 || items[0].ID != tt.want {
			t.Errorf("assignee=%s lists %d drafts (%+v), want only %d", tt.filter, len(items), items, tt.want)
		}
	}
}

// TestDeskShowsWork shows on the desk who holds each piece at its desk, or Unassigned with a
// Claim button for whoever may claim it, and its due time marked soon or overdue.
func TestDeskShowsWork(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "Europe/London"); err != nil {
		t.Fatal(err)
	}
	held := a.draft(newsroom.StageFactCheck)
	pooled := a.draft(newsroom.StageFactCheck)
	if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: held.ID, Stage: newsroom.StageFactCheck, UserID: a.users["factchecker"].ID}); err != nil {
		t.Fatal(err)
	}
	soon := a.clock.Now().Add(2 * time.Hour)
	if _, err := a.store.SetDeadline(ctxAs(a, "editor"), newsroom.DeadlineChange{DraftID: held.ID, At: &soon}); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	res := a.page("factchecker", "GET", "/desk", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<bdi class="holder">Factchecker</bdi> · due `+soon.In(london).Format("Mon Jan 2, 2006 15:04 MST"), `due soon`,
		fmt.Sprintf(`action="/drafts/%d/assignees/fact_check"`, pooled.ID), `<span class="unassigned">Unassigned</span>`)
	if !strings.Contains(res.Body.String(), held.UpdatedAt.In(london).Format("Mon Jan 2, 2006")) || !regexp.MustCompile(`\d\d:\d\d (GMT|BST)</td>`).MatchString(res.Body.String()) {
		t.Error("the desk's Changed column is not in London time")
	}
	if strings.Contains(res.Body.String(), fmt.Sprintf(`action="/drafts/%d/assignees/fact_check"`, held.ID)) {
		t.Error("the desk offers to claim a piece someone holds")
	}

	t.Run("ClaimFromDesk", func(t *testing.T) {
		// A claim from the desk's pool goes back to that list, as filtered, for the next one.
		pool := "/desk?stage=fact_check&assignee=none"
		m := regexp.MustCompile(`<input type="hidden" name="back" value="([^"]*)">`).FindStringSubmatch(a.page("factchecker", "GET", pool, nil).Body.String())
		if m == nil {
			t.Fatalf("the claim form on %s does not say where to go back to", pool)
		}
		res := a.page("factchecker", "POST", fmt.Sprintf("/drafts/%d/assignees/fact_check", pooled.ID),
			url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}, "back": {html.UnescapeString(m[1])}})
		wantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header().Get("Location"); loc != pool || !strings.Contains(flashOf(res), "Factchecker holds") {
			t.Fatalf("claim: to %s with %q, want back to %s", loc, flashOf(res), pool)
		}
		res = a.page("factchecker", "GET", pool, nil)
		wantBody(t, res, `Nothing here.`)
	})
	t.Run("ClaimGoesBackOnlyToTheDesk", func(t *testing.T) {
		for _, back := range []string{"//elsewhere.example/desk", "https://elsewhere.example/desk", "/account", "desk"} {
			res := a.page("factchecker", "POST", fmt.Sprintf("/drafts/%d/assignees/fact_check", pooled.ID),
				url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}, "back": {back}})
			if loc, want := res.Header().Get("Location"), fmt.Sprintf("/drafts/%d", pooled.ID); loc != want {
				t.Errorf("back=%s: to %s, want the draft's page %s", back, loc, want)
			}
		}
	})
	t.Run("ClaimTakenSaysWhy", func(t *testing.T) {
		res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/assignees/editing", held.ID), url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}})
		if !strings.Contains(flashOf(res), "Not done: Factchecker cannot be assigned at Editing") {
			t.Fatalf("warning = %q", flashOf(res))
		}
	})
}

// TestDraftPageWork assigns and sets a due time from the draft page: the head shows who holds
// each desk, a refused due time comes back with what was typed, and the history says who
// assigned whom.
func TestDraftPageWork(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "Europe/London"); err != nil {
		t.Fatal(err)
	}
	d := a.draft(newsroom.StageFactCheck)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	res := a.page("editor", "GET", page, nil)
	wantBody(t, res, `Assign and set due times`, `<option value="`+fmt.Sprint(a.users["factchecker"].ID)+`">Factchecker</option>`, `Europe/London time`)
	if strings.Contains(a.page("writer", "GET", page, nil).Body.String(), "Assign and set due times") {
		t.Error("the writer is offered the assign form")
	}

	res = a.page("editor", "POST", page+"/assignees/fact_check", url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}})
	wantStatus(t, res, http.StatusSeeOther)
	res = a.page("editor", "POST", page+"/deadlines", url.Values{"stage": {"fact_check"}, "due": {"2026-03-30T17:00"}})
	if flashOf(res) != "Due Mon Mar 30, 2026 17:00 BST." {
		t.Fatalf("flash = %q", flashOf(res))
	}
	res = a.page("writer", "GET", page, nil)
	wantBody(t, res, `<span class="desk-name">Fact-check</span> <bdi class="holder">Factchecker</bdi> · due Mon Mar 30, 2026 17:00 BST`,
		`<bdi>Editor</bdi> assigned <bdi>Factchecker</bdi> at Fact-check`, `<bdi>Editor</bdi> set the due time at Fact-check to Mar 30, 2026 17:00 BST`)
	d2, _ := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
	if due := d2.Due(); due == nil || !due.Equal(time.Date(2026, 3, 30, 16, 0, 0, 0, time.UTC)) {
		t.Fatalf("due = %v, want 16:00 UTC (17:00 in London's summer time)", due)
	}

	t.Run("RefusedKeepsTyping", func(t *testing.T) {
		res := a.page("editor", "POST", page+"/deadlines", url.Values{"stage": {"fact_check"}, "due": {"next Tuesday"}})
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, `give the due time as a date and time (Europe/London)`, `value="next Tuesday"`, `<option value="fact_check" selected>`, `<details class="work-forms" open>`)
	})
}

// TestBudgetPage lists the week's pieces by day in the newsroom's zone, with links to the weeks
// before and after, for editors only.
func TestBudgetPage(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "America/New_York"); err != nil {
		t.Fatal(err)
	}
	d := a.draft(newsroom.StageEditing)
	due := time.Date(2026, 3, 31, 2, 0, 0, 0, time.UTC) // 22:00 on the 30th in New York
	if _, err := a.store.SetDeadline(ctxAs(a, "editor"), newsroom.DeadlineChange{DraftID: d.ID, At: &due}); err != nil {
		t.Fatal(err)
	}
	undated := a.draft(newsroom.StageDraft)
	res := a.page("editor", "GET", "/budget?from=2026-03-30&days=7", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<h2>Monday 30 March</h2>`, `22:00 EDT`, fmt.Sprintf(`<a href="/drafts/%d">`, d.ID),
		`href="/budget?days=7&amp;from=2026-03-23" rel="prev"`, `href="/budget?days=7&amp;from=2026-04-06" rel="next"`,
		`<h2>No due time</h2>`, fmt.Sprintf(`<a href="/drafts/%d">`, undated.ID), `Times in America/New_York.`)
	res = a.page("writer", "GET", "/budget", nil)
	wantStatus(t, res, http.StatusForbidden)
	res = a.page("editor", "GET", "/budget?days=3", nil)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "days must be 1 or 7")
}

// TestBudgetUndatedChanged: the budget lists the pieces with no due time under a column headed
// Changed, in the order they changed, newest first; each row says when, in the newsroom's zone,
// as the desk's column of that name does, and not again that the piece has no due time. On a
// phone, where the table's head is hidden, the cell names itself Changed, as it would otherwise
// stand where the other days' cards show a due time.
func TestBudgetUndatedChanged(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "America/New_York"); err != nil {
		t.Fatal(err)
	}
	older := a.draft(newsroom.StageDraft)
	a.clock.Add(90 * time.Minute)
	newer := a.draft(newsroom.StageEditing)
	zone, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", "/budget", nil)
	wantStatus(t, res, http.StatusOK)
	table := regexp.MustCompile(`(?s)<h2>No due time</h2>.*?</table>`).FindString(res.Body.String())
	rows := regexp.MustCompile(`<tr><td data-label="Changed">([^<]*)</td><td><a href="/drafts/(\d+)">`).FindAllStringSubmatch(table, -1)
	want := [][2]string{{newer.UpdatedAt.In(zone).Format("Mon Jan 2, 2006 15:04 MST"), fmt.Sprint(newer.ID)},
		{older.UpdatedAt.In(zone).Format("Mon Jan 2, 2006 15:04 MST"), fmt.Sprint(older.ID)}}
	if len(rows) != len(want) {
		t.Fatalf("the pieces with no due time are listed as %q, want when each changed: %q", rows, want)
	}
	for i, w := range want {
		if rows[i][1] != w[0] || rows[i][2] != w[1] {
			t.Errorf("row %d says %q of draft %s, want %q of draft %s", i+1, rows[i][1], rows[i][2], w[0], w[1])
		}
	}
}

// TestSettingsPage sets the newsroom's time zone, shows a zone that does not exist again with
// why, and leads to the newsroom's other settings from the header's one Admin link.
func TestSettingsPage(t *testing.T) {
	a := newTestApp(t)
	wantBody(t, a.page("admin", "GET", "/desk", nil), `<a href="/admin/settings">Admin</a>`)
	settings := a.page("admin", "GET", "/admin/settings", nil)
	for _, link := range []string{`<a href="/admin/users">Users</a>`, `<a href="/admin/email">Email</a>`, `<a href="/admin/webhooks">Webhooks</a>`} {
		wantBody(t, settings, link)
	}
	res := a.page("admin", "POST", "/admin/settings", url.Values{"time_zone": {"Europe/Lisbon"}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, a.page("admin", "GET", "/admin/settings", nil), `value="Europe/Lisbon"`)
	res = a.page("admin", "POST", "/admin/settings", url.Values{"time_zone": {"Europe/Atlantis"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `&#34;Europe/Atlantis&#34; is not a time zone`, `value="Europe/Atlantis"`, `now Europe/Lisbon`)
}

// TestScheduleInNewsroomZone reads the time a piece is scheduled for, as due times are, in the
// newsroom's time zone, and says it back in that zone: an editor in New York who schedules a
// piece for 09:00 means 09:00 in New York. A time refused (none, not a time, or one already
// gone) leaves the piece approved and shows the publish form again as it was sent, the time
// and the choice to schedule kept.
func TestScheduleInNewsroomZone(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "America/New_York"); err != nil {
		t.Fatal(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	now := a.clock.Now().In(newYork)
	tests := []struct {
		name, at string
		want     string // the flash of a schedule, the error of a refusal
		wantAt   time.Time
	}{
		{"Summer", "2099-07-01T09:00", "Scheduled for Wed Jul 1, 2099 09:00 EDT.", time.Date(2099, 7, 1, 13, 0, 0, 0, time.UTC)},
		{"Winter", "2099-12-01T09:00", "Scheduled for Tue Dec 1, 2099 09:00 EST.", time.Date(2099, 12, 1, 14, 0, 0, 0, time.UTC)},
		{"NotATime", "next Tuesday", "give the time to publish as a date and time (America/New_York), such as 2026-03-30T17:00", time.Time{}},
		{"Empty", "", "give the time to publish as a date and time (America/New_York)", time.Time{}},
		// A time already gone, a mistyped year say, is refused: taken, it would publish the piece
		// at once under that date, where the editor asked to wait.
		{"Passed", "2020-01-01T10:00", "the time to publish, Wed Jan 1, 2020 10:00 EST, has passed: choose a later one, or publish now", time.Time{}},
		{"ThisMinute", now.Format("2006-01-02T15:04"), "the time to publish, " + now.Format("Mon Jan 2, 2006 15:04 MST") + ", has passed: choose a later one, or publish now", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageApproved)
			path := fmt.Sprintf("/drafts/%d", d.ID)
			wantBody(t, a.page("editor", "GET", path, nil), `<span class="hint" id="zone-at">America/New_York time</span>`)
			res := a.page("editor", "POST", path+"/publish", url.Values{"when": {"schedule"}, "at": {tt.at}})
			if tt.wantAt.IsZero() {
				wantStatus(t, res, http.StatusUnprocessableEntity)
				wantBody(t, res, `<p class="error" role="alert" id="form-error">`+html.EscapeString(tt.want)+`</p>`,
					`<input type="radio" name="when" value="schedule" checked>`, `name="at" value="`+html.EscapeString(tt.at)+`"`)
				if strings.Contains(res.Body.String(), `value="now" checked`) {
					t.Error("the refused form comes back set to publish now")
				}
				got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Stage != newsroom.StageApproved {
					t.Fatalf("a refused time leaves the piece %s", got.Stage)
				}
				return
			}
			wantScheduled(t, a, res, d.ID, tt.want, tt.wantAt)
			wantBody(t, a.page("editor", "GET", path, nil), "publishes "+strings.TrimSuffix(strings.TrimPrefix(tt.want, "Scheduled for "), "."))
		})
	}
}

// TestScheduleInTheRepeatedHour: when clocks go back, 01:00 to 02:00 in New York comes twice
// (01:30 to 02:00 on Lord Howe Island, whose clocks go back half an hour). During the first pass
// a time in it is the first pass's, and one gone is refused; during the second, the second's, as
// the first has gone: ten minutes ahead is ten minutes ahead, not refused as passed.
func TestScheduleInTheRepeatedHour(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, zone string
		now        time.Time
		at, want   string
		wantAt     time.Time
	}{
		{"FirstPass", "America/New_York", time.Date(2026, 11, 1, 5, 40, 0, 0, time.UTC), "2026-11-01T01:50", "Scheduled for Sun Nov 1, 2026 01:50 EDT.", time.Date(2026, 11, 1, 5, 50, 0, 0, time.UTC)},
		{"ErrGoneInTheFirstPass", "America/New_York", time.Date(2026, 11, 1, 5, 40, 0, 0, time.UTC), "2026-11-01T01:30", "the time to publish, Sun Nov 1, 2026 01:30 EDT, has passed", time.Time{}},
		{"SecondPass", "America/New_York", time.Date(2026, 11, 1, 6, 40, 0, 0, time.UTC), "2026-11-01T01:50", "Scheduled for Sun Nov 1, 2026 01:50 EST.", time.Date(2026, 11, 1, 6, 50, 0, 0, time.UTC)},
		{"ErrGoneInBoth", "America/New_York", time.Date(2026, 11, 1, 6, 40, 0, 0, time.UTC), "2026-11-01T01:30", "the time to publish, Sun Nov 1, 2026 01:30 EST, has passed", time.Time{}},
		{"HalfHourFirstPass", "Australia/Lord_Howe", time.Date(2026, 4, 4, 14, 35, 0, 0, time.UTC), "2026-04-05T01:45", "Scheduled for Sun Apr 5, 2026 01:45 +11.", time.Date(2026, 4, 4, 14, 45, 0, 0, time.UTC)},
		{"HalfHourSecondPass", "Australia/Lord_Howe", time.Date(2026, 4, 4, 15, 5, 0, 0, time.UTC), "2026-04-05T01:45", "Scheduled for Sun Apr 5, 2026 01:45 +1030.", time.Date(2026, 4, 4, 15, 15, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := a.store.SetTimeZone(ctxAs(a, "admin"), tt.zone); err != nil {
				t.Fatal(err)
			}
			a.clock.Add(tt.now.Sub(a.clock.Now()))
			d := a.draft(newsroom.StageApproved)
			res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/publish", d.ID), url.Values{"when": {"schedule"}, "at": {tt.at}})
			if tt.wantAt.IsZero() {
				wantStatus(t, res, http.StatusUnprocessableEntity)
				wantBody(t, res, html.EscapeString(tt.want))
				return
			}
			wantScheduled(t, a, res, d.ID, tt.want, tt.wantAt)
		})
	}
}

// wantScheduled fails the test unless res, the answer to the publish form, says want and the
// piece id is scheduled for at.
func wantScheduled(t *testing.T, a *testApp, res *httptest.ResponseRecorder, id int64, want string, at time.Time) {
	t.Helper()
	wantStatus(t, res, http.StatusSeeOther)
	if got := flashOf(res); got != want {
		t.Fatalf("flash %q, want %q", got, want)
	}
	got, err := a.store.GetDraft(ctxAs(a, "editor"), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ScheduledAt == nil || !got.ScheduledAt.Equal(at) {
		t.Fatalf("scheduled for %v, want %v", got.ScheduledAt, at)
	}
}

// TestPublishedPieceHasNoDeskToGive: a published piece comes to no desk again, so its page
// offers nobody a Claim or an Assign form for one, and the API refuses to give one; whoever
// still holds one can be taken off it, on the page as in the API, to free their list. A piece
// under way keeps both for every desk it can still come to.
func TestPublishedPieceHasNoDeskToGive(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	editor := a.users["editor"].ID
	wantBody(t, a.page("editor", "GET", page, nil), `class="inline claim"`, `Assign and set due times`, `<button type="submit">Assign</button>`)
	wantStatus(t, a.do("editor", "PUT", path+"/assignees/editing", fmt.Sprintf(`{"user_id":%d}`, editor)), http.StatusOK)
	wantStatus(t, a.do("editor", "POST", path+"/publish", ""), http.StatusOK)

	body := a.page("editor", "GET", page, nil).Body.String()
	for _, offer := range []string{`class="inline claim"`, `<button type="submit">Assign</button>`} {
		if strings.Contains(body, offer) {
			t.Errorf("the published piece's page offers %s", offer)
		}
	}
	res := a.do("factchecker", "PUT", path+"/assignees/fact_check", fmt.Sprintf(`{"user_id":%d}`, a.users["factchecker"].ID))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "will not come to Fact-check again")
	res = a.page("editor", "POST", page+"/assignees/fact_check", url.Values{"user_id": {fmt.Sprint(a.users["factchecker"].ID)}})
	if !strings.Contains(flashOf(res), "will not come to Fact-check again") {
		t.Errorf("the page's assign form was not refused: %d, flash %q", res.Code, flashOf(res))
	}
	// The editor still holding Editing can be taken off it from the page, which offers nothing else.
	wantBody(t, a.page("editor", "GET", page, nil), `Take <bdi>Editor</bdi> off Editing</button>`)
	res = a.page("editor", "POST", page+"/assignees/editing", url.Values{"user_id": {""}})
	if flashOf(res) != "Editing is left to nobody: the piece waits in the desk's pool." {
		t.Errorf("taking the editor off Editing: %d, flash %q", res.Code, flashOf(res))
	}
	d2, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
	if err != nil || len(d2.Assignees) != 0 {
		t.Fatalf("after taking the editor off Editing the piece is held at %v (%v)", d2.Assignees, err)
	}
	if strings.Contains(a.page("editor", "GET", page, nil).Body.String(), "Take <bdi>Editor</bdi> off Editing") {
		t.Error("the page still offers to take the editor off Editing")
	}
}

// TestDeadlineAPI sets and clears due times over the API: due_at is required, null clears it,
// and a body without it is refused rather than taken as a clearing, so that a client's
// forgotten field never drops a deadline.
func TestDeadlineAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	path := fmt.Sprintf("/api/v1/drafts/%d/deadlines", d.ID)
	tests := []struct {
		name, body    string
		wantStatus    int
		wantContains  string
		wantDeadlines int
	}{
		{"Set", `{"stage":"","due_at":"2026-03-30T17:00:00Z"}`, 200, `"deadlines":[{"stage":"","due_at":"2026-03-30T17:00:00Z"}]`, 1},
		{"ErrNoDueAt", `{"stage":""}`, 422, "give due_at", 1},
		{"ErrEmptyObject", `{}`, 422, "give due_at", 1},
		{"ErrDueAtWrongType", `{"due_at":5}`, 400, "malformed", 1},
		{"Clear", `{"stage":"","due_at":null}`, 200, `"deadlines":[]`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("editor", "PUT", path, tt.body)
			wantStatus(t, res, tt.wantStatus)
			if !strings.Contains(res.Body.String(), tt.wantContains) {
				t.Fatalf("body %s lacks %q", res.Body.String(), tt.wantContains)
			}
			got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Deadlines) != tt.wantDeadlines {
				t.Fatalf("draft has deadlines %v, want %d", got.Deadlines, tt.wantDeadlines)
			}
		})
	}
}

// TestPublishNowWithATimeGiven: the publish form with a time to publish typed but "publish now"
// still chosen (the time's field is reached without ticking its choice) publishes nothing, and
// comes back with the time typed; publish now without a time, and schedule with one, go ahead.
func TestPublishNowWithATimeGiven(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name      string
		form      url.Values
		wantStage newsroom.Stage
	}{
		{"ErrNowWithATime", url.Values{"when": {"now"}, "at": {"2099-07-01T09:00"}}, newsroom.StageApproved},
		{"ErrNoChoiceWithATime", url.Values{"at": {"2099-07-01T09:00"}}, newsroom.StageApproved},
		{"NowWithoutATime", url.Values{"when": {"now"}, "at": {""}}, newsroom.StagePublished},
		{"ScheduleWithATime", url.Values{"when": {"schedule"}, "at": {"2099-07-01T09:00"}}, newsroom.StageScheduled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageApproved)
			res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/publish", d.ID), tt.form)
			got, err := a.store.GetDraft(ctxAs(a, "editor"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != tt.wantStage {
				t.Fatalf("the piece is %s, want %s", got.Stage, tt.wantStage)
			}
			if tt.wantStage == newsroom.StageApproved {
				wantStatus(t, res, http.StatusUnprocessableEntity)
				wantBody(t, res, "not published: a time to publish is given, but “publish now” is chosen", `name="at" value="2099-07-01T09:00"`)
			}
		})
	}
}
