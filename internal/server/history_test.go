package server_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestHistoryAfterManyStaleSaves makes 100 stale saves of 50 kB each on one draft: the history
// answers stay small, unmerged texts come only on request and only the newest 20 are kept, and
// the draft page embeds none of them.
func TestHistoryAfterManyStaleSaves(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	page := fmt.Sprintf("/drafts/%d", d.ID)
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

	t.Run("DraftPage", func(t *testing.T) {
		res := a.page("writer", "GET", page, nil)
		wantStatus(t, res, http.StatusOK)
		if res.Body.Len() > 64<<10 || strings.Contains(res.Body.String(), "Stale text") {
			t.Fatalf("the draft page is %d bytes and embeds unmerged texts: %v", res.Body.Len(), strings.Contains(res.Body.String(), "Stale text"))
		}
		wantBody(t, res, fmt.Sprintf(`href="%s/unmerged/%d"`, page, rids[99]), "Older entries")
		older := regexp.MustCompile(`\?history=([\w-]+)`).FindStringSubmatch(res.Body.String())
		if older == nil {
			t.Fatal("the draft page links to no older entries")
		}
		res = a.page("writer", "GET", page+"?history="+older[1], nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, "Newest entries", "Older entries")
		res = a.page("writer", "GET", fmt.Sprintf("%s/unmerged/%d", page, rids[99]), nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, "Stale text 99. Words")
		res = a.page("writer", "GET", fmt.Sprintf("%s/unmerged/%d", page, rids[0]), nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, "This text was dropped")
	})
}
