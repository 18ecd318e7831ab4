package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftPageManyQuotesLongBody holds the draft page of a piece at both bounds at once, a body
// of newsroom.MaxParagraphs paragraphs with newsroom.MaxQuotes quotations at its end, to what
// rendering that many paragraphs costs: the page numbers the paragraph each quote opens in, and
// reading the whole body again for each quote took six seconds for a page anyone on the piece
// opens.
func TestDraftPageManyQuotesLongBody(t *testing.T) {
	a := newTestApp(t)
	quotes := strings.Repeat("“q”\n", newsroom.MaxQuotes)
	lines := strings.Repeat("a\n", newsroom.MaxParagraphs-newsroom.MaxQuotes)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Long", Byline: "Writer", Brief: "Brief.", Body: lines + quotes})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := a.store.Quotes(ctxAs(a, "writer"), d.ID)
	if err != nil || len(qs) != newsroom.MaxQuotes {
		t.Fatalf("the piece holds %d quotes (%v), want %d", len(qs), err, newsroom.MaxQuotes)
	}
	path := fmt.Sprintf("/drafts/%d", d.ID)
	took := time.Hour
	for range 3 {
		start := cputime.Used(t)
		res := a.page("writer", "GET", path, nil)
		took = min(took, cputime.Used(t)-start)
		wantStatus(t, res, http.StatusOK)
		last := len(strings.Split(lines, "\n")) + newsroom.MaxQuotes - 1
		wantBody(t, res, fmt.Sprintf(`<span class="visually-hidden">paragraph </span>%d</span>`, last))
	}
	t.Logf("the draft page took %v of CPU time", took)
	if took > 2*time.Second {
		t.Errorf("the draft page took %v of CPU time, want under two seconds", took)
	}
}
