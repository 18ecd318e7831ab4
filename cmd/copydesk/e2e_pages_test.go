package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPageMessageSaid: the message a page comes with after an action (the flash that
// says it was done, the error that says why not) takes the keyboard's focus, which a screen
// reader says: a live region present as the page loads is not announced, so a reader who
// created a draft or failed to sign in heard nothing of it. The page stays where it was.
func TestBrowserPageMessageSaid(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	focused := func() string {
		var s string
		b.run(chromedp.Evaluate(`document.activeElement.matches("main :is(.flash, .error)[role]") ? document.activeElement.textContent.trim() : ""`, &s))
		return s
	}

	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery), chromedp.SendKeys(`input[name=password]`, "not the password", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	if got := focused(); got == "" {
		t.Errorf("a sign-in refused does not put the focus on why: it is on %s", b.focusedName())
	}

	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Library to close", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=body]`, "The council voted 7 to 2 to close the library.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	if got := focused(); got != "Draft created." {
		t.Errorf("creating a draft puts the focus on %s, not on the message that says so", b.focusedName())
	}
	b.shotWidths("message-focused")
}

// TestBrowserSkipLink: the first Tab on an app page reaches a link that skips the header's
// links to the page's content, shown while it has the focus, as WCAG 2.4.1 asks; there was
// none, and a keyboard went through the header's eight links on every page.
func TestBrowserSkipLink(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.signIn("writer")
	for _, path := range []string{"/desk", "/drafts/new", "/inbox"} {
		b.run(chromedp.Navigate(b.base+path), chromedp.WaitVisible(`main`, chromedp.ByQuery), chromedp.KeyEvent(kb.Tab))
		var shown bool
		b.run(chromedp.Evaluate(`(r => document.activeElement.getAttribute("href") === "#main" && r.top >= 0 && r.height > 0)(document.activeElement.getBoundingClientRect())`, &shown))
		if !shown {
			t.Errorf("the first Tab on %s reaches %s, not a link to the content in view", path, b.focusedName())
			continue
		}
		b.shot("skip-link-" + strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"))
		b.run(chromedp.KeyEvent(kb.Enter), chromedp.Sleep(100*time.Millisecond))
		if !b.focusIn(`main`) {
			t.Errorf("the skip link on %s leaves the focus on %s", path, b.focusedName())
		}
	}
}

// TestBrowserSaveKeepsPlace: Save ends editing and shows the draft as it reads (that is the
// design), and the page comes back at the paragraph the writer's caret was in, where it stood
// in the window, at a desktop's width and a phone's, by Ctrl+S and by the Save button. It came
// back at the top of the page: a writer in the middle of a long piece had to find their place.
func TestBrowserSaveKeepsPlace(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	paras := make([]string, 60)
	for i := range paras {
		paras[i] = fmt.Sprintf("Paragraph %d of the council's long budget meeting, in which the members went through every line of the plan once more.", i+1)
	}
	var d struct{ ID int64 }
	b.api(b.apiToken("writer"), "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":"The budget, line by line","body":%q}`, strings.Join(paras, "\n")), &d)
	b.signIn("writer")
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)

	for _, tt := range []struct {
		width int64
		para  int
		save  chromedp.Action
	}{
		{1280, 45, chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl))},
		{390, 30, chromedp.Click(`#edit-save`, chromedp.ByQuery)},
	} {
		b.run(chromedp.EmulateViewport(tt.width, 800), chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
		b.edit()
		// The caret goes into the paragraph, shown in the middle of the window, and a word is typed there.
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
			const f = document.querySelector("#edit textarea[name=body]"), at = f.value.indexOf("Paragraph %d of");
			f.focus();
			f.setSelectionRange(at + 10, at + 10);
			const r = f.getBoundingClientRect();
			window.scrollBy(0, r.top + r.height * at / f.value.length - innerHeight / 2);
		})()`, tt.para), nil), chromedp.KeyEvent("now "), tt.save, chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond))
		if got := b.flash(); got != "Saved." {
			t.Fatalf("at %d px the save says %q", tt.width, got)
		}
		var inView bool
		b.run(chromedp.Evaluate(fmt.Sprintf(`(p => { const r = p.getBoundingClientRect(); return p.textContent.includes("now") && r.top >= 0 && r.bottom <= innerHeight; })(document.querySelectorAll("[data-field=body] p")[%d])`, tt.para-1), &inView))
		if !inView {
			var y float64
			b.run(chromedp.Evaluate(`window.scrollY`, &y))
			t.Errorf("at %d px, after Save the page shows its text from %.0f px down, not paragraph %d, where the writer was", tt.width, y, tt.para)
		}
		b.shot(fmt.Sprintf("save-keeps-place-%d", tt.width))
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}
