package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserConflictPage settles, in headless Chromium, a save that crossed another in the
// same words: the conflict page shows theirs and yours side by side with the rest merged, and
// choosing "Keep yours" saves the text the server builds from the choice.
func TestBrowserConflictPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer")
	var session struct{ Token string }
	if code := b.apiStatus("", "POST", "/api/v1/login", map[string]string{"username": "writer", "password": "pw-writer-staple"}, &session); code != http.StatusOK {
		t.Fatalf("sign-in: %d", code)
	}
	var d struct {
		ID      int64
		Version int
		Body    string
	}
	base := "The harbour council met on Tuesday night.\nIt voted 7 to 2 to close the old ferry pier.\nResidents were not asked."
	b.apiStatus(session.Token, "POST", "/api/v1/drafts", map[string]any{"title": "Council closes ferry pier", "byline": "Writer", "body": base}, &d)
	theirs := "The harbour council met on Tuesday night.\nIt voted 7 to 2 to close the rotten ferry pier.\nResidents were not asked."
	if code := b.apiStatus(session.Token, "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), map[string]any{"body": theirs, "version": 1}, &d); code != http.StatusOK {
		t.Fatalf("first save: %d", code)
	}
	mine := "The harbour council met late on Tuesday night.\nIt voted 7 to 2 to close the unsafe ferry pier.\nResidents were not asked."
	var refusal struct {
		Error struct {
			Details struct {
				UnmergedRevision int64 `json:"unmerged_revision"`
			}
		}
	}
	if code := b.apiStatus(session.Token, "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), map[string]any{"body": mine, "version": 1}, &refusal); code != http.StatusConflict {
		t.Fatalf("stale save: %d, want 409", code)
	}

	b.signIn("writer")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d/unmerged/%d/merge", b.base, d.ID, refusal.Error.Details.UnmergedRevision)),
		chromedp.WaitVisible(`fieldset.conflict`, chromedp.ByQuery))
	b.checkType("the conflict page", false, true)
	b.shotWidths("conflict-page")
	got := b.text(`fieldset.conflict`)
	for _, want := range []string{"Theirs (version 2, by Writer)", "the rotten ferry pier", "Yours", "the unsafe ferry pier", "Keep theirs", "Keep yours"} {
		if !strings.Contains(got, want) {
			t.Errorf("the conflict reads %q, want %q in it", got, want)
		}
	}
	if page := b.text(`form.merge`); !strings.Contains(page, "The harbour council met late on Tuesday night.") {
		t.Errorf("the page reads %q, want your paragraph 1 merged", page)
	}
	unmerged := fmt.Sprintf("%s/drafts/%d/unmerged/%d", b.base, d.ID, refusal.Error.Details.UnmergedRevision)
	b.run(chromedp.Navigate(unmerged), chromedp.WaitVisible(`.draft-text`, chromedp.ByQuery))
	b.checkType("the unmerged save's page", false, true)
	b.shotWidths("unmerged-page")
	b.run(chromedp.Navigate(unmerged+"/merge"), chromedp.WaitVisible(`fieldset.conflict`, chromedp.ByQuery))
	b.run(chromedp.Click(`input[name=choice-1][value=mine]`, chromedp.ByQuery))
	b.submit(`form.merge button[type=submit]`)
	if got := b.flash(); got != "Saved the merged text." {
		t.Fatalf("after saving: %q", got)
	}
	b.apiStatus(session.Token, "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), nil, &d)
	if want := "The harbour council met late on Tuesday night.\nIt voted 7 to 2 to close the unsafe ferry pier.\nResidents were not asked."; d.Body != want || d.Version != 3 {
		t.Fatalf("saved version %d, %q; want version 3, %q", d.Version, d.Body, want)
	}
}
