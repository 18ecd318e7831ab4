package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// totalChanges reads how many rows the writer's connection has changed since it opened,
// FTS4's own rows included.
func totalChanges(t *testing.T, s *Store) int64 {
	t.Helper()
	var n int64
	if err := s.transact(context.Background(), func(tx *gorm.DB) error {
		return tx.Raw("SELECT total_changes()").Scan(&n).Error
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIndexingMergesInSteps re-indexes 150 drafts of varied words four times over, two to a
// transaction as saves leave them, and checks that no transaction changed more rows than a batch
// and a merge step do, the commit's own work included, and that no level of the index filled.
// FTS4 left to itself merges a level's sixteen segments whole in the commit that would add a
// seventeenth, rewriting the level: here, the 256th commit rewrites every segment the earlier
// ones wrote (measured: 481 rows in one transaction without the merge steps, 82 at most with
// them). It also checks that the index is whole afterwards and that a search finds a draft by a
// word only it has.
func TestIndexingMergesInSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 150 drafts four times")
	}
	f := newPlanFixture(t)
	rng := rand.New(rand.NewPCG(18, 36))
	words := make([]string, 3000)
	for i := range words {
		words[i] = fmt.Sprintf("w%dx%d", i, rng.IntN(1000))
	}
	const drafts = 150
	for i := range drafts {
		body := make([]string, 300)
		for j := range body {
			body[j] = words[rng.IntN(len(words))]
		}
		if i == drafts/2 {
			body[0] = "Vanderbilt"
		}
		if _, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: fmt.Sprintf("Piece %d", i), Byline: "Sarah", Body: strings.Join(body, " ") + "."}); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	var most, turns int64
	measured := func(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
		before := totalChanges(t, f.s)
		goOn, err := f.s.requestTurn(ctx, fn)
		// The read of total_changes() is a transaction of its own, which changes nothing.
		most, turns = max(most, totalChanges(t, f.s)-before), turns+1
		return goOn, err
	}
	for range 4 {
		if err := f.s.transact(ctx, func(tx *gorm.DB) error {
			return tx.Exec("INSERT OR IGNORE INTO search_pending (draft_id) SELECT id FROM drafts").Error
		}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.indexPending(ctx, measured); err != nil {
			t.Fatal(err)
		}
	}
	if turns < 4*drafts/draftIndexBatch {
		t.Fatalf("%d turns for %d batches", turns, 4*drafts/draftIndexBatch)
	}
	if most > 200 {
		t.Errorf("a transaction of the indexing changed %d rows; want a batch and a merge step's, under 200", most)
	}
	var crowded, check int64
	if err := f.s.r.Raw("SELECT count(*) FROM (SELECT level FROM draft_search_segdir GROUP BY level HAVING count(*) >= 16)").Scan(&crowded).Error; err != nil {
		t.Fatal(err)
	}
	if crowded != 0 {
		t.Errorf("%d levels of the index hold 16 segments or more", crowded)
	}
	if err := f.s.transact(ctx, func(tx *gorm.DB) error {
		return tx.Exec("INSERT INTO draft_search (draft_search) VALUES ('integrity-check')").Error
	}); err != nil {
		t.Fatalf("the index after the merges: %v", err)
	}
	if err := f.s.r.Raw("SELECT count(*) FROM draft_search WHERE draft_search MATCH 'vanderbilt'").Scan(&check).Error; err != nil || check != 1 {
		t.Fatalf("a search for the one draft's word found %d (%v); want 1", check, err)
	}
}
