package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestBrowserQuoteOlderEvents: a quote whose verdict was flipped more times than the draft page
// shows says under its history how many older events it has, and that link, reached with the
// keyboard, leads to all of them, newest first; both pages pass axe and fit a phone's width.
func TestBrowserQuoteOlderEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	var d struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Pier repairs", "byline": "Sarah Johnson", "brief": "The pier needs repairs.",
		"body": "“The pier needs repair,” said Councillor Ruiz."}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	checker := b.apiAs("factchecker")
	var quotes []struct{ ID int64 }
	checker.send("GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), nil, http.StatusOK, &quotes)
	flips := newsroom.QuoteEventsShown + 5
	for i := range flips {
		status := []string{"disputed", "verified"}[i%2]
		checker.send("PUT", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", d.ID, quotes[0].ID),
			map[string]string{"status": status, "note": fmt.Sprintf("flip %d", i+1)}, http.StatusOK, nil)
	}
	older := flips + 1 - newsroom.QuoteEventsShown // the finding counts too

	b.signIn("factchecker")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#quote-%d", b.base, d.ID, quotes[0].ID)),
		chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
	summary := fmt.Sprintf(`#quote-%d .quote-history summary`, quotes[0].ID)
	b.run(chromedp.Focus(summary, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	want := fmt.Sprintf("Show %d older events", older)
	if got := b.focusedName(); !strings.Contains(got, want) {
		t.Fatalf("Tab from the opened history reaches %s, want the link %q", got, want)
	}
	if n := b.count(fmt.Sprintf(`#quote-%d .quote-history li`, quotes[0].ID)); n != newsroom.QuoteEventsShown {
		t.Errorf("the quote's history shows %d events, want %d", n, newsroom.QuoteEventsShown)
	}
	b.accessible("draft page with older quote events")
	b.shotWidths("quote-older-events")

	var nodes []*cdp.Node
	b.run(chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`ol.quote-events`, chromedp.ByQuery), chromedp.Nodes(`ol.quote-events li`, &nodes, chromedp.ByQueryAll))
	if len(nodes) != flips+1 {
		t.Errorf("the quote's history page lists %d events, want all %d", len(nodes), flips+1)
	}
	if first := b.text(`ol.quote-events li`); !strings.Contains(first, fmt.Sprintf("flip %d", flips)) {
		t.Errorf("the quote's history page starts with %q, want the newest event", first)
	}
	b.accessible("a quote's history")
	b.run(chromedp.EmulateViewport(390, 900))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the page's right edge: %v", out)
	}
	b.shotWidths("quote-events")
}
