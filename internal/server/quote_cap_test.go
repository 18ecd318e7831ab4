package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteCap checks that a piece may hold newsroom.MaxQuotes quotations and no more, on
// creation and on a save alike: each is a ledger row written inside the save's transaction, and
// a body at the size limit made of empty pairs of marks held the database's writer for 17
// seconds. A refused save changes nothing.
func TestQuoteCap(t *testing.T) {
	body := func(n int) string {
		b, _ := json.Marshal(strings.Repeat("She said “yes.” ", n))
		return string(b)
	}
	a := newTestApp(t)
	tests := []struct {
		name       string
		quotes     int
		wantStatus int
	}{
		{"AtTheCap", newsroom.MaxQuotes, http.StatusOK},
		{"OverTheCap", newsroom.MaxQuotes + 1, http.StatusUnprocessableEntity},
		{"Empties", newsroom.MaxBody / 4, http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := body(tt.quotes)
			if tt.name == "Empties" {
				text = `"` + strings.Repeat("“”", tt.quotes) + `"`
			}
			created := tt.wantStatus
			if created == http.StatusOK {
				created = http.StatusCreated
			}
			res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Quotes","body":`+text+`}`)
			wantStatus(t, res, created)
			d := a.draft(newsroom.StageDraft)
			res = a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), fmt.Sprintf(`{"body":%s,"version":%d}`, text, d.Version))
			wantStatus(t, res, tt.wantStatus)
			quotes := decode[[]json.RawMessage](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), ""))
			if tt.wantStatus == http.StatusOK && len(quotes) != tt.quotes {
				t.Errorf("the ledger holds %d quotes, want %d", len(quotes), tt.quotes)
			}
			if tt.wantStatus != http.StatusOK {
				if !strings.Contains(res.Body.String(), fmt.Sprintf("at most %d", newsroom.MaxQuotes)) {
					t.Errorf("refusal %s does not say the cap", res.Body.String())
				}
				if got := decode[newsroom.Draft](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), "")); got.Version != d.Version {
					t.Errorf("the refused save made version %d", got.Version)
				}
			}
		})
	}
}
