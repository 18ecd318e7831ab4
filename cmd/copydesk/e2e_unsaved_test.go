package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserActionWaitsForSave proves that an action taken while the text holds changes not
// saved does not go ahead on the text as last saved, leaving the changes behind in a stage where
// the writer may no longer edit: the page says to save first and puts the keyboard on Save; once
// saved, the action sends the piece with the changes.
func TestBrowserActionWaitsForSave(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council votes to close the library.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))

	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, " It opened in 1946.", chromedp.ByQuery),
		chromedp.Click(`button[value=submit]`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	var now string
	b.run(chromedp.Location(&now))
	if now != draftURL+"?edit=1" {
		t.Fatalf("sending with changes not saved left the page for %s", now)
	}
	if got := b.text(`.ws-head .stage`); got != "Draft" {
		t.Fatalf("the piece went on to %q without the changes", got)
	}
	if got := b.text(`#ws-status`); !strings.Contains(got, "save your changes first") {
		t.Errorf("the page says %q, not to save first", got)
	}
	var focused string
	b.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	if focused != "edit-save" {
		t.Errorf("the keyboard is on %q, not on Save", focused)
	}
	b.shotWidths("action-waits-for-save")

	b.submit(`#edit-save`)
	b.submit(`button[value=submit]`)
	if got := b.flash(); got != "Done: the draft is now Fact-check." {
		t.Fatalf("after saving, sending says %q", got)
	}
	if got := b.text(`#text`); !strings.Contains(got, "It opened in 1946.") {
		t.Fatalf("the piece went to fact-check without the saved changes: %q", got)
	}
}
