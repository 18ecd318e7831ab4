package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestLiveEditors shows who is editing a draft: those who saved a working copy within the
// editing window, by the store's clock, the viewer left out.
func TestLiveEditors(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	second, edna := mustUser(t, f.s, "edna", newsroom.RoleEditor)
	d := f.draftIn(t, newsroom.StageEditing)
	editors := func(ctx context.Context) []string {
		t.Helper()
		live, err := f.s.Live(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range live.Editors {
			names = append(names, fmt.Sprintf("%s@%s", e.Person.Username, e.At.Format("15:04:05")))
		}
		return names
	}
	want := func(ctx context.Context, names ...string) {
		t.Helper()
		if got := editors(ctx); !reflect.DeepEqual(got, names) {
			t.Fatalf("editors = %v, want %v", got, names)
		}
	}

	want(f.editor)
	if _, err := f.s.SaveWorkingCopy(second, d.ID, typing(d.Version, "Typed.")); err != nil {
		t.Fatal(err)
	}
	want(f.editor, "edna@09:00:00")
	want(f.writer, "edna@09:00:00")
	want(second)
	clk.Add(10 * time.Second)
	if _, err := f.s.SaveWorkingCopy(f.editor, d.ID, typing(d.Version, "Typed.")); err != nil {
		t.Fatal(err)
	}
	want(f.writer, "ed@09:00:10", "edna@09:00:00")
	clk.Add(newsroom.EditingWindow - 10*time.Second - time.Millisecond)
	want(f.writer, "ed@09:00:10", "edna@09:00:00")
	clk.Add(time.Millisecond)
	want(f.writer, "ed@09:00:10")
	clk.Add(10 * time.Second)
	want(f.writer)

	t.Run("Version", func(t *testing.T) {
		title := "Edna's title"
		saved, err := f.s.UpdateDraft(second, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version})
		if err != nil {
			t.Fatal(err)
		}
		live, err := f.s.Live(f.writer, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if live.Version != saved.Version || !live.UpdatedAt.Equal(saved.UpdatedAt) || live.UpdatedBy == nil || *live.UpdatedBy != (newsroom.Person{ID: edna.ID, Username: "edna", Name: "edna"}) {
			t.Fatalf("Live = %+v, want version %d saved by edna at %v", live, saved.Version, saved.UpdatedAt)
		}
	})

	t.Run("NotVisible", func(t *testing.T) {
		_, err := f.s.Live(f.other, d.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		_, err = f.s.Live(f.writer, 999999)
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}

// TestLiveStage shows the draft's stage and whether the viewer may edit it there, and that a
// workflow action, which saves no new version, changes both: the writer who could edit the draft
// cannot once it is submitted, and the editor can once it is cleared to Editing.
func TestLiveStage(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, sampleText("Council backs ferry plan"))
	if err != nil {
		t.Fatal(err)
	}
	want := func(ctx context.Context, stage newsroom.Stage, editable bool) {
		t.Helper()
		live, err := f.s.Live(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if live.Stage != stage || live.Editable != editable || live.Version != d.Version {
			t.Fatalf("Live = stage %s, editable %v, version %d; want %s, %v, %d", live.Stage, live.Editable, live.Version, stage, editable, d.Version)
		}
	}
	want(f.writer, newsroom.StageDraft, true)
	want(f.editor, newsroom.StageDraft, false)
	d = f.walk(t, d, newsroom.StageFactCheck)
	want(f.writer, newsroom.StageFactCheck, false)
	want(f.checker, newsroom.StageFactCheck, false)
	if d, err = f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	want(f.writer, newsroom.StageEditing, false)
	want(f.editor, newsroom.StageEditing, true)
}

// TestLiveAcrossStores opens two stores on one database, as two app servers would: an editor
// typing through one is seen as editing through the other.
func TestLiveAcrossStores(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{Clock: clk})}
	other := openMigrated(t, dsn, store.Options{Clock: clk})
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, f.s, "fiona", newsroom.RoleFactChecker)
	f.editor, _ = mustUser(t, f.s, "ed", newsroom.RoleEditor)
	d := f.draftIn(t, newsroom.StageEditing)
	if _, err := other.SaveWorkingCopy(f.editor, d.ID, typing(d.Version, "Typed on the other server.")); err != nil {
		t.Fatal(err)
	}
	for i, s := range []*store.Store{f.s, other} {
		live, err := s.Live(f.writer, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(live.Editors) != 1 || live.Editors[0].Person.Username != "ed" || !live.Editors[0].At.Equal(clk.Now()) {
			t.Fatalf("store %d: editors = %+v, want ed at %v", i, live.Editors, clk.Now())
		}
	}
	if wc, err := f.s.WorkingCopy(f.editor, d.ID); err != nil || !strings.Contains(wc.Text.Body, "other server") {
		t.Fatalf("WorkingCopy on the first store = %+v, %v", wc, err)
	}
}

// BenchmarkLive measures the poll of a draft's page while three others are editing it.
func BenchmarkLive(b *testing.B) {
	f := newNewsroom(b)
	d := f.draftIn(b, newsroom.StageEditing)
	for _, name := range []string{"edna", "eli", "ezra"} {
		ctx, _ := mustUser(b, f.s, name, newsroom.RoleEditor)
		if _, err := f.s.SaveWorkingCopy(ctx, d.ID, typing(d.Version, wordsOf(1500))); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		live, err := f.s.Live(f.editor, d.ID)
		if err != nil || len(live.Editors) != 3 {
			b.Fatalf("Live = %+v, %v", live, err)
		}
	}
}
