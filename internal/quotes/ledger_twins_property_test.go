package quotes_test

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/quotes"
)

// token is one word or mark of a generated text, with an identity that survives edits. A
// quotation is a run of tokens from one that opens with a mark to one that closes with one, and
// it survives an edit when the run is still there, in order, next to each other and spelled the
// same.
type token struct {
	id   int
	text string
	glue bool // written right after the token before, with no space: punctuation
}

// ledgerText is a generated text: paragraphs of sentences of tokens.
type ledgerText struct {
	paras [][][]token
	next  int // the next token's id
}

// The parts of the sentences ledgerText makes: speakers with honorifics and initials, the twin
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

// add appends a token to s with a fresh id.
func (c *ledgerText) add(s []token, text string, glue bool) []token {
	c.next++
	return append(s, token{id: c.next, text: text, glue: glue})
}

// tokens returns texts as tokens with fresh ids.
func (c *ledgerText) tokens(texts []string) []token {
	var s []token
	for _, t := range texts {
		s = c.add(s, t, false)
	}
	return s
}

// quoted returns the words q between “ and ”, the closing mark after end, as tokens.
func (c *ledgerText) quoted(q []string, end string) []token {
	s := c.tokens(q)
	s[0].text = "“" + s[0].text
	return c.add(s, end+"”", true)
}

// sentence makes one random sentence, in one of a few shapes, most quoting one of the twin
// quotations.
func (c *ledgerText) sentence(rng *rand.Rand) []token {
	pick := func(l [][]string) []string { return l[rng.Intn(len(l))] }
	who, q, tail := pick(speakers), pick(twinQuotes), pick(tails)
	var s []token
	switch rng.Intn(7) {
	case 0, 1: // “No comment,” said Smith. Short quoting sentences repeat.
		s = c.quoted(q, ",")
		s = append(s, c.tokens(slices.Concat([]string{"said"}, who, tail))...)
		s = c.add(s, ".", true)
	case 2: // “No comment,” she said.
		s = c.quoted(q, ",")
		s = append(s, c.tokens([]string{"she", "said"})...)
		s = c.add(s, ".", true)
	case 3: // Mr. Jones said: “The plan would work.”
		s = c.tokens(slices.Concat(who, []string{"said"}))
		s = c.add(s, ":", true)
		s = append(s, c.quoted(q, ".")...)
	case 4: // Asked again on Friday, Dr. Lee said “no comment.”
		s = c.tokens(slices.Concat([]string{"Asked", "again"}, tail))
		s = c.add(s, ",", true)
		s = append(s, c.tokens(slices.Concat(who, []string{"said"}))...)
		s = append(s, c.quoted(q, ".")...)
	case 5: // He agreed.
		s = c.tokens(pick(asides))
		s = c.add(s, ".", true)
	case 6: // Smith met Mr. Jones in the U.S.
		s = c.tokens(slices.Concat([]string{speakerNames[rng.Intn(len(speakerNames))], "met"}, who, tail))
		s = c.add(s, ".", true)
	}
	s[0].text = upperFirst(s[0].text)
	return s
}

// newLedgerText makes one to three paragraphs of two to five sentences each.
func newLedgerText(rng *rand.Rand) *ledgerText {
	c := &ledgerText{}
	for range 1 + rng.Intn(3) {
		var para [][]token
		for range 2 + rng.Intn(4) {
			para = append(para, c.sentence(rng))
		}
		c.paras = append(c.paras, para)
	}
	return c
}

// flat returns the paragraphs of c, each as one run of tokens.
func (c *ledgerText) flat() [][]token {
	out := make([][]token, len(c.paras))
	for i, p := range c.paras {
		for _, s := range p {
			out[i] = append(out[i], s...)
		}
	}
	return out
}

// write writes paragraphs of tokens as a text, and the tokens in order with where each starts
// and ends in it, in code points.
func write(paras [][]token) (string, []token, [][2]int) {
	var b strings.Builder
	var all []token
	var at [][2]int
	n := 0
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
			n++
		}
		for j, w := range p {
			if j > 0 && !w.glue {
				b.WriteString(" ")
				n++
			}
			b.WriteString(w.text)
			size := utf8.RuneCountInString(w.text)
			all, at = append(all, w), append(at, [2]int{n, n + size})
			n += size
		}
	}
	return b.String(), all, at
}

// quotation is one quotation Find found in a generated text, with the tokens it covers.
type quotation struct {
	entry quotes.Entry
	ids   []int
	texts []string
}

// quotations finds the quotations of paras, each with the tokens it covers, and returns them with
// the text.
func quotations(paras [][]token) ([]quotation, string) {
	text, all, at := write(paras)
	qs, _ := quotes.Find(text)
	out := make([]quotation, len(qs))
	for i, q := range qs {
		out[i].entry = quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End}
		for k, w := range all {
			if q.Start <= at[k][0] && at[k][1] <= q.End {
				out[i].ids, out[i].texts = append(out[i].ids, w.id), append(out[i].texts, w.text)
			}
		}
	}
	return out, text
}

// same reports whether a and b are the same quotation, the same tokens spelled the same.
func (a quotation) same(b quotation) bool {
	return len(a.ids) > 0 && slices.Equal(a.ids, b.ids) && slices.Equal(a.texts, b.texts) && a.entry.Text == b.entry.Text
}

// handedOn counts, of the quotations of old, every one checked, those whose entry Reconcile
// gives to another quotation of text (wrong) and those whose quotation survives unchanged but
// keep no entry there (lost).
func handedOn(t *testing.T, oldParas, newParas [][]token) (wrong, lost, survivors int) {
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
			survivors++
		}
		switch j := keptAt[i]; {
		case j >= 0 && (len(o.ids) == 0 || len(news[j].ids) == 0 || news[j].ids[0] != o.ids[0]):
			wrong++
			t.Logf("wrong: %q at %d went to %d\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[j].entry.Start, old, text)
		case own >= 0 && j != own:
			lost++
			t.Logf("lost: %q at %d, now at %d\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[own].entry.Start, old, text)
		}
	}
	return wrong, lost, survivors
}

// ledgerEdit makes one random copy edit to a paragraph of tokens: a word or phrase inserted,
// cut or replaced, an honorific dropped or added, punctuation changed, a sentence split in two or
// two joined, or a sentence added.
func ledgerEdit(rng *rand.Rand, c *ledgerText, p []token) []token {
	if len(p) == 0 {
		return p
	}
	at := rng.Intn(len(p))
	find := func(ok func(w token) bool) int {
		var hits []int
		for i, w := range p {
			if ok(w) {
				hits = append(hits, i)
			}
		}
		if len(hits) == 0 {
			return -1
		}
		return hits[rng.Intn(len(hits))]
	}
	isStop := func(w token) bool { return w.glue && (w.text == "." || w.text == "!" || w.text == "?") }
	switch rng.Intn(9) {
	case 8: // Add a sentence after another.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i+1], c.sentence(rng), p[i+1:])
		}
	case 0: // Insert a word or phrase.
		return slices.Concat(p[:at], c.tokens(inserted[rng.Intn(len(inserted))]), p[at:])
	case 1: // Cut a word or a few.
		return slices.Delete(slices.Clone(p), at, min(len(p), at+1+rng.Intn(3)))
	case 2: // Replace a word or a few with a phrase.
		return slices.Concat(p[:at], c.tokens(inserted[rng.Intn(len(inserted))]), p[min(len(p), at+1+rng.Intn(2)):])
	case 3: // Drop an honorific.
		if i := find(func(w token) bool { return slices.Contains(titles, w.text) }); i >= 0 {
			return slices.Delete(slices.Clone(p), i, i+1)
		}
	case 4: // Add an honorific before a name.
		if i := find(func(w token) bool { return slices.Contains(speakerNames, w.text) }); i >= 0 {
			return slices.Concat(p[:i], c.tokens([]string{titles[rng.Intn(len(titles))]}), p[i:])
		}
	case 5: // Change a sentence's punctuation.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i], c.add(nil, []string{"!", "?", ";", ",", "."}[rng.Intn(5)], true), p[i+1:])
		}
	case 6: // Split a sentence in two, the word after the new stop capitalised.
		if at > 0 && at+1 < len(p) && !p[at].glue && !p[at+1].glue {
			next := p[at+1]
			next.text = upperFirst(next.text)
			return slices.Concat(p[:at+1], c.add(nil, ".", true), []token{next}, p[at+2:])
		}
	case 7: // Join two sentences, the word after the old stop in lowercase.
		if i := find(isStop); i >= 0 && i+1 < len(p) {
			next := p[i+1]
			next.text = lowerFirst(next.text)
			return slices.Concat(p[:i], c.add(nil, ",", true), []token{next}, p[i+2:])
		}
	}
	return p
}

// TestLedgerTwinsThroughCopyEdits makes texts whose sentences quote the same words, checks every
// quotation, and makes random copy edits of them, one to four to a save, and counts the checks
// handed to another quotation and the checks lost by quotations that survive unchanged. Over
// these 3000 seeds paragraphs alone as fixed points handed 51 checks of 13948 to another
// quotation and lost 2; sentences found whole and once in each text, unless the word diff says
// they are copies, hand on 44 and lose 1, and no seed is worse in either count. Most of the rest
// no text can settle: a copy of a sentence typed next to it, or a quotation cut whose words stand
// in another that was added.
func TestLedgerTwinsThroughCopyEdits(t *testing.T) {
	wrong, lost, survivors := 0, 0, 0
	for seed := range int64(3000) {
		rng := rand.New(rand.NewSource(seed))
		c := newLedgerText(rng)
		old := c.flat()
		text := slices.Clone(old)
		for range 1 + rng.Intn(4) {
			i := rng.Intn(len(text))
			text[i] = ledgerEdit(rng, c, text[i])
		}
		w, l, n := handedOn(t, old, text)
		if w+l > 0 {
			t.Logf("seed %d: %d wrong, %d lost of %d", seed, w, l, n)
		}
		wrong, lost, survivors = wrong+w, lost+l, survivors+n
	}
	if wrong*300 > survivors || lost*5000 > survivors {
		t.Errorf("of %d quotations whose words survived, %d checks were handed to another and %d lost; want at most 1 in 300 and 1 in 5000",
			survivors, wrong, lost)
	}
	t.Logf("%d quotations survived: %d checks handed to another, %d lost", survivors, wrong, lost)
}

// TestLedgerTwinsThroughSentenceMoves makes texts whose sentences quote the same words, checks
// every quotation, swaps two sentences of a paragraph or moves one past another, and counts the
// checks not kept with their own quotations. Over these 1000 seeds paragraphs alone as fixed
// points handed 127 checks of 4735 to the twin in the sentence that took their place; with
// sentences as fixed points 16, most of them where a stop ends no sentence ("in the U.S.."),
// so that the two twins are one sentence.
func TestLedgerTwinsThroughSentenceMoves(t *testing.T) {
	wrong, lost, survivors := 0, 0, 0
	for seed := range int64(1000) {
		rng := rand.New(rand.NewSource(seed))
		c := newLedgerText(rng)
		old := c.flat()
		p := c.paras[rng.Intn(len(c.paras))]
		i, j := rng.Intn(len(p)), rng.Intn(len(p))
		if sameSentence(p, i) || sameSentence(p, j) {
			// Moving one of two identical sentences leaves the same text as moving the other:
			// no text says which of them a check was on.
			continue
		}
		if rng.Intn(2) == 0 {
			p[i], p[j] = p[j], p[i]
		} else {
			s := p[i]
			rest := slices.Delete(slices.Clone(p), i, i+1)
			copy(p, slices.Insert(rest, min(j, len(rest)), s))
		}
		w, l, n := handedOn(t, old, c.flat())
		if w+l > 0 {
			t.Logf("seed %d: %d wrong, %d lost of %d", seed, w, l, n)
		}
		wrong, lost, survivors = wrong+w, lost+l, survivors+n
	}
	if wrong*200 > survivors || lost > 0 {
		t.Errorf("of %d quotations, %d checks were handed to another and %d lost; want at most 1 in 200 and none",
			survivors, wrong, lost)
	}
	t.Logf("%d quotations: %d checks handed to another, %d lost", survivors, wrong, lost)
}

// sameSentence reports whether another sentence of p reads as p[i] does.
func sameSentence(p [][]token, i int) bool {
	for k, s := range p {
		if k != i && slices.EqualFunc(s, p[i], func(a, b token) bool { return a.text == b.text }) {
			return true
		}
	}
	return false
}

// lowerFirst returns s with its first letter in lowercase.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst returns s with its first letter in uppercase.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
