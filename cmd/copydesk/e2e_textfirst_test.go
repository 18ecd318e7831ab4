package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTextFirst opens a piece as each role opens it at their desk (the writer a draft
// sent back with a note, the fact-checker a piece in Fact-check, the editor one in Editing and
// one Approved) at a desktop's width and a phone's: the piece's text, its title and then its
// body, is in view at the top of the page without scrolling, as in Google Docs, with the
// actions still on the page; on a desktop they are in view as well, beside or above the text,
// and on a phone nothing reaches past the screen's right edge.
func TestBrowserTextFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	const body = "The harbour council voted 7 to 2 for the new ferry on Tuesday night, after a debate that ran past midnight.\n" +
		"Mayor Ana Ruiz, who chaired the meeting, said the town had waited ten years for it.\n" +
		"The opposition called the ferry a waste of money and promised a review of the contract."
	writer, checker := b.apiAs("writer"), b.apiAs("factchecker")
	piece := func() int64 {
		var d struct{ ID int64 }
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs the new ferry after a long night", "byline": "Sarah Johnson",
			"brief": "The council voted 7 to 2 for the ferry; the opposition promises a review of the contract.", "body": body}, http.StatusCreated, &d)
		return d.ID
	}
	step := func(u apiUser, id int64, action, note string) {
		u.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), map[string]string{"action": action, "note": note}, http.StatusOK, nil)
	}
	returned := piece()
	step(writer, returned, "submit", "")
	step(checker, returned, "return", "The ten years are not in the minutes: check them with the mayor's office before you send it again.")
	checking := piece()
	step(writer, checking, "submit", "")
	editing := b.draftInEditing(body)
	approved := b.approvedDraft(body)

	const twoLines = 64
	for _, tc := range []struct {
		user string
		id   int64
	}{{"writer", returned}, {"factchecker", checking}, {"editor", editing}, {"editor", approved}} {
		b.signIn(tc.user)
		for _, w := range []int64{1280, 390} {
			b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, tc.id)),
				chromedp.WaitVisible(`#text [data-field=body] p`, chromedp.ByQuery))
			b.settle()
			name := fmt.Sprintf("%s on piece %d at %d px", tc.user, tc.id, w)
			var at struct{ Title, Body, Action, Height float64 }
			b.run(chromedp.Evaluate(`(() => {
				const top = sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top + window.scrollY : -1; };
				return {Title: top("h1.ws-title"), Body: top("#text [data-field=body] p"), Action: top(".ws-actions button[name=do]"), Height: window.innerHeight};
			})()`, &at))
			if at.Title < 0 || at.Title > at.Body {
				t.Errorf("%s: the title is at %.0f px, the body at %.0f px", name, at.Title, at.Body)
			}
			// Its first two lines, not the top of one only, are what shows a reader the piece.
			if at.Body+twoLines > at.Height {
				t.Errorf("%s: the body's text starts at %.0f px, its first lines below the first screen (%.0f px tall)", name, at.Body, at.Height)
			}
			if at.Action < 0 {
				t.Errorf("%s: the page offers no action", name)
			}
			if w == 1280 && at.Action+twoLines > at.Height {
				t.Errorf("%s: the first action's button is at %.0f px, below the first screen", name, at.Action)
			}
			if out := b.outside(""); w == 390 && len(out) > 0 {
				t.Errorf("%s: these reach past the right edge: %v", name, out)
			}
			b.shot(fmt.Sprintf("text-first-%s-%d-%d", tc.user, tc.id, w))
			if w == 390 {
				b.wantActionsAtATap(name)
			}
		}
		b.run(chromedp.EmulateViewport(1280, 900))
		b.signOut()
	}
}

// usableActions is a script naming the first control in the actions area a reader can use (a
// button, a field, a form that opens), or "" when the area holds none.
const usableActions = `(() => { const e = Array.from(document.querySelectorAll("#ws-actions :is(button, summary, input:not([type=hidden]), textarea, select)"))
	.find(e => e.getClientRects().length > 0 && !e.disabled && !(e.closest("details:not([open])") && !e.matches("summary")));
	return e ? e.tagName.toLowerCase() + ":" + (e.textContent || e.name).trim().slice(0, 40) : ""; })()`

// wantActionsAtATap checks that a phone's reader, the actions under the text, has a link to them
// on the first screen, a finger's size, and that following it brings the first control there
// into view.
func (b *browser) wantActionsAtATap(name string) {
	b.t.Helper()
	var link struct{ Top, Height, Width float64 }
	b.run(chromedp.Evaluate(`(() => { const a = document.querySelector(".ws-to-actions"); const r = a && a.getClientRects().length ? a.getBoundingClientRect() : {top: -1, height: 0, width: 0};
		return {Top: r.top, Height: r.height, Width: r.width}; })()`, &link))
	if link.Top < 0 || link.Top+link.Height > 900 || link.Height < 44 || link.Width < 44 {
		b.t.Errorf("%s: the link to the actions is at %.0f px, %.0f × %.0f px", name, link.Top, link.Width, link.Height)
		return
	}
	b.run(chromedp.Click(`.ws-to-actions`, chromedp.ByQuery))
	inView := `(() => { const e = Array.from(document.querySelectorAll("#ws-actions :is(button, summary, input:not([type=hidden]), textarea, select)")).find(e => e.getClientRects().length > 0);
		const r = e.getBoundingClientRect(); return r.top > 0 && r.bottom < window.innerHeight; })()`
	if err := chromedp.Run(b.ctx, chromedp.Poll(inView, nil, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		b.t.Errorf("%s: after the link the first control of the actions is not in view: %v", name, err)
	}
}

// TestBrowserActionsLinkOnAPhone opens pieces whose actions area holds different things (a
// workflow action, a correction, a desk to claim, the claim a piece checks, nothing at all) on a
// phone, where that area comes after the text: the Actions link over the text shows whenever the
// area holds something the reader can use, leads to it, and shows nowhere else.
func TestBrowserActionsLinkOnAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	const body = "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\nMayor Ana Ruiz said the town had waited ten years for it."
	editor := b.apiAs("editor")
	published := b.approvedDraft(body)
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", published), map[string]any{}, http.StatusOK, nil)
	spiked := b.approvedDraft(body)
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", spiked), map[string]string{"action": "spike"}, http.StatusOK, nil)
	editing := b.draftInEditing(body)
	for _, tc := range []struct {
		name, user string
		id         int64
		usable     bool
	}{
		{"EditorOnEditing", "editor", editing, true},
		{"EditorOnPublished", "editor", published, true},
		{"FactcheckerOnEditing", "factchecker", editing, true},
		{"AdminOnEditing", "admin", editing, false},
		{"WriterOnSpiked", "writer", spiked, false},
		{"WriterOnPublished", "writer", published, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b.signIn(tc.user)
			defer b.signOut()
			b.run(chromedp.EmulateViewport(390, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, tc.id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
			b.settle()
			var first string
			b.run(chromedp.Evaluate(usableActions, &first))
			if (first != "") != tc.usable {
				t.Fatalf("the actions area's first control is %q, usable %v", first, tc.usable)
			}
			if link := b.visible(".ws-to-actions"); link != tc.usable {
				t.Errorf("the actions area holds %q, and the Actions link shows: %v", first, link)
			}
			if tc.usable {
				b.wantActionsAtATap(tc.name)
			}
			b.shot("actions-link-" + tc.name)
		})
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}
