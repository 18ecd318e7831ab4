package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestAssignRacingDisableLeavesNoDeskHeld: on PostgreSQL, an editor gives a fact-checker a desk
// while an admin disables that fact-checker. Whichever commits first, the disabled fact-checker
// holds no desk afterwards: the assignment is refused, or made and then released by the disable.
// The assignment is held mid-way, after it has read the fact-checker, by a lock on the desk's
// row that a third connection holds while the disable runs.
func TestAssignRacingDisableLeavesNoDeskHeld(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := openMigrated(t, dsn, store.Options{})
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	checker, _ := mustUser(t, s, "fiona", newsroom.RoleFactChecker)
	editor, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
	admin, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	_, fay := mustUser(t, s, "fay", newsroom.RoleFactChecker)
	d, err := s.CreateDraft(writer, sampleText("Harbour"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assign(checker, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: me(checker).ID}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec("SELECT * FROM assignments WHERE draft_id = $1 FOR UPDATE", d.ID); err != nil {
		t.Fatal(err)
	}
	assigned := make(chan error, 1)
	go func() {
		_, err := s.Assign(editor, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fay.ID})
		assigned <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 1 })
	disabled := make(chan error, 1)
	go func() {
		yes := true
		_, err := s.UpdateUser(admin, fay.ID, store.UserChange{Disabled: &yes})
		disabled <- err
	}()
	waitUntil(t, func() bool { return len(disabled) == 1 || lockWaiters(t, db) >= 2 })
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-disabled; err != nil {
		t.Fatalf("disable: %v", err)
	}
	if err := <-assigned; err != nil && newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Fatalf("assign = %v, want done or refused as invalid", err)
	}
	read, err := s.GetDraft(editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := read.Assignees[newsroom.StageFactCheck]; a.ID == fay.ID {
		t.Fatalf("fay, disabled, holds the piece at fact-check")
	}
}

// TestAssignAndDisableAtOnce: on either database, assignments of many pieces' fact-check desks
// to a fact-checker racing an admin's disabling them leave the disabled fact-checker holding none.
func TestAssignAndDisableAtOnce(t *testing.T) {
	f := newNewsroom(t)
	_, fay := mustUser(t, f.s, "fay", newsroom.RoleFactChecker)
	var drafts []*newsroom.Draft
	for range 8 {
		drafts = append(drafts, f.draftIn(t, newsroom.StageFactCheck))
	}
	race(len(drafts)+1, func(i int) {
		if i == len(drafts) {
			yes := true
			if _, err := f.s.UpdateUser(f.admin, fay.ID, store.UserChange{Disabled: &yes}); err != nil {
				t.Error(err)
			}
			return
		}
		_, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: drafts[i].ID, Stage: newsroom.StageFactCheck, UserID: fay.ID})
		if err != nil && newsroom.ErrorCode(err) != newsroom.EINVALID {
			t.Errorf("assign = %v, want done or refused as invalid", err)
		}
	})
	for _, d := range drafts {
		read, err := f.s.GetDraft(f.editor, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := read.Assignees[newsroom.StageFactCheck]; a.ID == fay.ID {
			t.Errorf("fay, disabled, holds %q at fact-check", d.Title)
		}
	}
}

// lockWaiters counts the sessions of the database waiting for a lock.
func lockWaiters(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	err := db.QueryRowContext(context.Background(),
		"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitUntil polls done for up to ten seconds, failing the test if it never holds.
func waitUntil(t *testing.T, done func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if done() {
			return
		}
	}
	t.Fatal("waited ten seconds in vain")
}

// TestDeskBackInUseRacingDisable: on PostgreSQL, a piece comes back to fact-check, where a
// fact-checker held it on its first pass, while an admin disables that fact-checker. The step
// keeps a holder who may still hold the desk, and the disable releases only the desks of the
// stage each piece is at, so the step reading the fact-checker before the disable and
// committing after it left the disabled fact-checker holding the piece. The step is held after
// its reads by the lock that orders events, which a third connection takes first.
func TestDeskBackInUseRacingDisable(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := openMigrated(t, dsn, store.Options{})
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	checker, fay := mustUser(t, s, "fay", newsroom.RoleFactChecker)
	editor, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
	admin, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour", Byline: "Sarah", Brief: "The harbour reopened.", Body: "The harbour reopened on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		ctx    context.Context
		action newsroom.Action
	}{{writer, newsroom.ActionSubmit}, {checker, newsroom.ActionClear}}
	for i, st := range steps {
		if _, err := s.Transition(st.ctx, d.ID, newsroom.TransitionRequest{Action: st.action}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := s.Assign(checker, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fay.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec("SELECT pg_advisory_xact_lock($1)", int64(0x636f70796465736b)); err != nil {
		t.Fatal(err)
	}
	stepped := make(chan error, 1)
	go func() {
		_, err := s.Transition(editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRecheck})
		stepped <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 1 })
	disabled := make(chan error, 1)
	go func() {
		yes := true
		_, err := s.UpdateUser(admin, fay.ID, store.UserChange{Disabled: &yes})
		disabled <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 2 })
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-stepped; err != nil {
		t.Fatalf("recheck: %v", err)
	}
	if err := <-disabled; err != nil {
		t.Fatalf("disable: %v", err)
	}
	read, err := s.GetDraft(editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if read.Stage != newsroom.StageFactCheck {
		t.Fatalf("stage %s, want fact_check", read.Stage)
	}
	if a := read.Assignees[newsroom.StageFactCheck]; a.ID == fay.ID {
		t.Fatalf("fay, disabled, holds the piece back at fact-check")
	}
}

// TestDeadlockIsAConflict: on PostgreSQL, an editor reopening a piece whose editing and approved
// desks another editor holds, while an admin disables that editor, can wait on each other in a
// circle (the step holds the piece and waits for the editor's row, the disable holds the row
// and waits to release the piece's approved desk), which PostgreSQL breaks by failing one of
// the two. The one failed is told to try again (ECONFLICT), never an internal error, and the
// disabled editor holds no desk of the piece at the stage it is at.
func TestDeadlockIsAConflict(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := openMigrated(t, dsn, store.Options{})
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	checker, _ := mustUser(t, s, "fiona", newsroom.RoleFactChecker)
	editor, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
	_, eve := mustUser(t, s, "eve", newsroom.RoleEditor)
	admin, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour", Byline: "Sarah", Brief: "The harbour reopened.", Body: "The harbour reopened on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []struct {
		ctx    context.Context
		action newsroom.Action
		desk   newsroom.Stage
	}{{writer, newsroom.ActionSubmit, ""}, {checker, newsroom.ActionClear, newsroom.StageEditing}, {editor, newsroom.ActionApprove, newsroom.StageApproved}} {
		if _, err := s.Transition(st.ctx, d.ID, newsroom.TransitionRequest{Action: st.action}); err != nil {
			t.Fatal(err)
		}
		if st.desk != "" {
			if _, err := s.Assign(editor, newsroom.Assignment{DraftID: d.ID, Stage: st.desk, UserID: eve.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec("SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE", eve.ID); err != nil {
		t.Fatal(err)
	}
	disabled := make(chan error, 1)
	go func() {
		yes := true
		_, err := s.UpdateUser(admin, eve.ID, store.UserChange{Disabled: &yes})
		disabled <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 1 })
	reopened := make(chan error, 1)
	go func() {
		_, err := s.Transition(editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReopen})
		reopened <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 2 })
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{"disable": <-disabled, "reopen": <-reopened} {
		if err != nil && newsroom.ErrorCode(err) != newsroom.ECONFLICT {
			t.Errorf("%s = %v, want done or a conflict to try again", what, err)
		}
	}
	read, err := s.GetDraft(editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var off bool
	if err := db.QueryRow("SELECT disabled FROM users WHERE id = $1", eve.ID).Scan(&off); err != nil {
		t.Fatal(err)
	}
	if a := read.Assignees[read.Stage]; off && a.ID == eve.ID {
		t.Fatalf("eve, disabled, holds the piece at %s", read.Stage)
	}
}

// TestReleaseRacingAStepIsAuditedOnce disables a fact-checker while a step moves the piece off
// their desk, the step let through between the release's reading of the desks and its writing
// of them. On PostgreSQL each statement sees the database as it is when it starts: the release
// audited and announced a desk it then did not free, and the piece's return to the desk freed
// and audited it again. One desk must be released, audited and announced once.
func TestReleaseRacingAStepIsAuditedOnce(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := openMigrated(t, dsn, store.Options{})
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	checker, _ := mustUser(t, s, "fiona", newsroom.RoleFactChecker)
	fayCtx, fay := mustUser(t, s, "fay", newsroom.RoleFactChecker)
	editor, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
	admin, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	var unassigned int
	s.Subscribe(func(e newsroom.Event) {
		if e.Kind == newsroom.EventAssigned && e.Action == newsroom.StepUnassign && e.SubjectID == fay.ID {
			unassigned++
		}
	})
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour", Byline: "Sarah", Brief: "The harbour reopened.", Body: "The harbour reopened on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assign(fayCtx, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fay.ID}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec("SELECT pg_advisory_xact_lock($1)", int64(0x636f70796465736b)); err != nil {
		t.Fatal(err)
	}
	stepped := make(chan error, 1)
	go func() { // fiona clears fact-check: the piece leaves fay's desk
		_, err := s.Transition(checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear})
		stepped <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 1 })
	disabled := make(chan error, 1)
	go func() {
		yes := true
		_, err := s.UpdateUser(admin, fay.ID, store.UserChange{Disabled: &yes})
		disabled <- err
	}()
	waitUntil(t, func() bool { return lockWaiters(t, db) >= 2 })
	hold.Rollback()
	if err := <-stepped; err != nil {
		t.Fatalf("clear: %v", err)
	}
	if err := <-disabled; err != nil {
		t.Fatalf("disable: %v", err)
	}
	count := func(q string) (n int) {
		if err := db.QueryRow(q, d.ID, fay.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	audited := func() int {
		return count("SELECT count(*) FROM audit WHERE draft_id = $1 AND action = 'unassign' AND note = (SELECT name FROM users WHERE id = $2)")
	}
	held := count("SELECT count(*) FROM assignments WHERE draft_id = $1 AND user_id = $2")
	if held > 0 && audited() > 0 {
		t.Fatalf("after the race fay still holds %d desk(s) of the piece, and %d releases were audited", held, audited())
	}
	// The piece comes back to fact-check: freeDesk releases fay's desk (again).
	if _, err := s.Transition(editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRecheck}); err != nil {
		t.Fatal(err)
	}
	if n := count("SELECT count(*) FROM assignments WHERE draft_id = $1 AND user_id = $2"); n != 0 {
		t.Fatalf("after the piece came back, fay still holds %d desk(s) of it", n)
	}
	if audited() != 1 || unassigned != 1 {
		t.Fatalf("one desk released once, but %d unassign audit rows and %d events", audited(), unassigned)
	}
}
