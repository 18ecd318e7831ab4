package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// offsetChoices names the checkboxes and radio buttons shown whose box stands away from the
// start of their label, past the room of a box and its margin.
func (b *browser) offsetChoices() []string {
	b.t.Helper()
	var names []string
	b.run(chromedp.Evaluate(`Array.from(document.querySelectorAll("label > input[type=checkbox], label > input[type=radio]")).filter(i => i.getClientRects().length).filter(i => {
		const l = i.parentElement.getBoundingClientRect(), r = i.getBoundingClientRect();
		return getComputedStyle(i.parentElement).direction === "rtl" ? l.right - r.right > 12 : r.left - l.left > 12;
	}).map(i => i.name + "=" + i.value + " “" + i.parentElement.textContent.trim().slice(0, 30) + "”")`, &names))
	return names
}

// TestBrowserChoicesStartTheirLabels: on a phone, the editor's publish panel showed "publish now"
// with its radio button in the middle of the row, and "schedule for" under it at the row's
// start: a choice whose label the form made wide was centred in it. Right: every checkbox and
// radio button of the draft page stands at the start of its label, at 390 px and at 1280.
func TestBrowserChoicesStartTheirLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.approvedDraft("The ferry sails in May.")
	b.signIn("editor")
	for _, w := range []int64{390, 1280} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#publish`, chromedp.ByQuery))
		b.settle()
		if off := b.offsetChoices(); len(off) > 0 {
			t.Errorf("at %d px, choices stand away from the start of their labels: %v", w, off)
		}
		b.shot(fmt.Sprintf("choices-%d", w))
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}
