package anchor_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestRegrowAll checks that a comment left on part of the words it was made on takes them all
// again when they are back around it, and only then: not when they are back elsewhere, nor when
// its words stand at more than one place of them that the text holds whole; and alike whether
// quote or text has its accents composed or decomposed. ⟦⟧ marks the words a comment is on
// where the text has them more than once.
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
		{"QuoteDecomposed", "Mayor Zoë Hale said no.", "Hale", "Zoe\u0308 Hale", "Zoë Hale", anchor.Moved},
		{"TextDecomposed", "Mayor Zoe\u0308 Hale said no.", "Hale", "Zoë Hale", "Zoe\u0308 Hale", anchor.Moved},
		{"BothDecomposed", "Mayor Zoe\u0308 Hale said no.", "Hale", "Zoe\u0308 Hale", "Zoe\u0308 Hale", anchor.Moved},
		{"DecomposedStillCut", "Mayor Zoe\u0308 said no.", "said", "Zoë Hale said", "said", anchor.Exact},
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
			anchor.NewWork().RegrowAll(tt.text, results, []string{tt.quote})
			got := results[0]
			if got.Status != tt.status || got.Status != anchor.Detached && (got.Exact != tt.want || string([]rune(tt.text)[got.Start:got.End]) != tt.want || got.Next.Exact != tt.want) {
				t.Errorf("RegrowAll = %+v, want %q %v", got, tt.want, tt.status)
			}
		})
	}
}

// TestRegrowCostIsLinear regrows 500 comments each left on the middle half of its quote, on
// text that repeats one short unit, where the words stand at every unit of the quote and the
// text holds the quote whole at each of those places: the most comparing a regrow can meet. The
// work it pays for must grow with the quotes' length, not with its square, and stay within the
// budget; none of the comments is regrown, since the text cannot tell where its quote was.
func TestRegrowCostIsLinear(t *testing.T) {
	const comments = 500
	for _, unit := range []string{"a", "ha "} {
		t.Run(unit, func(t *testing.T) {
			spent := func(m int) int {
				text := strings.Repeat(unit, 400000/len(unit)+1)[:400000]
				words, quote := strings.Repeat(unit, m)[:m/2+1], strings.Repeat(unit, m)[:m]
				results, quotes := make([]anchor.Result, comments), make([]string, comments)
				for i := range results {
					s := (m + i*750) / len(unit) * len(unit)
					results[i] = anchor.Result{Start: s, End: s + len(words), Exact: words, Status: anchor.Moved}
					quotes[i] = quote
				}
				w := anchor.NewWork()
				w.RegrowAll(text, results, quotes)
				for i, res := range results {
					if res.Exact != words || res.Status != anchor.Moved {
						t.Fatalf("comment %d regrown to %d code points, want it left on its %d", i, len(res.Exact), len(words))
					}
				}
				if w.Short() {
					t.Fatalf("regrowing %d quotes of %d code points ran out of budget", comments, m)
				}
				return w.Spent()
			}
			n, four := spent(500), spent(2000)
			if n <= 0 || four > 5*n {
				t.Errorf("regrowing quotes of 500 code points cost %d, of 2000 cost %d: want more than 0, and at most five times as much", n, four)
			}
		})
	}
}
