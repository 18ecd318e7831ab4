package server_test

import (
	"html"
	"net/http"
	"regexp"
	"testing"
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
