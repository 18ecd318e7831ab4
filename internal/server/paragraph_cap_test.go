package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestParagraphCap checks that a body holds at most newsroom.MaxParagraphs paragraphs, on
// creation and on a save alike. The draft page renders each paragraph through its template:
// a writer's body of 200,000 one-letter paragraphs, within the body's length, took every
// reader of the piece 3 to 7 seconds of the server's CPU and 8 to 10 MB of page. A body at the
// cap is taken, and its page served; a refused save changes nothing.
func TestParagraphCap(t *testing.T) {
	body := func(n int) string {
		b, _ := json.Marshal(strings.TrimSuffix(strings.Repeat("<\n", n), "\n"))
		return string(b)
	}
	a := newTestApp(t)
	tests := []struct {
		name       string
		paragraphs int
		wantStatus int
	}{
		{"AtTheCap", newsroom.MaxParagraphs, http.StatusOK},
		{"OverTheCap", newsroom.MaxParagraphs + 1, http.StatusUnprocessableEntity},
		{"OneLetterEach", newsroom.MaxBody / 2, http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := body(tt.paragraphs)
			created := tt.wantStatus
			if created == http.StatusOK {
				created = http.StatusCreated
			}
			res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Lines","body":`+text+`}`)
			wantStatus(t, res, created)
			d := a.draft(newsroom.StageDraft)
			res = a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), fmt.Sprintf(`{"body":%s,"version":%d}`, text, d.Version))
			wantStatus(t, res, tt.wantStatus)
			got := decode[newsroom.Draft](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), ""))
			if tt.wantStatus == http.StatusOK {
				if n := strings.Count(got.Body, "\n") + 1; n != tt.paragraphs {
					t.Errorf("the body holds %d paragraphs, want %d", n, tt.paragraphs)
				}
				page := a.page("editor", http.MethodGet, fmt.Sprintf("/drafts/%d", d.ID), nil)
				wantStatus(t, page, http.StatusOK)
				return
			}
			if e := decode[apiError](t, res).Error; e.Details["field"] != "body" || !strings.Contains(e.Message, fmt.Sprintf("the limit is %d", newsroom.MaxParagraphs)) {
				t.Errorf("refusal %+v does not name the body and the cap", e)
			}
			if got.Version != d.Version {
				t.Errorf("the refused save made version %d", got.Version)
			}
		})
	}
}

// TestParagraphCapLegacyBody checks that a body stored over newsroom.MaxParagraphs before the cap
// came in can still be edited, kept as a working copy and sent on, as other rules spare a field
// a save leaves as stored: the cap refuses only a body with more paragraphs than both the cap
// and the body it replaces. The stored body is never lost to a refusal.
func TestParagraphCapLegacyBody(t *testing.T) {
	lines := func(n int, line string) string {
		return "Body with a “quote”.\n" + strings.TrimSuffix(strings.Repeat(line+"\n", n), "\n")
	}
	js := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	legacy := lines(2*newsroom.MaxParagraphs, "Line.")
	type request struct{ user, method, path, body string }
	save := func(body string) func(*newsroom.Draft, string) request {
		return func(d *newsroom.Draft, _ string) request {
			return request{"writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), fmt.Sprintf(`{%s,"version":%d}`, body, d.Version)}
		}
	}
	keep := func(title, body string) func(*newsroom.Draft, string) request {
		return func(d *newsroom.Draft, _ string) request {
			return request{"writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d/working-copy", d.ID),
				fmt.Sprintf(`{"base_version":%d,"text":{"title":%q,"byline":"Writer","brief":"Brief.","body":%s}}`, d.Version, title, js(body))}
		}
	}
	correct := func(body string) func(*newsroom.Draft, string) request {
		return func(_ *newsroom.Draft, slug string) request {
			return request{"editor", "POST", "/api/v1/articles/" + slug + "/corrections", fmt.Sprintf(`{"note":"Fixed a word.","body":%s}`, js(body))}
		}
	}
	tests := []struct {
		name           string
		stage          newsroom.Stage
		published      bool
		req            func(d *newsroom.Draft, slug string) request
		wantStatus     int
		wantParagraphs int
	}{
		{"TitleOnlySave", newsroom.StageDraft, false, save(`"title":"New title"`), http.StatusOK, 2*newsroom.MaxParagraphs + 1},
		{"OneWordChanged", newsroom.StageDraft, false, save(`"body":` + js(strings.Replace(legacy, "Line.", "Line!", 1))), http.StatusOK, 2*newsroom.MaxParagraphs + 1},
		{"ShortenedStillOver", newsroom.StageDraft, false, save(`"body":` + js(lines(15000, "Line."))), http.StatusOK, 15001},
		{"Lengthened", newsroom.StageDraft, false, save(`"body":` + js(legacy+"\nOne more.")), http.StatusUnprocessableEntity, 2*newsroom.MaxParagraphs + 1},
		{"WorkingCopyTitleTyped", newsroom.StageDraft, false, keep("New title", legacy), http.StatusOK, 2*newsroom.MaxParagraphs + 1},
		{"WorkingCopyLengthened", newsroom.StageDraft, false, keep("A draft", legacy+"\nOne more."), http.StatusUnprocessableEntity, 2*newsroom.MaxParagraphs + 1},
		{"Submit", newsroom.StageDraft, false, func(d *newsroom.Draft, _ string) request {
			return request{"writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`}
		}, http.StatusOK, 2*newsroom.MaxParagraphs + 1},
		{"Publish", newsroom.StageApproved, false, func(d *newsroom.Draft, _ string) request {
			return request{"editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""}
		}, http.StatusOK, 2*newsroom.MaxParagraphs + 1},
		{"OneWordCorrection", newsroom.StageApproved, true, correct(strings.Replace(legacy, "Line.", "Line!", 1)), http.StatusCreated, 2*newsroom.MaxParagraphs + 1},
		{"LengtheningCorrection", newsroom.StageApproved, true, correct(legacy + "\nOne more."), http.StatusUnprocessableEntity, 2*newsroom.MaxParagraphs + 1},
	}
	a := newTestApp(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			var slug string
			if tt.published {
				res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
				wantStatus(t, res, http.StatusOK)
				slug = decode[struct{ Slug string }](t, res).Slug
			}
			if _, err := a.store.DB().Exec("UPDATE drafts SET body = $1 WHERE id = $2", legacy, d.ID); err != nil {
				t.Fatal(err)
			}
			r := tt.req(d, slug)
			res := a.do(r.user, r.method, r.path, r.body)
			wantStatus(t, res, tt.wantStatus)
			if tt.wantStatus == http.StatusUnprocessableEntity {
				if e := decode[apiError](t, res).Error; e.Details["field"] != "body" || !strings.Contains(e.Message, fmt.Sprintf("the limit is %d", newsroom.MaxParagraphs)) {
					t.Errorf("refusal %+v does not name the body and the cap", e)
				}
			}
			got := decode[newsroom.Draft](t, a.do("editor", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), ""))
			if n := strings.Count(got.Body, "\n") + 1; n != tt.wantParagraphs {
				t.Errorf("the body holds %d paragraphs, want %d", n, tt.wantParagraphs)
			}
		})
	}
}

// TestParagraphCapWorkingCopyLineEnds checks that a working copy's paragraphs are counted as its
// save and its page count them, whatever line end it uses: "\r", "\r\n" and Unicode's line and
// paragraph separators end a paragraph as "\n" does. A copy cut by "\r" alone counted as one
// paragraph, and 20,001 of them were kept for the page to offer back.
func TestParagraphCapWorkingCopyLineEnds(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	for _, sep := range []string{"\n", "\r", "\r\n", "\u2028", "\u2029"} {
		for _, tt := range []struct {
			paragraphs int
			wantStatus int
		}{
			{newsroom.MaxParagraphs, http.StatusOK},
			{2*newsroom.MaxParagraphs + 1, http.StatusUnprocessableEntity},
		} {
			t.Run(fmt.Sprintf("%q/%d", sep, tt.paragraphs), func(t *testing.T) {
				body, _ := json.Marshal(strings.Repeat("a"+sep, tt.paragraphs-1) + "a")
				res := a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d/working-copy", d.ID),
					fmt.Sprintf(`{"base_version":%d,"text":{"title":"T","body":%s}}`, d.Version, body))
				wantStatus(t, res, tt.wantStatus)
				if tt.wantStatus == http.StatusUnprocessableEntity {
					if e := decode[apiError](t, res).Error; e.Details["field"] != "body" || !strings.Contains(e.Message, fmt.Sprintf("body has %d paragraphs", tt.paragraphs)) {
						t.Errorf("refusal %+v does not name the body and its paragraphs", e)
					}
				}
			})
		}
	}
}
