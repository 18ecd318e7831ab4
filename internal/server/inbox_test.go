package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/web"
)

// TestInboxPages shows each person their inbox on its page, with the count in the header and by
// kind on the desk, links to the exact place, a comment's @names set apart and escaped, and a
// button that marks an entry done.
func TestInboxPages(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	start, end := 0, 4
	c, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end,
		Body: "@factchecker <b>look</b>, @writer too"})
	if err != nil {
		t.Fatal(err)
	}
	thread := newsroom.ThreadLink(d.ID, c.ID)
	tests := []struct {
		name       string
		actor      string
		target     string
		wantStatus int
		want       []string
		wantNot    []string
	}{
		{"WriterInbox", "writer", "/inbox", 200, []string{"Threads waiting for your answer", thread, "on your piece", `<span class="visually-hidden"> (2 waiting)</span>`,
			"Mentions", `<span class="mention">@factchecker</span> &lt;b&gt;look&lt;/b&gt;`}, []string{"<b>look</b>"}},
		{"CheckerInbox", "factchecker", "/inbox", 200, []string{"Mentions", "Editor mentioned you in a comment", thread}, nil},
		// The piece waits at Editing with nobody assigned: not the editor's alone, but theirs to take.
		{"EditorPool", "editor", "/inbox", 200, []string{"Nothing is waiting on you alone.", "Waiting at your desk for anyone",
			`<a href="/desk?assignee=none&amp;stage=editing">1 piece at Editing</a>`}, []string{"Mark done", "waiting)"}},
		{"WriterNoPool", "writer", "/inbox", 200, nil, []string{"Waiting at your desk", "alone"}},
		{"CheckerNoPool", "factchecker", "/inbox", 200, nil, []string{"Waiting at your desk"}},
		{"DeskCounts", "writer", "/desk", 200, []string{`<a href="/inbox">Inbox: 1 thread, 1 mention</a>`}, nil},
		{"DeskCountsChecker", "factchecker", "/desk", 200, []string{`<a href="/inbox">Inbox: 1 mention</a>`}, nil},
		{"DraftPageHighlights", "editor", fmt.Sprintf("/drafts/%d", d.ID), 200, []string{`<span class="mention">@writer</span> too`, web.StaticPath("mentions.js")}, nil},
		{"SignedOut", "", "/inbox", http.StatusSeeOther, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, http.MethodGet, tt.target, nil)
			wantStatus(t, res, tt.wantStatus)
			for _, w := range tt.want {
				if !strings.Contains(res.Body.String(), w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(res.Body.String(), w) {
					t.Errorf("page holds %q", w)
				}
			}
		})
	}

	t.Run("PoolLinkListsThePiece", func(t *testing.T) {
		res := a.page("editor", http.MethodGet, "/desk?assignee=none&stage=editing", nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, fmt.Sprintf(`href="/drafts/%d"`, d.ID))
	})

	t.Run("ClaimEmptiesThePool", func(t *testing.T) {
		wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/assignees/editing", d.ID), fmt.Sprintf(`{"user_id":%d}`, a.users["editor"].ID)), http.StatusOK)
		body := a.page("editor", http.MethodGet, "/inbox", nil).Body.String()
		if strings.Contains(body, "Waiting at your desk") || !strings.Contains(body, "You took it at Editing") {
			t.Fatalf("after the claim the inbox shows: %s", body)
		}
	})

	t.Run("MarkDone", func(t *testing.T) {
		entry := fmt.Sprintf("thread:%d@0", c.ID)
		res := a.page("writer", http.MethodPost, "/inbox/done", url.Values{"entry": {entry}})
		wantStatus(t, res, http.StatusSeeOther)
		if res.Header().Get("Location") != "/inbox" {
			t.Fatalf("Location = %q", res.Header().Get("Location"))
		}
		if body := a.page("writer", http.MethodGet, "/inbox", nil).Body.String(); strings.Contains(body, "Threads waiting for your answer") {
			t.Fatalf("the entry marked done is still shown: %s", body)
		}
		res = a.page("writer", http.MethodPost, "/inbox/done", url.Values{"entry": {entry}})
		wantStatus(t, res, http.StatusSeeOther)
	})
}

// TestInboxAPI lists the caller's inbox over the API with its counts, and marks an entry done.
func TestInboxAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := a.comment(d.ID)
	res := a.do("writer", http.MethodGet, "/api/v1/inbox", "")
	wantStatus(t, res, http.StatusOK)
	type answer struct {
		Entries []newsroom.InboxEntry
		Counts  []newsroom.InboxCount
	}
	got := decode[answer](t, res)
	entry := fmt.Sprintf("thread:%d@0", cid)
	if len(got.Entries) != 1 || got.Entries[0].Entry != entry || got.Entries[0].Piece.ID != d.ID ||
		len(got.Counts) != 1 || got.Counts[0] != (newsroom.InboxCount{Kind: newsroom.InboxThreads, Count: 1}) {
		t.Fatalf("inbox = %+v", got)
	}
	if res.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control = %q", res.Header().Get("Cache-Control"))
	}
	wantStatus(t, a.do("other", http.MethodPost, "/api/v1/inbox/done", fmt.Sprintf(`{"entry":%q}`, entry)), http.StatusNotFound)
	wantStatus(t, a.do("writer", http.MethodPost, "/api/v1/inbox/done", fmt.Sprintf(`{"entry":%q}`, entry)), http.StatusNoContent)
	if got := decode[answer](t, a.do("writer", http.MethodGet, "/api/v1/inbox", "")); len(got.Entries) != 0 || len(got.Counts) != 0 {
		t.Fatalf("after marking it done, inbox = %+v", got)
	}
}

// TestMentionCandidatesPage answers the draft page's completion with the people who may read the
// piece, as JSON, and as not found to one who may not see it.
func TestMentionCandidatesPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	tests := []struct {
		name, actor, query string
		wantStatus         int
		want               []string
	}{
		{"EditorAsksForW", "editor", "w", 200, []string{"writer"}},
		{"EditorAsksForEveryone", "editor", "", 200, []string{"admin", "writer"}},
		{"NoFactCheckerOnADraft", "editor", "fact", 200, []string{}},
		{"OtherWriterCannotSee", "other", "w", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, http.MethodGet, fmt.Sprintf("/drafts/%d/people?q=%s", d.ID, tt.query), nil)
			wantStatus(t, res, tt.wantStatus)
			if tt.want == nil {
				return
			}
			got := []string{}
			for _, p := range decode[[]newsroom.Person](t, res) {
				got = append(got, p.Username)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("people = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInboxMarksDue marks each inbox entry's piece due soon or overdue by the due time that counts
// where it is (its stage's, else the piece's), on the page and in the API, as every list does:
// the inbox is where a fact-checker looks for what to do next, and a piece due in two hours
// looked the same there as one due next week.
func TestInboxMarksDue(t *testing.T) {
	a := newTestApp(t)
	now := a.clock.Now().Truncate(time.Minute)
	at := func(d time.Duration) *time.Time { t := now.Add(d); return &t }
	tests := []struct {
		name      string
		piece     *time.Time
		stage     *time.Time
		want      string
		wantDueAt *time.Time
	}{
		{"SoonByPiece", at(2 * time.Hour), nil, "due soon", at(2 * time.Hour)},
		{"OverdueByStage", at(72 * time.Hour), at(-time.Hour), "overdue", at(-time.Hour)},
		{"Later", at(72 * time.Hour), nil, "", at(72 * time.Hour)},
		{"None", nil, nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageFactCheck)
			if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: a.users["factchecker"].ID}); err != nil {
				t.Fatal(err)
			}
			for stage, due := range map[newsroom.Stage]*time.Time{"": tt.piece, newsroom.StageFactCheck: tt.stage} {
				if due == nil {
					continue
				}
				if _, err := a.store.SetDeadline(ctxAs(a, "editor"), newsroom.DeadlineChange{DraftID: d.ID, Stage: stage, At: due}); err != nil {
					t.Fatal(err)
				}
			}
			entry := regexp.MustCompile(fmt.Sprintf(`(?s)<a href="/drafts/%d"[^>]*>[^<]*</a>.*?</p>`, d.ID)).FindString(a.page("factchecker", "GET", "/inbox", nil).Body.String())
			if entry == "" {
				t.Fatal("the inbox does not list the piece assigned")
			}
			if tt.wantDueAt != nil && !strings.Contains(entry, "due "+tt.wantDueAt.UTC().Format("Mon Jan 2, 2006 15:04 MST")) {
				t.Errorf("the entry %q does not say when it is due", entry)
			}
			for _, badge := range []string{"due soon", "overdue"} {
				if strings.Contains(entry, `">`+badge+`</span>`) != (badge == tt.want) {
					t.Errorf("the entry %q: badge %q shown %v, want %q", entry, badge, !(badge == tt.want), tt.want)
				}
			}
			var got struct {
				Entries []newsroom.InboxEntry
			}
			res := a.do("factchecker", "GET", "/api/v1/inbox", "")
			wantStatus(t, res, http.StatusOK)
			if err := json.Unmarshal(res.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			for _, e := range got.Entries {
				if e.Piece.ID == d.ID && e.Kind == newsroom.InboxAssigned {
					if (e.Piece.DueAt == nil) != (tt.wantDueAt == nil) || e.Piece.DueAt != nil && !e.Piece.DueAt.Equal(*tt.wantDueAt) {
						t.Errorf("the API's piece is due %v, want %v", e.Piece.DueAt, tt.wantDueAt)
					}
				}
			}
		})
	}
}
