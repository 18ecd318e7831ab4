package publish

import (
	"html/template"
	"io"
)

// SearchHit is one published piece a public search found, with a snippet of its text.
type SearchHit struct {
	Article Article
	Snippet string // HTML: the text escaped, the words found in <mark>, as search.HTML writes it
}

// searchView is the search page's query, results and pages.
type searchView struct {
	Query string
	Hits  []searchHitView
}

// searchHitView is a hit as the page shows it.
type searchHitView struct {
	articleView
	Snippet template.HTML
}

// SearchPage writes page n of a public search for q: the hits in the order given, each with
// its snippet, and links to the pages before and after it (more says whether one follows).
func SearchPage(w io.Writer, site Site, q string, hits []SearchHit, n int, more bool) error {
	p := page{Search: &searchView{Query: q}}
	if n > 1 {
		p.Pager.Prev, p.Pager.PrevText = searchURL(site, q, n-1), "Previous results"
	}
	if more {
		p.Pager.Next, p.Pager.NextText = searchURL(site, q, n+1), "More results"
	}
	for _, h := range hits {
		// The snippet is HTML that search.HTML escaped, which is why it may be trusted here.
		p.Search.Hits = append(p.Search.Hits, searchHitView{articleView: view(site, h.Article), Snippet: template.HTML(h.Snippet)})
	}
	return render(w, searchPage, site, p)
}
