package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteMessagesNameTheQuote: the message after a verdict, a waiver or a "not a quotation"
// names the quote by its number and first words. The page returns to the quote's row, but the
// message stands apart from it (at the top of the text), and "Quote marked disputed." left a
// fact-checker working down twenty rows to guess which one it was about.
func TestQuoteMessagesNameTheQuote(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	qid := a.firstQuote(d.ID)
	base := fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qid)
	tests := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"Verdict", base, url.Values{"status": {"disputed"}, "note": {"Not on the tape."}}, "Quote #%d, “quote”, marked disputed."},
		{"Waiver", base + "/waive", url.Values{"note": {"Both wordings are on the record."}}, "Waiver recorded for quote #%d, “quote”."},
		{"NotAQuote", base + "/not-quote", url.Values{"note": {"A title."}}, "Quote #%d, “quote”, marked as no quotation."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("editor", "POST", tt.path, tt.form)
			wantStatus(t, res, http.StatusSeeOther)
			if got, want := flashOf(res), fmt.Sprintf(tt.want, qid); got != want {
				t.Errorf("the redirect says %q, want %q", got, want)
			}
		})
	}
}
