package main

import (
	"database/sql"
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
// width. The page of older events leads back to the newest.
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

	newest := `a[href$="/history"]`
	if b.count(newest) != 1 {
		t.Fatal("the page of older events has no link back to the newest")
	}
	if got := b.text(newest); got != "Newest events" {
		t.Fatalf("the page of older events links back to the newest as %q, want \"Newest events\"", got)
	}
	b.run(chromedp.Click(newest, chromedp.ByQuery), chromedp.WaitNotPresent(`a[href$="/history"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`ol.quote-events`, chromedp.ByQuery))
	if first := b.firstNumber(`ol.quote-events`); first != flips+1 {
		t.Errorf("the newest events begin at event %d, want the latest, %d", first, flips+1)
	}
}

// TestBrowserQuoteEventNumbersFit: however many digits an event's number has, the browser shows
// it whole beside the event, on the draft page and on the quote's history page, at 1280 px and
// at 390 px: a quote checked 300,000 times numbers its events in six digits.
func TestBrowserQuoteEventNumbersFit(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	const total = 300000
	b := startBrowser(t, "writer")
	var d struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Pier repairs", "byline": "Sarah Johnson", "brief": "The pier needs repairs.",
		"body": "“The pier needs repair,” said Councillor Ruiz."}, http.StatusCreated, &d)
	var quotes []struct{ ID int64 }
	writer.send("GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), nil, http.StatusOK, &quotes)
	db, err := sql.Open("sqlite3", b.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, note, at, seq)
SELECT %d, %d, 1, 'check', 'The pier needs repair,', 'verified', 'flip ' || CAST(i AS TEXT), CURRENT_TIMESTAMP, i FROM n`,
		total, quotes[0].ID, d.ID)); err != nil {
		t.Fatal(err)
	}

	b.signIn("writer")
	for _, page := range []struct{ name, path, list string }{
		{"quote-numbers-draft", fmt.Sprintf("/drafts/%d#quote-%d", d.ID, quotes[0].ID), fmt.Sprintf("#quote-%d .quote-history ol", quotes[0].ID)},
		{"quote-numbers-history", fmt.Sprintf("/drafts/%d/quotes/%d/history", d.ID, quotes[0].ID), "ol.quote-events"},
	} {
		b.run(chromedp.Navigate(b.base+page.path), chromedp.WaitReady(page.list, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("details.quote-history").forEach(d => d.open = true)`, nil))
		for _, w := range []int64{1280, 390} {
			b.run(chromedp.EmulateViewport(w, 900))
			if cut := b.cutNumbers(page.list); len(cut) > 0 {
				t.Errorf("%s at %d px: the numbers of these events are cut off at the left: %v", page.name, w, cut)
			}
		}
		b.shotWidths(page.name)
	}
}

// cutNumbers is the numbers of the ordered list sel's items that the browser draws, wholly or in
// part, left of the page: a number drawn outside its item stands in the list's padding, and one
// wider than that runs out of the page on a narrow screen.
func (b *browser) cutNumbers(sel string) []int {
	b.t.Helper()
	var cut []int
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const l = document.querySelector(%q), items = Array.from(l.querySelectorAll(":scope > li"));
		const first = l.hasAttribute("start") ? l.start : l.reversed ? items.length : 1;
		const text = document.createElement("canvas").getContext("2d"), cut = [];
		items.forEach((li, i) => {
			const n = l.reversed ? first - i : first + i, style = getComputedStyle(li, "::marker");
			text.font = style.font;
			const left = getComputedStyle(li).listStylePosition === "inside"
				? li.getBoundingClientRect().left
				: li.getBoundingClientRect().left - text.measureText(n + ". ").width;
			if (left < 0) cut.push(n);
		});
		return cut;
	})()`, sel), &cut))
	return cut
}

// firstNumber is the number the browser gives the first item of the ordered list sel.
func (b *browser) firstNumber(sel string) int {
	b.t.Helper()
	var n int
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const l = document.querySelector(%q);
		return l.hasAttribute("start") ? l.start : l.reversed ? l.querySelectorAll(":scope > li").length : 1 })()`, sel), &n))
	return n
}
