package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTwoTabs has one writer type in one draft in two tabs of one browser, which share
// its storage. Neither tab offers the other's typing as its own nor overwrites the other's copy:
// the second tab opens with nothing to restore, both copies are kept, and the first tab,
// reloaded, offers its own typing only. Once the second tab is closed, its copy is offered back
// in the first, beside the first's own, and restoring it keeps the one not chosen.
func TestBrowserTwoTabs(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	var d struct{ ID int64 }
	b.api(b.apiToken("writer"), "POST", "/api/v1/drafts", `{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted.","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)
	b.signIn("writer")
	first, second := "Typed in the first tab.", "Typed in the second tab."
	typeAtEnd := func(tab *browser, words string) {
		t.Helper()
		tab.run(chromedp.Evaluate(`(() => { const f = document.querySelector("#edit textarea[name=body]"); f.setSelectionRange(f.value.length, f.value.length); })()`, nil),
			chromedp.SendKeys(`#edit textarea[name=body]`, "\n\n"+words, chromedp.ByQuery))
		time.Sleep(600 * time.Millisecond) // the copy in the browser is kept 400 ms after the last key
	}

	b.openEditing(draftURL)
	typeAtEnd(b, first)
	tab, closeTab := b.newTab()
	tab.openEditing(draftURL)
	time.Sleep(300 * time.Millisecond) // the offer waits for the browser to say which tabs are open
	if tab.has(`.ws-offer`) {
		t.Errorf("the second tab offers %q", tab.text(`.ws-offer p`))
	}
	typeAtEnd(tab, second)
	if kept := b.keptCopies(); !strings.Contains(kept, first) || !strings.Contains(kept, second) {
		t.Errorf("with both tabs typing, the browser keeps %q", kept)
	}

	b.run(chromedp.Reload(), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	time.Sleep(300 * time.Millisecond)
	if n, got := b.count(`.ws-offer`), b.text(`.ws-offer p`); n != 1 || strings.Contains(got, "another tab") {
		t.Errorf("the first tab, reloaded, makes %d offers, the first %q; want its own only", n, got)
	}
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery), chromedp.WaitVisible(`#edit textarea[name=body]`, chromedp.ByQuery))
	if got := b.value(`#edit textarea[name=body]`); !strings.HasSuffix(got, first) {
		t.Fatalf("the first tab restores %q", got)
	}

	// The second tab is closed with its typing unsaved: the first offers it back.
	closeTab()
	b.run(chromedp.Reload(), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	b.run(chromedp.Poll(`document.querySelectorAll(".ws-offer").length === 2`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	if got := b.text(`.ws-offer p`); !strings.Contains(got, "typed in another tab of this browser") {
		t.Errorf("the newest offer says %q, want the closed tab's", got)
	}
	b.shotWidths("two-tabs-offers")
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery), chromedp.WaitNotPresent(`.ws-offer`, chromedp.ByQuery))
	if got := b.value(`#edit textarea[name=body]`); !strings.HasSuffix(got, second) {
		t.Fatalf("restoring the closed tab's copy gives %q", got)
	}
	if kept := b.keptCopies(); !strings.Contains(kept, first) || !strings.Contains(kept, second) {
		t.Errorf("after restoring the closed tab's copy, the browser keeps %q", kept)
	}
}

// newTab opens another tab in the same browser, sharing its cookies and storage, and returns it
// with the function that closes it. Its screenshots are numbered from 71.
func (b *browser) newTab() (*browser, context.CancelFunc) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	tab := &browser{t: b.t, ctx: ctx, base: b.base, shots: b.shots, n: 70}
	tab.acceptDialogs()
	return tab, cancel
}

// keptCopies is every copy of typing the browser keeps, one a line.
func (b *browser) keptCopies() string {
	b.t.Helper()
	var kept string
	b.run(chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("copydesk:draft:")).map(k => localStorage.getItem(k)).join("\n")`, &kept))
	return kept
}
