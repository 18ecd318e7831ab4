package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLiveLinksAndCorrectionPage links a published piece's page to its article and formats, and
// publishes a correction from it for whoever may correct.
func TestLiveLinksAndCorrectionPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	path := fmt.Sprintf("/drafts/%d", d.ID)
	if strings.Contains(a.page("editor", "GET", path, nil).Body.String(), `id="live"`) {
		t.Fatal("an unpublished piece links to a live article")
	}
	res := a.page("editor", "POST", path+"/correct", url.Values{"body": {"Body."}, "note": {"Fixed."}})
	if want := "Not done: the piece is not published"; !strings.HasPrefix(flashOf(res), want) {
		t.Fatalf("correcting an unpublished piece: %q, want %q", flashOf(res), want)
	}
	if _, err := a.store.Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	links := []string{`<a href="/articles/a-draft">Web page</a>`, `<a href="/articles/a-draft.txt">House text</a>`, `<a href="/articles/a-draft.md">Markdown</a>`,
		`<a href="/articles/a-draft.json">ninjs (JSON)</a>`, `<a href="/briefs/a-draft.txt">Brief</a>`}
	tests := []struct {
		name, actor string
		correct     bool
	}{
		{"Editor", "editor", true},
		{"Writer", "writer", false},
		{"FactChecker", "factchecker", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "GET", path, nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, links...)
			if got := strings.Contains(res.Body.String(), `action="`+path+`/correct"`); got != tt.correct {
				t.Fatalf("correction form shown: %v, want %v", got, tt.correct)
			}
		})
	}
	for _, st := range []struct {
		name, actor, note string
		wantStatus        int
		wantFlash         string
	}{
		{"NoNote", "editor", "", http.StatusUnprocessableEntity, ""},
		{"Writer", "writer", "Mine.", http.StatusForbidden, ""},
		{"Editor", "editor", "We misstated the day.", http.StatusSeeOther, "Correction published."},
	} {
		t.Run("Correct"+st.name, func(t *testing.T) {
			res := a.page(st.actor, "POST", path+"/correct", url.Values{"body": {"Body with a “quote”. On Tuesday."}, "note": {st.note}})
			if res.Code != st.wantStatus || flashOf(res) != st.wantFlash {
				t.Fatalf("%d %q, want %d saying %q", res.Code, flashOf(res), st.wantStatus, st.wantFlash)
			}
		})
	}
	wantBody(t, a.page("", "GET", "/articles/a-draft", nil), "On Tuesday.", "We misstated the day.")
}

// TestCorrectionPageKeepsFirstCorrection sends two correction forms rendered from the same
// version: the second is refused, with its words back in the form, and the first stays.
func TestCorrectionPageKeepsFirstCorrection(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	if _, err := a.store.Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/drafts/%d", d.ID)
	wantBody(t, a.page("editor", "GET", path, nil), fmt.Sprintf(`name="version" value="%d"`, d.Version))
	correction := func(body, note string) url.Values {
		return url.Values{"body": {body}, "note": {note}, "version": {fmt.Sprint(d.Version)}}
	}
	first := a.page("editor", "POST", path+"/correct", correction("Body with a “quote”. First fix.", "First."))
	if flashOf(first) != "Correction published." {
		t.Fatalf("first correction = %d %q", first.Code, flashOf(first))
	}
	second := a.page("editor", "POST", path+"/correct", correction("Body with a “quote”. Second fix.", "Second."))
	wantStatus(t, second, http.StatusConflict)
	wantBody(t, second, "corrected this piece while you were correcting it", "Body with a “quote”. Second fix.</textarea>", "Second.</textarea>",
		`<details class="correct" open>`)
	if page := a.page("editor", "GET", path, nil).Body.String(); !strings.Contains(page, `<details class="correct"><summary>Publish a correction</summary>`) {
		t.Error("the correction form is not folded on the published piece's page until asked for")
	}
	if got, _ := a.store.GetDraft(ctxAs(a, "editor"), d.ID); !strings.Contains(got.Body, "First fix.") {
		t.Fatalf("first correction undone: body %q", got.Body)
	}
	t.Run("API", func(t *testing.T) {
		res := a.do("editor", "POST", "/api/v1/articles/a-draft/corrections", fmt.Sprintf(`{"body":"Body with a “quote”. Third fix.","note":"Third.","version":%d}`, d.Version))
		wantStatus(t, res, http.StatusConflict)
		res = a.do("editor", "POST", "/api/v1/articles/a-draft/corrections", fmt.Sprintf(`{"body":"Body with a “quote”. Third fix.","note":"Third.","version":%d}`, d.Version+1))
		wantStatus(t, res, http.StatusCreated)
	})
}

// TestPreviewIsMarked marks the preview as one, with a way back to the draft, above the page as
// it would be published.
func TestPreviewIsMarked(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d/preview", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "<body>\n"+`<div class="preview-banner" role="note"><strong>Preview</strong>`,
		fmt.Sprintf(`<a href="/drafts/%d">Back to the draft</a></div>`+"\n"+`<a class="skip-link" href="#main">Skip to the page's content</a><header class="site">`, d.ID), `<h1 dir="auto">A draft</h1>`)
}
