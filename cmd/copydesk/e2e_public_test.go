package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPublicSite walks the public site as an admin and a reader would: the admin names
// the publication and describes it on the site settings page and looks at the logo page; a
// reader sees the new name on the front page, follows a piece's topic to the topic's page and
// its byline to the author's page, and searches from the header. Each page is checked by axe and
// shot at 1280 and 390 px.
func TestBrowserPublicSite(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	writer, editor := b.apiAs("writer"), b.apiAs("editor")
	for _, p := range []struct {
		title, body string
		topics      []string
	}{
		{"Harbour ferry gets the go-ahead", "The council approved the new ferry.\n\nIt sails in May.", []string{"Harbour", "Transport"}},
		{"Night buses return to the old town", "Night buses run again from Friday.", []string{"Transport"}},
	} {
		var d struct{ ID int64 }
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": p.title, "byline": "Ana Ruiz", "brief": "What changes for riders.",
			"body": p.body, "topics": p.topics}, 201, &d)
		writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, 200, nil)
		b.apiAs("factchecker").send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "clear"}, 200, nil)
		editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "approve"}, 200, nil)
		editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), map[string]string{}, 200, nil)
	}

	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/site"), chromedp.WaitVisible(`input[name=name]`, chromedp.ByQuery),
		chromedp.SetValue(`input[name=name]`, "The Harbour Ledger", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=description]`, "News from the harbour town, checked twice.", chromedp.ByQuery))
	b.shotWidths("site-settings")
	b.submit(`form[action="/admin/site"] button[type=submit]`)
	if got := b.flash(); got == "" {
		t.Fatal("no word after saving the site settings")
	}
	b.run(chromedp.Navigate(b.base+"/admin/logo"), chromedp.WaitVisible(`input[type=file]`, chromedp.ByQuery))
	b.shotWidths("logo")
	b.signOut()

	b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`ol.briefs`, chromedp.ByQuery))
	if got := b.text(`header.site > a`); got != "The Harbour Ledger" {
		t.Fatalf("the masthead reads %q after the admin renamed the site", got)
	}
	b.shotWidths("public-front")
	b.click(`ol.briefs li:first-child ul.topics a`)
	if got := b.text(`h1`); !strings.HasPrefix(got, "Topic: ") {
		t.Fatalf("a topic link led to %q", got)
	}
	b.shotWidths("public-topic")
	b.click(`ol.briefs li:first-child .byline a`)
	if got := b.text(`h1`); got != "By Ana Ruiz" {
		t.Fatalf("a byline led to %q", got)
	}
	if n := b.count(`ol.briefs > li`); n != 2 {
		t.Fatalf("the author's page lists %d pieces, want 2", n)
	}
	b.shotWidths("public-author")
	b.click(`nav.public a[href="/search"]`)
	b.run(chromedp.SendKeys(`input[name=q]`, "ferry", chromedp.ByQuery))
	b.submit(`form.search button[type=submit]`)
	if got := b.text(`ol.briefs li:first-child h2`); got != "Harbour ferry gets the go-ahead" {
		t.Fatalf("searching for ferry found %q", got)
	}
	if got := b.text(`ol.briefs li:first-child .snippet mark`); !strings.EqualFold(got, "ferry") {
		t.Fatalf("the snippet marks %q", got)
	}
	b.shotWidths("public-search")
}

// click follows a link and waits for the page it leads to.
func (b *browser) click(sel string) {
	b.t.Helper()
	b.submit(sel)
}
