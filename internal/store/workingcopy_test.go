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
)

// typing is a working copy of unsaved typing based on version base: an unfinished title and a
// body with the blank lines the writer left between paragraphs.
func typing(base int, words string) newsroom.WorkingCopy {
	return newsroom.WorkingCopy{BaseVersion: base, Text: newsroom.Text{
		Title: "", Byline: "Sarah Johnson", Brief: "Half a brief", Body: "First paragraph.\n\n" + words, Topics: []string{"Mexico"},
	}}
}

func TestWorkingCopy(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageDraft)

	t.Run("NoneYet", func(t *testing.T) {
		_, err := f.s.WorkingCopy(f.writer, d.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
	})

	t.Run("SaveAndRead", func(t *testing.T) {
		before := historyLength(t, f, d.ID)
		if _, err := f.s.SaveWorkingCopy(f.writer, d.ID, typing(1, "First try.")); err != nil {
			t.Fatal(err)
		}
		want := typing(1, "Second try, as typed.")
		saved, err := f.s.SaveWorkingCopy(f.writer, d.ID, want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.s.WorkingCopy(f.writer, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.BaseVersion != 1 || got.DraftID != d.ID || !reflect.DeepEqual(got.Text, want.Text) || !got.SavedAt.Equal(saved.SavedAt) {
			t.Fatalf("WorkingCopy = %+v, want %+v saved at %v", got, want, saved.SavedAt)
		}
		// A working copy is not history: no revision, no audit entry, and the draft is as it was.
		if after := historyLength(t, f, d.ID); after != before {
			t.Fatalf("history grew from %d to %d entries", before, after)
		}
		if cur, _ := f.s.GetDraft(f.writer, d.ID); cur.Version != 1 || cur.Title != d.Title {
			t.Fatalf("draft changed: %+v", cur)
		}
	})

	t.Run("NoTopics", func(t *testing.T) {
		wc := typing(1, "No topics.")
		wc.Text.Topics = nil
		if _, err := f.s.SaveWorkingCopy(f.writer, d.ID, wc); err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.WorkingCopy(f.writer, d.ID); err != nil || got.Text.Topics == nil || len(got.Text.Topics) != 0 {
			t.Fatalf("WorkingCopy = %+v, %v; want empty topics", got, err)
		}
	})

	t.Run("OnlyTheirOwn", func(t *testing.T) {
		_, err := f.s.WorkingCopy(f.editor, d.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		_, err = f.s.WorkingCopy(f.other, d.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		wantCode(t, f.s.DiscardWorkingCopy(f.other, d.ID, nil), newsroom.ENOTFOUND)
		wantCode(t, f.s.DiscardWorkingCopy(f.editor, d.ID, nil), "")
		if _, err := f.s.WorkingCopy(f.writer, d.ID); err != nil {
			t.Fatalf("another's discard dropped the writer's copy: %v", err)
		}
	})

	t.Run("Discard", func(t *testing.T) {
		wantCode(t, f.s.DiscardWorkingCopy(f.writer, d.ID, nil), "")
		_, err := f.s.WorkingCopy(f.writer, d.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		wantCode(t, f.s.DiscardWorkingCopy(f.writer, d.ID, nil), "")
	})
}

// historyLength counts a draft's revisions and audit entries.
func historyLength(t *testing.T, f *newsroomFixture, id int64) int {
	t.Helper()
	h, err := f.s.History(f.editor, id, newsroom.HistoryFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	return len(h.Revisions) + len(h.Audit)
}

// TestWorkingCopyClearedBySave shows that a user's save of a draft drops their own working copy,
// and only theirs: two editors type in one piece in editing, and one of them saves.
func TestWorkingCopyClearedBySave(t *testing.T) {
	f := newNewsroom(t)
	second, _ := mustUser(t, f.s, "edna", newsroom.RoleEditor)
	d := f.draftIn(t, newsroom.StageEditing)
	for _, ctx := range []context.Context{f.editor, second} {
		if _, err := f.s.SaveWorkingCopy(ctx, d.ID, typing(d.Version, "Typed.")); err != nil {
			t.Fatal(err)
		}
	}
	title := "Edna's title"
	saved, err := f.s.UpdateDraft(second, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.s.WorkingCopy(second, d.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
	if _, err := f.s.WorkingCopy(f.editor, d.ID); err != nil {
		t.Fatalf("another's save dropped the editor's copy: %v", err)
	}

	t.Run("NotByARefusedSave", func(t *testing.T) {
		mine := "Ed's title"
		_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Title: &mine, Version: d.Version})
		if err == nil {
			t.Fatalf("a save on version %d after version %d was taken", d.Version, saved.Version)
		}
		if _, err := f.s.WorkingCopy(f.editor, d.ID); err != nil {
			t.Fatalf("a refused save dropped the copy: %v", err)
		}
	})
}

// TestWorkingCopyNamedBySaveOrDiscard: a writer types in two tabs, each keeping its typing as
// the writer's one working copy in turn. A save or a discard that names the copy its page kept
// drops that copy only: the other tab's typing, kept since, stays for the writer to go on with.
// Before, either dropped whatever copy the writer kept, and the other tab's typing was then kept
// nowhere on the server.
func TestWorkingCopyNamedBySaveOrDiscard(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 8, 9, 0, 0, 123456000, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	zero := time.Time{}
	mineNamed := func(mine, _ time.Time) *time.Time { return &mine }
	for _, tt := range []struct {
		name string
		// copies is how many tabs kept a copy, this one first: 0, 1 or 2.
		copies int
		// names picks what the save or discard names from the copies this tab (mine) and the
		// other tab (theirs) kept; nil names none.
		names func(mine, theirs time.Time) *time.Time
		left  bool   // whether the other tab's copy is left after the save or discard
		code  string // the discard's refusal
	}{
		{"Mine", 1, mineNamed, false, ""},
		{"MineInAnotherZone", 1, func(mine, _ time.Time) *time.Time { at := mine.In(time.FixedZone("", 5*3600)); return &at }, false, ""},
		{"MineThenTheirs", 2, mineNamed, true, newsroom.ECONFLICT},
		{"Theirs", 2, func(_, theirs time.Time) *time.Time { return &theirs }, false, ""},
		{"NoneNamedAsByAnAPIClient", 2, func(_, _ time.Time) *time.Time { return nil }, false, ""},
		{"ZeroAsByAPageThatKeptNone", 2, func(_, _ time.Time) *time.Time { return &zero }, true, newsroom.ECONFLICT},
		{"ZeroAndNoCopy", 0, func(_, _ time.Time) *time.Time { return &zero }, false, ""},
	} {
		for _, by := range []string{"save", "discard"} {
			t.Run(tt.name+"/"+by, func(t *testing.T) {
				d := f.draftIn(t, newsroom.StageDraft)
				var kept [2]time.Time
				for i := range tt.copies {
					clk.Add(time.Second + time.Microsecond)
					wc, err := f.s.SaveWorkingCopy(f.writer, d.ID, typing(d.Version, fmt.Sprintf("Typed in tab %d.", i+1)))
					if err != nil {
						t.Fatal(err)
					}
					kept[i] = wc.SavedAt
				}
				named := tt.names(kept[0], kept[1])
				if by == "save" {
					title := "Saved from the first tab"
					if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version, WorkingCopy: named}); err != nil {
						t.Fatal(err)
					}
				} else {
					wantCode(t, f.s.DiscardWorkingCopy(f.writer, d.ID, named), tt.code)
				}
				got, err := f.s.WorkingCopy(f.writer, d.ID)
				switch {
				case !tt.left:
					wantCode(t, err, newsroom.ENOTFOUND)
				case err != nil:
					t.Fatalf("the %s named %v and dropped the other tab's copy, kept at %v: %v", by, named, kept[1], err)
				case !got.SavedAt.Equal(kept[1]):
					t.Fatalf("the copy left was kept at %v, want the other tab's, kept at %v", got.SavedAt, kept[1])
				}
			})
		}
	}
}

func TestWorkingCopyPermissions(t *testing.T) {
	f := newNewsroom(t)
	drafts := map[newsroom.Stage]*newsroom.Draft{}
	for _, st := range []newsroom.Stage{newsroom.StageDraft, newsroom.StageFactCheck, newsroom.StageEditing, newsroom.StagePublished} {
		drafts[st] = f.draftIn(t, st)
	}
	tests := []struct {
		name  string
		actor context.Context
		stage newsroom.Stage
		want  string
	}{
		{"WriterOwnDraft", f.writer, newsroom.StageDraft, ""},
		{"WriterOwnInFactCheck", f.writer, newsroom.StageFactCheck, newsroom.ECONFLICT},
		{"WriterOwnPublished", f.writer, newsroom.StagePublished, newsroom.ECONFLICT},
		{"WriterAnothersDraft", f.other, newsroom.StageDraft, newsroom.ENOTFOUND},
		{"FactCheckerInFactCheck", f.checker, newsroom.StageFactCheck, newsroom.EFORBIDDEN},
		{"FactCheckerCannotSeeDraft", f.checker, newsroom.StageDraft, newsroom.ENOTFOUND},
		{"EditorInDraft", f.editor, newsroom.StageDraft, newsroom.ECONFLICT},
		{"EditorInEditing", f.editor, newsroom.StageEditing, ""},
		{"AdminInEditing", f.admin, newsroom.StageEditing, newsroom.EFORBIDDEN},
		{"Anonymous", context.Background(), newsroom.StageEditing, newsroom.EUNAUTHORIZED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := drafts[tt.stage]
			_, err := f.s.SaveWorkingCopy(tt.actor, d.ID, typing(d.Version, "Typed."))
			wantCode(t, err, tt.want)
		})
	}
	t.Run("NoSuchDraft", func(t *testing.T) {
		_, err := f.s.SaveWorkingCopy(f.editor, 999999, typing(1, "Typed."))
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}

func TestWorkingCopyLimits(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageDraft)
	tests := []struct {
		name        string
		mutate      func(*newsroom.WorkingCopy)
		wantMessage string
	}{
		{"EmptyTitle", func(*newsroom.WorkingCopy) {}, ""},
		{"BodyAtLimit", func(wc *newsroom.WorkingCopy) { wc.Text.Body = strings.Repeat("é", newsroom.MaxBody) }, ""},
		{"BodyTooLong", func(wc *newsroom.WorkingCopy) { wc.Text.Body = strings.Repeat("é", newsroom.MaxBody+1) },
			"body is 400001 characters long; the limit is 400000"},
		{"TitleTooLong", func(wc *newsroom.WorkingCopy) { wc.Text.Title = strings.Repeat("t", newsroom.MaxTitle+1) }, "title is 301 characters long"},
		{"TooManyTopics", func(wc *newsroom.WorkingCopy) { wc.Text.Topics = make([]string, newsroom.MaxTopics+1) }, "at most 50 topics"},
		{"NUL", func(wc *newsroom.WorkingCopy) { wc.Text.Brief = "a\x00b" }, "brief must not contain NUL"},
		{"InvalidUTF8", func(wc *newsroom.WorkingCopy) { wc.Text.EditorComment = "bad \xff" }, "editor_comment is not valid UTF-8"},
		{"NoBaseVersion", func(wc *newsroom.WorkingCopy) { wc.BaseVersion = 0 }, "base_version must be the version the typing started from, 1 to 1, not 0"},
		{"FutureBaseVersion", func(wc *newsroom.WorkingCopy) { wc.BaseVersion = 2 }, "not 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wc := typing(1, "Typed.")
			tt.mutate(&wc)
			_, err := f.s.SaveWorkingCopy(f.writer, d.ID, wc)
			if tt.wantMessage == "" {
				wantCode(t, err, "")
				return
			}
			wantCode(t, err, newsroom.EINVALID)
			if msg := newsroom.ErrorMessage(err); !strings.Contains(msg, tt.wantMessage) {
				t.Fatalf("message = %q, want it to say %q", msg, tt.wantMessage)
			}
		})
	}
}

// wordsOf is a body of about n words in paragraphs of 50.
func wordsOf(n int) string {
	paras := make([]string, 0, n/50)
	for i := 0; i < n/50; i++ {
		paras = append(paras, strings.TrimSpace(strings.Repeat(fmt.Sprintf("word%d ", i), 50)))
	}
	return strings.Join(paras, "\n\n")
}

// BenchmarkSaveWorkingCopy measures what a page saving its viewer's typing costs the store, the
// SQLite writer above all: a typical piece, and the longest body a draft may have.
func BenchmarkSaveWorkingCopy(b *testing.B) {
	for _, tt := range []struct {
		name string
		body string
	}{
		{"1500Words", wordsOf(1500)},
		{"MaxBody", strings.Repeat("a", newsroom.MaxBody)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			f := newNewsroom(b)
			d := f.draftIn(b, newsroom.StageDraft)
			wc := typing(d.Version, "")
			wc.Text.Body = tt.body
			for b.Loop() {
				if _, err := f.s.SaveWorkingCopy(f.writer, d.ID, wc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
