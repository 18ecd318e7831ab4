package store

import (
	"database/sql"
	"encoding/binary"
	"math"

	"github.com/mattn/go-sqlite3"

	"github.com/copydesk/copydesk/internal/search"
)

// sqliteDriver is go-sqlite3 with Copydesk's SQL functions on every connection: the search
// index's triggers and queries call them (see migrations/sqlite/00020_search.sql).
const sqliteDriver = "sqlite3_copydesk"

func init() {
	sql.Register(sqliteDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := c.RegisterFunc("copydesk_search_text", search.IndexText, true); err != nil {
			return err
		}
		return c.RegisterFunc("copydesk_rank", rankBM25, true)
	}})
}

// BM25's constants, as SQLite's FTS5 and most engines set them.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// rankBM25 scores one row of an FTS4 match from matchinfo(table, 'pcnalx') with Okapi BM25,
// each column's score times its weight (weights in the table's column order; a column without
// one weighs 1). FTS4 has no bm25 of its own. A larger score is a better match.
func rankBM25(info []byte, weights ...float64) float64 {
	u := func(i int) float64 {
		if 4*i+4 > len(info) {
			return 0
		}
		return float64(binary.NativeEndian.Uint32(info[4*i:]))
	}
	phrases, cols, rows := int(u(0)), int(u(1)), u(2)
	avg, length, hits := 3, 3+cols, 3+2*cols
	score := 0.0
	for c := 0; c < cols; c++ {
		w := 1.0
		if c < len(weights) {
			w = weights[c]
		}
		norm := bm25K1 * (1 - bm25B + bm25B*u(length+c)/math.Max(u(avg+c), 1))
		for p := 0; p < phrases; p++ {
			x := hits + 3*(p*cols+c)
			tf, docs := u(x), u(x+2)
			if tf == 0 {
				continue
			}
			idf := math.Log(1 + (rows-docs+0.5)/(docs+0.5))
			score += w * idf * tf * (bm25K1 + 1) / (tf + norm)
		}
	}
	return score
}
