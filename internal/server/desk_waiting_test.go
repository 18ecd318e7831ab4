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

// TestDeskRowCountsManyOfAKind: several entries of one kind on a piece are one line with their
// count, leading to the inbox, which lists each; a line each made a piece mentioned in forty
// comments a wall of links two screens high.
func TestDeskRowCountsManyOfAKind(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	for i := range 12 {
		start, end := 0, 4
		if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: fmt.Sprintf("@writer look %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	res := a.page("writer", http.MethodGet, "/desk?stage=", nil)
	wantStatus(t, res, http.StatusOK)
	row := regexp.MustCompile(fmt.Sprintf(`(?s)<tr><td><a href="/drafts/%d".*?</tr>`, d.ID)).FindString(res.Body.String())
	lines := regexp.MustCompile(`<li><a href="([^"]+)">([^<]+)</a></li>`).FindAllStringSubmatch(row, -1)
	var mentions []string
	for _, l := range lines {
		if strings.Contains(l[2], "mention") {
			mentions = append(mentions, l[2])
			if l[1] != "/inbox" {
				t.Errorf("the mentions' line leads to %s, want the inbox", l[1])
			}
		}
	}
	if len(mentions) != 1 || mentions[0] != "12 mentions" {
		t.Errorf("the row's mention lines are %q (of %d lines), want one saying 12 mentions", mentions, len(lines))
	}
}
