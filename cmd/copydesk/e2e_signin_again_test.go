package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserSignedInAgainElsewhereLeadsBack: a save sent after the sign-in ended leads to the
// sign-in page, which says it was not done; its writer signs in again in another tab and comes
// back to this one. Reloading it led to the desk with no word of the save, away from what they
// typed. Right: it leads back to the draft, which says the save was not done and offers the
// words typed back.
func TestBrowserSignedInAgainElsewhereLeadsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	draftURL := b.typingDraft()
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, "Typed after the sign-in ended. ", chromedp.ByQuery), network.ClearBrowserCookies())
	b.submit(`#edit-save`)
	if got := b.text(`main`); !strings.Contains(got, "you had been signed out") {
		t.Fatalf("a save sent signed out leads to a sign-in page that says %q", got)
	}
	// Another tab of the same browser, where the writer signs in again.
	other := &browser{t: t, ctx: b.newTab(), base: b.base, shots: b.shots, n: 50}
	other.signIn("writer")

	b.run(chromedp.Reload())
	b.run(chromedp.WaitReady(`main`, chromedp.ByQuery))
	var at string
	b.run(chromedp.Location(&at))
	if !strings.HasPrefix(at, draftURL) {
		t.Fatalf("the sign-in page, reloaded once signed in again in another tab, leads to %s, not back to the draft", at)
	}
	if got := b.text(`main`); !strings.Contains(got, "Not done") {
		t.Errorf("back on the draft, nothing says the save was not done: %.200q", got)
	}
	b.shotWidths("signed-in-again-elsewhere")
	b.run(chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery), chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body]`); !strings.Contains(got, "Typed after the sign-in ended.") {
		t.Errorf("back on the draft, restoring gives the body %q", got)
	}
}

// newTab opens another tab of b's browser, sharing its cookies and storage, as a second tab of
// one person's browser does; it closes when the test ends.
func (b *browser) newTab() context.Context {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	if err := chromedp.Run(ctx); err != nil {
		b.t.Fatal(err)
	}
	return ctx
}
