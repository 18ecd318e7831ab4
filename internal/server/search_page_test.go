package server_test

import (
	"strings"
	"testing"
)

// TestPublicSearchPage searches the published pieces without signing in, with the query and
// the titles escaped and the words found marked in the snippets.
func TestPublicSearchPage(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 25)
	tests := []struct {
		name, url string
		status    int
		want      []string
		wantNot   []string
	}{
		{"Form", "/search", 200, []string{`<form class="search" method="get" action="/search"`}, []string{"No published piece"}},
		{"Found", "/search?q=piece", 200, []string{`<a href="/articles/piece-25">Piece 25</a>`, "<mark>Piece</mark>", `<a rel="next" href="/search?page=2&amp;q=piece">More results</a>`}, nil},
		{"SecondPage", "/search?q=piece&page=2", 200, []string{`<a rel="prev" href="/search?q=piece">Previous results</a>`}, []string{`rel="next"`}},
		{"PastTheEnd", "/search?q=piece&page=3", 404, nil, nil},
		{"BadPage", "/search?q=piece&page=x", 404, nil, nil},
		{"Nothing", "/search?q=zebra", 200, []string{"No published piece matches that search."}, nil},
		{"Escaped", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", 200, []string{`value="&lt;script&gt;alert(1)&lt;/script&gt;"`}, []string{"<script>alert"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("", "GET", tt.url, "")
			wantStatus(t, res, tt.status)
			for _, w := range tt.want {
				if !strings.Contains(res.Body.String(), w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(res.Body.String(), w) {
					t.Errorf("holds %q", w)
				}
			}
		})
	}
}
