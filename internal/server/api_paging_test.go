package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// TestAPIPagingStableAcrossPublish: an app pages through GET /api/v1/articles (the whole list,
// a topic's, an author's) by each answer's next link while the newsroom publishes a piece
// before each page: it gets every piece published before it began once, none twice and none
// missed. Counted by offset, every publish moved a piece from each page into the next.
func TestAPIPagingStableAcrossPublish(t *testing.T) {
	tests := []struct{ name, path string }{
		{"All", "/api/v1/articles"},
		{"Topic", "/api/v1/articles?topic=mexico"},
		{"TopicAndAuthor", "/api/v1/articles?topic=mexico&author=ana-perez"},
	}
	a := newTestApp(t)
	seedPublished(t, a, 100)
	published := 0
	type page struct {
		Items []struct{ Slug string }
		Next  string
	}
	walk := func(path string, between func()) []string {
		t.Helper()
		var slugs []string
		for path != "" {
			res := a.do("", "GET", path, "")
			wantStatus(t, res, http.StatusOK)
			p := decode[page](t, res)
			for _, it := range p.Items {
				slugs = append(slugs, it.Slug)
			}
			path = p.Next
			if path != "" {
				u, err := url.Parse(path)
				if err != nil {
					t.Fatal(err)
				}
				path = u.RequestURI()
				between()
			}
		}
		return slugs
	}
	t.Run("ErrBadCursor", func(t *testing.T) {
		wantStatus(t, a.do("", "GET", "/api/v1/articles?page=2&after=not-a-cursor", ""), http.StatusUnprocessableEntity)
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := walk(tt.path, func() {})
			walked := walk(tt.path, func() {
				published++
				title := fmt.Sprintf("App News %d", published)
				d := importAndApprove(t, a, housePiece(title, "Ana Pérez", "What happened, "+title+".", []string{"The body."}, []string{"Mexico"}, ""))
				wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), http.StatusOK)
			})
			seen := map[string]int{}
			for _, w := range walked {
				seen[w]++
			}
			for _, b := range before {
				if seen[b] != 1 {
					t.Errorf("the walk showed %s %d times", b, seen[b])
				}
			}
		})
	}
}
