package newsroom

import (
	"slices"
	"strings"
	"time"
)

// Draft is a piece in the workflow, with the text of its latest revision.
type Draft struct {
	ID            int64    `json:"id"`
	Title         string   `json:"title"`
	Byline        string   `json:"byline"`
	Brief         string   `json:"brief"`
	Body          string   `json:"body"`
	Topics        []string `json:"topics"`
	EditorComment string   `json:"editor_comment"`
	// Language is the piece's BCP 47 language tag, canonical; empty means the site's language.
	Language string `json:"language"`
	Stage    Stage  `json:"stage"`
	Version  int    `json:"version"`
	Writer   Person `json:"writer"`
	// Date is the date an imported piece carried (YYYY-MM-DD), empty otherwise.
	Date string `json:"date,omitempty"`
	// ScheduledAt is when a scheduled draft goes public.
	ScheduledAt *time.Time `json:"scheduled_at,omitempty"`
	// QuoteProblems lists quotation marks that never close.
	QuoteProblems []QuoteProblem `json:"quote_problems"`
	// Assignees are who holds the piece at each desk that someone holds.
	Assignees map[Stage]Person `json:"assignees"`
	// Deadlines are the piece's due time (stage "") and its stages' own, in no order.
	Deadlines []Deadline `json:"deadlines"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`

	// Claim is the claim the piece fact-checks, if an editor marked it as a fact-check.
	Claim *Claim `json:"claim,omitempty"`
}

// Due is the due time that counts for the piece now (see DueAt), or nil.
func (d *Draft) Due() *time.Time { return DueAt(d.Deadlines, d.Stage) }

// Assignee is who holds the piece at its current stage, or nil.
func (d *Draft) Assignee() *Person {
	if p, ok := d.Assignees[d.Stage]; ok {
		return &p
	}
	return nil
}

// Person names a user where a draft, revision or audit entry refers to one.
type Person struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
}

// Text is the editable text of a draft: what one revision stores whole.
type Text struct {
	Title         string   `json:"title"`
	Byline        string   `json:"byline"`
	Brief         string   `json:"brief"`
	Body          string   `json:"body"`
	Topics        []string `json:"topics"`
	EditorComment string   `json:"editor_comment"`
}

// Text returns the draft's current text.
func (d *Draft) Text() Text {
	return Text{Title: d.Title, Byline: d.Byline, Brief: d.Brief, Body: d.Body, Topics: d.Topics, EditorComment: d.EditorComment}
}

// Paragraphs splits the body into its paragraphs.
func (t Text) Paragraphs() []string {
	if t.Body == "" {
		return nil
	}
	return strings.Split(t.Body, "\n")
}

// MaxUnmergedTexts is how many unmerged texts a draft keeps per author: an author's older stale
// saves stay in the history as revisions, but their texts are dropped.
const MaxUnmergedTexts = 20

// Revision is one saved version of a draft's text. A save that lost a version race is merged
// with the current text when the two changed different words: Merged is set, BaseVersion says
// which version its author had seen and MergedWith the version it was merged with. Where both
// changed the same words it is kept as an unmerged revision: Version is 0, BaseVersion says
// which version its author had seen. Pruned says that an unmerged revision's text was dropped,
// its author having made MaxUnmergedTexts newer stale saves of the draft.
type Revision struct {
	ID          int64     `json:"id"`
	DraftID     int64     `json:"draft_id"`
	Version     int       `json:"version,omitempty"`
	BaseVersion int       `json:"base_version"`
	Unmerged    bool      `json:"unmerged"`
	Merged      bool      `json:"merged"`
	MergedWith  int       `json:"merged_with,omitempty"`
	Pruned      bool      `json:"pruned,omitempty"`
	Author      Person    `json:"author"`
	CreatedAt   time.Time `json:"created_at"`
	Text        *Text     `json:"text,omitempty"`
}

// AuditEntry records one action on a draft: who, when, from which stage to which, and why.
type AuditEntry struct {
	ID      int64     `json:"id"`
	DraftID int64     `json:"draft_id"`
	Actor   Person    `json:"actor"`
	Action  string    `json:"action"`
	From    Stage     `json:"from"`
	To      Stage     `json:"to"`
	Note    string    `json:"note"`
	At      time.Time `json:"at"`
}

// HistoryFilter selects a page of a draft's history. Cursor is the opaque value a previous page
// returned; UnmergedText asks for the kept texts of unmerged revisions.
type HistoryFilter struct {
	Limit        int
	Cursor       string
	UnmergedText bool
}

// History is one page of what happened to a draft: up to a page's limit of revisions and of
// audit entries, each list newest first, and on the first page the latest QuoteEventsShown
// events of each quote, oldest first, with how many older ones each quote has (QuotesOlder, by
// quote id, naming only quotes that have some). Next continues both lists; it is empty on the
// last page.
type History struct {
	Revisions   []Revision    `json:"revisions"`
	Audit       []AuditEntry  `json:"audit"`
	Quotes      []QuoteEvent  `json:"quotes"`
	QuotesOlder map[int64]int `json:"quotes_older"`
	Next        string        `json:"next"`
}

// DraftFilter selects drafts for a list, or for a search's results. Query is what a search
// looks for (lists leave it aside); Cursor is the opaque value a previous page returned.
type DraftFilter struct {
	Stage  Stage
	Query  string
	Limit  int
	Cursor string
	// Assignee keeps the pieces held at their current desk by this user, or with AssigneeNone
	// those at a desk nobody holds; 0 keeps every piece.
	Assignee int64
}

// MaxListBytes is the most bytes the text of a page of whole drafts (title, byline, brief, body
// and editor's comment) may take in the JSON answer, whatever its limit asks. Without it a page
// of 200 drafts at the body limit held about a gigabyte of the server's memory while it was read
// and written.
const MaxListBytes = 8 << 20

// JSONBytesPerByte is the most bytes one byte of text takes in a JSON answer: < > & and control
// characters are written as \u00XX, a byte that is not UTF-8 as \ufffd. A page's text is counted
// at this rate because its size is known before its text is read (octet_length), and counting
// the characters that need escaping would mean reading every candidate's text once to measure it
// and again to send it. So MaxListBytes holds a page to 1,398,101 bytes of text: a body at its
// limit in letters of four bytes (1.6 MB) is a page of its own, and pieces of 1,500 words in
// English (about 10 kB of text each) come about 130 a page.
const JSONBytesPerByte = 6

// ListFits returns how many of the drafts whose text takes sizes bytes, in the list's order, one
// page of whole drafts holds: those whose text, at JSONBytesPerByte bytes of answer for each of
// its bytes, stays within MaxListBytes together, and always the first.
func ListFits(sizes []int) int {
	total := 0
	for i, n := range sizes {
		if total += n * JSONBytesPerByte; i > 0 && total > MaxListBytes {
			return i
		}
	}
	return len(sizes)
}

// DraftPage is one page of a draft list; Next is empty on the last page.
type DraftPage struct {
	Items []Draft `json:"items"`
	Next  string  `json:"next"`
}

// DraftStamp names one state of a draft. Every change to a draft gives it a new version,
// stage or update time, so a draft whose stamp equals an earlier one is, field for field, the
// draft it was then (the writer's names, which an admin may change, are part of the stamp).
type DraftStamp struct {
	ID        int64
	Stage     Stage
	Version   int
	UpdatedAt time.Time
	Writer    Person
}

// Stamp is d's stamp.
func (d *Draft) Stamp() DraftStamp {
	return DraftStamp{ID: d.ID, Stage: d.Stage, Version: d.Version, UpdatedAt: d.UpdatedAt, Writer: d.Writer}
}

// DraftStampPage is a page of a draft list as stamps; Next is as in DraftPage.
type DraftStampPage struct {
	Items []DraftStamp
	Next  string
}

// DraftUpdate is a save: the fields to change (nil keeps the current value) and the version the
// client last saw, which must still be the current one.
type DraftUpdate struct {
	Title         *string   `json:"title"`
	Byline        *string   `json:"byline"`
	Brief         *string   `json:"brief"`
	Body          *string   `json:"body"`
	Topics        *[]string `json:"topics"`
	EditorComment *string   `json:"editor_comment"`
	// Language sets the piece's language, a BCP 47 tag ("" for the site's); nil leaves it.
	Language *string `json:"language"`
	Version  int     `json:"version"`
	// WorkingCopy names the saver's working copy of the draft that the save takes the place of,
	// by when it was kept (its SavedAt): the save drops that copy and no other, so that typing
	// kept from another tab or machine since outlives a save made here. Nil drops whatever copy
	// the saver keeps; the zero time, which no copy has, drops none.
	WorkingCopy *time.Time `json:"working_copy,omitempty"`
}

// CanonicalizeLanguage checks the update's language and puts it in canonical form, so that the
// store keeps one spelling of each language.
func (u *DraftUpdate) CanonicalizeLanguage() error {
	if u.Language == nil {
		return nil
	}
	tag, err := CanonicalLanguage(*u.Language)
	u.Language = &tag
	return err
}

// Changed names the fields of t that differ from was, in the order the workflow file lists
// fields: title, byline, brief, body, topics, editor_comment.
func (t Text) Changed(was Text) []string {
	var out []string
	for _, f := range []struct {
		name string
		same bool
	}{
		{"title", t.Title == was.Title}, {"byline", t.Byline == was.Byline}, {"brief", t.Brief == was.Brief},
		{"body", t.Body == was.Body}, {"topics", slices.Equal(t.Topics, was.Topics)}, {"editor_comment", t.EditorComment == was.EditorComment},
	} {
		if !f.same {
			out = append(out, f.name)
		}
	}
	return out
}

// Over returns t with the fields names of edited in place: a text's own fields where its maker
// changed them, laid over another.
func (t Text) Over(edited Text, names []string) Text {
	for _, name := range names {
		switch name {
		case "title":
			t.Title = edited.Title
		case "byline":
			t.Byline = edited.Byline
		case "brief":
			t.Brief = edited.Brief
		case "body":
			t.Body = edited.Body
		case "topics":
			t.Topics = edited.Topics
		case "editor_comment":
			t.EditorComment = edited.EditorComment
		}
	}
	return t
}

// Apply returns t with the update's fields in place.
func (u DraftUpdate) Apply(t Text) Text {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&t.Title, u.Title)
	set(&t.Byline, u.Byline)
	set(&t.Brief, u.Brief)
	set(&t.Body, u.Body)
	set(&t.EditorComment, u.EditorComment)
	if u.Topics != nil {
		t.Topics = *u.Topics
	}
	return t
}

// CorrectionRequest is a correction of a published piece as a user asks for it: the corrected
// body (nil keeps it), the public note, and the version of the draft the body was based on (0
// when the caller does not say, and then the body is taken as it is).
type CorrectionRequest struct {
	Body    *string `json:"body"`
	Note    string  `json:"note"`
	Version int     `json:"version"`
}

// Publication says where a draft went public (or will): its article's slug, the stage it is now
// in (published or scheduled), when readers see it, and which snapshot it is (1 for the first
// publication, more for corrections).
type Publication struct {
	DraftID     int64     `json:"draft_id"`
	Slug        string    `json:"slug"`
	Stage       Stage     `json:"stage"`
	PublishedAt time.Time `json:"published_at"`
	Number      int       `json:"number"`
}
