package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRefusedSaveAtItsField saves the draft page's text with one field the server
// refuses, at a desktop's width and a phone's: the page comes back with the reason next to that
// field (not only at the top of the page, far from a field low on it), tied to it (aria-invalid,
// aria-describedby), the keyboard in it, and what was typed there kept.
func TestBrowserRefusedSaveAtItsField(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the new ferry on Tuesday night."}, http.StatusCreated, &d)
	b.signIn("writer")
	for _, tc := range []struct {
		name, field, typed string
		width              int64
	}{
		{"TitleTooLong", "title", strings.Repeat("Ferry ", 50) + "plan", 1280},
		{"LanguageNotATag", "language", "harbour english", 1280},
		{"TitleTooLongOnAPhone", "title", strings.Repeat("Ferry ", 50) + "plan", 390},
		{"LanguageOnAPhone", "language", "harbour english", 390},
	} {
		t.Run(tc.name, func(t *testing.T) {
			field := fmt.Sprintf(`#edit [name=%s]`, tc.field)
			b.run(chromedp.EmulateViewport(tc.width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
			b.edit()
			b.run(chromedp.SetValue(field, tc.typed, chromedp.ByQuery))
			b.submit(`#edit-save`)
			b.wantRefusedAt(tc.name, field, tc.field, tc.typed)
			b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery))
		})
	}
}

// wantRefusedAt checks the page a refused form brought: the message stands next to the field
// sel (named name), describes it, the field is marked invalid and has the keyboard, both are on
// the screen, and the field holds typed.
func (b *browser) wantRefusedAt(shot, sel, name, typed string) {
	t := b.t
	t.Helper()
	var got struct {
		Focused, Value, Message, Described, Invalid string
		Gap, Bottom, Height                         float64
	}
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const f = document.querySelector(%q), m = document.getElementById("error-" + %q);
		const fb = f.getBoundingClientRect(), mb = m ? m.getBoundingClientRect() : {top: -1e6, bottom: 1e6};
		return {Focused: document.activeElement.name || document.activeElement.tagName, Value: f.value, Message: m && m.getClientRects().length ? m.textContent : "",
			Described: f.getAttribute("aria-describedby") || "", Invalid: f.getAttribute("aria-invalid") || "",
			Gap: mb.top - fb.bottom, Bottom: Math.max(mb.bottom, fb.bottom), Height: window.innerHeight};
	})()`, sel, name), &got))
	b.shot("refused-" + shot)
	if got.Message == "" {
		t.Fatalf("no message shown with the %s field", name)
	}
	if got.Gap < -1 || got.Gap > 48 {
		t.Errorf("the message %q stands %.0f px from the %s field, not next to it", got.Message, got.Gap, name)
	}
	if !strings.Contains(" "+got.Described+" ", " error-"+name+" ") || got.Invalid != "true" {
		t.Errorf("the %s field is described by %q, aria-invalid %q", name, got.Described, got.Invalid)
	}
	if got.Focused != name {
		t.Errorf("after the refusal the keyboard is at %s, not the %s field", got.Focused, name)
	}
	if got.Bottom > got.Height || got.Bottom < 0 {
		t.Errorf("the field and its message end at %.0f px, out of the screen (%.0f px)", got.Bottom, got.Height)
	}
	if got.Value != typed {
		t.Errorf("the %s field holds %q, not what was typed", name, got.Value)
	}
}

// TestBrowserRefusedNewDraftAtItsField: the new draft's form, refused for a field, shows the
// reason there and takes the keyboard there, as the draft page's does, keeping what was typed.
func TestBrowserRefusedNewDraftAtItsField(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	b.signIn("writer")
	long := strings.Repeat("Ferry ", 200)
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
			chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
			chromedp.SetValue(`input[name=byline]`, long, chromedp.ByQuery),
			chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry.", chromedp.ByQuery))
		b.submit(`form[action="/drafts"] button[type=submit]`)
		b.wantRefusedAt(fmt.Sprintf("new-draft-%d", w), `form[action="/drafts"] [name=byline]`, "byline", long)
	}
}

// TestBrowserRefusedSaveUnderKeptTyping: a writer's typing kept in this browser is offered back
// when the draft is opened again; typing anew sets it aside, and the page of a refused save shows
// what was set aside above the text. The keyboard still lands on the refused field, on the
// screen, though that box pushed it down after the page loaded.
func TestBrowserRefusedSaveUnderKeptTyping(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	b.signIn("writer")
	long := strings.Repeat("Ferry ", 50) + "plan"
	for _, w := range []int64{1280, 390} {
		var d struct{ ID int64 }
		b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
			"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the new ferry on Tuesday night."}, http.StatusCreated, &d)
		page := fmt.Sprintf("%s/drafts/%d?edit=1", b.base, d.ID)
		kept := typingKeptJS + ` !== ""`
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(page), chromedp.WaitVisible(`#edit textarea[name=body]`, chromedp.ByQuery),
			chromedp.SendKeys(`#edit textarea[name=body]`, " Kept in this browser.", chromedp.ByQuery),
			chromedp.Poll(kept, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Navigate(page), chromedp.WaitVisible(`.ws-offer`, chromedp.ByQuery))
		b.run(chromedp.SetValue(`#edit [name=title]`, long, chromedp.ByQuery),
			chromedp.SendKeys(`#edit [name=byline]`, " Jr", chromedp.ByQuery), chromedp.WaitNotPresent(`.ws-offer`, chromedp.ByQuery))
		b.submit(`#edit-save`)
		if !b.visible(`.ws-aside`) {
			t.Fatalf("at %d px the typing set aside is not shown above the text", w)
		}
		b.wantRefusedAt(fmt.Sprintf("under-kept-typing-%d", w), `#edit [name=title]`, "title", long)
	}
}

// TestBrowserRefusedLongFieldReasonFirst saves the draft page's body, then its brief, longer
// than the house allows, at a desktop's width and a phone's. The field is as long as what was
// typed in it, far longer than the screen: the reason stands right above it, on the screen, with
// the keyboard in the field under it, not after the field's last line.
func TestBrowserRefusedLongFieldReasonFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	b.acceptDialogs()
	var d struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": "The harbour council voted 7 to 2 for the new ferry on Tuesday night."}, http.StatusCreated, &d)
	b.signIn("writer")
	for _, tc := range []struct {
		name, field string
		width       int64
	}{
		{"Body", "body", 1280},
		{"Brief", "brief", 1280},
		{"BodyOnAPhone", "body", 390},
		{"BriefOnAPhone", "brief", 390},
	} {
		t.Run(tc.name, func(t *testing.T) {
			field := fmt.Sprintf(`#edit [name=%s]`, tc.field)
			b.run(chromedp.EmulateViewport(tc.width, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d?edit=1", b.base, d.ID)), chromedp.WaitVisible(field, chromedp.ByQuery))
			// One line more than the field's limit, repeated: a long field, each line a paragraph.
			var typed int
			b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const f = document.querySelector(%q), line = "The harbour council voted seven to two for the new ferry.\n";
				f.value = line.repeat(Math.ceil((Number(f.dataset.max) + 1) / line.length) + 1); f.dispatchEvent(new Event("input", {bubbles: true})); return f.value.length; })()`, field), &typed))
			b.submit(`#edit-save`)
			var got struct {
				Focused, Message, Described, Invalid string
				Before, Covered                      bool
				Gap, Top, Bottom, Height, Field      float64
				Length                               int
			}
			b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
				const f = document.querySelector(%q), m = document.getElementById("error-" + %q);
				const fb = f.getBoundingClientRect(), mb = m ? m.getBoundingClientRect() : {top: -1e6, bottom: -1e6};
				return {Focused: document.activeElement.name || document.activeElement.tagName, Message: m && m.getClientRects().length ? m.textContent : "",
					Described: f.getAttribute("aria-describedby") || "", Invalid: f.getAttribute("aria-invalid") || "",
					Before: !!m && !!(m.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING),
					Covered: !m || !m.contains(document.elementFromPoint(mb.left + 4, (mb.top + mb.bottom) / 2)),
					Gap: fb.top - mb.bottom, Top: mb.top, Bottom: mb.bottom, Height: window.innerHeight, Field: fb.height, Length: f.value.length};
			})()`, field, tc.field), &got))
			// The page is too long for a full-page screenshot: the screen the writer sees is kept.
			var png []byte
			b.accessible("refused-long-" + tc.name)
			b.run(chromedp.CaptureScreenshot(&png))
			if err := os.WriteFile(filepath.Join(b.shots, "refused-long-"+tc.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			if got.Message == "" {
				t.Fatalf("no reason shown with the %s", tc.field)
			}
			if got.Field <= got.Height {
				t.Fatalf("the %s field is %.0f px tall, no longer than the screen: this checks nothing", tc.field, got.Field)
			}
			if !got.Before || got.Gap < -1 || got.Gap > 48 {
				t.Errorf("the reason %q is not right above the %s field (before it: %v, %.0f px from its top)", got.Message, tc.field, got.Before, got.Gap)
			}
			if got.Top < 0 || got.Bottom > got.Height || got.Covered {
				t.Errorf("the reason is at %.0f–%.0f px, out of the screen (%.0f px) or under the bars at its top (%v)", got.Top, got.Bottom, got.Height, got.Covered)
			}
			if !strings.Contains(" "+got.Described+" ", " error-"+tc.field+" ") || got.Invalid != "true" {
				t.Errorf("the %s field is described by %q, aria-invalid %q", tc.field, got.Described, got.Invalid)
			}
			if got.Focused != tc.field {
				t.Errorf("after the refusal the keyboard is at %s, not the %s field", got.Focused, tc.field)
			}
			if got.Length < typed-typed/50 {
				t.Errorf("the %s field holds %d characters of the %d typed", tc.field, got.Length, typed)
			}
			b.run(chromedp.Click(`#edit-cancel`, chromedp.ByQuery))
		})
	}
}
