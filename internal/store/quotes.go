package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

type quoteRow struct {
	ID         int64
	DraftID    int64
	Field      string
	Text       string
	Speaker    string
	Kind       string
	KindReason string
	// CheckedSpeaker is who the finder credited the quote to when its verdict was given ("" for
	// an unchecked quote): the speaker the check stands for (see reattributed).
	CheckedSpeaker string
	Paragraph      int
	StartPos       int
	EndPos         int
	Status         string
	Note           string
	Source         string
	CheckedBy      *int64
	CheckedAt      *time.Time
	WaivedBy       *int64
	WaivedAt       *time.Time
	WaiverNote     string
	// NotQuoteBy, NotQuoteAt and NotQuoteNote record a fact-checker's finding that the entry is
	// no quotation.
	NotQuoteBy   *int64
	NotQuoteAt   *time.Time
	NotQuoteNote string
	RemovedAt    *time.Time
}

func (quoteRow) TableName() string { return "quotes" }

type quoteEventRow struct {
	ID      int64
	QuoteID int64
	DraftID int64
	Version int
	Event   string
	Text    string
	Speaker string
	Status  string
	Note    string
	Source  string
	ActorID *int64
	At      time.Time
	// Seq is the event's place in its quote's history, the oldest 1 (see sequenceQuoteEvents).
	Seq int
}

func (quoteEventRow) TableName() string { return "quote_events" }

// quotedFields are the fields the finder reads. The editor's comment is the editor's own voice.
var quotedFields = []string{"brief", "body"}

// found is a quotation the finder saw in one field.
type found struct {
	field string
	quotes.Quote
}

// findQuotes runs the finder over the brief and the body; checkQuoteCount and
// newsroom.CheckQuoteCount say whether a ledger may keep what it found.
func findQuotes(t newsroom.Text) ([]found, []newsroom.QuoteProblem) {
	var all []found
	problems := []newsroom.QuoteProblem{}
	for _, field := range quotedFields {
		text := t.Brief
		if field == "body" {
			text = t.Body
		}
		qs, ps := quotes.Find(text)
		for _, q := range qs {
			all = append(all, found{field, q})
		}
		for _, p := range ps {
			problems = append(problems, newsroom.QuoteProblem{Field: field, Paragraph: p.Paragraph, Position: p.Position, Message: p.Message})
		}
	}
	return all, problems
}

// checkQuoteCount refuses news, the quotations of draftID's next version, when they are more
// than a piece may hold and more than its ledger holds now (see newsroom.CheckQuoteCount). The
// ledger is counted only for a text over the cap.
func checkQuoteCount(db *gorm.DB, draftID int64, news []found) error {
	if len(news) <= newsroom.MaxQuotes {
		return nil
	}
	var had int64
	if err := db.Raw("SELECT COUNT(*) FROM quotes WHERE draft_id = ? AND removed_at IS NULL", draftID).Scan(&had).Error; err != nil {
		return err
	}
	return newsroom.CheckQuoteCount(len(news), int(had))
}

// quotedEdit works out the edit from old to text of the fields the finder reads, where the
// quotations found in text need it to tell twins apart (see quotes.PrepareEdit): a word diff,
// made with the rest of a revision before the write transaction where the save is planned.
func quotedEdit(old, text newsroom.Text, news []found) quotes.Edit {
	return quotes.PrepareEdit(map[string]string{"brief": old.Brief, "body": old.Body},
		map[string]string{"brief": text.Brief, "body": text.Body}, entriesOf(news))
}

// entriesOf is the ledger's view of the quotations news.
func entriesOf(news []found) []quotes.Entry {
	out := make([]quotes.Entry, len(news))
	for i, n := range news {
		out[i] = quotes.Entry{Field: n.field, Text: n.Text, Start: n.Start, End: n.End}
	}
	return out
}

// moveQuote writes where kept quotation r now is, as n found it. Most edits only shift a
// quotation: then only its place is written, without binding its speaker and kind again, as
// saveAnchor does for comments. One that credits the words to someone else clears the stamp of
// the last dispute told (see quoteFacts), whatever stands of the quote's check: a dispute of the
// words as now credited is of a new claim, and is told.
func moveQuote(tx *gorm.DB, r quoteRow, n found) error {
	if r.Field == n.field && r.Speaker == n.Speaker && r.Kind == string(n.Kind) && r.KindReason == n.Why {
		return execRaw(tx, "UPDATE quotes SET paragraph = ?, start_pos = ?, end_pos = ? WHERE id = ?", n.Paragraph, n.Start, n.End, r.ID)
	}
	if !newsroom.SameSpeaker(r.Speaker, n.Speaker) {
		if err := execRaw(tx, "UPDATE quotes SET dispute_told_at = NULL, dispute_told_by = NULL WHERE id = ?", r.ID); err != nil {
			return err
		}
	}
	return execRaw(tx, "UPDATE quotes SET field = ?, paragraph = ?, start_pos = ?, end_pos = ?, speaker = ?, kind = ?, kind_reason = ? WHERE id = ?",
		n.field, n.Paragraph, n.Start, n.End, n.Speaker, string(n.Kind), n.Why, r.ID)
}

// syncLedger brings a draft's quote ledger up to date with a new revision, whose quotations
// findQuotes found as news, inside the revision's transaction: unchanged quotes keep their
// checks wherever they moved (twins told apart by ed, the edit that made the revision, see
// quotedEdit, and for a save that brings back an earlier version by walk, along the versions
// between, see walkLedger), edited ones go back to unchecked with their old check kept in the
// history, new ones are added unchecked, and removed ones leave the ledger for the history
// (see quotes.Plan.Along for the checks a walk takes back and holds). The caller writes
// the finder's problems with the draft's row, in the write it makes anyway: a second write of
// the row would copy its whole text into the journal again.
func syncLedger(tx *gorm.DB, draftID int64, version int, actorID int64, ed quotes.Edit, walk *ledgerWalk, news []found, now time.Time) error {
	now = now.UTC()
	rows, err := syncRows(tx, draftID)
	if err != nil {
		return err
	}
	// A quote stored before text was kept in NFC holds its words as typed; the finder reads them
	// composed, and only composed are they the same words.
	entries := make([]quotes.Entry, len(rows))
	for i, r := range rows {
		entries[i] = quotes.Entry{Field: r.Field, Text: newsroom.Composed(r.Text), Start: r.StartPos, End: r.EndPos}
	}
	plan := quotes.Reconcile(entries, entriesOf(news), ed)
	if walk != nil {
		to, apart := walk.along(entries)
		plan.Along(entries, entriesOf(news), to, apart)
	}
	var events []quoteEventRow
	event := func(r quoteRow, name string) {
		events = append(events, quoteEventRow{QuoteID: r.ID, DraftID: draftID, Version: version, Event: name, Text: r.Text, Speaker: r.Speaker,
			Status: r.Status, Note: r.Note, Source: r.Source, ActorID: &actorID, At: now})
	}
	for _, p := range plan.Kept {
		r, n := rows[p.Old], news[p.New]
		if reattributed(r, n) {
			checked := r
			checked.Speaker = r.CheckedSpeaker
			event(checked, "reattributed")
			if err := execRaw(tx, `UPDATE quotes SET field = ?, paragraph = ?, start_pos = ?, end_pos = ?, speaker = ?, kind = ?,
				kind_reason = ?, status = 'unchecked', note = '', source = '', checked_by = NULL, checked_at = NULL,
				checked_speaker = '', dispute_told_at = NULL, dispute_told_by = NULL, waived_by = NULL, waived_at = NULL, waiver_note = '' WHERE id = ?`,
				n.field, n.Paragraph, n.Start, n.End, n.Speaker, string(n.Kind), n.Why, r.ID); err != nil {
				return err
			}
			continue
		}
		if r.Field == n.field && r.Paragraph == n.Paragraph && r.StartPos == n.Start && r.EndPos == n.End && r.Speaker == n.Speaker &&
			r.Kind == string(n.Kind) && r.KindReason == n.Why {
			continue
		}
		if err := moveQuote(tx, r, n); err != nil {
			return err
		}
	}
	if err := restoreDoubts(tx, rows, plan.Undoubted, event); err != nil {
		return err
	}
	doubted := make(map[int]bool, len(plan.Doubted))
	for _, i := range plan.Doubted {
		doubted[i] = true
	}
	for _, p := range plan.Edited {
		r, n := rows[p.Old], news[p.New]
		// A quote a copy beside it made a twin kept its words: its history says a copy took
		// the check back, not that an edit changed the words.
		if doubted[p.Old] {
			event(r, "doubted")
		} else {
			event(r, "reset")
		}
		if err := keepDoubt(tx, r.ID, doubted[p.Old]); err != nil {
			return err
		}
		err := tx.Exec(`UPDATE quotes SET field = ?, text = ?, paragraph = ?, start_pos = ?, end_pos = ?, speaker = ?,
			kind = ?, kind_reason = ?, status = 'unchecked', note = '', source = '', checked_by = NULL, checked_at = NULL,
			checked_speaker = '', dispute_told_at = NULL, dispute_told_by = NULL, waived_by = NULL, waived_at = NULL, waiver_note = '', not_quote_by = NULL, not_quote_at = NULL, not_quote_note = ''
			WHERE id = ?`,
			n.field, n.Text, n.Paragraph, n.Start, n.End, n.Speaker, n.Kind, n.Why, r.ID).Error
		if err != nil {
			return err
		}
	}
	for _, i := range plan.Removed {
		event(rows[i], "removed")
		if err := tx.Exec("UPDATE quotes SET removed_at = ? WHERE id = ?", now, rows[i].ID).Error; err != nil {
			return err
		}
	}
	if len(plan.Added) > 0 {
		added := make([]quoteRow, len(plan.Added))
		for k, j := range plan.Added {
			n := news[j]
			added[k] = quoteRow{DraftID: draftID, Field: n.field, Text: n.Text, Speaker: n.Speaker, Kind: string(n.Kind), KindReason: n.Why,
				Paragraph: n.Paragraph, StartPos: n.Start, EndPos: n.End, Status: string(newsroom.QuoteUnchecked)}
		}
		if err := tx.CreateInBatches(added, 100).Error; err != nil {
			return err
		}
		for _, r := range added {
			event(r, "found")
		}
	}
	if len(events) == 0 {
		return nil
	}
	if err := sequenceQuoteEvents(tx, draftID, events); err != nil {
		return err
	}
	return tx.CreateInBatches(events, 100).Error
}

// doubtColumns are the columns of a check that quote_doubts keeps.
const doubtColumns = "status, note, source, checked_by, checked_at, checked_speaker, waived_by, waived_at, waiver_note, not_quote_by, not_quote_at, not_quote_note"

// keepDoubt drops what quote_doubts kept of quote id's check, and when doubted (a copy beside it
// takes its check back, see quotes.Plan.Doubted) keeps its check now, if it has one, so that a
// save taking the copy out again can put it back.
func keepDoubt(tx *gorm.DB, id int64, doubted bool) error {
	if err := execRaw(tx, "DELETE FROM quote_doubts WHERE quote_id = ?", id); err != nil || !doubted {
		return err
	}
	return execRaw(tx, "INSERT INTO quote_doubts (quote_id, "+doubtColumns+") SELECT id, "+doubtColumns+
		" FROM quotes WHERE id = ? AND (status <> 'unchecked' OR waived_by IS NOT NULL OR not_quote_by IS NOT NULL)", id)
}

// restoreDoubts puts back the check quote_doubts kept of each entry of rows the plan's
// Undoubted names, whose copy beside it the edit took out, with an event saying so.
func restoreDoubts(tx *gorm.DB, rows []quoteRow, undoubted []int, event func(quoteRow, string)) error {
	for _, i := range undoubted {
		r := rows[i]
		var kept []quoteRow
		if err := tx.Raw("SELECT "+doubtColumns+" FROM quote_doubts WHERE quote_id = ?", r.ID).Scan(&kept).Error; err != nil {
			return err
		}
		if len(kept) == 0 {
			continue
		}
		if err := execRaw(tx, "UPDATE quotes SET ("+doubtColumns+") = (SELECT "+doubtColumns+" FROM quote_doubts WHERE quote_id = ?) WHERE id = ?", r.ID, r.ID); err != nil {
			return err
		}
		if err := execRaw(tx, "DELETE FROM quote_doubts WHERE quote_id = ?", r.ID); err != nil {
			return err
		}
		back := kept[0]
		back.ID, back.Text, back.Speaker = r.ID, r.Text, r.Speaker
		event(back, "copy_removed")
	}
	return nil
}

// reattributed reports whether kept quotation r, a check on it standing, now credits someone
// else: n names a speaker, and not the one r was checked for (or r was checked crediting
// nobody). A verdict is on who said the words as much as on the words, so such a quote goes back
// to unchecked, as an edited one does. A speaker the finder no longer names keeps the check,
// since nobody else is credited, and an edit that names the checked speaker again still finds
// it standing; so does a finding that the words are no quotation, which no speaker changes.
func reattributed(r quoteRow, n found) bool {
	if n.Speaker == r.CheckedSpeaker || r.Status == string(newsroom.QuoteUnchecked) || r.NotQuoteBy != nil || n.Speaker == "" {
		return false
	}
	return !newsroom.SameSpeaker(r.CheckedSpeaker, n.Speaker)
}

// syncRowsSQL selects what syncLedger needs of the quotes in a draft's ledger.
const syncRowsSQL = "SELECT id, field, text, speaker, kind, kind_reason, paragraph, start_pos, end_pos, status, note, source, " +
	"checked_speaker, not_quote_by FROM quotes WHERE draft_id = ? AND removed_at IS NULL ORDER BY id"

// syncRows loads the quotes in a draft's ledger, as far as syncLedger needs them, scanning
// them itself: GORM's reflection was a third of syncLedger under the writer.
func syncRows(tx *gorm.DB, draftID int64) ([]quoteRow, error) {
	rows, err := queryRaw(tx, syncRowsSQL, draftID)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, func(r *quoteRow) error {
		r.DraftID = draftID
		return rows.Scan(&r.ID, &r.Field, &r.Text, &r.Speaker, &r.Kind, &r.KindReason, &r.Paragraph, &r.StartPos, &r.EndPos,
			&r.Status, &r.Note, &r.Source, &r.CheckedSpeaker, &r.NotQuoteBy)
	})
}

// ledger loads a draft's current quote ledger, brief first, in reading order.
func ledger(tx *gorm.DB, draftID int64) ([]newsroom.Quote, error) {
	rows, err := ledgerRows(tx, draftID)
	if err != nil {
		return nil, err
	}
	return ledgerOf(tx, rows)
}

// ledgerRows reads the rows of a draft's current quote ledger, brief first, in reading order,
// without GORM (see execRaw): a publish reads them again under the writer to check its plan.
func ledgerRows(tx *gorm.DB, draftID int64) ([]quoteRow, error) {
	return ledgerRowsExpecting(tx, draftID, 0)
}

// ledgerRowsExpecting is ledgerRows for a caller that expects about expect rows, as a plan's
// check under the writer expects those its plan read: their slice is made once rather than
// grown row by row while every other writer waits.
func ledgerRowsExpecting(tx *gorm.DB, draftID int64, expect int) ([]quoteRow, error) {
	rows, err := queryRaw(tx, ledgerSQL, draftID)
	if err != nil {
		return nil, err
	}
	return scanInto(rows, make([]quoteRow, 0, expect), func(q *quoteRow) error {
		return rows.Scan(&q.ID, &q.DraftID, &q.Field, &q.Text, &q.Speaker, &q.Kind, &q.KindReason, &q.Paragraph, &q.StartPos,
			&q.EndPos, &q.Status, &q.Note, &q.Source, &q.CheckedBy, &q.CheckedAt, &q.WaivedBy, &q.WaivedAt, &q.WaiverNote,
			&q.NotQuoteBy, &q.NotQuoteAt, &q.NotQuoteNote, &q.RemovedAt)
	})
}

// ledgerSQL reads a draft's current quote ledger as ledgerRows returns it.
const ledgerSQL = "SELECT id, draft_id, field, text, speaker, kind, kind_reason, paragraph, start_pos, end_pos, status, note, source, " +
	"checked_by, checked_at, waived_by, waived_at, waiver_note, not_quote_by, not_quote_at, not_quote_note, removed_at " +
	"FROM quotes WHERE draft_id = ? AND removed_at IS NULL ORDER BY CASE field WHEN 'brief' THEN 0 ELSE 1 END, start_pos, id"

// ledgerOf makes the ledger of rows (see ledgerRows), reading through tx the names of those who
// checked, waived or dismissed its quotes.
func ledgerOf(tx *gorm.DB, rows []quoteRow) ([]newsroom.Quote, error) {
	var ids []int64
	for _, r := range rows {
		for _, id := range []*int64{r.CheckedBy, r.WaivedBy, r.NotQuoteBy} {
			if id != nil {
				ids = append(ids, *id)
			}
		}
	}
	names, err := people(tx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]newsroom.Quote, len(rows))
	for i, r := range rows {
		out[i] = r.quote(names)
	}
	return out, nil
}

func (r quoteRow) quote(names map[int64]newsroom.Person) newsroom.Quote {
	q := newsroom.Quote{ID: r.ID, Field: r.Field, Text: r.Text, Speaker: r.Speaker, Kind: newsroom.QuoteKind(r.Kind), Why: r.KindReason, Paragraph: r.Paragraph,
		Start: r.StartPos, End: r.EndPos, Status: newsroom.QuoteStatus(r.Status), Note: r.Note, Source: r.Source, CheckedAt: r.CheckedAt}
	if r.CheckedBy != nil {
		p := names[*r.CheckedBy]
		q.CheckedBy = &p
	}
	if r.WaivedBy != nil && r.WaivedAt != nil {
		q.Waiver = &newsroom.Waiver{Note: r.WaiverNote, By: names[*r.WaivedBy], At: *r.WaivedAt}
	}
	if r.NotQuoteBy != nil && r.NotQuoteAt != nil {
		q.NotQuote = &newsroom.Dismissal{Note: r.NotQuoteNote, By: names[*r.NotQuoteBy], At: *r.NotQuoteAt}
	}
	return q
}

// people loads the names of the given users, without GORM (see execRaw): every read of a quote
// ledger, a publish's gate plan among them, loads its checkers' names.
func people(tx *gorm.DB, ids []int64) (map[int64]newsroom.Person, error) {
	names := map[int64]newsroom.Person{}
	if len(ids) == 0 {
		return names, nil
	}
	// args names each person once: a ledger's checkers are mostly one or two people.
	args := make([]any, 0, len(ids))
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			args = append(args, id)
		}
	}
	rows, err := queryRaw(tx, "SELECT id, username, name FROM users WHERE id IN ("+placeholders(len(args))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p newsroom.Person
		if err := rows.Scan(&p.ID, &p.Username, &p.Name); err != nil {
			return nil, err
		}
		names[p.ID] = p
	}
	return names, rows.Err()
}

// Quotes returns the quote ledger of a draft the acting user may see.
func (s *Store) Quotes(ctx context.Context, draftID int64) ([]newsroom.Quote, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, draftID); err != nil {
		return nil, internal("quotes", err)
	}
	qs, err := ledger(db, draftID)
	return qs, internal("quotes", err)
}

// CheckQuote records a fact-checker's (or an editor's) verdict on one quote. A verdict takes
// back an earlier finding that the quote is no quotation.
func (s *Store) CheckQuote(ctx context.Context, draftID, quoteID int64, c newsroom.QuoteCheck) (*newsroom.Quote, error) {
	c.Note, c.Source = strings.TrimSpace(c.Note), strings.TrimSpace(c.Source)
	return s.changeQuote(ctx, draftID, quoteID, false, c.QuoteRead, c.Validate, func(tx *gorm.DB, u *newsroom.User, r *quoteRow, now time.Time) error {
		r.Status, r.Note, r.Source, r.CheckedBy, r.CheckedAt, r.CheckedSpeaker = string(c.Status), c.Note, c.Source, &u.ID, &now, r.Speaker
		r.WaivedBy, r.WaivedAt, r.WaiverNote = nil, nil, ""
		r.NotQuoteBy, r.NotQuoteAt, r.NotQuoteNote = nil, nil, ""
		return tx.Exec(`UPDATE quotes SET status = ?, note = ?, source = ?, checked_by = ?, checked_at = ?, checked_speaker = ?,
			waived_by = NULL, waived_at = NULL, waiver_note = '', not_quote_by = NULL, not_quote_at = NULL, not_quote_note = ''
			WHERE id = ?`, r.Status, r.Note, r.Source, u.ID, now, r.Speaker, r.ID).Error
	}, "check")
}

// MarkNotQuote records a fact-checker's (or an editor's) finding that a ledger entry is no
// quotation, with a note saying why; the entry stays in the ledger but holds no gate back. Who
// may do it is who may check quotes.
func (s *Store) MarkNotQuote(ctx context.Context, draftID, quoteID int64, n newsroom.QuoteNote) (*newsroom.Quote, error) {
	note := strings.TrimSpace(n.Note)
	valid := func() error { return newsroom.CheckDismissalNote(note) }
	return s.changeQuote(ctx, draftID, quoteID, false, n.QuoteRead, valid, func(tx *gorm.DB, u *newsroom.User, r *quoteRow, now time.Time) error {
		r.NotQuoteBy, r.NotQuoteAt, r.NotQuoteNote, r.Note = &u.ID, &now, note, note
		return tx.Exec("UPDATE quotes SET not_quote_by = ?, not_quote_at = ?, not_quote_note = ? WHERE id = ?", u.ID, now, note, r.ID).Error
	}, "not_quote")
}

// WaiveQuote lets an editor publish despite a disputed quote, recording why.
func (s *Store) WaiveQuote(ctx context.Context, draftID, quoteID int64, n newsroom.QuoteNote) (*newsroom.Quote, error) {
	note := strings.TrimSpace(n.Note)
	valid := func() error { return newsroom.CheckWaiverNote(note) }
	return s.changeQuote(ctx, draftID, quoteID, true, n.QuoteRead, valid, func(tx *gorm.DB, u *newsroom.User, r *quoteRow, now time.Time) error {
		if err := newsroom.CheckWaivable(r.ID, newsroom.QuoteStatus(r.Status)); err != nil {
			return err
		}
		r.WaivedBy, r.WaivedAt, r.WaiverNote, r.Note = &u.ID, &now, note, note
		return tx.Exec("UPDATE quotes SET waived_by = ?, waived_at = ?, waiver_note = ? WHERE id = ?", u.ID, now, note, r.ID).Error
	}, "waive")
}

// changeQuote runs one change to a ledger entry (a waiver when waive is set), made on the quote
// as read: visibility, policy and stage, validation, the quote as read against the quote now, the
// change itself and its history event, in one transaction.
func (s *Store) changeQuote(ctx context.Context, draftID, quoteID int64, waive bool, read newsroom.QuoteRead, valid func() error,
	change func(*gorm.DB, *newsroom.User, *quoteRow, time.Time) error, event string) (*newsroom.Quote, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	normal := read.Normalize()
	var q newsroom.Quote
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, draftID)
		if err != nil {
			return err
		}
		if err := s.policy.CheckQuotes(u, v.draft(), waive); err != nil {
			return err
		}
		if err := valid(); err != nil {
			return err
		}
		var r quoteRow
		err = tx.Where("id = ? AND draft_id = ? AND removed_at IS NULL", quoteID, draftID).Take(&r).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no quote %d", draftID, quoteID)
		} else if err != nil {
			return err
		}
		if err := newsroom.CheckQuoteRead(r.ID, normal, r.Text, r.Speaker); err != nil {
			return err
		}
		now := s.clock()
		if err := change(tx, u, &r, now); err != nil {
			return err
		}
		if err := keepDoubt(tx, r.ID, false); err != nil {
			return err
		}
		ev := []quoteEventRow{{QuoteID: r.ID, DraftID: draftID, Version: v.Row.Version, Event: event, Text: r.Text,
			Speaker: r.Speaker, Status: r.Status, Note: r.Note, Source: r.Source, ActorID: &u.ID, At: now}}
		if err := sequenceQuoteEvents(tx, draftID, ev); err != nil {
			return err
		}
		if err := tx.Create(&ev[0]).Error; err != nil {
			return err
		}
		record(tx, about(draftEvent(newsroom.EventQuoteChecked, draftID, u.ID, event, newsroom.Stage(v.Row.Stage)), r.ID))
		names := map[int64]newsroom.Person{u.ID: {ID: u.ID, Username: u.Username, Name: u.Name}}
		if r.CheckedBy != nil && *r.CheckedBy != u.ID {
			if names, err = people(tx, []int64{*r.CheckedBy, u.ID}); err != nil {
				return err
			}
		}
		q = r.quote(names)
		return nil
	})
	if err != nil {
		return nil, internal("change quote", err)
	}
	return &q, nil
}
