package anchor_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorSlideCostIsBounded re-anchors 500 comments on a body of one word repeated to the
// length limit, after the word is typed once more at its top: every comment's words could slide
// past the insertion all the way from the top, the most comparing there is. It must stay
// within worstWall (a second and a quarter here, against one without the comparing), and each
// comment stays on its word, shifted by the insertion or not, or detaches.
func TestReanchorSlideCostIsBounded(t *testing.T) {
	const words, comments = 80000, 500
	old := strings.Repeat("echo ", words)
	text := "echo " + old
	sels := make([]anchor.Selector, comments)
	for i := range sels {
		start := (i*(words/comments) + words/comments/2) * 5
		sel, err := anchor.New(old, start, start+4)
		if err != nil {
			t.Fatal(err)
		}
		sels[i] = sel
	}
	began := time.Now()
	got := anchor.Reanchor(old, text, sels)
	if took := time.Since(began); took > worstWall {
		t.Errorf("re-anchoring took %s, want at most %s", took, worstWall)
	}
	detached := 0
	for i, res := range got {
		if res.Status == anchor.Detached {
			detached++
		} else if res.Start != sels[i].Start && res.Start != sels[i].Start+5 {
			t.Fatalf("comment %d at %d went to %d", i, sels[i].Start, res.Start)
		}
	}
	t.Logf("%d of %d comments detached", detached, comments)
}
