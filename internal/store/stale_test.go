package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// staleBase is the body two editors start from in the stale-save tests.
const staleBase = "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked."

// crossedSaves puts a draft in editing with staleBase as its body, has a second editor save
// theirs on the version both read, and returns the draft as it was then and the second editor.
func crossedSaves(t *testing.T, f *newsroomFixture, theirs string) (*newsroom.Draft, context.Context) {
	t.Helper()
	eve, _ := mustUser(t, f.s, "eve", newsroom.RoleEditor)
	d := f.draftIn(t, newsroom.StageEditing)
	body := staleBase
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateDraft(eve, d.ID, newsroom.DraftUpdate{Body: &theirs, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	return d, eve
}

func TestStaleSaveMerges(t *testing.T) {
	cases := []struct {
		name, theirs, mine, want string
	}{
		{"DifferentParagraphs",
			"The council met on Wednesday.\nIt voted to close the lazy old bridge.\nResidents were not asked.",
			"The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were never asked.",
			"The council met on Wednesday.\nIt voted to close the lazy old bridge.\nResidents were never asked."},
		{"DifferentWordsOfOneParagraph",
			"The council met on Tuesday.\nIt voted 5 to 2 to close the lazy old bridge.\nResidents were not asked.",
			"The council met on Tuesday.\nIt voted to close the lazy old river bridge.\nResidents were not asked.",
			"The council met on Tuesday.\nIt voted 5 to 2 to close the lazy old river bridge.\nResidents were not asked."},
		{"ParagraphAddedAndParagraphEdited",
			"The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked.\nThe mayor was away.",
			"The town council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked.",
			"The town council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked.\nThe mayor was away."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			d, eve := crossedSaves(t, f, tc.theirs)
			mine := tc.mine
			got, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &mine, Version: d.Version})
			if err != nil {
				t.Fatalf("stale save = %v, want it merged", err)
			}
			if got.Body != tc.want || got.Version != d.Version+2 {
				t.Fatalf("merged draft = version %d, %q; want version %d, %q", got.Version, got.Body, d.Version+2, tc.want)
			}
			h, err := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
			if err != nil {
				t.Fatal(err)
			}
			last := h.Revisions[0]
			if !last.Merged || last.MergedWith != d.Version+1 || last.BaseVersion != d.Version || last.Version != d.Version+2 || last.Unmerged {
				t.Errorf("merged revision = %+v, want version %d made on %d, merged with %d", last, d.Version+2, d.Version, d.Version+1)
			}
			if theirs := h.Revisions[1]; theirs.Merged || theirs.MergedWith != 0 || theirs.Author.Username != "eve" {
				t.Errorf("the revision merged with = %+v, want eve's plain save", theirs)
			}
			if a := h.Audit[0]; a.Action != "merge" || a.Actor.Username != "ed" || !strings.Contains(a.Note, "merged with version") {
				t.Errorf("audit entry = %+v, want ed's merge", a)
			}
			r, err := f.s.Revision(eve, d.ID, got.Version)
			if err != nil || r.Text.Body != tc.want || !r.Merged {
				t.Errorf("Revision(%d) = %+v, %v", got.Version, r, err)
			}
		})
	}
}

func TestStaleSaveKeepsFieldsItDidNotSend(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	title, comment := "A better title", "Cut the second paragraph."
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{EditorComment: &comment, Version: d.Version})
	if err != nil || got.Title != title || got.EditorComment != comment || got.Body != d.Body {
		t.Fatalf("merged = %+v, %v; want the new title and the comment", got, err)
	}
}

func TestStaleSaveConflicts(t *testing.T) {
	f := newNewsroom(t)
	theirs := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked."
	d, eve := crossedSaves(t, f, theirs)
	mine := "The council met on Monday.\nIt voted to close the lazy red bridge.\nResidents were not asked."
	_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &mine, Version: d.Version})
	wantCode(t, err, newsroom.ECONFLICT)
	var e *newsroom.Error
	asError(err, &e)
	want := []merge.Conflict{{Field: "body", Paragraph: 2, Place: "paragraph 2", Base: "It voted to close the lazy old bridge.",
		Theirs: "It voted to close the lazy new bridge.", Mine: "It voted to close the lazy red bridge."}}
	if got := e.Details["conflicts"]; !reflect.DeepEqual(got, want) || e.Details["current_version"] != d.Version+1 || e.Details["base_version"] != d.Version {
		t.Fatalf("conflict details = %+v", e.Details)
	}
	if cur, _ := f.s.GetDraft(eve, d.ID); cur.Version != d.Version+1 || cur.Body != theirs {
		t.Fatalf("a conflicting save changed the draft: version %d, %q", cur.Version, cur.Body)
	}
	kept, err := f.s.UnmergedRevision(f.editor, d.ID, e.Details["unmerged_revision"].(int64))
	if err != nil || kept.Text.Body != mine || kept.BaseVersion != d.Version {
		t.Fatalf("unmerged revision = %+v, %v; want mine kept whole", kept, err)
	}
}

// TestStaleFormNeverOverwrites is the bug of issue 15: after a conflict, a form that still holds
// the stale text was sent again and silently overwrote a colleague's edit. However often a
// stale text is sent on its version, the current text stays.
func TestStaleFormNeverOverwrites(t *testing.T) {
	f := newNewsroom(t)
	theirs := "The council met on Tuesday.\nResidents were not asked.\nIt voted to close the “lazy old” bridge."
	d, eve := crossedSaves(t, f, theirs)
	stale := "The council met on Tuesday.\nIt voted to close the lazy bridge.\nResidents were not asked."
	for range 3 {
		_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &stale, Version: d.Version})
		wantCode(t, err, newsroom.ECONFLICT)
	}
	if cur, _ := f.s.GetDraft(eve, d.ID); cur.Body != theirs || cur.Version != d.Version+1 {
		t.Fatalf("the stale text overwrote the draft: version %d, %q", cur.Version, cur.Body)
	}
}

func TestStaleSaveWithoutBaseIsRefused(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	body := "From a version that never was."
	_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version + 5})
	wantCode(t, err, newsroom.ECONFLICT)
	var e *newsroom.Error
	if asError(err, &e); e.Details["conflicts"] != nil || e.Details["unmerged_revision"] == nil {
		t.Fatalf("details = %+v, want the text kept and no merge", e.Details)
	}
}

// TestMergedSaveMovesCommentsAndQuotes checks that a merged text is saved as any text is: the
// comments follow their words and the quote ledger reads the merged text.
func TestMergedSaveMovesCommentsAndQuotes(t *testing.T) {
	f := newNewsroom(t)
	d, eve := crossedSaves(t, f, "At the meeting on Tuesday, the council met.\nIt voted to close the lazy old bridge.\nResidents were not asked.")
	c, err := f.s.CreateComment(eve, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "lazy old bridge"}, Body: "Which bridge?"})
	if err != nil {
		t.Fatal(err)
	}
	mine := "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were not asked. “Nobody told us,” said Ann Lee."
	got, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &mine, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	comments, err := f.s.Comments(f.editor, d.ID)
	if err != nil || len(comments) != 1 || comments[0].ID != c.ID {
		t.Fatalf("comments = %+v, %v", comments, err)
	}
	if a := comments[0].Anchor; a.Exact != "lazy old bridge" || a.Start != strings.Index(got.Body, "lazy old bridge") || comments[0].Detached {
		t.Errorf("comment anchor = %+v on %q, want it on its words", a, got.Body)
	}
	quotes, err := f.s.Quotes(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, q := range quotes {
		texts = append(texts, q.Text)
	}
	if !strings.Contains(strings.Join(texts, "|"), "Nobody told us") {
		t.Errorf("ledger quotes = %q, want mine's new quote", texts)
	}
}

// TestInvalidStaleSaveIsKept checks that a stale save is merged (or kept on conflict) before its
// text is checked: one that is also invalid (over a limit, or against the direction rule) is
// refused, but its text is kept as an unmerged revision, so that nothing typed is lost.
func TestInvalidStaleSaveIsKept(t *testing.T) {
	long := strings.Repeat("b", newsroom.MaxBrief+1)
	cases := []struct {
		name, mine, brief string
		wantCode          string
	}{
		{"MergesButInvalid", "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were never asked.", long, newsroom.EINVALID},
		{"ConflictsAndInvalid", "The council met on Monday.\nIt voted to close the lazy red bridge.\nResidents were not asked.", long, newsroom.ECONFLICT},
		{"MergesButLeavesADirectionOpen", "The council met on Tuesday.\nIt voted to close the lazy old bridge.\nResidents were never asked.", "\u202bתקציר", newsroom.EINVALID},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			theirs := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked."
			d, eve := crossedSaves(t, f, theirs)
			mine, brief := tc.mine, tc.brief
			_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &mine, Brief: &brief, Version: d.Version})
			wantCode(t, err, tc.wantCode)
			var e *newsroom.Error
			asError(err, &e)
			rid, ok := e.Details["unmerged_revision"].(int64)
			if !ok || !strings.Contains(e.Message, "kept as unmerged revision") {
				t.Fatalf("refusal = %q, details %+v; want the text said to be kept", e.Message, e.Details)
			}
			kept, err := f.s.UnmergedRevision(f.editor, d.ID, rid)
			if err != nil || kept.Text.Body != mine || kept.Text.Brief != brief {
				t.Fatalf("unmerged revision = %+v, %v; want mine kept whole", kept, err)
			}
			if cur, _ := f.s.GetDraft(eve, d.ID); cur.Version != d.Version+1 || cur.Body != theirs {
				t.Fatalf("a refused save changed the draft: version %d, %q", cur.Version, cur.Body)
			}
		})
	}
}
