package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// outlineHeading is one heading of a page as a screen reader's list of headings gives it.
type outlineHeading struct {
	Level int
	Text  string
	Top   float64
}

// outline lists the page's headings in the order a screen reader reads them (the document's),
// with where each stands on the screen; headings hidden from everyone are left out.
func (b *browser) outline() []outlineHeading {
	b.t.Helper()
	var hs []outlineHeading
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).filter(h => !h.closest("[hidden], [aria-hidden=true]") && getComputedStyle(h).display !== "none" && getComputedStyle(h).visibility !== "hidden").map(h => ({Level: Number(h.tagName[1]), Text: h.innerText.trim().replace(/\s+/g, " "), Top: h.getBoundingClientRect().top + window.scrollY}))`, &hs))
	return hs
}

// wantOutline holds the page's headings to the outline a screen reader's user relies on: one
// h1, naming the page (want), read before every other heading and shown above them, and no
// level skipped on the way down.
func (b *browser) wantOutline(page, want string) {
	b.t.Helper()
	hs := b.outline()
	if len(hs) == 0 {
		b.t.Errorf("%s: no headings", page)
		return
	}
	if hs[0].Level != 1 || !strings.Contains(hs[0].Text, want) {
		b.t.Errorf("%s: the first heading read is h%d %q, want the h1 %q; the outline: %v", page, hs[0].Level, hs[0].Text, want, hs)
	}
	for i, h := range hs {
		if i > 0 && h.Level == 1 {
			b.t.Errorf("%s: a second h1 %q", page, h.Text)
		}
		if i > 0 && h.Level > hs[i-1].Level+1 {
			b.t.Errorf("%s: h%d %q follows h%d %q, skipping a level", page, h.Level, h.Text, hs[i-1].Level, hs[i-1].Text)
		}
		if i > 0 && h.Top+0.5 < hs[0].Top && h.Top != 0 {
			b.t.Errorf("%s: h%d %q shows above the page's h1", page, h.Level, h.Text)
		}
	}
}

// TestBrowserHeadingOutline walks the pages a writer, a fact-checker and an editor use all day,
// at a desktop's width and a phone's, and holds each to its heading outline: the draft page's
// title is its h1 and comes first, before its note, its actions and its panels.
func TestBrowserHeadingOutline(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour master found the pier unsafe.\n\nThe council voted 7 to 2 to close it.")
	b.apiAs("editor").send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), map[string]string{"action": "request_changes", "note": "Name the harbour master."}, http.StatusOK, nil)
	pub := b.approvedDraft("The ferry sails in May.")
	b.apiAs("editor").send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", pub), map[string]string{}, http.StatusOK, nil)
	draft := fmt.Sprintf("%s/drafts/%d", b.base, id)
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900))
		b.signIn("writer")
		b.run(chromedp.Navigate(draft), chromedp.WaitVisible(`#notice`, chromedp.ByQuery))
		b.settle()
		b.wantOutline(fmt.Sprintf("the writer's draft page at %d px", w), "Council closes ferry pier")
		b.shot(fmt.Sprintf("outline-writer-draft-%d", w))
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
		b.wantOutline(fmt.Sprintf("the writer's desk at %d px", w), "")
		b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
		b.wantOutline(fmt.Sprintf("the writer's inbox at %d px", w), "Inbox")
		b.signOut()
		b.signIn("editor")
		b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, pub)), chromedp.WaitVisible(`#live`, chromedp.ByQuery))
		b.settle()
		b.wantOutline(fmt.Sprintf("the editor's published draft at %d px", w), "Harbour council backs ferry plan")
		b.shot(fmt.Sprintf("outline-editor-draft-%d", w))
		b.run(chromedp.Navigate(b.base+"/desk?stage=editing"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
		b.wantOutline(fmt.Sprintf("the editor's desk at %d px", w), "")
		b.signOut()
		b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
		b.wantOutline(fmt.Sprintf("the front page at %d px", w), "")
		b.click(`ol.briefs li:first-child a`)
		b.wantOutline(fmt.Sprintf("a published article at %d px", w), "Harbour council backs ferry plan")
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserCommentOnTitle: the title heads the draft page, apart from the rest of the text,
// and is still text to comment on: words selected in it offer the Comment control, the comment
// is made on the title's words, and its thread's words are marked in the title.
func TestBrowserCommentOnTitle(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The council voted 7 to 2 to close it.")
	b.signIn("editor")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery))
	b.settle()
	var ok bool
	b.run(chromedp.Evaluate(`(() => {
		const node = document.querySelector(".ws-title [data-field=title]").firstChild, at = node.textContent.indexOf("ferry pier");
		if (at < 0) return false;
		const r = document.createRange();
		r.setStart(node, at);
		r.setEnd(node, at + "ferry pier".length);
		getSelection().removeAllRanges();
		getSelection().addRange(r);
		document.querySelector(".ws-title").dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
		return true;
	})()`, &ok))
	if !ok {
		t.Fatal("the title does not read “ferry pier”")
	}
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.Click(`.ws-pop`, chromedp.ByQuery), chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery))
	if field, exact := b.value(`#comment-form select[name=field]`), b.value(`#comment-form input[name=exact]`); field != "title" || exact != "ferry pier" {
		t.Fatalf("the comment form is on the %s's %q, want the title's “ferry pier”", field, exact)
	}
	b.run(chromedp.SendKeys(`#comment-form textarea[name=body]`, "Which pier?", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	if n := b.count(`.ws-title mark.commented`); n != 1 {
		t.Errorf("after commenting on the title, it marks %d runs, want 1", n)
	}
	// The title's words stand above the side pane: their thread opens at the pane's top, under
	// its tabs, not over the page's head.
	b.run(chromedp.Evaluate(`document.querySelector("#threads .comment").click()`, nil))
	b.settle()
	var over float64
	b.run(chromedp.Evaluate(`document.querySelector(".ws-tabs").getBoundingClientRect().bottom - document.querySelector("#threads .comment").getBoundingClientRect().top`, &over))
	if over > 0.5 {
		t.Errorf("the title's thread stands %.0f px over the side pane's tabs and the page's head", over)
	}
	b.shotWidths("comment-on-title")
}

// fieldNames lists the names a screen reader gives the text fields and choices shown on the
// page (their labels, or aria-label), as it reads them out of their context.
func (b *browser) fieldNames() []string {
	b.t.Helper()
	var names []string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea, select")).filter(e => e.getClientRects().length && !e.closest("details:not([open])")).map(e => (e.getAttribute("aria-label") || Array.from(e.labels).map(l => l.textContent).join(" ")).trim().replace(/\s+/g, " "))`, &names))
	return names
}

// TestBrowserDraftFieldsNamedApart: a screen reader's user going from field to field of the
// draft page hears each field's name alone. Every action's note was "Note" and every quote's
// fields "Note" and "Source", so that nothing told which action or quote a field was for.
// Right: no two fields shown on the page have one name.
func TestBrowserDraftFieldsNamedApart(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	var checking struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Ferry fares rise", "byline": "Sarah Johnson", "brief": "Fares rise.",
		"body": "“Fares rise in May,” said Ana Ruiz.\n“We waited ten years for this,” said Mayor Ana Ruiz."}, http.StatusCreated, &checking)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", checking.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	editing := b.draftInEditing("The council voted 7 to 2 to close it.")
	for _, v := range []struct {
		who  string
		id   int64
		want string
	}{{"factchecker", checking.ID, "#quotes"}, {"editor", editing, "#actions"}} {
		b.signIn(v.who)
		b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, v.id)), chromedp.WaitVisible(v.want, chromedp.ByQuery))
		b.settle()
		seen := map[string]bool{}
		for _, name := range b.fieldNames() {
			if name == "" {
				t.Errorf("the %s's draft page has a field without a name", v.who)
			} else if seen[name] {
				t.Errorf("the %s's draft page has two fields named %q", v.who, name)
			}
			seen[name] = true
		}
		b.signOut()
	}
}
