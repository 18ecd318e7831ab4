package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// staleSave saves body on version 1, which is no longer current, and returns the unmerged
// revision's id. The current body must differ from version 1's in the same words, or the save
// merges.
func (f *newsroomFixture) staleSave(t testing.TB, ctx context.Context, id int64, body string) int64 {
	t.Helper()
	_, err := f.s.UpdateDraft(ctx, id, newsroom.DraftUpdate{Body: &body, Version: 1})
	var e *newsroom.Error
	if !asError(err, &e) || e.Code != newsroom.ECONFLICT {
		t.Fatalf("stale save = %v, want a conflict", err)
	}
	return e.Details["unmerged_revision"].(int64)
}

// keptTexts counts the unmerged texts a draft keeps for each author, by username.
func keptTexts(t testing.TB, s *store.Store, id int64) map[string]int {
	t.Helper()
	rows, err := s.DB().Query("SELECT users.username, COUNT(*) FROM unmerged_texts JOIN users ON users.id = unmerged_texts.author_id WHERE draft_id = $1 GROUP BY users.username", id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	kept := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		kept[name] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return kept
}

// TestStaleSavesKeepNewestTexts makes 100 stale saves of one draft: its author keeps the texts of
// the newest 20, every stale save stays in the history, and other authors and drafts keep theirs.
func TestStaleSavesKeepNewestTexts(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Contested"))
	title, body := "Moved on", "Moved on."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: &title, Body: &body, Version: 1}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 100 {
		ids = append(ids, f.staleSave(t, f.writer, d.ID, fmt.Sprintf("Stale text %d.", i)))
	}
	if got := keptTexts(t, f.s, d.ID); got["sarah"] != newsroom.MaxUnmergedTexts || len(got) != 1 {
		t.Fatalf("kept texts = %v, want the writer's newest %d", got, newsroom.MaxUnmergedTexts)
	}
	for i, rid := range ids {
		r, err := f.s.UnmergedRevision(f.writer, d.ID, rid)
		if err != nil {
			t.Fatal(err)
		}
		if kept := i >= 100-newsroom.MaxUnmergedTexts; kept != (r.Text != nil) || r.Pruned == kept {
			t.Fatalf("stale save %d: pruned %v, text %+v; want kept %v", i, r.Pruned, r.Text, kept)
		}
		if r.Text != nil && r.Text.Body != fmt.Sprintf("Stale text %d.", i) {
			t.Fatalf("stale save %d kept %q", i, r.Text.Body)
		}
	}
	revs, _, _ := walkHistory(t, f, d.ID, 200)
	if len(revs) != 102 {
		t.Fatalf("history lists %d revisions, want 102: pruning a text must keep its revision", len(revs))
	}

	t.Run("PerAuthor", func(t *testing.T) {
		e := f.draftIn(t, newsroom.StageEditing)
		comment, body := "A firm no.", "The editor's body."
		if _, err := f.s.UpdateDraft(f.editor, e.ID, newsroom.DraftUpdate{EditorComment: &comment, Body: &body, Version: e.Version}); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			f.staleSave(t, f.editor, e.ID, fmt.Sprintf("Editor's stale text %d.", i))
		}
		if got := keptTexts(t, f.s, e.ID); got["ed"] != 3 || len(got) != 1 {
			t.Fatalf("kept texts = %v, want the editor's 3", got)
		}
		if got := keptTexts(t, f.s, d.ID); got["sarah"] != newsroom.MaxUnmergedTexts {
			t.Fatalf("another draft's stale saves pruned this one's: %v", got)
		}
	})
}

func TestUnmergedTextOnRequest(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Mine"))
	title, body := "Newer", "Newer body."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: &title, Body: &body, Version: 1}); err != nil {
		t.Fatal(err)
	}
	rid := f.staleSave(t, f.writer, d.ID, "Typed in an old tab.")
	for _, withText := range []bool{false, true} {
		h, err := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{UnmergedText: withText})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range h.Revisions {
			if wantText := withText && r.Unmerged; (r.Text != nil) != wantText || r.Pruned {
				t.Fatalf("unmerged_text %v: revision %+v", withText, r)
			}
		}
	}
	r, err := f.s.UnmergedRevision(f.writer, d.ID, rid)
	if err != nil || !r.Unmerged || r.BaseVersion != 1 || r.Text == nil || r.Text.Body != "Typed in an old tab." || r.Text.Title != "Newer" {
		t.Fatalf("UnmergedRevision = %+v, %v", r, err)
	}
	h, _ := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{})
	merged := h.Revisions[len(h.Revisions)-1].ID
	for _, tt := range []struct {
		name    string
		ctx     context.Context
		id, rid int64
	}{
		{"ErrMergedRevision", f.writer, d.ID, merged},
		{"ErrOtherDraft", f.writer, f.draftIn(t, newsroom.StageDraft).ID, rid},
		{"ErrOtherWriter", f.other, d.ID, rid},
		{"ErrFactCheckerBeforeFactCheck", f.checker, d.ID, rid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.UnmergedRevision(tt.ctx, tt.id, tt.rid)
			wantCode(t, err, newsroom.ENOTFOUND)
		})
	}
}

// TestMigrateMovesUnmergedTexts converts a database whose unmerged revisions still hold their
// texts: each author keeps the newest texts of a draft, the revisions stay, and they stay
// append-only.
func TestMigrateMovesUnmergedTexts(t *testing.T) {
	s, err := store.Open(storetest.DSN(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	serial := "INTEGER"
	if storetest.Postgres() {
		serial = "BIGSERIAL"
	}
	migrateTo(t, s.DB(), 7)
	// Today's store records events, in a table a later migration (00009) makes; a stand-in
	// holds them while the old database is filled, and goes before the migrations run.
	if _, err := s.DB().Exec(`CREATE TABLE events (id ` + serial + ` PRIMARY KEY, kind TEXT, draft_id BIGINT, actor_id BIGINT,
		subject_id BIGINT, ref_id BIGINT, action TEXT, stage TEXT, origin TEXT, at TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	// The ledger's kinds and dismissals (00011), the merged revisions' column (00012), the
	// users' email (00015), the drafts' language (00025), the packed revisions' columns (00029),
	// the quotes' and quote events' speakers (00038) and the quote events' places (00050) get
	// stand-in columns the same way.
	for _, col := range []string{"drafts ADD COLUMN language TEXT NOT NULL DEFAULT ''", "users ADD COLUMN email TEXT", "quotes ADD COLUMN kind TEXT", "quotes ADD COLUMN kind_reason TEXT", "quotes ADD COLUMN not_quote_by BIGINT",
		"quotes ADD COLUMN not_quote_at TIMESTAMP", "quotes ADD COLUMN not_quote_note TEXT", "revisions ADD COLUMN merged_with BIGINT",
		"revisions ADD COLUMN packed BYTEA", "revisions ADD COLUMN packed_from BIGINT", "revisions ADD COLUMN packed_chain BIGINT", "revisions ADD COLUMN packed_sum BIGINT",
		"quote_events ADD COLUMN speaker TEXT NOT NULL DEFAULT ''", "quotes ADD COLUMN checked_speaker TEXT NOT NULL DEFAULT ''",
		"quote_events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0"} {
		if _, err := s.DB().Exec("ALTER TABLE " + col); err != nil {
			t.Fatal(err)
		}
	}
	f := &newsroomFixture{s: s}
	f.writer, _ = mustUser(t, s, "sarah", newsroom.RoleWriter)
	d, err := s.CreateDraft(f.writer, sampleText("Before"))
	if err != nil {
		t.Fatal(err)
	}
	writer := newsroom.UserFrom(f.writer).ID
	for i := range 25 {
		_, err := s.DB().Exec(`INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics, editor_comment, created_at)
			VALUES ($1, NULL, 1, $2, 'Before', '', '', $3, '["Mexico"]', '', CURRENT_TIMESTAMP)`, d.ID, writer, fmt.Sprintf("Old stale text %d.", i))
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DB().Exec("DROP TABLE events"); err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"drafts DROP COLUMN language", "users DROP COLUMN email", "quotes DROP COLUMN kind", "quotes DROP COLUMN kind_reason", "quotes DROP COLUMN not_quote_by",
		"quotes DROP COLUMN not_quote_at", "quotes DROP COLUMN not_quote_note", "revisions DROP COLUMN merged_with",
		"revisions DROP COLUMN packed", "revisions DROP COLUMN packed_from", "revisions DROP COLUMN packed_chain", "revisions DROP COLUMN packed_sum",
		"quote_events DROP COLUMN speaker", "quotes DROP COLUMN checked_speaker", "quote_events DROP COLUMN seq"} {
		if _, err := s.DB().Exec("ALTER TABLE " + col); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := keptTexts(t, s, d.ID); got["sarah"] != newsroom.MaxUnmergedTexts {
		t.Fatalf("kept texts = %v, want %d", got, newsroom.MaxUnmergedTexts)
	}
	var left int
	if err := s.DB().QueryRow("SELECT COUNT(*) FROM revisions WHERE version IS NULL AND body = ''").Scan(&left); err != nil || left != 25 {
		t.Fatalf("%d of 25 unmerged revisions left without their text, %v", left, err)
	}
	h, err := s.History(f.writer, d.ID, newsroom.HistoryFilter{UnmergedText: true})
	if err != nil {
		t.Fatal(err)
	}
	if newest := h.Revisions[0]; newest.Text == nil || newest.Text.Body != "Old stale text 24." || newest.Text.Topics[0] != "Mexico" {
		t.Fatalf("after the migration the newest stale save is %+v", newest)
	}
	revs, _, _ := walkHistory(t, f, d.ID, 200)
	if oldest := revs[len(revs)-1]; len(revs) != 26 || oldest.Version != 1 || !revs[len(revs)-2].Pruned {
		t.Fatalf("after the migration: %d revisions, oldest %+v", len(revs), oldest)
	}
	if _, err := s.DB().Exec("UPDATE revisions SET body = 'rewritten'"); err == nil {
		t.Fatal("after the migration the database let revisions be rewritten")
	}
}
