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
// keyboard, leads to them, newest first, beginning just below the events the draft page shows;
// both pages number each event as its place in the whole history, pass axe and fit a phone's
// width.
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
	if first := b.firstNumber(fmt.Sprintf(`#quote-%d .quote-history ol`, quotes[0].ID)); first != older+1 {
		t.Errorf("the draft page numbers the first event it shows %d, want %d", first, older+1)
	}
	b.accessible("draft page with older quote events")
	b.shotWidths("quote-older-events")

	var nodes []*cdp.Node
	b.run(chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`ol.quote-events`, chromedp.ByQuery), chromedp.Nodes(`ol.quote-events li`, &nodes, chromedp.ByQueryAll))
	if len(nodes) != older {
		t.Errorf("the quote's history page lists %d events, want the %d older ones", len(nodes), older)
	}
	// The events are its finding and then the flips, so event n is flip n-1.
	if first := b.text(`ol.quote-events li`); !strings.HasSuffix(strings.TrimSpace(first), fmt.Sprintf("flip %d", older-1)) {
		t.Errorf("the quote's history page starts with %q, want event %d, the newest the draft page does not show", first, older)
	}
	if first := b.firstNumber(`ol.quote-events`); first != older {
		t.Errorf("the quote's history page numbers its first event %d, want %d", first, older)
	}
	b.accessible("a quote's history")
	b.run(chromedp.EmulateViewport(390, 900))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the page's right edge: %v", out)
	}
	b.shotWidths("quote-events")
}

// firstNumber is the number the browser gives the first item of the ordered list sel.
func (b *browser) firstNumber(sel string) int {
	b.t.Helper()
	var n int
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const l = document.querySelector(%q);
		return l.hasAttribute("start") ? l.start : l.reversed ? l.querySelectorAll(":scope > li").length : 1 })()`, sel), &n))
	return n
}
