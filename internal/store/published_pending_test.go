package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// publicSlugs returns the slugs PublicSearch finds for query, best first.
func publicSlugs(t *testing.T, s *store.Store, query string) string {
	t.Helper()
	hits, _, err := s.PublicSearch(context.Background(), query, 0, 10)
	if err != nil {
		t.Fatalf("PublicSearch(%q): %v", query, err)
	}
	var slugs []string
	for _, h := range hits {
		slugs = append(slugs, h.Article.Slug)
	}
	return strings.Join(slugs, " ")
}

// countRows counts the rows of table, as a test's direct read of the database.
func countRows(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPublicationsAreIndexedAfterCommit checks that on SQLite a publication leaves public search's
// index as it is and files its article as pending (see migration 00035), that a public search
// indexes what is pending before it reads, so that it finds a piece published or corrected
// before it began, and that the scheduler's IndexSearch leaves nothing pending. On PostgreSQL a
// publication indexes at once.
func TestPublicationsAreIndexedAfterCommit(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	slug := publishText(t, f, clk, textWith("Harbour reopens", "The harbour reopened after the storm."))
	if got, want := countRows(t, f.s, "published_search"), map[bool]int{false: 0, true: 1}[storetest.Postgres()]; got != want {
		t.Fatalf("published_search holds %d rows after the publish, want %d", got, want)
	}
	if got := publicSlugs(t, f.s, "storm"); got != slug {
		t.Fatalf("search storm = %q, want %q", got, slug)
	}
	body := "The harbour reopened after the gale."
	if _, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "It was a gale."}); err != nil {
		t.Fatal(err)
	}
	if got := publicSlugs(t, f.s, "gale"); got != slug {
		t.Errorf("search gale = %q, want the corrected piece", got)
	}
	if got := publicSlugs(t, f.s, "storm"); got != "" {
		t.Errorf("search storm = %q, want nothing: the correction took the word out", got)
	}
	second := publishText(t, f, clk, textWith("Bridge closes", "The bridge closed for repairs."))
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !storetest.Postgres() {
		if n := countRows(t, f.s, "published_pending"); n != 0 {
			t.Fatalf("IndexSearch left %d articles pending", n)
		}
	}
	if got := countRows(t, f.s, "published_search"); got != 2 {
		t.Fatalf("published_search holds %d rows, want one per article", got)
	}
	if got := publicSlugs(t, f.s, "repairs"); got != second {
		t.Errorf("search repairs = %q, want %q", got, second)
	}
}
