package main

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// harbourPhoto writes a 1600 × 1000 JPEG that looks enough like a photo to judge a layout by: a
// sky, a sea and a sun, and returns its path.
func harbourPhoto(t *testing.T) string {
	t.Helper()
	const w, h = 1600, 1000
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{R: byte(250 - y/8), G: byte(170 - y/10), B: byte(110 + y/9), A: 255}
			if y > h*3/5 {
				c = color.RGBA{R: 20, G: byte(60 + (y-h*3/5)/6), B: byte(110 + 20*math.Sin(float64(x)/23)), A: 255}
			}
			if dx, dy := float64(x-1100), float64(y-420); dx*dx+dy*dy < 90*90 {
				c = color.RGBA{R: 255, G: 214, B: 120, A: 255}
			}
			m.Set(x, y, c)
		}
	}
	path := filepath.Join(t.TempDir(), "harbour.jpg")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBrowserLeadImage drives a lead image in headless Chromium: the writer's upload without alt
// text is refused with the caption and credit kept, then taken; once the piece is published its
// article page shows the figure, and the front page its thumbnail, each loaded by the browser.
func TestBrowserLeadImage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	writer := b.apiAs("writer")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]string{"title": "Ferry crosses the harbour at dawn", "byline": "Writer",
		"brief": "The new ferry made its first crossing.", "body": "The new ferry left the quay at six.\n\nIt crossed in twenty minutes."}, 201, &d)
	photo := harbourPhoto(t)
	form := `#image-form`

	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#image", b.base, d.ID)), chromedp.WaitVisible(form, chromedp.ByQuery),
		chromedp.SetUploadFiles(form+` input[type=file]`, []string{photo}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=caption]`, "The ferry leaves the quay.", chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=credit]`, "Ana Ruiz", chromedp.ByQuery),
		// The browser would refuse the form itself; the server's refusal is what is tested.
		chromedp.Evaluate(`document.querySelector("#image-form input[name=alt]").required = false`, nil))
	b.submit(form + ` button[type=submit]`)
	if got := b.text(`.error`); !strings.Contains(got, "alt text") {
		t.Fatalf("after an upload without alt text: %q", got)
	}
	if got := b.value(form + ` input[name=credit]`); got != "Ana Ruiz" {
		t.Fatalf("the credit typed came back as %q", got)
	}
	b.shotWidths("draft-image-refused")
	b.run(chromedp.SetUploadFiles(form+` input[type=file]`, []string{photo}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=alt]`, "The white ferry leaving the quay under a low orange sun", chromedp.ByQuery))
	b.submit(form + ` button[type=submit]`)
	if got := b.flash(); !strings.HasPrefix(got, "Image saved") {
		t.Fatalf("after the upload: %q", got)
	}
	b.wantLoaded(`#image img`)
	b.shotWidths("draft-image")

	writer.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "submit"}, 200, nil)
	b.apiAs("factchecker").send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "clear"}, 200, nil)
	editor := b.apiAs("editor")
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), map[string]string{"action": "approve"}, 200, nil)
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), map[string]string{}, 200, nil)

	b.run(chromedp.Navigate(b.base+"/articles/ferry-crosses-the-harbour-at-dawn"), chromedp.WaitVisible(`figure.lead img`, chromedp.ByQuery))
	b.wantLoaded(`figure.lead img`)
	if got := b.text(`figure.lead figcaption`); !strings.EqualFold(got, "The ferry leaves the quay. Ana Ruiz") {
		t.Fatalf("figcaption %q", got)
	}
	b.shotWidths("article-image")
	b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`img.thumb`, chromedp.ByQuery))
	b.wantLoaded(`img.thumb`)
	b.shotWidths("front-thumbnail")
}

// wantLoaded waits for the image sel to have loaded, and fails the test if it does not.
func (b *browser) wantLoaded(sel string) {
	b.t.Helper()
	var ok bool
	js := fmt.Sprintf(`new Promise(r => { const i = document.querySelector(%q); if (i.complete) r(i.naturalWidth > 0); else { i.onload = () => r(true); i.onerror = () => r(false); } })`, sel)
	b.run(chromedp.Evaluate(js, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if !ok {
		b.t.Fatalf("%s did not load", sel)
	}
}

// TestBrowserLeadImageAfterActions opens a writer's draft, whose lead image the writer may set,
// at a phone's width and a desktop's: the image's upload form comes after the text and after the
// actions, with the piece's other settings, as WordPress's featured image does, so that a writer
// reaches what to do next without scrolling past it, and Tab goes from the last action into it.
// At a desktop's width it stays under the text, out of the bar of actions above it.
func TestBrowserLeadImageAfterActions(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]string{"title": "Ferry crosses the harbour at dawn", "byline": "Writer",
		"brief": "The new ferry made its first crossing.", "body": "The new ferry left the quay at six.\n\nIt crossed in twenty minutes."}, 201, &d)
	b.signIn("writer")
	for _, w := range []int64{390, 1280} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
		b.settle()
		var at struct{ Image, Text, Actions, ActionsTop float64 }
		b.run(chromedp.Evaluate(`(() => { const r = s => document.querySelector(s).getBoundingClientRect();
			return {Image: r("#image-form").top, Text: r("#text").bottom, Actions: r("#ws-actions").bottom, ActionsTop: r("#ws-actions").top}; })()`, &at))
		if at.Image < at.Text {
			t.Errorf("at %d px the image's form (at %.0f px) comes before the end of the text (%.0f px)", w, at.Image, at.Text)
		}
		if w == 390 && at.Image < at.Actions {
			t.Errorf("at %d px the image's form (at %.0f px) comes before the end of the actions (%.0f px): a writer scrolls past it to act", w, at.Image, at.Actions)
		}
		if w == 1280 && at.Image < at.ActionsTop {
			t.Errorf("at %d px the image's form (at %.0f px) is above the actions (%.0f px)", w, at.Image, at.ActionsTop)
		}
		if out := b.outside(""); len(out) > 0 {
			t.Errorf("at %d px these reach past the right edge: %v", w, out)
		}
		if w == 390 {
			b.run(chromedp.Evaluate(`[...document.querySelectorAll("#ws-actions :is(button, summary, input:not([type=hidden]), textarea, select)")].filter(e => e.checkVisibility()).pop().focus()`, nil),
				chromedp.KeyEvent("\t"))
			if !b.focusIn(`#image`) {
				t.Errorf("at %d px Tab from the last action goes to %s, not to the lead image's form", w, b.focusedName())
			}
		}
		b.shot(fmt.Sprintf("lead-image-after-actions-%d", w))
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserLeadImageUndoRemove removes a lead image a writer uploaded with its alt text,
// caption and credit, as a colleague might by mistake: the page names what went and offers Undo
// where the image stood, and Undo brings the image back with all three, as Google Docs' undo
// would, rather than asking first on every removal. A replacement is undone the same way, and
// the replacement is then offered back in its turn.
func TestBrowserLeadImageUndoRemove(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]string{"title": "Ferry crosses the harbour at dawn", "byline": "Writer",
		"brief": "The new ferry made its first crossing.", "body": "The new ferry left the quay at six.\n\nIt crossed in twenty minutes."}, 201, &d)
	const alt, caption, credit = "The white ferry leaving the quay under a low orange sun", "The ferry leaves the quay.", "Ana Ruiz"
	form := `#image-form`
	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#image", b.base, d.ID)), chromedp.WaitVisible(form, chromedp.ByQuery),
		chromedp.SetUploadFiles(form+` input[type=file]`, []string{harbourPhoto(t)}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=alt]`, alt, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=caption]`, caption, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=credit]`, credit, chromedp.ByQuery))
	b.submit(form + ` button[type=submit]`)
	b.wantLoaded(`#image img`)

	b.submit(`form[action$="/image/remove"] button`)
	if got := b.flash(); !strings.Contains(got, "Undo") {
		t.Fatalf("the flash after a removal does not say how to undo it: %q", got)
	}
	if b.has(`#image img`) {
		t.Fatal("the image still shows after its removal")
	}
	// The page opens at the image's panel: the keyboard's next stop is Undo.
	b.run(chromedp.KeyEvent("\t"))
	if !b.focusIn(`#image-removed`) {
		t.Errorf("Tab after the removal goes to %s, not to Undo", b.focusedName())
	}
	removed := b.text(`#image-removed`)
	for _, want := range []string{alt, caption, credit} {
		if !strings.Contains(removed, want) {
			t.Errorf("what the removal took does not name %q: %q", want, removed)
		}
	}
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("these reach past the right edge: %v", out)
	}
	b.shotWidths("draft-image-removed")
	b.run(chromedp.EmulateViewport(390, 900))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the right edge: %v", out)
	}
	b.run(chromedp.EmulateViewport(1280, 900))

	b.submit(`#image-removed button`)
	if got := b.flash(); !strings.HasPrefix(got, "Image back") {
		t.Fatalf("after Undo: %q", got)
	}
	b.wantLoaded(`#image img`)
	if got := b.attr(`#image img`, "alt"); got != alt {
		t.Errorf("the image came back with alt text %q", got)
	}
	// The credit shows in capitals, which the text read from the page carries.
	if got := strings.ToLower(b.text(`#image figcaption`)); !strings.Contains(got, strings.ToLower(caption)) || !strings.Contains(got, strings.ToLower(credit)) {
		t.Errorf("the image came back with the caption and credit %q", got)
	}
	if b.has(`#image-removed`) {
		t.Error("Undo is still offered once the image is back")
	}
	b.shotWidths("draft-image-undone")

	// A colleague's replacement takes the image and its words too: Undo brings them back.
	b.run(chromedp.SetUploadFiles(form+` input[type=file]`, []string{harbourPhoto(t)}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=alt]`, "Another ferry", chromedp.ByQuery))
	b.submit(form + ` button[type=submit]`)
	if got := b.attr(`#image img`, "alt"); got != "Another ferry" {
		t.Fatalf("after the replacement the image's alt text is %q", got)
	}
	if !b.has(`#image-removed`) {
		t.Fatal("after a replacement nothing offers the replaced image back")
	}
	replaced := b.text(`#image-removed`)
	for _, want := range []string{"Replaced", alt, caption, credit} {
		if !strings.Contains(replaced, want) {
			t.Errorf("what the replacement took does not name %q: %q", want, replaced)
		}
	}
	b.shotWidths("draft-image-replaced")
	b.submit(`#image-removed button`)
	if got := b.attr(`#image img`, "alt"); got != alt {
		t.Errorf("Undo replace brings back the image with alt text %q", got)
	}
	if got := strings.ToLower(b.text(`#image figcaption`)); !strings.Contains(got, strings.ToLower(caption)) || !strings.Contains(got, strings.ToLower(credit)) {
		t.Errorf("Undo replace brings back the caption and credit %q", got)
	}
	if got := b.text(`#image-removed`); !strings.Contains(got, "Another ferry") {
		t.Errorf("after Undo replace, the replacement is not offered back: %q", got)
	}

	// The history says who changed the image, to what: each change is a line of its own.
	b.run(chromedp.Click(`#tab-history`, chromedp.ByQuery), chromedp.WaitVisible(`#history .audit`, chromedp.ByQuery))
	// Each image's label is isolated, in the text too, by U+2068 and U+2069.
	unisolated := strings.NewReplacer("\u2068", "", "\u2069", "")
	history := unisolated.Replace(b.text(`#history .audit`))
	for _, want := range []string{"Added the lead image harbour.jpg", "Removed the lead image harbour.jpg", "Restored the lead image harbour.jpg",
		"Replaced the lead image harbour.jpg (“The white ferry", "with harbour.jpg (“Another ferry”)", "in place of harbour.jpg (“Another ferry”)"} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q:\n%s", want, history)
		}
	}
	// A file's name of no spaces, as long as a history keeps one, wraps rather than widen the page.
	long := filepath.Join(t.TempDir(), strings.Repeat("ferry", 40)+".jpg")
	photo, err := os.ReadFile(harbourPhoto(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(long, photo, 0o600); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.SetUploadFiles(form+` input[type=file]`, []string{long}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=alt]`, "A third ferry", chromedp.ByQuery))
	b.submit(form + ` button[type=submit]`)
	b.run(chromedp.Click(`#tab-history`, chromedp.ByQuery), chromedp.WaitVisible(`#history .audit`, chromedp.ByQuery))
	if got := unisolated.Replace(b.text(`#history .audit li`)); !strings.Contains(got, "with ferryferry") || !strings.Contains(got, "…") {
		t.Errorf("the history names the long file as %q", got)
	}
	b.shotWidths("draft-image-history")
	b.run(chromedp.EmulateViewport(390, 900))
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the right edge: %v", out)
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserLeadImageKeepsTyping removes the lead image while the text holds typing not saved,
// at once, before the page's pause to keep it has passed: the form leaves the page without
// asking, and the page it leads to offers the typing back, which Restore puts in the text.
func TestBrowserLeadImageKeepsTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]string{"title": "Ferry crosses the harbour at dawn", "byline": "Writer",
		"brief": "The new ferry made its first crossing.", "body": "The new ferry left the quay at six."}, 201, &d)
	form := `#image-form`
	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d#image", b.base, d.ID)), chromedp.WaitVisible(form, chromedp.ByQuery),
		chromedp.SetUploadFiles(form+` input[type=file]`, []string{harbourPhoto(t)}, chromedp.ByQuery),
		chromedp.SendKeys(form+` input[name=alt]`, "The white ferry at the quay", chromedp.ByQuery))
	b.submit(form + ` button[type=submit]`)
	b.edit()
	const typed = " It crossed in twenty minutes."
	b.run(chromedp.SendKeys(`textarea[name=body]`, typed, chromedp.ByQuery))
	b.submit(`form[action$="/image/remove"] button`)
	wait, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if err := chromedp.Run(wait, chromedp.WaitVisible(`.ws-offer button`, chromedp.ByQuery)); err != nil {
		t.Fatalf("after the image's form left the page, the typing in the text is not offered back: %v", err)
	}
	b.shotWidths("draft-image-removed-typing-offered")
	b.run(chromedp.Click(`.ws-offer button`, chromedp.ByQuery))
	if got := b.value(`textarea[name=body]`); !strings.Contains(got, strings.TrimSpace(typed)) {
		t.Errorf("Restore gives the body %q, without what was typed", got)
	}
}
