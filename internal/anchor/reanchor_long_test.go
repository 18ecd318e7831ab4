//go:build unix

package anchor_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/cputime"
)

// longBodyBytes is the size of the body of the long-comments scenario: close to the body limit.
const longBodyBytes = 390_000

// longComments returns a body of about longBodyBytes from the small vocabulary, the body with
// one word inserted in its middle, and n comments each covering most of the body, so that each
// holds the insertion: the worst an ordinary save can ask of Reanchor per comment.
func longComments(tb testing.TB, n int) (old, edited string, sels []anchor.Selector) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(14, 390))
	var words []string
	for size := 0; size < longBodyBytes; size += len(words[len(words)-1]) + 1 {
		words = append(words, vocabulary[rng.IntN(len(vocabulary))])
	}
	old = strings.Join(words, " ")
	mid := len(words) / 2
	edited = strings.Join(words[:mid], " ") + " mayoral " + strings.Join(words[mid:], " ")
	// Each selector is cut out of the body as New would make it, without decoding the body per
	// comment as New does, which would take the test seconds.
	at := make([]int, 0, len(old)+1)
	for i := range old {
		at = append(at, i)
	}
	at = append(at, len(old))
	size := len(at) - 1
	for i := range n {
		s, e := 10*i, size-10*i
		sels = append(sels, anchor.Selector{Exact: old[at[s]:at[e]], Prefix: old[at[max(0, s-anchor.ContextLen)]:at[s]],
			Suffix: old[at[e]:at[min(size, e+anchor.ContextLen)]], Start: s, End: e})
	}
	if want, err := anchor.New(old, sels[n-1].Start, sels[n-1].End); err != nil || want != sels[n-1] {
		tb.Fatalf("selector %+v, want %+v (%v)", sels[n-1], want, err)
	}
	return old, edited, sels
}

// TestReanchorLongComments checks that comments covering most of a body near the length limit
// cost Reanchor a bounded time after a one-word insertion inside all of them, and that none is
// put on other words: each follows the insertion or, beyond the budget, detaches.
func TestReanchorLongComments(t *testing.T) {
	for _, n := range []int{100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			old, edited, sels := longComments(t, n)
			began := cputime.Used(t)
			got := anchor.Reanchor(old, edited, sels)
			spent := cputime.Used(t) - began
			unpaid := 0
			for _, r := range got {
				if r.Status == anchor.Detached {
					unpaid++
				}
			}
			t.Logf("%d comments on %d bytes: %v of CPU, %d beyond the budget, detached", n, len(edited), spent, unpaid)
			if spent > 300*time.Millisecond {
				t.Errorf("Reanchor took %v of CPU, want under 300ms", spent)
			}
			// The insertion is inside every comment, so none may stay on its old range: each
			// follows the insertion, or, beyond what the budget can check, detaches.
			for i, r := range got {
				followed := r.Status == anchor.Moved && strings.Contains(r.Exact, " mayoral ") && len(r.Exact) == len(sels[i].Exact)+len("mayoral ")
				if !followed && r.Status != anchor.Detached {
					t.Fatalf("comment %d: got %v at [%d,%d), want it moved onto the insertion or detached", i, r.Status, r.Start, r.End)
				}
			}
		})
	}
}

// BenchmarkReanchorLongComments re-anchors 100 and 1,000 comments covering most of a body near
// the length limit after a one-word insertion inside all of them.
func BenchmarkReanchorLongComments(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			old, edited, sels := longComments(b, n)
			cpu := cputime.Used(b)
			for b.Loop() {
				anchor.Reanchor(old, edited, sels)
			}
			cputime.Report(b, cputime.Used(b)-cpu)
		})
	}
}

// TestReanchorBeyondBudgetKeepsUntouched edits the body after every long comment ends: those
// the budget cannot pay to check keep their stored ranges, which the edit did not reach, as
// exact, and none detaches for want of budget.
func TestReanchorBeyondBudgetKeepsUntouched(t *testing.T) {
	old, _, sels := longComments(t, 1000)
	edited := old + " And the mayor said so."
	got := anchor.Reanchor(old, edited, sels)
	for i, r := range got {
		if r.Status != anchor.Exact || r.Start != sels[i].Start || r.End != sels[i].End {
			t.Fatalf("comment %d, untouched by an edit after it: %v at [%d,%d), want exact at [%d,%d)", i, r.Status, r.Start, r.End, sels[i].Start, sels[i].End)
		}
	}
}
