package main

import (
	"bytes"
	"fmt"
	stdpng "image/png"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReadmeScreenshot takes the README's picture (docs/screenshot.png) of the draft
// page as it is: the demo newsroom's piece in Editing, its quotes checked and three comments
// on its words, seen by the editor in a window 1280 px wide (and 1,320 high, for the text under the actions to
// show). It holds the window's view to showing
// what the caption says (the title, the actions, the text with its quotes underlined and its
// highlighted words, and the threads beside them), each showing at least the top of its first
// line, whatever the fonts make of their heights, and the picture to a PNG 1,280 px wide and
// under 1 MB (it takes about 250 kB with Debian's fonts), and saves it as readme-draft-1280.png
// among the screenshots (COPYDESK_SCREENSHOTS), to be copied over docs/screenshot.png when the
// page changes.
func TestBrowserReadmeScreenshot(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startDemoBrowser(t)
	writer, factchecker, editor := b.apiAs("writer"), b.apiAs("factchecker"), b.apiAs("editor")
	var list struct{ Items []struct{ ID int64 } }
	writer.send("GET", "/api/v1/drafts", nil, http.StatusOK, &list)
	if len(list.Items) != 1 {
		t.Fatalf("the demo has %d drafts, want 1", len(list.Items))
	}
	drafts := list.Items
	draft := fmt.Sprintf("/api/v1/drafts/%d", drafts[0].ID)
	writer.send("POST", draft+"/transitions", map[string]any{"action": "submit"}, http.StatusOK, nil)
	var quotes []struct{ ID int64 }
	factchecker.send("GET", draft+"/quotes", nil, http.StatusOK, &quotes)
	for i, q := range quotes {
		check := map[string]any{"status": "verified", "source": "press conference recording"}
		if i == len(quotes)-1 {
			check = map[string]any{"status": "disputed", "note": "The transcript has other words."}
		}
		factchecker.send("PUT", fmt.Sprintf("%s/quotes/%d", draft, q.ID), check, http.StatusOK, nil)
	}
	factchecker.send("POST", draft+"/transitions", map[string]any{"action": "clear"}, http.StatusOK, nil)
	for _, c := range []struct{ field, words, body string }{
		{"brief", "intelligence sharing", "Say what kind: the piece only hints at it."},
		{"body", "firmly rejected", "Rejected, or declined? Her words were softer."},
		{"body", "a major outlet", "Name the outlet, or say why we cannot."},
	} {
		editor.send("POST", draft+"/comments", map[string]any{"field": c.field, "quote": map[string]string{"exact": c.words}, "body": c.body}, http.StatusCreated, nil)
	}

	b.signIn("editor")
	b.run(chromedp.EmulateViewport(1280, 1320), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, drafts[0].ID)), chromedp.WaitVisible(`#threads .comment`, chromedp.ByQuery))
	b.settle()
	// inView counts the elements sel names whose top, and 16 px of them below it, are in the window.
	inView := func(sel string) int {
		var n int
		b.run(chromedp.Evaluate(fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).filter(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.top + Math.min(r.height, 16) <= innerHeight; }).length`, sel), &n))
		return n
	}
	for sel, want := range map[string]int{`h1.ws-title`: 1, `.ws-actions button[name=do]`: 1, `#text mark[data-quote]`: 1, `#text mark.commented`: 3, `#threads .comment`: 3} {
		if got := inView(sel); got < want {
			t.Errorf("the window shows %d of %s, want %d or more", got, sel, want)
		}
	}
	var png []byte
	b.run(chromedp.CaptureScreenshot(&png))
	if pic, err := stdpng.DecodeConfig(bytes.NewReader(png)); err != nil || pic.Width != 1280 {
		t.Errorf("the README's picture is not a PNG 1280 px wide: %+v, %v", pic, err)
	}
	if len(png) > 1_000_000 {
		t.Errorf("the README's picture takes %d bytes, over 1 MB", len(png))
	}
	if err := os.WriteFile(filepath.Join(b.shots, "readme-draft-1280.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	b.shot("readme-draft-full-1280")
}
