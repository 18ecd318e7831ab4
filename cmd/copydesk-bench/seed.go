package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/store"
)

// stagePattern spreads the stages over the drafts, twenty at a time, so that every stage has
// drafts from every period: a fifth published, three tenths approved (the publish scenario's
// pool), a fifth in editing, a tenth in fact_check, 15% in draft and 5% spiked.
var stagePattern = [20]newsroom.Stage{
	newsroom.StagePublished, newsroom.StageApproved, newsroom.StageEditing, newsroom.StageDraft, newsroom.StageApproved,
	newsroom.StagePublished, newsroom.StageFactCheck, newsroom.StageApproved, newsroom.StageEditing, newsroom.StagePublished,
	newsroom.StageDraft, newsroom.StageApproved, newsroom.StageEditing, newsroom.StageSpiked, newsroom.StagePublished,
	newsroom.StageApproved, newsroom.StageFactCheck, newsroom.StageEditing, newsroom.StageDraft, newsroom.StageApproved,
}

// stageOf is the stage of draft id (ids count from 1).
func stageOf(id int64) newsroom.Stage { return stagePattern[(id-1)%int64(len(stagePattern))] }

// mixFor counts how many of n drafts the seeder puts in each stage.
func mixFor(n int) map[newsroom.Stage]int {
	m := map[newsroom.Stage]int{}
	for id := int64(1); id <= int64(n); id++ {
		m[stageOf(id)]++
	}
	return m
}

// The seeded staff. Scenarios sign in as some of them through the API.
const (
	nWriters      = 40
	nEditors      = 4
	nFactCheckers = 6
)

// account is a seeded user and the password to sign in with.
type account struct {
	ID       int64
	Username string
	Name     string
	Password string
}

// newsroomDB is what the seeder made and the scenarios need: the staff, and which drafts are in
// which stage.
type newsroomDB struct {
	Drafts       int
	Writers      []account
	Editors      []account
	FactCheckers []account
	ByStage      map[newsroom.Stage][]int64
	WriterOf     map[int64]account // the writer of each draft in stage draft
	Slugs        []string          // the published articles
	Topics       []string          // the topics of the published articles, each once
}

// seed fills a fresh database at db (a SQLite path or a PostgreSQL URL) with a newsroom of n drafts. Users are created through the
// service (with the cheapest bcrypt cost, which only makes sign-in fast); drafts and everything
// about them are written with plain SQL in large transactions, row for row what the service
// would have written (see seedDraft), because going through the service one save at a time
// would take many minutes.
func seed(ctx context.Context, db string, n int, progress func(done int)) (*newsroomDB, error) {
	st, err := store.Open(db, store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return nil, err
	}
	nr := &newsroomDB{Drafts: n, ByStage: map[newsroom.Stage][]int64{}, WriterOf: map[int64]account{}}
	op := store.AsOperator(ctx)
	staff := []struct {
		prefix string
		count  int
		role   newsroom.Role
		into   *[]account
	}{
		{"writer", nWriters, newsroom.RoleWriter, &nr.Writers},
		{"editor", nEditors, newsroom.RoleEditor, &nr.Editors},
		{"factchecker", nFactCheckers, newsroom.RoleFactChecker, &nr.FactCheckers},
	}
	for _, s := range staff {
		for i := 1; i <= s.count; i++ {
			a := account{Username: fmt.Sprintf("%s%02d", s.prefix, i), Password: fmt.Sprintf("bench-%s-%02d", s.prefix, i)}
			a.Name = fmt.Sprintf("%s %s", givenNames[i%len(givenNames)], surnames[(i*5+len(s.prefix))%len(surnames)])
			u, err := st.CreateUser(op, store.NewUser{Username: a.Username, Name: a.Name, Role: s.role, Password: a.Password})
			if err != nil {
				return nil, err
			}
			a.ID = u.ID
			*s.into = append(*s.into, a)
		}
	}
	workflow, err := policy.Default()
	if err != nil {
		return nil, err
	}
	g := &seeder{nr: nr, workflow: workflow, now: time.Now().UTC().Truncate(time.Microsecond), pg: store.IsPostgres(db)}
	const batch = 250
	for from := 1; from <= n; from += batch {
		to := min(n, from+batch-1)
		if err := g.batch(ctx, st.DB(), from, to); err != nil {
			return nil, fmt.Errorf("seed drafts %d to %d: %w", from, to, err)
		}
		if progress != nil {
			progress(to)
		}
	}
	if err := g.moveSequences(ctx, st.DB()); err != nil {
		return nil, err
	}
	// Migrating again, once the database forgets that its backfills have run, maps the pieces
	// just written to their topics and authors and indexes their public text, as it does for
	// pieces published before those existed.
	if _, err := st.DB().ExecContext(ctx, "DELETE FROM backfills"); err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		return nil, err
	}
	return nr, nil
}

// seeder writes drafts; its statements are prepared afresh in each batch's transaction.
type seeder struct {
	nr *newsroomDB
	// workflow is the default workflow, whose actions the seeded audit trails follow.
	workflow *policy.Policy
	now      time.Time
	stmts    map[string]*sql.Stmt
	pubID    int64
	// pg is set on PostgreSQL, whose driver numbers its placeholders ($1, $2…).
	pg bool
}

// The statements a draft needs, named; each mirrors the columns the service's GORM rows fill.
var seedSQL = map[string]string{
	"draft": `INSERT INTO drafts (id, writer_id, title, byline, brief, body, topics, editor_comment, stage, version,
		created_at, updated_at, dateline, quote_problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '[]')`,
	"revision": `INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics,
		editor_comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"quote": `INSERT INTO quotes (draft_id, field, text, speaker, kind, kind_reason, paragraph, start_pos, end_pos, status,
		checked_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	"quote_event": `INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, actor_id, at, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"comment": `INSERT INTO comments (draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos,
		status, anchored_version, resolved_by, resolved_at, created_at) VALUES (?, ?, 'body', ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?, ?)`,
	"audit":   `INSERT INTO audit (draft_id, actor_id, action, from_stage, to_stage, note, at) VALUES (?, ?, ?, ?, ?, '', ?)`,
	"article": `INSERT INTO articles (id, draft_id, slug, first_published_at, latest_publication_id) VALUES (?, ?, ?, ?, ?)`,
	"publication": `INSERT INTO publications (id, article_id, number, revision_version, title, byline, brief, body, topics,
		editor_comment, correction_note, published_at, published_by, content_hash) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
}

// batch writes drafts from … to in one transaction.
func (g *seeder) batch(ctx context.Context, db *sql.DB, from, to int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	g.stmts = map[string]*sql.Stmt{}
	for name, q := range seedSQL {
		if g.pg {
			q = store.NumberPlaceholders(q)
		}
		if g.stmts[name], err = tx.PrepareContext(ctx, q); err != nil {
			return fmt.Errorf("prepare %s: %w", name, err)
		}
	}
	if err := g.pauseSearchIndex(ctx, tx); err != nil {
		return err
	}
	for id := from; id <= to; id++ {
		if err := g.draft(ctx, int64(id)); err != nil {
			return err
		}
	}
	if err := g.indexDrafts(ctx, tx, from, to); err != nil {
		return err
	}
	return tx.Commit()
}

// pauseSearchIndex stops PostgreSQL's comment trigger from indexing a draft's whole text again
// for each of its twenty comments, until indexDrafts; that made seeding ten times slower. The
// schema is the benchmark's own, and the change is undone in the same transaction.
func (g *seeder) pauseSearchIndex(ctx context.Context, tx *sql.Tx) error {
	if !g.pg {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "ALTER TABLE comments DISABLE TRIGGER USER"); err != nil {
		return fmt.Errorf("seed: pause the search index: %w", err)
	}
	return nil
}

// indexDrafts indexes drafts from … to with their comments, as the triggers paused by
// pauseSearchIndex would have left them, and starts the triggers again.
func (g *seeder) indexDrafts(ctx context.Context, tx *sql.Tx, from, to int) error {
	if !g.pg {
		return nil
	}
	_, err := tx.ExecContext(ctx, "ALTER TABLE comments ENABLE TRIGGER USER")
	if err == nil {
		_, err = tx.ExecContext(ctx, "SELECT draft_search_refresh(id) FROM drafts WHERE id BETWEEN $1 AND $2", from, to)
	}
	if err != nil {
		return fmt.Errorf("seed: index drafts %d to %d for search: %w", from, to, err)
	}
	return nil
}

// exec runs one named statement.
func (g *seeder) exec(ctx context.Context, name string, args ...any) (sql.Result, error) {
	res, err := g.stmts[name].ExecContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

// insertID runs one named INSERT … RETURNING id statement and returns the new row's id.
func (g *seeder) insertID(ctx context.Context, name string, args ...any) (int64, error) {
	var id int64
	if err := g.stmts[name].QueryRowContext(ctx, args...).Scan(&id); err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return id, nil
}

// moveSequences sets PostgreSQL's id sequences of the tables the seeder wrote ids into past
// those ids, so that the service's next insert takes a free one. SQLite needs nothing: it
// takes the next id after the largest.
func (g *seeder) moveSequences(ctx context.Context, db *sql.DB) error {
	if !g.pg {
		return nil
	}
	for _, table := range []string{"drafts", "articles", "publications"} {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM %[1]s), false)", table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("seed: move the id sequence of %s: %w", table, err)
		}
	}
	return nil
}
