package main

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserTwoTabsKeepTheirTyping: a writer edits one draft in two tabs of one browser. Each
// tab keeps its own typing, in the browser and on the server: the second tab's typing and save
// no longer take away the first tab's, which comes back after that tab crashes. Before, both
// tabs kept their typing under one key of the browser's, each writing over the other's, and a
// save in either dropped the one working copy on the server whichever tab had kept it: the
// first tab's typing was then kept nowhere but in that tab, and a crash lost it.
func TestBrowserTwoTabsKeepTheirTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a := startBrowser(t, "writer")
	a.acceptDialogs()
	draftURL := a.typingDraft()
	id := regexp.MustCompile(`\d+$`).FindString(draftURL)
	// keptOnServer waits for tab b's page to say that its typing was kept on the server since
	// it last said so.
	keptOnServer := func(b *browser) {
		t.Helper()
		b.run(chromedp.Evaluate(`document.getElementById("ws-kept").textContent = ""`, nil))
		inTime(t, b, 15*time.Second, chromedp.Poll(`document.getElementById("ws-kept").textContent.startsWith("Kept on the server")`, nil,
			chromedp.WithPollingInterval(100*time.Millisecond)))
	}

	a.edit()
	a.run(chromedp.SendKeys(`textarea[name=brief]`, " Typed in the first tab.", chromedp.ByQuery))
	keptOnServer(a)

	b := &browser{t: t, ctx: a.newTab(), base: a.base, shots: a.shots, n: 50}
	b.run(chromedp.Navigate(draftURL))
	inTime(t, b, 15*time.Second, chromedp.WaitVisible(`.ws-elsewhere`, chromedp.ByQuery))
	if b.has(`.ws-offer`) {
		t.Fatalf("the second tab offers the first tab's typing, which that tab still holds: %q", b.text(`.ws-offer p`))
	}
	if got := b.text(`.ws-elsewhere`); !strings.Contains(got, "not saved yet in another tab") {
		t.Errorf("the second tab says %q of the first tab's typing", got)
	}
	b.shotWidths("typing-in-another-tab")
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, "\nTyped in the second tab.", chromedp.ByQuery))
	keptOnServer(b)
	// The first tab types on, and its typing is the working copy on the server again.
	a.run(chromedp.SendKeys(`textarea[name=brief]`, " Then more.", chromedp.ByQuery))
	keptOnServer(a)

	b.submit(`#edit-save`)
	if got := b.flash(); got != "Saved." {
		t.Fatalf("saving in the second tab says %q", got)
	}
	var wc struct {
		Text struct{ Brief string } `json:"text"`
	}
	writer := a.apiAs("writer")
	writer.send("GET", "/api/v1/drafts/"+id+"/working-copy", nil, http.StatusOK, &wc)
	if !strings.Contains(wc.Text.Brief, "Typed in the first tab. Then more.") {
		t.Errorf("after the second tab's save the server keeps the brief %q, not the first tab's typing", wc.Text.Brief)
	}

	// The second tab types and saves again: its copy, the last kept, is dropped, and the first
	// tab, told by the browser, keeps its typing on the server again.
	b.edit()
	b.run(chromedp.SendKeys(`#edit [name=title]`, " tonight", chromedp.ByQuery))
	keptOnServer(b)
	b.submit(`#edit-save`)
	if got := b.flash(); got != "Saved." {
		t.Fatalf("saving in the second tab again says %q", got)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		status, answer := writer.p.call(t, writer.token, "GET", "/api/v1/drafts/"+id+"/working-copy", "")
		if status == http.StatusOK && strings.Contains(answer, "Then more.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the second tab's second save the server keeps %d %.300s, not the first tab's typing", status, answer)
		}
	}

	// The first tab crashes; the second offers its typing back as soon as the browser lets the
	// first tab's lock go, and restored and saved, it is merged with what the second tab saved.
	a.crash()
	inTime(t, b, 15*time.Second, chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if b.has(`.ws-elsewhere`) {
		t.Errorf("after the first tab crashed the second still says %q", b.text(`.ws-elsewhere`))
	}
	b.shotWidths("typing-of-a-crashed-tab")
	// Opened again, the page offers it as typing left behind.
	b.run(chromedp.Reload(), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if got := b.count(`.ws-offer, .ws-aside, .ws-elsewhere`); got != 1 {
		t.Errorf("reloaded, the page shows %d offers, copies set aside and notes; want the one offer", got)
	}
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=brief]`); !strings.Contains(got, "Typed in the first tab. Then more.") {
		t.Fatalf("restoring gives the brief %q, not the crashed tab's typing", got)
	}
	b.submit(`#edit-save`)
	if got := b.flash(); !strings.HasPrefix(got, "Saved") {
		t.Fatalf("saving the restored typing says %q", got)
	}
	var d struct{ Brief, Body string }
	writer.send("GET", "/api/v1/drafts/"+id, nil, http.StatusOK, &d)
	if !strings.Contains(d.Brief, "Typed in the first tab. Then more.") || !strings.Contains(d.Body, "Typed in the second tab.") {
		t.Errorf("the draft holds brief %q and body %q, want both tabs' typing", d.Brief, d.Body)
	}
	var left string
	b.run(chromedp.Evaluate(typingKeptJS, &left))
	if left != "" {
		t.Errorf("after both tabs' typing is saved this browser still keeps %s", left)
	}
	writer.send("GET", "/api/v1/drafts/"+id+"/working-copy", nil, http.StatusNotFound, nil)
}

// inTime runs actions in b's tab, failing the test when they take longer than d, with what the
// page says then.
func inTime(t *testing.T, b *browser, d time.Duration, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, d)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("not done within %v: %v; the page says %.400q", d, err, b.text(`main`))
	}
}

// TestBrowserSaveWhileKeeping and TestBrowserCancelWhileKeeping: over a slow link, the writer
// saves or cancels while the page's keep of their typing on the server is on its way, and types
// on meanwhile. The save or cancel waits for it and names the copy it makes, which goes with
// them; before, it named the copy kept before that one, and the typing saved, or cancelled, was
// offered back as unsaved when the draft was next opened. The keep takes 7 s, longer than the
// wait first allowed (5 s), and the typing after it starts another keep while the save waits.
func TestBrowserSaveWhileKeeping(t *testing.T)   { saveOrCancelWhileKeeping(t, "save") }
func TestBrowserCancelWhileKeeping(t *testing.T) { saveOrCancelWhileKeeping(t, "cancel") }

func saveOrCancelWhileKeeping(t *testing.T, by string) {
	if testing.Short() {
		t.Skip("browser test")
	}
	const latency = 7000
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	draftURL := b.typingDraft()
	id := regexp.MustCompile(`\d+$`).FindString(draftURL)
	b.edit()
	b.run(network.Enable(), slowNetwork(latency),
		chromedp.SendKeys(`textarea[name=brief]`, " First words to "+by+".", chromedp.ByQuery),
		// The page sends its keep three seconds after the typing starts.
		chromedp.Sleep(3300*time.Millisecond),
		chromedp.SendKeys(`textarea[name=brief]`, " Last words.", chromedp.ByQuery))
	wait := 3*latency*time.Millisecond + 5*time.Second
	if by == "save" {
		b.run(chromedp.Evaluate(`document.body.dataset.stale = "1"`, nil), chromedp.Click(`#edit-save`, chromedp.ByQuery))
		inTime(t, b, wait, chromedp.WaitVisible(`body:not([data-stale]) .flash`, chromedp.ByQuery))
		if got := b.flash(); got != "Saved." {
			t.Fatalf("saving while a keep is on its way says %q", got)
		}
	} else {
		b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery), chromedp.Sleep(wait))
	}
	b.run(slowNetwork(0))
	writer := b.apiAs("writer")
	if status, answer := writer.p.call(t, writer.token, "GET", "/api/v1/drafts/"+id+"/working-copy", ""); status != http.StatusNotFound {
		t.Errorf("after the %s the server still keeps a working copy: %d %.300s", by, status, answer)
	}
	b.run(chromedp.Reload(), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery), chromedp.Sleep(1500*time.Millisecond))
	if b.has(`.ws-offer`) {
		t.Errorf("after the %s the draft offers %q", by, b.text(`.ws-offer p`))
	}
}

// TestBrowserTypingPutBackByTheBrowser: the writer types, goes to another page before the typing
// is kept on the server, and comes back; the browser puts the typing back in the form. The page
// keeps it as its own, and when the tab then crashes, another tab offers it back. Before, the page
// dropped the copy the form held, and the typing was kept nowhere but in the form.
func TestBrowserTypingPutBackByTheBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a := startBrowser(t, "writer")
	a.acceptDialogs()
	draftURL := a.typingDraft()
	a.run(chromedp.Navigate(draftURL+"?edit=1"), chromedp.WaitVisible(`#edit-save`, chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, " Typed before leaving.", chromedp.ByQuery), chromedp.Sleep(1200*time.Millisecond),
		chromedp.Evaluate(`location.href = "/"`, nil), chromedp.Sleep(2*time.Second), chromedp.NavigateBack(), chromedp.WaitVisible(`#edit-save`, chromedp.ByQuery))
	if got := a.value(`textarea[name=brief]`); !strings.Contains(got, "Typed before leaving.") {
		t.Skipf("this browser did not put the typing back in the form (%q)", got)
	}
	inTime(t, a, 10*time.Second, chromedp.Poll(typingKeptJS+`.includes("Typed before leaving.")`, nil, chromedp.WithPollingInterval(100*time.Millisecond)))
	b := &browser{t: t, ctx: a.newTab(), base: a.base, shots: a.shots, n: 50}
	a.crash()
	b.run(chromedp.Navigate(draftURL))
	inTime(t, b, 15*time.Second, chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=brief]`); !strings.Contains(got, "Typed before leaving.") {
		t.Errorf("restoring gives the brief %q, not the crashed tab's typing", got)
	}
}

// TestBrowserTabTypesAfterAnotherOpened: the second tab is opened before the first one has any
// typing. Once the first tab types, the second says so, and when the first crashes, offers its
// typing back at once. Before, a tab heard only of the typing kept when it opened, and offered
// a crashed tab's typing only when the draft was next opened.
func TestBrowserTabTypesAfterAnotherOpened(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a := startBrowser(t, "writer")
	a.acceptDialogs()
	draftURL := a.typingDraft()
	b := &browser{t: t, ctx: a.newTab(), base: a.base, shots: a.shots, n: 50}
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	a.edit()
	a.run(chromedp.SendKeys(`textarea[name=brief]`, " Typed once the other tab was open.", chromedp.ByQuery))
	inTime(t, b, 10*time.Second, chromedp.WaitVisible(`.ws-elsewhere`, chromedp.ByQuery))
	a.crash()
	inTime(t, b, 15*time.Second, chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
	if b.has(`.ws-elsewhere`) {
		t.Errorf("after the first tab crashed the second still says %q", b.text(`.ws-elsewhere`))
	}
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=brief]`); !strings.Contains(got, "Typed once the other tab was open.") {
		t.Errorf("restoring gives the brief %q, not the crashed tab's typing", got)
	}
}

// crash crashes b's tab, as a renderer that dies does. A crashed tab answers nothing, so the
// command is not waited for.
func (b *browser) crash() {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	go func() {
		defer cancel()
		chromedp.Run(ctx, page.Crash())
	}()
}
