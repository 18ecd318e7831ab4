package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestHistoryAfterManyStaleSaves makes 100 stale saves of 50 kB each on one draft: the history
// answers stay small, and unmerged texts come only on request and only the newest 20 are kept.
func TestHistoryAfterManyStaleSaves(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	padding := strings.Repeat("Words that only a stale save ever held. ", 1250)
	var rids []int64
	for i := range 100 {
		rids = append(rids, a.staleSave(d.ID, fmt.Sprintf("Stale text %d. %s", i, padding)))
	}

	cases := []struct {
		name                     string
		query                    string
		wantRevisions, wantTexts int
		maxBytes                 int
	}{
		{"Default", "", 50, 0, 200 << 10},
		{"SmallPage", "?limit=5", 5, 0, 10 << 10},
		{"UnmergedText", "?unmerged_text=1", newsroom.MaxUnmergedTexts, newsroom.MaxUnmergedTexts, 1200 << 10},
		{"UnmergedTextSmallPage", "?unmerged_text=1&limit=3", 3, 3, 200 << 10},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("writer", "GET", base+"/history"+tt.query, "")
			wantStatus(t, res, http.StatusOK)
			if res.Body.Len() > tt.maxBytes {
				t.Fatalf("history answer is %d bytes, over %d", res.Body.Len(), tt.maxBytes)
			}
			h := decode[newsroom.History](t, res)
			texts := 0
			for _, r := range h.Revisions {
				if r.Text != nil {
					texts++
				}
			}
			if len(h.Revisions) != tt.wantRevisions || texts != tt.wantTexts || h.Next == "" {
				t.Fatalf("%d revisions, %d texts, next %q; want %d, %d and more to come", len(h.Revisions), texts, h.Next, tt.wantRevisions, tt.wantTexts)
			}
		})
	}

	t.Run("OneUnmerged", func(t *testing.T) {
		res := a.do("writer", "GET", fmt.Sprintf("%s/unmerged/%d", base, rids[99]), "")
		wantStatus(t, res, http.StatusOK)
		if r := decode[newsroom.Revision](t, res); r.Text == nil || !strings.HasPrefix(r.Text.Body, "Stale text 99. Words") || r.Pruned {
			t.Fatalf("newest unmerged revision = %+v", r)
		}
		res = a.do("writer", "GET", fmt.Sprintf("%s/unmerged/%d", base, rids[0]), "")
		wantStatus(t, res, http.StatusOK)
		if r := decode[newsroom.Revision](t, res); r.Text != nil || !r.Pruned {
			t.Fatalf("oldest unmerged revision = %+v", r)
		}
		wantStatus(t, a.do("other", "GET", fmt.Sprintf("%s/unmerged/%d", base, rids[99]), ""), http.StatusNotFound)
	})

}
