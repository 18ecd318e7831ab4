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
