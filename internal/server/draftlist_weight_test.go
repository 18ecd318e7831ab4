package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestFullDraftListHoldsItsText holds a page of whole drafts (view=full) to newsroom.MaxListBytes
// bytes of answer for its text, whatever its limit asks: a writer with 200 drafts at the body
// limit could ask for all of them in one page, and each such request held about a gigabyte of the
// server's memory while it read and wrote them (60 drafts of 1.3 MB took 240 MB), for everyone's
// requests to wait on; a search's page of whole drafts the same. A page cut at 8 MiB of text still
// answered 48 MB for bodies of '<', which JSON writes in six bytes each. Following next lists
// every draft once; a page holds at least one draft, and the summaries' pages are not cut.
func TestFullDraftListHoldsItsText(t *testing.T) {
	a := newTestApp(t)
	long := "Flood " + strings.TrimSpace(strings.Repeat("𝔉𝔩𝔬𝔬𝔡 ", newsroom.MaxBody/6-1))
	short := "The river flood rose."
	angles := "Flood " + strings.Repeat("<", newsroom.MaxBody-6)
	signs := "Flood " + strings.Repeat("a & b > c ", (newsroom.MaxBody-6)/10)
	var want []int64
	for i, body := range []string{short, long, long, short, angles, angles, long, angles, angles, angles, long, signs, signs, signs, signs, long, short} {
		d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: fmt.Sprint("Piece ", i), Byline: "W", Brief: "B.", Body: body})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, d.ID)
	}
	for _, tt := range []struct{ name, query string }{{"Full", "view=full"}, {"Search", "q=flood"}, {"Summaries", "view=summary"}} {
		t.Run(tt.name, func(t *testing.T) {
			seen, pages, next, before := map[int64]bool{}, 0, "", 0
			for pages == 0 || next != "" {
				res := a.do("writer", "GET", "/api/v1/drafts?limit=200&"+tt.query+"&cursor="+url.QueryEscape(next), "")
				wantStatus(t, res, http.StatusOK)
				page := decode[struct {
					Items []newsroom.Draft
					Next  string
				}](t, res)
				if len(page.Items) == 0 {
					t.Fatalf("page %d lists no draft", pages+1)
				}
				counted, answer := 0, 0
				for i, d := range page.Items {
					if seen[d.ID] {
						t.Fatalf("draft %d listed twice", d.ID)
					}
					seen[d.ID] = true
					n := len(d.Title+d.Byline+d.Brief+d.Body+d.EditorComment) * newsroom.JSONBytesPerByte
					if i == 0 && pages > 0 && before+n <= newsroom.MaxListBytes {
						t.Fatalf("page %d ends before draft %d, which it had room for", pages, d.ID)
					}
					counted += n
					answer += jsonBytes(t, d.Title, d.Byline, d.Brief, d.Body, d.EditorComment)
				}
				if len(page.Items) > 1 && answer > newsroom.MaxListBytes {
					t.Fatalf("a page of %d drafts takes %d bytes of answer for its text; the most is %d", len(page.Items), answer, newsroom.MaxListBytes)
				}
				pages, next, before = pages+1, page.Next, counted
			}
			if len(seen) != len(want) {
				t.Fatalf("the pages listed %d drafts, want %d", len(seen), len(want))
			}
			if tt.name == "Summaries" && pages != 1 {
				t.Fatalf("the summaries took %d pages, want one", pages)
			}
		})
	}
}

// jsonBytes is the bytes texts take as JSON strings, escaped as the server writes them.
func jsonBytes(t *testing.T, texts ...string) int {
	t.Helper()
	n := 0
	for _, text := range texts {
		b, err := json.Marshal(text)
		if err != nil {
			t.Fatal(err)
		}
		n += len(b) - len(`""`)
	}
	return n
}
