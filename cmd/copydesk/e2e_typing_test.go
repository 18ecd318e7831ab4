package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// typingDraft creates, as the writer, a draft whose body has an unclosed quotation, so that
// its page carries a quote problem's note in its head, and returns the draft's address.
func (b *browser) typingDraft() string {
	b.t.Helper()
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council voted for the ferry.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n“We waited ten years for this, said Mayor Ana Ruiz.\nThe opposition called it a floating white elephant and promised a review.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	if !regexp.MustCompile(`/drafts/\d+$`).MatchString(draftURL) {
		b.t.Fatalf("after creating a draft the browser is at %s", draftURL)
	}
	return draftURL
}

// threadAction clicks, without moving the keyboard, a button of the thread on the given words.
func (b *browser) threadAction(words, action string) {
	b.t.Helper()
	var ok bool
	b.run(chromedp.Evaluate(`(() => {
		const c = Array.from(document.querySelectorAll("#threads .comment")).find(c => c.querySelector(".on").textContent.includes(`+"`"+words+"`"+`));
		const button = c && c.querySelector("form[action$='/`+action+`'] button");
		if (button) { button.click(); }
		return !!button;
	})()`, &ok))
	if !ok {
		b.t.Fatalf("no %s button on the thread on %q", action, words)
	}
	b.run(chromedp.Sleep(2 * time.Second))
}

// TestBrowserWorkspaceKeepsTyping proves that sending a form of the comments panel keeps what
// is typed in its other forms (a comment in the floating form, another thread's reply), with the
// keyboard where it was; that the quote problem's note in the page's head is neither taken for
// a refusal nor removed by an update; and that leaving the page with a reply half typed asks.
func TestBrowserWorkspaceKeepsTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	dialogs := b.acceptDialogs()
	draftURL := b.typingDraft()
	b.signOut()

	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	notes := b.count(`.ws-head > p.warning`)
	if notes == 0 {
		t.Fatal("the draft's page shows no quote problem; the test needs one")
	}

	b.selectWords("body", "floating white elephant")
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.Click(`.ws-pop`, chromedp.ByQuery),
		chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "First thread.", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	b.run(chromedp.Evaluate(`document.querySelector("#comment-form input[name=exact]").value = "Tuesday night"; document.querySelector("#comment-form textarea[name=body]").value = "Second thread."`, nil))
	b.submit(`#comment-form button[type=submit]`)
	if got := b.count(`#threads .comment`); got != 2 {
		t.Fatalf("%d threads after two comments", got)
	}

	// A reply is half typed in one thread and a comment in the floating form when the editor
	// resolves the other thread.
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#threads .comment")).find(c => c.textContent.includes("Second thread.")).querySelector("input[name=body]").value = "A reply I am typing"`, nil))
	b.selectWords("body", "7 to 2")
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.Click(`.ws-pop`, chromedp.ByQuery),
		chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "A long comment I am still typing", chromedp.ByQuery))
	b.threadAction("floating white elephant", "resolve")
	if !b.has(`#threads .comment.resolved`) {
		t.Fatal("the thread was not resolved")
	}
	var typed string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll(".ws-float #comment-form textarea[name=body]")).map(t => t.value).join("")`, &typed))
	if typed != "A long comment I am still typing" {
		t.Errorf("the comment being typed in the floating form holds %q after another thread was resolved", typed)
	}
	var focused bool
	b.run(chromedp.Evaluate(`document.activeElement === document.querySelector(".ws-float #comment-form textarea[name=body]")`, &focused))
	if !focused {
		t.Error("the keyboard left the comment being typed when another thread was resolved")
	}
	var reply string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#threads .comment")).find(c => c.textContent.includes("Second thread.")).querySelector("input[name=body]").value`, &reply))
	if reply != "A reply I am typing" {
		t.Errorf("the reply being typed holds %q after another thread was resolved", reply)
	}
	if got := b.count(`.ws-head > p.warning`); got != notes {
		t.Errorf("after an update the head shows %d quote problems, not %d", got, notes)
	}

	// The history's comparison: a page with no message of its own but the quote problem's note.
	b.run(chromedp.Evaluate(`document.querySelector("#history input[name=from]").value = "1"; document.querySelector("#history input[name=to]").value = "1"`, nil))
	b.run(chromedp.Evaluate(`document.querySelector("#history form button[type=submit]").click()`, nil), chromedp.Sleep(2*time.Second))
	if st := b.text(`#ws-status`); !strings.HasPrefix(st, "Updated") {
		t.Errorf("after Show changes the status says %q", st)
	}

	// Leaving with the comment and the reply unsent asks first.
	before := dialogs.count()
	b.run(chromedp.Navigate(b.base+"/"), chromedp.Sleep(time.Second))
	if dialogs.count() == before {
		t.Error("leaving the page with a comment and a reply typed asked nothing")
	}
}

// TestBrowserWorkspaceCancelAfterRefusedSave proves that after a save refused as invalid, whose
// page shows the typing as the fields' defaults, Cancel asks before throwing it away and then
// shows the saved text.
func TestBrowserWorkspaceCancelAfterRefusedSave(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	dialogs := b.acceptDialogs()
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body].ws-field`, " A NEW SENTENCE I TYPED.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=brief].ws-field`, strings.Repeat("x", 5001), chromedp.ByQuery),
		chromedp.Sleep(600*time.Millisecond))
	b.submit(`#edit-save`)
	if !b.has(`.ws-head .error`) {
		t.Fatal("the save was not refused")
	}
	before := dialogs.count()
	b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	if dialogs.count() == before {
		t.Error("Cancel after a refused save asked nothing")
	}
	b.run(chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body].ws-field`); strings.Contains(got, "A NEW SENTENCE") {
		t.Errorf("after Cancel the form still holds the refused text: %q", got)
	}
}

// TestBrowserWorkspaceOfferGoesWhenTypingStarts proves that the offer to restore older typing
// goes once the writer types anew, so that it cannot overwrite the new typing, and that the older
// typing is not lost with it: it is set aside, read only, on this page and the next, until the
// writer discards it.
func TestBrowserWorkspaceOfferGoesWhenTypingStarts(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body].ws-field`, " OLD TYPING.", chromedp.ByQuery), chromedp.Sleep(600*time.Millisecond))
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body].ws-field`, " FRESH TYPING.", chromedp.ByQuery), chromedp.Sleep(600*time.Millisecond))
	if b.visible(`.ws-offer`) {
		t.Error("the offer to restore older typing stays once the writer types anew")
	}
	if got := b.value(`textarea[name=body].ws-field`); !strings.Contains(got, "FRESH TYPING") || strings.Contains(got, "OLD TYPING") {
		t.Errorf("the body holds %q", got)
	}
	aside := `.ws-aside textarea`
	if !b.visible(aside) || !strings.Contains(b.value(aside), "OLD TYPING") {
		t.Fatal("the older typing is gone with its offer")
	}
	b.accessible("the draft page with older typing set aside")
	b.run(chromedp.Sleep(600*time.Millisecond), chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if !b.visible(aside) || !strings.Contains(b.value(aside), "OLD TYPING") || !strings.Contains(b.text(`.ws-offer p`), "Restore your unsaved changes") {
		t.Fatal("the next page does not show the older typing set aside beside the offer of the newer")
	}
	// Typing anew beside that offer sets the newer typing aside too, and keeps the older.
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body].ws-field`, " THIRD TYPING.", chromedp.ByQuery), chromedp.Sleep(600*time.Millisecond))
	var kept []string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll(".ws-aside textarea")).map(a => a.value)`, &kept))
	if len(kept) != 2 || !strings.Contains(kept[0], "FRESH TYPING") || !strings.Contains(kept[1], "OLD TYPING") {
		t.Fatalf("after a second copy was set aside the page keeps %q, want the newer above the older", kept)
	}
	b.run(chromedp.Sleep(600*time.Millisecond), chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if got := b.count(`.ws-aside`); got != 2 {
		t.Fatalf("the next page shows %d copies set aside, want 2", got)
	}
	b.run(chromedp.Click(`.ws-aside button`, chromedp.ByQuery))
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if got := b.count(`.ws-aside`); got != 1 || !strings.Contains(b.value(aside), "OLD TYPING") {
		t.Fatalf("after the newer copy was discarded the page shows %d, want the older alone", got)
	}
	b.run(chromedp.Click(`.ws-aside button`, chromedp.ByQuery))
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if b.has(`.ws-aside`) {
		t.Error("older typing discarded is shown again")
	}
}

// TestBrowserWorkspaceSmallLosses proves that an address ending in a broken escape does not stop
// the script, that closing the floating form puts the keyboard back at the words, and that on
// a phone Ctrl+S from the comments tab shows the text, where the browser says what is wrong.
func TestBrowserWorkspaceSmallLosses(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	b.acceptDialogs()
	draftURL := b.typingDraft()
	b.run(chromedp.Navigate(draftURL+"#%"), chromedp.WaitVisible(`#text`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	if !b.has(`.ws-tabs[role=tablist]`) {
		t.Fatal("an address ending in #% stops the workspace's script")
	}

	b.run(chromedp.EmulateViewport(390, 800))
	b.edit()
	b.run(chromedp.Evaluate(`document.querySelector("textarea[name=title].ws-field").value = ""`, nil), chromedp.Click(`#tab-comments`, chromedp.ByQuery),
		chromedp.Evaluate(`document.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true }))`, nil),
		chromedp.Sleep(300*time.Millisecond))
	if got := b.attr(`#workspace`, "data-view"); got != "text" {
		t.Errorf("Ctrl+S with an empty title on the comments tab leaves the workspace on %q", got)
	}
	b.run(chromedp.EmulateViewport(1280, 900))
	b.signOut()

	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.selectWords("body", "floating white elephant")
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.Click(`.ws-pop`, chromedp.ByQuery),
		chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery),
		chromedp.KeyEvent("\x1b"), chromedp.Sleep(300*time.Millisecond))
	var on string
	b.run(chromedp.Evaluate(`document.activeElement.className || document.activeElement.tagName`, &on))
	if on != "ws-pop" {
		t.Errorf("after Escape the keyboard is on %q, not the Comment control", on)
	}
}

// TestBrowserSignOutKeepsUnsentTyping: typing the server has not had yet (here, signed out a
// moment after it) stays in this browser past signing out, and the draft page offers it back
// at the next sign-in: signing out clears the cache, not the storage.
func TestBrowserSignOutKeepsUnsentTyping(t *testing.T) {
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	draftURL := b.typingDraft()
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, " It opened in 1946.", chromedp.ByQuery), chromedp.Sleep(700*time.Millisecond))
	b.signOut()
	b.signIn("writer")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	if !b.has(`.ws-offer`) {
		t.Fatal("after signing out with typing not yet on the server, the draft page offers nothing back")
	}
}
