package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserResolvedThreadsFold drives, at a desktop's width and a phone's, the draft page of a
// piece with open and resolved threads: the page shows the open thread and folds the resolved
// ones into one link, which loads them in place without touching what is typed in the new
// comment's form and the open thread's reply; one of them reopens, keeping the others shown and
// a reply typed in one; and an address naming the other by its fragment alone brings it onto
// the page.
func TestBrowserResolvedThreadsFold(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	b.acceptDialogs()
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	b.signIn("editor")
	for _, width := range []int64{1280, 390} {
		page, ids := b.foldedThreads(writer, editor)
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(`#resolved-threads a`, chromedp.ByQuery))
		if got, link := b.count(`#threads .comment`), b.text(`#resolved-threads a`); got != 1 || link != "Show 2 resolved threads" {
			t.Fatalf("at %d px the page shows %d threads and %q", width, got, link)
		}
		if got := b.text(`#tab-comments`); !strings.Contains(got, "(3)") {
			t.Errorf("at %d px the Comments tab says %q", width, got)
		}
		b.shot(fmt.Sprintf("threads-folded-%d", width))

		b.run(chromedp.SetValue(`#comment-form input[name=exact]`, "harbour council", chromedp.ByQuery),
			chromedp.SetValue(`#comment-form textarea[name=body]`, "A comment I am typing", chromedp.ByQuery),
			chromedp.SetValue(fmt.Sprintf(`#comment-%d input[name=body]`, ids[0]), "A reply I am typing", chromedp.ByQuery))
		typed := func(when string) {
			t.Helper()
			if got := b.value(`#comment-form textarea[name=body]`); got != "A comment I am typing" {
				t.Errorf("at %d px %s, the new comment holds %q", width, when, got)
			}
			if got := b.value(fmt.Sprintf(`#comment-%d input[name=body]`, ids[0])); got != "A reply I am typing" {
				t.Errorf("at %d px %s, the reply holds %q", width, when, got)
			}
		}
		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`document.querySelectorAll("#threads .comment").length === %d`, len(ids)))
		if got := b.count(`#threads .comment.resolved`); got != 2 {
			t.Fatalf("at %d px after showing the resolved threads the page shows %d of them", width, got)
		}
		var at string
		b.run(chromedp.Location(&at))
		if !strings.HasPrefix(at, page) || strings.Contains(at, "resolved=1") {
			t.Errorf("at %d px showing the resolved threads left the page for %s", width, at)
		}
		typed("after the resolved threads were shown")
		b.run(chromedp.SetValue(fmt.Sprintf(`#comment-%d input[name=body]`, ids[2]), "A reply to a resolved thread", chromedp.ByQuery))
		b.run(chromedp.Evaluate(fmt.Sprintf(`document.getElementById("comment-%d").scrollIntoView()`, ids[1]), nil))
		b.shot(fmt.Sprintf("threads-shown-%d", width))

		b.run(chromedp.Focus(fmt.Sprintf(`#comment-%d`, ids[1]), chromedp.ByQuery))
		b.inPanel(fmt.Sprintf(`#comment-%d form[action$="/reopen"] button`, ids[1]), fmt.Sprintf(`!document.querySelector("#comment-%d.resolved")`, ids[1]))
		if b.has(fmt.Sprintf(`#comment-%d.resolved`, ids[1])) || !b.has(fmt.Sprintf(`#comment-%d`, ids[1])) {
			t.Fatalf("at %d px the reopened thread is missing or still resolved", width)
		}
		if got := b.text(`#tab-comments`); !strings.Contains(got, "(3)") {
			t.Errorf("at %d px after reopening, the Comments tab says %q", width, got)
		}
		typed("after a thread was reopened")
		if got := b.value(fmt.Sprintf(`#comment-%d input[name=body]`, ids[2])); got != "A reply to a resolved thread" {
			t.Errorf("at %d px after another thread was reopened, the reply in a resolved one holds %q", width, got)
		}
		if got := b.text(`#resolved-threads a`); got != "Hide the resolved threads" {
			t.Errorf("at %d px after reopening, the fold says %q", width, got)
		}
		b.shot(fmt.Sprintf("threads-reopened-%d", width))

		// A link made before the page folded threads names the thread by its fragment alone.
		b.run(chromedp.Evaluate(`document.querySelectorAll("form").forEach(f => f.reset())`, nil), chromedp.Navigate(b.base+"/desk"),
			chromedp.Navigate(fmt.Sprintf("%s#comment-%d", page, ids[2])),
			chromedp.WaitVisible(fmt.Sprintf(`#comment-%d`, ids[2]), chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond))
		if !b.has(fmt.Sprintf(`#comment-%d.resolved.ws-active`, ids[2])) {
			t.Errorf("at %d px the thread the address named is not open on the page", width)
		}
		b.shot(fmt.Sprintf("threads-linked-%d", width))
	}
}

// foldedThreads is the address of a new piece with three threads, ids, the first open and the
// others resolved.
func (b *browser) foldedThreads(writer, editor string) (page string, ids []int64) {
	b.t.Helper()
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Ferry vote","body":"The harbour council voted 7 to 2 for the new ferry.\nThe mayor called it a good day.\nThe opposition promised a review."}`, &d)
	for i, words := range []string{"7 to 2", "good day", "a review"} {
		var c struct{ ID int64 }
		b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), fmt.Sprintf(`{"field":"body","quote":{"exact":%q},"body":"Thread %d."}`, words, i+1), &c)
		if i > 0 {
			b.api(editor, "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", c.ID), "", nil)
		}
		ids = append(ids, c.ID)
	}
	return fmt.Sprintf("%s/drafts/%d", b.base, d.ID), ids
}

// TestBrowserFoldKeepsTyping holds the comments panel, at a desktop's width and a phone's, to
// never losing a reply typed in a resolved thread: another thread's reply, made before the
// resolved threads were shown in place, returns to a page that shows them; hiding them again
// keeps the thread typed in, which sends; and typing kept by the browser for a folded thread
// is offered back through the page showing it.
func TestBrowserFoldKeepsTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	b.acceptDialogs()
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	b.signIn("editor")
	for _, width := range []int64{1280, 390} {
		page, ids := b.foldedThreads(writer, editor)
		open, resolved := fmt.Sprintf("#comment-%d", ids[0]), fmt.Sprintf("#comment-%d", ids[2])
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(`#resolved-threads a`, chromedp.ByQuery),
			chromedp.SetValue(open+` input[name=body]`, "Reply on the open one", chromedp.ByQuery))
		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`document.querySelectorAll("#threads .comment").length === %d`, len(ids)))
		b.run(chromedp.SetValue(resolved+` input[name=body]`, "A reply to a resolved thread", chromedp.ByQuery),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).requestSubmit()`, open+" form.reply-form"), nil),
			chromedp.Poll(`document.getElementById("threads").textContent.includes("Reply on the open one") && !document.querySelector("[aria-busy]")`, nil, chromedp.WithPollingTimeout(15*time.Second)))
		if got := b.typed(resolved + ` input[name=body]`); got != "A reply to a resolved thread" || b.has(`.ws-kept`) || b.count(`#threads .comment`) != len(ids) {
			t.Fatalf("at %d px after another reply was sent, the page shows %d threads, the reply typed in a resolved one holding %q, kept apart: %v",
				width, b.count(`#threads .comment`), got, b.has(`.ws-kept`))
		}

		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`!document.querySelector("#comment-%d")`, ids[1]))
		if got := b.typed(resolved + ` input[name=body]`); got != "A reply to a resolved thread" || !b.visible(`.ws-kept .ws-kept-note`) || !b.visible(`.ws-kept `+resolved) {
			t.Fatalf("at %d px after the resolved threads were hidden, the reply typed in one holds %q, its note shown: %v", width, got, b.visible(`.ws-kept .ws-kept-note`))
		}
		// The sticky tabs, shot scrolled, would cover the threads in the page's picture.
		b.run(chromedp.Evaluate(`window.scrollTo(0, 0)`, nil))
		b.shot(fmt.Sprintf("threads-kept-%d", width))
		b.inPanel(resolved+` form.reply-form button`, `document.getElementById("threads").textContent.includes("A reply to a resolved thread") && !document.querySelector(".ws-kept")`)
		if got := b.typed(resolved + ` input[name=body]`); got != "" {
			t.Errorf("at %d px the kept reply, sent, is still in its form", width)
		}

		// Typing kept by the browser for a thread the page then folds.
		b.run(chromedp.SendKeys(resolved+` input[name=body]`, "Typed before leaving", chromedp.ByQuery), chromedp.Sleep(time.Second),
			chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(`#resolved-threads a`, chromedp.ByQuery))
		if b.has(resolved) || !b.visible(`.ws-kept-offer a`) || !strings.Contains(b.text(`.ws-kept-offer`), "Typed before leaving") {
			t.Fatalf("at %d px the page folding the thread typed in does not offer the typing kept: thread shown %v, offer shown %v",
				width, b.has(resolved), b.visible(`.ws-kept-offer a`))
		}
		b.shot(fmt.Sprintf("threads-kept-offer-%d", width))
		if small := b.smallTargets(); width == 390 && len(small) > 0 {
			t.Errorf("at %d px the offer's page has controls a finger may miss: %v", width, small)
		}
		b.run(chromedp.Click(`.ws-kept-offer a`, chromedp.ByQuery), chromedp.WaitVisible(resolved+` [data-offer] button`, chromedp.ByQuery),
			chromedp.Click(resolved+` [data-offer] button`, chromedp.ByQuery))
		if got := b.typed(resolved + ` input[name=body]`); got != "Typed before leaving" {
			t.Errorf("at %d px the typing kept, restored, reads %q", width, got)
		}
		b.run(chromedp.Evaluate(`localStorage.clear()`, nil))
	}
}

// typed is what the field sel holds, or "(gone)" when the page has no such field.
func (b *browser) typed(sel string) string {
	b.t.Helper()
	var v string
	b.run(chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {value: "(gone)"}).value`, sel), &v))
	return v
}

// inPanel clicks what sel names in the side pane, a link or a form's button the page's script
// sends in the background, and waits until done, a script's expression, holds and the panel is
// no longer busy. (On a phone the outcome is said in the side pane's status, which submit does
// not wait for.) It clicks once the threads have stopped moving: a click lands where its target
// was, and on a loaded machine a thread still being laid out moves from under it.
func (b *browser) inPanel(sel, done string) {
	b.t.Helper()
	b.settle()
	b.run(chromedp.Click(sel, chromedp.ByQuery),
		chromedp.Poll(done+` && !document.querySelector("[aria-busy]")`, nil, chromedp.WithPollingTimeout(15*time.Second)))
}

// TestBrowserKeptThreadsFoldAndDiscard holds the comments panel, at a desktop's width and a
// phone's, to what a thread kept because it was typed in does to the fold and to the page: a
// resolved thread kept open when the resolved threads are hidden is not counted as folded, and
// with none left to show the fold goes; a thread deleted under a reply being typed is kept with a
// Discard; and typing the browser kept for a thread deleted since is offered in full with a
// Discard, which, asked, forgets it for good and leaves the focus on something shown.
func TestBrowserKeptThreadsFoldAndDiscard(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	asked := b.acceptDialogs()
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	b.signIn("editor")
	for _, width := range []int64{1280, 390} {
		page, ids := b.foldedThreads(writer, editor)
		id := strings.TrimPrefix(page, b.base+"/drafts/")
		thread := func(i int) string { return fmt.Sprintf("#comment-%d", ids[i]) }
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(`#resolved-threads a`, chromedp.ByQuery))
		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`document.querySelectorAll("#threads .comment").length === %d`, len(ids)))
		b.run(chromedp.SetValue(thread(2)+` input[name=body]`, "A reply to a resolved thread", chromedp.ByQuery))
		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`!document.querySelector(%q)`, thread(1)))
		if !b.visible(`.ws-kept ` + thread(2)) {
			t.Fatalf("at %d px the resolved thread typed in is not kept open", width)
		}
		if got := b.text(`#resolved-threads a`); got != "Show 1 more resolved thread" {
			t.Errorf("at %d px with one of two resolved threads kept open, the fold says %q", width, got)
		}

		// With every resolved thread kept open, nothing is left to show: the fold goes.
		b.inPanel(`#resolved-threads a`, fmt.Sprintf(`!document.querySelector(".ws-kept") && document.querySelectorAll("#threads .comment").length === %d`, len(ids)))
		b.run(chromedp.SetValue(thread(1)+` input[name=body]`, "Another reply to a resolved thread", chromedp.ByQuery))
		b.inPanel(`#resolved-threads a`, `document.querySelectorAll(".ws-kept").length === 2`)
		if b.visible(`#resolved-threads`) {
			t.Errorf("at %d px with both resolved threads kept open, the fold still says %q", width, b.text(`#resolved-threads a`))
		}
		b.shot(fmt.Sprintf("threads-all-kept-%d", width))
		b.run(chromedp.Evaluate(`document.querySelectorAll("form").forEach(f => f.reset()); localStorage.clear()`, nil))

		// A thread deleted while a reply is typed in it stays, with a Discard.
		var c struct{ ID int64 }
		b.api(editor, "POST", "/api/v1/drafts/"+id+"/comments", `{"field":"body","quote":{"exact":"ferry"},"body":"Which ferry?"}`, &c)
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(fmt.Sprintf("%s#comment-%d", page, c.ID)), chromedp.WaitVisible(fmt.Sprintf(`#comment-%d input[name=body]`, c.ID), chromedp.ByQuery))
		gone := fmt.Sprintf("#comment-%d", c.ID)
		b.run(chromedp.SendKeys(gone+` input[name=body]`, "A reply to a deleted thread", chromedp.ByQuery))
		key := fmt.Sprintf(`localStorage.getItem("copydesk:draft:%s:user:"+document.getElementById("workspace").dataset.user+":form:reply-%d")`, id, c.ID)
		b.run(chromedp.Poll(key+` !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		b.api(editor, "DELETE", fmt.Sprintf("/api/v1/comments/%d", c.ID), "", nil)
		b.run(chromedp.SetValue(thread(0)+` input[name=body]`, "A reply sent meanwhile", chromedp.ByQuery))
		b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).requestSubmit()`, thread(0)+" form.reply-form"), nil),
			chromedp.Poll(`document.getElementById("threads").textContent.includes("A reply sent meanwhile") && !document.querySelector("[aria-busy]")`, nil, chromedp.WithPollingTimeout(15*time.Second)))
		if !b.visible(`.ws-kept `+gone) || !strings.Contains(b.text(`.ws-kept .ws-kept-note`), "deleted") {
			t.Fatalf("at %d px the thread deleted under a reply is not kept, saying so", width)
		}
		if n := b.count(`.ws-kept ` + gone + ` button:not([disabled])`); n > 0 {
			t.Errorf("at %d px the deleted thread kept offers %d buttons that would only be refused", width, n)
		}
		b.run(chromedp.Evaluate(`window.scrollTo(0, 0)`, nil))
		b.shot(fmt.Sprintf("thread-deleted-kept-%d", width))
		if small := b.smallTargets(); width == 390 && len(small) > 0 {
			t.Errorf("at %d px the kept thread's page has controls a finger may miss: %v", width, small)
		}
		before := asked.count()
		b.inPanel(`.ws-kept > button`, `!document.querySelector(".ws-kept")`)
		if asked.count() != before+1 {
			t.Errorf("at %d px discarding a reply did not ask first", width)
		}
		var kept bool
		b.run(chromedp.Evaluate(key+` !== null`, &kept))
		if kept {
			t.Errorf("at %d px the reply discarded is still kept in the browser", width)
		}

		// Typing kept by the browser for a thread deleted since: offered in full, and discarded.
		b.api(editor, "POST", "/api/v1/drafts/"+id+"/comments", `{"field":"body","quote":{"exact":"ferry"},"body":"Which ferry, again?"}`, &c)
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(fmt.Sprintf("%s#comment-%d", page, c.ID)), chromedp.WaitVisible(fmt.Sprintf(`#comment-%d input[name=body]`, c.ID), chromedp.ByQuery))
		key = fmt.Sprintf(`localStorage.getItem("copydesk:draft:%s:user:"+document.getElementById("workspace").dataset.user+":form:reply-%d")`, id, c.ID)
		b.run(chromedp.SendKeys(fmt.Sprintf(`#comment-%d input[name=body]`, c.ID), "Typed before the thread went", chromedp.ByQuery),
			chromedp.Poll(key+` !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		b.api(editor, "DELETE", fmt.Sprintf("/api/v1/comments/%d", c.ID), "", nil)
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(`#threads`, chromedp.ByQuery))
		if !b.visible(`.ws-kept-offer .ws-kept-words`) || b.text(`.ws-kept-offer .ws-kept-words`) != "Typed before the thread went" || b.has(`.ws-kept-offer a`) {
			t.Fatalf("at %d px the typing kept for a deleted thread is not offered in full: %q", width, b.text(`#threads`))
		}
		b.shot(fmt.Sprintf("thread-deleted-offer-%d", width))
		if small := b.smallTargets(); width == 390 && len(small) > 0 {
			t.Errorf("at %d px the offer's page has controls a finger may miss: %v", width, small)
		}
		before = asked.count()
		b.inPanel(`.ws-kept-offer button`, `!document.querySelector(".ws-kept-offer")`)
		b.run(chromedp.Evaluate(key+` !== null`, &kept))
		if kept || asked.count() != before+1 {
			t.Errorf("at %d px the discarded typing is still kept (%v), or was discarded without asking", width, kept)
		}
		var shown bool
		b.run(chromedp.Evaluate(`document.activeElement !== document.body && document.activeElement.getClientRects().length > 0`, &shown))
		if !shown {
			t.Errorf("at %d px after Discard the focus is on %s, which does not show", width, b.focusedName())
		}
		b.run(chromedp.Reload(), chromedp.WaitVisible(`#threads`, chromedp.ByQuery))
		if b.has(`.ws-kept-offer`) {
			t.Errorf("at %d px the discarded typing is offered again", width)
		}
		b.run(chromedp.Evaluate(`localStorage.clear()`, nil))
	}
}

// TestBrowserKeptOfferShownInItsThread holds the comments panel, at a desktop's width and a
// phone's, to showing the typing the browser kept for a thread the page still shows but whose
// form it no longer offers: an edit of one's own comment, typed, then answered by a reply, which
// takes the edit away. The offer, its words and its Discard are in the thread, which the page
// folds as it folds every thread not open, and they were folded away with the rest of it. The
// offer takes no focus on its own, and its Discard leaves the focus on the thread, where it was,
// not on what follows the offer, which may be hidden.
func TestBrowserKeptOfferShownInItsThread(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	b.acceptDialogs()
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	b.signIn("editor")
	for _, width := range []int64{1280, 390} {
		page, _ := b.foldedThreads(writer, editor)
		id := strings.TrimPrefix(page, b.base+"/drafts/")
		var c struct{ ID int64 }
		b.api(editor, "POST", "/api/v1/drafts/"+id+"/comments", `{"field":"body","quote":{"exact":"ferry"},"body":"Which ferry?"}`, &c)
		th := fmt.Sprintf("#comment-%d", c.ID)
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page+"#comments"), chromedp.WaitReady(th, chromedp.ByQuery),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).open = true`, th+" details.comment-change"), nil))
		key := fmt.Sprintf(`localStorage.getItem("copydesk:draft:%s:user:"+document.getElementById("workspace").dataset.user+":form:edit-comment-%d")`, id, c.ID)
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const a = document.querySelector(%q); a.value += " Say which."; a.dispatchEvent(new Event("input", {bubbles: true})); })()`, th+` details textarea[name=body]`), nil),
			chromedp.Poll(key+` !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		b.api(writer, "POST", fmt.Sprintf("/api/v1/comments/%d/replies", c.ID), `{"body":"The new one."}`, nil)
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.Navigate(page+"#comments"), chromedp.WaitReady(th+" .ws-kept-offer", chromedp.ByQuery))
		if b.has(th + " details textarea") {
			t.Fatalf("at %d px the answered comment still offers its edit", width)
		}
		for _, part := range []string{"", " p", " .ws-kept-words", " button"} {
			if !b.visible(th + " .ws-kept-offer" + part) {
				t.Errorf("at %d px the offer of the edit typed in %s does not show %q", width, th, ".ws-kept-offer"+part)
			}
		}
		if got := b.text(th + " .ws-kept-words"); !strings.Contains(got, "Say which.") {
			t.Errorf("at %d px the offer's words read %q", width, got)
		}
		var focused bool
		b.run(chromedp.Evaluate(`!!document.activeElement.closest(".ws-kept-offer")`, &focused))
		if focused {
			t.Errorf("at %d px the offer took the focus as the page opened", width)
		}
		b.shot(fmt.Sprintf("kept-offer-thread-%d", width))
		b.run(chromedp.Evaluate(fmt.Sprintf(`window.confirm = () => true; document.querySelector(%q).click()`, th+` .ws-kept-offer button`), nil),
			chromedp.Poll(fmt.Sprintf(`!document.querySelector(%q)`, th+` .ws-kept-offer`), nil, chromedp.WithPollingTimeout(5*time.Second)))
		var onThread bool
		b.run(chromedp.Evaluate(fmt.Sprintf(`document.activeElement === document.querySelector(%q) && document.activeElement.getClientRects().length > 0`, th), &onThread))
		if !onThread {
			t.Errorf("at %d px after Discard the focus is on %s, not on the thread %s, shown", width, b.focusedName(), th)
		}
		b.run(chromedp.Evaluate(`localStorage.clear()`, nil))
	}
}
