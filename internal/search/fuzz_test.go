package search_test

import (
	"database/sql"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"

	"github.com/copydesk/copydesk/internal/search"
)

// FuzzParse parses any input and runs what it compiles to on the databases: SQLite's FTS4
// must accept the MATCH expression, and PostgreSQL (when COPYDESK_TEST_POSTGRES names one)
// the tsquery, whatever was typed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`flood defences`, `"flood defences"`, `defen*`, `flood -river`, `-river`, `"`, `""`, `"""`, `*`, `-`, `--x`, `-"`,
		`NEAR`, `a NEAR/2 b`, `a OR b`, `a AND NOT b`, `(a OR b) NOT c`, `title:flood`, `body:"x y"`, `^flood`,
		`'`, `''`, `'; DROP TABLE drafts; --`, `a & b | !c`, `a <-> b`, `a:*`, `a:AB`, `\`, `\"`, "\x00", "\xff\xfe",
		"Cafe\u0301", "\u0301", "\u0301\u0301a", "Москва", "東京都", "🙂 flood", "a\u200db", `x*y*z`, `"a* b*"`,
	} {
		f.Add(s)
	}
	lite, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	lite.SetMaxOpenConns(1)
	if _, err := lite.Exec(`CREATE VIRTUAL TABLE t USING fts4(a, b, tokenize=unicode61 "remove_diacritics=0");
		INSERT INTO t(a, b) VALUES ('flood defences', 'Café Москва 東京 river')`); err != nil {
		f.Fatal(err)
	}
	var pg *sql.DB
	if dsn := os.Getenv("COPYDESK_TEST_POSTGRES"); dsn != "" {
		if pg, err = sql.Open("pgx", dsn); err != nil {
			f.Fatal(err)
		}
		defer pg.Close()
	}
	f.Fuzz(func(t *testing.T, in string) {
		q := search.Parse(in)
		if q.Empty() {
			return
		}
		rows, err := lite.Query("SELECT count(*) FROM t WHERE t MATCH ?", q.FTS4())
		if err == nil {
			rows.Close()
			err = rows.Err()
		}
		if err != nil {
			t.Fatalf("FTS4 refused %q (from %q): %v", q.FTS4(), in, err)
		}
		if pg == nil {
			return
		}
		var n int
		if err := pg.QueryRow("SELECT numnode(to_tsquery('simple', $1))", q.TSQuery()).Scan(&n); err != nil {
			t.Fatalf("PostgreSQL refused %q (from %q): %v", q.TSQuery(), in, err)
		}
	})
}
