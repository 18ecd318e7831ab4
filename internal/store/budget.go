package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// budgetUndated is how many pieces without a due time the budget lists, the most recently
// changed first: it is a planning page, not an archive.
const budgetUndated = 100

// budgetColumns are what a budget row reads: the draft, its writer, who holds its current desk,
// its piece's and current stage's due times (read apart, since SQLite gives a COALESCE of two
// timestamps back as text), and when it changed.
const budgetColumns = "drafts.id, drafts.title, drafts.stage, drafts.writer_id, users.username, users.name, " +
	"assignments.user_id, holders.username, holders.name, stage_due.due_at, piece_due.due_at, drafts.updated_at"

// budgetQuery selects visible drafts with their budget columns.
func (s *Store) budgetQuery(ctx context.Context, u *newsroom.User) *gorm.DB {
	q := s.read(ctx).Table("drafts").Select(budgetColumns).
		Joins("JOIN users ON users.id = drafts.writer_id").
		Joins("LEFT JOIN assignments ON assignments.draft_id = drafts.id AND assignments.stage = drafts.stage").
		Joins("LEFT JOIN users holders ON holders.id = assignments.user_id").
		Joins(dueJoinsSQL)
	return s.visibleTo(q, u)
}

// Budget is the story budget from the day from (YYYY-MM-DD in the newsroom's time zone; today
// when empty) for days days (1 or 7): the pieces the acting user may see that are due then, by
// day and due time, and those still under way with no due time. Days are the zone's, so a week
// across a change of the clocks still has seven of them.
func (s *Store) Budget(ctx context.Context, from string, days int) (*newsroom.Budget, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.policy.Check(u, policy.BudgetRead, 0); err != nil {
		return nil, err
	}
	if !slices.Contains(newsroom.BudgetDays, days) {
		return nil, newsroom.Errorf(newsroom.EINVALID, "days must be 1 or 7, not %d", days)
	}
	zone, err := s.TimeZone(ctx)
	if err != nil {
		return nil, err
	}
	start, err := budgetStart(from, s.clk.Now().In(zone), zone)
	if err != nil {
		return nil, err
	}
	b := &newsroom.Budget{From: start, Days: days, Zone: zone.String()}
	end := start.AddDate(0, 0, days)
	due := "COALESCE(stage_due.due_at, piece_due.due_at)"
	rows, err := s.budgetQuery(ctx, u).Where("drafts.stage IN ? AND "+due+" >= ? AND "+due+" < ?", stageNames(s.policy.UnderWay()), start.UTC(), end.UTC()).
		Order(due + ", drafts.id").Rows()
	if err != nil {
		return nil, internal("budget", err)
	}
	dated, err := s.scanBudget(rows)
	if err != nil {
		return nil, internal("budget", err)
	}
	b.Dated = budgetDays(start, days, zone, dated)
	rows, err = s.budgetQuery(ctx, u).Where("drafts.stage IN ? AND stage_due.due_at IS NULL AND piece_due.due_at IS NULL", stageNames(s.policy.UnderWay())).
		Order("drafts.updated_at DESC, drafts.id DESC").Limit(budgetUndated + 1).Rows()
	if err != nil {
		return nil, internal("budget", err)
	}
	if b.Undated, err = s.scanBudget(rows); err != nil {
		return nil, internal("budget", err)
	}
	if len(b.Undated) > budgetUndated {
		b.Undated, b.UndatedMore = b.Undated[:budgetUndated], true
	}
	return b, nil
}

// budgetStart is midnight of the day from names in zone, or of today when from is empty.
func budgetStart(from string, now time.Time, zone *time.Location) (time.Time, error) {
	if from == "" {
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone), nil
	}
	day, err := time.ParseInLocation(time.DateOnly, from, zone)
	if err != nil {
		return time.Time{}, newsroom.Errorf(newsroom.EINVALID, "from must be a date as YYYY-MM-DD, not %q", from)
	}
	return day, nil
}

// budgetDays files rows, in order of due time, under their day in zone, giving every day of
// the span its place even when nothing is due then.
func budgetDays(start time.Time, days int, zone *time.Location, rows []newsroom.BudgetRow) []newsroom.BudgetDay {
	out := make([]newsroom.BudgetDay, days)
	index := map[string]int{}
	for i := range out {
		out[i] = newsroom.BudgetDay{Date: start.AddDate(0, 0, i).Format(time.DateOnly), Items: []newsroom.BudgetRow{}}
		index[out[i].Date] = i
	}
	for _, r := range rows {
		if i, ok := index[r.DueAt.In(zone).Format(time.DateOnly)]; ok {
			out[i].Items = append(out[i].Items, r)
		}
	}
	return out
}

// scanBudget scans rows of budgetColumns, and closes them.
func (s *Store) scanBudget(rows *sql.Rows) ([]newsroom.BudgetRow, error) {
	defer rows.Close()
	now := s.clock()
	out := []newsroom.BudgetRow{}
	for rows.Next() {
		var r newsroom.BudgetRow
		var holderID sql.NullInt64
		var holderUsername, holderName sql.NullString
		var stageDue, pieceDue *time.Time
		if err := rows.Scan(&r.ID, &r.Title, &r.Stage, &r.Writer.ID, &r.Writer.Username, &r.Writer.Name,
			&holderID, &holderUsername, &holderName, &stageDue, &pieceDue, &r.UpdatedAt); err != nil {
			return nil, err
		}
		if holderID.Valid {
			r.Assignee = &newsroom.Person{ID: holderID.Int64, Username: holderUsername.String, Name: holderName.String}
		}
		if r.DueAt = stageDue; r.DueAt == nil {
			r.DueAt = pieceDue
		}
		r.Due = newsroom.DueStateAt(r.DueAt, now)
		out = append(out, r)
	}
	return out, rows.Err()
}

// stageNames are stages as plain strings, as a query's IN list takes them.
func stageNames(stages []newsroom.Stage) []string {
	out := make([]string, len(stages))
	for i, st := range stages {
		out[i] = string(st)
	}
	return out
}
