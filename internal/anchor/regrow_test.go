package anchor_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestRegrowAll checks that a comment left on part of the words it was made on takes them all
// again when they are back around it, and only then: not when they are back elsewhere, nor when
// its words stand at more than one place of them that the text holds whole. ⟦⟧ marks the
// words a comment is on where the text has them more than once.
func TestRegrowAll(t *testing.T) {
	tests := []struct {
		name, text, on, quote, want string
		status                      anchor.Status
	}{
		{"Undone", "The mayor said Mr. Jones would resign.", "said", "said Mr.", "said Mr.", anchor.Moved},
		{"TailUndone", "The plan would work, said Hale.", "would work", "plan would work", "plan would work", anchor.Moved},
		{"StillCut", "The mayor said Jones would resign. Mr. Lee said Mr. Smith left.", "said", "said Mr.", "said", anchor.Exact},
		{"BackElsewhereOnly", "The mayor said Jones would resign. Lee said Mr. Smith left.", "said", "said Mr.", "said", anchor.Exact},
		{"WordsTwiceInQuote", "He said no, ⟦said⟧ no, said it.", "said", "said no, said", "said", anchor.Exact},
		{"WordsOnceWhereTheyStand", "He ⟦said⟧ no, said it.", "said", "said no, said", "said no, said", anchor.Moved},
		{"AlreadyWhole", "The mayor said Mr. Jones would resign.", "said Mr.", "said Mr.", "said Mr.", anchor.Exact},
		{"Detached", "The mayor said Mr. Jones would resign.", "", "said Mr.", "", anchor.Detached},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := anchor.Result{Exact: tt.quote, Status: anchor.Detached}
			if tt.on != "" {
				at := strings.Index(tt.text, "⟦"+tt.on+"⟧")
				if at < 0 {
					at = strings.Index(tt.text, tt.on)
				}
				tt.text = strings.NewReplacer("⟦", "", "⟧", "").Replace(tt.text)
				start := len([]rune(tt.text[:at]))
				sel, err := anchor.New(tt.text, start, start+len([]rune(tt.on)))
				if err != nil {
					t.Fatal(err)
				}
				res = anchor.Result{Start: sel.Start, End: sel.End, Exact: sel.Exact, Status: anchor.Exact, Next: sel}
			}
			results := []anchor.Result{res}
			anchor.RegrowAll(tt.text, results, []string{tt.quote})
			got := results[0]
			if got.Status != tt.status || got.Status != anchor.Detached && (got.Exact != tt.want || string([]rune(tt.text)[got.Start:got.End]) != tt.want || got.Next.Exact != tt.want) {
				t.Errorf("RegrowAll = %+v, want %q %v", got, tt.want, tt.status)
			}
		})
	}
}
