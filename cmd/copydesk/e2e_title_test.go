package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserTitleFieldWithTheText holds the draft page's title, at a desktop's width and a
// phone's, to where a writer looks for it: read, it heads the page as its h1, above the
// actions; edited, its field is the first of the text's, under the Save bar (and the actions, at
// a desktop's width) and over the byline
// and the body, as in Google Docs and WordPress, and Tab goes from Cancel to it; the h1, kept for
// screen readers, still names the piece. The field was in the heading, above the actions,
// apart from the other fields.
func TestBrowserTitleFieldWithTheText(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	var d struct{ ID int64 }
	b.api(b.apiToken("writer"), "POST", "/api/v1/drafts", `{"title":"Ferry vote","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	b.signIn("writer")
	for _, width := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
		if !b.visible(`h1.ws-title`) || b.text(`h1.ws-title`) != "Ferry vote" || b.top(`h1.ws-title`) > b.top(`.ws-actions`) {
			t.Errorf("at %d px, reading, the title does not head the page above the actions", width)
		}
		b.edit()
		// The actions stand above the text at a desktop's width, under it on a phone.
		above := map[int64]string{1280: `.ws-actions`, 390: `.ws-tabs`}[width]
		for _, below := range []string{`#edit-save`, above} {
			if b.top(`textarea[name=title]`) < b.top(below) {
				t.Errorf("at %d px, editing, the title's field stands above %s", width, below)
			}
		}
		if b.top(`textarea[name=title]`) > b.top(`.ws-byline input`) || b.top(`.ws-byline input`) > b.top(`textarea[name=body]`) {
			t.Errorf("at %d px, editing, the title's field is not the first of the text's", width)
		}
		var heading string
		b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("h1")).map(h => h.textContent.trim()).join("|")`, &heading))
		if heading != "Ferry vote" || b.height(`h1.ws-title`) > 1 {
			t.Errorf("at %d px, editing, the page's h1 reads %q, %.0f px high over the field", width, heading, b.height(`h1.ws-title`))
		}
		b.run(chromedp.Focus(`#edit-cancel`, chromedp.ByQuery), chromedp.KeyEvent(kb.Tab),
			chromedp.Poll(`document.activeElement && document.activeElement.id === "edit-title"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		if got := b.text(`label[for=edit-title]`); !strings.EqualFold(got, "Title") {
			t.Errorf("at %d px the title's field is labelled %q", width, got)
		}
		b.shot(fmt.Sprintf("title-editing-%d", width))
		b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
		if b.height(`h1.ws-title`) < 20 {
			t.Errorf("at %d px, after Cancel, the title does not head the page again", width)
		}
	}
}

// TestBrowserSetAsideNamesEachField holds the copy of older typing the draft page sets aside,
// at a desktop's width and a phone's, to naming each field it shows as the page labels it, so
// that the writer knows what to copy back where: the title, whose field is labelled by its own
// label element, was named by its name in the form, "title".
func TestBrowserSetAsideNamesEachField(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	var d struct{ ID int64 }
	b.api(b.apiToken("writer"), "POST", "/api/v1/drafts", `{"title":"Ferry vote","body":"The harbour council voted 7 to 2 for the new ferry."}`, &d)
	b.signIn("writer")
	page := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)
	fields := []struct{ sel, typed, want string }{
		{`#edit-title`, " TITLE TYPED", "Title"},
		{`input[name=byline]`, "BYLINE TYPED", "Byline"},
		{`textarea[name=body]`, " BODY TYPED", "Body"},
	}
	for _, width := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
		b.edit()
		for _, f := range fields {
			b.run(chromedp.SendKeys(f.sel, f.typed, chromedp.ByQuery))
		}
		b.run(chromedp.Sleep(1500*time.Millisecond), chromedp.Reload(), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
		// The page may open editing, as it was left.
		if !b.visible(`textarea[name=body]`) {
			b.edit()
		}
		b.run(chromedp.SendKeys(`textarea[name=body]`, " More.", chromedp.ByQuery), chromedp.WaitVisible(`.ws-aside`, chromedp.ByQuery))
		var named map[string]string
		b.run(chromedp.Evaluate(`Object.fromEntries(Array.from(document.querySelectorAll(".ws-aside label")).map(l => [l.firstChild.textContent.trim(), l.querySelector("textarea").value]))`, &named))
		for _, f := range fields {
			if got, ok := named[f.want]; !ok || !strings.Contains(got, strings.TrimSpace(f.typed)) {
				t.Errorf("at %d px the copy set aside names no field %q holding %q; it names %q", width, f.want, f.typed, named)
			}
		}
		b.shot(fmt.Sprintf("aside-named-%d", width))
		b.run(chromedp.Evaluate(`localStorage.clear()`, nil), chromedp.Click(`#edit-cancel`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	}
}
