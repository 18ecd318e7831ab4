package anchor_test

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/copytext"
)

// The parts of the sentences the copy is made of: subjects with honorifics, initials and dotted
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

// sentence makes one random sentence, in one of a few shapes, all holding a twin phrase.
func sentence(c *copytext.Text, rng *rand.Rand) []copytext.Word {
	pick := func(l [][]string) []string { return l[rng.Intn(len(l))] }
	subj, verb, phrase, tail := pick(twinSubjects), pick(twinVerbs), pick(twinPhrases), pick(twinTails)
	var s []copytext.Word
	switch rng.Intn(8) {
	case 5, 6: // He agreed. Short sentences repeat.
		s = c.Words(shortSentences[rng.Intn(len(shortSentences))])
		s = c.Add(s, ".", true)
	case 7: // Smith met Mr. Jones on Friday. The name ends a sentence or stands before its tail.
		s = c.Words(slices.Concat([]string{twinNames[rng.Intn(len(twinNames))]}, pick(meetings), subj, tail))
		s = c.Add(s, ".", true)
	case 0, 1, 2: // Mr. Jones said the plan would work in June.
		s = c.Words(slices.Concat(subj, verb, phrase, tail))
		if stop := stops[rng.Intn(len(stops))]; !strings.HasSuffix(s[len(s)-1].Text, stop) {
			s = c.Add(s, stop, true)
		}
	case 3: // Mr. Jones said: “the plan would work.” The closing mark follows the stop.
		s = c.Words(slices.Concat(subj, verb))
		s = c.Add(s, ":", true)
		s = c.Add(s, "“"+phrase[0], false)
		s = append(s, c.Words(slices.Concat(phrase[1:], tail))...)
		s = c.Add(s, ".”", true)
	case 4: // “Would the plan work?” asked Mr. Jones. The question runs on in lowercase.
		s = c.Add(s, "“Would", false)
		s = append(s, c.Words(phrase[:len(phrase)-1])...)
		s = c.Add(s, phrase[len(phrase)-1], false)
		s = c.Add(s, "?”", true)
		s = append(s, c.Words(slices.Concat([]string{"asked"}, subj, tail))...)
		s = c.Add(s, ".", true)
	}
	s[0].Text = copytext.UpperFirst(s[0].Text)
	return s
}

// writer writes copy with twin phrases, and now and then a sentence in Chinese.
var writer = copytext.Writer{Sentence: sentence, Chinese: true}

// editor edits it, cuts the ends of sentences, and makes a word recased by a split or a join a
// new word.
var editor = copytext.Editor{Inserts: insertables, Honorifics: honorifics, Names: twinNames, Recased: true, CutTails: true}

// render writes paragraphs of words as a text, and where each word's id starts and ends in it,
// in code points.
func render(paras [][]copytext.Word) (string, map[int][2]int) {
	text, all := copytext.Render(paras)
	at := map[int][2]int{}
	for _, w := range all {
		at[w.ID] = [2]int{w.Start, w.End}
	}
	return text, at
}

// twinComment is a comment on a run of words, by their ids. Its words survive an edit when the
// run is still there, in order, next to each other and spelled the same.
type twinComment struct {
	ids  []int
	text string
}

// commentTwins puts comments on the words of some twin phrases and names, and on a few runs of
// any words.
func commentTwins(rng *rand.Rand, paras [][]copytext.Word) []twinComment {
	var cs []twinComment
	for _, p := range paras {
		for j := range p {
			n := 0
			for _, tw := range twinPhrases {
				if j+len(tw) <= len(p) && slices.Equal(copytext.Texts(p[j:j+len(tw)]), tw) {
					n = len(tw)
				}
			}
			if n == 0 && slices.Contains(twinNames, p[j].Text) {
				n = 1
			}
			if n == 0 && rng.Intn(12) == 0 {
				n = 1 + rng.Intn(min(3, len(p)-j))
			}
			if n > 0 && rng.Intn(2) == 0 {
				cs = append(cs, twinComment{ids: copytext.IDs(p[j : j+n])})
			}
		}
	}
	return cs
}

// where returns where the comment's words are in paras, in code points of the text render makes
// of them, and false when an edit broke them up or took one away.
func (c twinComment) where(paras [][]copytext.Word, at map[int][2]int) (start, end int, ok bool) {
	for _, p := range paras {
		for j, w := range p {
			if w.ID != c.ids[0] {
				continue
			}
			if j+len(c.ids) > len(p) || !slices.Equal(copytext.IDs(p[j:j+len(c.ids)]), c.ids) {
				return 0, 0, false
			}
			return at[c.ids[0]][0], at[c.ids[len(c.ids)-1]][1], true
		}
	}
	return 0, 0, false
}

// misplaced counts, of the comments cs on old whose words survive in text, those Reanchor puts
// anywhere but on them (wrong) and those it detaches (lost).
func misplaced(t *testing.T, oldParas, newParas [][]copytext.Word, cs []twinComment) (n copytext.Tally) {
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
		n.Survivors++
		switch {
		case res.Status == anchor.Detached:
			n.Lost++
			t.Logf("lost %q at %d-%d, now at %d-%d\n  old %q\n  new %q", sels[i].Exact, sels[i].Start, sels[i].End, s, e, old, text)
		case res.Start != s || res.End != e:
			n.Wrong++
			t.Logf("wrong %q at %d-%d, want %d-%d\n  old %q\n  new %q", sels[i].Exact, res.Start, res.End, s, e, old, text)
		}
	}
	return n
}

// TestReanchorTwinsThroughCopyEdits makes texts whose sentences repeat phrases, names,
// abbreviations and short sentences, comments on the repeats, and random copy edits of them, one
// to four to a save, and counts the comments whose words survive the edits that are put on other
// words or detached. Over these 3000 seeds the word diff alone (no sentence was a fixed point)
// put 18 of 20046 on other words and detached 72; taking sentences found whole, at least
// minSentence long and once in each text as fixed points puts 9 on other words and detaches the
// same 72, and no seed is worse; keeping words in place when the diff put a sentence typed
// again beside them before them (see edit.slide) puts 5 on other words, still detaching 72. Cutting a sentence at every ". " with no minimum, as e161766
// did, made four seeds worse: a comment moved onto a twin or detached after an honorific or a
// phrase was cut.
func TestReanchorTwinsThroughCopyEdits(t *testing.T) {
	sum := copytext.Trials(t, 3000, func(rng *rand.Rand) copytext.Tally {
		c := writer.New(rng)
		old := c.Flat()
		cs := commentTwins(rng, old)
		return misplaced(t, old, editor.Save(rng, c, old), cs)
	})
	if sum.Wrong*2000 > sum.Survivors || sum.Lost*250 > sum.Survivors {
		t.Errorf("of %d comments whose words survived, %d were put on other words and %d detached; want at most 1 in 2000 and 1 in 250",
			sum.Survivors, sum.Wrong, sum.Lost)
	}
	t.Logf("%d comments whose words survived: %d put on other words, %d detached", sum.Survivors, sum.Wrong, sum.Lost)
}

// TestReanchorTwinsThroughSentenceMoves makes texts whose sentences repeat phrases, comments on
// the repeats, and swaps two sentences of a paragraph or moves one past another, and counts the
// comments not kept on their own words. Over these 1000 seeds the word diff alone put 27 of 6420
// on other words, the twin phrase of the sentence that took their place, and detached 322; with
// sentences as fixed points 10 and 157; keeping words in place past a twin typed beside them,
// 9 and 158.
func TestReanchorTwinsThroughSentenceMoves(t *testing.T) {
	sum := copytext.Trials(t, 1000, func(rng *rand.Rand) copytext.Tally {
		c := writer.New(rng)
		cs := commentTwins(rng, c.Flat())
		old := c.Flat()
		if !copytext.MoveSentence(rng, c) {
			return copytext.Tally{}
		}
		return misplaced(t, old, c.Flat(), cs)
	})
	if sum.Wrong*500 > sum.Survivors || sum.Lost*35 > sum.Survivors {
		t.Errorf("of %d comments, %d were put on other words and %d detached; want at most 1 in 500 and 1 in 35",
			sum.Survivors, sum.Wrong, sum.Lost)
	}
	t.Logf("%d comments: %d put on other words, %d detached", sum.Survivors, sum.Wrong, sum.Lost)
}
