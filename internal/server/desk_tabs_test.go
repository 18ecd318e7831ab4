package server_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDeskTabsKeepTheirFilters follows each assignee tab of a searched desk, as a browser
// does, and checks that the page it opens is that tab's, with the stage and the search kept:
// each tab's link is built from a query string, which must reach the page as its parameters.
func TestDeskTabsKeepTheirFilters(t *testing.T) {
	a := newTestApp(t)
	desk := a.page("editor", "GET", "/desk?stage=editing&q=council", nil)
	wantStatus(t, desk, http.StatusOK)
	for _, tab := range []string{"Everyone's", "Mine", "Unassigned"} {
		t.Run(tab, func(t *testing.T) {
			m := regexp.MustCompile(`<a href="([^"]*)"[^>]*>` + regexp.QuoteMeta(tab) + `</a>`).FindStringSubmatch(desk.Body.String())
			if m == nil {
				t.Fatalf("the desk has no %s tab", tab)
			}
			res := a.page("editor", "GET", html.UnescapeString(m[1]), nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, `aria-current="page">`+tab+`</a>`, `<input type="search" name="q" value="council">`,
				`<input type="hidden" name="stage" value="editing">`)
		})
	}
}

// TestDeskNextPageKeepsItsTab follows the Next page link of a desk's tabs, All among them, whose
// stage is empty: the next page is the same tab's, where an absent stage would open the
// viewer's home desk (Editing, for an editor) at a cursor of another list.
func TestDeskNextPageKeepsItsTab(t *testing.T) {
	a := newTestApp(t)
	for range 26 {
		a.draft(newsroom.StageDraft)
	}
	for _, tt := range []struct{ tab, path, stage string }{
		{"All", "/desk?stage=", ""},
		{"Draft", "/desk?stage=draft", "draft"},
	} {
		t.Run(tt.tab, func(t *testing.T) {
			first := a.page("editor", "GET", tt.path, nil)
			wantStatus(t, first, http.StatusOK)
			m := regexp.MustCompile(`<a href="([^"]*)" rel="next">`).FindStringSubmatch(first.Body.String())
			if m == nil {
				t.Fatalf("%s lists 26 drafts on one page", tt.path)
			}
			next := a.page("editor", "GET", html.UnescapeString(m[1]), nil)
			wantStatus(t, next, http.StatusOK)
			wantBody(t, next, `aria-current="page">`+tt.tab+`</a>`, `<input type="hidden" name="stage" value="`+tt.stage+`">`)
			if n := strings.Count(next.Body.String(), `<tr><td><a href="/drafts/`); n != 1 {
				t.Errorf("the second page of %s (%s) lists %d drafts, want the 26th", tt.tab, m[1], n)
			}
		})
	}
}

// TestDeskAssigneeTabsForDeskWorkers: the tabs by who holds a piece (Everyone's, Mine,
// Unassigned) show to those who are assigned at a desk or assign others; a writer, who is
// neither, would find Mine empty on a page of their own drafts.
func TestDeskAssigneeTabsForDeskWorkers(t *testing.T) {
	a := newTestApp(t)
	a.draft(newsroom.StageDraft)
	for _, tt := range []struct {
		actor string
		want  bool
	}{
		{"writer", false}, {"factchecker", true}, {"editor", true},
	} {
		t.Run(tt.actor, func(t *testing.T) {
			res := a.page(tt.actor, "GET", "/desk", nil)
			wantStatus(t, res, http.StatusOK)
			if got := strings.Contains(res.Body.String(), `aria-label="Filter by assignee"`); got != tt.want {
				t.Errorf("the %s's desk shows the assignee tabs: %v, want %v", tt.actor, got, tt.want)
			}
		})
	}
}
