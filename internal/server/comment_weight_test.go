package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftPageGrowsLinearlyWithOverlappingComments puts n comments on one body, each over n
// code points starting one later than the one before, so that every comment overlaps every
// other: the draft page must grow in step with them, not with their square.
func TestDraftPageGrowsLinearlyWithOverlappingComments(t *testing.T) {
	size := func(n int) int {
		a := newTestApp(t)
		body := strings.Repeat("abcdefghij", 2*n/10+1)
		d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Overlaps", Byline: "Writer", Brief: "Brief.", Body: body})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			start, end := i, n+i
			if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Check."}); err != nil {
				t.Fatal(err)
			}
		}
		res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
		wantStatus(t, res, http.StatusOK)
		return res.Body.Len()
	}
	small, large := size(200), size(400)
	t.Logf("the page is %d bytes with 200 overlapping comments and %d with 400", small, large)
	if ratio := float64(large) / float64(small); ratio > 2.2 {
		t.Fatalf("the page is %d bytes with 200 overlapping comments and %d with 400: %.2f times", small, large, ratio)
	}
}
