package store_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// listener collects the events a store delivers. Delivery after a commit runs on the goroutine
// that made the change, so what a call recorded is there when it returns.
type listener struct{ events []newsroom.Event }

func listen(s *store.Store) *listener {
	l := &listener{}
	s.Subscribe(func(e newsroom.Event) { l.events = append(l.events, e) })
	return l
}

// take returns the events heard since the last take.
func (l *listener) take() []newsroom.Event {
	evs := l.events
	l.events = nil
	return evs
}

// eventRows counts the rows of the events table.
func eventRows(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT COUNT(*) FROM events").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEventsRecordedByEachWrite takes every kind of change through the store and checks that
// each records its event in the events table and delivers it once committed, with its kind,
// action, draft, actor and subject; a change refused, or a save that lost a version race,
// records none.
func TestEventsRecordedByEachWrite(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	l := listen(f.s)
	writer, checker, editor, admin := newsroom.UserFrom(f.writer), newsroom.UserFrom(f.checker), newsroom.UserFrom(f.editor), newsroom.UserFrom(f.admin)
	ctx := context.Background()
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var d, due *newsroom.Draft
	var comment *newsroom.Comment
	var token, spare string
	var session *store.WebSession
	var quoteID, newbie int64
	transition := func(ctx context.Context, a newsroom.Action) error {
		_, err := f.s.Transition(ctx, d.ID, newsroom.TransitionRequest{Action: a})
		return err
	}
	draftOf := func() int64 { return d.ID }
	// want is the event a step records; a zero kind means none. draft and subject are read
	// after the step, once what it makes exists.
	type want struct {
		kind    newsroom.EventKind
		action  string
		draft   func() int64
		actor   *newsroom.User
		subject *int64
	}
	none := want{}
	tests := []struct {
		name string
		run  func() error
		want want
	}{
		{"CreateDraft", func() (err error) {
			d, err = f.s.CreateDraft(f.writer, sampleText("Events"))
			return err
		}, want{newsroom.EventDrafted, "create", draftOf, writer, nil}},
		{"Import", func() (err error) {
			due, err = f.s.Import(f.editor, "sarah", seed, publish.DefaultFooter)
			return err
		}, want{newsroom.EventDrafted, "import", func() int64 { return due.ID }, editor, nil}},
		{"UpdateDraft", func() error {
			body := "A new “quoted” body."
			_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1})
			return err
		}, want{newsroom.EventSaved, "save", draftOf, writer, nil}},
		{"StaleSave", func() error {
			body := "Lost the race."
			_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1})
			if newsroom.ErrorCode(err) != newsroom.ECONFLICT {
				return err
			}
			return nil
		}, none},
		{"Transition", func() error { return transition(f.writer, newsroom.ActionSubmit) },
			want{newsroom.EventTransitioned, "submit", draftOf, writer, nil}},
		{"RefusedTransition", func() error {
			if err := transition(f.writer, newsroom.ActionSubmit); newsroom.ErrorCode(err) != newsroom.ECONFLICT {
				return err
			}
			return nil
		}, none},
		{"CheckQuote", func() error {
			qs, err := f.s.Quotes(f.checker, d.ID)
			if err != nil {
				return err
			}
			quoteID = qs[0].ID
			_, err = f.s.CheckQuote(f.checker, d.ID, quoteID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "No record."})
			return err
		}, want{newsroom.EventQuoteChecked, "check", draftOf, checker, nil}},
		{"WaiveQuote", func() error {
			_, err := f.s.WaiveQuote(f.editor, d.ID, quoteID, newsroom.QuoteNote{Note: "Said on air."})
			return err
		}, want{newsroom.EventQuoteChecked, "waive", draftOf, editor, nil}},
		{"Clear", func() error { return transition(f.checker, newsroom.ActionClear) },
			want{newsroom.EventTransitioned, "clear", draftOf, checker, nil}},
		{"CreateComment", func() (err error) {
			comment, err = f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "body"}, Body: "Source?"})
			return err
		}, want{newsroom.EventCommented, "comment", draftOf, editor, nil}},
		{"Reply", func() error {
			_, err := f.s.Reply(f.writer, comment.ID, newsroom.NewReply{Body: "The minutes."})
			return err
		}, want{newsroom.EventCommented, "reply", draftOf, writer, nil}},
		{"ResolveComment", func() error {
			_, err := f.s.ResolveComment(f.editor, comment.ID)
			return err
		}, want{newsroom.EventCommented, "resolve_comment", draftOf, editor, nil}},
		{"ReopenComment", func() error {
			_, err := f.s.ReopenComment(f.editor, comment.ID)
			return err
		}, want{newsroom.EventCommented, "reopen_comment", draftOf, editor, nil}},
		{"Approve", func() error {
			_, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Force: true, Note: "Minor."})
			return err
		}, want{newsroom.EventTransitioned, "approve", draftOf, editor, nil}},
		{"Schedule", func() error {
			_, err := f.s.Publish(f.editor, d.ID, clk.Now().Add(time.Hour), 0)
			return err
		}, want{newsroom.EventTransitioned, "schedule", draftOf, editor, nil}},
		{"Unschedule", func() error { return transition(f.editor, newsroom.ActionUnschedule) },
			want{newsroom.EventTransitioned, "unschedule", draftOf, editor, nil}},
		{"PublishNow", func() error {
			_, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
			return err
		}, want{newsroom.EventPublished, "publish", draftOf, editor, nil}},
		{"Correct", func() error {
			_, err := f.s.Correct(f.editor, publish.Slug(d.Title), newsroom.CorrectionRequest{Note: "Fixed a name."})
			return err
		}, want{newsroom.EventCorrected, "correct", draftOf, editor, nil}},
		{"Release", func() error {
			f.walk(t, due, newsroom.StageApproved)
			if _, err := f.s.Publish(f.editor, due.ID, clk.Now().Add(time.Minute), 0); err != nil {
				return err
			}
			l.take()
			clk.Add(time.Minute)
			_, err := f.s.ReleaseDue(ctx)
			return err
		}, want{newsroom.EventReleased, "release", func() int64 { return due.ID }, editor, nil}},
		{"CreateUser", func() error {
			u, err := f.s.CreateUser(f.admin, store.NewUser{Username: "newbie", Role: newsroom.RoleWriter, Password: "tulip-lantern-42"})
			if u != nil {
				newbie = u.ID
			}
			return err
		}, want{newsroom.EventUserChanged, "create_user", nil, admin, &newbie}},
		{"UpdateUser", func() error {
			role := newsroom.RoleEditor
			_, err := f.s.UpdateUser(f.admin, checker.ID, store.UserChange{Role: &role})
			return err
		}, want{newsroom.EventUserChanged, "update_user", nil, admin, &checker.ID}},
		{"UnchangedUser", func() error {
			role := newsroom.RoleEditor
			_, err := f.s.UpdateUser(f.admin, checker.ID, store.UserChange{Role: &role})
			return err
		}, none},
		{"ResetPassword", func() error {
			_, _, err := f.s.ResetPassword(f.admin, checker.ID)
			return err
		}, want{newsroom.EventUserChanged, "reset_password", nil, admin, &checker.ID}},
		{"SetPassword", func() error {
			_, err := f.s.SetPassword(store.AsOperator(ctx), "fiona", "tulip-lantern-43")
			return err
		}, want{newsroom.EventUserChanged, "set_password", nil, nil, &checker.ID}},
		{"ChangePassword", func() (err error) {
			if token, _, _, err = f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"}); err != nil {
				return err
			}
			if spare, _, _, err = f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"}); err != nil {
				return err
			}
			return f.s.ChangePassword(f.writer, store.PasswordChange{Current: "pw-sarah-staple", New: "tulip-lantern-44", Keep: token})
		}, want{newsroom.EventUserChanged, "change_password", nil, writer, &writer.ID}},
		{"Logout", func() error { return f.s.Logout(f.writer, token) },
			want{newsroom.EventUserChanged, "logout", nil, writer, &writer.ID}},
		{"RevokeOtherCredentials", func() (err error) {
			if spare, _, _, err = f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "tulip-lantern-44"}); err != nil {
				return err
			}
			_, err = f.s.RevokeOtherCredentials(f.writer, store.Presented{})
			return err
		}, want{newsroom.EventUserChanged, "revoke_others", nil, writer, &writer.ID}},
		{"RevokeCredential", func() (err error) {
			if spare, _, _, err = f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "tulip-lantern-44"}); err != nil {
				return err
			}
			creds, err := f.s.Credentials(f.writer, store.Presented{Kind: newsroom.CredentialToken, Secret: spare})
			if err != nil {
				return err
			}
			return f.s.RevokeCredential(f.writer, creds[0].ID)
		}, want{newsroom.EventUserChanged, "revoke", nil, writer, &writer.ID}},
		{"SignOut", func() (err error) {
			if session, err = f.s.SignIn(ctx, store.SignInRequest{Username: "sarah", Password: "tulip-lantern-44"}); err != nil {
				return err
			}
			return f.s.SignOut(ctx, session.Cookie)
		}, want{newsroom.EventUserChanged, "sign_out", nil, writer, &writer.ID}},
		{"SignOutAgain", func() error { return f.s.SignOut(ctx, session.Cookie) }, none},
	}
	for _, tt := range tests {
		rows := eventRows(t, f.s)
		l.take()
		if err := tt.run(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, w := l.take(), tt.want
		if w.kind == "" {
			if len(got) != 0 || eventRows(t, f.s) != rows {
				t.Errorf("%s: recorded %+v, want no event", tt.name, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%s: heard %+v, want one %s event", tt.name, got, w.kind)
			continue
		}
		e := got[0]
		var draft, actor, subject int64
		if w.draft != nil {
			draft = w.draft()
		}
		if w.actor != nil {
			actor = w.actor.ID
		}
		if w.subject != nil {
			subject = *w.subject
		}
		if e.Kind != w.kind || e.Action != w.action || e.DraftID != draft || e.ActorID != actor || e.SubjectID != subject || !e.Local || e.ID == 0 {
			t.Errorf("%s: heard %+v, want %s %q on draft %d by %d about user %d", tt.name, e, w.kind, w.action, draft, actor, subject)
		}
		var kind, action string
		if err := f.s.DB().QueryRow("SELECT kind, action FROM events WHERE id = $1", e.ID).Scan(&kind, &action); err != nil || kind != string(w.kind) || action != w.action {
			t.Errorf("%s: the events table holds %q %q (%v) under id %d", tt.name, kind, action, err, e.ID)
		}
	}
}

// TestEventsCommitWithTheirChange checks that an event is part of its change's transaction:
// when it cannot be written the change is rolled back and nothing is delivered, and a
// delivered event is already committed, visible to every other connection.
func TestEventsCommitWithTheirChange(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Atomic"))
	refuse := "CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no events'); END"
	if storetest.Postgres() {
		refuse = "CREATE TRIGGER refuse_events BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION append_only('no events')"
	}
	if _, err := f.s.DB().Exec(refuse); err != nil {
		t.Fatal(err)
	}
	var committed []bool
	f.s.Subscribe(func(e newsroom.Event) {
		var n int
		err := f.s.DB().QueryRow("SELECT COUNT(*) FROM events WHERE id = $1", e.ID).Scan(&n)
		committed = append(committed, err == nil && n == 1)
	})
	body := "Saved with its event, or not at all."
	save := newsroom.DraftUpdate{Body: &body, Version: 1}
	if _, err := f.s.UpdateDraft(f.writer, d.ID, save); err == nil || !strings.Contains(err.Error(), "no events") {
		t.Fatalf("a save whose event cannot be written: %v", err)
	}
	if got, _ := f.s.GetDraft(f.writer, d.ID); got.Version != 1 || len(committed) != 0 {
		t.Fatalf("after the failed save: version %d, %d events delivered; want 1 and none", got.Version, len(committed))
	}
	if _, err := f.s.DB().Exec("DROP TRIGGER refuse_events" + map[bool]string{true: " ON events"}[storetest.Postgres()]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateDraft(f.writer, d.ID, save); err != nil {
		t.Fatal(err)
	}
	if len(committed) != 1 || !committed[0] {
		t.Fatalf("delivered %v; want one event, committed before it was delivered", committed)
	}
}

// TestEventsReachOtherStores opens two stores on one database, as two servers: each delivers
// its own events at once, and the other's, in order, when it catches up; neither delivers its
// own twice. A store catching up for the first time without having migrated only marks its
// place.
func TestEventsReachOtherStores(t *testing.T) {
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{})}
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	there := openMigrated(t, dsn, store.Options{})
	late, err := store.Open(dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer late.Close()
	here, heard, lateHeard := listen(f.s), listen(there), listen(late)
	catchUp := func(s *store.Store) {
		t.Helper()
		if err := s.CatchUp(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	catchUp(late)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Two servers"))
	body := "Saved here."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	mine := here.take()
	if len(heard.events) != 0 {
		t.Fatalf("the other store heard %+v before catching up", heard.events)
	}
	catchUp(there)
	catchUp(late)
	catchUp(f.s)
	theirs := heard.take()
	if len(mine) != 3 || len(theirs) != len(mine) {
		t.Fatalf("this store heard %d events, the other %d; want 3 each", len(mine), len(theirs))
	}
	for i, e := range theirs {
		want := mine[i]
		want.Local = false
		if e != want || i > 0 && e.ID <= theirs[i-1].ID {
			t.Errorf("event %d: the other store heard %+v, want %+v, in order", i, e, want)
		}
	}
	if late := lateHeard.take(); len(late) != 3 {
		t.Errorf("a store that marked its place before the changes heard %d of them, want 3", len(late))
	}
	if again := here.take(); len(again) != 0 {
		t.Errorf("catching up, this store delivered its own events again: %+v", again)
	}
	catchUp(there)
	if again := heard.take(); len(again) != 0 {
		t.Errorf("catching up twice delivered %+v again", again)
	}
}

// TestEventsAppendOnly: the database refuses to change or delete an event, as it does the audit
// trail.
func TestEventsAppendOnly(t *testing.T) {
	f := newNewsroom(t)
	if _, err := f.s.CreateDraft(f.writer, sampleText("Kept")); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{"UPDATE events SET action = 'forged'", "DELETE FROM events"} {
		if _, err := f.s.DB().Exec(stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", stmt, err)
		}
	}
}

// TestEventListenerPanics has one listener panic on every event: the change it hears of has
// committed, so the write still succeeds, and the listeners after it still hear every event.
func TestEventListenerPanics(t *testing.T) {
	f := newNewsroom(t)
	f.s.Subscribe(func(newsroom.Event) { panic("a listener's own bug") })
	var heard []newsroom.EventKind
	f.s.Subscribe(func(e newsroom.Event) { heard = append(heard, e.Kind) })
	d, err := f.s.CreateDraft(f.writer, sampleText("Survives"))
	if err != nil {
		t.Fatalf("create with a panicking listener: %v", err)
	}
	body := "Still saved."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
		t.Fatalf("save with a panicking listener: %v", err)
	}
	if got, _ := f.s.GetDraft(f.writer, d.ID); got.Version != 2 {
		t.Fatalf("version %d after the save, want 2", got.Version)
	}
	if want := []newsroom.EventKind{newsroom.EventDrafted, newsroom.EventSaved}; !slices.Equal(heard, want) {
		t.Fatalf("the next listener heard %v, want %v", heard, want)
	}
}
