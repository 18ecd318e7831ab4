package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPageMessageSaid: the message a page comes with after an action (the flash that
// says it was done, the error that says why not) takes the keyboard's focus, which a screen
// reader says: a live region present as the page loads is not announced, so a reader who
// created a draft or failed to sign in heard nothing of it. The page stays where it was.
func TestBrowserPageMessageSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	focused := func() string {
		var s string
		b.run(chromedp.Evaluate(`document.activeElement.matches("main :is(.flash, .error)[role]") ? document.activeElement.textContent.trim() : ""`, &s))
		return s
	}

	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery), chromedp.SendKeys(`input[name=password]`, "not the password", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	if got := focused(); got == "" {
		t.Errorf("a sign-in refused does not put the focus on why: it is on %s", b.focusedName())
	}

	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	if got := focused(); got != "Draft created." {
		t.Errorf("creating a draft puts the focus on %s, not on the message that says so", b.focusedName())
	}
	b.shotWidths("message-focused")
}

// TestBrowserSkipLink: the first Tab on an app page reaches a link that skips the header's
// links to the page's content, shown while it has the focus, as WCAG 2.4.1 asks; there was
// none, and a keyboard went through the header's eight links on every page.
func TestBrowserSkipLink(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	for _, path := range []string{"/desk", "/drafts/new", "/inbox"} {
		b.run(chromedp.Navigate(b.base+path), chromedp.WaitVisible(`main`, chromedp.ByQuery), chromedp.KeyEvent(kb.Tab))
		var shown bool
		b.run(chromedp.Evaluate(`(r => document.activeElement.getAttribute("href") === "#main" && r.top >= 0 && r.height > 0)(document.activeElement.getBoundingClientRect())`, &shown))
		if !shown {
			t.Errorf("the first Tab on %s reaches %s, not a link to the content in view", path, b.focusedName())
			continue
		}
		b.shot("skip-link-" + strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"))
		b.run(chromedp.KeyEvent(kb.Enter), chromedp.Sleep(100*time.Millisecond))
		if !b.focusIn(`main`) {
			t.Errorf("the skip link on %s leaves the focus on %s", path, b.focusedName())
		}
	}
}
