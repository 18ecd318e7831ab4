package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// apiUser calls the test server's JSON API with one user's bearer token.
type apiUser struct {
	t     *testing.T
	p     *serveProc
	token string
}

// apiAs signs user in over the API of the server b drives.
func (b *browser) apiAs(user string) apiUser {
	b.t.Helper()
	p := &serveProc{url: b.base}
	return apiUser{t: b.t, p: p, token: p.login(b.t, user)}
}

// send sends body as JSON and decodes the answer into out (nil to drop it), failing the test
// unless the answer has status want.
func (u apiUser) send(method, path string, body any, want int, out any) {
	u.t.Helper()
	in := ""
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			u.t.Fatal(err)
		}
		in = string(b)
	}
	status, answer := u.p.call(u.t, u.token, method, path, in)
	if status != want {
		u.t.Fatalf("%s %s: %d %s, want %d", method, path, status, answer, want)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(answer), out); err != nil {
			u.t.Fatalf("%s %s: %v", method, path, err)
		}
	}
}

// ledgerBody is a body of seven paragraphs, the first three with blank lines between them,
// and six quotes, the last in the seventh paragraph.
const ledgerBody = "“We waited ten years for this,” said Mayor Ana Ruiz.\n\nThe harbour council voted 7 to 2 for the ferry.\n\n" +
	"The opposition called it “a floating white elephant” and promised a review.\n" +
	"“The crossing will take twenty minutes,” said the harbour master.\n“Fares stay as they are,” the mayor added.\n" +
	"“We will watch the costs,” said councillor Lee.\nResidents called the vote “long overdue” and cheered."

// TestBrowserAccessibility visits in headless Chromium the pages the other walks do not: the
// sign-in form and its refusal, a draft's preview and a stale save's text, the error page, and
// the public front page and article; and the quote ledger, where a fact-checker's
// verdict keeps their place on the page and each quote's history opens. Every screenshot checks
// the page with axe-core (see shot), at 1280 and 390 px wide.
func TestBrowserAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery))
	b.shotWidths("login")
	b.run(chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery), chromedp.SendKeys(`input[name=password]`, "wrong", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	b.shotWidths("login-refused")

	writer := b.apiAs("writer")
	var d struct {
		ID      int64
		Version int
	}
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": ledgerBody, "topics": []string{"Harbour"}}, http.StatusCreated, &d)
	draft := fmt.Sprintf("/drafts/%d", d.ID)
	writer.send("PUT", "/api/v1"+draft, map[string]any{"title": "Harbour council backs the ferry", "version": 1}, http.StatusOK, nil)
	var stale struct {
		Error struct{ Details map[string]any }
	}
	writer.send("PUT", "/api/v1"+draft, map[string]any{"title": "Harbour council backs a ferry plan", "version": 1}, http.StatusConflict, &stale)
	writer.send("POST", "/api/v1"+draft+"/transitions", map[string]any{"action": "submit"}, http.StatusOK, nil)

	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s%s/unmerged/%v", b.base, draft, stale.Error.Details["unmerged_revision"])), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	b.shotWidths("unmerged")
	b.run(chromedp.Navigate(b.base+"/drafts/99999"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	if got := b.text(`h1`); !strings.Contains(strings.ToLower(got), "not found") {
		t.Errorf("the error page's heading is %q", got)
	}
	b.shotWidths("not-found")
	b.signOut()

	// The fact-checker disputes the last quote: the page comes back at the quote's row, far
	// below the top of the ledger, with its verdict and its history.
	b.signIn("factchecker")
	b.run(chromedp.Navigate(b.base+draft), chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
	var last string
	b.run(chromedp.AttributeValue(`#quotes ol.quotes > li:last-of-type`, "id", &last, nil, chromedp.ByQuery))
	row := "#" + last
	var paragraph string
	b.run(chromedp.TextContent(row+` .meta .paragraph`, &paragraph, chromedp.ByQuery))
	if got := paragraph; got != "¶paragraph 7" {
		t.Errorf("the last quote's paragraph reads %q, want ¶7", got)
	}
	b.run(chromedp.SendKeys(row+` input[name=note]`, "The recording has “long awaited”.", chromedp.ByQuery))
	b.submit(row + ` button[value=disputed]`)
	var inView bool
	b.run(chromedp.Evaluate(`(() => { const r = document.querySelector("`+row+`").getBoundingClientRect();
		return r.top > -1 && r.top < innerHeight; })()`, &inView))
	if !inView {
		var at string
		b.run(chromedp.Location(&at))
		t.Errorf("after the verdict the page is at %s, with the quote's row %s out of view", at, row)
	}
	if got := b.text(row + ` .quote-verdict`); !strings.Contains(got, "Disputed by Factchecker") {
		t.Errorf("the quote's status reads %q", got)
	}
	b.run(chromedp.Click(row+` .quote-history summary`, chromedp.ByQuery))
	if got := b.text(row + ` .quote-history ol`); !strings.Contains(got, "Disputed, says Factchecker — The recording has") {
		t.Errorf("the quote's history reads %q", got)
	}
	b.shotWidths("factcheck-ledger")
	b.signOut()

	// The editor previews the piece, waives the dispute and publishes it.
	editor := b.apiAs("editor")
	var quotes []struct {
		ID     int64
		Status string
	}
	factchecker := b.apiAs("factchecker")
	factchecker.send("GET", "/api/v1"+draft+"/quotes", nil, http.StatusOK, &quotes)
	for _, q := range quotes {
		if q.Status == "unchecked" {
			factchecker.send("PUT", fmt.Sprintf("/api/v1%s/quotes/%d", draft, q.ID), map[string]any{"status": "verified"}, http.StatusOK, nil)
		} else {
			editor.send("POST", fmt.Sprintf("/api/v1%s/quotes/%d/waive", draft, q.ID), map[string]any{"note": "Both wordings are on the record."}, http.StatusOK, nil)
		}
	}
	factchecker.send("POST", "/api/v1"+draft+"/transitions", map[string]any{"action": "clear"}, http.StatusOK, nil)
	b.signIn("editor")
	b.run(chromedp.Navigate(b.base+draft+"/preview"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	b.shotWidths("preview")
	editor.send("POST", "/api/v1"+draft+"/transitions", map[string]any{"action": "approve"}, http.StatusOK, nil)
	editor.send("POST", "/api/v1"+draft+"/publish", nil, http.StatusOK, nil)
	b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`ol.briefs`, chromedp.ByQuery))
	b.shotWidths("front")
	b.run(chromedp.Click(`ol.briefs h2 a`, chromedp.ByQuery), chromedp.WaitVisible(`article.story`, chromedp.ByQuery))
	b.shotWidths("article")
}
