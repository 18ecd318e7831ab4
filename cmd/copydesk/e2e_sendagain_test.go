package main

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
)

// TestBrowserSendAgainAfterSigningInElsewhere: a comment sent after the sign-in ended is not
// done, and the draft page says to sign in again in another tab and send it again. Doing just
// that was refused with "this form has expired; reload the page": the page's forms carried the
// ended sign-in's token. Right: sent again, the comment is done, and so is a form of the page
// sent the ordinary way once the page has heard of the new sign-in.
func TestBrowserSendAgainAfterSigningInElsewhere(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.sendComment(network.ClearBrowserCookies())
	if got := b.text(`#ws-status`); !strings.Contains(got, "Sign in again in another tab") {
		t.Fatalf("after sending a comment signed out, the page says %q", got)
	}
	other := &browser{t: t, ctx: b.newTab(), base: b.base, shots: b.shots, n: 50}
	other.signIn("editor")

	b.submit(`#comment-form button[type=submit]`)
	if got := b.text(`#ws-status`); strings.Contains(got, "Not done") {
		t.Errorf("sent again once signed in in another tab, the comment is refused: %q", got)
	}
	if n := b.count(`#threads .comment`); n != 1 {
		t.Errorf("sent again once signed in in another tab, the page shows %d threads, want 1", n)
	}
	b.shotWidths("sent-again")
	// The claim form goes the ordinary way, as a whole page: it carries the new token too.
	b.submit(`.ws-work form.claim button`)
	if got := b.text(`main`); strings.Contains(got, "expired") || !strings.Contains(b.text(`.ws-work`), "Editor") {
		t.Errorf("a form sent the ordinary way after signing in again elsewhere is refused: %.200q", got)
	}
}

// TestBrowserSendAgainAfterSomeoneElseSignsIn: the editor's page is signed out and someone else
// (a fact-checker) signs in in another tab of the same browser. The editor's comment, sent
// again, must not take that person's form token and go out under their name: it is refused as
// a form whose sign-in has changed, and the editor's words stay in the form.
func TestBrowserSendAgainAfterSomeoneElseSignsIn(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.sendComment(network.ClearBrowserCookies())
	other := &browser{t: t, ctx: b.newTab(), base: b.base, shots: b.shots, n: 50}
	other.signIn("factchecker")

	b.submit(`#comment-form button[type=submit]`)
	if n := b.count(`#threads .comment`); n != 0 {
		t.Errorf("sent again after a fact-checker signed in in another tab, the editor's comment was posted as %.200q", b.text(`#threads .comment`))
	}
	if got := b.value(`#comment-form textarea[name=body]`); got == "" {
		t.Errorf("the editor's refused comment is no longer in its form")
	}
}
