package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// auditOf is draft id's audit trail as the API's history gives it, newest first.
func (a *testApp) auditOf(id int64) []newsroom.AuditEntry {
	a.t.Helper()
	res := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/history?limit=100", id), "")
	wantStatus(a.t, res, http.StatusOK)
	return decode[newsroom.History](a.t, res).Audit
}

// TestDraftImageAudit: every change of a draft's lead image over the API writes one audit entry
// saying who did it and which images it took away and put in place; a refused change writes
// none.
func TestDraftImageAudit(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	path := fmt.Sprintf("/api/v1/drafts/%d/image", d.ID)
	jpg, png := testJPEG(t, 400, 300), testPNG(t, 400, 300)
	pier := "\u2068photo.jpg (“The old pier”)\u2069"
	boats := "\u2068harbour.png (“Boats at dusk”)\u2069"
	for _, tc := range []struct {
		name       string
		actor      string
		method     string
		url        string
		typ        string
		body       string
		wantStatus int
		wantAction string // "" for no entry
		wantNote   string
	}{
		{"Set", "writer", "POST", path, imageFormType, imageForm(t, "The old pier", "photo.jpg", jpg), 201, newsroom.StepSetImage, pier},
		{"Replace", "writer", "POST", path, imageFormType, imageForm(t, "Boats at dusk", "harbour.png", png), 201, newsroom.StepReplaceImage, pier + " with " + boats},
		{"RestoreOverAnother", "writer", "POST", path + "/restore", "application/json", "", 200, newsroom.StepRestoreImage, pier + " in place of " + boats},
		{"Remove", "writer", "DELETE", path, "", "", 204, newsroom.StepRemoveImage, pier},
		{"ErrRestoreStale", "writer", "POST", path + "/restore", "application/json", `{"image":999999,"lead":0}`, 409, "", ""},
		{"ErrRestoreBadBody", "writer", "POST", path + "/restore", "application/json", `{"image":0}`, 422, "", ""},
		{"Restore", "writer", "POST", path + "/restore", "application/json", "", 200, newsroom.StepRestoreImage, pier},
		{"ErrRestoreNothing", "writer", "POST", path + "/restore", "application/json", "", 409, "", ""},
		{"ErrMissingAlt", "writer", "POST", path, imageFormType, uploadForm(t, url.Values{"caption": {"Dawn"}}, "quay.jpg", jpg), 422, "", ""},
		{"ErrNotAnImage", "writer", "POST", path, imageFormType, imageForm(t, "A quay", "quay.jpg", []byte("<html></html>")), 415, "", ""},
		{"ErrOtherWriter", "other", "POST", path, imageFormType, imageForm(t, "A quay", "quay.jpg", jpg), 404, "", ""},
		{"ErrEditorInDraftStage", "editor", "DELETE", path, "", "", 409, "", ""},
		{"RemoveAgain", "writer", "DELETE", path, "", "", 204, newsroom.StepRemoveImage, pier},
		{"RemoveNothing", "writer", "DELETE", path, "", "", 204, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := a.auditOf(d.ID)
			res := a.send(tc.actor, tc.method, tc.url, tc.typ, tc.body, nil)
			wantStatus(t, res, tc.wantStatus)
			after := a.auditOf(d.ID)
			if tc.wantAction == "" {
				if len(after) != len(before) {
					t.Fatalf("a change refused or of nothing left %d audit entries where there were %d: %+v", len(after), len(before), after)
				}
				return
			}
			if len(after) != len(before)+1 {
				t.Fatalf("%d audit entries written, want 1", len(after)-len(before))
			}
			e := after[0]
			if e.Action != tc.wantAction || e.Note != tc.wantNote || e.Actor.Username != tc.actor || e.DraftID != d.ID || e.At.IsZero() {
				t.Errorf("audit entry %+v, want %s by %s: %q", e, tc.wantAction, tc.actor, tc.wantNote)
			}
		})
	}
}

// TestDraftImageAuditPage: the draft page's forms write the same entries, and the history shows
// each as a sentence, with the file's name and alt text escaped and cut short.
func TestDraftImageAuditPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d/image", d.ID)
	hostile := "<img src=x onerror=alert(1)>.png"
	hostileAlt := "<script>alert(2)</script> boats"
	long := strings.Repeat("x", 2000) + ".jpg"

	wantStatus(t, a.postUpload("writer", target, url.Values{"alt": {hostileAlt}}, hostile, testPNG(t, 300, 200)), http.StatusSeeOther)
	wantStatus(t, a.postUpload("writer", target, url.Values{"alt": {strings.Repeat("long alt ", 30)}}, long, testJPEG(t, 300, 200)), http.StatusSeeOther)
	wantStatus(t, a.page("writer", "POST", target+"/remove", nil), http.StatusSeeOther)
	removed := a.auditOf(d.ID)[0].Note
	undo := regexp.MustCompile(`name="image" value="(\d+)"`).FindStringSubmatch(a.page("writer", "GET", draftPath(d.ID), nil).Body.String())
	if undo == nil {
		t.Fatal("the draft page offers no Undo")
	}
	for _, stale := range []url.Values{{"image": {"0"}, "lead": {"0"}}, {"image": {undo[1]}, "lead": {undo[1]}}} {
		before := len(a.auditOf(d.ID))
		// The page tells a refusal after a redirect, as it tells success.
		a.page("writer", "POST", target+"/restore", stale)
		if n := len(a.auditOf(d.ID)); n != before {
			t.Fatalf("a refused restore wrote %d audit entries", n-before)
		}
	}
	wantStatus(t, a.page("writer", "POST", target+"/restore", url.Values{"image": {undo[1]}, "lead": {"0"}}), http.StatusSeeOther)
	audit := a.auditOf(d.ID)
	var steps []string
	for _, e := range audit[:4] {
		steps = append(steps, e.Action)
		if n := utf8.RuneCountInString(e.Note); n > 2*(newsroom.MaxImageFileName+100) {
			t.Errorf("a note of %d characters: %.80q…", n, e.Note)
		}
	}
	if want := []string{newsroom.StepRestoreImage, newsroom.StepRemoveImage, newsroom.StepReplaceImage, newsroom.StepSetImage}; strings.Join(steps, " ") != strings.Join(want, " ") {
		t.Fatalf("steps %v, want %v", steps, want)
	}

	page := a.page("writer", "GET", draftPath(d.ID), nil)
	wantStatus(t, page, http.StatusOK)
	body := page.Body.String()
	history := body[strings.Index(body, `<ol class="audit">`):]
	history = history[:strings.Index(history, "</ol>")]
	for _, raw := range []string{"<img src=x", "<script>"} {
		if strings.Contains(history, raw) {
			t.Errorf("the history carries %q unescaped: %s", raw, history)
		}
	}
	for _, want := range []string{
		"Added the lead image <bdi>\u2068" + html.EscapeString(hostile),
		"Replaced the lead image <bdi>\u2068" + html.EscapeString(hostile),
		"Removed the lead image <bdi>" + html.EscapeString(removed) + "</bdi>",
		"Restored the lead image <bdi>" + html.EscapeString(removed) + "</bdi>",
	} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q:\n%s", want, history)
		}
	}
	if strings.Contains(history, strings.Repeat("x", newsroom.MaxImageFileName+1)) {
		t.Error("the history shows a file's name of more than its limit")
	}
}

// TestUploadFileNameLimit: the name a browser sends for an uploaded file is refused beyond the
// longest path a file system keeps (4096 bytes), before it is cleaned or stored, on the draft's
// and the logo's upload alike; a name within it is cleaned (composed, cut) for the history.
func TestUploadFileNameLimit(t *testing.T) {
	const limit = 4096
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	named := func(n int) string { return strings.Repeat("e\u0301", (n-len(".jpg"))/len("e\u0301")) + ".jpg" }
	for _, tc := range []struct {
		name   string
		file   string
		api    int
		logo   int
		letter string // what the history names the file with, "" for no entry
	}{
		{"AtLimit", named(limit), 201, http.StatusSeeOther, "é"},
		{"OverLimit", named(limit) + "x", 422, 422, ""},
		{"Megabytes", named(9 << 20), 422, 422, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(a.auditOf(d.ID))
			path := fmt.Sprintf("/api/v1/drafts/%d/image", d.ID)
			res := a.send("writer", "POST", path, imageFormType, imageForm(t, "A pier", tc.file, testJPEG(t, 400, 300)), nil)
			wantStatus(t, res, tc.api)
			after := a.auditOf(d.ID)
			if tc.letter == "" {
				if !strings.Contains(res.Body.String(), "name") || len(after) != before {
					t.Errorf("refused with %s and %d audit entries written", res.Body, len(after)-before)
				}
			} else if len(after) != before+1 {
				t.Errorf("%d audit entries written, want 1", len(after)-before)
			} else if note := after[0].Note; !strings.Contains(note, tc.letter+"…") || strings.Contains(note, "\u0301") {
				t.Errorf("the history names the upload %.200q", note)
			}
			logo := a.postUpload("admin", "/admin/logo", url.Values{"alt": {"The Harbour Gazette"}}, tc.file, testPNG(t, 400, 100))
			wantStatus(t, logo, tc.logo)
		})
	}
}

// TestDraftImageAuditIsolatesLabels: the history shows each image's label in a <bdi> of its own,
// an alt text cut inside a right-to-left isolate closed within it, so neither label turns the
// words or the label after it.
func TestDraftImageAuditIsolatesLabels(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	path := fmt.Sprintf("/api/v1/drafts/%d/image", d.ID)
	rtl := strings.Repeat("a", 75) + "\u2067שלום עולם\u2069"
	wantStatus(t, a.send("writer", "POST", path, imageFormType, imageForm(t, rtl, "pier.jpg", testJPEG(t, 400, 300)), nil), 201)
	wantStatus(t, a.send("writer", "POST", path, imageFormType, imageForm(t, "Boats", "boats.png", testPNG(t, 400, 300)), nil), 201)
	e := a.auditOf(d.ID)[0]
	if err := newsroom.CheckLine("note", e.Note, newsroom.MaxNote); err != nil {
		t.Errorf("the note %+q: %v", e.Note, err)
	}
	gone, put, ok := strings.Cut(e.Note, " with ")
	if !ok {
		t.Fatalf("the note %+q", e.Note)
	}
	body := a.page("writer", "GET", draftPath(d.ID), nil).Body.String()
	want := "Replaced the lead image <bdi>" + html.EscapeString(gone) + "</bdi> with <bdi>" + html.EscapeString(put) + "</bdi>"
	if !strings.Contains(body, want) {
		i := strings.Index(body, "Replaced the lead image")
		t.Errorf("the history shows %+q, want %+q", body[max(i, 0):min(max(i, 0)+300, len(body))], want)
	}
}
