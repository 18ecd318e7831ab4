package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	json "github.com/goccy/go-json"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/quotes"
)

type draftRow struct {
	ID            int64
	WriterID      int64
	Title         string
	Byline        string
	Brief         string
	Body          string
	Topics        []string `gorm:"serializer:json"`
	EditorComment string
	Language      string
	Stage         string
	Version       int
	Dateline      string
	ScheduledAt   *time.Time
	ScheduledBy   *int64
	QuoteProblems []newsroom.QuoteProblem `gorm:"serializer:json"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (draftRow) TableName() string { return "drafts" }

// draftView is a draft row joined with its writer's name, as every read returns it.
type draftView struct {
	Row            draftRow
	WriterUsername string
	WriterName     string
}

func (v draftView) draft() *newsroom.Draft {
	r := v.Row
	topics := r.Topics
	if topics == nil {
		topics = []string{}
	}
	problems := r.QuoteProblems
	if problems == nil {
		problems = []newsroom.QuoteProblem{}
	}
	return &newsroom.Draft{
		ID: r.ID, Title: r.Title, Byline: r.Byline, Brief: r.Brief, Body: r.Body, Topics: topics,
		EditorComment: r.EditorComment, Language: r.Language, Stage: newsroom.Stage(r.Stage), Version: r.Version,
		Writer: newsroom.Person{ID: r.WriterID, Username: v.WriterUsername, Name: v.WriterName},
		Date:   r.Dateline, ScheduledAt: r.ScheduledAt, QuoteProblems: problems,
		Assignees: map[newsroom.Stage]newsroom.Person{}, Deadlines: []newsroom.Deadline{},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func (r *draftRow) setText(t newsroom.Text) {
	r.Title, r.Byline, r.Brief, r.Body, r.Topics, r.EditorComment = t.Title, t.Byline, t.Brief, t.Body, t.Topics, t.EditorComment
}

// draftColumns are a draft's columns and its writer's names, in the order findDrafts scans them.
const draftColumns = "drafts.id, drafts.writer_id, drafts.title, drafts.byline, drafts.brief, drafts.body, drafts.topics, " +
	"drafts.editor_comment, drafts.language, drafts.stage, drafts.version, drafts.dateline, drafts.scheduled_at, drafts.scheduled_by, " +
	"drafts.quote_problems, drafts.created_at, drafts.updated_at, users.username, users.name"

// draftsQuery selects drafts with their writer's name, as findDrafts scans them.
func draftsQuery(db *gorm.DB) *gorm.DB {
	return db.Table("drafts").Select(draftColumns).Joins("JOIN users ON users.id = drafts.writer_id")
}

// findDrafts runs a draftsQuery and scans its rows.
func findDrafts(q *gorm.DB) ([]draftView, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	return scanDrafts(rows)
}

// scanDrafts scans rows of draftColumns itself, and closes them: GORM's reflection was most of
// the time of reading a draft.
func scanDrafts(rows *sql.Rows) ([]draftView, error) {
	defer rows.Close()
	var views []draftView
	for rows.Next() {
		var v draftView
		if err := scanDraft(rows, &v); err != nil {
			return nil, err
		}
		views = append(views, v)
	}
	return views, rows.Err()
}

// scanDraft scans the current row, draftColumns followed by the columns extra points to, into v.
func scanDraft(rows *sql.Rows, v *draftView, extra ...any) error {
	var topics, problems sql.NullString
	r := &v.Row
	dest := append([]any{&r.ID, &r.WriterID, &r.Title, &r.Byline, &r.Brief, &r.Body, &topics, &r.EditorComment, &r.Language, &r.Stage,
		&r.Version, &r.Dateline, &r.ScheduledAt, &r.ScheduledBy, &problems, &r.CreatedAt, &r.UpdatedAt,
		&v.WriterUsername, &v.WriterName}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	if err := unmarshalColumn(topics, &r.Topics); err != nil {
		return fmt.Errorf("draft %d topics: %w", r.ID, err)
	}
	if err := unmarshalColumn(problems, &r.QuoteProblems); err != nil {
		return fmt.Errorf("draft %d quote problems: %w", r.ID, err)
	}
	return nil
}

// unmarshalColumn decodes a JSON column into v; NULL and empty leave v as it is. It decodes
// with go-json: encoding/json's decoding of a draft's topics and quote problems took 29% of
// GET /drafts/{id} in BenchmarkGetDraft, whose drafts have many unclosed quotes; go-json's 8%.
func unmarshalColumn(col sql.NullString, v any) error {
	if !col.Valid || col.String == "" {
		return nil
	}
	return json.Unmarshal([]byte(col.String), v)
}

// visibleTo narrows a drafts query to what u may see: the policy's rule as a SQL condition, so a
// draft u may not see is simply not found.
func (s *Store) visibleTo(q *gorm.DB, u *newsroom.User) *gorm.DB {
	c := s.policy.Visible(u)
	return q.Where(c.SQL, c.Args...)
}

// findDraft loads draft id as u may see it, or ENOTFOUND.
func (s *Store) findDraft(db *gorm.DB, u *newsroom.User, id int64) (*draftView, error) {
	views, err := findDrafts(s.visibleTo(draftsQuery(db), u).Where("drafts.id = ?", id).Limit(1))
	if err != nil {
		return nil, err
	}
	if len(views) == 0 {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	return &views[0], nil
}

// CreateDraft starts a new draft, owned by the acting writer, as version 1 in the workflow's
// first stage.
func (s *Store) CreateDraft(ctx context.Context, text newsroom.Text) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.policy.Check(u, policy.DraftCreate, 0); err != nil {
		return nil, err
	}
	text.EditorComment = ""
	d, _, err := s.createDraft(ctx, u, u.ID, text, "", newsroom.StepCreate, "")
	return d, err
}

// createDraft writes a new draft for writerID, its first revision and its audit row together.
// actor is who does it: the writer, or whoever imports on their behalf. A token ("" for none)
// makes the creation happen once (see CreateDraftOnce): made is false where the same token made
// the draft it returns before.
func (s *Store) createDraft(ctx context.Context, actor *newsroom.User, writerID int64, text newsroom.Text, dateline, action, token string) (d *newsroom.Draft, made bool, err error) {
	text = text.Normalize()
	if err := text.Validate(); err != nil {
		return nil, false, err
	}
	if err := text.CheckDirections(newsroom.Text{}); err != nil {
		return nil, false, err
	}
	if err := text.CheckParagraphs(newsroom.Text{}); err != nil {
		return nil, false, err
	}
	once := newCreation(actor.ID, token, text)
	news, problems := findQuotes(text)
	if err := newsroom.CheckQuoteCount(len(news), 0); err != nil {
		return nil, false, err
	}
	now := s.clock()
	row := draftRow{WriterID: writerID, Stage: string(s.policy.Initial()), Version: 1, Dateline: dateline,
		QuoteProblems: problems, CreatedAt: now, UpdatedAt: now}
	row.setText(text)
	var again int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		id, err := once.earlier(tx)
		if err != nil || id != 0 {
			d, made, again = nil, false, id
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := once.claim(tx, row.ID, now); err != nil {
			return err
		}
		if err := insertRevision(tx, row.ID, origin{}, actor.ID, text, now); err != nil {
			return err
		}
		if err := syncLedger(tx, row.ID, 1, actor.ID, quotes.Edit{}, nil, news, now); err != nil {
			return err
		}
		if err := insertAudit(tx, row.ID, actor.ID, action, "", s.policy.Initial(), "", now); err != nil {
			return err
		}
		record(tx, draftEvent(newsroom.EventDrafted, row.ID, actor.ID, action, s.policy.Initial()))
		d, made = nil, true
		d, err = newDraft(tx, row.ID)
		return err
	})
	if err != nil {
		return nil, false, internal("create draft", err)
	}
	if again != 0 {
		// The draft the same form made before is read as GET reads it, after the transaction:
		// with its deadlines, assignees and claim as they are now, and only if the sender may
		// still see it.
		d, err = s.GetDraft(ctx, again)
		return d, false, err
	}
	return d, made, nil
}

// newDraft reads back draft id, just made, whoever may see it: an importer need not see the
// first stage of someone else's draft to have made it.
func newDraft(tx *gorm.DB, id int64) (*newsroom.Draft, error) {
	views, err := findDrafts(draftsQuery(tx).Where("drafts.id = ?", id))
	if err != nil || len(views) != 1 {
		return nil, err
	}
	return views[0].draft(), nil
}

// GetDraft returns one draft, if the acting user may see it.
func (s *Store) GetDraft(ctx context.Context, id int64) (*newsroom.Draft, error) {
	d, _, err := s.readDraft(ctx, id)
	return d, err
}

// GetDraftWithImage is GetDraft with the draft's lead image, nil when it has none, as the API
// answers a draft: the image's id comes with the draft, so a draft without one costs no more.
func (s *Store) GetDraftWithImage(ctx context.Context, id int64) (*newsroom.Draft, *newsroom.Image, error) {
	d, image, err := s.readDraft(ctx, id)
	if err != nil || !image.Valid {
		return d, nil, err
	}
	img, err := loadImage(s.read(ctx), image.Int64)
	return d, img, internal("get draft image", err)
}

// ListDrafts returns a page of the drafts the acting user may see, newest change first.
func (s *Store) ListDrafts(ctx context.Context, f newsroom.DraftFilter) (*newsroom.DraftPage, error) {
	q, err := s.draftPage(ctx, &f)
	if err != nil {
		return nil, err
	}
	rows, err := findDrafts(q)
	if err != nil {
		return nil, internal("list drafts", err)
	}
	page := &newsroom.DraftPage{Items: make([]newsroom.Draft, 0, len(rows))}
	sizes := make([]int, len(rows))
	for i, r := range rows {
		sizes[i] = len(r.Row.Title) + len(r.Row.Byline) + len(r.Row.Brief) + len(r.Row.Body) + len(r.Row.EditorComment)
	}
	if n := min(f.Limit, newsroom.ListFits(sizes)); n < len(rows) {
		rows = rows[:n]
		last := rows[len(rows)-1].Row
		page.Next = encodeCursor(last.UpdatedAt, last.ID)
	}
	for _, r := range rows {
		page.Items = append(page.Items, *r.draft())
	}
	return page, internal("list drafts", loadWork(s.read(ctx), pointers(page.Items)))
}

// ListDraftStamps returns the page ListDrafts would, with each draft's stamp in place of the
// draft: no text is read, so a caller that keeps drafts it has seen reads only those that
// changed (with DraftsByID). It scans the rows itself, without GORM's reflection, which was
// most of its time.
func (s *Store) ListDraftStamps(ctx context.Context, f newsroom.DraftFilter) (*newsroom.DraftStampPage, error) {
	q, err := s.draftPage(ctx, &f)
	if err != nil {
		return nil, err
	}
	rows, err := q.Select("drafts.id, drafts.stage, drafts.version, drafts.updated_at, drafts.writer_id, users.username, users.name, " + textBytesSQL).Rows()
	if err != nil {
		return nil, internal("list drafts", err)
	}
	defer rows.Close()
	page := &newsroom.DraftStampPage{Items: make([]newsroom.DraftStamp, 0, f.Limit+1)}
	sizes := make([]int, 0, f.Limit+1)
	for rows.Next() {
		var st newsroom.DraftStamp
		var size int
		if err := rows.Scan(&st.ID, &st.Stage, &st.Version, &st.UpdatedAt, &st.Writer.ID, &st.Writer.Username, &st.Writer.Name, &size); err != nil {
			return nil, internal("list drafts", err)
		}
		page.Items, sizes = append(page.Items, st), append(sizes, size)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list drafts", err)
	}
	if n := min(f.Limit, newsroom.ListFits(sizes)); n < len(page.Items) {
		page.Items = page.Items[:n]
		last := page.Items[n-1]
		page.Next = encodeCursor(last.UpdatedAt, last.ID)
	}
	return page, nil
}

// textBytesSQL is the bytes of a draft's text, which a page of whole drafts counts against
// newsroom.MaxListBytes at newsroom.JSONBytesPerByte bytes of answer each. octet_length reads a value's size without reading the value, on SQLite
// (3.43 and later) and PostgreSQL alike, so the page is cut without reading any draft's text.
const textBytesSQL = "octet_length(drafts.title) + octet_length(drafts.byline) + octet_length(drafts.brief) + " +
	"octet_length(drafts.body) + octet_length(drafts.editor_comment)"

// draftPage builds the query behind a page of drafts: up to f.Limit+1 of them, so that the
// caller can tell whether another page follows. It settles f.Limit.
func (s *Store) draftPage(ctx context.Context, f *newsroom.DraftFilter) (*gorm.DB, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	conds, err := s.pageConditions(u, f)
	if err != nil {
		return nil, err
	}
	q := draftsQuery(s.read(ctx))
	for _, c := range conds {
		q = q.Where(c.SQL, c.Args...)
	}
	return q.Order(newestFirst).Limit(f.Limit + 1), nil
}

// newestFirst is the order of a page of drafts, which its cursor follows.
const newestFirst = "drafts.updated_at DESC, drafts.id DESC"

// pageConditions are the conditions on drafts of a page of them under f as u sees it, each
// with its arguments: the policy's, f's filters, and where f's cursor left off. It settles
// f.Limit.
func (s *Store) pageConditions(u *newsroom.User, f *newsroom.DraftFilter) ([]policy.Condition, error) {
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	conds := append([]policy.Condition{s.policy.Visible(u)}, s.filters(*f)...)
	if f.Cursor != "" {
		at, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, err
		}
		conds = append(conds, policy.Condition{SQL: "(drafts.updated_at < ? OR (drafts.updated_at = ? AND drafts.id < ?))", Args: []any{at, at, id}})
	}
	return conds, nil
}

// narrowed keeps to the drafts of q that f's stage and assignee filters select, for a list and
// a search alike.
func (s *Store) narrowed(q *gorm.DB, f newsroom.DraftFilter) *gorm.DB {
	for _, c := range s.filters(f) {
		q = q.Where(c.SQL, c.Args...)
	}
	return q
}

// filters are the conditions f's stage and assignee filters put on drafts.
func (s *Store) filters(f newsroom.DraftFilter) []policy.Condition {
	var conds []policy.Condition
	if f.Stage != "" {
		conds = append(conds, policy.Condition{SQL: "drafts.stage = ?", Args: []any{f.Stage}})
	}
	switch {
	case f.Assignee == newsroom.AssigneeNone:
		conds = append(conds, s.unassigned())
	case f.Assignee > 0:
		conds = append(conds, policy.Condition{SQL: "EXISTS (SELECT 1 FROM assignments WHERE assignments.draft_id = drafts.id AND assignments.stage = drafts.stage AND assignments.user_id = ?)",
			Args: []any{f.Assignee}})
	}
	return conds
}

// unassigned is the condition on drafts that holds for a piece at a desk with nobody assigned
// there: the desk's pool.
func (s *Store) unassigned() policy.Condition {
	return policy.Condition{SQL: "drafts.stage IN ? AND NOT EXISTS (SELECT 1 FROM assignments WHERE assignments.draft_id = drafts.id AND assignments.stage = drafts.stage)",
		Args: []any{stageNames(s.policy.Desks())}}
}

// DraftsByID returns the drafts with these ids that the acting user may see, in no particular
// order; ids not found or not visible are left out.
func (s *Store) DraftsByID(ctx context.Context, ids []int64) ([]newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := findDrafts(s.visibleTo(draftsQuery(s.read(ctx)), u).Where("drafts.id IN ?", ids))
	if err != nil {
		return nil, internal("drafts by id", err)
	}
	drafts := make([]newsroom.Draft, len(rows))
	for i, r := range rows {
		drafts[i] = *r.draft()
	}
	return drafts, internal("drafts by id", loadWork(s.read(ctx), pointers(drafts)))
}

// pointers points at each of drafts, for loadWork to fill in.
func pointers(drafts []newsroom.Draft) []*newsroom.Draft {
	out := make([]*newsroom.Draft, len(drafts))
	for i := range drafts {
		out[i] = &drafts[i]
	}
	return out
}

// UpdateDraft saves a new revision of a draft's text. A save based on a version that is no longer
// current is merged with the current text (see mergeStale) and saved as a merged revision when
// the two changed different words and the result is valid. Otherwise it is refused, with
// ECONFLICT naming the conflicts or EINVALID naming what is wrong with the merge, but its text is
// kept as an unmerged revision so that nothing the writer typed is lost (the newest
// MaxUnmergedTexts of them per author, see keepUnmerged). The save, its merge and where the
// draft's comments go are worked out before the transaction, which writes them where nothing
// they were worked out from has changed by the time it holds the writer (see planSave and save).
func (s *Store) UpdateDraft(ctx context.Context, id int64, upd newsroom.DraftUpdate) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if upd.Version < 0 {
		return nil, newsroom.Errorf(newsroom.EINVALID, "the version you saw is %d: versions start at 1", upd.Version).With("field", "version")
	}
	if upd.Version == 0 {
		return nil, newsroom.Errorf(newsroom.EINVALID, "version is required: send the version you last saw")
	}
	if err := upd.CanonicalizeLanguage(); err != nil {
		return nil, err
	}
	return s.save(ctx, u, id, upd, s.planSave(ctx, u, id, upd))
}

// checkEdit applies the policy and the workflow to a save and returns the new, valid text.
func (s *Store) checkEdit(u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate) (newsroom.Text, error) {
	return s.checkText(u, cur, upd.Apply(cur.Text()))
}

// checkText applies the policy and the workflow to text as cur's next text, and returns it
// normalized and valid.
func (s *Store) checkText(u *newsroom.User, cur *newsroom.Draft, text newsroom.Text) (newsroom.Text, error) {
	text, err := s.mayChange(u, cur, text)
	if err != nil {
		return newsroom.Text{}, err
	}
	return text, validNext(cur, text)
}

// validNext checks a normalized text as cur's next: valid, the fields it changes held to the
// rule for direction characters, and its body to the paragraph cap unless it has no more
// paragraphs than cur's. A field it leaves as stored is not held to a newer rule, so that a
// text stored before the rule can still be saved by someone who may not change that field, and
// a body stored over the cap before it came in can still be saved, shortened and corrected.
func validNext(cur *newsroom.Draft, text newsroom.Text) error {
	if err := text.Validate(); err != nil {
		return err
	}
	was := cur.Text().Normalize()
	if err := text.CheckDirections(was); err != nil {
		return err
	}
	return text.CheckParagraphs(was)
}

// mayChange applies the policy and the workflow to text as cur's next text, and returns it
// normalized, valid or not. What changed is judged against cur's text normalized too: a text
// stored before a rule of Normalize came in differs from its normalized self, and that is no
// change of the saver's.
func (s *Store) mayChange(u *newsroom.User, cur *newsroom.Draft, text newsroom.Text) (newsroom.Text, error) {
	text = text.Normalize()
	return text, s.policy.CheckEdit(u, cur, text.Changed(cur.Text().Normalize()))
}

// lockDraft is findDraft inside a write transaction: on PostgreSQL it waits for, then holds, the
// draft's row lock until tx ends, and reads the draft as the last writer left it. Every change to
// a draft, its revisions, quote ledger, comments and publications goes through it, so that two
// saves of one draft cannot both build on the same version.
//
// On SQLite, which locks no rows, it reads the row with planDraftSQL, prepared once, and checks
// the policy's CanSee on it, as planView does, rather than have GORM build findDraft's query with
// the policy's rule in it on every call: a publish and a step of the workflow read their draft so
// while they hold the writer. The rule and the condition agree (see policy.Visible). On
// PostgreSQL the rule stays in the query's WHERE: a row it leaves out is neither waited for nor
// locked, so that someone who may not see a draft is refused at once, learns nothing of who is
// writing it, and never queues for its lock ahead of those who may.
func (s *Store) lockDraft(tx *gorm.DB, u *newsroom.User, id int64) (*draftView, error) {
	if s.pg {
		return s.findDraft(s.forUpdate(tx, "drafts"), u, id)
	}
	rows, err := queryRaw(tx, planDraftSQL, id)
	if err != nil {
		return nil, err
	}
	views, err := scanDrafts(rows)
	if err != nil {
		return nil, err
	}
	if len(views) == 0 || !s.policy.CanSee(u, views[0].Row.WriterID, newsroom.Stage(views[0].Row.Stage)) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	return &views[0], nil
}
