package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserMentionCompletion drives @mentions and the inbox in headless Chromium: the writer
// types "@sa" in a reply, is offered Sam (an editor, who may read the piece) in a list box, picks
// him with the keyboard and sends the reply; the page shows the mention set apart; Sam finds it
// in his inbox, with the count in the header, and below it the piece waiting at his desk with
// nobody assigned, at a desktop's width and a phone's.
func TestBrowserMentionCompletion(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	b.addEditor("sam")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	editor := b.apiToken("editor")
	b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id), `{"field":"body","quote":{"exact":"7 to 2"},"body":"Was it 7 to 2?"}`, nil)

	b.signIn("writer")
	reply := `form[action$="/reply"] input[name=body]`
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#threads .comment`, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.Focus(`#threads .comment`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(reply, chromedp.ByQuery))
	b.run(chromedp.SendKeys(reply, "@sa", chromedp.ByQuery),
		chromedp.WaitVisible(`#mention-list [role=option]`, chromedp.ByQuery))
	if got := b.text(`#mention-list`); !strings.Contains(got, "Sam") || strings.Contains(got, "Writer") {
		t.Fatalf("the list offers %q, want Sam alone", got)
	}
	if b.count(`#mention-option-0 bdi`) != 1 || b.text(`#mention-option-0 bdi`) != "Sam" {
		t.Fatal("the option does not isolate Sam's name in a bdi")
	}
	if got := b.attr(reply, "aria-activedescendant"); got != "mention-option-0" {
		t.Fatalf("the reply's active option is %q", got)
	}
	b.shot("mention-offered")
	b.run(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.Enter))
	if got := b.value(reply); got != "@sam " {
		t.Fatalf("after picking, the reply reads %q", got)
	}
	if b.visible(`#mention-list`) {
		t.Fatal("the list stays open after a pick")
	}
	b.run(chromedp.SendKeys(reply, "can you confirm the vote?", chromedp.ByQuery))
	b.submit(`form[action$="/reply"] button[type=submit]`)
	var shown string
	b.run(chromedp.Evaluate(`document.querySelector("#threads .reply .mention").textContent`, &shown))
	if shown != "@sam" {
		t.Fatalf("the reply's mention shows as %q", shown)
	}
	b.signOut()

	b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"recheck","note":"@sam, the vote needs a second check."}`, nil)
	b.draftInEditing("The ferry will run twice a day from June, the council said.")
	b.signIn("sam")
	if got := b.text(`nav.app .inbox-link b`); got != "2" {
		t.Fatalf("the header's inbox link reads %q", got)
	}
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-mentions`, chromedp.ByQuery))
	got := b.text(`#inbox-mentions`)
	for _, want := range []string{"Writer mentioned you in a reply", "Editor mentioned you in a note", "can you confirm the vote?"} {
		if !strings.Contains(got, want) {
			t.Errorf("the inbox's mentions say %q, want %q", got, want)
		}
	}
	if got := b.text(`#inbox-pools`); !strings.Contains(got, "1 piece at Editing") {
		t.Errorf("the inbox's pool says %q, want the piece waiting at Editing", got)
	}
	b.shotWidths("inbox")
	// The header keeps who is signed in and Sign out together, at the end of the row they wrap to
	// (a lone Sign out button under the links read as a line of its own), at both widths, with a
	// name long enough to wrap the header.
	b.run(chromedp.Evaluate(`document.querySelector("nav.app .who").textContent = "Margarita Fernández (Editor)"`, nil))
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900))
		var together bool
		b.run(chromedp.Evaluate(`(() => {
			const who = document.querySelector("nav.app .who").getBoundingClientRect();
			const out = document.querySelector("nav.app button").getBoundingClientRect();
			const nav = document.querySelector("nav.app").getBoundingClientRect();
			return Math.abs((who.top + who.bottom) - (out.top + out.bottom)) < 8 && who.right < out.left && nav.right - out.right < 2;
		})()`, &together))
		if !together {
			t.Errorf("at %d px the header's name and Sign out are not side by side at the row's end", w)
		}
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}
