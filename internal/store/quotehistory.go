package store

import (
	"context"
	"maps"
	"math"
	"slices"
	"strconv"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// latestQuoteEvents reads the latest newsroom.QuoteEventsShown events of each quote of a draft
// (the second argument), each quote's found through the index quote_events_quote from its
// newest back, so that what it reads is bounded by the draft's quotes, whatever their events or
// other drafts' number. A window over the draft's events, tried first, made PostgreSQL read the
// whole table once analyzed.
const latestQuoteEvents = `SELECT e.id, e.quote_id, e.draft_id, e.version, e.event, e.text, e.speaker, e.status,
	e.note, e.source, e.actor_id, e.at
FROM quotes q JOIN quote_events e ON e.draft_id = q.draft_id AND e.quote_id = q.id
WHERE q.draft_id = ? AND e.id >= COALESCE((SELECT x.id FROM quote_events x
	WHERE x.draft_id = q.draft_id AND x.quote_id = q.id ORDER BY x.id DESC LIMIT 1 OFFSET ?), 0)
ORDER BY e.id`

// quoteEventCounts counts the events of each quote of a draft from the index quote_events_quote
// alone: the count of a quote whose verdict was flipped a million times reads a million entries
// of the index, so it is asked only when some quote has more than the page shows.
const quoteEventCounts = "SELECT quote_id, COUNT(*) FROM quote_events WHERE draft_id = ? GROUP BY quote_id"

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
// oldest first, and the number of older ones by quote (only quotes that have some).
func quoteHistory(db *gorm.DB, draftID int64) ([]newsroom.QuoteEvent, map[int64]int, error) {
	rows, err := queryRaw(db, latestQuoteEvents, draftID, newsroom.QuoteEventsShown-1)
	if err != nil {
		return nil, nil, err
	}
	var events []quoteEventRow
	shown := map[int64]int{}
	events, err = scanInto(rows, events, func(r *quoteEventRow) error {
		if err := rows.Scan(&r.ID, &r.QuoteID, &r.DraftID, &r.Version, &r.Event, &r.Text, &r.Speaker, &r.Status,
			&r.Note, &r.Source, &r.ActorID, &r.At); err != nil {
			return err
		}
		shown[r.QuoteID]++
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	older, err := olderQuoteEvents(db, draftID, shown)
	if err != nil {
		return nil, nil, err
	}
	out, err := quoteEvents(db, events)
	if err != nil {
		return nil, nil, err
	}
	numbered := maps.Clone(older)
	for i := range out {
		numbered[out[i].QuoteID]++
		out[i].Number = numbered[out[i].QuoteID]
	}
	return out, older, nil
}

// olderQuoteEvents counts, by quote, the events of draft id's quotes that quoteHistory did not
// show, given how many it showed of each: none unless some quote showed all it may.
func olderQuoteEvents(db *gorm.DB, draftID int64, shown map[int64]int) (map[int64]int, error) {
	older := map[int64]int{}
	if !slices.Contains(slices.Collect(maps.Values(shown)), newsroom.QuoteEventsShown) {
		return older, nil
	}
	rows, err := queryRaw(db, quoteEventCounts, draftID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var total int
		if err := rows.Scan(&id, &total); err != nil {
			return nil, err
		}
		if total > shown[id] && shown[id] > 0 {
			older[id] = total - shown[id]
		}
	}
	return older, rows.Err()
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
	if err := numberQuoteEvents(db, draftID, quoteID, rows, page.Events); err != nil {
		return nil, internal("quote events", err)
	}
	if next != 0 {
		page.Next = strconv.FormatInt(next, 10)
	}
	return page, nil
}

// numberQuoteEvents numbers a page of a quote's events, newest first, by their place in its whole
// history: the newest's is how many of the quote's events are as old as it or older (counted
// from the index quote_events_quote), and each older one's one less. The count stops at the
// page's newest rather than at its cursor, so that an event added since the page was read does
// not shift its numbers.
func numberQuoteEvents(db *gorm.DB, draftID, quoteID int64, rows []quoteEventRow, events []newsroom.QuoteEvent) error {
	if len(rows) == 0 {
		return nil
	}
	var n int
	if err := db.Raw("SELECT COUNT(*) FROM quote_events WHERE draft_id = ? AND quote_id = ? AND id <= ?",
		draftID, quoteID, rows[0].ID).Scan(&n).Error; err != nil {
		return err
	}
	for i := range events {
		events[i].Number = n - i
	}
	return nil
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
		out[i] = newsroom.QuoteEvent{ID: r.ID, QuoteID: r.QuoteID, Version: r.Version, Event: r.Event, Text: r.Text,
			Speaker: r.Speaker, Status: newsroom.QuoteStatus(r.Status), Note: r.Note, Source: r.Source, At: r.At}
		if r.ActorID != nil {
			p := names[*r.ActorID]
			out[i].Actor = &p
		}
	}
	return out, nil
}
