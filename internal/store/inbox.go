package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The inbox: everything waiting on one person, across all pieces, worked out from the state of
// the pieces each time it is read, so an entry leaves by itself once what it waited for is done
// (the thread resolved, the quote checked, the piece moved on). Each kind is one query that
// starts from an index narrowed to the person (their assignments, their drafts, the replies
// addressed to them, their mentions) or to what is still open (unchecked quotes, scheduled
// pieces), and every query keeps to the drafts they may see.
//
// Each entry has a key naming the state it waits in, and a person can mark a key done
// (inbox_done). A key carries what would make the entry new again: a thread's key is
// "thread:ID@LAST", LAST the id of its newest reply, so a new reply is a new key and brings
// the thread back though the old one was marked done; a quotes entry's key carries its newest
// unchecked quote, an assignment its time, a returned piece the audit entry of its return.

// inboxRow is one row of any of the inbox's queries: the piece, what on it the entry points at
// (Ref, Ref2), who acted last (ActorName), their words (Note) and when.
type inboxRow struct {
	DraftID   int64
	Title     string
	Stage     string
	Ref       int64
	Ref2      int64
	Mine      int
	N         int
	ActorName string
	Note      string
	Quote     string
	At        time.Time
	ReplyAt   *time.Time
}

// Inbox returns everything waiting on the acting user, newest first, without the entries they
// marked done.
func (s *Store) Inbox(ctx context.Context) ([]newsroom.InboxEntry, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	entries, err := s.inbox(s.read(ctx), u)
	return entries, internal("inbox", err)
}

// MarkInboxDone marks the entry of the acting user's inbox with key entry done, so that it
// leaves their inbox until what it waits for changes. An entry that is not in their inbox is
// ENOTFOUND: there is nothing to mark. The inbox is worked out on the read pool before the write
// lock is taken: it reads every piece the user sees, and inside the transaction a request naming
// an entry that is not there held every other write up for as long as that took, as often as it
// was sent (100 ms a request for a writer with 3,000 threads waiting). An entry that leaves the
// inbox meanwhile is marked all the same, which hides only the state its key names.
func (s *Store) MarkInboxDone(ctx context.Context, entry string) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	if err := newsroom.CheckInboxEntry(entry); err != nil {
		return err
	}
	entries, err := s.inbox(s.read(ctx), u)
	if err != nil {
		return internal("mark inbox entry done", err)
	}
	i := slices.IndexFunc(entries, func(e newsroom.InboxEntry) bool { return e.Entry == entry })
	if i < 0 {
		return newsroom.Errorf(newsroom.ENOTFOUND, "%q is not in your inbox", entry)
	}
	return internal("mark inbox entry done", s.tx(ctx, func(tx *gorm.DB) error {
		// The event lets every server's kept inbox counts go (see Server.heard).
		record(tx, newsroom.Event{Kind: newsroom.EventInboxDone, DraftID: entries[i].Piece.ID, ActorID: u.ID, SubjectID: u.ID, Action: "done"})
		// Two marks of one entry at once both find it in the inbox; the second adds nothing.
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&inboxDoneRow{UserID: u.ID, Entry: entry, DoneAt: s.clock()}).Error
	}))
}

// inboxDoneRow is an entry a person marked done (migration 00015).
type inboxDoneRow struct {
	UserID int64
	Entry  string
	DoneAt time.Time
}

func (inboxDoneRow) TableName() string { return "inbox_done" }

// maxInList is the most values the inbox puts in one IN list: a person's inbox may hold tens of
// thousands of entries (a colleague's every reply may mention them), and SQLite refuses a
// statement of more than 32,766 parameters.
const maxInList = 10000

// ThreadsWaiting returns the ids of draft id's threads that wait for the acting user's answer:
// those their inbox lists, as a thread or as a mention in it, less the entries they marked done.
// It asks the inbox's own queries, narrowed to the piece, so that the draft page's Comments tab
// counts what the inbox lists.
func (s *Store) ThreadsWaiting(ctx context.Context, id int64) (map[int64]bool, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db, piece := s.read(ctx), inboxScope{draftID: id}
	entries, err := gatherInbox(db, u, piece.of(s.inboxThreads), piece.of(s.inboxMentions))
	if err == nil {
		entries, err = s.withoutDone(db, u, entries)
	}
	if err != nil {
		return nil, internal("threads waiting", err)
	}
	waiting := map[int64]bool{}
	for _, e := range entries {
		if e.Thread != 0 {
			waiting[e.Thread] = true
		}
	}
	return waiting, nil
}

// inboxKind is the query of one kind of inbox entry, for one person.
type inboxKind func(*gorm.DB, *newsroom.User) ([]newsroom.InboxEntry, error)

// inboxScope narrows the inbox's thread queries to one piece's threads; the zero scope is every
// piece, the whole inbox.
type inboxScope struct{ draftID int64 }

// of is the thread query kind narrowed to the scope.
func (sc inboxScope) of(kind func(*gorm.DB, *newsroom.User, inboxScope) ([]newsroom.InboxEntry, error)) inboxKind {
	return func(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) { return kind(db, u, sc) }
}

// cond is the scope's condition as a query's argument: sql with the piece's id for one piece,
// true for every piece.
func (sc inboxScope) cond(sql string) clause.Expr {
	if sc.draftID == 0 {
		return gorm.Expr("1 = 1")
	}
	return gorm.Expr(sql, sc.draftID)
}

// gatherInbox runs the queries of kinds for u, one after another, and returns their entries.
func gatherInbox(db *gorm.DB, u *newsroom.User, kinds ...inboxKind) ([]newsroom.InboxEntry, error) {
	var all []newsroom.InboxEntry
	for _, kind := range kinds {
		es, err := kind(db, u)
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	return all, nil
}

// inbox gathers u's entries of every kind and drops those u marked done.
func (s *Store) inbox(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) {
	every := inboxScope{}
	all, err := gatherInbox(db, u, s.inboxAssigned, s.inboxReturned, s.inboxQuotes,
		every.of(s.inboxThreads), every.of(s.inboxMentions), s.inboxScheduled)
	if err != nil {
		return nil, err
	}
	out, err := s.withoutDone(db, u, all)
	if err != nil {
		return nil, err
	}
	if err := s.inboxDue(db, out); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// withoutDone drops from all the entries u marked done, in one query for up to maxInList of them.
func (s *Store) withoutDone(db *gorm.DB, u *newsroom.User, all []newsroom.InboxEntry) ([]newsroom.InboxEntry, error) {
	if len(all) == 0 {
		return []newsroom.InboxEntry{}, nil
	}
	keys := make([]string, len(all))
	for i, e := range all {
		keys[i] = e.Entry
	}
	gone := map[string]bool{}
	for part := range slices.Chunk(keys, maxInList) {
		var done []string
		if err := db.Model(&inboxDoneRow{}).Where("user_id = ? AND entry IN ?", u.ID, part).Pluck("entry", &done).Error; err != nil {
			return nil, fmt.Errorf("entries done: %w", err)
		}
		for _, k := range done {
			gone[k] = true
		}
	}
	out := all[:0]
	for _, e := range all {
		if !gone[e.Entry] {
			out = append(out, e)
		}
	}
	return out, nil
}

// inboxDue sets each entry's piece's due time, the one that counts in the stage it is in (its
// stage's, else the piece's), in one query for every piece the entries name.
func (s *Store) inboxDue(db *gorm.DB, entries []newsroom.InboxEntry) error {
	ids := make([]int64, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, e.Piece.ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	// The two columns come apart, since SQLite gives a COALESCE of times as text.
	type dueRow struct {
		ID       int64
		StageDue *time.Time
		PieceDue *time.Time
	}
	var rows []dueRow
	for part := range slices.Chunk(ids, maxInList) {
		var some []dueRow
		err := db.Raw("SELECT drafts.id, stage_due.due_at AS stage_due, piece_due.due_at AS piece_due FROM drafts "+dueJoinsSQL+
			" WHERE drafts.id IN ? AND (stage_due.due_at IS NOT NULL OR piece_due.due_at IS NOT NULL)", part).Scan(&some).Error
		if err != nil {
			return fmt.Errorf("inbox due times: %w", err)
		}
		rows = append(rows, some...)
	}
	due := make(map[int64]*time.Time, len(rows))
	for _, r := range rows {
		if due[r.ID] = r.StageDue; r.StageDue == nil {
			due[r.ID] = r.PieceDue
		}
	}
	for i := range entries {
		entries[i].Piece.DueAt = due[entries[i].Piece.ID]
	}
	return nil
}

// inboxQuery runs one of the inbox's queries and turns each row into an entry with entry. The
// query names the drafts table drafts and narrows it with a placeholder for visible(u).
func (s *Store) inboxQuery(db *gorm.DB, what, sql string, args []any, entry func(inboxRow) newsroom.InboxEntry) ([]newsroom.InboxEntry, error) {
	var rows []inboxRow
	if err := db.Raw(sql, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("inbox %s: %w", what, err)
	}
	out := make([]newsroom.InboxEntry, len(rows))
	for i, r := range rows {
		e := entry(r)
		e.Piece = newsroom.InboxPiece{ID: r.DraftID, Title: r.Title, Stage: newsroom.Stage(r.Stage)}
		out[i] = e
	}
	return out, nil
}

// visible is the policy's condition for the drafts u may see, as a query's argument.
func (s *Store) visible(u *newsroom.User) clause.Expr {
	vis := s.policy.Visible(u)
	return gorm.Expr(vis.SQL, vis.Args...)
}

// draftLink is the path of draft id's page, at anchor when it is not empty.
func draftLink(id int64, anchor string) string {
	if anchor == "" {
		return fmt.Sprintf("/drafts/%d", id)
	}
	return fmt.Sprintf("/drafts/%d#%s", id, anchor)
}

// Pools counts, by stage, the pieces waiting at a desk the acting user may be assigned at with
// nobody assigned there: what the inbox points to as waiting for anyone at their desk, beside
// what waits on them alone.
func (s *Store) Pools(ctx context.Context) (map[newsroom.Stage]int, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	hold := s.policy.Holding(u)
	out := map[newsroom.Stage]int{}
	if hold.Never() {
		return out, nil
	}
	none := s.unassigned()
	var rows []struct {
		Stage string
		N     int
	}
	err = s.read(ctx).Raw(`SELECT drafts.stage, count(*) AS n FROM drafts WHERE ? AND ? AND ? GROUP BY drafts.stage`,
		gorm.Expr(hold.SQL, hold.Args...), gorm.Expr(none.SQL, none.Args...), s.visible(u)).Scan(&rows).Error
	if err != nil {
		return nil, internal("pools", err)
	}
	for _, r := range rows {
		out[newsroom.Stage(r.Stage)] = r.N
	}
	return out, nil
}
