package main

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserActionWaitsForSave proves that an action taken while the text holds changes not
// saved does not go ahead on the text as last saved, leaving the changes behind in a stage where
// the writer may no longer edit: the page says to save first and puts the keyboard on Save; once
// saved, the action sends the piece with the changes.
func TestBrowserActionWaitsForSave(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council votes to close the library.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))

	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, " It opened in 1946.", chromedp.ByQuery),
		chromedp.Click(`button[value=submit]`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	var now string
	b.run(chromedp.Location(&now))
	if now != draftURL+"?edit=1" {
		t.Fatalf("sending with changes not saved left the page for %s", now)
	}
	if got := b.text(`.ws-head .stage`); got != "Draft" {
		t.Fatalf("the piece went on to %q without the changes", got)
	}
	if got := b.text(`#ws-status`); !strings.Contains(got, "save your changes first") {
		t.Errorf("the page says %q, not to save first", got)
	}
	var focused string
	b.run(chromedp.Evaluate(`document.activeElement.id`, &focused))
	if focused != "edit-save" {
		t.Errorf("the keyboard is on %q, not on Save", focused)
	}
	b.shotWidths("action-waits-for-save")

	b.submit(`#edit-save`)
	b.submit(`button[value=submit]`)
	if got := b.flash(); got != "Sent to the Fact-check desk." {
		t.Fatalf("after saving, sending says %q", got)
	}
	if got := b.text(`#text`); !strings.Contains(got, "It opened in 1946.") {
		t.Fatalf("the piece went to fact-check without the saved changes: %q", got)
	}
}

// TestBrowserNewDraftAsksBeforeLeaving proves that the new draft's form, whose text is kept
// nowhere until the draft is created, asks before the page is left with words typed in it (by a
// link or by signing out), and does not ask when the draft is created.
func TestBrowserNewDraftAsksBeforeLeaving(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	dialogs := b.acceptDialogs()
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`textarea[name=body]`, chromedp.ByQuery))
	b.run(chromedp.Click(`a[href="/desk"]`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	if dialogs.count() != 0 {
		t.Fatal("leaving an empty new draft asked")
	}

	for _, leave := range []string{`a[href="/desk"]`, `nav.app form button`} {
		b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`textarea[name=body]`, chromedp.ByQuery),
			chromedp.SendKeys(`textarea[name=body]`, "Four paragraphs typed over an hour.", chromedp.ByQuery))
		before := dialogs.count()
		b.run(chromedp.Click(leave, chromedp.ByQuery), chromedp.Sleep(time.Second))
		if dialogs.count() == before {
			t.Errorf("leaving a new draft with its body typed by %s asked nothing", leave)
		}
	}

	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted to close the library.", chromedp.ByQuery))
	before := dialogs.count()
	b.submit(`form[action="/drafts"] button[type=submit]`)
	if dialogs.count() != before {
		t.Error("creating the draft asked before leaving")
	}
	if got := b.flash(); got != "Draft created." {
		t.Errorf("creating the draft says %q", got)
	}
	b.shotWidths("new-draft-created")
}

// TestBrowserNewDraftKeptUntilCreated: a new draft's text, which exists nowhere else until it
// is created, is kept in the browser while it is typed, so that a create that does not go
// through (here the sign-in had ended) loses nothing: the form, opened again, offers it back;
// once the draft is created, nothing is offered.
func TestBrowserNewDraftKeptUntilCreated(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery),
		chromedp.Sleep(time.Second), network.ClearBrowserCookies())
	b.submit(`form[action="/drafts"] button[type=submit]`)
	b.run(chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, "pw-writer-staple", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery))
	if !b.has(`main .warning button`) {
		t.Fatalf("the new draft's form, opened again after its create failed, offers nothing: %q", b.text(`main`))
	}
	b.shotWidths("new-draft-offered")
	b.run(chromedp.Click(`main .warning button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body]`); got != "The council voted 7 to 2 to close the library." {
		t.Fatalf("restoring gives the body %q", got)
	}
	b.submit(`form[action="/drafts"] button[type=submit]`)
	if got := b.flash(); got != "Draft created." {
		t.Fatalf("creating the restored draft says %q", got)
	}
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	if b.has(`main .warning`) {
		t.Errorf("after the draft was created, the new draft's form still offers it: %q", b.text(`main .warning`))
	}
}

// TestBrowserNewDraftOfferKeptWhileTyping: typing beside the new draft's offer of an earlier copy
// keeps that copy, which the typing kept used to overwrite a moment later, so that leaving the
// page without answering the offer lost the earlier text; the new typing is kept too, and each is
// offered back.
func TestBrowserNewDraftOfferKeptWhileTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	b.signIn("writer")
	const first = "Four paragraphs typed over an hour."
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`textarea[name=body]`, chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, first, chromedp.ByQuery), chromedp.Sleep(700*time.Millisecond),
		chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`main .warning button`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "X", chromedp.ByQuery), chromedp.Sleep(700*time.Millisecond),
		chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	var stored string
	b.run(chromedp.Evaluate(`Object.keys(localStorage).map(k => localStorage.getItem(k)).join("\n")`, &stored))
	if !strings.Contains(stored, first) {
		t.Fatalf("typing beside the offer lost the copy offered; this browser keeps %s", stored)
	}
	if !strings.Contains(stored, `"title":"X"`) {
		t.Errorf("the typing beside the offer was not kept; this browser keeps %s", stored)
	}
	if got := b.count(`main .warning button`); got != 4 {
		t.Fatalf("the form offers %d buttons, want Restore and Discard for each of two copies: %q", got, b.text(`main`))
	}
	b.run(chromedp.Click(`main .warning button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body]`); got != first {
		t.Errorf("restoring the earlier copy gives the body %q", got)
	}
	b.run(chromedp.Evaluate(`Object.keys(localStorage).map(k => localStorage.getItem(k)).join("\n")`, &stored))
	if got := b.count(`main .warning button`); got != 2 || !strings.Contains(stored, `"title":"X"`) {
		t.Errorf("after the earlier copy was restored the form offers %d buttons and this browser keeps %s", got, stored)
	}
	b.accessible("the new draft's form offering a copy set aside")
}

// TestBrowserNewDraftEnterGoesOn: Enter in the new draft's title goes on to the next field, as
// it does in the draft page's editor, rather than creating the draft from its title alone.
func TestBrowserNewDraftEnterGoesOn(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close"+kb.Enter, chromedp.ByQuery), chromedp.Sleep(time.Second))
	var at string
	b.run(chromedp.Location(&at))
	if at != b.base+"/drafts/new" {
		t.Fatalf("Enter in the title left the new draft's form for %s", at)
	}
	if got := b.focusedName(); !strings.Contains(got, "[name=byline]") {
		t.Errorf("after Enter in the title the keyboard is on %q, not the byline", got)
	}
}

// TestBrowserNewDraftCtrlS: Ctrl+S creates the new draft, as it saves the text on the draft
// page, rather than opening the browser's dialog to save the page as a file.
func TestBrowserNewDraftCtrlS(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery),
		chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)), chromedp.Sleep(2*time.Second))
	if !b.has(`#workspace`) {
		t.Fatal("Ctrl+S on the new draft's form did not create the draft")
	}
	if got := b.flash(); got != "Draft created." {
		t.Errorf("Ctrl+S on the new draft's form says %q", got)
	}
}

// TestBrowserNewDraftSentOnce: a new draft's form is sent once, however often it is asked to
// be over a slow link, so that one draft comes of it: Ctrl+S held down repeats its keydown, and
// a double click clicks Create twice, each of which used to post the form again and create
// another draft.
func TestBrowserNewDraftSentOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(network.Enable(), slowNetwork(800))
	ctrlS := func(repeat bool) chromedp.Action {
		return input.DispatchKeyEvent(input.KeyRawDown).WithModifiers(input.ModifierCtrl).WithKey("s").WithCode("KeyS").
			WithWindowsVirtualKeyCode(83).WithNativeVirtualKeyCode(83).WithAutoRepeat(repeat)
	}
	// drafts counts the drafts the desk lists with the title.
	drafts := func(title string) int {
		var n int
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Evaluate(`new Set(Array.from(document.querySelectorAll("main a")).filter(a => /^\/drafts\/\d+$/.test(a.getAttribute("href")) && a.textContent.includes(`+"`"+title+"`"+`)).map(a => a.getAttribute("href"))).size`, &n))
		return n
	}
	// fill types a new draft with the title into the form.
	fill := func(title string) {
		b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
			chromedp.SendKeys(`input[name=title]`, title, chromedp.ByQuery),
			chromedp.SetValue(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery))
	}

	fill("Library to close")
	b.run(ctrlS(false), chromedp.Sleep(500*time.Millisecond), ctrlS(true), chromedp.Sleep(40*time.Millisecond), ctrlS(true),
		input.DispatchKeyEvent(input.KeyUp).WithKey("s").WithCode("KeyS").WithWindowsVirtualKeyCode(83).WithNativeVirtualKeyCode(83),
		chromedp.WaitVisible(`#workspace`, chromedp.ByQuery), chromedp.Sleep(2*time.Second))
	if got := drafts("Library to close"); got != 1 {
		t.Errorf("Ctrl+S held down on the new draft's form created %d drafts", got)
	}

	fill("Pool to reopen")
	var at []float64
	b.run(chromedp.Evaluate(`(b => { b.scrollIntoView({block: "center"}); const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })(document.querySelector("form[action='/drafts'] button[type=submit]"))`, &at))
	var click []chromedp.Action
	for n := int64(1); n <= 2; n++ {
		click = append(click, input.DispatchMouseEvent(input.MousePressed, at[0], at[1]).WithButton(input.Left).WithClickCount(n),
			input.DispatchMouseEvent(input.MouseReleased, at[0], at[1]).WithButton(input.Left).WithClickCount(n), chromedp.Sleep(250*time.Millisecond))
	}
	b.run(append(click, chromedp.WaitVisible(`#workspace`, chromedp.ByQuery), chromedp.Sleep(2*time.Second))...)
	if got := drafts("Pool to reopen"); got != 1 {
		t.Errorf("a double click on Create created %d drafts", got)
	}

	// A send that did not go through, the form shown again from the browser's history, sends.
	offline := func(off bool) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}).Do(ctx)
			return err
		})
	}
	fill("Park to open")
	b.run(offline(true), chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery), chromedp.Sleep(time.Second),
		offline(false), chromedp.Evaluate(`history.back()`, nil), chromedp.Sleep(2*time.Second))
	// The page comes back from the browser's cache, where chromedp finds no elements: the page's
	// own script clicks and reads.
	// The send goes over the slow link: the page is read until the draft's page says it was
	// created, a read that meets the page navigating trying again, for as long as a slow
	// machine may take.
	var flash string
	b.run(chromedp.Evaluate(`document.querySelector("form[action='/drafts'] button[type=submit]").click()`, nil))
	for deadline := time.Now().Add(20 * time.Second); strings.TrimSpace(flash) != "Draft created." && time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		if err := chromedp.Run(b.ctx, chromedp.Evaluate(`(document.querySelector(".flash") || {}).textContent || location.href`, &flash)); err != nil {
			flash = err.Error()
		}
	}
	if strings.TrimSpace(flash) != "Draft created." {
		t.Errorf("sending again after a send that failed gives %q", flash)
	}
}

// TestBrowserNewDraftAnswerLost: the new draft's first send is made, but its answer never reaches
// the page (a proxy's timeout). The writer opens the form again, which has a new token, and
// restores the copy kept. The copy kept the typing only, without the token it was sent with, and
// said "It was not created.": sending it made a second draft. Right: the copy keeps the token and
// Restore puts it back, so the send answers with the draft the first made, and the offer says
// that it may have been created.
func TestBrowserNewDraftAnswerLost(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	b.signIn("writer")
	var lost atomic.Int32
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			lost.Add(1)
			go chromedp.Run(b.ctx, fetch.FailRequest(e.RequestID, network.ErrorReasonTimedOut))
		}
	})
	// sendAndLose sends a new draft with the title, whose answer is held once the server has given
	// it and the page told the connection timed out, then opens the form again and restores the
	// copy kept.
	sendAndLose := func(title string) {
		t.Helper()
		before := lost.Load()
		b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
			chromedp.SendKeys(`input[name=title]`, title, chromedp.ByQuery),
			chromedp.SetValue(`textarea[name=body]`, "The bridge reopens to traffic on Monday.", chromedp.ByQuery),
			fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: b.base + "/drafts", RequestStage: fetch.RequestStageResponse}}),
			chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery),
			// However loaded the machine, until the answer is held and the page told it was lost.
			chromedp.ActionFunc(func(ctx context.Context) error {
				for deadline := time.Now().Add(30 * time.Second); lost.Load() == before; time.Sleep(50 * time.Millisecond) {
					if time.Now().After(deadline) {
						return errors.New("the send's answer was not held in 30 s")
					}
				}
				return nil
			}), chromedp.Sleep(time.Second), fetch.Disable())
		var offer string
		b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`.warning[data-offer] button`, chromedp.ByQuery),
			chromedp.Evaluate(`(() => {
				const box = Array.from(document.querySelectorAll(".warning[data-offer]")).find(b => b.textContent.includes(`+"`"+title+"`"+`));
				if (!box) { return ""; }
				box.querySelector("button").click();
				return box.querySelector("p").textContent;
			})()`, &offer))
		if !strings.Contains(offer, "may have been created") || strings.Contains(offer, "not created") {
			t.Errorf("the copy of a send whose answer was lost is offered as %q", offer)
		}
		var restored string
		b.run(chromedp.Value(`input[name=title]`, &restored, chromedp.ByQuery))
		if restored != title {
			t.Fatalf("the form holds the title %q after Restore, want %q", restored, title)
		}
	}
	drafts := func(title string) int {
		var n int
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Evaluate(`new Set(Array.from(document.querySelectorAll("main a")).filter(a => /^\/drafts\/\d+$/.test(a.getAttribute("href")) && a.textContent.includes(`+"`"+title+"`"+`)).map(a => a.getAttribute("href"))).size`, &n))
		return n
	}

	t.Run("Unchanged", func(t *testing.T) {
		sendAndLose("Bridge to reopen")
		b.run(chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery), chromedp.WaitVisible(`#workspace`, chromedp.ByQuery))
		// The draft the form had made answers it, saying so, and the copy sent is forgotten.
		var said string
		b.run(chromedp.Evaluate(`(document.querySelector("#ws-messages .flash") || {textContent: ""}).textContent`, &said))
		if said != "This form had already created this draft." {
			t.Errorf("the draft the form had made answers it saying %q", said)
		}
		var kept int
		b.run(chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.startsWith("copydesk:new:")).length`, &kept))
		if kept != 0 {
			t.Errorf("after the draft the form had made answered it this browser keeps %d copies of the new draft", kept)
		}
		if n := drafts("Bridge to reopen"); n != 1 {
			t.Errorf("sending the restored copy again left %d drafts, want 1", n)
		}
	})
	t.Run("Changed", func(t *testing.T) {
		sendAndLose("Ferry to stop")
		var answer string
		b.run(chromedp.SendKeys(`textarea[name=body]`, " Tolls stay.", chromedp.ByQuery),
			chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery))
		// The form's own page has a main h1 too: wait for the answer's words, however loaded the
		// machine, and read what came if they never do.
		_ = chromedp.Run(b.ctx, chromedp.Poll(`document.querySelector("main") !== null && document.querySelector("main").innerText.includes("already made draft")`,
			nil, chromedp.WithPollingTimeout(20*time.Second)))
		b.run(chromedp.WaitVisible(`main h1`, chromedp.ByQuery), chromedp.Text(`main`, &answer, chromedp.ByQuery))
		if !strings.Contains(answer, "already made draft") {
			t.Errorf("sending the restored copy changed answers %.300q, want the refusal naming the draft made", answer)
		}
		if n := drafts("Ferry to stop"); n != 1 {
			t.Errorf("sending the restored copy changed left %d drafts, want 1", n)
		}
	})
}

// TestBrowserNewDraftSendStopped: a send of the new draft stopped before its page came (Esc,
// the browser's stop button) leaves the form where it was, and it may be sent again, and asks
// before it is left. The form stayed marked as being sent until a reload: Create and Ctrl+S did
// nothing, and leaving with the typing asked nothing.
func TestBrowserNewDraftSendStopped(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	dialogs := b.acceptDialogs()
	b.signIn("writer")
	stopped := func() {
		b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
			chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
			chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery),
			network.Enable(), slowNetwork(3000), chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery),
			chromedp.Sleep(500*time.Millisecond), page.StopLoading(), slowNetwork(0), chromedp.Sleep(500*time.Millisecond))
	}

	stopped()
	before := dialogs.count()
	b.run(chromedp.Click(`a[href="/desk"]`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	if dialogs.count() == before {
		t.Error("leaving the new draft after its send was stopped asked nothing")
	}

	stopped()
	var at string
	b.run(chromedp.Click(`form[action="/drafts"] button[type=submit]`, chromedp.ByQuery), chromedp.Sleep(2*time.Second),
		chromedp.Location(&at))
	// The stopped send may have reached the server, which then answers the same form sent again
	// with the draft it made: either way, Create leads to the draft.
	if !b.has(`#workspace`) || !regexp.MustCompile(`/drafts/\d+$`).MatchString(at) {
		t.Errorf("Create, pressed again after its send was stopped, led to %s, not the draft", at)
	}
}

// TestBrowserSaveStopped: a Save stopped before its page came (Esc, the browser's stop button)
// leaves the text being edited, and typing on is kept in this browser and asks before the page
// is left, as before the Save. The page stayed marked as being sent until a reload: what was typed
// after it was kept nowhere in the browser, and leaving with it asked nothing.
func TestBrowserSaveStopped(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	dialogs := b.acceptDialogs()
	draftURL := b.typingDraft()
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	b.edit()
	b.run(chromedp.SendKeys(`#edit textarea[name=body]`, " First words.", chromedp.ByQuery),
		network.Enable(), slowNetwork(3000), chromedp.Click(`#edit-save`, chromedp.ByQuery),
		chromedp.Sleep(500*time.Millisecond), page.StopLoading(), slowNetwork(0), chromedp.Sleep(500*time.Millisecond),
		chromedp.SendKeys(`#edit textarea[name=body]`, " Typed after the stop.", chromedp.ByQuery), chromedp.Sleep(time.Second))
	var kept string
	b.run(chromedp.Evaluate(typingKeptJS, &kept))
	if !strings.Contains(kept, "Typed after the stop.") {
		t.Errorf("typing after a stopped Save is not kept in this browser: %q", kept)
	}
	before := dialogs.count()
	b.run(chromedp.Click(`a[href="/desk"]`, chromedp.ByQuery), chromedp.Sleep(time.Second))
	if dialogs.count() == before {
		t.Error("leaving the draft with typing not saved after a stopped Save asked nothing")
	}
}

// typingKeptJS is a script that gives the typing this browser keeps of the draft page's draft,
// each page of it under its own key, joined ("" for none).
const typingKeptJS = `(ws => Object.keys(localStorage).filter(k => k.startsWith("copydesk:draft:" + ws.draft + ":user:" + ws.user + ":page:"))` +
	`.map(k => localStorage.getItem(k)).join(""))(document.getElementById("workspace").dataset)`

// slowNetwork has the browser wait ms milliseconds for every answer, as over a slow link.
func slowNetwork(ms float64) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{Latency: ms, DownloadThroughput: -1, UploadThroughput: -1}}).Do(ctx)
		return err
	})
}

// TestBrowserSentCopyStaysSent: typing sent the moment it is typed, over a slow link, leaves no
// copy behind once it is saved or created. The copy kept a moment after the last key used to be
// written while the save was under way, unmarked as sent, so that it outlived the save: the new
// draft's form then offered back a draft already created, and the draft page, once the text
// changed, offered saved typing back as unsaved.
func TestBrowserSentCopyStaysSent(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	b.run(network.Enable(), slowNetwork(1500))
	// kept is the copy this browser keeps under the key the draft page's key expression names.
	kept := func(key string) string {
		var v string
		b.run(chromedp.Evaluate(`(ws => localStorage.getItem(`+key+`) || "")(document.getElementById("workspace").dataset)`, &v))
		return v
	}

	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	if got := b.flash(); got != "Draft created." {
		t.Fatalf("creating the draft says %q", got)
	}
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	if got := kept(`"copydesk:new:user:" + ws.user`); got != "" {
		t.Errorf("after the draft was created this browser still keeps its typing as a new draft's: %s", got)
	}

	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, "It opened in 1946. ", chromedp.ByQuery))
	b.submit(`#edit-save`)
	if got := b.flash(); got != "Saved." {
		t.Fatalf("saving says %q", got)
	}
	var left string
	b.run(chromedp.Evaluate(typingKeptJS, &left))
	if left != "" {
		t.Errorf("after the save this browser still keeps the typing saved as unsaved: %s", left)
	}
}
