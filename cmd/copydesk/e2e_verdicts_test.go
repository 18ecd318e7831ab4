package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// verdictBox is where a verdict button of the quote ledger shows, in CSS pixels.
// Lines is how many lines its words take, and Clipped whether they reach past its edges.
type verdictBox struct {
	Top, Left, Width, Height float64
	Lines                    int
	Clipped                  bool
}

// TestBrowserVerdictButtons: the fact-checker's three verdict buttons sit on one row of even
// widths within the ledger, on a phone (390 px) as on a desktop (1280 px).
func TestBrowserVerdictButtons(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	writer := b.apiAs("writer")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": ledgerBody}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]any{"action": "submit"}, http.StatusOK, nil)

	b.signIn("factchecker")
	for _, width := range []int64{1280, 390} {
		// The fact-checker's page opens on the ledger, which on a phone is its own tab.
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)),
			chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery))
		if width == 390 {
			b.run(chromedp.Click(`#tab-quotes`, chromedp.ByQuery))
		}
		b.run(chromedp.WaitVisible(`#quotes .verdicts button`, chromedp.ByQuery))
		var boxes []verdictBox
		var form verdictBox
		b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#quotes .quote-row:first-child .verdicts button")).map(e => {
			const r = e.getBoundingClientRect(), words = document.createRange(); words.selectNodeContents(e);
			const lines = new Set(Array.from(words.getClientRects()).map(l => Math.round(l.top))).size;
			return {Top: r.top, Left: r.left, Width: r.width, Height: r.height, Lines: lines, Clipped: e.scrollWidth > e.clientWidth}; })`, &boxes),
			chromedp.Evaluate(`(() => { const r = document.querySelector("#quotes .quote-row:first-child form.quote-check").getBoundingClientRect();
			return {Top: r.top, Left: r.left, Width: r.width, Height: r.height}; })()`, &form))
		if len(boxes) != 3 {
			t.Fatalf("%d verdict buttons, want 3", len(boxes))
		}
		for i, box := range boxes {
			if box.Top != boxes[0].Top || box.Height != boxes[0].Height {
				t.Errorf("at %d px verdict button %d is at %+v, off the row of the first, %+v", width, i+1, box, boxes[0])
			}
			if diff := box.Width - boxes[0].Width; diff > 1 || diff < -1 {
				t.Errorf("at %d px verdict button %d is %.1f px wide, the first %.1f px", width, i+1, box.Width, boxes[0].Width)
			}
			if box.Left < form.Left-0.5 || box.Left+box.Width > form.Left+form.Width+0.5 {
				t.Errorf("at %d px verdict button %d (%+v) reaches out of its form (%+v)", width, i+1, box, form)
			}
			if box.Lines != 1 || box.Clipped {
				t.Errorf("at %d px the words of verdict button %d take %d lines, clipped: %v", width, i+1, box.Lines, box.Clipped)
			}
		}
	}
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#quotes", b.base, d.ID)), chromedp.WaitVisible(`#quotes .verdicts button`, chromedp.ByQuery))
	b.shotWidths("verdict-buttons")
}

// TestBrowserEnterPicksNoVerdict: Enter in a quote's note or source does not check the quote.
// The form's first button, Verified, was the one Enter pressed, so a fact-checker who typed why
// a quote is wrong and pressed Enter marked it verified; the verdict is now only a button's.
func TestBrowserEnterPicksNoVerdict(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	writer := b.apiAs("writer")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": ledgerBody}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]any{"action": "submit"}, http.StatusOK, nil)
	b.signIn("factchecker")
	for _, field := range []string{"note", "source"} {
		b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#quotes", b.base, d.ID)), chromedp.WaitVisible(`#quotes .verdicts button`, chromedp.ByQuery),
			chromedp.SendKeys(`#quotes .quote-row:first-child form.quote-check input[name=`+field+`]`, "The tape says twenty years"+kb.Enter, chromedp.ByQuery),
			chromedp.Sleep(1500*time.Millisecond))
		var quotes []struct{ Status string }
		b.apiAs("factchecker").send("GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), nil, http.StatusOK, &quotes)
		if len(quotes) == 0 || quotes[0].Status != "unchecked" {
			t.Fatalf("after Enter in the %s, the quotes are %+v", field, quotes)
		}
	}
	b.shotWidths("enter-picks-no-verdict")
}
