package server_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDeskRowSaysWhatWaitsOnYou: the desk's list says, under a piece's title, what waits on the
// viewer there (sent back with a note, a quote to check), linking to it, as the inbox does; the
// desk said only how many things waited somewhere ("Inbox: 1 piece returned"), and a writer with
// many drafts opened each to find the one sent back. A piece where nothing waits says nothing.
func TestDeskRowSaysWhatWaitsOnYou(t *testing.T) {
	a := newTestApp(t)
	returned, quiet := a.draft(newsroom.StageFactCheck), a.draft(newsroom.StageDraft)
	if _, err := a.store.Transition(ctxAs(a, "factchecker"), returned.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Check the figures."}); err != nil {
		t.Fatal(err)
	}
	checking := a.draft(newsroom.StageFactCheck)
	for _, tt := range []struct {
		name, actor string
		piece       int64
		want        string // what the row says waits, "" for nothing
		link        string // where it leads
	}{
		{"ReturnedToWriter", "writer", returned.ID, "sent it back to you with a note", fmt.Sprintf("/drafts/%d", returned.ID)},
		{"NothingWaits", "writer", quiet.ID, "", ""},
		{"QuoteToCheck", "factchecker", checking.ID, "quote", fmt.Sprintf("/drafts/%d#quote-", checking.ID)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, http.MethodGet, "/desk?stage=", nil)
			wantStatus(t, res, http.StatusOK)
			row := regexp.MustCompile(fmt.Sprintf(`(?s)<tr><td><a href="/drafts/%d".*?</tr>`, tt.piece)).FindString(res.Body.String())
			if row == "" {
				t.Fatalf("the desk lists no row for draft %d", tt.piece)
			}
			waits := regexp.MustCompile(`(?s)<ul class="waiting"[^>]*>.*?</ul>`).FindString(row)
			if tt.want == "" {
				if waits != "" {
					t.Errorf("the row of a piece where nothing waits says %s", waits)
				}
				return
			}
			if !strings.Contains(html.UnescapeString(waits), tt.want) || !strings.Contains(waits, `href="`+tt.link) {
				t.Errorf("the row says %q; want %q linking to %s", waits, tt.want, tt.link)
			}
		})
	}
}
