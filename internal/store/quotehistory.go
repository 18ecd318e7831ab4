package store

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// latestQuoteEvents reads the latest newsroom.QuoteEventsShown events of each quote of a draft
// (the second argument), each quote's found through the index quote_events_quote from its
// newest back, so that what it reads is bounded by the draft's quotes, whatever their events or
// other drafts' number. A window over the draft's events, tried first, made PostgreSQL read the
// whole table once analyzed.
const latestQuoteEvents = `SELECT e.id, e.quote_id, e.draft_id, e.version, e.event, e.text, e.speaker, e.status,
	e.note, e.source, e.actor_id, e.at, e.seq
FROM quotes q JOIN quote_events e ON e.draft_id = q.draft_id AND e.quote_id = q.id
WHERE q.draft_id = ? AND e.id >= COALESCE((SELECT x.id FROM quote_events x
	WHERE x.draft_id = q.draft_id AND x.quote_id = q.id ORDER BY x.id DESC LIMIT 1 OFFSET ?), 0)
ORDER BY e.id`

// latestQuoteSeqs reads the place of the newest event of each of a draft's quotes named (the
// second argument, then the quotes' ids for the placeholders its caller writes in), through the
// index quote_events_quote: a quote's events are written one writer at a time, so its newest is
// the one with the highest place.
const latestQuoteSeqs = `SELECT q.id, COALESCE((SELECT x.seq FROM quote_events x
	WHERE x.draft_id = q.draft_id AND x.quote_id = q.id ORDER BY x.id DESC LIMIT 1), 0)
FROM quotes q WHERE q.draft_id = ? AND q.id IN (%s)`

// sequenceQuoteEvents gives each of events, about to be written in tx in their order, its place
// in its quote's history: one past the quote's newest event's, then one past the one before it.
// Every writer of a quote's events holds its draft: SQLite writes one transaction at a time, and
// on PostgreSQL a change of a quote locks its draft's row (lockDraft), as a save does, while a
// new draft's quotes are its own; so no two transactions number the same quote's events at once.
func sequenceQuoteEvents(tx *gorm.DB, draftID int64, events []quoteEventRow) error {
	ids := make([]int64, 0, len(events))
	for _, e := range events {
		ids = append(ids, e.QuoteID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	args := []any{draftID}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := queryRaw(tx, fmt.Sprintf(latestQuoteSeqs, strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	seq := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		seq[id] = n
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range events {
		seq[events[i].QuoteID]++
		events[i].Seq = seq[events[i].QuoteID]
	}
	return nil
}

// QuoteHistory returns the latest newsroom.QuoteEventsShown ledger events of each quote of a
// draft the acting user may see, oldest first, and how many older ones each quote has: all the
// draft's quotes at once, for a page that shows each quote's history beside it.
func (s *Store) QuoteHistory(ctx context.Context, draftID int64) ([]newsroom.QuoteEvent, map[int64]int, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, draftID); err != nil {
		return nil, nil, internal("quote history", err)
	}
	evs, older, err := quoteHistory(db, draftID)
	return evs, older, internal("quote history", err)
}

// quoteHistory loads the latest newsroom.QuoteEventsShown events of each quote of a draft,
// oldest first, and the number of older ones by quote (only quotes that have some): the place of
// the oldest it shows, less one.
func quoteHistory(db *gorm.DB, draftID int64) ([]newsroom.QuoteEvent, map[int64]int, error) {
	rows, err := queryRaw(db, latestQuoteEvents, draftID, newsroom.QuoteEventsShown-1)
	if err != nil {
		return nil, nil, err
	}
	var events []quoteEventRow
	older := map[int64]int{}
	events, err = scanInto(rows, events, func(r *quoteEventRow) error {
		if err := rows.Scan(&r.ID, &r.QuoteID, &r.DraftID, &r.Version, &r.Event, &r.Text, &r.Speaker, &r.Status,
			&r.Note, &r.Source, &r.ActorID, &r.At, &r.Seq); err != nil {
			return err
		}
		if _, seen := older[r.QuoteID]; !seen {
			older[r.QuoteID] = r.Seq - 1
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	maps.DeleteFunc(older, func(_ int64, n int) bool { return n <= 0 })
	out, err := quoteEvents(db, events)
	return out, older, err
}

// QuoteEvents returns a page of one quote's ledger events, newest first, for a reader who may
// see its draft: f.Limit of them (the history's default when 0) below f.Cursor.
func (s *Store) QuoteEvents(ctx context.Context, draftID, quoteID int64, f newsroom.HistoryFilter) (*newsroom.QuoteEventPage, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	before, err := quoteEventsStart(f.Cursor)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, draftID); err != nil {
		return nil, internal("quote events", err)
	}
	var quotes int64
	if err := db.Raw("SELECT COUNT(*) FROM quotes WHERE id = ? AND draft_id = ?", quoteID, draftID).Scan(&quotes).Error; err != nil {
		return nil, internal("quote events", err)
	}
	if quotes == 0 {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "quote not found")
	}
	if err := checkQuoteCursor(db, draftID, quoteID, f.Cursor, before); err != nil {
		return nil, err
	}
	q := db.Model(&quoteEventRow{}).Where("draft_id = ? AND quote_id = ?", draftID, quoteID)
	rows, next, err := pageBelow(q, "id", before, historyLimit(newsroom.HistoryFilter{Limit: f.Limit}),
		func(r quoteEventRow) int64 { return r.ID })
	if err != nil {
		return nil, internal("quote events", err)
	}
	page := &newsroom.QuoteEventPage{}
	if page.Events, err = quoteEvents(db, rows); err != nil {
		return nil, internal("quote events", err)
	}
	if next != 0 {
		page.Next = strconv.FormatInt(next, 10)
	}
	return page, nil
}

// quoteEventsStart is where a page of a quote's events begins: its newest without a cursor, else
// below the event the cursor names.
func quoteEventsStart(cursor string) (int64, error) {
	if cursor == "" {
		return math.MaxInt64, nil
	}
	id, err := strconv.ParseInt(cursor, 10, 64)
	if err != nil || id <= 0 {
		return 0, newsroom.Errorf(newsroom.EINVALID, "invalid cursor")
	}
	return id, nil
}

// checkQuoteCursor refuses a cursor that names no event of the quote: one copied from another
// quote's history would otherwise list whichever of this one's events are below it, or its
// newest, as if they were the older events the link promised.
func checkQuoteCursor(db *gorm.DB, draftID, quoteID int64, cursor string, id int64) error {
	if cursor == "" {
		return nil
	}
	var n int64
	if err := db.Raw("SELECT COUNT(*) FROM quote_events WHERE draft_id = ? AND quote_id = ? AND id = ?",
		draftID, quoteID, id).Scan(&n).Error; err != nil {
		return internal("quote events", err)
	}
	if n == 0 {
		return newsroom.Errorf(newsroom.EINVALID, "invalid cursor")
	}
	return nil
}

// quoteEvents turns ledger rows into events, naming their actors.
func quoteEvents(db *gorm.DB, rows []quoteEventRow) ([]newsroom.QuoteEvent, error) {
	var ids []int64
	for _, r := range rows {
		if r.ActorID != nil {
			ids = append(ids, *r.ActorID)
		}
	}
	names, err := people(db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]newsroom.QuoteEvent, len(rows))
	for i, r := range rows {
		out[i] = newsroom.QuoteEvent{ID: r.ID, QuoteID: r.QuoteID, Number: r.Seq, Version: r.Version, Event: r.Event, Text: r.Text,
			Speaker: r.Speaker, Status: newsroom.QuoteStatus(r.Status), Note: r.Note, Source: r.Source, At: r.At}
		if r.ActorID != nil {
			p := names[*r.ActorID]
			out[i].Actor = &p
		}
	}
	return out, nil
}
