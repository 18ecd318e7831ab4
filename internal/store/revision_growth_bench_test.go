//go:build unix

package store_test

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// growthDir, when set, is where BenchmarkRevisionGrowth leaves VACUUM'd copies of its database
// from before and after the saves, for a look table by table (sqlite3's dbstat).
var growthDir = flag.String("growth.dir", "", "keep BenchmarkRevisionGrowth's before.db and after.db here")

// BenchmarkRevisionGrowth measures how much one save of a one-paragraph change to an 11 kB draft
// (18 paragraphs, 5 quotations, 20 comments) adds to a SQLite database, VACUUM'd before and
// after, with everything a save writes: the revision, the draft, the ledger, the comments'
// anchors, the search index, the events. Run it over 10,000 saves with -benchtime=10000x.
func BenchmarkRevisionGrowth(b *testing.B) {
	if storetest.Postgres() {
		b.Skip("the growth is measured on SQLite's file")
	}
	f := newNewsroomAt(b, store.Options{})
	rng := rand.New(rand.NewPCG(18, 2026))
	paras := proseParagraphs(rng, 18)
	d := commentedProse(b, f, paras)
	db := f.s.DB()
	before := vacuumedSize(b, db, "before.db")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := editableParagraph(i)
		paras[k] = proseParagraph(rng, "")
		body := strings.Join(paras, "\n")
		var err error
		if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	after := vacuumedSize(b, db, "after.db")
	b.ReportMetric(float64(after-before)/float64(b.N), "B/save")
	b.ReportMetric(float64(len(d.Body)), "body-B")
}

// quoteEvery is the spacing of the paragraphs that hold a quotation (0, 4, 8, 12, 16).
const quoteEvery = 4

// editableParagraph is the paragraph the ith save rewrites: never one holding a quotation, on
// which the comments sit, so that every save is the same kind of change.
func editableParagraph(i int) int {
	k := i % 18
	if k%quoteEvery == 0 {
		k++
	}
	return k
}

// proseParagraphs returns n paragraphs of about 610 bytes of plain prose, every quoteEvery-th
// one holding an attributed quotation.
func proseParagraphs(rng *rand.Rand, n int) []string {
	paras := make([]string, n)
	for i := range paras {
		quote := ""
		if i%quoteEvery == 0 {
			quote = fmt.Sprintf("“The %s will %s the %s before the %s,” said %s.", growthWord(rng), growthWord(rng), growthWord(rng), growthWord(rng),
				[]string{"Rosa Delgado", "Marcus Kelly", "Priya Haddad", "Omar Mensah", "Keiko Tanaka"}[i/quoteEvery%5])
		}
		paras[i] = proseParagraph(rng, quote)
	}
	return paras
}

// proseParagraph returns about 610 bytes of sentences, opening with quote.
func proseParagraph(rng *rand.Rand, quote string) string {
	var p strings.Builder
	p.WriteString(quote)
	for p.Len() < 600 {
		if p.Len() > 0 {
			p.WriteByte(' ')
		}
		n := 8 + rng.IntN(12)
		w := growthWord(rng)
		p.WriteString(strings.ToUpper(w[:1]) + w[1:])
		for range n {
			p.WriteString(" " + growthWord(rng))
		}
		p.WriteByte('.')
	}
	return p.String()
}

var growthWords = strings.Fields(`the council city county state budget plan vote members residents hearing committee school
	clinic road bridge water tax rate funds report week year officials mayor governor agency department board court
	judge police fire station hospital district housing rent market prices workers union contract strike talks deal
	proposal meeting public record data figures survey study analysis growth decline increase cut cost spending revenue
	deficit surplus project program service transit bus rail line route airport port river coast storm flood drought
	said told added noted warned argued agreed rejected approved delayed announced expected would could might will
	new old large small local national regional federal early late long short first second third last next several
	and but or so yet while after before during since until because although when where in on at by for with from`)

func growthWord(rng *rand.Rand) string { return growthWords[rng.IntN(len(growthWords))] }

// commentedProse creates a draft of paras in editing, with four comments by the editor on each
// paragraph that holds a quotation.
func commentedProse(b *testing.B, f *newsroomFixture, paras []string) *newsroom.Draft {
	b.Helper()
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "The council's budget", Byline: "Sarah Johnson",
		Brief: "The council met on the budget.", Body: strings.Join(paras, "\n"), Topics: []string{"City Hall", "Budget"}})
	if err != nil {
		b.Fatal(err)
	}
	d = f.walk(b, d, newsroom.StageEditing)
	at := 0
	for i, p := range paras {
		n := utf8.RuneCountInString(p)
		for c := 0; i%quoteEvery == 0 && c < 4; c++ {
			start := at + c*n/4
			if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(start), End: intp(start + 40), Body: "Check this."}); err != nil {
				b.Fatal(err)
			}
		}
		at += n + 1
	}
	return d
}

// vacuumedSize VACUUMs the database and returns its size in bytes, leaving a copy named name
// in growthDir when it is set.
func vacuumedSize(b *testing.B, db *sql.DB, name string) int64 {
	b.Helper()
	if _, err := db.Exec("VACUUM"); err != nil {
		b.Fatal(err)
	}
	var size int64
	if err := db.QueryRow("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").Scan(&size); err != nil {
		b.Fatal(err)
	}
	if *growthDir != "" {
		keep := filepath.Join(*growthDir, name)
		if err := os.Remove(keep); err != nil && !errors.Is(err, fs.ErrNotExist) {
			b.Fatal(err)
		}
		if _, err := db.Exec("VACUUM INTO ?", keep); err != nil {
			b.Fatal(err)
		}
	}
	return size
}

// BenchmarkRevisionRead reads the worst revision of an 11 kB draft: the last of a full chain,
// a keyframe and revpack.MaxDepth deltas of a few words each, as autosaves make them.
func BenchmarkRevisionRead(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	rng := rand.New(rand.NewPCG(18, 2026))
	paras := proseParagraphs(rng, 18)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Autosaved", Body: strings.Join(paras, "\n")})
	if err != nil {
		b.Fatal(err)
	}
	for i := range revpack.MaxDepth {
		paras[i%18] += " " + growthWord(rng)
		body := strings.Join(paras, "\n")
		if d, err = f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			b.Fatal(err)
		}
	}
	var deltas int
	if err := f.s.DB().QueryRow("SELECT version - packed_from FROM revisions WHERE draft_id = $1 AND version = $2", d.ID, d.Version).Scan(&deltas); err != nil || deltas != revpack.MaxDepth {
		b.Fatalf("the last revision follows %d deltas, want %d (%v)", deltas, revpack.MaxDepth, err)
	}
	start := cputime.Used(b)
	for b.Loop() {
		if _, err := f.s.Revision(f.writer, d.ID, d.Version); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, cputime.Used(b)-start)
}
