package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserStageMoved moves a piece to another stage while two people have its page open: the
// editor typing in it, and its writer reading it. A second editor sends it back to the writer,
// which saves no new version. The editor's page says at once, in the workflow's words, that the
// piece moved to Draft and that they can no longer save their changes, and keeps their typing
// in the page and in the browser; the writer's page says they can edit it now, and its Reload
// button brings the Edit button.
func TestBrowserStageMoved(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a, w, id := twoOnEditing(t, "The harbour council met on Tuesday night.\nIt voted 7 to 2 to close the ferry pier.", "writer")
	draftURL := fmt.Sprintf("%s/drafts/%d", a.base, id)

	a.openEditing(draftURL)
	a.retype("Tuesday night", "Tuesday night in the old town hall")
	typed := a.value(`#edit textarea[name=body]`)
	w.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	if w.has(`#edit-start`) {
		t.Fatal("the writer may edit the piece in Editing")
	}
	time.Sleep(600 * time.Millisecond) // the copy in the browser is kept 400 ms after the last key

	a.api(a.apiToken("chief"), "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"request_changes","note":"Name the hall."}`, nil)

	a.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("moved")`, nil, chromedp.WithPollingTimeout(15*time.Second)))
	want := "This piece has moved to the Draft stage, so you can no longer save your changes to it. They stay on this page, and this browser keeps a copy: copy what you need, then reload to see what you may do now."
	if got := a.text(`#ws-live`); got != want {
		t.Errorf("the editor's page says %q, want %q", got, want)
	}
	if !a.has(`#ws-live.ws-moved`) || a.has(`#ws-live button`) {
		t.Error("the editor's notice is not marked as a move, or offers to reload over their typing")
	}
	if got := a.value(`#edit textarea[name=body]`); got != typed {
		t.Errorf("after the move the editor's form holds %q, want %q", got, typed)
	}
	var kept string
	a.run(chromedp.Evaluate(`Object.keys(localStorage).map(k => localStorage.getItem(k)).join("\n")`, &kept))
	if !strings.Contains(kept, "old town hall") {
		t.Errorf("after the move this browser keeps %q, not the typing", kept)
	}
	a.shotWidths("stage-moved-editor-typing")

	w.run(chromedp.Poll(`document.getElementById("ws-live").textContent.includes("moved")`, nil, chromedp.WithPollingTimeout(15*time.Second)))
	if got, want := w.text(`#ws-live p`), "This piece has moved to the Draft stage: you can edit it now. Reload to start."; got != want {
		t.Errorf("the writer's page says %q, want %q", got, want)
	}
	w.shotWidths("stage-moved-writer")
	w.run(chromedp.Click(`#ws-live button`, chromedp.ByQuery), chromedp.WaitVisible(`#edit-start`, chromedp.ByQuery))
	if w.visible(`#ws-live`) {
		t.Errorf("after the reload the writer's page still says %q", w.text(`#ws-live`))
	}
}
