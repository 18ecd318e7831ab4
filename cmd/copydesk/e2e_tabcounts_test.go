package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserQuotesTabCountsWhatIsLeft: the Quotes tab tells a fact-checker how many quotes wait
// for their check, and it keeps count as they check them from the ledger, whose forms update
// their own panel without a reload, at a desktop's width and a phone's: a tab that still said a
// quote waited once none did sent them hunting for it. The header's counts (the inbox, the
// unread notifications) keep up too.
func TestBrowserQuotesTabCountsWhatIsLeft(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	writer := b.apiAs("writer")
	b.signIn("factchecker")
	for _, width := range []int64{1280, 390} {
		var d struct{ ID int64 }
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
			"brief": "The council voted for the ferry.", "body": "“We waited ten years for this,” said Mayor Ana Ruiz.\n\n“Fares stay as they are,” the mayor added."},
			http.StatusCreated, &d)
		writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]any{"action": "submit"}, http.StatusOK, nil)
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)),
			chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery))
		if width == 390 {
			b.run(chromedp.Click(`#tab-quotes`, chromedp.ByQuery))
		}
		quotes := b.count(`#quotes .quote-row`)
		for left := quotes; left >= 0; left-- {
			badge, said := "", ""
			if left > 0 {
				badge, said = fmt.Sprint(left), fmt.Sprintf("(%d to check)", left)
			}
			if got := strings.TrimSpace(b.text(`#tab-quotes`)); !strings.Contains(got, said) || (left == 0 && strings.Contains(got, "to check")) {
				t.Errorf("at %d px with %d quotes left to check the Quotes tab reads %q, want it to say %q", width, left, got, said)
			}
			var shown string
			b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#tab-quotes .ws-due")).map(e => e.textContent).join(" ")`, &shown))
			if shown != badge {
				t.Errorf("at %d px with %d quotes left to check the Quotes tab's badge shows %q, want %q", width, left, shown, badge)
			}
			if left == 0 {
				break
			}
			checked := b.count(`#quotes .quote-verdict .status-verified`)
			b.run(chromedp.Click(`#quotes .quote-row:has(.quote-verdict .status-unchecked) .verdicts button[value="verified"]`, chromedp.ByQuery))
			b.run(chromedp.Poll(fmt.Sprintf(`document.querySelectorAll("#quotes .quote-verdict .status-verified").length > %d`, checked), nil))
		}
		b.shot(fmt.Sprintf("quotes-tab-all-checked-%d", width))
		var before, after string
		header := `Array.from(document.querySelectorAll("header .inbox-link, header .bell")).map(a => a.textContent + "|" + a.getAttribute("aria-label")).join(" ")`
		b.run(chromedp.Evaluate(header, &before), chromedp.Reload(), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery), chromedp.Evaluate(header, &after))
		if before != after {
			t.Errorf("at %d px the header read %q once every quote was checked, where the page reloaded reads %q", width, before, after)
		}
	}
}

// TestBrowserCommentsTabSaysWhatWaits: the Comments tab tells the writer of a piece how many of
// its threads wait for their answer, the threads their inbox lists for it, at a desktop's width
// and a phone's, where the threads are a tap away; a reply sent from the panel takes its thread
// off the count, and a colleague the thread does not wait on sees no count.
func TestBrowserCommentsTabSaysWhatWaits(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor")
	writer, editor := b.apiAs("writer"), b.apiAs("editor")
	waiting := func(who apiUser, id int64) int {
		var in struct {
			Entries []struct {
				Kind  string
				Piece struct{ ID int64 }
			}
		}
		who.send("GET", "/api/v1/inbox", nil, http.StatusOK, &in)
		n := 0
		for _, e := range in.Entries {
			if e.Kind == "threads" && e.Piece.ID == id {
				n++
			}
		}
		return n
	}
	badge := func() (shown, said string) {
		b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("#tab-comments .ws-due")).map(e => e.textContent).join(" ")`, &shown),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#tab-comments .visually-hidden")).map(e => e.textContent).join(" ")`, &said))
		return shown, said
	}
	for _, width := range []int64{1280, 390} {
		var d struct{ ID int64 }
		writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
			"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the ferry on Tuesday night."}, http.StatusCreated, &d)
		var c struct{ ID int64 }
		for _, words := range []string{"7 to 2", "Tuesday night"} {
			editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), map[string]any{"field": "body", "quote": map[string]string{"exact": words},
				"body": "Which minutes say " + words + "?"}, http.StatusCreated, &c)
		}
		page := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)

		b.signIn("writer")
		b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(page), chromedp.WaitVisible(`#tab-comments`, chromedp.ByQuery))
		want := waiting(writer, d.ID)
		if want == 0 {
			t.Fatal("the writer's inbox lists no thread of the piece waiting for them")
		}
		if shown, said := badge(); shown != fmt.Sprint(want) || !strings.Contains(said, fmt.Sprintf("%d waiting for your answer", want)) {
			t.Errorf("at %d px with %d threads waiting for the writer the Comments tab shows %q and says %q", width, want, shown, said)
		}
		b.shot(fmt.Sprintf("comments-tab-waiting-%d", width))
		// A click on a thread opens it, folding the others, and shows its words in the text, which
		// on a phone is a tab of its own.
		reply := fmt.Sprintf(`#comment-%d .reply-form input[name=body]`, c.ID)
		b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector("#comment-%d .body").click()`, c.ID), nil))
		if width == 390 {
			b.run(chromedp.Click(`#tab-comments`, chromedp.ByQuery))
		}
		b.run(chromedp.WaitVisible(reply, chromedp.ByQuery),
			chromedp.SendKeys(reply, "The minutes of the 3 March meeting.", chromedp.ByQuery),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector("#comment-%d form.reply-form").requestSubmit()`, c.ID), nil),
			chromedp.Poll(`document.getElementById("threads").textContent.includes("3 March meeting") && !document.querySelector("[aria-busy]")`, nil))
		want = waiting(writer, d.ID)
		if shown, _ := badge(); shown != fmt.Sprint(want) || want == 0 && shown != "" {
			t.Errorf("at %d px after the writer answered one thread, %d waits, and the Comments tab shows %q", width, want, shown)
		}
		b.shot(fmt.Sprintf("comments-tab-answered-%d", width))

		b.signOut()
		b.signIn("editor")
		b.run(chromedp.Navigate(page), chromedp.WaitVisible(`#tab-comments`, chromedp.ByQuery))
		if shown, said := badge(); waiting(editor, d.ID) == 0 && (shown != "" || said != "") {
			t.Errorf("at %d px the editor, whom no thread waits on, reads on the Comments tab %q (%q)", width, shown, said)
		}
		b.signOut()
	}
}
