package anchor_test

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// word is one word or mark of a generated text, with an identity that survives edits: a comment
// is on a run of words, and its words survive an edit when the run is still there, in order,
// next to each other and spelled the same.
type word struct {
	id   int
	text string
	glue bool // written right after the word before, with no space: punctuation
}

// copyText is a generated text: paragraphs of sentences of words.
type copyText struct {
	paras [][][]word
	next  int // the next word's id
}

// The parts of the sentences copyText makes: subjects with honorifics, initials and dotted
// abbreviations, the twin phrases every paragraph repeats, and tails with numbers, decimals,
// abbreviations and ellipses, so that a full stop often ends no sentence.
var (
	twinSubjects = [][]string{{"Mr.", "Jones"}, {"Dr.", "Lee"}, {"J.", "R.", "R.", "Tolkien"}, {"the", "U.S.", "envoy"},
		{"Sen.", "Ortiz"}, {"Ms.", "Smith"}, {"the", "mayor"}, {"Gov.", "Hale"}}
	twinVerbs   = [][]string{{"said"}, {"told", "reporters"}, {"insisted"}, {"wrote", "that"}, {"agreed"}}
	twinPhrases = [][]string{{"the", "plan", "would", "work"}, {"the", "bridge", "is", "safe"}, {"turnout", "rose", "3.5", "percent"}}
	twinTails   = [][]string{{"in", "June"}, {"on", "page", "No.", "5"}, {"at", "9", "a.m.", "on", "Friday"},
		{"after", "the", "vote"}, {"...", "eventually"}, {"e.g.", "in", "the", "north"}, {}, {"in", "the", "U.S."}}
	shortSentences = [][]string{{"He", "agreed"}, {"They", "talked"}, {"Jones", "left"}, {"She", "called", "Mr.", "Jones"},
		{"Lee", "paused"}}
	meetings    = [][]string{{"met"}, {"called"}, {"later", "called"}, {"thanked"}}
	twinNames   = []string{"Jones", "Lee", "Smith", "Ortiz", "Hale", "Tolkien"}
	honorifics  = []string{"Mr.", "Dr.", "Ms.", "Sen.", "Gov."}
	insertables = [][]string{{"again"}, {"on", "Friday"}, {"Mr.", "Jones"}, {"the", "plan", "would", "work"},
		{"he", "agreed"}, {"in", "the", "U.S."}, {"reportedly"}, {"No.", "5"}, {"the", "bridge", "is", "safe"}}
	stops = []string{".", ".", ".", "!", "?"}
)

// add appends a word to s with a fresh id.
func (c *copyText) add(s []word, text string, glue bool) []word {
	c.next++
	return append(s, word{id: c.next, text: text, glue: glue})
}

// words returns texts as words with fresh ids.
func (c *copyText) words(texts []string) []word {
	var s []word
	for _, t := range texts {
		s = c.add(s, t, false)
	}
	return s
}

// sentence makes one random sentence, in one of a few shapes, all holding a twin phrase.
func (c *copyText) sentence(rng *rand.Rand) []word {
	pick := func(l [][]string) []string { return l[rng.Intn(len(l))] }
	subj, verb, phrase, tail := pick(twinSubjects), pick(twinVerbs), pick(twinPhrases), pick(twinTails)
	var s []word
	switch rng.Intn(8) {
	case 5, 6: // He agreed. Short sentences repeat.
		s = c.words(shortSentences[rng.Intn(len(shortSentences))])
		s = c.add(s, ".", true)
	case 7: // Smith met Mr. Jones on Friday. The name ends a sentence or stands before its tail.
		s = c.words(slices.Concat([]string{twinNames[rng.Intn(len(twinNames))]}, pick(meetings), subj, tail))
		s = c.add(s, ".", true)
	case 0, 1, 2: // Mr. Jones said the plan would work in June.
		s = c.words(slices.Concat(subj, verb, phrase, tail))
		if stop := stops[rng.Intn(len(stops))]; !strings.HasSuffix(s[len(s)-1].text, stop) {
			s = c.add(s, stop, true)
		}
	case 3: // Mr. Jones said: “the plan would work.” The closing mark follows the stop.
		s = c.words(slices.Concat(subj, verb))
		s = c.add(s, ":", true)
		s = c.add(s, "“"+phrase[0], false)
		s = append(s, c.words(slices.Concat(phrase[1:], tail))...)
		s = c.add(s, ".”", true)
	case 4: // “Would the plan work?” asked Mr. Jones. The question runs on in lowercase.
		s = c.add(s, "“Would", false)
		s = append(s, c.words(phrase[:len(phrase)-1])...)
		s = c.add(s, phrase[len(phrase)-1], false)
		s = c.add(s, "?”", true)
		s = append(s, c.words(slices.Concat([]string{"asked"}, subj, tail))...)
		s = c.add(s, ".", true)
	}
	s[0].text = capitalized(s[0].text)
	return s
}

// newCopyText makes one to three paragraphs of two to five sentences each.
func newCopyText(rng *rand.Rand) *copyText {
	c := &copyText{}
	for range 1 + rng.Intn(3) {
		var para [][]word
		for range 2 + rng.Intn(4) {
			para = append(para, c.sentence(rng))
			if rng.Intn(8) == 0 { // A sentence in Chinese, with its own full stop.
				para = append(para, c.words([]string{"市长说计划会成功。"}))
			}
		}
		c.paras = append(c.paras, para)
	}
	return c
}

// flat returns the paragraphs of c, each as one run of words.
func (c *copyText) flat() [][]word {
	out := make([][]word, len(c.paras))
	for i, p := range c.paras {
		for _, s := range p {
			out[i] = append(out[i], s...)
		}
	}
	return out
}

// render writes paragraphs of words as a text, and where each word's id starts and ends in it,
// in code points.
func render(paras [][]word) (string, map[int][2]int) {
	var b strings.Builder
	at := map[int][2]int{}
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
			size := len([]rune(w.text))
			at[w.id] = [2]int{n, n + size}
			n += size
		}
	}
	return b.String(), at
}

// twinComment is a comment on a run of words, by their ids.
type twinComment struct {
	ids  []int
	text string
}

// commentTwins puts comments on the words of some twin phrases and names, and on a few runs of
// any words.
func commentTwins(rng *rand.Rand, paras [][]word) []twinComment {
	var cs []twinComment
	for _, p := range paras {
		for j := range p {
			n := 0
			for _, tw := range twinPhrases {
				if j+len(tw) <= len(p) && slices.Equal(texts(p[j:j+len(tw)]), tw) {
					n = len(tw)
				}
			}
			if n == 0 && slices.Contains(twinNames, p[j].text) {
				n = 1
			}
			if n == 0 && rng.Intn(12) == 0 {
				n = 1 + rng.Intn(min(3, len(p)-j))
			}
			if n > 0 && rng.Intn(2) == 0 {
				cs = append(cs, twinComment{ids: ids(p[j : j+n])})
			}
		}
	}
	return cs
}

// texts returns the words' texts.
func texts(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}

// ids returns the words' ids.
func ids(ws []word) []int {
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = w.id
	}
	return out
}

// where returns where the comment's words are in paras, in code points of the text render makes
// of them, and false when an edit broke them up or took one away.
func (c twinComment) where(paras [][]word, at map[int][2]int) (start, end int, ok bool) {
	for _, p := range paras {
		for j, w := range p {
			if w.id != c.ids[0] {
				continue
			}
			if j+len(c.ids) > len(p) || !slices.Equal(ids(p[j:j+len(c.ids)]), c.ids) {
				return 0, 0, false
			}
			return at[c.ids[0]][0], at[c.ids[len(c.ids)-1]][1], true
		}
	}
	return 0, 0, false
}

// misplaced counts, of the comments cs on old whose words survive in text, those Reanchor puts
// anywhere but on them (wrong) and those it detaches (lost).
func misplaced(t *testing.T, oldParas, newParas [][]word, cs []twinComment) (wrong, lost, survivors int) {
	t.Helper()
	old, oldAt := render(oldParas)
	text, newAt := render(newParas)
	var sels []anchor.Selector
	for _, c := range cs {
		s, e, _ := c.where(oldParas, oldAt)
		sel, err := anchor.New(old, s, e)
		if err != nil {
			t.Fatal(err)
		}
		sels = append(sels, sel)
	}
	for i, res := range anchor.Reanchor(old, text, sels) {
		s, e, ok := cs[i].where(newParas, newAt)
		if !ok {
			continue
		}
		survivors++
		switch {
		case res.Status == anchor.Detached:
			lost++
			t.Logf("lost %q at %d-%d, now at %d-%d\n  old %q\n  new %q", sels[i].Exact, sels[i].Start, sels[i].End, s, e, old, text)
		case res.Start != s || res.End != e:
			wrong++
			t.Logf("wrong %q at %d-%d, want %d-%d\n  old %q\n  new %q", sels[i].Exact, res.Start, res.End, s, e, old, text)
		}
	}
	return wrong, lost, survivors
}

// copyEdit makes one random copy edit to a paragraph of words: a word or phrase inserted, cut
// or replaced, an honorific dropped or added, punctuation changed, a sentence split in two or
// two joined, a sentence added, or the end of one cut.
func copyEdit(rng *rand.Rand, c *copyText, p []word) []word {
	if len(p) == 0 {
		return p
	}
	at := rng.Intn(len(p))
	find := func(ok func(w word) bool) int {
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
	isStop := func(w word) bool { return w.glue && (w.text == "." || w.text == "!" || w.text == "?") }
	switch rng.Intn(10) {
	case 8: // Add a sentence after another.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i+1], c.sentence(rng), p[i+1:])
		}
	case 9: // Cut the rest of a sentence after a word, up to its stop.
		if j := slices.IndexFunc(p[at:], isStop); j > 0 {
			return slices.Delete(slices.Clone(p), at+1, at+j)
		}
	case 0: // Insert a word or phrase.
		return slices.Concat(p[:at], c.words(insertables[rng.Intn(len(insertables))]), p[at:])
	case 1: // Cut a word or a few.
		return slices.Delete(slices.Clone(p), at, min(len(p), at+1+rng.Intn(3)))
	case 2: // Replace a word or a few with a phrase.
		return slices.Concat(p[:at], c.words(insertables[rng.Intn(len(insertables))]), p[min(len(p), at+1+rng.Intn(2)):])
	case 3: // Drop an honorific.
		if i := find(func(w word) bool { return slices.Contains(honorifics, w.text) }); i >= 0 {
			return slices.Delete(slices.Clone(p), i, i+1)
		}
	case 4: // Add an honorific before a name.
		if i := find(func(w word) bool { return slices.Contains(twinNames, w.text) }); i >= 0 {
			return slices.Concat(p[:i], c.words([]string{honorifics[rng.Intn(len(honorifics))]}), p[i:])
		}
	case 5: // Change a sentence's punctuation.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i], c.add(nil, []string{"!", "?", ";", ",", "."}[rng.Intn(5)], true), p[i+1:])
		}
	case 6: // Split a sentence in two, the word after the new stop capitalised.
		if at > 0 && at+1 < len(p) && !p[at].glue && !p[at+1].glue {
			next := p[at+1].text
			return slices.Concat(p[:at+1], c.add(nil, ".", true), c.add(nil, capitalized(next), false), p[at+2:])
		}
	case 7: // Join two sentences, the word after the old stop in lowercase.
		if i := find(isStop); i >= 0 && i+1 < len(p) {
			next := p[i+1].text
			return slices.Concat(p[:i], c.add(nil, ",", true), c.add(nil, lowercased(next), false), p[i+2:])
		}
	}
	return p
}

// TestReanchorTwinsThroughCopyEdits makes texts whose sentences repeat phrases, names,
// abbreviations and short sentences, comments on the repeats, and random copy edits of them, one
// to four to a save, and counts the comments whose words survive the edits that are put on other
// words or detached. Over these 3000 seeds the word diff alone (no sentence was a fixed point)
// put 18 of 20046 on other words and detached 72; taking sentences found whole, at least
// minSentence long and once in each text as fixed points puts 9 on other words and detaches the
// same 72, and no seed is worse. Cutting a sentence at every ". " with no minimum, as e161766
// did, made four seeds worse: a comment moved onto a twin or detached after an honorific or a
// phrase was cut.
func TestReanchorTwinsThroughCopyEdits(t *testing.T) {
	wrong, lost, survivors := 0, 0, 0
	for seed := range int64(3000) {
		rng := rand.New(rand.NewSource(seed))
		c := newCopyText(rng)
		old := c.flat()
		cs := commentTwins(rng, old)
		text := slices.Clone(old)
		for range 1 + rng.Intn(4) {
			i := rng.Intn(len(text))
			text[i] = copyEdit(rng, c, text[i])
		}
		w, l, n := misplaced(t, old, text, cs)
		if w+l > 0 {
			t.Logf("seed %d: %d wrong, %d lost of %d", seed, w, l, n)
		}
		wrong, lost, survivors = wrong+w, lost+l, survivors+n
	}
	if wrong*2000 > survivors || lost*250 > survivors {
		t.Errorf("of %d comments whose words survived, %d were put on other words and %d detached; want at most 1 in 2000 and 1 in 250",
			survivors, wrong, lost)
	}
	t.Logf("%d comments whose words survived: %d put on other words, %d detached", survivors, wrong, lost)
}

// TestReanchorTwinsThroughSentenceMoves makes texts whose sentences repeat phrases, comments on
// the repeats, and swaps two sentences of a paragraph or moves one past another, and counts the
// comments not kept on their own words. Over these 1000 seeds the word diff alone put 27 of 6420
// on other words, the twin phrase of the sentence that took their place, and detached 322; with
// sentences as fixed points 10 and 157.
func TestReanchorTwinsThroughSentenceMoves(t *testing.T) {
	wrong, lost, survivors := 0, 0, 0
	for seed := range int64(1000) {
		rng := rand.New(rand.NewSource(seed))
		c := newCopyText(rng)
		cs := commentTwins(rng, c.flat())
		old := c.flat()
		p := c.paras[rng.Intn(len(c.paras))]
		i, j := rng.Intn(len(p)), rng.Intn(len(p))
		if twinSentence(p, i) || twinSentence(p, j) {
			// Moving one of two identical sentences leaves the same text as moving the other:
			// no text says which of them a comment was on.
			continue
		}
		if rng.Intn(2) == 0 {
			p[i], p[j] = p[j], p[i]
		} else {
			s := p[i]
			rest := slices.Delete(slices.Clone(p), i, i+1)
			copy(p, slices.Insert(rest, min(j, len(rest)), s))
		}
		w, l, n := misplaced(t, old, c.flat(), cs)
		if w+l > 0 {
			t.Logf("seed %d: %d wrong, %d lost of %d", seed, w, l, n)
		}
		wrong, lost, survivors = wrong+w, lost+l, survivors+n
	}
	if wrong*500 > survivors || lost*35 > survivors {
		t.Errorf("of %d comments, %d were put on other words and %d detached; want at most 1 in 500 and 1 in 35",
			survivors, wrong, lost)
	}
	t.Logf("%d comments: %d put on other words, %d detached", survivors, wrong, lost)
}

// twinSentence reports whether another sentence of p reads as p[i] does.
func twinSentence(p [][]word, i int) bool {
	for k, s := range p {
		if k != i && slices.Equal(texts(s), texts(p[i])) {
			return true
		}
	}
	return false
}

// lowercased returns s with its first letter in lowercase.
func lowercased(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// capitalized returns s with its first letter in uppercase.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
