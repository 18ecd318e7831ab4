package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserQuotesTabCountsWhatIsLeft: the Quotes tab tells a fact-checker how many quotes wait
// for their check, and it keeps count as they check them from the ledger, whose forms update
// their own panel without a reload, at a desktop's width and a phone's: a tab that still said a
// quote waited once none did sent them hunting for it. The header's counts (the inbox, the
// unread notifications) keep up too.
func TestBrowserQuotesTabCountsWhatIsLeft(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	writer := b.apiAs("writer")
	b.signIn("factchecker")
	for _, width := range []int64{1280, 390} {
		var d struct{ ID int64 }
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
			"brief": "The council voted for the ferry.", "body": "“We waited ten years for this,” said Mayor Ana Ruiz.\n\n“Fares stay as they are,” the mayor added."},
			http.StatusCreated, &d)
		writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]any{"action": "submit"}, http.StatusOK, nil)
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)),
			chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery))
		if width == 390 {
			b.run(chromedp.Click(`#tab-quotes`, chromedp.ByQuery))
		}
		quotes := b.count(`#quotes .quote-row`)
		for left := quotes; left >= 0; left-- {
			badge, said := "", ""
			if left > 0 {
				badge, said = fmt.Sprint(left), fmt.Sprintf("(%d to check)", left)
			}
			if got := strings.TrimSpace(b.text(`#tab-quotes`)); !strings.Contains(got, said) || (left == 0 && strings.Contains(got, "to check")) {
				t.Errorf("at %d px with %d quotes left to check the Quotes tab reads %q, want it to say %q", width, left, got, said)
			}
			var shown string
			b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#tab-quotes .ws-due")).map(e => e.textContent).join(" ")`, &shown))
			if shown != badge {
				t.Errorf("at %d px with %d quotes left to check the Quotes tab's badge shows %q, want %q", width, left, shown, badge)
			}
			if left == 0 {
				break
			}
			checked := b.count(`#quotes .quote-verdict .status-verified`)
			b.run(chromedp.Click(`#quotes .quote-row:has(.quote-verdict .status-unchecked) .verdicts button[value="verified"]`, chromedp.ByQuery))
			b.run(chromedp.Poll(fmt.Sprintf(`document.querySelectorAll("#quotes .quote-verdict .status-verified").length > %d`, checked), nil))
		}
		b.shot(fmt.Sprintf("quotes-tab-all-checked-%d", width))
		var before, after string
		header := `Array.from(document.querySelectorAll("header .inbox-link, header .bell")).map(a => a.textContent + "|" + a.getAttribute("aria-label")).join(" ")`
		b.run(chromedp.Evaluate(header, &before), chromedp.Reload(), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery), chromedp.Evaluate(header, &after))
		if before != after {
			t.Errorf("at %d px the header read %q once every quote was checked, where the page reloaded reads %q", width, before, after)
		}
	}
}
