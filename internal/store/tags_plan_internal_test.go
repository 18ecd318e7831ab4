package store

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// capturedPlans runs call on s and returns each query it ran with the plan SQLite makes for it.
func capturedPlans(t *testing.T, s *Store, call func() error) map[string]string {
	t.Helper()
	type ran struct {
		query string
		vars  []any
	}
	var queries []ran
	name := "test:capture:" + t.Name()
	capture := func(db *gorm.DB) { queries = append(queries, ran{db.Statement.SQL.String(), db.Statement.Vars}) }
	// Scan runs the row callbacks, Find and Pluck the query ones.
	if err := s.r.Callback().Row().After("gorm:row").Register(name, capture); err != nil {
		t.Fatal(err)
	}
	if err := s.r.Callback().Query().After("gorm:query").Register(name, capture); err != nil {
		t.Fatal(err)
	}
	if err := call(); err != nil {
		t.Fatal(err)
	}
	if err := s.r.Callback().Row().Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := s.r.Callback().Query().Remove(name); err != nil {
		t.Fatal(err)
	}
	plans := map[string]string{}
	for _, q := range queries {
		var plan []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.r.Raw("EXPLAIN QUERY PLAN "+q.query, q.vars...).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, step := range plan {
			steps = append(steps, step.Detail)
		}
		plans[q.query] = strings.Join(steps, "\n")
	}
	if len(plans) == 0 {
		t.Fatal("no query ran")
	}
	return plans
}

// TestPublicTagsReadOneIndex checks that the index of topics and of authors is counted from
// one index of article_tags alone, with no lookup of each row's article and draft: the index
// is rendered again after every publish, and a lookup per row made it cost three times the
// rest of the page on an archive of 20,000 pieces. The pieces no longer public are found by
// walking the articles and looking up each one's draft, never by reading the drafts in some
// stages: those are mostly spiked or at work and never went out, and 55,000 of them made the
// index of 20 public pieces cost 16 ms instead of 0.2.
func TestPublicTagsReadOneIndex(t *testing.T) {
	s := openStore(t, Options{})
	for _, author := range []bool{false, true} {
		plans := capturedPlans(t, s, func() error {
			_, err := s.PublicTags(context.Background(), author)
			return err
		})
		for query, plan := range plans {
			if strings.Contains(plan, "CORRELATED") || !strings.Contains(plan, "SEARCH t USING COVERING INDEX article_tags_names") {
				t.Fatalf("PublicTags(%v) runs %s\nwith the plan:\n%s\nwant one search of the covering index article_tags_names and no subquery per row", author, query, plan)
			}
			for _, step := range strings.Split(plan, "\n") {
				scan := strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN articles")
				drafts := strings.Contains(step, " drafts ") && step != "SEARCH drafts USING INTEGER PRIMARY KEY (rowid=?)"
				if scan || drafts {
					t.Fatalf("PublicTags(%v) runs %s\nwith the plan:\n%s\nwhere %q reads what is not the archive: want the articles walked and each one's draft found by its id", author, query, plan, step)
				}
			}
		}
	}
}

// TestPublicChangedAtStopsAtTheNewest checks that when the public pieces last changed is read
// by walking the publications newest first and stopping at the first public one, not by
// sorting every public piece's: it is read again after every publish.
func TestPublicChangedAtStopsAtTheNewest(t *testing.T) {
	s := openStore(t, Options{})
	plans := capturedPlans(t, s, func() error {
		_, err := s.PublicChangedAt(context.Background())
		return err
	})
	for query, plan := range plans {
		if strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "SCAN drafts") || strings.Contains(plan, "SCAN articles") {
			t.Errorf("PublicChangedAt runs %s\nwith the plan:\n%s\nwant a walk of an index in the order asked for", query, plan)
		}
	}
}

// TestSitemapBlocksSeekEachBlock checks that the blocks of the sitemap index are found by one
// seek of the articles' ids a block, not by reading every public article and putting their
// blocks in order: the index is rendered again after every publish.
func TestSitemapBlocksSeekEachBlock(t *testing.T) {
	s := openStore(t, Options{})
	plans := capturedPlans(t, s, func() error {
		_, err := s.SitemapBlocks(context.Background(), 100)
		return err
	})
	for query, plan := range plans {
		if strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "USING INTEGER PRIMARY KEY (rowid>?)") {
			t.Errorf("SitemapBlocks runs %s\nwith the plan:\n%s\nwant a seek of the ids from each block's end", query, plan)
		}
	}
}
