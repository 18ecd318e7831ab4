package newsroom

import "time"

// DraftSummary is a draft as a list shows it: what the piece is, who wrote it, where it stands
// in the workflow, who holds it there and by when, without its text. A desk's queue reads
// these, so that a page of fifty pieces is a few kilobytes rather than fifty whole bodies.
type DraftSummary struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Byline   string `json:"byline"`
	Language string `json:"language"`
	Stage    Stage  `json:"stage"`
	Version  int    `json:"version"`
	Writer   Person `json:"writer"`
	// Assignee is who holds the piece at its current stage, or nil.
	Assignee *Person `json:"assignee"`
	// DueAt is the due time that counts for the piece now (see DueAt), or nil.
	DueAt     *time.Time `json:"due_at"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// DraftSummaryPage is one page of a draft list as summaries; Next is as in DraftPage.
type DraftSummaryPage struct {
	Items []DraftSummary `json:"items"`
	Next  string         `json:"next"`
}
