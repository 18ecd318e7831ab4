package store_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// inboxNow is when the inbox tests happen: 16:00 in New York, 20:00 UTC.
var inboxNow = time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC)

// assign makes userCtx's user the assignee of draft id at stage, as the fixture's editor.
func (f *newsroomFixture) assign(t testing.TB, id int64, stage newsroom.Stage, userCtx context.Context) {
	t.Helper()
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: id, Stage: stage, UserID: newsroom.UserFrom(userCtx).ID}); err != nil {
		t.Fatal(err)
	}
}

// submitted creates a draft by ctx's writer with an unchecked quote and sends it to fact-check.
func (f *newsroomFixture) submitted(t *testing.T, ctx context.Context, title string) *newsroom.Draft {
	t.Helper()
	text := sampleText(title)
	d, err := f.s.CreateDraft(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	if d, err = f.s.Transition(ctx, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	return d
}

// inboxOf lists ctx's inbox as "kind title" lines.
func inboxOf(t *testing.T, s *store.Store, ctx context.Context) []string {
	t.Helper()
	es, err := s.Inbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s", e.Kind, e.Piece.Title))
	}
	slices.Sort(out)
	return out
}

// TestInboxWhoSeesWhat builds a small newsroom's day and checks, per person, what waits on them:
// each kind of entry for the role it is for, nothing on pieces a person may not see, and
// nothing of another writer's.
func TestInboxWhoSeesWhat(t *testing.T) {
	fake := clock.NewFake(inboxNow)
	f := newNewsroomAt(t, store.Options{Clock: fake})
	_, err := f.s.DB().Exec("INSERT INTO settings (key, value, updated_at) VALUES ('time_zone', 'America/New_York', $1)", inboxNow)
	if err != nil {
		t.Fatal(err)
	}

	// Quotes: one piece assigned to Fiona at fact-check, one in its pool.
	mine := f.submitted(t, f.writer, "Assigned")
	f.assign(t, mine.ID, newsroom.StageFactCheck, f.checker)
	f.submitted(t, f.other, "Pool")

	// Returned: Sarah's piece, sent back with a note.
	back := f.draftIn(t, newsroom.StageEditing)
	back, err = f.s.Transition(f.editor, back.ID, newsroom.TransitionRequest{Action: newsroom.ActionRequestChanges, Note: "Tighten the lede."})
	if err != nil {
		t.Fatal(err)
	}

	// Threads: Ed's comment on Otto's piece, with a reply addressed to Fiona; Ed mentions Ada.
	talk, err := f.s.CreateDraft(f.other, newsroom.Text{Title: "Talk", Byline: "Otto", Brief: "A brief.", Body: commentBody})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.other, talk.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	f.verifyAll(t, talk.ID)
	if _, err := f.s.Transition(f.checker, talk.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	c := f.commentOn(t, f.editor, talk.ID, 0, 7, "Is this right, @ada?")
	if _, err := f.s.Reply(f.editor, c.ID, newsroom.NewReply{Body: "Fiona, you checked it?", To: []string{"fiona"}}); err != nil {
		t.Fatal(err)
	}

	// Scheduled: Ed approved it; it goes out at 22:00 in New York, which is tomorrow in UTC.
	out := f.draftIn(t, newsroom.StageApproved)
	if _, err := f.s.Publish(f.editor, out.ID, inboxNow.Add(6*time.Hour), 0); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		ctx  context.Context
		want []string
	}{
		{"WriterOwnPieces", f.writer, []string{"returned Draft in editing"}},
		{"OtherWriter", f.other, []string{"threads Talk"}},
		{"FactChecker", f.checker, []string{"assigned Assigned", "quotes Assigned", "quotes Pool", "threads Talk"}},
		// The editor may check quotes at fact-check, but the pool there waits on the fact-checkers.
		{"Editor", f.editor, []string{"scheduled Draft in approved"}},
		{"Admin", f.admin, []string{"mentions Talk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inboxOf(t, f.s, tt.ctx); !slices.Equal(got, tt.want) {
				t.Fatalf("inbox = %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("TodayInTheNewsroomsZone", func(t *testing.T) {
		if _, err := f.s.DB().Exec("UPDATE settings SET value = 'UTC' WHERE key = 'time_zone'"); err != nil {
			t.Fatal(err)
		}
		defer f.s.DB().Exec("UPDATE settings SET value = 'America/New_York' WHERE key = 'time_zone'")
		if got := inboxOf(t, f.s, f.editor); slices.Contains(got, "scheduled Draft in approved") {
			t.Fatalf("in UTC the piece goes out tomorrow, and the editor's inbox is %q", got)
		}
	})
	t.Run("AnsweredLeaves", func(t *testing.T) {
		if _, err := f.s.Reply(f.editor, c.ID, newsroom.NewReply{Body: "@fiona, and this?"}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, f.s, f.checker); !slices.Contains(got, "mentions Talk") || !slices.Contains(got, "threads Talk") {
			t.Fatalf("Fiona was mentioned and addressed, and her inbox is %q", got)
		}
		if _, err := f.s.Reply(f.checker, c.ID, newsroom.NewReply{Body: "Yes."}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, f.s, f.checker); slices.Contains(got, "mentions Talk") || slices.Contains(got, "threads Talk") {
			t.Fatalf("Fiona answered, and her inbox still holds %q", got)
		}
		if got := inboxOf(t, f.s, f.other); !slices.Equal(got, []string{"threads Talk"}) {
			t.Fatalf("Fiona wrote last on Otto's piece, whose inbox is %q", got)
		}
	})
	t.Run("ResolvedLeaves", func(t *testing.T) {
		if _, err := f.s.ResolveComment(f.editor, c.ID); err != nil {
			t.Fatal(err)
		}
		for _, ctx := range []context.Context{f.other, f.admin} {
			if got := inboxOf(t, f.s, ctx); len(got) != 0 {
				t.Fatalf("a resolved thread is still in the inbox: %q", got)
			}
		}
	})
	t.Run("InvisibleLeaves", func(t *testing.T) {
		f.commentOn(t, f.editor, talk.ID, 0, 7, "@fiona once more")
		if got := inboxOf(t, f.s, f.checker); !slices.Contains(got, "mentions Talk") {
			t.Fatalf("Fiona's inbox %q lacks her mention", got)
		}
		if _, err := f.s.Transition(f.editor, talk.ID, newsroom.TransitionRequest{Action: newsroom.ActionRequestChanges, Note: "Again."}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, f.s, f.checker); slices.Contains(got, "mentions Talk") {
			t.Fatalf("a fact-checker's inbox holds a mention on a draft she cannot see: %q", got)
		}
		if got := inboxOf(t, f.s, f.other); !slices.Equal(got, []string{"returned Talk", "threads Talk"}) {
			t.Fatalf("Otto's inbox = %q", got)
		}
	})
	t.Run("MovedOnLeaves", func(t *testing.T) {
		if _, err := f.s.Transition(f.writer, back.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, f.s, f.writer); len(got) != 0 {
			t.Fatalf("Sarah sent her piece on, and her inbox holds %q", got)
		}
	})
}

// TestInboxDone marks entries done: a thread leaves the inbox until a new reply, which brings it
// back under a new key; an entry that is not in the inbox cannot be marked.
func TestInboxDone(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	c := f.commentOn(t, f.editor, d.ID, 0, 7, "Mexican?")
	es, err := f.s.Inbox(f.writer)
	if err != nil || len(es) != 1 || es[0].Entry != fmt.Sprintf("thread:%d@0", c.ID) || es[0].Link != newsroom.ThreadLink(d.ID, c.ID) {
		t.Fatalf("inbox = %+v, %v", es, err)
	}
	if err := f.s.MarkInboxDone(f.writer, es[0].Entry); err != nil {
		t.Fatal(err)
	}
	if got := inboxOf(t, f.s, f.writer); len(got) != 0 {
		t.Fatalf("after marking it done the inbox holds %q", got)
	}
	wantCode(t, f.s.MarkInboxDone(f.writer, es[0].Entry), newsroom.ENOTFOUND)
	wantCode(t, f.s.MarkInboxDone(f.other, es[0].Entry), newsroom.ENOTFOUND)
	wantCode(t, f.s.MarkInboxDone(f.writer, " "), newsroom.EINVALID)

	r, err := f.s.Reply(f.editor, c.ID, newsroom.NewReply{Body: "Well?"})
	if err != nil {
		t.Fatal(err)
	}
	es, err = f.s.Inbox(f.writer)
	if err != nil || len(es) != 1 || es[0].Entry != fmt.Sprintf("thread:%d@%d", c.ID, r.Replies[0].ID) || es[0].Note != "Well?" {
		t.Fatalf("after a new reply the inbox = %+v, %v", es, err)
	}
}

// TestInboxAssignmentComesBackWithThePiece holds that marking an assignment done hides it only
// until something new happens: a piece that leaves the desk and comes back to it is new work
// for its assignee, and must be in their inbox again.
func TestInboxAssignmentComesBackWithThePiece(t *testing.T) {
	f := newNewsroom(t)
	d := f.submitted(t, f.writer, "Comes back")
	checker := newsroom.UserFrom(f.checker)
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: checker.ID}); err != nil {
		t.Fatal(err)
	}
	entry := assignedEntry(t, f, "Comes back")
	if entry == "" {
		t.Fatalf("Fiona's inbox has no assignment: %q", inboxOf(t, f.s, f.checker))
	}
	if err := f.s.MarkInboxDone(f.checker, entry); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Source the second quote."}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	if assignedEntry(t, f, "Comes back") == "" {
		t.Fatalf("the piece came back to Fiona's desk, still assigned to her, and her inbox holds only %q: "+
			"the assigned entry's key (%q) did not change, so the old 'done' hides the new work", inboxOf(t, f.s, f.checker), entry)
	}
}

// TestInboxQuotesDoneStaysDoneAfterACheck holds that the quotes entry's key only grows: checking
// the newest of two waiting quotes brings nothing new, so the entry marked done stays away; a
// key made of the newest unchecked quote would fall back to the older one's and show it again.
func TestInboxQuotesDoneStaysDoneAfterACheck(t *testing.T) {
	f := newNewsroom(t)
	text := textWith("Two quotes", "She said “one thing” and then “another thing” too.")
	d, err := f.s.CreateDraft(f.writer, text)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.checker, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes = %+v, %v; want two", qs, err)
	}
	entry := inboxEntryOf(t, f, newsroom.InboxQuotes, "Two quotes")
	if err := f.s.MarkInboxDone(f.checker, entry); err != nil {
		t.Fatal(err)
	}
	newest := qs[0]
	for _, q := range qs {
		if q.ID > newest.ID {
			newest = q
		}
	}
	if _, err := f.s.CheckQuote(f.checker, d.ID, newest.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	if got := inboxEntryOf(t, f, newsroom.InboxQuotes, "Two quotes"); got != "" {
		t.Fatalf("checking a quote brought the done quotes entry back as %q (was %q)", got, entry)
	}
}

// assignedEntry is the key of the assigned entry for the piece called title in the checker's
// inbox, or "".
func assignedEntry(t *testing.T, f *newsroomFixture, title string) string {
	t.Helper()
	return inboxEntryOf(t, f, newsroom.InboxAssigned, title)
}

// inboxEntryOf is the key of the entry of kind for the piece called title in the checker's
// inbox, or "".
func inboxEntryOf(t *testing.T, f *newsroomFixture, kind newsroom.InboxKind, title string) string {
	t.Helper()
	es, err := f.s.Inbox(f.checker)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Kind == kind && e.Piece.Title == title {
			return e.Entry
		}
	}
	return ""
}

// TestInboxScheduledTodayInTheNewsroomsZone: "today" for a scheduled piece is the day in the
// newsroom's zone by the one rule every part keeps: the zone an admin set, else the server's
// --time-zone (Options.TimeZone), else UTC. The piece goes out at 22:00 in New York, tomorrow
// in UTC.
func TestInboxScheduledTodayInTheNewsroomsZone(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		flag  *time.Location
		admin string
		want  bool
	}{
		{"FlagOnly", newYork, "", true},
		{"Neither", nil, "", false},
		{"AdminOverFlag", newYork, "UTC", false},
		{"AdminOnly", nil, "America/New_York", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroomAt(t, store.Options{Clock: clock.NewFake(inboxNow), TimeZone: tt.flag})
			if tt.admin != "" {
				if err := f.s.SetTimeZone(f.admin, tt.admin); err != nil {
					t.Fatal(err)
				}
			}
			out := f.draftIn(t, newsroom.StageApproved)
			if _, err := f.s.Publish(f.editor, out.ID, inboxNow.Add(6*time.Hour), 0); err != nil {
				t.Fatal(err)
			}
			got := inboxOf(t, f.s, f.editor)
			if slices.Contains(got, "scheduled Draft in approved") != tt.want {
				t.Fatalf("the editor's inbox is %q; scheduled today: want %v", got, tt.want)
			}
		})
	}
}

// TestPools counts the pieces waiting at each desk with nobody assigned, for whoever may be
// assigned there: a fact-checker sees the fact-check desk's pool, an editor the editing desk's,
// a writer none; an assignment or a claim takes a piece out of its pool.
func TestPools(t *testing.T) {
	f := newNewsroom(t)
	f.submitted(t, f.writer, "Waiting")
	held := f.submitted(t, f.other, "Held")
	f.assign(t, held.ID, newsroom.StageFactCheck, f.checker)
	d, err := f.s.CreateDraft(f.writer, sampleText("At editing"))
	if err != nil {
		t.Fatal(err)
	}
	d = f.walk(t, d, newsroom.StageEditing)
	pools := func(ctx context.Context) map[newsroom.Stage]int {
		t.Helper()
		got, err := f.s.Pools(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	tests := []struct {
		name string
		ctx  context.Context
		want map[newsroom.Stage]int
	}{
		{"FactChecker", f.checker, map[newsroom.Stage]int{newsroom.StageFactCheck: 1}},
		{"Editor", f.editor, map[newsroom.Stage]int{newsroom.StageEditing: 1}},
		{"Writer", f.writer, map[newsroom.Stage]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pools(tt.ctx); !maps.Equal(got, tt.want) {
				t.Fatalf("Pools = %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageEditing, UserID: newsroom.UserFrom(f.editor).ID}); err != nil {
		t.Fatal(err)
	}
	if got := pools(f.editor); len(got) != 0 {
		t.Fatalf("after the claim, Pools = %v, want none", got)
	}
}
