//go:build unix

package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// The archive BenchmarkSearch searches: as many pieces and comments as the issue asks a search
// to answer over in 50 ms at the 99th percentile.
const (
	archivePieces   = 10_000
	archiveWords    = 800
	archiveComments = 200_000
	archiveWriters  = 20
)

// BenchmarkSearch seeds an archive of 10,000 pieces of 800 words and 200,000 comments once,
// on a database from before the search index, so that the migration builds the index for all
// of it as it would for an upgraded newsroom (its time is reported as backfill-s). It then
// searches as an editor (who sees every piece) and as a writer (who sees their own) with
// common and rare words, phrases, prefixes and exclusions, one query after another, and
// reports the 50th and 99th percentile of a search's time and the CPU time this process spent
// on one (on PostgreSQL the server's share is not in it). Run it with
//
//	go test ./internal/store -run '^$' -bench BenchmarkSearch -benchtime 2000x
func BenchmarkSearch(b *testing.B) {
	dsn := storetest.DSN(b)
	db := openOld(b, dsn, 15)
	vocab := archiveVocabulary(b)
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	text := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	seedArchive(b, db, text)
	start := time.Now()
	s := openMigrated(b, dsn, store.Options{})
	backfill := time.Since(start)
	if _, err := s.DB().Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	editor := newsroom.WithUser(context.Background(), &newsroom.User{ID: 1, Username: "ed", Role: newsroom.RoleEditor})
	writer := newsroom.WithUser(context.Background(), &newsroom.User{ID: 2, Username: "w2", Role: newsroom.RoleWriter})
	queries := archiveQueries(vocab, text)
	var times []time.Duration
	cpu := cputime.Used(b)
	for i := 0; b.Loop(); i++ {
		ctx := editor
		if i%2 == 1 {
			ctx = writer
		}
		q := queries[(i/2)%len(queries)]
		t0 := time.Now()
		if _, err := s.Search(ctx, newsroom.DraftFilter{Query: q, Limit: 25}); err != nil {
			b.Fatalf("%q: %v", q, err)
		}
		times = append(times, time.Since(t0))
	}
	cputime.Report(b, cputime.Used(b)-cpu)
	slices.Sort(times)
	ms := func(p float64) float64 { return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(backfill.Seconds(), "backfill-s")
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// archiveVocabulary is the words the archive is written in, most common first: the words of
// the sample piece, then made-up words for a long tail of rare ones.
func archiveVocabulary(b *testing.B) []string {
	raw, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	var vocab []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(string(raw)), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	syllables := []string{"ka", "lo", "mi", "ter", "van", "su", "dre", "pol", "nix", "ba", "reo", "fin", "gu", "sta", "we", "zor"}
	for i := 0; len(vocab) < 40_000; i++ {
		w := ""
		for n := i; ; n /= len(syllables) {
			w += syllables[n%len(syllables)]
			if n < len(syllables) {
				break
			}
		}
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return vocab
}

// seedArchive writes the users, pieces and comments of the archive straight into db.
func seedArchive(b *testing.B, db *sql.DB, text func(n int) string) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	users := [][]any{{1, "ed", "Ed", "editor", "x", now}}
	for w := 2; w <= archiveWriters+1; w++ {
		users = append(users, []any{w, fmt.Sprintf("w%d", w), fmt.Sprintf("Writer %d", w), "writer", "x", now})
	}
	insertRows(b, db, "users", "id, username, name, role, password_hash, created_at", users)
	stages := []string{"draft", "fact_check", "editing", "approved", "published"}
	var pieces, comments [][]any
	for id := 1; id <= archivePieces; id++ {
		pieces = append(pieces, []any{id, 2 + id%archiveWriters, text(8), "By a writer", text(30), text(archiveWords),
			fmt.Sprintf(`[%q]`, text(1)), stages[id%len(stages)], 1, now, now})
		if len(pieces) == 250 {
			insertRows(b, db, "drafts", "id, writer_id, title, byline, brief, body, topics, stage, version, created_at, updated_at", pieces)
			pieces = pieces[:0]
		}
	}
	for id := 1; id <= archiveComments; id++ {
		comments = append(comments, []any{id, 1 + id%archivePieces, 1, "body", text(15), "w", "w", "", "", 0, 1, 1, now})
		if len(comments) == 1000 {
			insertRows(b, db, "comments", "id, draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos, anchored_version, created_at", comments)
			comments = comments[:0]
		}
	}
}

// insertRows inserts rows into table in one statement.
func insertRows(b testing.TB, db *sql.DB, table, columns string, rows [][]any) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "INSERT INTO %s (%s) VALUES ", table, columns)
	var args []any
	for i, row := range rows {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for j, v := range row {
			if j > 0 {
				sb.WriteByte(',')
			}
			args = append(args, v)
			if storetest.Postgres() {
				fmt.Fprintf(&sb, "$%d", len(args))
			} else {
				sb.WriteByte('?')
			}
		}
		sb.WriteByte(')')
	}
	if _, err := db.Exec(sb.String(), args...); err != nil {
		b.Fatalf("seeding %s: %v", table, err)
	}
}

// archiveQueries are searches of every kind over the archive: the commonest words, middling and
// rare ones, a phrase found in the text, prefixes, several words, and exclusions.
func archiveQueries(vocab []string, text func(n int) string) []string {
	qs := []string{vocab[0], vocab[1] + " " + vocab[2], vocab[40], vocab[300], vocab[5_000], vocab[39_000],
		`"` + vocab[0] + " " + vocab[1] + `"`, vocab[3][:2] + "*", vocab[500][:3] + "*", vocab[20] + " -" + vocab[0],
		vocab[100] + " " + vocab[2_000], "nosuchword"}
	for range 4 {
		w := strings.Fields(text(3))
		qs = append(qs, `"`+w[0]+" "+w[1]+" "+w[2]+`"`)
	}
	return qs
}
