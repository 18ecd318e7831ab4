package newsroom

// SearchHit is a draft a full-text search found: the draft, a snippet of its text around the
// words matched (HTML: the text escaped, each matched word in <mark>), and its rank, larger for
// a better match. Ranks order one search's results; they mean nothing across searches or
// databases.
type SearchHit struct {
	Draft
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// SearchPage is one page of a search's results, best first; Next is empty on the last page.
// Before is how many results the pages before it held, for a page to number its results on
// from theirs.
type SearchPage struct {
	Items  []SearchHit `json:"items"`
	Next   string      `json:"next"`
	Before int         `json:"-"`
}
