package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
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

// TestBrowserSkipLink: the first Tab on a page reaches a link that skips the header's links to
// the page's content, shown while it has the focus, as WCAG 2.4.1 asks: on the app pages, where
// a keyboard went through the header's eight links on every page, and on the public site's
// (the front page, an article, the archive's lists and search), which had none either.
func TestBrowserSkipLink(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	var pub struct{ Slug string }
	b.apiAs("editor").send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", b.approvedDraft("The harbour council voted 7 to 2 for the new ferry.")), map[string]string{}, http.StatusOK, &pub)
	b.signIn("writer")
	for _, path := range []string{"/desk", "/drafts/new", "/inbox", "/", "/articles/" + pub.Slug, "/topics", "/authors", "/search?q=ferry"} {
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

// TestBrowserSideFormsKept: what is typed into the draft page's other forms (a comment, a reply,
// an action's note) is kept in this browser, as the text and the new draft are, so that a page
// left, reloaded, signed out or crashed offers it back; the copy is forgotten once the server
// has it. Only the edit form's typing was kept: a comment or a note half typed was lost.
func TestBrowserSideFormsKept(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.acceptDialogs()
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, id)
	kept := func() []string {
		var keys []string
		b.run(chromedp.Evaluate(`Object.keys(localStorage).filter(k => k.includes(":form:"))`, &keys))
		return keys
	}
	// reload reloads the page, as a crash and a return would, and restores what it offers.
	reload := func(what string) {
		b.run(chromedp.Sleep(time.Second), chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
		var n int
		b.run(chromedp.Evaluate(`document.querySelectorAll(".warning[data-offer]").length`, &n))
		if n != 1 {
			t.Fatalf("after a reload with %s typed the page offers %d copies", what, n)
		}
		b.shotWidths("side-form-offer")
		// The threads move beside their words as the page lays out; the click is aimed once
		// they stand still, or it lands where the offer's button was.
		b.settle()
		b.run(chromedp.Click(`.warning[data-offer] button`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	}

	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form input[name=exact]`, "7 to 2", chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "Which two voted against?", chromedp.ByQuery))
	reload("a comment")
	if got := b.value(`#comment-form textarea[name=body]`); got != "Which two voted against?" {
		t.Fatalf("the comment restored reads %q", got)
	}
	b.submit(`#comment-form button[type=submit]`)
	if got := kept(); len(got) != 0 {
		t.Errorf("after the comment was sent this browser still keeps %v", got)
	}

	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#threads .comment .body`, chromedp.ByQuery),
		chromedp.Click(`#threads .comment .body`, chromedp.ByQuery), chromedp.WaitVisible(`.reply-form input[name=body]`, chromedp.ByQuery),
		chromedp.SendKeys(`.reply-form input[name=body]`, "Ruiz and Okafor.", chromedp.ByQuery))
	reload("a reply")
	if got := b.value(`.reply-form input[name=body]`); got != "Ruiz and Okafor." {
		t.Fatalf("the reply restored reads %q", got)
	}
	// Sent once the sign-in has ended, it is not through: its copy stays unsent, which no other
	// page's "done" takes for it.
	b.run(network.ClearBrowserCookies())
	b.submit(`.reply-form button[type=submit]`)
	var unsent bool
	b.run(chromedp.Evaluate(`(k => k.length === 1 && JSON.parse(localStorage.getItem(k[0])).sent === false)(Object.keys(localStorage).filter(k => k.includes(":form:reply-")))`, &unsent))
	if !unsent {
		t.Errorf("a reply refused for an ended sign-in is kept as sent: %v", kept())
	}
	b.signIn("editor")

	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery),
		chromedp.Evaluate(`localStorage.removeItem(Object.keys(localStorage).find(k => k.includes(":form:reply-")))`, nil),
		chromedp.SendKeys(`form[data-keep-as$=":form:step-request_changes"] textarea[name=note]`, "Name the two who voted against.", chromedp.ByQuery))
	reload("an action's note")
	if got := b.value(`form[data-keep-as$=":form:step-request_changes"] textarea[name=note]`); got != "Name the two who voted against." {
		t.Fatalf("the note restored reads %q", got)
	}
	b.submit(`form[data-keep-as$=":form:step-request_changes"] button[name=do]`)
	if got := kept(); len(got) != 0 {
		t.Errorf("after the piece was sent back with the note this browser still keeps %v", got)
	}
}
