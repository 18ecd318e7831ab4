package store

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestIndexBatches holds the batches the pending drafts are indexed in to a few drafts and
// little text each, a long draft alone.
func TestIndexBatches(t *testing.T) {
	const long = newsroom.MaxBody + searchedComments
	for _, tc := range []struct {
		name    string
		pending []pendingIndex
		want    [][]int64
	}{
		{"None", nil, nil},
		{"OneShort", []pendingIndex{{1, 9000}}, [][]int64{{1}}},
		{"ShortOnesByTheBatch", []pendingIndex{{1, 9000}, {2, 9000}, {3, 9000}, {4, 9000}, {5, 9000}}, [][]int64{{1, 2}, {3, 4}, {5}}},
		{"TwoLongOnesApart", []pendingIndex{{1, long}, {2, long}}, [][]int64{{1}, {2}}},
		{"LongAfterShort", []pendingIndex{{1, 9000}, {2, long}, {3, 9000}}, [][]int64{{1}, {2}, {3}}},
		{"JustWithinTheWork", []pendingIndex{{1, indexWork / 2}, {2, indexWork / 2}}, [][]int64{{1, 2}}},
		{"JustPastTheWork", []pendingIndex{{1, indexWork / 2}, {2, indexWork/2 + 1}}, [][]int64{{1}, {2}}},
		{"UnknownDraftCostsNothing", []pendingIndex{{1, 0}, {2, 9000}}, [][]int64{{1, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := indexBatches(tc.pending, draftIndexBatch); !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("indexBatches(%v) = %v, want %v", tc.pending, got, tc.want)
			}
		})
	}
}

// randomWords returns a function writing text of about n bytes: the given first word, then words
// of six random letters, seeded by seed, which FTS4 takes for as many different terms.
func randomWords(seed uint64) func(first string, n int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	return func(first string, n int) string {
		var b strings.Builder
		b.WriteString(first)
		for b.Len() < n-8 {
			b.WriteByte(' ')
			for range 6 {
				b.WriteByte(byte('a' + r.IntN(16)))
			}
		}
		return b.String()
	}
}

// countingTurn is a turn (see writeTurn) that takes the writer as a request does, and appends to
// *indexed how many pieces each of its transactions took out of the table pending, which is
// how many it indexed.
func countingTurn(s *Store, pending string, indexed *[]int64) writeTurn {
	return func(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
		return true, s.transact(ctx, func(tx *gorm.DB) error {
			var before, after int64
			if err := tx.Table(pending).Count(&before).Error; err != nil {
				return err
			}
			if err := fn(tx); err != nil {
				return err
			}
			if err := tx.Table(pending).Count(&after).Error; err != nil {
				return err
			}
			*indexed = append(*indexed, before-after)
			return nil
		})
	}
}

// TestLongDraftsIndexApart checks that long drafts waiting to be indexed for search are indexed
// in write transactions of their own: FTS4 tokenizes a draft's old and new text, body and
// comments, over half a second for one at the limits, and anyone who may comment can make two
// such drafts pending at once, again and again. A draft is long by its body, by its comments,
// or by the text it was indexed with, which FTS4 tokenizes again to take it out; short ones
// are still indexed a few to a transaction.
func TestLongDraftsIndexApart(t *testing.T) {
	words := randomWords(3)
	start, end := 0, 7
	for _, tc := range []struct {
		name     string
		body     string
		comments int  // comments of newsroom.MaxComment code points on each draft
		cut      bool // the draft is saved short before it is indexed again
		fresh    bool // the draft was never indexed
		together int64
	}{
		{name: "LongBodies", body: words("Council", newsroom.MaxBody), together: 1},
		{name: "LongComments", body: "Council met.", comments: searchedComments/newsroom.MaxComment - 1, fresh: true, together: 1},
		{name: "CutShort", body: words("Council", newsroom.MaxBody), cut: true, together: 1},
		{name: "ShortOnes", body: "Council met.", together: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPlanFixture(t)
			s, writer, editor := f.s, f.writer, f.editor
			comment := func(id int64, body string) {
				t.Helper()
				if _, err := s.CreateComment(editor, id, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: body}); err != nil {
					t.Fatal(err)
				}
			}
			var ids []int64
			for range 2 {
				d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A vote.", Body: tc.body})
				if err != nil {
					t.Fatal(err)
				}
				for range tc.comments {
					comment(d.ID, words("Council", newsroom.MaxComment))
				}
				ids = append(ids, d.ID)
			}
			if !tc.fresh {
				if err := s.IndexSearch(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			for _, id := range ids {
				if tc.cut {
					short := "Council met."
					if _, err := s.UpdateDraft(writer, id, newsroom.DraftUpdate{Body: &short, Version: 1}); err != nil {
						t.Fatal(err)
					}
				}
				comment(id, "Which okapi said so?")
			}
			var indexed []int64
			if err := s.indexPending(context.Background(), countingTurn(s, "search_pending", &indexed)); err != nil {
				t.Fatal(err)
			}
			if most := slices.Max(append(indexed, 0)); most != tc.together {
				t.Errorf("drafts indexed a transaction: %v; want %d at most", indexed, tc.together)
			}
			page, err := s.Search(editor, newsroom.DraftFilter{Query: "okapi"})
			if err != nil || len(page.Items) != 2 {
				t.Errorf("search for the new comments' words = %+v, %v; want both drafts", page, err)
			}
		})
	}
}

// TestLongArticlesIndexApart checks that two long published pieces waiting for public search
// are indexed in write transactions of their own: an editor's corrections of long pieces make
// them pending, and the next search by any reader indexes them before it answers, holding every
// write meanwhile for over a second when it took four of them together.
func TestLongArticlesIndexApart(t *testing.T) {
	f := newPlanFixture(t)
	s, writer, checker, editor, ctx := f.s, f.writer, f.checker, f.editor, context.Background()
	words := randomWords(5)
	lead := "The harbour reopened after the storm."
	var slugs []string
	for range 2 {
		d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "Open.", Body: words(lead, newsroom.MaxBody)})
		if err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct {
			ctx    context.Context
			action newsroom.Action
		}{{writer, newsroom.ActionSubmit}, {checker, newsroom.ActionClear}, {editor, newsroom.ActionApprove}} {
			if _, err := s.Transition(step.ctx, d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
				t.Fatal(err)
			}
		}
		pub, err := s.Publish(editor, d.ID, s.Now(), 0)
		if err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, pub.Slug)
	}
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	for _, slug := range slugs {
		body := words(lead, newsroom.MaxBody-8) + " okapi"
		if _, err := s.Correct(editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "Words changed."}); err != nil {
			t.Fatal(err)
		}
	}
	var indexed []int64
	if err := s.indexPublished(ctx, countingTurn(s, "published_pending", &indexed)); err != nil {
		t.Fatal(err)
	}
	if most := slices.Max(append(indexed, 0)); most != 1 {
		t.Errorf("articles indexed a transaction: %v; want one at most", indexed)
	}
	hits, _, err := s.PublicSearch(ctx, "okapi", 0, 10)
	if err != nil || len(hits) != 2 {
		t.Errorf("PublicSearch(okapi) = %d hits, %v; want both corrected pieces", len(hits), err)
	}
}

// TestRunsArrivingTogetherIndexADraftOnce checks that runs of the index that read the same
// pending draft before any of them took the writer, as searches arriving together do, index it
// once: the run that takes the writer first indexes it, and the others, finding it taken, write
// nothing, rather than each holding the writer for as long again for a long draft.
func TestRunsArrivingTogetherIndexADraftOnce(t *testing.T) {
	f := newPlanFixture(t)
	s := f.s
	words := randomWords(7)
	d, err := s.CreateDraft(f.writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Brief: "A vote.", Body: words("Council", newsroom.MaxBody)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	start, end := 0, 7
	if _, err := s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "okapi"}); err != nil {
		t.Fatal(err)
	}
	const runs = 4
	var arrived sync.WaitGroup
	arrived.Add(runs)
	var calls atomic.Int32
	var mu sync.Mutex
	var found, rewrote int
	turn := func(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
		if calls.Add(1) > runs {
			return true, s.transact(ctx, fn)
		}
		arrived.Done()
		arrived.Wait() // every run has read search_pending before any takes the writer
		return true, s.transact(ctx, func(tx *gorm.DB) error {
			var pending, before, after int64
			if err := tx.Raw("SELECT count(*) FROM search_pending WHERE draft_id = ?", d.ID).Scan(&pending).Error; err != nil {
				return err
			}
			if err := tx.Raw("SELECT total_changes()").Scan(&before).Error; err != nil {
				return err
			}
			if err := fn(tx); err != nil {
				return err
			}
			if err := tx.Raw("SELECT total_changes()").Scan(&after).Error; err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			if pending > 0 {
				found++
			} else if after > before {
				rewrote++
			}
			return nil
		})
	}
	var wg sync.WaitGroup
	for range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.indexPending(context.Background(), turn); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if found != 1 || rewrote != 0 {
		t.Errorf("%d of %d runs found the draft pending, and %d wrote to the index after another had taken it; want 1 and 0", found, runs, rewrote)
	}
	page, err := s.Search(f.editor, newsroom.DraftFilter{Query: "okapi"})
	if err != nil || len(page.Items) != 1 {
		t.Errorf("search for the comment's word = %+v, %v; want the draft", page, err)
	}
}

// TestDraftsLongSinceTheReadIndexApart checks that drafts made long between the run's read of
// search_pending and its write transaction are still indexed apart: the run weighed them short,
// but the transaction indexes their text as it is then, over a second of the writer for two at
// the body's limit. Both are indexed all the same, in the same run.
func TestDraftsLongSinceTheReadIndexApart(t *testing.T) {
	f := newPlanFixture(t)
	s := f.s
	words := randomWords(9)
	var ids []int64
	for range 2 {
		d, err := s.CreateDraft(f.writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Brief: "A vote.", Body: "Council met."})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	var indexed []int64
	count := countingTurn(s, "search_pending", &indexed)
	first := true
	turn := func(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
		if first { // a writer saves both drafts long while the run waits for the writer
			first = false
			for _, id := range ids {
				long := words("Council", newsroom.MaxBody-8) + " okapi"
				if _, err := s.UpdateDraft(f.writer, id, newsroom.DraftUpdate{Body: &long, Version: 1}); err != nil {
					t.Fatal(err)
				}
			}
		}
		return count(ctx, fn)
	}
	if err := s.indexPending(context.Background(), turn); err != nil {
		t.Fatal(err)
	}
	if most := slices.Max(append(indexed, 0)); most != 1 {
		t.Errorf("drafts indexed a transaction: %v; want one at most", indexed)
	}
	var left int64
	if err := s.read(context.Background()).Raw("SELECT count(*) FROM search_pending").Scan(&left).Error; err != nil || left != 0 {
		t.Errorf("drafts left pending after the run = %d, %v; want none", left, err)
	}
	page, err := s.Search(f.editor, newsroom.DraftFilter{Query: "okapi"})
	if err != nil || len(page.Items) != 2 {
		t.Errorf("search for the new bodies' word = %+v, %v; want both drafts", page, err)
	}
}

// TestArticlesLongSinceTheReadIndexApart checks that published pieces corrected long between
// public search's read of them and its write transaction are still indexed apart: the run
// weighed them short, but the transaction indexes their latest publication, as long as an
// editor made it meanwhile. Both are indexed all the same, in the same run.
func TestArticlesLongSinceTheReadIndexApart(t *testing.T) {
	f := newPlanFixture(t)
	s, ctx := f.s, context.Background()
	words := randomWords(11)
	var slugs []string
	for range 2 {
		d, err := s.CreateDraft(f.writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "Open.", Body: "The harbour reopened."})
		if err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct {
			ctx    context.Context
			action newsroom.Action
		}{{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}} {
			if _, err := s.Transition(step.ctx, d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
				t.Fatal(err)
			}
		}
		pub, err := s.Publish(f.editor, d.ID, s.Now(), 0)
		if err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, pub.Slug)
	}
	var indexed []int64
	count := countingTurn(s, "published_pending", &indexed)
	first := true
	turn := func(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
		if first { // an editor corrects both pieces long while the run waits for the writer
			first = false
			for _, slug := range slugs {
				body := words("The harbour reopened.", newsroom.MaxBody-8) + " okapi"
				if _, err := s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "Words added."}); err != nil {
					t.Fatal(err)
				}
			}
		}
		return count(ctx, fn)
	}
	if err := s.indexPublished(ctx, turn); err != nil {
		t.Fatal(err)
	}
	if most := slices.Max(append(indexed, 0)); most != 1 {
		t.Errorf("articles indexed a transaction: %v; want one at most", indexed)
	}
	var left int64
	if err := s.read(ctx).Raw("SELECT count(*) FROM published_pending").Scan(&left).Error; err != nil || left != 0 {
		t.Errorf("articles left pending after the run = %d, %v; want none", left, err)
	}
	hits, _, err := s.PublicSearch(ctx, "okapi", 0, 10)
	if err != nil || len(hits) != 2 {
		t.Errorf("PublicSearch(okapi) = %d hits, %v; want both corrected pieces", len(hits), err)
	}
}
