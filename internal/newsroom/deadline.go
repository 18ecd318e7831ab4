package newsroom

import "time"

// DueSoon is how close a due time must be for a list to mark a piece "due soon": a day, so that
// a piece due tomorrow morning already stands out on this evening's desk, whatever the shift.
const DueSoon = 24 * time.Hour

// DueState is how a due time stands at a moment: not yet close, due soon, or overdue.
type DueState string

// The due states; DueNone also stands for a piece with no due time.
const (
	DueNone    DueState = ""
	DueIsSoon  DueState = "soon"
	DueOverdue DueState = "overdue"
)

// DueStateAt is how due stands at now: overdue once it has passed, soon within DueSoon of it,
// and DueNone otherwise or when there is no due time (nil).
func DueStateAt(due *time.Time, now time.Time) DueState {
	switch {
	case due == nil:
		return DueNone
	case !now.Before(*due):
		return DueOverdue
	case due.Sub(now) <= DueSoon:
		return DueIsSoon
	}
	return DueNone
}

// Deadline is when a piece is due: the whole piece when Stage is "", or the work at one stage.
type Deadline struct {
	Stage Stage     `json:"stage"`
	DueAt time.Time `json:"due_at"`
}

// DueAt is the due time that counts for a piece in stage among its deadlines: the stage's own,
// or else the piece's; nil when neither is set.
func DueAt(deadlines []Deadline, stage Stage) *time.Time {
	var piece *time.Time
	for i, d := range deadlines {
		switch d.Stage {
		case stage:
			return &deadlines[i].DueAt
		case "":
			piece = &deadlines[i].DueAt
		}
	}
	return piece
}

// Assignment says who holds a piece at a desk (a stage the workflow lets people be assigned
// at), as an assign, claim or unassign request names it.
type Assignment struct {
	DraftID int64
	Stage   Stage
	// UserID is who is to hold the desk; 0 to leave it unassigned.
	UserID int64
}

// DeadlineChange sets (At not nil) or clears the due time of a piece (Stage "") or of one of
// its stages.
type DeadlineChange struct {
	DraftID int64
	Stage   Stage
	At      *time.Time
}

// AssigneeNone is the DraftFilter.Assignee that selects pieces at a desk that nobody holds.
const AssigneeNone int64 = -1

// Budget is the story budget: the pieces due in a span of days, grouped by their day in the
// newsroom's time zone, and the pieces still under way with no due time.
type Budget struct {
	From    time.Time   `json:"from"`
	Days    int         `json:"days"`
	Zone    string      `json:"time_zone"`
	Dated   []BudgetDay `json:"dated"`
	Undated []BudgetRow `json:"undated"`
	// UndatedMore says that more pieces have no due time than Undated lists.
	UndatedMore bool `json:"undated_more"`
}

// BudgetDays are the spans a story budget covers: a day or a week.
var BudgetDays = []int{1, 7}

// BudgetDay is one day of the budget, its pieces in order of due time.
type BudgetDay struct {
	Date  string      `json:"date"`
	Items []BudgetRow `json:"items"`
}

// BudgetRow is one piece on the budget: what it is, where it stands, who writes it, who holds
// it at its current desk (nil when nobody does or the stage is no desk), when it is due, and
// when it last changed (the order of the pieces with no due time).
type BudgetRow struct {
	ID        int64      `json:"id"`
	Title     string     `json:"title"`
	Stage     Stage      `json:"stage"`
	Writer    Person     `json:"writer"`
	Assignee  *Person    `json:"assignee"`
	DueAt     *time.Time `json:"due_at"`
	Due       DueState   `json:"due_state"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// The steps an EventAssigned event and its audit entry name.
const (
	StepAssign   = "assign"   // an editor gave a desk of a piece to someone
	StepClaim    = "claim"    // someone took an unassigned desk of a piece for themselves
	StepUnassign = "unassign" // an editor left a desk of a piece to nobody
	StepDue      = "due"      // an editor set or cleared a due time
)

// CheckTime refuses a time a client gave, named what in the message, that lies outside the
// years 1 to 9999 in UTC: JSON, RFC 3339 and the databases write only four-digit years, so such
// a time, once stored, would make every answer that shows it fail (or be read back as another).
func CheckTime(what string, t time.Time) error {
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return Errorf(EINVALID, "%s must lie between the years 1 and 9999", what)
	}
	return nil
}
