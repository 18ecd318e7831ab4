package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// outside names the elements of the page that reach past the right edge of the viewport, so
// that a reader would have to scroll sideways to see them; or, given a selector, the elements in
// what it selects that reach past its right edge, into whatever stands beside it.
func (b *browser) outside(within string) []string {
	b.t.Helper()
	var names []string
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const area = document.querySelector(%q || "body");
		const box = %q ? area.getBoundingClientRect() : {right: document.documentElement.clientWidth};
		const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().replace(/\s+/g, ".") : "");
		const out = Array.from(area.querySelectorAll("*")).filter(e => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.right > box.right + 0.5;
		}).map(name);
		// Words run past their element's box without widening it: each text's own lines count.
		const texts = document.createTreeWalker(area, NodeFilter.SHOW_TEXT), words = document.createRange();
		for (let node; (node = texts.nextNode());) {
			words.selectNodeContents(node);
			if (Array.from(words.getClientRects()).some(r => r.width > 0 && r.right > box.right + 0.5)) {
				out.push("the words of " + name(node.parentElement));
			}
		}
		return out;
	})()`, within, within), &names))
	return names
}

// approvedDraft makes a draft as the writer and moves it through the workflow to Approved.
func (b *browser) approvedDraft(body string) int64 {
	b.t.Helper()
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": body}, http.StatusCreated, &d)
	for _, st := range []struct{ user, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		b.apiAs(st.user).send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": st.action}, http.StatusOK, nil)
	}
	return d.ID
}

// TestBrowserPublishFitsAPhone: the editor's publish panel, with its choice of a time to
// publish, stays within a phone's width (390 px), as every other part of the draft page does,
// so that the page never scrolls sideways.
func TestBrowserPublishFitsAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.approvedDraft("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(390, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)),
		chromedp.WaitVisible(`#publish input[name=at]`, chromedp.ByQuery))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the page's right edge: %v", out)
	}
	b.shotWidths("publish")
}

// TestBrowserLongWordsWrap: a word longer than a line, as a web address pasted into a draft
// often is, wraps within its column wherever written text is shown: on the draft page in the
// text (not under the side pane beside it) and in a comment thread, on the desk, and on the
// published article; at 1280 px and at 390 px, where the page would otherwise scroll sideways.
func TestBrowserLongWordsWrap(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	const long = "https://harbour.example.org/minutes/2026/councilvoteonthenewferryservicefortheisland_route.pdf?session=20261206&item=14"
	writer, editor := b.apiAs("writer"), b.apiAs("editor")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Ferry vote: harbourcouncilferryvotesevenmembersfortwoagainst", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the new ferry.\nThe minutes are at " + long + " for all to read."}, http.StatusCreated, &d)
	draft := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	writer.send("POST", draft+"/transitions", map[string]string{"action": "submit"}, http.StatusOK, nil)
	b.apiAs("factchecker").send("POST", draft+"/transitions", map[string]string{"action": "clear"}, http.StatusOK, nil)
	var c struct{ ID int64 }
	editor.send("POST", draft+"/comments", map[string]any{"field": "body", "quote": map[string]string{"exact": "7 to 2"}, "body": "Link the vote: " + long}, http.StatusCreated, &c)

	b.signIn("editor")
	wantInside := func(page, within string) {
		t.Helper()
		if out := b.outside(within); len(out) > 0 {
			t.Errorf("%s: these reach past the right edge of %q: %v", page, within, out)
		}
	}
	b.run(chromedp.Navigate(b.base+"/drafts/"+fmt.Sprint(d.ID)), chromedp.WaitVisible(`#comments article.comment`, chromedp.ByQuery),
		chromedp.Focus(`#comments article.comment`, chromedp.ByQuery))
	b.settle()
	wantInside("the draft's text at 1280 px", ".ws-main")
	wantInside("the comment thread at 1280 px", "#side")
	b.shotWidths("long-words-draft")
	b.run(chromedp.EmulateViewport(390, 900))
	wantInside("the draft's text at 390 px", "")
	b.run(chromedp.Click(`#tab-comments`, chromedp.ByQuery), chromedp.Focus(`#comments article.comment`, chromedp.ByQuery))
	b.settle()
	wantInside("the comment thread at 390 px", "")
	b.run(chromedp.Navigate(b.base+"/desk?stage="), chromedp.WaitVisible(`table.drafts`, chromedp.ByQuery))
	wantInside("the desk at 390 px", "")

	editor.send("POST", fmt.Sprintf("/api/v1/comments/%d/resolve", c.ID), nil, http.StatusOK, nil)
	editor.send("POST", draft+"/transitions", map[string]string{"action": "approve"}, http.StatusOK, nil)
	var pub struct{ Slug string }
	editor.send("POST", draft+"/publish", map[string]string{}, http.StatusOK, &pub)
	b.run(chromedp.Navigate(b.base+"/articles/"+pub.Slug), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	wantInside("the article at 390 px", "")
	b.shotWidths("long-words-article")
}

// sendComment opens, as the editor, the page of an approved draft, fills in its comment form
// ("Was it 7 to 2?" on "7 to 2"), does before, and sends the form.
func (b *browser) sendComment(before chromedp.Action) {
	b.t.Helper()
	id := b.approvedDraft("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery),
		chromedp.SetValue(`#comment-form input[name=exact]`, "7 to 2", chromedp.ByQuery),
		chromedp.SetValue(`#comment-form textarea[name=body]`, "Was it 7 to 2?", chromedp.ByQuery),
		before)
	b.submit(`#comment-form button[type=submit]`)
}

// TestBrowserSignedOutSaysSo: a comment sent from the draft page after the sign-in has ended
// (here its cookie is gone, as when it expires) is not sent, and the page says that its sender
// is signed out and that the words are kept, rather than the sign-in page's heading.
func TestBrowserSignedOutSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.sendComment(network.ClearBrowserCookies())
	if got := b.text(`#ws-status`); !strings.Contains(got, "you are signed out") {
		t.Errorf("after sending a comment signed out, the page says %q", got)
	}
	if got := b.value(`#comment-form textarea[name=body]`); got != "Was it 7 to 2?" {
		t.Errorf("after sending a comment signed out, the comment form holds %q", got)
	}
	b.shotWidths("signed-out")
}

// TestBrowserSaveSignedOutLeadsBack: a save sent after the sign-in has ended is not done; the
// sign-in page says so rather than showing only its form, and signing in leads back to the
// draft, where the words typed are offered back, rather than to the desk.
func TestBrowserSaveSignedOutLeadsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	draftURL := b.typingDraft()
	b.edit()
	b.run(chromedp.SendKeys(`textarea[name=body]`, "Typed after the sign-in ended. ", chromedp.ByQuery), network.ClearBrowserCookies())
	b.submit(`#edit-save`)
	if got := b.text(`main`); !strings.Contains(got, "you had been signed out") {
		t.Errorf("a save sent signed out leads to a sign-in page that says %q", got)
	}
	b.shotWidths("save-signed-out")
	b.run(chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, "pw-writer-staple", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	var at string
	b.run(chromedp.Location(&at))
	if !strings.HasPrefix(at, draftURL) {
		t.Fatalf("signing in again leads to %s, not back to the draft", at)
	}
	b.run(chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery), chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body]`); !strings.Contains(got, "Typed after the sign-in ended.") {
		t.Errorf("back on the draft, restoring gives the body %q", got)
	}
}

// TestBrowserTypingSignedOutSaysSo: a writer typing when the sign-in ends is told within
// seconds, while still typing, that the changes are kept in this browser only and what Save
// will do, rather than finding out only when Save leads to the sign-in page.
func TestBrowserTypingSignedOutSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.typingDraft()
	b.edit()
	b.run(network.ClearBrowserCookies(), chromedp.SendKeys(`textarea[name=body]`, "Typed after the sign-in ended. ", chromedp.ByQuery))
	var said string
	for deadline := time.Now().Add(12 * time.Second); time.Now().Before(deadline) && !strings.Contains(said, "signed out"); time.Sleep(300 * time.Millisecond) {
		said = b.text(`#ws-status`)
	}
	if !strings.Contains(said, "You are signed out") || !strings.Contains(said, "kept in this browser") {
		t.Errorf("typing after the sign-in ended, the page says %q", said)
	}
	b.shotWidths("typing-signed-out")
}

// TestBrowserSideFormErrorSaysWhy: a form of the side pane that the server refuses with an error
// page (here a form whose token has expired) says the page's message, which says what to do,
// not only its heading ("Forbidden"), and keeps what was typed.
func TestBrowserSideFormErrorSaysWhy(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	b.sendComment(chromedp.SetValue(`#comment-form input[name=csrf]`, "expired", chromedp.ByQuery))
	if got := b.text(`#ws-status`); !strings.Contains(got, "this form has expired; reload the page and try again") {
		t.Errorf("after a comment refused with an error page, the page says %q", got)
	}
	if got := b.value(`#comment-form textarea[name=body]`); got != "Was it 7 to 2?" {
		t.Errorf("after a comment refused with an error page, the comment form holds %q", got)
	}
}

// TestBrowserPhoneLinkedQuoteShown: on a phone, a link to one quote of the ledger (the inbox's
// and the notifications' links, the brief check's) brings that quote's words into view below the
// side pane's tabs, which stay at the top of the screen: they landed at the very top, under the
// tabs, and the fact-checker saw the buttons to judge a quote whose words were hidden.
func TestBrowserPhoneLinkedQuoteShown(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	var paras []string
	for i := 1; i <= 20; i++ {
		paras = append(paras, fmt.Sprintf("“The pier needs repair number %d,” said Councillor %d.", i, i))
	}
	var d struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Pier repairs", "byline": "Sarah Johnson", "brief": "The pier needs repairs.", "body": strings.Join(paras, "\n")}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	var quotes []struct{ ID int64 }
	b.apiAs("factchecker").send("GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), nil, http.StatusOK, &quotes)
	if len(quotes) < 15 {
		t.Fatalf("the ledger has %d quotes, want 20", len(quotes))
	}
	b.signIn("factchecker")
	// shown reports where the quote's words are against the bars that stay at the top.
	shown := func(id int64) (words, bars float64) {
		b.settle()
		var at []float64
		b.run(chromedp.Evaluate(fmt.Sprintf(`[document.querySelector("#quote-%d blockquote").getBoundingClientRect().top,
			Math.max(0, ...Array.from(document.querySelectorAll("body *")).filter(e => e.getClientRects().length && ["sticky", "fixed"].includes(getComputedStyle(e).position)).map(e => e.getBoundingClientRect().bottom))]`, id), &at))
		return at[0], at[1]
	}
	b.run(chromedp.EmulateViewport(390, 844), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#quote-%d", b.base, d.ID, quotes[14].ID)), chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
	if words, bars := shown(quotes[14].ID); words < bars {
		t.Errorf("opened at a quote, its words are at %.0f px, under the bars at the top down to %.0f px", words, bars)
	}
	b.shot("phone-linked-quote")
	b.run(chromedp.Evaluate(fmt.Sprintf(`window.scrollTo(0, document.body.scrollHeight); location.hash = "#quote-%d"`, quotes[3].ID), nil))
	if words, bars := shown(quotes[3].ID); words < bars {
		t.Errorf("a link in the page to a quote leaves its words at %.0f px, under the bars at the top down to %.0f px", words, bars)
	}
}

// TestBrowserNoEmptyBarOverText: a viewer who may not edit the text (a fact-checker) reads it
// with no empty bar held over it: the toolbar, which stays at the top of the screen for Edit,
// Save and what the page says, held nothing for them and still covered a strip of the text as
// they scrolled (about 50 px, beside the tabs on a phone), until the page had something to say.
func TestBrowserNoEmptyBarOverText(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	var paras []string
	for i := 1; i <= 30; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d: the council met again and the ferry budget came up, with residents asking about the pier.", i))
	}
	var d struct{ ID int64 }
	writer := b.apiAs("writer")
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Pier repairs", "byline": "Sarah Johnson", "brief": "The pier needs repairs.", "body": strings.Join(paras, "\n")}, http.StatusCreated, &d)
	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	b.signIn("factchecker")
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 844), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
		if w == 390 {
			b.run(chromedp.Click(`#tab-text`, chromedp.ByQuery))
		}
		b.settle()
		var empty []string
		b.run(chromedp.Evaluate(`document.querySelector("#text [data-field=body] p:nth-of-type(15)").scrollIntoView(); Array.from(document.querySelectorAll("body *")).filter(e => {
			const r = e.getBoundingClientRect();
			return r.height > 0 && r.bottom > 0 && ["sticky", "fixed"].includes(getComputedStyle(e).position) && e.innerText.trim() === "";
		}).map(e => e.tagName.toLowerCase() + "." + e.className + " " + Math.round(e.getBoundingClientRect().height) + " px")`, &empty))
		if len(empty) > 0 {
			t.Errorf("at %d px empty bars stay over the text: %v", w, empty)
		}
	}
	b.shotWidths("no-empty-bar")
}
