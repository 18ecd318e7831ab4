package main

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTwoEditors drives one draft from two browsers at once, each signed in as one of two
// editors, the only people the workflow lets edit a piece in Editing. Both open the draft and
// press Edit on the same version. While the second types, the first's page says so; when the
// first saves, the second's page offers the new version. Changes in different paragraphs merge
// by themselves into a revision that says it was merged, which the first's page then offers;
// changes to the same words go to the conflict page, where the second editor keeps the first's
// words, and nothing either typed is lost: every word of both texts is in the draft or in a
// revision it keeps.
func TestBrowserTwoEditors(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a, b, id := twoOnEditing(t, "The harbour council met on Tuesday night in the old town hall.\nIt voted 7 to 2 to close the ferry pier by June.\nResidents were not asked before the vote.", "chief")
	draftURL := fmt.Sprintf("%s/drafts/%d", a.base, id)

	// (a) Both edit version 1: the editor the first paragraph, the chief editor the third.
	a.openEditing(draftURL)
	b.openEditing(draftURL)
	b.retype("not asked", "never consulted")
	a.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Chief is editing this piece.")`, nil,
		chromedp.WithPollingTimeout(15*time.Second)))
	a.shotWidths("two-editors-live-editing")
	a.retype("old town hall", "packed town hall")
	aText := a.value(`#edit textarea[name=body]`)
	a.submit(`#edit-save`)
	if got := a.flash(); got != "Saved." {
		t.Fatalf("the editor's save says %q", got)
	}
	b.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Version 2 was saved by Editor. Your save will be merged with it.")`, nil,
		chromedp.WithPollingTimeout(15*time.Second)))
	b.shotWidths("two-editors-live-new-version")
	bText := b.value(`#edit textarea[name=body]`)
	b.submit(`#edit-save`)
	if got := b.flash(); got != "Saved, merged with version 2 by Editor." {
		t.Fatalf("the chief editor's stale save says %q", got)
	}
	b.shotWidths("two-editors-merged")
	b.nothingOffered(draftURL)
	a.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("Version 3 was saved by Chief.")`, nil,
		chromedp.WithPollingTimeout(15*time.Second)))
	if got := a.text(`#ws-live`); strings.Contains(got, "Chief is editing") {
		t.Errorf("after the chief editor saved, the editor's page still says %q", got)
	}
	a.run(chromedp.Click(`#ws-live button`, chromedp.ByQuery), chromedp.WaitNotVisible(`#ws-live`, chromedp.ByQuery))
	if got := a.text(`#text [data-field=body]`); !strings.Contains(got, "packed town hall") || !strings.Contains(got, "never consulted") {
		t.Errorf("the editor's page shows the merged version as %q", got)
	}
	token := a.apiToken("editor")
	var d struct {
		Body    string
		Version int
	}
	a.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "", &d)
	if want := "The harbour council met on Tuesday night in the packed town hall.\nIt voted 7 to 2 to close the ferry pier by June.\nResidents were never consulted before the vote."; d.Body != want || d.Version != 3 {
		t.Fatalf("after the merge the draft is version %d, %q; want version 3, %q", d.Version, d.Body, want)
	}
	if r := a.revisionAt(id, 3); !r.Merged || r.MergedWith != 2 || r.BaseVersion != 1 {
		t.Errorf("version 3 is %+v, want a save on version 1 merged with version 2", r)
	}
	a.keptEverything(id, aText, bText)

	// (b) Both edit version 3 and change the same words; the chief editor also adds one.
	a.openEditing(draftURL)
	b.openEditing(draftURL)
	a.retype("close the ferry pier", "demolish the ferry pier")
	b.retype("close the ferry pier", "sell the ferry pier")
	b.retype("before the vote", "before the council vote")
	b.run(chromedp.Poll(`document.getElementById("ws-kept").textContent.startsWith("Kept on the server")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	aText, bText = a.value(`#edit textarea[name=body]`), b.value(`#edit textarea[name=body]`)
	a.submit(`#edit-save`)
	if got := a.flash(); got != "Saved." {
		t.Fatalf("the editor's second save says %q", got)
	}
	b.submit(`#edit-save`)
	var at string
	b.run(chromedp.Location(&at))
	m := regexp.MustCompile(`/drafts/\d+/unmerged/(\d+)/merge$`).FindStringSubmatch(at)
	if m == nil {
		t.Fatalf("the chief editor's crossing save led to %s, not the conflict page", at)
	}
	conflict := b.text(`fieldset.conflict`)
	for _, want := range []string{"Theirs (version 4, by Editor)", "demolish the ferry pier", "Yours", "sell the ferry pier"} {
		if !strings.Contains(conflict, want) {
			t.Errorf("the conflict reads %q, want %q in it", conflict, want)
		}
	}
	if merged := b.text(`form.merge`); !strings.Contains(merged, "before the council vote") {
		t.Errorf("the conflict page does not merge the chief editor's other change: %q", merged)
	}
	b.shotWidths("two-editors-conflict")
	b.run(chromedp.Click(`input[name=choice-1][value=theirs]`, chromedp.ByQuery))
	b.submit(`form.merge button[type=submit]`)
	if got := b.flash(); got != "Saved the merged text." {
		t.Fatalf("after settling the conflict: %q", got)
	}
	b.nothingOffered(draftURL)
	if code := b.apiStatus(b.apiToken("chief"), "GET", fmt.Sprintf("/api/v1/drafts/%d/working-copy", id), "", nil); code != http.StatusNotFound {
		t.Errorf("after settling, the chief editor's working copy answers %d", code)
	}
	a.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "", &d)
	if want := "The harbour council met on Tuesday night in the packed town hall.\nIt voted 7 to 2 to demolish the ferry pier by June.\nResidents were never consulted before the council vote."; d.Body != want || d.Version != 5 {
		t.Fatalf("after settling the draft is version %d, %q; want version 5, %q", d.Version, d.Body, want)
	}
	unmerged := a.unmergedTexts(id)
	// The form shows paragraphs a blank line apart; the draft keeps them one a line.
	if len(unmerged) != 1 || unmerged[0] != strings.ReplaceAll(bText, "\n\n", "\n") {
		t.Errorf("the unmerged revisions keep %q, want the chief editor's text %q", unmerged, bText)
	}
	a.keptEverything(id, aText, bText)
}

// twoEditorsRevision is a revision as the API answers it.
type twoEditorsRevision struct {
	ID          int64
	Version     int
	BaseVersion int `json:"base_version"`
	Unmerged    bool
	Merged      bool
	MergedWith  int `json:"merged_with"`
	Text        *struct{ Title, Byline, Brief, Body string }
}

// addEditor has the admin add a second editor, who signs in with "pw-NAME-staple".
func (b *browser) addEditor(name string) {
	b.t.Helper()
	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/users"), chromedp.WaitVisible(`form[action="/admin/users"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=username]`, name, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=name]`, strings.ToUpper(name[:1])+name[1:], chromedp.ByQuery),
		chromedp.SetValue(`form[action="/admin/users"] select[name=role]`, "editor", chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=password]`, "pw-"+name+"-staple", chromedp.ByQuery))
	b.submit(`form[action="/admin/users"] button[type=submit]`)
	if got := b.flash(); got != "User "+name+" added." {
		b.t.Fatalf("adding %s: %q", name, got)
	}
	b.signOut()
}

// draftInEditing has the writer write a draft with body and send it to fact-check, and the
// fact-checker clear it, so that it is in Editing, where editors edit it.
func (b *browser) draftInEditing(body string) int64 {
	b.t.Helper()
	writer, checker := b.apiToken("writer"), b.apiToken("factchecker")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":"Council closes ferry pier","byline":"Sarah Johnson","brief":"The council voted to close the pier.","body":%q}`, body), &d)
	b.api(writer, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`, nil)
	b.api(checker, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"clear"}`, nil)
	return d.ID
}

// twoOnEditing starts the server with a writer, a fact-checker, two editors ("editor" and
// "chief") and an admin, puts a draft with body in Editing, and returns two browsers that
// accept the page's dialogs, the first signed in as the editor and the second as second.
func twoOnEditing(t *testing.T, body, second string) (a, b *browser, id int64) {
	t.Helper()
	a = startBrowser(t, "writer", "factchecker", "editor", "admin")
	a.acceptDialogs()
	a.addEditor("chief")
	id = a.draftInEditing(body)
	b = a.secondBrowser()
	b.acceptDialogs()
	a.signIn("editor")
	b.signIn(second)
	return a, b, id
}

// secondBrowser is a second Chromium on the same server, with cookies and storage of its own,
// as a second person's machine would be. Its screenshots are numbered from 51.
func (b *browser) secondBrowser() *browser {
	return &browser{t: b.t, ctx: startChromium(b.t, chromium(b.t)), base: b.base, shots: b.shots, n: 50}
}

// openEditing opens the draft page and presses Edit.
func (b *browser) openEditing(draftURL string) {
	b.t.Helper()
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	b.edit()
}

// retype selects the words old in the body being edited and types new over them.
func (b *browser) retype(old, new string) {
	b.t.Helper()
	var ok bool
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const f = document.querySelector("#edit textarea[name=body]"), at = f.value.indexOf(%q);
		if (at < 0) return false;
		f.focus();
		f.setSelectionRange(at, at + %d);
		return true;
	})()`, old, len(old)), &ok))
	if !ok {
		b.t.Fatalf("%q is not in the body being edited", old)
	}
	b.run(chromedp.SendKeys(`#edit textarea[name=body]`, new, chromedp.ByQuery))
}

// nothingOffered fails the test if, after a save went through, the draft page offers typing
// back, from this browser or from the server: the save has it.
func (b *browser) nothingOffered(draftURL string) {
	b.t.Helper()
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	if b.has(`.ws-offer`) {
		b.t.Errorf("after the save the page offers %q", b.text(`.ws-offer p`))
	}
}

// revisionAt is the draft's revision of version v, with its text.
func (b *browser) revisionAt(id int64, v int) twoEditorsRevision {
	b.t.Helper()
	var r twoEditorsRevision
	b.api(b.apiToken("editor"), "GET", fmt.Sprintf("/api/v1/drafts/%d/revisions/%d", id, v), "", &r)
	return r
}

// unmergedTexts are the bodies of the draft's unmerged revisions, as the API keeps them.
func (b *browser) unmergedTexts(id int64) []string {
	b.t.Helper()
	token := b.apiToken("editor")
	var h struct{ Revisions []twoEditorsRevision }
	b.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d/history", id), "", &h)
	var texts []string
	for _, r := range h.Revisions {
		if r.Unmerged {
			var full twoEditorsRevision
			b.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d/unmerged/%d", id, r.ID), "", &full)
			texts = append(texts, full.Text.Body)
		}
	}
	return texts
}

// keptEverything fails the test unless every word of each text is in the draft's body or in a
// revision the draft keeps: a saved version or an unmerged save.
func (b *browser) keptEverything(id int64, texts ...string) {
	b.t.Helper()
	token := b.apiToken("editor")
	var d struct{ Body string }
	b.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "", &d)
	kept := map[string]bool{}
	keep := func(s string) {
		for _, w := range strings.Fields(s) {
			kept[w] = true
		}
	}
	keep(d.Body)
	var h struct{ Revisions []twoEditorsRevision }
	b.api(token, "GET", fmt.Sprintf("/api/v1/drafts/%d/history", id), "", &h)
	for _, r := range h.Revisions {
		if !r.Unmerged {
			keep(b.revisionAt(id, r.Version).Text.Body)
		}
	}
	for _, s := range b.unmergedTexts(id) {
		keep(s)
	}
	for _, text := range texts {
		for _, w := range strings.Fields(text) {
			if !kept[w] {
				b.t.Errorf("the word %q of %q is neither in the draft nor in a kept revision", w, text)
			}
		}
	}
}

// TestBrowserCancelShowsNewerText: while the editor edits, a colleague saves words in front of
// a thread, and the editor's reply in that thread brings the newer page's threads but not its
// text (it is being edited). Cancelling the edit then shows the colleague's text, the thread
// marks its own words in it, and pressing Edit again starts from that text, not the old one.
func TestBrowserCancelShowsNewerText(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	body := "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\nThe opposition called it a floating white elephant."
	a, _, id := twoOnEditing(t, body, "chief")
	ed, chief := a.apiToken("editor"), a.apiToken("chief")
	start := len([]rune(body[:strings.Index(body, "floating")]))
	var c struct{ ID int64 }
	a.api(ed, "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id),
		fmt.Sprintf(`{"field":"body","start":%d,"end":%d,"body":"Fair?"}`, start, start+len("floating white elephant")), &c)
	a.openEditing(fmt.Sprintf("%s/drafts/%d", a.base, id))
	var d struct{ Version int }
	a.api(chief, "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "", &d)
	a.api(chief, "PUT", fmt.Sprintf("/api/v1/drafts/%d", id), fmt.Sprintf(`{"body":%q,"version":%d}`, "BREAKING: "+body, d.Version), nil)

	thread := fmt.Sprintf("#comment-%d", c.ID)
	a.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const f = document.querySelector("%s .reply-form");
		f.elements.body.value = "I agree";
		f.requestSubmit();
	})()`, thread), nil))
	a.run(chromedp.WaitReady(thread+" p.reply", chromedp.ByQuery))
	a.run(chromedp.Evaluate(`document.getElementById("edit-cancel").click()`, nil))
	a.run(chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	if got := a.text(`#text [data-field=body]`); !strings.HasPrefix(got, "BREAKING: ") {
		t.Errorf("after the cancel the text reads %q, not the colleague's newer version", got)
	}
	var marked string
	a.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector("%s p.body").click()`, thread), nil),
		chromedp.Evaluate(`[...document.querySelectorAll("#text mark.ws-focus")].map(m => m.textContent).join("|")`, &marked))
	if marked != "floating white elephant" {
		t.Errorf("the thread on “floating white elephant” marks %q", marked)
	}
	a.edit()
	if got := a.value(`#edit textarea[name=body]`); !strings.HasPrefix(got, "BREAKING: ") {
		t.Errorf("editing again starts from %q, the text from before the colleague's save", got)
	}
}
