package store_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// conflicted makes ed's save of draft d conflict with eve's in paragraph 2 (ed also changed
// paragraph 1, which merges) and returns the draft as both read it and the unmerged revision's
// id.
func conflicted(t *testing.T, f *newsroomFixture) (*newsroom.Draft, int64) {
	t.Helper()
	d, _ := crossedSaves(t, f, "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked.")
	mine := "The council met on Monday.\nIt voted to close the lazy red bridge.\nResidents were not asked."
	_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &mine, Version: d.Version})
	var e *newsroom.Error
	if !asError(err, &e) || e.Code != newsroom.ECONFLICT {
		t.Fatalf("save = %v, want a conflict", err)
	}
	return d, e.Details["unmerged_revision"].(int64)
}

func TestStaleSaveShowsItsMerge(t *testing.T) {
	f := newNewsroom(t)
	d, rid := conflicted(t, f)
	ss, err := f.s.StaleSave(f.editor, d.ID, rid)
	if err != nil {
		t.Fatal(err)
	}
	if ss.Theirs.Version != d.Version+1 || ss.Theirs.Author.Username != "eve" || ss.Unmerged.BaseVersion != d.Version {
		t.Fatalf("stale save crossed version %d by %s, made on %d", ss.Theirs.Version, ss.Theirs.Author.Username, ss.Unmerged.BaseVersion)
	}
	if len(ss.Merge.Conflicts) != 1 || ss.Merge.Conflicts[0].Paragraph != 2 {
		t.Fatalf("conflicts = %+v, want one in paragraph 2", ss.Merge.Conflicts)
	}
}

// TestStaleSaveIsItsAuthorsOnly checks that no one but its author may open an unmerged save for
// settling, not even someone who may edit the draft now.
func TestStaleSaveIsItsAuthorsOnly(t *testing.T) {
	f := newNewsroom(t)
	d, rid := conflicted(t, f)
	eve, _ := mustUser(t, f.s, "eve2", newsroom.RoleEditor)
	_, err := f.s.StaleSave(eve, d.ID, rid)
	wantCode(t, err, newsroom.ENOTFOUND)
}

func TestResolveStaleSave(t *testing.T) {
	cases := []struct {
		name     string
		choice   merge.Choice
		wantPara string
	}{
		{"KeepTheirs", merge.Choice{Keep: merge.KeepTheirs}, "It voted to close the lazy new bridge."},
		{"KeepMine", merge.Choice{Keep: merge.KeepMine}, "It voted to close the lazy red bridge."},
		{"Edit", merge.Choice{Keep: merge.KeepEdit, Text: "It voted to close the old bridge."}, "It voted to close the old bridge."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			d, rid := conflicted(t, f)
			got, err := f.s.ResolveStaleSave(f.editor, d.ID, rid, d.Version+1, []merge.Choice{tc.choice})
			want := "The council met on Monday.\n" + tc.wantPara + "\nResidents were not asked."
			if err != nil || got.Body != want || got.Version != d.Version+2 {
				t.Fatalf("resolved = %+v, %v; want version %d, %q", got, err, d.Version+2, want)
			}
		})
	}
	t.Run("DraftMovedOnAgain", func(t *testing.T) {
		f := newNewsroom(t)
		d, rid := conflicted(t, f)
		eve, _ := mustUser(t, f.s, "eve2", newsroom.RoleEditor)
		later := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked, they say."
		if _, err := f.s.UpdateDraft(eve, d.ID, newsroom.DraftUpdate{Body: &later, Version: d.Version + 1}); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.ResolveStaleSave(f.editor, d.ID, rid, d.Version+1, []merge.Choice{{Keep: merge.KeepMine}})
		want := "The council met on Monday.\nIt voted to close the lazy red bridge.\nResidents were not asked, they say."
		if err != nil || got.Body != want {
			t.Fatalf("resolved = %+v, %v; want %q", got, err, want)
		}
	})
	for _, tc := range []struct {
		name     string
		who      string
		version  int
		choices  []merge.Choice
		wantCode string
	}{
		{"ErrSomeoneElsesSave", "writer", 1, []merge.Choice{{Keep: merge.KeepMine}}, newsroom.ENOTFOUND},
		{"ErrNoChoice", "ed", 1, nil, newsroom.EINVALID},
		{"ErrOtherVersion", "ed", 0, []merge.Choice{{Keep: merge.KeepMine}}, newsroom.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			d, rid := conflicted(t, f)
			ctx := f.editor
			if tc.who == "writer" {
				ctx = f.writer
			}
			_, err := f.s.ResolveStaleSave(ctx, d.ID, rid, d.Version+tc.version, tc.choices)
			wantCode(t, err, tc.wantCode)
			if cur, _ := f.s.GetDraft(f.editor, d.ID); cur.Version != d.Version+1 {
				t.Fatalf("a refused resolution saved version %d", cur.Version)
			}
		})
	}
}
