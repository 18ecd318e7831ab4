package anchor

import (
	"strings"
	"testing"
)

// TestReanchorSlideCostIsBounded re-anchors 500 comments on a body of one word repeated to the
// length limit, after an edit at its top that types the word once more right before the
// repeated words: every comment's words could slide past the insertion all the way from the
// top, the most comparing there is. The slides must compare code points (the case is the one
// they pay for), within the one budget, and each comment stays on its word, shifted by the
// insertion or not, or detaches. A word at the very top is changed as well: typed alone, the
// word lands after the repeated ones, where the shared head of the texts ends, and no slide
// has anything to compare.
func TestReanchorSlideCostIsBounded(t *testing.T) {
	const words, comments = 80000, 500
	tests := []struct{ name, old, text string }{
		{"TypedAtTop", "Intro. Then " + strings.Repeat("echo ", words) + "Outro.", "Intro! Then echo " + strings.Repeat("echo ", words) + "Outro."},
		{"TypedAfterTitle", "Echo. So " + strings.Repeat("echo ", words), "Echo? So echo " + strings.Repeat("echo ", words)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := strings.Index(tt.old, "echo ")
			sels := make([]Selector, comments)
			for i := range sels {
				start := head + (i*(words/comments)+words/comments/2)*5
				sel, err := New(tt.old, start, start+4)
				if err != nil {
					t.Fatal(err)
				}
				sels[i] = sel
			}
			compared := slideCompares(tt.old, tt.text, sels)
			if compared <= 0 || compared > workBudget {
				t.Errorf("the slides compared %d code points, want more than 0 and at most %d", compared, workBudget)
			}
			w := NewWork()
			got := w.Reanchor(tt.old, tt.text, sels)
			if w.Spent() > workBudget {
				t.Errorf("re-anchoring spent %d, more than the budget of %d", w.Spent(), workBudget)
			}
			detached := 0
			for i, res := range got {
				if res.Status == Detached {
					detached++
				} else if res.Exact != "echo" || res.Start != sels[i].Start && res.Start != sels[i].Start+5 {
					t.Fatalf("comment %d on %q at %d went to %q at %d", i, sels[i].Exact, sels[i].Start, res.Exact, res.Start)
				}
			}
			t.Logf("%d of %d comments detached; the slides compared %d code points", detached, comments, compared)
		})
	}
}

// slideCompares follows sels from old to text through their diff as Reanchor does, and returns
// how many code points the slides of the words the diff followed compared.
func slideCompares(old, text string, sels []Selector) int {
	ov, nv := newView(old), newView(text)
	defer ov.release()
	defer nv.release()
	e := newEdit(*ov.runes, *nv.runes, &budget{left: workBudget})
	if e == nil {
		return 0
	}
	b, slid := &budget{left: workBudget}, &budget{left: workBudget}
	for _, sel := range sels {
		q, holds := ov.holds(sel)
		if !holds {
			continue
		}
		if res, said := e.follow(q.through(nv, ov, sel, b), sel); said == followed || said == weak {
			e.slide(res.Start, res.End, sel.Start, sel.End, slid)
		}
	}
	return workBudget - slid.left
}
