package main

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserWorkspace drives the draft page as a workspace in headless Chromium. An editor
// selects words and comments from the control that appears there; the thread sits beside its
// highlight, and each leads to the other. The writer edits in place, reloads with the typing
// unsaved and gets it back, is asked before leaving, replies to the thread while editing without
// losing a word, and saves: the text is saved and its highlights are back.
func TestBrowserWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	dialogs := b.acceptDialogs()
	// The browser keeps another zone than the newsroom's (UTC): the page's script writes its
	// times in the newsroom's, as the server's pages do.
	b.run(emulation.SetTimezoneOverride("America/New_York"))

	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council voted for the ferry.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n“We waited ten years for this,” said Mayor Ana Ruiz.\nThe opposition called it a floating white elephant and promised a review.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	if !regexp.MustCompile(`/drafts/\d+$`).MatchString(draftURL) {
		t.Fatalf("after creating a draft the browser is at %s", draftURL)
	}
	if got := b.text(`h1`); got != "Harbour council backs ferry plan" {
		t.Errorf("the draft page's heading is %q", got)
	}
	b.signOut()

	// The editor selects words; the Comment control appears at them and opens the form there.
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.selectWords("body", "floating white elephant")
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery))
	b.checkType("the draft page with words selected", false, true)
	if d := b.distance(`.ws-pop`, `#text [data-field=body] p:nth-of-type(3)`); d > 60 {
		t.Errorf("the Comment control is %.0f px from the selected words", d)
	}
	b.run(chromedp.Click(`.ws-pop`, chromedp.ByQuery), chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery))
	if got, start := b.value(`#comment-form input[name=exact]`), b.value(`#comment-form input[name=start]`); got != "floating white elephant" || start != "149" {
		t.Fatalf("the form captured %q from %s", got, start)
	}
	b.run(chromedp.SendKeys(`#comment-form textarea[name=body]`, "Whose words are these? Quote them or drop them.", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	if got := b.text(`#ws-status`); got != "Comment added." {
		t.Errorf("after commenting the status says %q", got)
	}
	if got := b.text(`mark.commented`); got != "floating white elephant" {
		t.Fatalf("highlighted words = %q", got)
	}

	// A second comment, from the keyboard: the shortcut opens the form at the selection.
	b.selectWords("body", "7 to 2")
	b.run(chromedp.WaitVisible(`.ws-pop`, chromedp.ByQuery), chromedp.KeyEvent("m", chromedp.KeyModifiers(input.ModifierCtrl, input.ModifierAlt)))
	b.run(chromedp.WaitVisible(`.ws-float #comment-form`, chromedp.ByQuery))
	if got := b.value(`#comment-form input[name=exact]`); got != "7 to 2" {
		t.Fatalf("the shortcut's form captured %q", got)
	}
	b.run(chromedp.SendKeys(`#comment-form textarea[name=body]`, "The minutes say 6 to 3.", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	if n := b.count(`#threads .comment`); n != 2 {
		t.Fatalf("%d threads after two comments", n)
	}
	// Each thread sits level with its highlight, or, where the thread above it would be in the
	// way, just under that one; the threads are in the order of their words.
	prevBottom := math.Inf(-1)
	for _, th := range []string{`#threads .comment:nth-child(2)`, `#threads .comment:nth-child(1)`} {
		id := b.attr(th, "id")
		mark := fmt.Sprintf(`#text mark[data-comment="%s"]`, strings.TrimPrefix(id, "comment-"))
		top := b.top(th)
		if d := top - b.top(mark); math.Abs(d) > 2 && math.Abs(top-prevBottom-8) > 2 {
			t.Errorf("thread %s sits %.0f px from its highlight, %.0f px under the thread before", id, d, top-prevBottom)
		}
		prevBottom = top + b.height(th)
	}
	b.shotWidths("workspace-editor-comments")

	// Only the open thread shows its replies and forms; the others are folded to their words
	// and first comment. The keyboard reaches a folded thread, Enter opens it level with its
	// highlight and goes on to its reply.
	open, folded := b.attr(`#threads .comment.ws-active`, "id"), b.attr(`#threads .comment:not(.ws-active)`, "id")
	if open == "" || folded == "" || !b.visible(`#`+open+` form[action$="/reply"]`) || b.visible(`#`+folded+` form[action$="/reply"]`) {
		t.Fatalf("open thread %q, folded %q: only the open one should show its reply form", open, folded)
	}
	if h := b.height(`#` + folded); h > 120 {
		t.Errorf("a folded thread is %.0f px tall", h)
	}
	b.run(chromedp.Focus(`#`+folded, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	var typing string
	b.run(chromedp.Evaluate(`document.activeElement.closest(".comment").id + " " + document.activeElement.name`, &typing))
	if typing != folded+" body" || !b.has(`#`+folded+`.ws-active`) || b.visible(`#`+open+` form[action$="/reply"]`) {
		t.Errorf("after Enter on a folded thread the keyboard is at %q", typing)
	}
	if d := b.top(`#`+folded) - b.top(`#text mark[data-comment="`+strings.TrimPrefix(folded, "comment-")+`"]`); math.Abs(d) > 2 {
		t.Errorf("the opened thread sits %.0f px from its highlight", d)
	}
	b.shotWidths("workspace-thread-opened")

	// A highlight opens its thread; a thread marks its words.
	first := b.attr(`#threads .comment:nth-child(1)`, "id")
	b.run(chromedp.Click(`#text mark[data-comment="`+strings.TrimPrefix(first, "comment-")+`"]`, chromedp.ByQuery))
	if !b.has(`#` + first + `.ws-active`) {
		t.Errorf("clicking a highlight does not open its thread")
	}
	second := b.attr(`#threads .comment:nth-child(2)`, "id")
	b.settle()
	b.run(chromedp.Click(`#`+second+` .body`, chromedp.ByQuery))
	if got := b.text(`#text mark.ws-focus`); got == "" {
		t.Errorf("clicking a thread does not mark its words")
	}
	// Threads move beside their words as one opens; a click is aimed once they stand still.
	b.run(chromedp.Focus(`#`+first, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.Click(`#`+first+` a.to-text`, chromedp.ByQuery))
	if got := b.text(`#text mark.ws-focus`); got != "floating white elephant" {
		t.Errorf("the thread's Show in the text link marks %q", got)
	}
	// The tabs are a tab list that the arrow keys move along.
	b.run(chromedp.Focus(`#tab-comments`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	if got := b.attr(`#tab-quotes`, "aria-selected"); got != "true" {
		t.Errorf("after the right arrow on Comments, Quotes is selected: %q", got)
	}
	b.signOut()

	// The writer edits in place and reloads before saving: the page offers the typing back.
	b.signIn("writer")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	// Edit puts the caret where the writer was reading: on the words they selected.
	b.selectWords("body", "We waited")
	b.edit()
	var picked string
	b.run(chromedp.Evaluate(`(() => { const f = document.activeElement; return f.name + ":" + f.value.slice(f.selectionStart, f.selectionEnd); })()`, &picked))
	if picked != "body:We waited" {
		t.Errorf("after Edit the selection in the form is %q, want the words selected while reading", picked)
	}
	b.checkType("the draft page while editing", false, true)
	// The fields the writer may not change stay on the page as they read, not as empty headings.
	var shown bool
	b.run(chromedp.Evaluate(`!document.querySelector(".ws-field-editor_comment .field-text").hidden`, &shown))
	if !shown {
		t.Error("editing hides the Editor's Comments, which the writer may not change, and leaves its heading empty")
	}
	if got := b.value(`#edit textarea[name=body]`); !strings.Contains(got, "Tuesday night.\n\n“We waited") {
		t.Errorf("the body's paragraphs are not a blank line apart while editing: %q", got)
	}
	b.run(chromedp.Evaluate(`(() => { const f = document.querySelector("#edit textarea[name=body]"); f.setSelectionRange(f.value.length, f.value.length); })()`, nil),
		chromedp.SendKeys(`#edit textarea[name=body]`, "\n\nThe ferry sails in spring.", chromedp.ByQuery))
	if got := b.text(`#count-body`); !strings.HasPrefix(got, "41 words") {
		t.Errorf("the body's count says %q", got)
	}
	b.shotWidths("workspace-writer-editing")
	time.Sleep(600 * time.Millisecond) // the copy in the browser is kept 400 ms after the last key
	before := dialogs.count()
	b.run(chromedp.Reload())
	b.run(chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if dialogs.count() == before {
		t.Error("reloading with unsaved changes did not ask first")
	}
	if got := b.text(`.ws-offer p`); !strings.HasPrefix(got, "Restore your unsaved changes from") || !strings.Contains(got, " UTC") {
		t.Errorf("the offer says %q, not a time in the newsroom's zone", got)
	}
	b.shotWidths("workspace-restore-offer")
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery), chromedp.WaitVisible(`#edit textarea[name=body]`, chromedp.ByQuery))
	if got := b.value(`#edit textarea[name=body]`); !strings.HasSuffix(got, "The ferry sails in spring.") {
		t.Fatalf("after restoring, the body is %q", got)
	}

	// A reply while editing updates the thread and leaves the typing alone.
	replied := b.attr(`#threads .comment:has(form[action$="/reply"])`, "id")
	b.run(chromedp.Focus(`#`+replied, chromedp.ByQuery), chromedp.SendKeys(`#threads form[action$="/reply"] input[name=body]`, "Sourced to the opposition leader.", chromedp.ByQuery))
	b.submit(`#threads form[action$="/reply"] button`)
	var focused string
	b.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	if focused != replied {
		t.Errorf("after the reply the keyboard is at %q, not at its thread %s", focused, replied)
	}
	if got := b.text(`#threads .reply`); !strings.Contains(got, "Sourced to the opposition leader.") {
		t.Errorf("the thread shows %q after the reply", got)
	}
	var count string
	b.run(chromedp.Evaluate(`document.querySelector("#`+replied+` .ws-replies").textContent`, &count))
	if count != "1 reply" {
		t.Errorf("the thread, folded, would say %q of its replies", count)
	}
	if got := b.value(`#edit textarea[name=body]`); !strings.HasSuffix(got, "The ferry sails in spring.") || !b.visible(`#edit-save`) {
		t.Fatalf("after replying, the body being edited is %q", got)
	}

	// Saving (Ctrl+S) leaves without asking, saves the text, brings back the highlights, and
	// forgets the copy in the browser.
	before = dialogs.count()
	b.run(chromedp.Evaluate(`document.body.dataset.stale = "1"`, nil), chromedp.Focus(`#edit textarea[name=body]`, chromedp.ByQuery),
		chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	b.run(chromedp.WaitNotPresent(`body[data-stale]`, chromedp.ByQuery), chromedp.WaitVisible(`.flash`, chromedp.ByQuery))
	if got := b.flash(); got != "Saved." {
		t.Fatalf("after saving: %q", got)
	}
	if dialogs.count() != before {
		t.Error("saving asked whether to leave the page")
	}
	if got := b.text(`#text [data-field=body]`); !strings.Contains(got, "The ferry sails in spring.") {
		t.Errorf("the saved text reads %q", got)
	}
	if n := b.count(`#text mark.commented`); n != 2 {
		t.Errorf("%d highlights after the save, want 2", n)
	}
	var kept int
	b.run(chromedp.Evaluate(`localStorage.length`, &kept))
	if kept != 0 || b.count(`.ws-offer`) != 0 {
		t.Errorf("after the save the browser still keeps %d copies", kept)
	}
	// On a phone the side pane is a tab away, and back.
	b.run(chromedp.EmulateViewport(390, 800), chromedp.Click(`#tab-comments`, chromedp.ByQuery), chromedp.WaitVisible(`#threads`, chromedp.ByQuery))
	if b.visible(`#text`) {
		t.Error("on a phone the comments do not take the text's place")
	}
	b.shotWidths("workspace-phone-comments")
	b.run(chromedp.EmulateViewport(390, 800), chromedp.Click(`#tab-text`, chromedp.ByQuery), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.run(chromedp.EmulateViewport(1280, 900))
}

// dialogs counts the JavaScript dialogs a page opened (beforeunload among them).
type dialogs struct {
	mu sync.Mutex
	n  int
}

func (d *dialogs) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n
}

// acceptDialogs accepts every dialog the page opens, counting them.
func (b *browser) acceptDialogs() *dialogs {
	d := &dialogs{}
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			d.mu.Lock()
			d.n++
			d.mu.Unlock()
			go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(true))
		}
	})
	return d
}

// edit presses the draft page's Edit button, which turns the text into its form.
func (b *browser) edit() {
	b.t.Helper()
	b.run(chromedp.Click(`#edit-start`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-save`, chromedp.ByQuery))
}

// selectWords selects the first occurrence of phrase in a field of the draft's text, as a
// reader dragging over it would.
func (b *browser) selectWords(field, phrase string) {
	b.t.Helper()
	var ok bool
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const walker = document.createTreeWalker(document.querySelector('#text [data-field=%q]'), NodeFilter.SHOW_TEXT);
		let node;
		while ((node = walker.nextNode()) && !node.textContent.includes(%q)) {}
		if (!node) return false;
		const r = document.createRange(), at = node.textContent.indexOf(%q);
		r.setStart(node, at);
		r.setEnd(node, at + %d);
		const sel = window.getSelection();
		sel.removeAllRanges();
		sel.addRange(r);
		return true;
	})()`, field, phrase, phrase, len([]rune(phrase))), &ok))
	if !ok {
		b.t.Fatalf("%q is not in the %s", phrase, field)
	}
}

func (b *browser) attr(sel, name string) string {
	b.t.Helper()
	var v string
	b.run(chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {getAttribute: () => ""}).getAttribute(%q) || ""`, sel, name), &v))
	return v
}

func (b *browser) has(sel string) bool { return b.count(sel) > 0 }

func (b *browser) visible(sel string) bool {
	b.t.Helper()
	var v bool
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.getClientRects().length > 0; })()`, sel), &v))
	return v
}

// top is where an element's top edge is on the page, in CSS pixels.
func (b *browser) top(sel string) float64 {
	b.t.Helper()
	var v float64
	b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().top`, sel), &v))
	return v
}

func (b *browser) height(sel string) float64 {
	b.t.Helper()
	var v float64
	b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().height`, sel), &v))
	return v
}

// distance is how far apart two elements' boxes are vertically, in CSS pixels.
func (b *browser) distance(a, c string) float64 {
	b.t.Helper()
	var v float64
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const x = document.querySelector(%q).getBoundingClientRect(), y = document.querySelector(%q).getBoundingClientRect();
		return Math.max(0, x.top - y.bottom, y.top - x.bottom);
	})()`, a, c), &v))
	return v
}

// apiToken signs a test user in to the API and returns their bearer token.
func (b *browser) apiToken(user string) string {
	b.t.Helper()
	var login struct{ Token string }
	b.api("", "POST", "/api/v1/login", `{"username":"`+user+`","password":"pw-`+user+`-staple"}`, &login)
	return login.Token
}

// api sends a JSON request to the server's API and decodes a successful answer into v; any
// other answer fails the test.
func (b *browser) api(token, method, path, body string, v any) {
	b.t.Helper()
	if code := b.apiStatus(token, method, path, body, v); code/100 != 2 {
		b.t.Fatalf("%s %s: %d", method, path, code)
	}
}

// apiStatus sends a request to the server's API, its body a JSON text or a value to encode as
// JSON, decodes the answer into v (a refusal too, when v takes it) and returns its status.
func (b *browser) apiStatus(token, method, path string, body any, v any) int {
	b.t.Helper()
	text, ok := body.(string)
	if !ok && body != nil {
		in, err := json.Marshal(body)
		if err != nil {
			b.t.Fatal(err)
		}
		text = string(in)
	}
	req, err := http.NewRequest(method, b.base+path, strings.NewReader(text))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	if v != nil {
		if err := json.NewDecoder(res.Body).Decode(v); err != nil && res.StatusCode/100 == 2 {
			b.t.Fatal(err)
		}
	}
	return res.StatusCode
}

// TestBrowserWorkspaceLive drives the draft page's live side in headless Chromium: the writer's
// typing is kept on the server every few seconds and offered back from there on another
// machine (here, a browser that lost its own copy); the editor's page says the writer is
// editing, and, when the writer saves, offers the new version and shows it.
func TestBrowserWorkspaceLive(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	b.acceptDialogs()
	b.run(emulation.SetTimezoneOverride("Asia/Tokyo"))
	writer := b.apiToken("writer")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted.","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)
	workingCopy := fmt.Sprintf("/api/v1/drafts/%d/working-copy", d.ID)

	b.signIn("writer")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	b.edit()
	b.run(chromedp.Evaluate(`(() => { const f = document.querySelector("#edit textarea[name=body]"); f.setSelectionRange(f.value.length, f.value.length); })()`, nil),
		chromedp.SendKeys(`#edit textarea[name=body]`, "\n\nTyped on the office machine.", chromedp.ByQuery))
	b.run(chromedp.Poll(`document.getElementById("ws-kept").textContent.startsWith("Kept on the server")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	if got := b.text(`#ws-kept`); !regexp.MustCompile(`^Kept on the server at \d\d:\d\d UTC\.$`).MatchString(got) {
		t.Errorf("the note says %q, not a time in the newsroom's zone", got)
	}
	var wc struct {
		BaseVersion int `json:"base_version"`
		Text        struct{ Body string }
	}
	b.api(writer, "GET", workingCopy, "", &wc)
	if wc.BaseVersion != 1 || !strings.HasSuffix(wc.Text.Body, "Typed on the office machine.") {
		t.Fatalf("the server keeps %+v", wc)
	}

	// Another machine: no copy in the browser, the server's is offered.
	b.run(chromedp.Evaluate(`localStorage.clear()`, nil), chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if got := b.text(`.ws-offer p`); !strings.Contains(got, "kept on the server") {
		t.Errorf("the offer says %q", got)
	}
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery), chromedp.WaitVisible(`#edit textarea[name=body]`, chromedp.ByQuery))
	if got := b.value(`#edit textarea[name=body]`); got != "The harbour council voted 7 to 2 for the new ferry.\n\nTyped on the office machine." {
		t.Fatalf("restored from the server, the body is %q", got)
	}
	b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	code := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && code != http.StatusNotFound; time.Sleep(50 * time.Millisecond) {
		code = b.apiStatus(writer, "GET", workingCopy, "", nil)
	}
	if code != http.StatusNotFound {
		t.Errorf("after the writer threw the typing away, the server's copy answers %d", code)
	}
	b.signOut()

	// The editor's page says who is editing, then offers the version they save.
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.api(writer, "PUT", workingCopy, `{"base_version":1,"text":{"title":"Harbour council backs ferry plan","body":"Typing again."}}`, nil)
	b.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Writer is editing this piece.")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	b.api(writer, "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), `{"version":1,"body":"The harbour council voted 7 to 2 for the new ferry on Tuesday."}`, nil)
	b.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Version 2 was saved by Writer.")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	// The notice names people in a <bdi>, as the page the server writes does, so that a name
	// stored with a direction it leaves open cannot turn the words after it.
	var isolated bool
	b.run(chromedp.Evaluate(`document.querySelector("#ws-live p").innerHTML.includes("saved by <bdi>Writer</bdi>.")`, &isolated))
	if !isolated {
		t.Errorf("the live notice does not isolate the saver's name: %s", b.text(`#ws-live p`))
	}
	b.shotWidths("workspace-live-notice")
	b.run(chromedp.Click(`#ws-live button`, chromedp.ByQuery), chromedp.WaitNotVisible(`#ws-live`, chromedp.ByQuery))
	if got := b.text(`#text [data-field=body]`); !strings.Contains(got, "on Tuesday") {
		t.Errorf("after Show it the text reads %q", got)
	}
	if got := b.text(`.ws-head .meta`); !strings.Contains(got, "version 2") {
		t.Errorf("after Show it the page says %q", got)
	}
}

// TestBrowserRefusedSaveStaysLive: a refused save's page stands at the address the form was
// posted to (/drafts/N/edit), and the page's script must still reach the draft's own routes:
// typing after the refusal is kept on the server, as on the draft's page.
func TestBrowserRefusedSaveStaysLive(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	writer := b.apiToken("writer")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted.","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	b.edit()
	// A browser that does not hold the title to "required" sends it empty; the server refuses.
	b.run(chromedp.Evaluate(`(() => { const f = document.getElementById("edit").elements.title; f.removeAttribute("required"); f.value = ""; f.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil))
	b.submit(`#edit-save`)
	var path string
	b.run(chromedp.Evaluate(`location.pathname`, &path))
	if path != fmt.Sprintf("/drafts/%d/edit", d.ID) {
		t.Fatalf("the refused save's page is at %q", path)
	}
	b.run(chromedp.Evaluate(`(() => { const f = document.querySelector("#edit textarea[name=body]"); f.setSelectionRange(f.value.length, f.value.length); })()`, nil),
		chromedp.SendKeys(`#edit textarea[name=body]`, "\n\nTyped after the refusal.", chromedp.ByQuery))
	b.run(chromedp.Poll(`document.getElementById("ws-kept").textContent.startsWith("Kept on the server")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	var wc struct{ Text struct{ Body string } }
	b.api(writer, "GET", fmt.Sprintf("/api/v1/drafts/%d/working-copy", d.ID), "", &wc)
	if !strings.HasSuffix(wc.Text.Body, "Typed after the refusal.") {
		t.Fatalf("the server keeps %q", wc.Text.Body)
	}
}

// TestBrowserActionFollowsShownVersion: an editor halfway through an action's note when the
// writer saves a new version, who then shows it, acts on the version they now read. The action
// form being typed in is kept as typed, but the version it sends is the one shown: otherwise
// their action would be refused as taken on the text they no longer see.
func TestBrowserActionFollowsShownVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted.","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)

	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	// The editor's one action on a draft, Spike, stands in the row: nothing folds under More
	// when the row would be left empty.
	note := `.ws-actions form.action input[name=note]`
	if n := b.count(`.ws-actions .more-actions`); n != 0 {
		t.Fatalf("the editor's only action is folded under More (%d menus)", n)
	}
	b.run(chromedp.SendKeys(note, "A duplicate of the council story.", chromedp.ByQuery))
	b.api(writer, "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), `{"version":1,"body":"The harbour council voted 7 to 2 for the new ferry on Tuesday."}`, nil)
	b.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Version 2 was saved")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	b.run(chromedp.Click(`#ws-live button`, chromedp.ByQuery), chromedp.WaitNotVisible(`#ws-live`, chromedp.ByQuery))
	if got := b.text(`#text [data-field=body]`); !strings.Contains(got, "on Tuesday") {
		t.Fatalf("after Show it the text reads %q", got)
	}
	if got := b.value(note); got != "A duplicate of the council story." {
		t.Fatalf("the note being typed reads %q after Show it", got)
	}
	if got := b.value(`.ws-actions form.action input[name=version]`); got != "2" {
		t.Fatalf("the action form being typed in acts on version %q, the page showing version 2", got)
	}
	b.run(chromedp.Click(`.ws-actions form.action input[name=confirm]`, chromedp.ByQuery),
		chromedp.Click(`.ws-actions form.action button[type=submit]`, chromedp.ByQuery))
	var got struct{ Stage string }
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && got.Stage != "spiked"; time.Sleep(100 * time.Millisecond) {
		b.api(editor, "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), "", &got)
	}
	if got.Stage != "spiked" {
		t.Fatalf("after the editor's action on the version shown the piece is %q, want spiked", got.Stage)
	}
}
