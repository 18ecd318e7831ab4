package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDayWalk opens every page a writer, a fact-checker, an editor and an admin use in a
// day, with a piece at each step of its way, at a desktop's width and a phone's: none of them
// scrolls sideways at 390 px, and each is checked for accessibility as its screenshot is taken.
// Each app page sets its interface in one sans-serif and the piece's words in a serif; each
// public page keeps its serif.
func TestBrowserDayWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	writer, checker, editor := b.apiAs("writer"), b.apiAs("factchecker"), b.apiAs("editor")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n\n" +
			`"We have waited ten years for this," said Mayor Ann Lee.`}, http.StatusCreated, &d)
	draft := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	var c struct{ ID int64 }
	walk := func(user string, pages ...string) {
		t.Helper()
		b.signIn(user)
		for _, p := range pages {
			public := p == "/" || strings.HasPrefix(p, "/articles/")
			b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(b.base+p), chromedp.WaitReady(`body`, chromedp.ByQuery))
			b.settle()
			b.checkType(fmt.Sprintf("%s's %s at 1280 px", user, p), public, strings.HasPrefix(p, page))
			b.run(chromedp.EmulateViewport(390, 900))
			b.settle()
			b.checkType(fmt.Sprintf("%s's %s at 390 px", user, p), public, strings.HasPrefix(p, page))
			if out := b.outside(""); len(out) > 0 {
				t.Errorf("%s's %s at 390 px: these reach past the right edge: %v", user, p, out)
			}
			b.shotWidths(fmt.Sprintf("day-%s%s", user, sanitize(p)))
		}
		b.signOut()
	}
	walk("writer", "/desk", "/drafts/new", page, "/inbox", "/notifications", "/account")
	writer.send("POST", draft+"/transitions", map[string]string{"action": "submit"}, http.StatusOK, nil)
	checker.send("POST", draft+"/comments", map[string]any{"field": "body", "quote": map[string]string{"exact": "7 to 2"}, "body": "Which meeting's minutes say 7 to 2?"}, http.StatusCreated, &c)
	walk("factchecker", "/desk", page, page+"#quotes", "/inbox")
	checker.send("POST", draft+"/transitions", map[string]string{"action": "return", "note": "Name the minutes you took the vote from."}, http.StatusOK, nil)
	walk("writer", "/desk", page, "/inbox")
	writer.send("POST", draft+"/transitions", map[string]string{"action": "submit"}, http.StatusOK, nil)
	checker.send("POST", fmt.Sprintf("/api/v1/comments/%d/resolve", c.ID), nil, http.StatusOK, nil)
	var quotes []struct{ ID int64 }
	checker.send("GET", draft+"/quotes", nil, http.StatusOK, &quotes)
	for _, q := range quotes {
		checker.send("PUT", fmt.Sprintf("%s/quotes/%d", draft, q.ID), map[string]string{"status": "verified", "note": "On the council's recording.", "source": "recording"}, http.StatusOK, nil)
	}
	checker.send("POST", draft+"/transitions", map[string]string{"action": "clear"}, http.StatusOK, nil)
	walk("editor", "/desk", page, "/budget", "/inbox")
	editor.send("POST", draft+"/transitions", map[string]string{"action": "approve"}, http.StatusOK, nil)
	var pub struct{ Slug string }
	editor.send("POST", draft+"/publish", map[string]string{}, http.StatusOK, &pub)
	walk("editor", "/articles/"+pub.Slug, "/", page)
	walk("admin", "/admin/users", "/admin/settings", "/admin/site", "/admin/logo", "/admin/email", "/admin/webhooks", "/account")
}

// sanitize makes a page's path part of a screenshot's name.
func sanitize(path string) string {
	out := []rune{}
	for _, r := range path {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, r)
		default:
			out = append(out, '-')
		}
	}
	return string(out)
}
