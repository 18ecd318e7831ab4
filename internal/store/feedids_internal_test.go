package store

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// TestFeedID: an article published after ids were given goes in feeds by a urn:uuid of its own,
// the same on every call and another for every article and every newsroom; one published
// before keeps the id of its URL, as does every article of a newsroom without the setting.
func TestFeedID(t *testing.T) {
	ns, other := uuid.New(), uuid.New()
	given := feedIDs{namespace: ns, after: 10}
	tests := []struct {
		name      string
		ids       feedIDs
		articleID int64
		wantURL   bool
	}{
		{"NoSetting", feedIDs{}, 11, true},
		{"Before", given, 9, true},
		{"TheLastBefore", given, 10, true},
		{"After", given, 11, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.ids.feedID(tt.articleID)
			if tt.wantURL {
				if got != "" {
					t.Fatalf("feedID(%d) = %q, want the URL's", tt.articleID, got)
				}
				return
			}
			if !strings.HasPrefix(got, "urn:uuid:") || got != tt.ids.feedID(tt.articleID) {
				t.Fatalf("feedID(%d) = %q, then %q", tt.articleID, got, tt.ids.feedID(tt.articleID))
			}
			if got == tt.ids.feedID(tt.articleID+1) || got == (feedIDs{namespace: other, after: 10}).feedID(tt.articleID) {
				t.Fatalf("feedID(%d) = %q is given to another article too", tt.articleID, got)
			}
		})
	}
}

// TestFeedIDsKeptWhenBackfilledAgain: the setting that names feed ids is written once; running
// its backfill again (a backfills table emptied) keeps it, as readers hold the ids it gave.
func TestFeedIDsKeptWhenBackfilledAgain(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	first, err := readFeedIDs(s.r)
	if err != nil || first.namespace == uuid.Nil {
		t.Fatalf("after Migrate, feed ids = %+v, %v", first, err)
	}
	if err := s.w.Exec("DELETE FROM backfills").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if again, err := readFeedIDs(s.r); err != nil || again != first {
		t.Fatalf("after the backfill ran again, feed ids = %+v, %v; want %+v", again, err, first)
	}
}
