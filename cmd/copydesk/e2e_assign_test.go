package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAssignDeadline drives assignments and due times in headless Chromium: an admin
// sets the newsroom's time zone; a writer submits a piece; an editor assigns it to the
// fact-checker from the draft page with a due time three hours away; the fact-check desk and
// the story budget show who holds it and that it is due soon, in London time.
func TestBrowserAssignDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")

	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/settings"), chromedp.WaitVisible(`input[name=time_zone]`, chromedp.ByQuery),
		chromedp.SetValue(`input[name=time_zone]`, "Europe/London", chromedp.ByQuery))
	b.submit(`form[action="/admin/settings"] button[type=submit]`)
	if got := b.flash(); got != "The newsroom's time zone is now Europe/London." {
		t.Fatalf("settings: %q", got)
	}
	b.shotWidths("settings")
	b.signOut()

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

	// The editor assigns the fact-checker and sets the piece's due time, in London time.
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	due := time.Now().In(london).Add(3 * time.Hour).Truncate(time.Minute)
	shown := due.Format("Mon Jan 2, 2006 15:04 MST")
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-work`, chromedp.ByQuery))
	if got := b.text(`.ws-work ul.desks`); !strings.Contains(got, "Fact-check Unassigned") {
		t.Fatalf("the head says %q, want Fact-check unassigned", got)
	}
	b.run(chromedp.Click(`.ws-work summary`, chromedp.ByQuery),
		chromedp.SetValue(`form[action$="/assignees/fact_check"] select[name=user_id]`, b.userID("factchecker"), chromedp.ByQuery))
	b.shotWidths("draft-assign-form")
	b.submit(`form[action$="/assignees/fact_check"] button[type=submit]`)
	if got := b.flash(); got != "Factchecker holds Harbour council backs ferry plan at Fact-check." {
		t.Fatalf("assign: %q", got)
	}
	b.run(chromedp.Click(`.ws-work summary`, chromedp.ByQuery),
		chromedp.SetValue(`form.due-form input[name=due]`, due.Format("2006-01-02T15:04"), chromedp.ByQuery))
	b.submit(`form.due-form button[type=submit]`)
	if got := b.text(`.ws-work ul.desks`); !strings.Contains(got, "Fact-check Factchecker") || !strings.Contains(got, "due "+shown+" due soon") {
		t.Fatalf("the head says %q, want the fact-checker and due %s, soon", got, shown)
	}
	b.shotWidths("draft-assigned")

	b.run(chromedp.Navigate(b.base+"/desk?stage=fact_check"), chromedp.WaitVisible(`table.drafts`, chromedp.ByQuery))
	if got := b.text(`table.drafts .work`); got != "Factchecker · due "+shown+" due soon" {
		t.Fatalf("the desk's line says %q", got)
	}
	b.shotWidths("desk-assigned")

	b.run(chromedp.Navigate(b.base+"/budget?days=7"), chromedp.WaitVisible(`table.budget`, chromedp.ByQuery))
	row := b.text(`table.budget tbody tr`)
	for _, want := range []string{due.Format("15:04 MST"), "due soon", "Harbour council backs ferry plan", "Fact-check", "Writer", "Factchecker"} {
		if !strings.Contains(row, want) {
			t.Fatalf("the budget's row %q lacks %q", row, want)
		}
	}
	b.shotWidths("budget")
}

// userID is the id of the user called name, read from the assign form's choices.
func (b *browser) userID(name string) string {
	b.t.Helper()
	var id string
	b.run(chromedp.Evaluate(fmt.Sprintf(`Array.from(document.querySelectorAll("select[name=user_id] option")).find(o => o.textContent.trim().toLowerCase() === %q).value`, name), &id))
	return id
}
