package quotes_test

import (
	"math/rand"
	"slices"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/internal/copytext"
	"github.com/copydesk/copydesk/internal/quotes"
)

// The parts of the sentences the copy is made of: speakers with honorifics and initials, the twin
// quotations every paragraph repeats, and tails with numbers and abbreviations, so that a full
// stop often ends no sentence and sentences that quote the same words are often short.
var (
	speakers = [][]string{{"Smith"}, {"Mr.", "Jones"}, {"Dr.", "Lee"}, {"J.", "R.", "Tolkien"}, {"Sen.", "Ortiz"},
		{"the", "mayor"}, {"Ms.", "Hale"}}
	twinQuotes = [][]string{{"No", "comment"}, {"The", "plan", "would", "work"}, {"We", "will", "not", "close", "the", "bridge"}}
	tails      = [][]string{{}, {}, {"on", "Friday"}, {"after", "the", "vote"}, {"in", "the", "U.S."}, {"on", "page", "No.", "5"}}
	asides     = [][]string{{"He", "agreed"}, {"They", "talked"}, {"Jones", "left"}, {"She", "called", "Mr.", "Jones"},
		{"Turnout", "rose", "3.5", "percent"}}
	speakerNames = []string{"Smith", "Jones", "Lee", "Tolkien", "Ortiz", "Hale"}
	titles       = []string{"Mr.", "Dr.", "Ms.", "Sen."}
	inserted     = [][]string{{"again"}, {"on", "Friday"}, {"Mr.", "Jones"}, {"reportedly"}, {"No.", "5"}, {"he", "said"},
		{"the", "plan", "would", "work"}}
)

// quoted returns the words q between “ and ”, the closing mark after end.
func quoted(c *copytext.Text, q []string, end string) []copytext.Word {
	s := c.Words(q)
	s[0].Text = "“" + s[0].Text
	return c.Add(s, end+"”", true)
}

// sentence makes one random sentence, in one of a few shapes, most quoting one of the twin
// quotations.
func sentence(c *copytext.Text, rng *rand.Rand) []copytext.Word {
	pick := func(l [][]string) []string { return l[rng.Intn(len(l))] }
	who, q, tail := pick(speakers), pick(twinQuotes), pick(tails)
	var s []copytext.Word
	switch rng.Intn(7) {
	case 0, 1: // “No comment,” said Smith. Short quoting sentences repeat.
		s = quoted(c, q, ",")
		s = append(s, c.Words(slices.Concat([]string{"said"}, who, tail))...)
		s = c.Add(s, ".", true)
	case 2: // “No comment,” she said.
		s = quoted(c, q, ",")
		s = append(s, c.Words([]string{"she", "said"})...)
		s = c.Add(s, ".", true)
	case 3: // Mr. Jones said: “The plan would work.”
		s = c.Words(slices.Concat(who, []string{"said"}))
		s = c.Add(s, ":", true)
		s = append(s, quoted(c, q, ".")...)
	case 4: // Asked again on Friday, Dr. Lee said “no comment.”
		s = c.Words(slices.Concat([]string{"Asked", "again"}, tail))
		s = c.Add(s, ",", true)
		s = append(s, c.Words(slices.Concat(who, []string{"said"}))...)
		s = append(s, quoted(c, q, ".")...)
	case 5: // He agreed.
		s = c.Words(pick(asides))
		s = c.Add(s, ".", true)
	case 6: // Smith met Mr. Jones in the U.S.
		s = c.Words(slices.Concat([]string{speakerNames[rng.Intn(len(speakerNames))], "met"}, who, tail))
		s = c.Add(s, ".", true)
	}
	s[0].Text = copytext.UpperFirst(s[0].Text)
	return s
}

// writer writes copy that quotes the same words.
var writer = copytext.Writer{Sentence: sentence}

// editor edits it, a word recased by a split or a join kept as the same word.
var editor = copytext.Editor{Inserts: inserted, Honorifics: titles, Names: speakerNames}

// quotation is one quotation Find found in a generated text, with the words it covers: a run of
// words from one that opens with a mark to one that closes with one. It survives an edit when the
// run is still there, in order, next to each other and spelled the same.
type quotation struct {
	entry quotes.Entry
	ids   []int
	texts []string
}

// quotations finds the quotations of paras, each with the words it covers, and returns them with
// the text.
func quotations(paras [][]copytext.Word) ([]quotation, string) {
	text, all := copytext.Render(paras)
	qs, _ := quotes.Find(text)
	out := make([]quotation, len(qs))
	for i, q := range qs {
		out[i].entry = quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End}
		for _, w := range all {
			if q.Start <= w.Start && w.End <= q.End {
				out[i].ids, out[i].texts = append(out[i].ids, w.ID), append(out[i].texts, w.Text)
			}
		}
	}
	return out, text
}

// same reports whether a and b are the same quotation, the same words spelled the same.
func (a quotation) same(b quotation) bool {
	return len(a.ids) > 0 && slices.Equal(a.ids, b.ids) && slices.Equal(a.texts, b.texts) && a.entry.Text == b.entry.Text
}

// handedOn counts, of the quotations of old, every one checked, those whose entry Reconcile
// gives to another quotation of text (wrong) and those whose quotation survives unchanged but
// keep no entry there (lost).
func handedOn(t *testing.T, oldParas, newParas [][]copytext.Word) (n copytext.Tally) {
	t.Helper()
	olds, old := quotations(oldParas)
	news, text := quotations(newParas)
	entries := func(qs []quotation) []quotes.Entry {
		out := make([]quotes.Entry, len(qs))
		for i, q := range qs {
			out[i] = q.entry
		}
		return out
	}
	found := entries(news)
	ed := quotes.PrepareEdit(map[string]string{"body": old}, map[string]string{"body": text}, found)
	plan := quotes.Reconcile(entries(olds), found, ed)
	keptAt := make([]int, len(olds))
	for i := range keptAt {
		keptAt[i] = -1
	}
	for _, p := range plan.Kept {
		keptAt[p.Old] = p.New
	}
	for i, o := range olds {
		own := slices.IndexFunc(news, o.same)
		if own >= 0 {
			n.Survivors++
		}
		switch j := keptAt[i]; {
		case j >= 0 && (len(o.ids) == 0 || len(news[j].ids) == 0 || news[j].ids[0] != o.ids[0]):
			n.Wrong++
			t.Logf("wrong: %q at %d went to %d\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[j].entry.Start, old, text)
		case own >= 0 && j < 0 && besideCopy(olds, news, own, text):
			n.Doubted++
			t.Logf("doubted: %q at %d, now at %d beside a copy\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[own].entry.Start, old, text)
		case own >= 0 && j != own:
			n.Lost++
			t.Logf("lost: %q at %d, now at %d\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[own].entry.Start, old, text)
		}
	}
	return n
}

// besideCopy reports whether quotation own of news stands beside a copy of it the edit made: a
// quotation of the same words, none of them in the text before, with the text from a word's
// start before the first of the two read again, word for word, from the same place before the
// second (any space as any other, the text's end as one).
func besideCopy(olds, news []quotation, own int, text string) bool {
	oldIDs := map[int]bool{}
	for _, q := range olds {
		for _, id := range q.ids {
			oldIDs[id] = true
		}
	}
	r := []rune(text)
	o := news[own]
	for _, c := range news {
		if c.entry.Text != o.entry.Text || c.entry.Start == o.entry.Start || slices.ContainsFunc(c.ids, func(id int) bool { return oldIDs[id] }) {
			continue
		}
		a, b := min(o.entry.Start, c.entry.Start), max(o.entry.Start, c.entry.Start)
		d := b - a
		for x := max(0, b-d); x <= a; x++ {
			if x > 0 && r[x-1] != ' ' && r[x-1] != '\n' {
				continue
			}
			twice := true
			for y := x; y < x+d && twice; y++ {
				switch {
				case y+d == len(r):
					twice = y == x+d-1 && unicode.IsSpace(r[y])
				case y+d > len(r):
					twice = false
				default:
					twice = r[y] == r[y+d] || unicode.IsSpace(r[y]) && unicode.IsSpace(r[y+d])
				}
			}
			if twice {
				return true
			}
		}
	}
	return false
}

// TestLedgerTwinsThroughCopyEdits makes texts whose sentences quote the same words, checks every
// quotation, and makes random copy edits of them, one to four to a save, and counts the checks
// handed to another quotation and the checks lost by quotations that survive unchanged. Over
// these 3000 seeds paragraphs alone as fixed points handed 51 checks of 13948 to another
// quotation and lost 2; sentences found whole and once in each text, unless the word diff says
// they are copies, hand on 44 and lose 1, and no seed is worse in either count; an entry whose
// quotation the word diff leaves in place, taken by no copy of it elsewhere, 34 and none. Most of the rest
// no text can settle: a copy of a sentence typed next to it, or a quotation cut whose words stand
// in another that was added. Taking back the check of a quotation with a new copy of it beside
// it, the same stretch read twice in a row, which the word diff pairs as it happens to, hands on
// 28 and lost 8, and took back 8 beside a copy; taking back only where the stretch runs from a
// sentence's end to one and taking the copy out gives back the text before, and never from a
// quotation placed by its paragraph or sentence, hands on 30, loses none and takes back 6, each
// counted apart (besideCopy) and none lost.
func TestLedgerTwinsThroughCopyEdits(t *testing.T) {
	sum := copytext.Trials(t, 3000, func(rng *rand.Rand) copytext.Tally {
		c := writer.New(rng)
		old := c.Flat()
		return handedOn(t, old, editor.Save(rng, c, old))
	})
	if sum.Wrong*300 > sum.Survivors || sum.Lost*5000 > sum.Survivors {
		t.Errorf("of %d quotations whose words survived, %d checks were handed to another and %d lost; want at most 1 in 300 and 1 in 5000",
			sum.Survivors, sum.Wrong, sum.Lost)
	}
	t.Logf("%d quotations survived: %d checks handed to another, %d lost, %d taken back beside a copy", sum.Survivors, sum.Wrong, sum.Lost, sum.Doubted)
}

// TestLedgerTwinsThroughSentenceMoves makes texts whose sentences quote the same words, checks
// every quotation, swaps two sentences of a paragraph or moves one past another, and counts the
// checks not kept with their own quotations. Over these 1000 seeds paragraphs alone as fixed
// points handed 127 checks of 4735 to the twin in the sentence that took their place; with
// sentences as fixed points 16, most of them where a stop ends no sentence ("in the U.S.."),
// so that the two twins are one sentence.
func TestLedgerTwinsThroughSentenceMoves(t *testing.T) {
	sum := copytext.Trials(t, 1000, func(rng *rand.Rand) copytext.Tally {
		c := writer.New(rng)
		old := c.Flat()
		if !copytext.MoveSentence(rng, c) {
			return copytext.Tally{}
		}
		return handedOn(t, old, c.Flat())
	})
	if sum.Wrong*200 > sum.Survivors || sum.Lost > 0 {
		t.Errorf("of %d quotations, %d checks were handed to another and %d lost; want at most 1 in 200 and none",
			sum.Survivors, sum.Wrong, sum.Lost)
	}
	t.Logf("%d quotations: %d checks handed to another, %d lost", sum.Survivors, sum.Wrong, sum.Lost)
}
