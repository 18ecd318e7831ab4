package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserCustomWorkflow walks a piece through the second workflow (a copy desk and a legal
// review) in headless Chromium: the desks show the workflow's stages, the draft page its
// actions by their labels, and the spike button waits for its confirmation.
func TestBrowserCustomWorkflow(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startWorkflowBrowser(t, "../../internal/policy/testdata/legal", "writer", "factchecker", "copyeditor", "editor")

	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council voted for the ferry.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday night.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	if !regexp.MustCompile(`/drafts/\d+$`).MatchString(draftURL) {
		t.Fatalf("after creating a draft the browser is at %s", draftURL)
	}
	b.submit(`button[value=submit]`)
	b.signOut()

	b.signIn("factchecker")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#actions`, chromedp.ByQuery))
	b.submit(`button[value=clear]`)
	b.signOut()

	b.signIn("editor")
	b.shotWidths("legal-editor-desk")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#actions`, chromedp.ByQuery))
	if got := b.text(`button[value=send_to_copy]`); got != "Send to copy desk" {
		t.Errorf("the send_to_copy button says %q", got)
	}
	spike := `form.action:has(button[value=spike])`
	var valid bool
	b.run(chromedp.Evaluate(`document.querySelector("`+spike+`").checkValidity()`, &valid))
	if valid || b.count(spike+` input[name=confirm][required]`) != 1 {
		t.Errorf("the spike button does not wait for its confirmation (form valid unchecked: %v)", valid)
	}
	b.wantActionsInOneRow("the legal workflow's editor's")
	b.shotWidths("legal-editor-draft")
	b.submit(`button[value=send_to_copy]`)
	b.signOut()

	b.signIn("copyeditor")
	if tabs := b.text(`nav.tabs`); !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(tabs), "All")), "Copyedit") {
		t.Errorf("the copy editor's desk tabs are %q, want Copyedit first", tabs)
	}
	if got := b.text(`nav.tabs a[aria-current=page]`); got != "Copyedit" {
		t.Errorf("the copy editor's desk opens on %q, want Copyedit", got)
	}
	if got := b.text(`table.drafts`); !strings.Contains(got, "Harbour council backs ferry plan") {
		t.Errorf("the copy desk does not list the piece:\n%s", got)
	}
	b.shotWidths("legal-copyeditor-desk")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit`, chromedp.ByQuery))
	if n := b.count(`#edit textarea[name=editor_comment]`); n != 0 {
		t.Errorf("the copy editor is offered the editor's comment")
	}
	b.edit()
	b.run(chromedp.SetValue(`#edit textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday evening.", chromedp.ByQuery))
	b.submit(`#edit button[type=submit]`)
	if got := b.flash(); got != "Saved." {
		t.Fatalf("after saving: %q", got)
	}
	b.shotWidths("legal-copyeditor-draft")
	b.submit(`button[value=copy_done]`)
	b.signOut()

	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#actions`, chromedp.ByQuery))
	if n := b.count(`#publish`); n != 0 {
		t.Error("an approved piece offers publishing before legal review")
	}
	b.submit(`button[value=send_to_legal]`)
	b.run(chromedp.Navigate(b.base+"/desk?stage=legal"), chromedp.WaitVisible(`table.drafts`, chromedp.ByQuery))
	if got := b.text(`table.drafts`); !strings.Contains(got, "Harbour council backs ferry plan") {
		t.Errorf("the legal filter does not list the piece:\n%s", got)
	}
	b.shotWidths("legal-editor-legal")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#publish`, chromedp.ByQuery))
	b.submit(`#publish button[type=submit]`)
	slug := regexp.MustCompile(`/articles/([a-z0-9-]+)`).FindStringSubmatch(b.flash())
	if slug == nil {
		t.Fatalf("after publishing from legal: %q", b.flash())
	}
	b.run(chromedp.Navigate(b.base+"/articles/"+slug[1]), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	if page := b.text(`body`); !strings.Contains(page, "Tuesday evening") {
		t.Errorf("the article does not carry the copy editor's change:\n%s", page)
	}
}
