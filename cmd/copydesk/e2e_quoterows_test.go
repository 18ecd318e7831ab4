package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserClearedQuotesFold: on a phone as on a desktop, the ledger shows the verdict form of
// each quote something waits on (unchecked, disputed) and folds those of the cleared ones
// (verified, marked as no quotation) behind "Change the verdict", which the keyboard opens, or for
// a quote marked as no quotation, whose status line says so, behind "It is a quotation after
// all"; a note typed in a fold and left unsent is offered back with the fold open. It asks shows,
// not visible, whether a form shows: visible counts what a closed <details> holds.
func TestBrowserClearedQuotesFold(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	b.acceptDialogs()
	writer, checker := b.apiAs("writer"), b.apiAs("factchecker")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": ledgerBody}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]any{"action": "submit"}, http.StatusOK, nil)
	var qs []struct{ ID int64 }
	checker.send("GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), nil, http.StatusOK, &qs)
	if len(qs) < 5 {
		t.Fatalf("the piece has %d quotes, want 5 or more", len(qs))
	}
	quote := func(i int) string { return fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", d.ID, qs[i].ID) }
	checker.send("PUT", quote(0), map[string]any{"status": "verified", "source": "council recording"}, http.StatusOK, nil)
	checker.send("PUT", quote(1), map[string]any{"status": "disputed", "note": "The recording has “a white elephant”."}, http.StatusOK, nil)
	checker.send("POST", quote(2)+"/not-quote", map[string]any{"note": "The harbour master's sign, not speech."}, http.StatusOK, nil)
	checker.send("PUT", quote(3), map[string]any{"status": "verified"}, http.StatusOK, nil)
	row := func(i int) string { return fmt.Sprintf("#quote-%d", qs[i].ID) }
	shown := map[int]bool{0: false, 1: true, 2: false, 3: false, 4: true}

	b.signIn("factchecker")
	for _, width := range []int64{390, 1280} {
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery))
		if width == 390 {
			b.run(chromedp.Click(`#tab-quotes`, chromedp.ByQuery))
		}
		b.run(chromedp.WaitVisible(`#quotes ol.quotes`, chromedp.ByQuery))
		b.settle()
		b.shot(fmt.Sprintf("cleared-quotes-fold-%d", width))
		for i, want := range shown {
			if got := b.shows(row(i) + ` form.quote-check`); got != want {
				t.Errorf("at %d px quote %d's verdict form shows: %v, want %v", width, i, got, want)
			}
			if folded := b.shows(row(i) + ` .quote-change > summary`); folded == want {
				t.Errorf("at %d px quote %d's form is folded: %v, want %v", width, i, folded, !want)
			}
		}
		if got := b.text(row(0) + ` .quote-verdict`); !strings.Contains(got, "Verified by Factchecker, ") {
			t.Errorf("at %d px the verified quote's line reads %q, not who verified it and when", width, got)
		}
		if got := b.text(row(2) + ` .quote-verdict`); !strings.HasPrefix(got, "Status: – Not a quotation, says Factchecker, ") || strings.Contains(got, "Unchecked") {
			t.Errorf("at %d px the status line of the quote marked as no quotation reads %q", width, got)
		}
		if got := b.text(row(2) + ` .quote-change > summary`); !strings.HasPrefix(got, "It is a quotation after all") {
			t.Errorf("at %d px the fold of the quote marked as no quotation reads %q", width, got)
		}
	}

	b.run(chromedp.Focus(row(0)+` .quote-change > summary`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	if !b.shows(row(0) + ` form.quote-check input[name=note]`) {
		t.Fatal("Enter on Change the verdict leaves the verified quote's form folded")
	}
	if !b.has(row(0) + ` details.quote-change[open]`) {
		t.Error("the fold does not say it is open")
	}
	b.shot("cleared-quotes-fold-opened-1280")

	// A note typed in the fold and left unsent is offered back, the fold open to show it.
	b.run(chromedp.SendKeys(row(0)+` form.quote-check input[name=note]`, "The tape has “ten long years”.", chromedp.ByQuery),
		chromedp.Sleep(time.Second), chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`main`, chromedp.ByQuery),
		chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#quotes ol.quotes`, chromedp.ByQuery))
	offer := fmt.Sprintf(`[data-offer$=":form:quote-%d"]`, qs[0].ID)
	b.run(chromedp.Poll(fmt.Sprintf(`!!document.querySelector(%q)`, offer), nil))
	if !b.shows(offer) || !b.has(row(0)+` details.quote-change[open]`) {
		t.Error("the note typed in a fold is not offered back where it shows")
	}
	b.shot("cleared-quotes-fold-offer-1280")
}

// TestBrowserFoldedVerdictRefusedComesBackOpen: a fact-checker opens a verified quote's fold and
// types a dispute while the quote's words change and another check verifies the new ones; the
// dispute, refused, comes back with the fold open, the note still in it and the new words on it.
func TestBrowserFoldedVerdictRefusedComesBackOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	v := newVerdictWords(b)
	qid := v.quote().ID
	quote := fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", v.id, qid)
	b.api(v.checker, "PUT", quote, `{"status":"verified"}`, nil)
	const note = "The recording has “ten long years”."
	row := fmt.Sprintf("#quote-%d", qid)
	form := row + ` form.quote-check`
	b.signIn("factchecker")
	b.run(chromedp.EmulateViewport(390, 900), chromedp.Navigate(v.url), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery),
		chromedp.Click(`#tab-quotes`, chromedp.ByQuery), chromedp.WaitVisible(row+` .quote-change > summary`, chromedp.ByQuery))
	if b.shows(form) {
		t.Fatal("the verified quote's form is not folded")
	}
	b.run(chromedp.Click(row+` .quote-change > summary`, chromedp.ByQuery), chromedp.WaitVisible(form+` input[name=note]`, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=note]`, note, chromedp.ByQuery))
	v.rewrite()
	b.api(v.checker, "PUT", quote, fmt.Sprintf(`{"status":"verified","text":%q}`, v.news), nil)
	b.run(chromedp.Click(form+` button[value=disputed]`, chromedp.ByQuery), chromedp.WaitVisible(`#ws-side-status.error`, chromedp.ByQuery))
	b.settle()
	if !b.shows(form + ` input[name=note]`) {
		t.Fatal("the refused dispute's form comes back folded away")
	}
	if got := b.value(form + ` input[name=note]`); got != note {
		t.Errorf("the note reads %q after the refusal, not what was typed", got)
	}
	if got := v.words(form); got != v.news {
		t.Errorf("the form sends the verdict on %q, not on the words the page now shows", got)
	}
	if q := v.quote(); q.Status != "verified" || q.Text != v.news {
		t.Errorf("the refused dispute changed the quote: %+v", q)
	}
	b.shot("folded-verdict-refused-390")
}

// shows reports whether the element sel names is rendered: unlike visible, not inside a closed
// <details>, whose content keeps its boxes in Chromium while it is not shown.
func (b *browser) shows(sel string) bool {
	b.t.Helper()
	var v bool
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.checkVisibility(); })()`, sel), &v))
	return v
}
