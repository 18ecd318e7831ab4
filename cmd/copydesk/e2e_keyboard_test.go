package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// keyboardDraft starts the server with a writer, a fact-checker and an editor, puts a piece in
// Editing and opens it as the editor, ready to be walked with keys. A -short run skips it.
func keyboardDraft(t *testing.T) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery))
	b.settle()
	return b
}

// focusIn reports whether the keyboard's focus is inside the element sel.
func (b *browser) focusIn(sel string) bool {
	b.t.Helper()
	var in bool
	b.run(chromedp.Evaluate(fmt.Sprintf(`!!document.querySelector(%q) && document.querySelector(%q).contains(document.activeElement)`, sel, sel), &in))
	return in
}

// TestBrowserKeyboardFocusOrder walks the draft page with Tab at a desktop's width and a
// phone's: the keyboard goes through the page in the order it is laid out, so that Tab from a
// tab of the side pane reaches that tab's panel, and not the actions at the top of the page.
func TestBrowserKeyboardFocusOrder(t *testing.T) {
	b := keyboardDraft(t)

	// At a desktop's width: the actions (across the top), the text, then the tabs and their panel.
	// The bar's last control shown may be an action's button, a check box after it, or More,
	// which folds the rarely taken actions.
	b.run(chromedp.Evaluate(`[...document.querySelectorAll(".ws-actions :is(button, summary, input:not([type=hidden]), textarea, select)")].filter(e => e.checkVisibility()).pop().focus()`, nil),
		chromedp.KeyEvent(kb.Tab))
	if !b.focusIn(`.ws-main`) {
		t.Errorf("Tab from the last action leaves the text behind, at %s", b.focusedName())
	}
	b.run(chromedp.Focus(`#tab-comments`, chromedp.ByQuery), chromedp.KeyEvent(kb.Tab))
	if !b.focusIn(`#side`) {
		t.Errorf("Tab from the Comments tab goes to %s, not to its panel", b.focusedName())
	}
	b.shot("keyboard-order-1280")

	// On a phone: the tabs, the text they show, then the actions under it. The page sets the
	// tabs' order when it hears the width change, which a loaded machine tells it a little later:
	// Tab is pressed once the Text tab is the one in the order.
	b.run(chromedp.EmulateViewport(390, 800),
		chromedp.Poll(`document.querySelector("#tab-text").tabIndex === 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Focus(`#tab-text`, chromedp.ByQuery), chromedp.KeyEvent(kb.Tab))
	if !b.focusIn(`.ws-main`) {
		t.Errorf("on a phone Tab from the Text tab goes to %s, not to the text", b.focusedName())
	}
	b.shot("keyboard-order-390")
	b.run(chromedp.EmulateViewport(1280, 900))
}

// focusedName describes the element that has the keyboard's focus, for a test's message.
func (b *browser) focusedName() string {
	b.t.Helper()
	var s string
	b.run(chromedp.Evaluate(`(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[name=" + e.name + "]" : "") + " “" + (e.textContent || "").trim().slice(0, 30) + "”")(document.activeElement)`, &s))
	return s
}

// TestBrowserKeyboardPanelLink follows a link that replaces only its panel (a kind of quotes)
// with the keyboard: the keyboard stays in that panel rather than being thrown to the top of the
// page, and the page says the panel was updated.
func TestBrowserKeyboardPanelLink(t *testing.T) {
	b := keyboardDraft(t)
	b.run(chromedp.Focus(`#tab-comments`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	b.run(chromedp.Evaluate(`document.body.dataset.stale = "1"`, nil), chromedp.Focus(`#quotes .filters a`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#quotes .filters a[href$="#quotes"]`, chromedp.ByQuery), chromedp.WaitNotPresent(`[aria-busy]`, chromedp.ByQuery))
	if b.has(`body:not([data-stale])`) {
		t.Fatal("the link left the page")
	}
	if !b.focusIn(`#quotes`) {
		t.Errorf("after the link the keyboard is at %s, not in the quotes panel", b.focusedName())
	}
	if got := b.text(`#ws-status`); got != "Updated." {
		t.Errorf("after the link the status says %q", got)
	}
	b.shot("keyboard-panel-link")
}

// TestBrowserKeyboardCommentShortcut presses the Comment shortcut (Ctrl+Alt+M) with nothing
// selected, as a keyboard user must, who cannot select words in a text that is only read: the
// shortcut takes them to the comment form's Exact words and says so, and the comment is made
// from there.
func TestBrowserKeyboardCommentShortcut(t *testing.T) {
	b := keyboardDraft(t)
	b.run(chromedp.Focus(`#tab-comments`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight),
		chromedp.KeyEvent("m", chromedp.KeyModifiers(input.ModifierCtrl, input.ModifierAlt)))
	if got := b.focusedName(); got != `input[name=exact] “”` || !b.visible(`#comment-form`) {
		t.Fatalf("with nothing selected, Ctrl+Alt+M leaves the keyboard at %s", got)
	}
	if got := b.text(`#ws-status`); !strings.Contains(got, "exact words") {
		t.Errorf("the status says %q", got)
	}
	b.shotWidths("keyboard-comment-shortcut")
	b.run(chromedp.KeyEvent("7 to 2"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("Was it 6 to 3?"), chromedp.KeyEvent(kb.Tab))
	b.run(chromedp.Evaluate(`document.body.dataset.stale = "1"; document.getElementById("ws-status").textContent = ""`, nil), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#threads .comment`, chromedp.ByQuery), chromedp.WaitNotPresent(`[aria-busy]`, chromedp.ByQuery))
	if got := b.text(`#ws-status`); got != "Comment added." || !b.focusIn(`#threads .comment`) {
		t.Errorf("after the comment the status says %q and the keyboard is at %s", got, b.focusedName())
	}
}

// TestBrowserPhoneSaysWhatTheSidePaneDid: on a phone a tab of the side pane hides the text, and
// with it the toolbar's status; what the pane's forms and shortcuts did is said in the pane's
// own status, which a screen reader hears and the viewer sees under the tabs.
func TestBrowserPhoneSaysWhatTheSidePaneDid(t *testing.T) {
	b := keyboardDraft(t)
	b.run(chromedp.EmulateViewport(390, 844))
	b.settle()
	b.run(chromedp.Focus(`#tab-comments`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter),
		chromedp.KeyEvent("m", chromedp.KeyModifiers(input.ModifierCtrl, input.ModifierAlt)))
	if b.visible(`#ws-status`) || !b.visible(`#ws-side-status`) || !strings.Contains(b.text(`#ws-side-status`), "exact words") {
		t.Fatalf("on a phone the shortcut's hint is in the toolbar (shown %v) or the pane says %q", b.visible(`#ws-status`), b.text(`#ws-side-status`))
	}
	b.run(chromedp.KeyEvent("7 to 2"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("Was it 6 to 3?"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#threads .comment`, chromedp.ByQuery), chromedp.WaitNotPresent(`[aria-busy]`, chromedp.ByQuery))
	if got := b.text(`#ws-side-status`); got != "Comment added." {
		t.Errorf("after the comment the pane's status says %q", got)
	}
	b.shot("phone-side-status")
}

// TestBrowserPhoneShowInTextKeepsFocus: on a phone, "Show in the text" on a thread hides the
// side pane the link is in and shows the text: the keyboard goes to the thread's words there,
// rather than being dropped to the top of the page with the hidden link, where a screen reader
// said nothing and the next Tab started again from the header.
func TestBrowserPhoneShowInTextKeepsFocus(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.\nResidents gathered by the old pier after the vote.")
	b.apiAs("editor").send("POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id), map[string]any{"field": "body", "quote": map[string]string{"exact": "the old pier"}, "body": "Which pier?"}, http.StatusCreated, nil)
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(390, 844), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#tab-comments`, chromedp.ByQuery),
		chromedp.Click(`#tab-comments`, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.Focus(`#comments article.comment`, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.Focus(`#comments .to-text-link a`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	b.settle()
	if !b.visible(`#text`) {
		t.Fatal("Show in the text leaves the text hidden")
	}
	var on string
	b.run(chromedp.Evaluate(`document.activeElement.closest("#text mark.commented") ? document.activeElement.textContent : ""`, &on))
	if on != "the old pier" {
		t.Errorf("after Show in the text the keyboard is at %s, not on the thread's words", b.focusedName())
	}
	b.shot("phone-show-in-text")
}
