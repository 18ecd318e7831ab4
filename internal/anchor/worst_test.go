package anchor_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
)

// The worst inputs built here are larger than any draft Copydesk accepts: a body of 1 MiB (the
// request limit) where the store allows 400,000 code points, and 200 comments on quotes of 2,000
// code points (the cap on a new comment).
const (
	worstLen   = 1 << 20
	worstQuote = 2000
	worstMany  = 200
	// worstWall is how long a worst case may take in the tests, on a loaded machine. The
	// searches these cases once sent quadratic took from seconds to hours.
	worstWall = 3 * time.Second
)

// worstCase is a text, selectors made on an earlier version of it, and what re-anchoring them
// must give, checked by want.
type worstCase struct {
	name string
	text string
	sels []anchor.Selector
	want func(t *testing.T, sels []anchor.Selector, got []anchor.Result)
}

// blocks returns count blocks of worstLen/count code points each: a marker naming the block,
// then run, then fill to the end of the block.
func blocks(count int, marker func(i int) string, run, fill string) string {
	size := worstLen / count
	var b strings.Builder
	for i := range count {
		head := marker(i) + run
		b.WriteString(head)
		b.WriteString(strings.Repeat(fill, size-len(head)))
	}
	return b.String()
}

// selectorsAfterMarkers builds one selector per block of old, which is ASCII, on the quoteLen
// code points after its marker, which is markerLen long. It builds each on the span and its
// context alone, which gives the same selector shifted, since New decodes all the text it is
// given.
func selectorsAfterMarkers(tb testing.TB, old string, count, markerLen, quoteLen int) []anchor.Selector {
	tb.Helper()
	sels := make([]anchor.Selector, count)
	for i := range sels {
		start := i*(worstLen/count) + markerLen
		from := max(0, start-anchor.ContextLen)
		sel := mustSelector(tb, old[from:min(len(old), start+quoteLen+anchor.ContextLen)], start-from, start-from+quoteLen)
		sel.Start, sel.End = start, start+quoteLen
		sels[i] = sel
	}
	return sels
}

// mustSelector builds the selector on old[start:end) or fails.
func mustSelector(tb testing.TB, old string, start, end int) anchor.Selector {
	tb.Helper()
	sel, err := anchor.New(old, start, end)
	if err != nil {
		tb.Fatal(err)
	}
	return sel
}

// wantAtHint wants every selector found, exact, where it was.
func wantAtHint(t *testing.T, sels []anchor.Selector, got []anchor.Result) {
	t.Helper()
	for i, sel := range sels {
		if r := got[i]; r.Status != anchor.Exact || r.Start != sel.Start || r.End != sel.End {
			t.Fatalf("selector %d at [%d,%d): got %v at [%d,%d)", i, sel.Start, sel.End, r.Status, r.Start, r.End)
		}
	}
}

// wantMovedInPlaceOrDetached wants every selector either moved to its own, edited, span, or
// detached: never attached to other words. At least one must have moved, so that the fuzzy
// search is shown to run at all.
func wantMovedInPlaceOrDetached(t *testing.T, sels []anchor.Selector, got []anchor.Result) {
	t.Helper()
	moved := 0
	for i, sel := range sels {
		switch r := got[i]; {
		case r.Status == anchor.Moved && r.Start == sel.Start && r.End == sel.End:
			moved++
		case r.Status != anchor.Detached:
			t.Fatalf("selector %d at [%d,%d): got %v at [%d,%d)", i, sel.Start, sel.End, r.Status, r.Start, r.End)
		}
	}
	if moved == 0 {
		t.Fatalf("no selector moved with its edited words")
	}
}

// wantDetached wants every selector detached.
func wantDetached(t *testing.T, sels []anchor.Selector, got []anchor.Result) {
	t.Helper()
	for i := range sels {
		if got[i].Status != anchor.Detached {
			t.Fatalf("selector %d: got %+v, want detached", i, got[i])
		}
	}
}

// worstCases builds the worst inputs for re-anchoring: repetitive text where a plain search
// compares a whole long quote at every position, context that matches nowhere so that no
// search can stop early, many comments at once, quotes at and over the cap, and fuzzy searches
// that are forced and that find nothing.
func worstCases(tb testing.TB) []worstCase {
	tb.Helper()
	letters := strings.Repeat("a", worstLen-len("Intro: "))
	marker := func(close string) func(int) string {
		return func(i int) string { return fmt.Sprintf("<%03d%s", i, close) }
	}
	manyOld := blocks(worstMany, marker(">"), "", "a")
	fuzzyOld := blocks(worstMany, marker(">"), strings.Repeat("a", worstQuote), "b")
	edited := strings.Repeat("a", worstQuote/2) + "c" + strings.Repeat("a", worstQuote/2-1)
	words, moved := longWords(tb)
	return []worstCase{{
		name: "RepetitiveQuoteAtCapContextEdited",
		text: "Intro; " + letters,
		sels: []anchor.Selector{mustSelector(tb, "Intro: "+letters, 7, 7+worstQuote)},
		want: wantAtHint,
	}, {
		name: "RepetitiveQuoteOverCapFromBeforeIt",
		text: "Intro; " + letters,
		sels: []anchor.Selector{mustSelector(tb, "Intro: "+letters, 7, 7+50000)},
		want: wantAtHint,
	}, {
		name: "ManyRepetitiveQuotesNoContextAnywhere",
		text: blocks(worstMany, marker("]"), "", "a"),
		sels: selectorsAfterMarkers(tb, manyOld, worstMany, 5, worstQuote),
		want: wantAtHint,
	}, {
		name: "ManyQuotesEditedFuzzyForced",
		text: blocks(worstMany, marker(">"), edited, "b"),
		sels: selectorsAfterMarkers(tb, fuzzyOld, worstMany, 5, worstQuote),
		want: wantMovedInPlaceOrDetached,
	}, {
		name: "ManyQuotesGoneFuzzyFindsNothing",
		text: blocks(worstMany, marker(">"), "", "b"),
		sels: selectorsAfterMarkers(tb, fuzzyOld, worstMany, 5, worstQuote),
		want: wantDetached,
	}, {
		name: "QuoteAtCapMovedFar",
		text: moved,
		sels: []anchor.Selector{mustSelector(tb, words, worstLen/2, worstLen/2+worstQuote)},
		want: func(t *testing.T, sels []anchor.Selector, got []anchor.Result) {
			if r := got[0]; r.Status != anchor.Exact || r.Exact != sels[0].Exact || r.Start != 0 {
				t.Fatalf("got %v at [%d,%d), want exact at the start", r.Status, r.Start, r.End)
			}
		},
	}}
}

// longWords returns a text of worstLen code points of words, and the same text with the
// worstQuote code points from its middle moved to its start.
func longWords(tb testing.TB) (text, moved string) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(3, 5))
	var runes []rune
	for len(runes) < worstLen {
		runes = append(append(runes, []rune(vocabulary[rng.IntN(len(vocabulary))])...), ' ')
	}
	runes = runes[:worstLen]
	mid := worstLen / 2
	span := string(runes[mid : mid+worstQuote])
	return string(runes), span + string(runes[:mid]) + string(runes[mid+worstQuote:])
}

// TestLocateWorstCases checks that re-anchoring gives the right answer on each worst input, in
// a time that only a bounded search can keep to.
func TestLocateWorstCases(t *testing.T) {
	for _, tc := range worstCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got := anchor.LocateAll(tc.text, tc.sels)
			if took := time.Since(start); took > worstWall {
				t.Errorf("LocateAll took %v, want under %v", took, worstWall)
			}
			tc.want(t, tc.sels, got)
		})
	}
}

// TestResolveWorstCases checks that finding a new comment's quote takes linear time: a long
// quote in repetitive text, with and without long context.
func TestResolveWorstCases(t *testing.T) {
	letters := strings.Repeat("a", worstLen)
	cases := []struct {
		name, text, exact, prefix, suffix string
		start                             int
		wantErr                           error
	}{
		{"RepetitiveAmbiguous", letters, strings.Repeat("a", worstQuote), "", "", 0, anchor.ErrAmbiguous},
		{"RepetitiveLongContextAmbiguous", letters, strings.Repeat("a", worstQuote),
			strings.Repeat("a", 100000), strings.Repeat("a", 100000), 0, anchor.ErrAmbiguous},
		{"RepetitiveLongerThanCap", letters, strings.Repeat("a", 50000), "", "", 0, anchor.ErrAmbiguous},
		{"RepetitiveAlmostThere", letters, strings.Repeat("a", worstQuote) + "b", "", "", 0, anchor.ErrNotFound},
		{"RepetitiveContextPicksOne", "b" + letters, strings.Repeat("a", worstQuote), "b", "", 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			began := time.Now()
			start, end, err := anchor.Resolve(tc.text, tc.exact, tc.prefix, tc.suffix)
			if took := time.Since(began); took > worstWall {
				t.Errorf("Resolve took %v, want under %v", took, worstWall)
			}
			if !errors.Is(err, tc.wantErr) || err == nil && (start != tc.start || end != tc.start+len(tc.exact)) {
				t.Fatalf("Resolve = %d, %d, %v; want %d, %v", start, end, err, tc.start, tc.wantErr)
			}
		})
	}
}
