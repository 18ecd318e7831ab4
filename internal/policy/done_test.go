package policy_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/policies"
)

// TestDoneCustomWorkflows: the message after a step reports what happened in any workflow a
// newsroom writes, not only the default one. It names the piece's writer only where the
// writer's own-draft rule is what lets them edit there, a desk by its label as the file writes
// it, and it never turns a label into a sentence of its own nor says a piece was sent anywhere
// when the step left it where it was.
func TestDoneCustomWorkflows(t *testing.T) {
	wanda := newsroom.Person{ID: someone, Username: "wanda", Name: "Wanda"}
	fay := newsroom.Person{ID: 3, Username: "fay", Name: "Fay"}
	edit := func(src, old, new string) string {
		t.Helper()
		if !strings.Contains(src, old) {
			t.Fatalf("the workflow has no %q", old)
		}
		return strings.Replace(src, old, new, 1)
	}
	action := func(src, def string) string { return edit(src, "\ngrants:", def+"\ngrants:") }
	base := policies.Workflow
	editorsWrite := edit(base, "  draft:create: [writer]", "  draft:create: [writer, editor]")
	writerAtFactCheck := edit(base, "    check_quotes: [factchecker, editor]\n    waive_quotes: [editor]\n    assign: [factchecker]",
		"    edit:\n      writer:own: [body]\n    check_quotes: [factchecker, editor]\n    waive_quotes: [editor]\n    assign: [factchecker]")
	hold := action(edit(base, "  approved:\n", "  hold:\n    label: Hold\n    see: [writer:own, editor, admin]\n  approved:\n"),
		"\n  hold:\n    label: Hold\n    from: [editing]\n    to: hold\n    by: [editor]\n")
	copyDesk := edit(base, "    label: Fact-check\n", "    label: Copy desk\n")
	verify := edit(base, "    label: Fact-check\n", "    label: BBC Verify\n")
	flag := action(base, "\n  flag:\n    label: Flag\n    from: [fact_check]\n    to: fact_check\n    by: [editor]\n    gates: [note]\n")
	either := action(base, "\n  park:\n    label: Park\n    from: [editing, approved]\n    to: approved\n    by: [editor]\n")

	tests := []struct {
		name, src string
		role      newsroom.Role
		action    newsroom.Action
		stage     newsroom.Stage // where the step left the piece
		holder    *newsroom.Person
		noted     bool
		want      string
	}{
		{"DefaultSubmit", base, "writer", "submit", "fact_check", nil, false, "Sent to the Fact-check desk."},
		{"DefaultReturn", base, "factchecker", "return", "draft", nil, true, "Sent back to Wanda with your note."},
		{"DefaultApprove", base, "editor", "approve", "approved", nil, false, "Approved. The piece is ready to publish or schedule, and its text is locked."},
		{"DefaultSpike", base, "editor", "spike", "spiked", nil, false, "Spiked. The piece leaves every queue and will not be published; an editor can restore it."},
		{"DefaultReopen", base, "editor", "reopen", "editing", nil, false, "Done: Reopen for editing. The piece goes back to Editing and must be approved again."},
		{"EditorsWriteClear", editorsWrite, "factchecker", "clear", "editing", nil, false, "Sent to the Editing desk."},
		{"EditorsWriteReopen", editorsWrite, "editor", "reopen", "editing", nil, false, "Done: Reopen for editing. The piece goes back to Editing and must be approved again."},
		{"EditorsWriteRequestChanges", editorsWrite, "editor", "request_changes", "draft", nil, true, "Sent back to Wanda with your note."},
		{"WriterAtDeskRecheckHeld", writerAtFactCheck, "editor", "recheck", "fact_check", &fay, false, "Sent back to Fay at the Fact-check desk."},
		{"WriterAtDeskRecheck", writerAtFactCheck, "editor", "recheck", "fact_check", nil, false, "Sent back to the Fact-check desk."},
		{"HoldToHold", hold, "editor", "hold", "hold", nil, false, "Done: Hold. The piece moves to Hold."},
		{"DeskInItsLabel", copyDesk, "writer", "submit", "fact_check", nil, false, "Sent to the Copy desk."},
		{"DeskLabelAsWritten", verify, "writer", "submit", "fact_check", &fay, false, "Sent to Fay at the BBC Verify desk."},
		{"StaysInItsStage", flag, "editor", "flag", "fact_check", nil, true, "Done: Flag, with your note. The piece stays in Fact-check."},
		{"StaysHeld", flag, "editor", "flag", "fact_check", &fay, false, "Done: Flag. The piece stays in Fact-check. Fay holds it there."},
		{"MayHaveStayed", either, "editor", "park", "approved", nil, false, "Done: Park. The piece is in Approved."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := policy.Parse("workflow.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			d := &newsroom.Draft{ID: 7, Stage: tt.stage, Writer: wanda}
			if tt.holder != nil {
				d.Assignees = map[newsroom.Stage]newsroom.Person{tt.stage: *tt.holder}
			}
			if got := p.Done(user(tt.role), d, tt.action, tt.noted); got != tt.want {
				t.Errorf("Done = %q, want %q", got, tt.want)
			}
		})
	}
}
