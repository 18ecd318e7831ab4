package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFactCheck: an editor marks an approved piece as the fact-check of a claim from the
// draft page's panel, and the published article shows the verdict in its rating box.
func TestBrowserFactCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Did Crime Double Last Year?", "byline": "Maya Lin",
		"brief": "We checked the mayor's claim.", "body": "Police figures show a rise of 12 per cent, not 100."}, http.StatusCreated, &d)
	path := fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID)
	for _, step := range []struct{ who, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		b.apiAs(step.who).send("POST", path, map[string]string{"action": step.action}, http.StatusOK, nil)
	}

	b.signIn("editor")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`.ws-claim`, chromedp.ByQuery),
		chromedp.Click(`.ws-claim summary`, chromedp.ByQuery),
		chromedp.SendKeys(`.ws-claim textarea[name=claim]`, "Crime doubled in our city last year.", chromedp.ByQuery),
		chromedp.SendKeys(`.ws-claim input[name=claimed_by]`, "The Mayor's Office", chromedp.ByQuery),
		chromedp.Click(`.ws-claim input[value=organization]`, chromedp.ByQuery),
		chromedp.SetValue(`.ws-claim select[name=rating]`, "mostly_false", chromedp.ByQuery),
		chromedp.SetValue(`.ws-claim input[name=claim_url]`, "https://example.org/speech", chromedp.ByQuery))
	b.shotWidths("draft-claim-form")
	b.submit(`.ws-claim button[type=submit]:not([name])`)
	if got := b.flash(); !strings.HasPrefix(got, "Fact-check saved") {
		t.Fatalf("flash = %q", got)
	}
	if got := b.text(`.ws-claim .claim-now`); got != "Claim checked Mostly false: “Crime doubled in our city last year.”, claimed by The Mayor's Office (where it was said)" {
		t.Fatalf("the panel says %q", got)
	}
	b.shotWidths("draft-claim")

	var pub struct{ Slug string }
	b.apiAs("editor").send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), nil, http.StatusOK, &pub)
	b.run(chromedp.Navigate(b.base+"/articles/"+pub.Slug), chromedp.WaitVisible(`.verdict`, chromedp.ByQuery))
	if got := b.text(`.verdict .rating`); got != "Our rating: Mostly false (2 of 5)" {
		t.Fatalf("the rating box says %q", got)
	}
	b.shotWidths("article-factcheck")
}
