package store

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// fragments are what the random pieces are made of: words in several scripts, the format's own
// headings and footer, and every kind of space and line end. Now and then a character the
// format refuses comes in from refused.
var (
	fragments = []string{
		"Mexico", "Café", "naïve", "e\u0301", "東京", "مرحبا", "👍🏽", "“quoted”", "'single'", "<script>", "&amp;", `\`, `"`,
		"Brief", "Topics", "Editor's Comments", "Corrections", "May 8, 2025: a note", publish.DefaultFooter[0],
		"", " ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "\u200b", "\ufeff", "\n", "\r\n", "\r",
	}
	refused = []string{"\a", "\u0085", "\x1b", "\x7f"}
)

// randomField joins up to max fragments, with or without spaces between them.
func randomField(r *rand.Rand, max int) string {
	var b strings.Builder
	for range r.IntN(max + 1) {
		if r.IntN(200) == 0 {
			b.WriteString(refused[r.IntN(len(refused))])
		} else {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		if r.IntN(2) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// randomText builds a piece as a client might send it, before Normalize.
func randomText(r *rand.Rand) newsroom.Text {
	ends := []string{"\n", "\r\n", "\r", "\n\n", "\n \n"}
	var body strings.Builder
	for range 1 + r.IntN(5) {
		body.WriteString(randomField(r, 6))
		body.WriteString(ends[r.IntN(len(ends))])
	}
	topics := make([]string, r.IntN(4))
	for i := range topics {
		topics[i] = randomField(r, 3)
	}
	t := newsroom.Text{Title: randomField(r, 5), Byline: randomField(r, 3), Brief: randomField(r, 8), Body: body.String(), Topics: topics}
	if r.IntN(2) == 0 {
		t.EditorComment = randomField(r, 6)
	}
	return t
}

// roundTrip checks that a piece the gates let through, rendered in the house format with and
// without a footer, is read back by the importer as exactly that piece, each topic page once. It reports whether the
// piece got through the gates.
func roundTrip(t *testing.T, raw newsroom.Text) bool {
	t.Helper()
	text := raw.Normalize()
	if pieceGate(text) != nil {
		return false
	}
	a := ArticleOf(text)
	a.Slug, a.PublishedAt = "piece", time.Date(2025, 5, 7, 10, 0, 0, 0, time.UTC)
	for _, footer := range [][]string{publish.DefaultFooter, nil} {
		file := publish.Text(publish.Site{Footer: footer}, a)
		doc, err := publish.Parse(file, publish.DefaultFooter)
		if err != nil {
			t.Fatalf("the importer refuses a publishable piece: %v\npiece %#v\nfile:\n%s", err, text, file)
		}
		// An article lists topics that name one topic page once (publish.DistinctTopics), and
		// that is what comes back.
		want := text
		want.Topics = a.Topics
		if got := importedText(doc); !reflect.DeepEqual(got, want) {
			t.Fatalf("the round trip changed the piece:\n got %#v\nwant %#v\nfile:\n%s", got, want, file)
		}
	}
	return true
}

// TestHouseTextRoundTrip is the property that the importer and the text output agree on every
// piece that can be published, tried on pieces built from random fields.
func TestHouseTextRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2025))
	const pieces = 5000
	passed := 0
	for range pieces {
		if roundTrip(t, randomText(r)) {
			passed++
		}
	}
	if passed < pieces/10 {
		t.Fatalf("only %d of %d random pieces got through the gates; the property was hardly tried", passed, pieces)
	}
	t.Logf("%d of %d random pieces were publishable and round-tripped", passed, pieces)
}

// FuzzHouseTextRoundTrip explores the same property from any fields (topics separated by "|").
// Run it with `go test ./internal/store -run '^$' -fuzz FuzzHouseTextRoundTrip -fuzztime 60s`.
func FuzzHouseTextRoundTrip(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		t := randomText(r)
		f.Add(t.Title, t.Byline, t.Brief, t.Body, strings.Join(t.Topics, "|"), t.EditorComment)
	}
	f.Add("\ufeffTitle", "By\r\nline", "Brief", "One\rTwo", "", "")
	f.Fuzz(func(t *testing.T, title, byline, brief, body, topics, comment string) {
		text := newsroom.Text{Title: title, Byline: byline, Brief: brief, Body: body, EditorComment: comment}
		if topics != "" {
			text.Topics = strings.Split(topics, "|")
		}
		roundTrip(t, text)
	})
}
