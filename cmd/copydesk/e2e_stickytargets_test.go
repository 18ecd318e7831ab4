package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// belowBars reports where the element sel stands against the bars that stay at the top of the
// screen (sticky or fixed, shown): its top, and the lowest of their bottoms.
func (b *browser) belowBars(sel string) (top, bars float64) {
	b.t.Helper()
	b.settle()
	var at []float64
	b.run(chromedp.Evaluate(fmt.Sprintf(`[document.querySelector(%q).getBoundingClientRect().top,
		Math.max(0, ...Array.from(document.querySelectorAll("body *")).filter(e => e.getClientRects().length && ["sticky", "fixed"].includes(getComputedStyle(e).position) && e.getBoundingClientRect().top <= 1).map(e => e.getBoundingClientRect().bottom))]`, sel), &at))
	return at[0], at[1]
}

// TestBrowserLinkedTargetsClearStickyBars: at every width, what a link brings into view (a quote
// of the ledger linked from the inbox, a thread, the words "Show in the text" marks) stops below
// the bars that stay at the top of the screen: on a desktop the text's toolbar, with Edit and
// Save, covered the top of a linked target, and the words to judge were under it.
func TestBrowserLinkedTargetsClearStickyBars(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	var paras []string
	for i := 1; i <= 24; i++ {
		paras = append(paras, fmt.Sprintf("“The pier needs repair number %d,” said Councillor %d of the harbour ward.", i, i))
	}
	var d struct{ ID int64 }
	writer, checker, editor := b.apiAs("writer"), b.apiAs("factchecker"), b.apiAs("editor")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Pier repairs", "byline": "Sarah Johnson", "brief": "The pier needs repairs.", "body": strings.Join(paras, "\n")}, http.StatusCreated, &d)
	draft := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	writer.send("POST", draft+"/transitions", map[string]string{"action": "submit"}, http.StatusOK, nil)
	var quotes []struct{ ID int64 }
	checker.send("GET", draft+"/quotes", nil, http.StatusOK, &quotes)
	if len(quotes) < 20 {
		t.Fatalf("the ledger has %d quotes, want 24", len(quotes))
	}
	for _, q := range quotes {
		checker.send("PUT", fmt.Sprintf("%s/quotes/%d", draft, q.ID), map[string]any{"status": "verified"}, http.StatusOK, nil)
	}
	checker.send("POST", draft+"/transitions", map[string]string{"action": "clear"}, http.StatusOK, nil)
	var c struct{ ID int64 }
	editor.send("POST", draft+"/comments", map[string]any{"field": "body", "quote": map[string]string{"exact": "repair number 3,"}, "body": "Which repair?"}, http.StatusCreated, &c)
	// The editor may edit the piece in Editing: the text's toolbar, with Edit, stays at the top.
	b.signIn("editor")
	for _, w := range []int64{1280, 1024, 800, 390} {
		b.run(chromedp.EmulateViewport(w, 800), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#quote-%d", b.base, d.ID, quotes[16].ID)), chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
		if top, bars := b.belowBars(fmt.Sprintf("#quote-%d blockquote", quotes[16].ID)); top < bars {
			t.Errorf("at %d px, opened at a quote, its words are at %.0f px, under the bars at the top down to %.0f px", w, top, bars)
		}
		b.run(chromedp.Evaluate(fmt.Sprintf(`window.scrollTo(0, document.body.scrollHeight); location.hash = "#quote-%d"`, quotes[5].ID), nil))
		if top, bars := b.belowBars(fmt.Sprintf("#quote-%d blockquote", quotes[5].ID)); top < bars {
			t.Errorf("at %d px, a link in the page to a quote leaves its words at %.0f px, under the bars down to %.0f px", w, top, bars)
		}
		b.run(chromedp.Evaluate(fmt.Sprintf(`location.hash = "#comments"; window.scrollTo(0, document.body.scrollHeight); document.querySelector("#comment-%d a.to-text").click()`, c.ID), nil))
		if top, bars := b.belowBars(`mark.ws-focus`); top < bars {
			t.Errorf("at %d px, Show in the text leaves the words at %.0f px, under the bars down to %.0f px", w, top, bars)
		}
		b.shot(fmt.Sprintf("sticky-show-in-text-%d", w))
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}
