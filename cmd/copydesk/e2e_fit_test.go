package main

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// outside names the elements of the page that reach past the right edge of the viewport (or of
// within, a selector, when given), so that a reader would have to scroll sideways to see them.
func (b *browser) outside(within string) []string {
	b.t.Helper()
	var names []string
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const box = %q ? document.querySelector(%q).getBoundingClientRect() : {right: document.documentElement.clientWidth};
		return Array.from(document.body.querySelectorAll("*")).filter(e => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.right > box.right + 0.5;
		}).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : ""));
	})()`, within, within), &names))
	return names
}

// approvedDraft makes a draft as the writer and moves it through the workflow to Approved.
func (b *browser) approvedDraft(body string) int64 {
	b.t.Helper()
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": body}, http.StatusCreated, &d)
	for _, st := range []struct{ user, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		b.apiAs(st.user).send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": st.action}, http.StatusOK, nil)
	}
	return d.ID
}

// TestBrowserPublishFitsAPhone: the editor's publish panel, with its choice of a time to
// publish, stays within a phone's width (390 px), as every other part of the draft page does,
// so that the page never scrolls sideways.
func TestBrowserPublishFitsAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.approvedDraft("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(390, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)),
		chromedp.WaitVisible(`#publish input[name=at]`, chromedp.ByQuery))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the page's right edge: %v", out)
	}
	b.shotWidths("publish")
}
