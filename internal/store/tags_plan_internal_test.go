package store

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// TestPublicTagsReadOneIndex checks that the index of topics and of authors is counted from
// one index of article_tags alone, with no lookup of each row's article and draft: the index
// is rendered again after every publish, and a lookup per row made it cost three times the
// rest of the page on an archive of 20,000 pieces.
func TestPublicTagsReadOneIndex(t *testing.T) {
	s := openStore(t, Options{})
	var query string
	var vars []any
	err := s.r.Callback().Row().After("gorm:row").Register("test:capture", func(db *gorm.DB) {
		query, vars = db.Statement.SQL.String(), db.Statement.Vars
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, author := range []bool{false, true} {
		if _, err := s.PublicTags(context.Background(), author); err != nil {
			t.Fatal(err)
		}
		ran := query
		var plan []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.r.Raw("EXPLAIN QUERY PLAN "+ran, vars...).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, step := range plan {
			steps = append(steps, step.Detail)
		}
		all := strings.Join(steps, "\n")
		if strings.Contains(all, "CORRELATED") || strings.Contains(all, "SCAN") || !strings.Contains(all, "SEARCH t USING COVERING INDEX article_tags_names") {
			t.Fatalf("PublicTags(%v) runs %s\nwith the plan:\n%s\nwant one search of the covering index article_tags_names no subquery per row and no scan of a table", author, ran, all)
		}
	}
}
