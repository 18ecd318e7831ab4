package main

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDeskPagesLeadBack: a desk longer than a page leads on to the next page and, from
// there, back to the first, keeping its tab and its search, so that whoever paged down a long
// queue can return to its top without losing their filters. A later page of numbered search
// results numbers them on from the page before, not from 1 again.
func TestBrowserDeskPagesLeadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	writer := b.apiAs("writer")
	const pieces = 27
	for i := range pieces {
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": fmt.Sprintf("Ferry piece %d", i+1), "byline": "Sarah Johnson",
			"brief": "The council voted for the ferry.", "body": "The harbour council voted for the ferry."}, http.StatusCreated, nil)
	}
	b.signIn("writer")
	first := `main p a[href^="/desk"]:not([rel])`
	for _, tt := range []struct {
		name, path, rows string
		numbered         bool
	}{
		{"list", "/desk?stage=draft", `table.drafts tbody tr`, false},
		{"search", "/desk?stage=draft&q=ferry", `ol.results > li`, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(b.base+tt.path), chromedp.WaitVisible(`a[rel="next"]`, chromedp.ByQuery))
			firstPage := b.count(tt.rows)
			if b.count(first) != 0 {
				t.Errorf("the first page of %s links to the first page", tt.path)
			}
			b.run(chromedp.Click(`a[rel="next"]`, chromedp.ByQuery), chromedp.WaitNotPresent(`a[rel="next"]`, chromedp.ByQuery))
			if n := b.count(tt.rows); n != pieces-firstPage {
				t.Fatalf("the second page of %s lists %d pieces, want the %d after the first page's", tt.path, n, pieces-firstPage)
			}
			if tt.numbered {
				var start int
				b.run(chromedp.Evaluate(`document.querySelector("ol.results").start`, &start))
				if start != firstPage+1 {
					t.Errorf("the second page of %s numbers its first result %d, want %d, on from the first page's %d", tt.path, start, firstPage+1, firstPage)
				}
			}
			b.run(chromedp.EmulateViewport(390, 900))
			if out := b.outside(""); len(out) > 0 {
				t.Errorf("at 390 px these reach past the page's right edge: %v", out)
			}
			b.shotWidths("desk-second-page-" + tt.name)
			if b.count(first) != 1 || b.text(first) != "First page" {
				t.Fatalf("the second page of %s has no link back to the first", tt.path)
			}
			b.run(chromedp.Click(first, chromedp.ByQuery), chromedp.WaitVisible(`a[rel="next"]`, chromedp.ByQuery))
			if n := b.count(tt.rows); n != firstPage {
				t.Errorf("the first page link of %s leads to %d pieces, want the first page's %d", tt.path, n, firstPage)
			}
			var url string
			b.run(chromedp.Location(&url))
			if want := b.base + tt.path; url != want {
				t.Errorf("the first page link leads to %s, want %s, with its tab and search", url, want)
			}
		})
	}
}
