package store

import (
	"context"
	"io/fs"
	"testing"

	"github.com/pressly/goose/v3"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// publishedStore opens a store on a new SQLite file (see newPlanFixture) and publishes one piece
// in it, by the returned editor, whose publication is left pending for public search.
func publishedStore(t *testing.T) (*Store, context.Context, *newsroom.Publication) {
	t.Helper()
	f := newPlanFixture(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "Open.", Body: "The harbour reopened after the storm."})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		ctx    context.Context
		action newsroom.Action
	}{{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}} {
		if _, err := f.s.Transition(step.ctx, d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
			t.Fatal(err)
		}
	}
	pub, err := f.s.Publish(f.editor, d.ID, f.s.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return f.s, f.editor, pub
}

// TestPendingPublicationCorrectedMeanwhile checks that an article corrected between the read of
// its pending publication and the write of its index is indexed from the correction, not from
// the publication read, in the same run: a search that began after the correction finds it.
func TestPendingPublicationCorrectedMeanwhile(t *testing.T) {
	s, editor, pub := publishedStore(t)
	ctx := context.Background()
	read, err := s.pendingPublications(ctx, 0)
	if err != nil || len(read) != 1 {
		t.Fatalf("pendingPublications = %d, %v; want the one publication", len(read), err)
	}
	body := "The harbour reopened after the gale."
	if _, err := s.Correct(editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "It was a gale."}); err != nil {
		t.Fatal(err)
	}
	if err := s.transact(ctx, func(tx *gorm.DB) error {
		_, err := indexPendingTexts(tx, []publishedText{textOf(&read[0])})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var pending, rows int64
	if err := s.w.Raw("SELECT (SELECT count(*) FROM published_pending), (SELECT count(*) FROM published_search)").Row().Scan(&pending, &rows); err != nil {
		t.Fatal(err)
	}
	if pending != 0 || rows != 1 {
		t.Fatalf("after indexing the publication read before the correction: %d pending, %d indexed; want 0, 1", pending, rows)
	}
	for word, want := range map[string]int{"gale": 1, "storm": 0} {
		hits, _, err := s.PublicSearch(ctx, word, 0, 10)
		if err != nil || len(hits) != want {
			t.Errorf("PublicSearch(%s) = %d hits, %v; want %d", word, len(hits), err, want)
		}
	}
}

// TestPendingPublicationIndexedOnce checks that runs which read the same pending article, as
// public searches arriving together do, index it once: the later run writes nothing.
func TestPendingPublicationIndexedOnce(t *testing.T) {
	s, _, _ := publishedStore(t)
	ctx := context.Background()
	read, err := s.pendingPublications(ctx, 0)
	if err != nil || len(read) != 1 {
		t.Fatalf("pendingPublications = %d, %v; want the one publication", len(read), err)
	}
	if err := s.indexPublished(ctx, s.requestTurn); err != nil {
		t.Fatal(err)
	}
	var before, after int64
	err = s.transact(ctx, func(tx *gorm.DB) error {
		if err := tx.Raw("SELECT total_changes()").Row().Scan(&before); err != nil {
			return err
		}
		if _, err := indexPendingTexts(tx, []publishedText{textOf(&read[0])}); err != nil {
			return err
		}
		return tx.Raw("SELECT total_changes()").Row().Scan(&after)
	})
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("indexing an article another run had indexed changed %d rows; want none", after-before)
	}
}

// TestSearchesAnswerWhenIndexingFails checks that when what is pending cannot be indexed (here a
// trigger refuses it, as a full disk would), staff and public search still answer, from the
// index as it stands, and lose nothing pending.
func TestSearchesAnswerWhenIndexingFails(t *testing.T) {
	s, editor, pub := publishedStore(t)
	ctx := context.Background()
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	body := "The harbour reopened after the gale."
	if _, err := s.Correct(editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "It was a gale."}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"published_pending", "search_pending"} {
		if err := s.w.Exec("CREATE TRIGGER refuse_" + table + " BEFORE DELETE ON " + table + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END").Error; err != nil {
			t.Fatal(err)
		}
	}
	hits, _, err := s.PublicSearch(ctx, "storm", 0, 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("PublicSearch(storm) = %d hits, %v; want the piece as indexed before", len(hits), err)
	}
	page, err := s.Search(editor, newsroom.DraftFilter{Query: "harbour"})
	if err != nil || len(page.Items) != 1 {
		t.Errorf("Search(harbour) = %v, %v; want the draft as indexed before", page, err)
	}
	var pending int64
	if err := s.w.Raw("SELECT (SELECT count(*) FROM published_pending) + (SELECT count(*) FROM search_pending)").Row().Scan(&pending); err != nil {
		t.Fatal(err)
	}
	if pending != 2 {
		t.Errorf("%d articles and drafts left pending; want both still pending", pending)
	}
}

// TestPublishedLaterDown takes the schema back below migration 00035 with a publication still
// pending, as `goose down` would, and up again: the pending article's index row goes and the
// published_search backfill runs again at the next start, so public search finds the piece.
func TestPublishedLaterDown(t *testing.T) {
	s, _, pub := publishedStore(t)
	ctx := context.Background()
	files, _ := fs.Sub(migrations.FS, "sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, s.DB(), files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 34); err != nil {
		t.Fatal(err)
	}
	var backfilled int64
	if err := s.w.Table("backfills").Where("name = ?", backfillPublishedText).Count(&backfilled).Error; err != nil {
		t.Fatal(err)
	}
	if backfilled != 0 {
		t.Fatal("the down migration left the published_search backfill marked done with an article unindexed")
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	hits, _, err := s.PublicSearch(ctx, "storm", 0, 10)
	if err != nil || len(hits) != 1 || hits[0].Article.Slug != pub.Slug {
		t.Fatalf("PublicSearch(storm) after down and up = %d hits, %v; want %s", len(hits), err, pub.Slug)
	}
}
