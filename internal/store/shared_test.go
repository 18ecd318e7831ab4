package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// openMigrated opens a store on dsn and migrates it.
func openMigrated(t testing.TB, dsn string, opt store.Options) *store.Store {
	t.Helper()
	opt.PasswordCost = bcrypt.MinCost
	s, err := store.Open(dsn, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// race runs fn(i) for i in [0, n) at once and waits for all of them.
func race(n int, fn func(i int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); <-start; fn(i) }()
	}
	close(start)
	wg.Wait()
}

// TestStoresShareOneDatabase opens two stores on one database, as two app servers would, and
// races them: saves of one draft, releases of one scheduled piece, slugs from one title, and one
// username. On SQLite the file's lock makes them take turns; on PostgreSQL, row locks do.
func TestStoresShareOneDatabase(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{Clock: clk})}
	other := openMigrated(t, dsn, store.Options{Clock: clk})
	stores := []*store.Store{f.s, other}
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, f.s, "fiona", newsroom.RoleFactChecker)
	f.editor, _ = mustUser(t, other, "ed", newsroom.RoleEditor)

	t.Run("Saves", func(t *testing.T) {
		d, _ := f.s.CreateDraft(f.writer, sampleText("Contended on two servers"))
		const clients = 24
		var mu sync.Mutex
		saved, conflicts := 0, 0
		race(clients, func(i int) {
			body := fmt.Sprintf("Client %d's text.", i)
			_, err := stores[i%2].UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1 + i%4})
			mu.Lock()
			defer mu.Unlock()
			switch newsroom.ErrorCode(err) {
			case "":
				saved++
			case newsroom.ECONFLICT:
				conflicts++
			default:
				t.Errorf("client %d: %v", i, err)
			}
		})
		h, err := other.History(f.writer, d.ID, newsroom.HistoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		versions, unmerged := 0, 0
		for _, r := range slices.Backward(h.Revisions) {
			if r.Unmerged {
				unmerged++
				continue
			}
			if versions++; r.Version != versions {
				t.Fatalf("versions not contiguous: revision %d has version %d", versions, r.Version)
			}
		}
		if saved+conflicts != clients || versions != saved+1 || unmerged != conflicts || saved == 0 {
			t.Fatalf("saved %d, conflicts %d, versions %d, unmerged %d", saved, conflicts, versions, unmerged)
		}
	})

	t.Run("ReleasedOnce", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		pub, err := other.Publish(f.editor, d.ID, clk.Now().Add(time.Hour), 0)
		if err != nil || pub.Stage != newsroom.StageScheduled {
			t.Fatalf("schedule = %+v, %v", pub, err)
		}
		clk.Add(time.Hour)
		counts := make([]int, 6)
		race(len(counts), func(i int) {
			var err error
			if counts[i], err = stores[i%2].ReleaseDue(context.Background()); err != nil {
				t.Errorf("ReleaseDue: %v", err)
			}
		})
		var total int
		for _, n := range counts {
			total += n
		}
		var snapshots int
		err = f.s.DB().QueryRow("SELECT COUNT(*) FROM publications JOIN articles ON articles.id = publications.article_id WHERE articles.draft_id = $1", d.ID).Scan(&snapshots)
		if total != 1 || err != nil || snapshots != 1 {
			t.Fatalf("released %d times, %d snapshots (%v); want once", total, snapshots, err)
		}
	})

	t.Run("Slugs", func(t *testing.T) {
		drafts := make([]*newsroom.Draft, 4)
		for i := range drafts {
			d, _ := f.s.CreateDraft(f.writer, sampleText("Same Title Twice"))
			drafts[i] = f.walk(t, d, newsroom.StageApproved)
		}
		slugs := make([]string, len(drafts))
		race(len(drafts), func(i int) {
			pub, err := stores[i%2].Publish(f.editor, drafts[i].ID, time.Time{}, 0)
			if err != nil {
				t.Errorf("publish %d: %v", i, err)
				return
			}
			slugs[i] = pub.Slug
		})
		slices.Sort(slugs)
		if want := []string{"same-title-twice", "same-title-twice-2", "same-title-twice-3", "same-title-twice-4"}; !slices.Equal(slugs, want) {
			t.Fatalf("slugs = %v, want %v", slugs, want)
		}
	})

	t.Run("Username", func(t *testing.T) {
		codes := make([]string, 6)
		race(len(codes), func(i int) {
			_, err := stores[i%2].CreateUser(store.AsOperator(context.Background()),
				store.NewUser{Username: "newbie", Role: newsroom.RoleWriter, Password: "tulip-lantern"})
			codes[i] = newsroom.ErrorCode(err)
		})
		slices.Sort(codes)
		if want := []string{"", newsroom.ECONFLICT, newsroom.ECONFLICT, newsroom.ECONFLICT, newsroom.ECONFLICT, newsroom.ECONFLICT}; !slices.Equal(codes, want) {
			t.Fatalf("error codes = %q, want one success and the rest %s", codes, newsroom.ECONFLICT)
		}
	})
}

// TestTimesRoundTrip checks that a time reads back exactly as the store's clock wrote it, in
// UTC, on either database, and that cursor paging through drafts changed at the same instant
// finds each once.
func TestTimesRoundTrip(t *testing.T) {
	cest := time.FixedZone("CEST", 2*60*60)
	clk := clock.NewFake(time.Date(2025, 5, 7, 11, 30, 0, 123456789, cest))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	want := clk.Now().UTC().Truncate(time.Microsecond)
	var ids []int64
	for i := 0; i < 3; i++ {
		d, err := f.s.CreateDraft(f.writer, sampleText(fmt.Sprintf("Same instant %d", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	got, err := f.s.GetDraft(f.writer, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.CreatedAt != want || got.UpdatedAt != want || got.CreatedAt.Location() != time.UTC {
		t.Fatalf("created %v, updated %v; want %v in UTC", got.CreatedAt, got.UpdatedAt, want)
	}
	var seen []int64
	cursor := ""
	for range 5 {
		page, err := f.s.ListDrafts(f.writer, newsroom.DraftFilter{Limit: 1, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page.Items {
			seen = append(seen, d.ID)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if !slices.Equal(seen, []int64{ids[2], ids[1], ids[0]}) {
		t.Fatalf("paged through %v, want %v newest first", seen, ids)
	}
}
