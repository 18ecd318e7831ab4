package anchor_test

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/internal/anchor"
)

// phrases are the pieces random texts are made of: few enough that every text repeats them,
// with the twins of the misplacements Reanchor must not make.
var phrases = []string{"40 percent", "41 percent", "the city council", "the county council", "said",
	"on Monday", "$12 million", "echo", "Jos\u00e9", "Jose\u0301", "a", ",", ".", "\n"}

// randomPhrases joins n random phrases with spaces.
func randomPhrases(rng *rand.Rand, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = phrases[rng.Intn(len(phrases))]
	}
	return strings.Join(words, " ")
}

// surviving is a comment and where its words truly are after the edits so far.
type surviving struct {
	sel        anchor.Selector
	start, end int
}

// wantSurvivorsKept edits old into text by replacing old[at:at+deleted) with inserted, all in
// code points, re-anchors the comments cs with Reanchor and checks that each comment the edit
// did not touch is reported exact on its own words, no further from them than the edit is
// long, since in repeated text a copy of them beside the edit is as much theirs, or detached,
// never on other words. It returns the new text, the comments still attached with their
// selectors for the next edit, and how many untouched comments there were and detached.
func wantSurvivorsKept(t *testing.T, old string, at, deleted int, inserted string, cs []surviving) (string, []surviving, int, int) {
	t.Helper()
	runes := []rune(old)
	text := string(runes[:at]) + inserted + string(runes[at+deleted:])
	ins := len([]rune(inserted))
	sels := make([]anchor.Selector, len(cs))
	for i, c := range cs {
		sels[i] = c.sel
	}
	var next []surviving
	untouched, lost := 0, 0
	for i, res := range anchor.Reanchor(old, text, sels) {
		c := cs[i]
		touched := c.start < at+deleted && c.end > at || ins > 0 && c.start < at && at < c.end
		want := c.start
		if c.start >= at+deleted {
			want += ins - deleted
		}
		// An edit beside the words that runs them on into a longer word, "the mayor" into "the
		// mayors", edits their last word; so does one in the rest of a word they start or end in,
		// and an insertion that joins that word, even at its first or last letter.
		newEnd := want + c.end - c.start
		touched = touched || gluedAt(text, want) && !gluedAt(old, c.start) || gluedAt(text, newEnd) && !gluedAt(old, c.end) ||
			oneWord(old, at+deleted, c.start) || oneWord(old, c.end, at) ||
			ins > 0 && at <= c.start && oneWord(text, at+ins, want) || ins > 0 && at >= c.end && oneWord(text, newEnd, at)
		if !touched {
			untouched++
			switch {
			case res.Status == anchor.Detached:
				lost++
			case res.Status != anchor.Exact || res.Exact != c.sel.Exact || abs(res.Start-want) > max(ins, deleted):
				t.Fatalf("edit [%d,+%d) -> %q of %q: comment %q at [%d,%d), now at %d, reported %+v",
					at, deleted, inserted, old, c.sel.Exact, c.start, c.end, want, res)
			}
		}
		if res.Status != anchor.Detached {
			next = append(next, surviving{sel: res.Next, start: res.Start, end: res.End})
		}
	}
	return text, next, untouched, lost
}

// gluedAt reports whether code point i of text is inside a word, between two letters, digits
// or combining marks.
func gluedAt(text string, i int) bool {
	runes := []rune(text)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	return i > 0 && i < len(runes) && word(runes[i-1]) && word(runes[i])
}

// oneWord reports whether code points from to to of text, both included, are all inside one
// word, so that text[:from] and text[to:] end and start the same word.
func oneWord(text string, from, to int) bool {
	if from > to {
		return false
	}
	for i := from; i <= to; i++ {
		if !gluedAt(text, i) {
			return false
		}
	}
	return true
}

// abs returns the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// randomComments makes n selectors on random spans of text, with their places.
func randomComments(t *testing.T, rng *rand.Rand, text string, n int) []surviving {
	t.Helper()
	size := len([]rune(text))
	var cs []surviving
	for range n {
		start := rng.Intn(size)
		end := min(size, start+1+rng.Intn(24))
		sel, err := anchor.New(text, start, end)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, surviving{sel: sel, start: start, end: end})
	}
	return cs
}

// TestReanchorKeepsSurvivingWords runs random sequences of edits over random texts that repeat
// their phrases and checks after each that no comment whose words the edit left alone is
// reported anywhere but on them, and that hardly any of them detach.
func TestReanchorKeepsSurvivingWords(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	untouched, lost := 0, 0
	for range 300 {
		text := randomPhrases(rng, 5+rng.Intn(60))
		cs := randomComments(t, rng, text, 1+rng.Intn(12))
		for range 1 + rng.Intn(8) {
			size := len([]rune(text))
			at := rng.Intn(size + 1)
			deleted := min(size-at, rng.Intn(16))
			var u, l int
			text, cs, u, l = wantSurvivorsKept(t, text, at, deleted, randomPhrases(rng, rng.Intn(4)), cs)
			untouched, lost = untouched+u, lost+l
			if len([]rune(text)) == 0 {
				break
			}
		}
	}
	if lost*100 > untouched {
		t.Errorf("%d of %d comments whose words survived detached, want at most 1%%", lost, untouched)
	}
	t.Logf("%d of %d comments whose words survived detached", lost, untouched)
}

// FuzzReanchor checks the property of TestReanchorKeepsSurvivingWords on one edit of any text:
// old[at:at+deleted) replaced with inserted, and a comment on old[start:end).
func FuzzReanchor(f *testing.F) {
	f.Add("Turnout rose 40 percent in the north; in the south, 40 percent.", 13, 2, "41", 13, 23)
	f.Add("the city council and the city council", 29, 4, "county", 0, 16)
	f.Add("echo echo echo echo", 0, 0, "echo ", 10, 14)
	f.Add("Jos\u00e9 said", 0, 0, "Jose\u0301 said ", 0, 4)
	f.Fuzz(func(t *testing.T, old string, at, deleted int, inserted string, start, end int) {
		sel, err := anchor.New(old, start, end)
		size := len([]rune(old))
		if err != nil || at < 0 || at > size || deleted < 0 || deleted > size-at {
			t.Skip()
		}
		wantSurvivorsKept(t, old, at, deleted, inserted, []surviving{{sel: sel, start: start, end: end}})
	})
}
