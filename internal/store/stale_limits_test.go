package store_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/store"
)

// TestStaleSaveTooLongToMerge: a save made on an older version that adds more to a field than
// the field may hold is kept and refused as invalid without being merged, since no merge of it
// can be within the limits (a merge keeps every word either side adds). Merging a body grown by
// megabytes word by word with the other side's edit cost hundreds of megabytes a save; it costs
// at most ten times what refusing the same text saved on the current version does, or ten
// times the text's own size where that refusal, planned before the writer, costs less.
func TestStaleSaveTooLongToMerge(t *testing.T) {
	f := newNewsroom(t)
	theirs := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked."
	d, eve := crossedSaves(t, f, theirs)
	grown := "The council met on Tuesday.\nIt voted to close the lazy old bridge" + strings.Repeat(" and the ford", newsroom.MaxBody/4) +
		".\nResidents were not asked."
	allocated := func(version int) (uint64, error) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &grown, Version: version})
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, err
	}
	cur, err := f.s.GetDraft(eve, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	current, err := allocated(cur.Version)
	wantCode(t, err, newsroom.EINVALID)
	stale, err := allocated(d.Version)
	wantCode(t, err, newsroom.EINVALID)
	var e *newsroom.Error
	if asError(err, &e); e.Details["unmerged_revision"] == nil {
		t.Fatalf("refusal %q keeps nothing; want the text kept as an unmerged revision", e.Message)
	}
	if limit := max(10*current, 10*uint64(len(grown))); stale > limit {
		t.Fatalf("the stale save of %d bytes allocated %d bytes, %d times the same save on the current version; want at most %d",
			len(grown), stale, stale/current, limit)
	}
}

// TestStaleSaveTooLongJudgesOnlyItsFields: a stale save that outgrows a field is judged by the
// policy on the fields it changed, not on every field a colleague changed since, and its
// refusal does not say it was merged. In a workflow where a fact-checker may edit the body in
// editing, an editor's new title and a fact-checker's too-long body, saved on the version before
// the title, is refused for its length with the body kept; it was refused as a title the
// fact-checker may not change, and nothing was kept.
func TestStaleSaveTooLongJudgesOnlyItsFields(t *testing.T) {
	workflow, err := os.ReadFile(filepath.Join("..", "..", "policies", "workflow.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rule := "      editor: [title, byline, brief, body, topics, editor_comment]\n    check_quotes: [editor]"
	if !strings.Contains(string(workflow), rule) {
		t.Fatalf("the default workflow no longer has the editing stage's edit rule %q", rule)
	}
	dir := t.TempDir()
	edited := strings.Replace(string(workflow), rule, "      editor: [title, byline, brief, body, topics, editor_comment]\n      factchecker: [body]\n    check_quotes: [editor]", 1)
	if err := os.WriteFile(filepath.Join(dir, "workflow.yaml"), []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := policy.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := newNewsroomAt(t, store.Options{Policy: p})
	d := f.draftIn(t, newsroom.StageEditing)
	title := "A title the editor chose"
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	grown := strings.Repeat("The council met again. ", newsroom.MaxBody/20)
	_, err = f.s.UpdateDraft(f.checker, d.ID, newsroom.DraftUpdate{Body: &grown, Version: d.Version})
	wantCode(t, err, newsroom.EINVALID)
	var e *newsroom.Error
	asError(err, &e)
	if e.Details["unmerged_revision"] == nil {
		t.Fatalf("refusal %q keeps nothing; want the body kept as an unmerged revision", e.Message)
	}
	if strings.Contains(e.Message, "and merged with") {
		t.Fatalf("refusal %q says the save was merged; it was not", e.Message)
	}
}

// TestStaleSaveTooLongIsNotMergedToSettle: a kept save that outgrew a field is not merged when
// its author opens it for settling either (each opening merged the grown body anew, hundreds of
// megabytes a view): it is refused as one that cannot be merged, at most ten times the text's
// own size in memory, and its text is still kept whole for its author to copy.
func TestStaleSaveTooLongIsNotMergedToSettle(t *testing.T) {
	f := newNewsroom(t)
	d, _ := crossedSaves(t, f, "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked.")
	grown := "The council met on Tuesday.\nIt voted to close the lazy old bridge" + strings.Repeat(" and the ford", newsroom.MaxBody/4) +
		".\nResidents were not asked."
	_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &grown, Version: d.Version})
	var e *newsroom.Error
	if !asError(err, &e) || e.Details["unmerged_revision"] == nil {
		t.Fatalf("save = %v, want it refused and kept", err)
	}
	rid := e.Details["unmerged_revision"].(int64)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = f.s.StaleSave(f.editor, d.ID, rid)
	runtime.ReadMemStats(&after)
	wantCode(t, err, newsroom.EINVALID)
	if got, limit := after.TotalAlloc-before.TotalAlloc, 10*uint64(len(grown)); got > limit {
		t.Errorf("opening the save to settle allocated %d bytes; want at most %d", got, limit)
	}
	kept, err := f.s.UnmergedRevision(f.editor, d.ID, rid)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Text == nil || kept.Text.Body != grown {
		t.Fatal("the save's text is not kept whole")
	}
}
