package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	json "github.com/goccy/go-json"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// draftReadFields are the keys and values of the JSON object (see draftObject) that reads one
// draft's short columns, its writer's names, its lead image's id and its claim, if it has one
// (see claimSQL), beside its brief and body.
const draftReadFields = "'id', drafts.id, 'writer_id', drafts.writer_id, 'title', drafts.title, 'byline', drafts.byline, " +
	"'topics', drafts.topics, 'editor_comment', drafts.editor_comment, 'language', drafts.language, 'stage', drafts.stage, " +
	"'version', drafts.version, 'dateline', drafts.dateline, 'scheduled_at', drafts.scheduled_at, 'scheduled_by', drafts.scheduled_by, " +
	"'quote_problems', drafts.quote_problems, 'created_at', drafts.created_at, 'updated_at', drafts.updated_at, " +
	"'username', users.username, 'name', users.name, 'image', drafts.lead_image_id, " +
	"'claim', claims.claim, 'claimed_by', claims.claimed_by, 'claimant_kind', claims.claimant_kind, 'rating', claims.rating, " +
	"'claim_date', claims.claim_date, 'claim_url', claims.claim_url"

// draftReadSQL reads one draft whoever may see it, given its id, with all GET answers about it
// in one row of five columns: its brief, its body, draftReadFields as one JSON object, and its
// due times and who holds it at each desk as two JSON arrays. The arrays are gathered in no
// order: ordering them in SQL had SQLite build a temporary b-tree for each, which cost more
// than the rest of the read. go-sqlite3 pays three cgo calls for each column of each row and
// two for each column of each statement; the 31 columns of two statements were a third of the
// read. The caller checks with the policy's CanSee, the rule visibleTo puts into queries.
func (s *Store) draftReadSQL() string {
	if s.pg {
		return draftReadPostgres
	}
	return draftReadSQLite
}

// draftReadSQLite and draftReadPostgres are draftReadSQL in each dialect, built once.
var (
	draftReadSQLite   = buildDraftReadSQL("json_object", "json_group_array")
	draftReadPostgres = buildDraftReadSQL("json_build_object", "json_agg")
)

// buildDraftReadSQL writes draftReadSQL with the dialect's functions that build a JSON object
// and gather rows' JSON into an array (see jsonObject and jsonArray).
func buildDraftReadSQL(object, array string) string {
	return "SELECT drafts.brief, drafts.body, " + object + "(" + draftReadFields + "), " +
		"(SELECT " + array + "(" + object + "('stage', deadlines.stage, 'due_at', deadlines.due_at))" +
		" FROM deadlines WHERE deadlines.draft_id = drafts.id), " +
		"(SELECT " + array + "(" + object + "('stage', assignments.stage, 'id', users.id, 'username', users.username, 'name', users.name))" +
		" FROM assignments JOIN users ON users.id = assignments.user_id WHERE assignments.draft_id = drafts.id) " +
		"FROM drafts JOIN users ON users.id = drafts.writer_id LEFT JOIN claims ON claims.draft_id = drafts.id WHERE drafts.id = ?"
}

// draftObject is the JSON object of draftReadFields, times as the database writes them.
type draftObject struct {
	ID            int64   `json:"id"`
	WriterID      int64   `json:"writer_id"`
	Title         string  `json:"title"`
	Byline        string  `json:"byline"`
	Topics        string  `json:"topics"`
	EditorComment string  `json:"editor_comment"`
	Language      string  `json:"language"`
	Stage         string  `json:"stage"`
	Version       int     `json:"version"`
	Dateline      string  `json:"dateline"`
	ScheduledAt   *string `json:"scheduled_at"`
	ScheduledBy   *int64  `json:"scheduled_by"`
	QuoteProblems string  `json:"quote_problems"`
	CreatedAt     string  `json:"created_at"`
	UpdatedAt     string  `json:"updated_at"`
	Username      string  `json:"username"`
	Name          string  `json:"name"`
	Image         *int64  `json:"image"`
	// Claim is NULL when the draft has no claim; the claim's other columns are then NULL too.
	Claim        *string `json:"claim"`
	ClaimedBy    string  `json:"claimed_by"`
	ClaimantKind string  `json:"claimant_kind"`
	Rating       string  `json:"rating"`
	ClaimDate    string  `json:"claim_date"`
	ClaimURL     string  `json:"claim_url"`
}

// deadlineObject and assigneeObject are the elements of draftReadSQL's two arrays.
type deadlineObject struct {
	Stage newsroom.Stage `json:"stage"`
	DueAt string         `json:"due_at"`
}

type assigneeObject struct {
	Stage newsroom.Stage `json:"stage"`
	newsroom.Person
}

// readDraft is GetDraft with the id of the draft's lead image, if it has one, in one statement
// prepared once (see draftReadSQL).
func (s *Store) readDraft(ctx context.Context, id int64) (*newsroom.Draft, sql.NullInt64, error) {
	var image sql.NullInt64
	u, err := actor(ctx)
	if err != nil {
		return nil, image, err
	}
	var v draftView
	var object, deadlines, assignees []byte
	err = s.queryRowPrepared(ctx, s.draftReadSQL(), id).Scan(&v.Row.Brief, &v.Row.Body, &object, &deadlines, &assignees)
	if err == sql.ErrNoRows {
		return nil, image, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	if err != nil {
		return nil, image, internal("get draft", err)
	}
	var o draftObject
	if err := json.Unmarshal(object, &o); err != nil {
		return nil, image, internal("get draft", fmt.Errorf("draft %d: %w", id, err))
	}
	if !s.policy.CanSee(u, o.WriterID, newsroom.Stage(o.Stage)) {
		return nil, image, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	if err := s.fillDraftView(&v, o); err != nil {
		return nil, image, internal("get draft", err)
	}
	d := v.draft()
	if o.Claim != nil {
		d.Claim = &newsroom.Claim{Text: *o.Claim, ClaimedBy: o.ClaimedBy, ClaimantKind: o.ClaimantKind, Rating: o.Rating, Date: o.ClaimDate, URL: o.ClaimURL}
	}
	if o.Image != nil {
		image = sql.NullInt64{Int64: *o.Image, Valid: true}
	}
	return d, image, internal("get draft", s.fillDraftWork(d, deadlines, assignees))
}

// fillDraftView sets v's row and writer, all but the brief and body, from o.
func (s *Store) fillDraftView(v *draftView, o draftObject) (err error) {
	r := &v.Row
	r.ID, r.WriterID, r.Title, r.Byline, r.EditorComment, r.Language = o.ID, o.WriterID, o.Title, o.Byline, o.EditorComment, o.Language
	r.Stage, r.Version, r.Dateline, r.ScheduledBy = o.Stage, o.Version, o.Dateline, o.ScheduledBy
	v.WriterUsername, v.WriterName = o.Username, o.Name
	if err := unmarshalColumn(sql.NullString{String: o.Topics, Valid: true}, &r.Topics); err != nil {
		return fmt.Errorf("draft %d topics: %w", o.ID, err)
	}
	if err := unmarshalColumn(sql.NullString{String: o.QuoteProblems, Valid: true}, &r.QuoteProblems); err != nil {
		return fmt.Errorf("draft %d quote problems: %w", o.ID, err)
	}
	if r.ScheduledAt, err = s.jsonTimeOrNil(o.ScheduledAt); err != nil {
		return fmt.Errorf("draft %d: %w", o.ID, err)
	}
	if r.CreatedAt, err = s.jsonTime(o.CreatedAt); err != nil {
		return fmt.Errorf("draft %d: %w", o.ID, err)
	}
	if r.UpdatedAt, err = s.jsonTime(o.UpdatedAt); err != nil {
		return fmt.Errorf("draft %d: %w", o.ID, err)
	}
	return nil
}

// fillDraftWork files draftReadSQL's arrays of due times and assignees (each NULL or [] for
// none) under draft d, the due times by stage.
func (s *Store) fillDraftWork(d *newsroom.Draft, deadlines, assignees []byte) error {
	var due []deadlineObject
	var held []assigneeObject
	if err := unmarshalJSON(deadlines, &due); err != nil {
		return fmt.Errorf("draft %d deadlines: %w", d.ID, err)
	}
	if err := unmarshalJSON(assignees, &held); err != nil {
		return fmt.Errorf("draft %d assignees: %w", d.ID, err)
	}
	for _, o := range due {
		at, err := s.jsonTime(o.DueAt)
		if err != nil {
			return fmt.Errorf("draft %d deadline: %w", d.ID, err)
		}
		d.Deadlines = append(d.Deadlines, newsroom.Deadline{Stage: o.Stage, DueAt: at})
	}
	slices.SortFunc(d.Deadlines, func(a, b newsroom.Deadline) int { return strings.Compare(string(a.Stage), string(b.Stage)) })
	for _, o := range held {
		d.Assignees[o.Stage] = o.Person
	}
	return nil
}

// unmarshalJSON decodes data into v; NULL (nil) leaves v as it is.
func unmarshalJSON(data []byte, v any) error {
	if data == nil {
		return nil
	}
	return json.Unmarshal(data, v)
}
