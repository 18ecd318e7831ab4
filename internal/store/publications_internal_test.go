package store

import (
	"strings"
	"testing"
)

// TestTakenSlugsReadTheIndex checks that reserving a new article's slug on SQLite searches the
// slugs' index rather than reading every article's slug while the writer is held.
func TestTakenSlugsReadTheIndex(t *testing.T) {
	f := newPlanFixture(t)
	query, args := takenSlugsQuery(false, "council-budget")
	var plan []struct {
		ID, Parent, Notused int
		Detail              string
	}
	if err := f.s.w.Raw("EXPLAIN QUERY PLAN "+query, args...).Scan(&plan).Error; err != nil {
		t.Fatal(err)
	}
	for _, step := range plan {
		if strings.HasPrefix(step.Detail, "SCAN") {
			t.Fatalf("the taken slugs are found by %q; want a search of the slugs' index", step.Detail)
		}
	}
	if len(plan) == 0 {
		t.Fatal("no query plan")
	}
}
