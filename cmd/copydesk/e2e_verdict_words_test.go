package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// verdictWords is a piece whose first quote a fact-checker checks while its writer changes that
// quote's words: the writer's token, the draft's id and address, and the words before and after.
type verdictWords struct {
	b                     *browser
	writer, checker       string
	id                    int64
	url, body, said, news string
}

func newVerdictWords(b *browser) *verdictWords {
	v := &verdictWords{b: b, writer: b.apiToken("writer"), checker: b.apiToken("factchecker"),
		said: "We waited ten years for this,", news: "We waited twelve years for this,"}
	v.body = "“" + v.said + "” said Mayor Ana Ruiz.\nThe harbour council voted 7 to 2 for the ferry."
	var d struct{ ID int64 }
	b.api(v.writer, "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted for the ferry.","body":%q}`, v.body), &d)
	b.api(v.writer, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`, nil)
	v.id, v.url = d.ID, fmt.Sprintf("%s/drafts/%d", b.base, d.ID)
	return v
}

// rewrite has the piece sent back to its writer, who changes the quote's words and sends it on
// to fact-check again.
func (v *verdictWords) rewrite() {
	path := fmt.Sprintf("/api/v1/drafts/%d", v.id)
	v.b.api(v.checker, "POST", path+"/transitions", `{"action":"return","note":"Check the mayor's words against the tape."}`, nil)
	var cur struct{ Version int }
	v.b.api(v.writer, "GET", path, "", &cur)
	v.b.api(v.writer, "PUT", path, fmt.Sprintf(`{"body":%q,"version":%d}`, strings.Replace(v.body, v.said, v.news, 1), cur.Version), nil)
	v.b.api(v.writer, "POST", path+"/transitions", `{"action":"submit"}`, nil)
}

// quote is the piece's first quote as the API gives it.
func (v *verdictWords) quote() (q struct {
	ID                 int64
	Text, Status, Note string
}) {
	var qs []struct {
		ID                 int64
		Text, Status, Note string
	}
	v.b.api(v.checker, "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", v.id), "", &qs)
	if len(qs) == 0 {
		v.b.t.Fatal("the piece has no quotes")
	}
	return qs[0]
}

// words are the quote's words a quote form sends, or "" when it sends none.
func (v *verdictWords) words(form string) string {
	v.b.t.Helper()
	var words string
	v.b.run(chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {value: ""}).value`, form+` input[name=text]`), &words))
	return words
}

// refused checks that the page says the verdict sent was refused for the words now, with the
// note typed still in the form, which now carries those words, and that the quote is unchecked.
func (v *verdictWords) refused(form, note string) {
	t := v.b.t
	t.Helper()
	if q := v.quote(); q.Status != "unchecked" || q.Text != v.news {
		t.Fatalf("the verdict made on %q was given to %q: %+v", v.said, v.news, q)
	}
	want := "This quotation changed since you opened the page: it now reads “" + v.news + "”. Your note is kept below; check the new words."
	if said := v.b.text(`#ws-status`) + v.b.text(`#ws-side-status`); !strings.Contains(said, want) {
		t.Errorf("the page says %q, want %q", said, want)
	}
	if got := v.b.value(form + ` input[name=note]`); got != note {
		t.Errorf("the note reads %q after the refusal, not what was typed", got)
	}
	if got := v.words(form); got != v.news {
		t.Errorf("the form sends the verdict on %q, not on the words the page now shows", got)
	}
	if got := v.b.text(`#quotes .quote-row:first-child blockquote`); !strings.Contains(got, v.news) {
		t.Errorf("the ledger shows %q, not the words now", got)
	}
}

// TestBrowserVerdictOnChangedWords: a fact-checker whose page was opened before the writer
// changed a quote's words, and who then marks it Verified with a note, is refused, told what the
// words now are, and keeps the note in the form; sent again, the verdict is on the new words.
func TestBrowserVerdictOnChangedWords(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	v := newVerdictWords(b)
	const note = "Matches the council recording at 00:14:02."
	form := `#quotes .quote-row:first-child form.quote-check`
	b.signIn("factchecker")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(v.url), chromedp.WaitVisible(form+` input[name=note]`, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=note]`, note, chromedp.ByQuery))
	v.rewrite()
	b.submit(form + ` button[value=verified]`)
	v.refused(form, note)
	b.shot("verdict-on-changed-words-1280")

	b.submit(form + ` button[value=verified]`)
	if q := v.quote(); q.Status != "verified" || q.Text != v.news || q.Note != note {
		t.Errorf("sent again on the words shown, the verdict left %+v", q)
	}
}

// TestBrowserKeptVerdictKeepsItsWords: a note typed on a quote and left unsent is kept with the
// words the page showed, and Restore puts them back, so that, the words changed meanwhile, the
// verdict sent from the restored copy is refused rather than given to words never read. It runs
// on a phone's width, where the ledger is a tab of its own.
func TestBrowserKeptVerdictKeepsItsWords(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	b.acceptDialogs()
	v := newVerdictWords(b)
	const note = "Matches the council recording at 00:14:02."
	form := `#quotes .quote-row:first-child form.quote-check`
	b.signIn("factchecker")
	ledger := chromedp.Tasks{chromedp.Navigate(v.url), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery), chromedp.Click(`#tab-quotes`, chromedp.ByQuery),
		chromedp.WaitVisible(form+` input[name=note]`, chromedp.ByQuery)}
	b.run(chromedp.EmulateViewport(390, 900), ledger, chromedp.SendKeys(form+` input[name=note]`, note, chromedp.ByQuery),
		chromedp.Sleep(time.Second), chromedp.Navigate(b.base+"/desk"))
	v.rewrite()

	offer := fmt.Sprintf(`[data-offer$=":form:quote-%d"]`, v.quote().ID)
	b.run(ledger, chromedp.Sleep(500*time.Millisecond))
	if !b.has(offer) {
		t.Fatal("the note typed is not offered back")
	}
	b.run(chromedp.Click(offer+` button`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	if got := v.words(form); got != v.said {
		t.Fatalf("the restored note is on %q, not on the words it was typed on", got)
	}
	// On a phone the page says how a send went above the side pane (b.submit waits for the
	// desktop's place).
	b.run(chromedp.Click(form+` button[value=verified]`, chromedp.ByQuery), chromedp.WaitVisible(`#ws-side-status.error`, chromedp.ByQuery))
	v.refused(form, note)
	b.shot("kept-verdict-on-changed-words-390")
}

// TestBrowserWaiverOnWordsChangedAway: an editor types a waiver on a disputed quote whose words
// an edit then changes, which takes the quote back to unchecked and so takes the waive form away.
// Sent, the waiver is refused: the page says so, that nothing was recorded, and holds the note to
// copy, and the ledger is shown as it is now, without the form that could only be refused again.
// It runs at a desktop's width and a phone's, where the ledger is a tab of its own.
func TestBrowserWaiverOnWordsChangedAway(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	for _, width := range []int64{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			b := startBrowser(t, "writer", "factchecker", "editor")
			v := newVerdictWords(b)
			path := fmt.Sprintf("/api/v1/drafts/%d", v.id)
			b.api(v.checker, "PUT", fmt.Sprintf("%s/quotes/%d", path, v.quote().ID), fmt.Sprintf(`{"status":"disputed","note":"Not on the tape.","text":%q}`, v.said), nil)
			b.api(v.checker, "POST", path+"/transitions", `{"action":"clear"}`, nil)
			const note = "Both wordings are on the record, per counsel."
			form := `#quotes .quote-row:first-child form[action$="/waive"]`
			b.signIn("editor")
			b.run(chromedp.EmulateViewport(width, 900), chromedp.Navigate(v.url), chromedp.WaitVisible(`#tab-quotes`, chromedp.ByQuery), chromedp.Click(`#tab-quotes`, chromedp.ByQuery),
				chromedp.WaitVisible(form+` input[name=note]`, chromedp.ByQuery), chromedp.SendKeys(form+` input[name=note]`, note, chromedp.ByQuery))
			editor := b.apiToken("editor")
			var cur struct{ Version int }
			b.api(editor, "GET", path, "", &cur)
			b.api(editor, "PUT", path, fmt.Sprintf(`{"body":%q,"version":%d}`, strings.Replace(v.body, v.said, v.news, 1), cur.Version), nil)
			// On a phone the page says how a send went above the side pane (b.submit waits for the
			// desktop's place).
			b.run(chromedp.Click(form+` button`, chromedp.ByQuery), chromedp.WaitVisible(`.ws-status.error`, chromedp.ByQuery))

			if q := v.quote(); q.Status != "unchecked" || q.Text != v.news {
				t.Fatalf("the waiver typed on %q left the quote %+v", v.said, q)
			}
			want := "This quotation changed since you opened the page: it now reads “" + v.news +
				"”, and it is no longer disputed, so there is nothing to waive; nothing was recorded. Your note: “" + note + "”."
			if said := b.text(`#ws-status`) + b.text(`#ws-side-status`); !strings.Contains(said, want) {
				t.Errorf("the page says %q, want %q", said, want)
			}
			if b.has(form) {
				t.Error("the waive form is still on the page, to be refused again however often it is sent")
			}
			if got := b.text(`#quotes .quote-row:first-child blockquote`); !strings.Contains(got, v.news) {
				t.Errorf("the ledger shows %q, not the words now", got)
			}
			b.shot(fmt.Sprintf("waiver-on-words-changed-away-%d", width))
		})
	}
}
