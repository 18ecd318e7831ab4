package store

import (
	"context"
	"fmt"
	"math"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/search"
)

// rankWeights weigh where a word is found, in the indexes' column order: the title, then the
// brief with the byline and topics, the body, and the comments (which published_search has not). They are PostgreSQL's default
// weights of A, B, C and D, so both databases rank alike.
var rankWeights = [4]float64{1.0, 0.4, 0.2, 0.1}

// rankWindow caps the drafts a search ranks: of those it matches, the newest this many. A word
// in nearly every piece would otherwise have the whole archive ranked for each search, though
// its rank tells them little apart; a search that needs older pieces adds a word.
const rankWindow = 500

// snippetWords is about how many words a snippet shows.
const snippetWords = 24

// rankedID is a draft or an article found by a search and its rank.
type rankedID struct {
	ID   int64
	Rank float64
}

// Search returns a page of the drafts the acting user may see that match f.Query, read as
// search.Parse reads it, best first, each with a snippet of its text around the words found;
// f's stage and assignee filters narrow it as they narrow a list. A query without a word finds
// nothing. Drafts saved before it began are indexed first (see indexPending), so it finds them;
// if that fails, it answers from the index as it stands and logs why.
func (s *Store) Search(ctx context.Context, f newsroom.DraftFilter) (*newsroom.SearchPage, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	offset, err := decodeOffset(f.Cursor)
	if err != nil {
		return nil, err
	}
	page := &newsroom.SearchPage{Items: []newsroom.SearchHit{}, Before: offset}
	q := search.Parse(f.Query)
	if q.Empty() {
		return page, nil
	}
	if err := s.indexPending(ctx, s.requestTurn); err != nil {
		// As in PublicSearch: the index as it stands rather than no answer.
		s.log.Error("search: indexing the drafts saved since the last run failed; searching the index as it stands", "error", err)
	}
	var ranked []rankedID
	err = s.searchRead(ctx, func(db *gorm.DB) error {
		seen := func(found *gorm.DB) *gorm.DB { return s.narrowed(s.visibleTo(found, u), f) }
		return s.searchRanked(db, s.searchFound(db, draftIndex, seen, q), q).Limit(f.Limit + 1).Offset(offset).Scan(&ranked).Error
	})
	if err != nil {
		return nil, internal("search", err)
	}
	n, err := s.hitsFit(ctx, ranked)
	if err != nil {
		return nil, internal("search", err)
	}
	if n = min(n, f.Limit); n < len(ranked) {
		ranked = ranked[:n]
		page.Next = encodeOffset(offset + n)
	}
	if page.Items, err = s.searchHits(ctx, u, q, ranked); err != nil {
		return nil, internal("search", err)
	}
	return page, nil
}

// hitsFit returns how many of the drafts ranked one page of results holds, each result being a
// whole draft: those whose text, at newsroom.JSONBytesPerByte bytes of answer a byte, stays
// within newsroom.MaxListBytes together (see newsroom.ListFits), read by its size alone before
// any text is.
func (s *Store) hitsFit(ctx context.Context, ranked []rankedID) (int, error) {
	if len(ranked) == 0 {
		return 0, nil
	}
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.ID
	}
	var rows []struct {
		ID    int64
		Bytes int
	}
	if err := s.read(ctx).Table("drafts").Select("drafts.id, "+textBytesSQL+" AS bytes").Where("drafts.id IN ?", ids).Scan(&rows).Error; err != nil {
		return 0, err
	}
	size := make(map[int64]int, len(rows))
	for _, r := range rows {
		size[r.ID] = r.Bytes
	}
	sizes := make([]int, len(ranked))
	for i, r := range ranked {
		sizes[i] = size[r.ID]
	}
	return newsroom.ListFits(sizes), nil
}

// searchRead runs fn on the read pool. On PostgreSQL it runs in a transaction that keeps the
// planner to bitmap scans: for a word in most pieces it would otherwise scan the table, or its
// key's index, and read every row's tsvector to test it (half a second over 10,000 pieces),
// where the GIN index answers a word or a prefix without reading them (27 ms).
func (s *Store) searchRead(ctx context.Context, fn func(db *gorm.DB) error) error {
	if !s.pg {
		return fn(s.read(ctx))
	}
	return s.read(ctx).Transaction(func(tx *gorm.DB) error {
		for _, set := range []string{"SET LOCAL enable_seqscan = off", "SET LOCAL enable_indexscan = off"} {
			if err := tx.Exec(set).Error; err != nil {
				return err
			}
		}
		return fn(tx)
	})
}

// searchIndex names a full-text index and the table whose rows it indexes: draft_search, keyed
// by draft, and published_search, keyed by article. On SQLite the key is the FTS4 table's docid.
type searchIndex struct {
	table, rows, keyPG string
}

var (
	draftIndex     = searchIndex{table: "draft_search", rows: "drafts", keyPG: "draft_id"}
	publishedIndex = searchIndex{table: "published_search", rows: "articles", keyPG: "article_id"}
)

// key is the column of the index that holds its rows' ids.
func (s *Store) key(ix searchIndex) string {
	if s.pg {
		return ix.table + "." + ix.keyPG
	}
	return ix.table + ".docid"
}

// searchFound selects the newest rankWindow rows of ix's table among those seen keeps (the
// drafts a user may see, narrowed by a list's filters, or the public articles) that match q in
// ix, newest first: id, and its rank on SQLite (where matchinfo works only beside the MATCH), or
// its tsvector to rank on PostgreSQL. On SQLite the CROSS JOIN keeps the index's match as the
// outer loop, so that it runs once rather than once per row, and its rows come in docid order,
// so the LIMIT ends the walk early.
func (s *Store) searchFound(db *gorm.DB, ix searchIndex, seen func(*gorm.DB) *gorm.DB, q search.Query) *gorm.DB {
	if s.pg {
		return s.searchFoundPG(db, ix, seen, q)
	}
	w := rankWeights
	found := db.Table(ix.table).
		Select(ix.rows+".id AS id, copydesk_rank(matchinfo("+ix.table+", 'pcnalx'), ?, ?, ?, ?) AS rank", w[0], w[1], w[2], w[3]).
		Joins("CROSS JOIN "+ix.rows+" ON "+ix.rows+".id = "+s.key(ix)).
		Where(ix.table+" MATCH ?", q.FTS4())
	return seen(found).Order(s.key(ix) + " DESC").Limit(rankWindow)
}

// searchFoundPG is searchFound on PostgreSQL. The GIN index finds the rows that hold every
// word to be found; only then, newest first until rankWindow are found, is each tested against
// the whole query, whose phrases and exclusions need the row's tsvector read: a phrase of
// common words would otherwise have every piece read.
func (s *Store) searchFoundPG(db *gorm.DB, ix searchIndex, seen func(*gorm.DB) *gorm.DB, q search.Query) *gorm.DB {
	held := db.Table(ix.table).Select(ix.rows+".id AS id, "+ix.table+".doc AS doc").
		Joins("JOIN "+ix.rows+" ON "+ix.rows+".id = "+s.key(ix)).
		Where(ix.table+".doc @@ to_tsquery('simple', ?)", q.TSQueryWords())
	held = seen(held).Order(s.key(ix) + " DESC")
	if q.TSQueryWords() == q.TSQuery() {
		return held.Limit(rankWindow)
	}
	// A LIMIT keeps the test of the whole query outside, after the order, where the outer LIMIT
	// stops it: PostgreSQL pushes no condition into a subquery that has one (GORM writes no
	// OFFSET 0).
	held = held.Limit(math.MaxInt32)
	return db.Table("(?) AS held", held).Select("held.id AS id, held.doc AS doc").
		Where("held.doc @@ to_tsquery('simple', ?)", q.TSQuery()).Limit(rankWindow)
}

// searchRanked orders the rows found best first, with their ranks.
func (s *Store) searchRanked(db *gorm.DB, found *gorm.DB, q search.Query) *gorm.DB {
	ranked := db.Table("(?) AS found", found)
	if s.pg {
		w := rankWeights
		ranked = ranked.Select("found.id AS id, ts_rank(?::real[], found.doc, to_tsquery('simple', ?), 1) AS rank",
			fmt.Sprintf("{%g,%g,%g,%g}", w[3], w[2], w[1], w[0]), q.TSQuery())
	} else {
		ranked = ranked.Select("found.id AS id, found.rank AS rank")
	}
	return ranked.Order("rank DESC, id DESC")
}

// searchHits reads the drafts ranked, as u may see them, with their snippets, in rank order;
// a draft that can no longer be seen is left out.
func (s *Store) searchHits(ctx context.Context, u *newsroom.User, q search.Query, ranked []rankedID) ([]newsroom.SearchHit, error) {
	hits := make([]newsroom.SearchHit, 0, len(ranked))
	if len(ranked) == 0 {
		return hits, nil
	}
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.ID
	}
	views, err := findDrafts(s.visibleTo(draftsQuery(s.read(ctx)), u).Where("drafts.id IN ?", ids))
	if err != nil {
		return nil, err
	}
	snippets, err := s.snippets(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	drafts := make(map[int64]*newsroom.Draft, len(views))
	for _, v := range views {
		drafts[v.Row.ID] = v.draft()
	}
	for _, r := range ranked {
		if d := drafts[r.ID]; d != nil {
			hits = append(hits, newsroom.SearchHit{Draft: *d, Snippet: search.HTML(snippets[r.ID]), Rank: r.Rank})
		}
	}
	return hits, nil
}

// snippets returns, by draft id, search.Snippet of each draft's indexed text (body first, so
// that a tie goes to it rather than to the title shown beside it). It is built in Go on both
// databases: PostgreSQL's ts_headline drops whatever looks like an HTML tag, and one builder
// shows a piece the same on either.
func (s *Store) snippets(ctx context.Context, q search.Query, ids []int64) (map[int64]string, error) {
	id := "docid"
	if s.pg {
		id = "draft_id"
	}
	var rows []struct {
		ID                           int64
		Title, Brief, Body, Comments string
	}
	err := s.read(ctx).Table("draft_search").Select(id+" AS id, title, brief, body, comments").Where(id+" IN ?", ids).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(rows))
	for _, r := range rows {
		out[r.ID] = search.Snippet(q, snippetWords, r.Body, r.Brief, r.Comments, r.Title)
	}
	return out, nil
}

// encodeOffset makes the opaque "next" value of a page of search results: how many results
// the pages before it held.
func encodeOffset(n int) string { return encodePair(int64(n), 0) }

func decodeOffset(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	n, zero, err := decodePair(c)
	if err != nil {
		return 0, err
	}
	if zero != 0 || n < 0 || n > 1_000_000 {
		return 0, newsroom.Errorf(newsroom.EINVALID, "invalid cursor")
	}
	return int(n), nil
}
