package main

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPhoneTapOpensThreadInPlace: on a phone, tapping a folded thread opens it where it
// is, with its reply box, and marks its words in the text without leaving the Comments tab, so
// that a reply is typed and sent from there; its "Show in the text" link is what goes to the
// words. A tap used to jump to the Text tab, and to reply one had to come back to Comments.
func TestBrowserPhoneTapOpensThreadInPlace(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.\nResidents gathered by the old pier after the vote.")
	editor := b.apiAs("editor")
	var pier struct{ ID int64 }
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id), map[string]any{"field": "body", "quote": map[string]string{"exact": "the new ferry"}, "body": "Which ferry?"}, http.StatusCreated, nil)
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id), map[string]any{"field": "body", "quote": map[string]string{"exact": "the old pier"}, "body": "Which pier?"}, http.StatusCreated, &pier)
	thread := fmt.Sprintf("#comment-%d", pier.ID)
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(390, 844), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#tab-comments`, chromedp.ByQuery),
		chromedp.Click(`#tab-comments`, chromedp.ByQuery))
	b.settle()
	if b.visible(thread + ` .reply-form input[name=body]`) {
		t.Fatal("the thread is open before it is tapped: the test taps nothing folded")
	}
	b.run(chromedp.Click(thread+` .body`, chromedp.ByQuery))
	b.settle()
	if b.visible(`#text`) || !b.visible(`#threads`) {
		t.Fatalf("a tap on a folded thread leaves the Comments tab (text shown %v, threads shown %v)", b.visible(`#text`), b.visible(`#threads`))
	}
	if !b.visible(thread + ` .reply-form input[name=body]`) {
		t.Fatal("the tapped thread shows no reply box")
	}
	// The text is hidden on the Comments tab: its marked words are read as they stand.
	var marked string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#text mark.ws-focus"), m => m.textContent).join("")`, &marked))
	if marked != "the old pier" {
		t.Errorf("the tap marks %q in the text, want the thread's words", marked)
	}
	b.shot("phone-thread-tapped")
	b.run(chromedp.Click(thread+` .reply-form input[name=body]`, chromedp.ByQuery), chromedp.SendKeys(thread+` .reply-form input[name=body]`, "The one by the lifeboat station.", chromedp.ByQuery),
		chromedp.Click(thread+` .reply-form button[type=submit]`, chromedp.ByQuery))
	b.settle()
	if got := b.text(thread + ` .reply`); !strings.Contains(got, "The one by the lifeboat station.") || !b.visible(`#threads`) {
		t.Fatalf("after replying the thread's replies read %q (threads shown %v)", got, b.visible(`#threads`))
	}
	b.run(chromedp.Click(thread+` a.to-text`, chromedp.ByQuery))
	b.settle()
	if !b.visible(`#text`) || b.text(`#text mark.ws-focus`) != "the old pier" {
		t.Errorf("Show in the text leaves the text hidden (%v) or marks %q", !b.visible(`#text`), b.text(`#text mark.ws-focus`))
	}
	b.shot("phone-thread-show-in-text")
}

// TestBrowserPhoneTapOpensQuoteInPlace: on a phone, tapping a quote in the Quotes tab marks its
// words in the text and keeps the fact-checker at its verdicts, to check it there; its "Show in
// the text" link is what goes to the words. A tap used to jump to the Text tab, away from the
// verdicts, and no link on the row said where its words were.
func TestBrowserPhoneTapOpensQuoteInPlace(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	var d struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Ferry vote splits council", "byline": "Sarah Johnson", "brief": "The council voted for the ferry.",
		"body": "\"We will build it by spring,\" said Mayor Ann Cole.\n\"It is a waste of money,\" said councillor Tom Reyes."}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	b.signIn("factchecker")
	b.run(chromedp.EmulateViewport(390, 844), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery),
		chromedp.Click(`#tab-quotes`, chromedp.ByQuery))
	b.settle()
	var row string
	b.run(chromedp.Evaluate(`document.querySelectorAll("#quotes .quote-row")[1].id`, &row))
	quote := strings.TrimPrefix(row, "quote-")
	b.run(chromedp.Click(`#`+row+` blockquote`, chromedp.ByQuery))
	b.settle()
	if b.visible(`#text`) || !b.visible(`#quotes`) {
		t.Fatalf("a tap on a quote leaves the Quotes tab (text shown %v, quotes shown %v)", b.visible(`#text`), b.visible(`#quotes`))
	}
	// The text is hidden on the Quotes tab: its marked words are read as they stand.
	var marked []string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#text mark.ws-focus"), m => m.dataset.quote)`, &marked))
	if len(marked) == 0 || slices.ContainsFunc(marked, func(q string) bool { return q != quote }) {
		t.Errorf("the tap on quote %s marks the words of quotes %v in the text", quote, marked)
	}
	b.shot("phone-quote-tapped")
	b.run(chromedp.SendKeys(`#`+row+` input[name=note]`, "He called it costly, not a waste", chromedp.ByQuery), chromedp.Click(`#`+row+` .verdict-disputed`, chromedp.ByQuery))
	b.settle()
	if got := b.text(`#` + row + ` .quote-verdict`); !strings.Contains(got, "Disputed") || !b.visible(`#quotes`) {
		t.Fatalf("after the verdict the quote reads %q (quotes shown %v)", got, b.visible(`#quotes`))
	}
	b.run(chromedp.Click(`#`+row+` a.to-text`, chromedp.ByQuery))
	b.settle()
	var shown string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#text mark.ws-focus"), m => m.dataset.quote).join(" ")`, &shown))
	if !b.visible(`#text`) || !strings.HasPrefix(shown, quote) {
		t.Errorf("Show in the text leaves the text hidden (%v) or marks the words of quotes %q", !b.visible(`#text`), shown)
	}
	b.shot("phone-quote-show-in-text")
}
