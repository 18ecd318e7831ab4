package server_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestArticlesAPI reads the published pieces without signing in: a page at a time, by topic and
// by author, and one piece with its text and the links to its renditions.
func TestArticlesAPI(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 35)
	type summary struct {
		Slug, Title, Byline, Language string
		Topics                        []string
		URLs                          map[string]string
	}
	type page struct {
		Items      []summary
		Page       int
		Prev, Next string
	}
	tests := []struct {
		name, url           string
		wantFirst, wantLast string
		wantCount           int
		wantPrev, wantNext  string
	}{
		{"First", "/api/v1/articles", "piece-35", "piece-6", 30, "", "/api/v1/articles?page=2"},
		{"Second", "/api/v1/articles?page=2", "piece-5", "piece-1", 5, "/api/v1/articles?page=1", ""},
		{"Topic", "/api/v1/articles?topic=mexico", "piece-35", "piece-4", 10, "", ""},
		{"Author", "/api/v1/articles?author=ana-perez", "piece-31", "piece-1", 7, "", ""},
		{"Both", "/api/v1/articles?topic=mexico&author=ana-perez", "piece-21", "piece-11", 2, "", ""},
		{"Nobody", "/api/v1/articles?author=nobody", "", "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("", "GET", tt.url, "")
			wantStatus(t, res, 200)
			p := decode[page](t, res)
			// The next link carries the cursor of the page's last piece beside its number.
			next, err := url.Parse(p.Next)
			if err != nil {
				t.Fatal(err)
			}
			v := next.Query()
			after := v.Get("after")
			v.Del("after")
			next.RawQuery = v.Encode()
			if len(p.Items) != tt.wantCount || p.Prev != tt.wantPrev || next.String() != tt.wantNext || (after != "") != (tt.wantNext != "") {
				t.Fatalf("%d items, prev %q, next %q", len(p.Items), p.Prev, p.Next)
			}
			if tt.wantCount > 0 && (p.Items[0].Slug != tt.wantFirst || p.Items[len(p.Items)-1].Slug != tt.wantLast) {
				t.Fatalf("items from %s to %s", p.Items[0].Slug, p.Items[len(p.Items)-1].Slug)
			}
		})
	}
	t.Run("One", func(t *testing.T) {
		res := a.do("", "GET", "/api/v1/articles/piece-11", "")
		wantStatus(t, res, 200)
		p := decode[struct {
			summary
			Body        []string
			Corrections []struct{ Note string }
		}](t, res)
		if p.Title != "Piece 11" || p.Byline != "Ana Pérez" || p.Language != "en" || strings.Join(p.Topics, ",") != "Trade,Mexico" ||
			len(p.Body) != 1 || p.Corrections == nil || !strings.HasSuffix(p.URLs["markdown"], "/articles/piece-11.md") || !strings.HasSuffix(p.URLs["api"], "/api/v1/articles/piece-11") {
			t.Fatalf("article = %+v", p)
		}
		wantStatus(t, a.do("", "GET", "/api/v1/articles/piece-99", ""), 404)
	})
}
