//go:build unix

package store_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// BenchmarkCommentWorst measures the worst requests that anchor comments, on the longest body a
// draft may have, with 200 comments on newsroom.MaxCommentQuote code points each, and reports
// the CPU time of one request: it must stay under 200 ms.
func BenchmarkCommentWorst(b *testing.B) {
	// The save of a one-character change of the intro, after which no comment's context agrees
	// in full anywhere in the letters, so that each comment's search runs to the end of its
	// share of the budget.
	b.Run("SaveRepetitiveNoContextAnywhere", func(b *testing.B) {
		f := newNewsroomAt(b, store.Options{})
		d := repetitiveDraft(b, f, newsroom.MaxBody-len("Intro: "), 200)
		marks := []string{";", ":"}
		var cpu time.Duration
		for i := 0; b.Loop(); i++ {
			start := cputime.Used(b)
			var err error
			if d, err = saveIntro(f, d, marks[i%2]); err != nil {
				b.Fatal(err)
			}
			cpu += cputime.Used(b) - start
		}
		cputime.Report(b, cpu)
	})
	// The save of a word replaced all through a body of words, which edits every comment's
	// words, so that every comment needs the fuzzy search. A comment that moves stops being the
	// worst case, so each save is of a fresh draft.
	b.Run("SaveEveryQuoteEdited", func(b *testing.B) {
		f := newNewsroomAt(b, store.Options{})
		body := wordsBody(newsroom.MaxBody)
		edited := strings.ReplaceAll(body, " the ", " teh ")
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			d := commentedDraft(b, f, body, 200, 1990)
			b.StartTimer()
			start := cputime.Used(b)
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &edited, Version: d.Version}); err != nil {
				b.Fatal(err)
			}
			cpu += cputime.Used(b) - start
		}
		cputime.Report(b, cpu)
	})
	// A new comment quoting newsroom.MaxCommentQuote letters of the letters, found by its
	// prefix, and one that occurs everywhere and is refused as ambiguous.
	for _, tc := range []struct {
		name, prefix string
	}{{"CreateByQuoteAtCap", "Intro: "}, {"CreateByQuoteAtCapAmbiguous", ""}} {
		b.Run(tc.name, func(b *testing.B) {
			f := newNewsroomAt(b, store.Options{})
			d := repetitiveDraft(b, f, newsroom.MaxBody-len("Intro: "), 0)
			nc := newsroom.NewComment{Field: "body", Body: "x",
				Quote: &newsroom.TextQuote{Exact: strings.Repeat("a", newsroom.MaxCommentQuote), Prefix: tc.prefix}}
			var cpu time.Duration
			for b.Loop() {
				start := cputime.Used(b)
				if _, err := f.s.CreateComment(f.editor, d.ID, nc); (err == nil) != (tc.prefix != "") {
					b.Fatal(err)
				}
				cpu += cputime.Used(b) - start
			}
			cputime.Report(b, cpu)
		})
	}
}

// wordsBody returns n code points of words from a small vocabulary, the same every time.
func wordsBody(n int) string {
	words := strings.Fields("the council mayor budget vote city said on a of to and in for night plan road school tax water park street board member public meeting report week year")
	rng := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String()[:n])
}

// commentedDraft creates a draft with body in editing and comments comments by the editor on
// newsroom.MaxCommentQuote code points each, every step code points.
func commentedDraft(tb testing.TB, f *newsroomFixture, body string, comments, step int) *newsroom.Draft {
	tb.Helper()
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Words", Body: body})
	if err != nil {
		tb.Fatal(err)
	}
	d = f.walk(tb, d, newsroom.StageEditing)
	for i := range comments {
		if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(i * step),
			End: intp(i*step + newsroom.MaxCommentQuote), Body: "Check."}); err != nil {
			tb.Fatal(err)
		}
	}
	return d
}
