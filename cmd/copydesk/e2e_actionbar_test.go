package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserActionBarNoteGrows types a five-line reason into each note of the actions bar over
// the text, at a desktop's width: each box grows to show every line, not one line with the rest
// scrolled away inside it.
func TestBrowserActionBarNoteGrows(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	n := b.count(`#actions textarea[name=note]`)
	if n == 0 {
		t.Fatal("the editor's actions have no note box to type a reason in")
	}
	b.run(chromedp.Evaluate(`document.querySelectorAll("#actions textarea[name=note]").forEach((e, i) => e.dataset.note = i)`, nil))
	for i := range n {
		sel := fmt.Sprintf(`#actions textarea[data-note="%d"]`, i)
		before := b.height(sel)
		b.run(chromedp.Click(sel, chromedp.ByQuery), chromedp.SendKeys(sel, "line one\nline two\nline three\nline four\nline five", chromedp.ByQuery))
		var box struct{ Client, Scroll, Height float64 }
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return {Client: e.clientHeight, Scroll: e.scrollHeight, Height: e.getBoundingClientRect().height}; })()`, sel), &box))
		if box.Scroll > box.Client+1 || box.Height <= before {
			t.Errorf("note %d: after five lines the box is %.0f px tall (it was %.0f px) and its text %.0f px, scrolled inside it", i, box.Height, before, box.Scroll)
		}
	}
	b.shot("action-bar-note-five-lines")
}
