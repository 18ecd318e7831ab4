package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserKeptCorrectionKeepsItsVersion: a correction typed and left unsent is kept with
// the version its body was made on, and Restore puts that back, so that, sent after another
// editor's correction, it is refused as made on an older body (its typing shown again) rather
// than silently undoing that correction.
func TestBrowserKeptCorrectionKeepsItsVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.acceptDialogs()
	body := "The harbour council voted 7 to 2 for the ferry on Tuesday.\nThe mayor, Ana Ruiz, welcomed the vote."
	id := b.draftInEditing(body)
	editor := b.apiToken("editor")
	b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"approve"}`, nil)
	var pub struct{ Slug string }
	b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", id), "", &pub)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, id)

	mine := strings.Replace(body, "Ana Ruiz", "Ana Ruiz-Lopez", 1)
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitReady(`#correct`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("details.correct").open = true`, nil),
		chromedp.SetValue(`#correct textarea[name=body]`, mine, chromedp.ByQuery),
		chromedp.SendKeys(`#correct textarea[name=note]`, "An earlier version misspelled the mayor's name.", chromedp.ByQuery),
		chromedp.Sleep(time.Second), chromedp.Navigate(b.base+"/desk"))

	theirs := strings.Replace(body, "7 to 2", "8 to 1", 1)
	b.api(editor, "POST", "/api/v1/articles/"+pub.Slug+"/corrections", fmt.Sprintf(`{"body":%q,"note":"The vote was 8 to 1."}`, theirs), nil)

	b.run(chromedp.Navigate(draftURL), chromedp.WaitReady(`#correct`, chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond))
	if !b.has(`[data-offer$=":form:correct"]`) {
		t.Fatal("the correction typed is not offered back")
	}
	b.run(chromedp.Click(`[data-offer$=":form:correct"] button`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	b.submit(`#correct button[type=submit]`)
	var now struct{ Body string }
	b.api(editor, "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "", &now)
	if now.Body != theirs {
		t.Errorf("after the restored correction was sent the piece reads %q, not the other editor's correction", now.Body)
	}
	if got := b.value(`#correct textarea[name=body]`); got != mine {
		t.Errorf("the refused correction's body reads %q, not what was typed", got)
	}
	if !b.has(`.error, .warning:not([data-offer])`) {
		t.Error("the page does not say the correction was refused")
	}
}

// TestBrowserKeptCommentKeepsItsWords: a comment typed on words selected in the text and left
// unsent is kept with where those words are (its hidden anchor), and Restore puts that back, so
// that the comment goes on the words it was typed on, not on the first place that reads the same.
func TestBrowserKeptCommentKeepsItsWords(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.acceptDialogs()
	body := "The council voted 7 to 2 on Tuesday.\nThe committee had voted 7 to 2 the week before."
	id := b.draftInEditing(body)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, id)
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text [data-field=body]`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => {
			const nodes = [], walker = document.createTreeWalker(document.querySelector('#text [data-field=body]'), NodeFilter.SHOW_TEXT);
			for (let n; (n = walker.nextNode());) { if (n.textContent.includes("7 to 2")) nodes.push(n); }
			const node = nodes[nodes.length - 1], at = node.textContent.indexOf("7 to 2"), r = document.createRange();
			r.setStart(node, at);
			r.setEnd(node, at + 6);
			getSelection().removeAllRanges();
			getSelection().addRange(r);
		})()`, nil),
		chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.KeyEvent("m", chromedp.KeyModifiers(input.ModifierCtrl, input.ModifierAlt)),
		chromedp.WaitVisible(`.ws-float #comment-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "Which committee?", chromedp.ByQuery),
		chromedp.Sleep(time.Second), chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	if !b.has(`[data-offer$=":form:comment"]`) {
		t.Fatal("the comment typed is not offered back")
	}
	b.run(chromedp.Click(`[data-offer$=":form:comment"] button`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	b.submit(`#comment-form button[type=submit]`)
	var comments []struct{ Anchor struct{ Start int } }
	b.api(b.apiToken("editor"), "GET", fmt.Sprintf("/api/v1/drafts/%d/comments", id), "", &comments)
	if want := strings.LastIndex(body, "7 to 2"); len(comments) != 1 || comments[0].Anchor.Start != want {
		t.Errorf("the restored comment went on %+v, not on the words at %d it was typed on", comments, want)
	}
}

// TestBrowserSentCopyForgottenByItsAnswer: the copy of a form sent is forgotten by the page
// saying that send was done and by no other: a note whose send never reached the server
// (offline) stays kept, and offered back, when another draft's page says "Saved."; and a note
// sent with an action that takes the piece out of its actor's view is forgotten on the desk the
// answer lands on.
func TestBrowserSentCopyForgottenByItsAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	b.acceptDialogs()
	draftA := b.typingDraft()
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to open", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The library opens on Monday.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftB string
	b.run(chromedp.Location(&draftB))
	// kept is what this browser keeps under the key of draft A's form ending in form.
	kept := func(form string) string {
		var v string
		b.run(chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("copydesk:draft:`+regexp.MustCompile(`\d+$`).FindString(draftA)+`:") && k.endsWith(":form:`+form+`")).map(k => localStorage.getItem(k)).join("")`, &v))
		return v
	}
	note := `form[data-keep-as$=":form:step-submit"] [name=note]`
	b.run(chromedp.Navigate(draftA), chromedp.WaitVisible(note, chromedp.ByQuery),
		chromedp.SendKeys(note, "Quotes confirmed by phone", chromedp.ByQuery), chromedp.Sleep(time.Second),
		network.Enable(), offline(true),
		chromedp.Click(`form[data-keep-as$=":form:step-submit"] button[type=submit]`, chromedp.ByQuery),
		chromedp.Sleep(2*time.Second), offline(false),
		chromedp.Navigate(draftB), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	if kept("step-submit") == "" {
		t.Fatal("nothing kept after the send that did not go through")
	}
	b.edit()
	b.run(chromedp.SendKeys(`#edit textarea[name=body]`, " More.", chromedp.ByQuery))
	b.submit(`#edit-save`)
	if got := b.flash(); !strings.HasPrefix(got, "Saved") {
		t.Fatalf("draft B's page says %q", got)
	}
	if kept("step-submit") == "" {
		t.Error("draft A's unsent note was forgotten when draft B's page said it was saved")
	}
	b.run(chromedp.Navigate(draftA), chromedp.WaitVisible(note, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	if !b.has(`[data-offer$=":form:step-submit"]`) {
		t.Fatal("draft A's page does not offer back the note that was not sent")
	}
	b.run(chromedp.Click(`[data-offer$=":form:step-submit"] button`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	b.submit(`form[data-keep-as$=":form:step-submit"] button[type=submit]`)
	if kept("step-submit") != "" {
		t.Error("the note sent again is still kept after its page said it was done")
	}

	b.signOut()
	b.signIn("factchecker")
	ret := `form[data-keep-as$=":form:step-return"] [name=note]`
	b.run(chromedp.Navigate(draftA), chromedp.WaitVisible(ret, chromedp.ByQuery),
		chromedp.SendKeys(ret, "Who said the second quote?", chromedp.ByQuery))
	b.submit(`form[data-keep-as$=":form:step-return"] button[type=submit]`)
	var at string
	b.run(chromedp.Location(&at))
	if !strings.HasSuffix(at, "/desk") {
		t.Fatalf("after the return the fact-checker is at %s", at)
	}
	if got := kept("step-return"); got != "" {
		t.Errorf("the note sent with the return is still kept on the desk its answer landed on: %s", got)
	}
}

// offline takes the browser off the network, or puts it back.
func offline(on bool) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{Offline: on, DownloadThroughput: -1, UploadThroughput: -1}}).Do(ctx)
		return err
	})
}
