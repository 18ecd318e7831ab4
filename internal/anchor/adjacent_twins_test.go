package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorNeverSwapsAdjacentTwins moves a paragraph past one of two twin paragraphs that
// stand together (mixed seed 142). Whether the paragraph moved or a twin moved the other way, no
// text tells, and each twin's words read as the other's by their context: a comment on either
// twin stays on the twin with as many twins before it as its own had, or is detached, never put
// on the other twin.
func TestReanchorNeverSwapsAdjacentTwins(t *testing.T) {
	twin := "Smith said the council met on Tuesday. Smith said the council met on Tuesday."
	other := "“No comment,” Zoë said; “No comment,” Zoë said."
	word := strings.LastIndex(twin, " said") + 1
	for _, tc := range []struct {
		name     string
		old, new []string
		inOld    int // the paragraph of old the comment is in
		inNew    int // the paragraph of new its twin with as many twins before it is
	}{
		{"FirstTwinMovedBetween", []string{twin, twin, other}, []string{twin, other, twin}, 0, 0},
		{"SecondTwinMovedBetween", []string{twin, twin, other}, []string{twin, other, twin}, 1, 2},
		{"FirstTwinMovedUpBetween", []string{other, twin, twin}, []string{twin, other, twin}, 1, 0},
		{"SecondTwinMovedUpBetween", []string{other, twin, twin}, []string{twin, other, twin}, 2, 2},
		{"FirstTwinOfTwoPairs", []string{twin, twin, other, other}, []string{twin, other, twin, other}, 0, 0},
		{"SecondTwinOfTwoPairs", []string{twin, twin, other, other}, []string{twin, other, twin, other}, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			start := func(paras []string, i int) int {
				return utf8.RuneCountInString(strings.Join(paras[:i], "\n")) + min(i, 1) + utf8.RuneCountInString(paras[i][:word])
			}
			at := start(tc.old, tc.inOld)
			sel, err := anchor.New(old, at, at+len("said"))
			if err != nil {
				t.Fatal(err)
			}
			if sel.Exact != "said" {
				t.Fatalf("the comment is on %q", sel.Exact)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if want := start(tc.new, tc.inNew); got.Status != anchor.Detached && got.Start != want {
				t.Errorf("the comment is on %q at %d (%v), want %d in paragraph %d or detached", got.Exact, got.Start, got.Status, want, tc.inNew)
			}
		})
	}
}
