package store_test

import (
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentChangedWhileDeleted: a change to a comment that another request deletes while the
// change waits for the draft's lock finds it gone (404), not a failure of ours (500). On
// PostgreSQL the change reads the comment before it takes the lock and again after, and the
// second read found nothing.
func TestCommentChangedWhileDeleted(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, "The council met on Tuesday and voted.")
	for range 20 {
		c := f.commentOn(t, f.editor, d.ID, 4, 11, "Which council?")
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Go(func() { _, errs[i] = f.s.DeleteComment(f.editor, c.ID) })
		}
		wg.Wait()
		codes := map[string]int{}
		for _, err := range errs {
			codes[newsroom.ErrorCode(err)]++
		}
		if codes[""] != 1 || codes[newsroom.ENOTFOUND] != 1 {
			t.Fatalf("two deletes of one comment at once: %v; want one deleted and one not found", errs)
		}
	}
}
