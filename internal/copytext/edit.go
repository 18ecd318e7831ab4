package copytext

import (
	"math/rand"
	"slices"
)

// Editor makes random copy edits with its own words: a word or phrase inserted, cut or
// replaced, an honorific dropped or added, punctuation changed, a sentence split in two or two
// joined, a sentence added, and, if CutTails, the end of one cut.
type Editor struct {
	Inserts    [][]string // the words and phrases it inserts or puts in place of others
	Honorifics []string   // the honorifics it drops, or adds before one of Names
	Names      []string
	// Recased says a word whose first letter a split or a join recases is a new word, with a
	// fresh id; otherwise it is the same word, respelled.
	Recased  bool
	CutTails bool
}

// Save makes one to four edits to a copy of paras, each to a random paragraph, and returns it.
func (e Editor) Save(rng *rand.Rand, c *Text, paras [][]Word) [][]Word {
	text := slices.Clone(paras)
	for range 1 + rng.Intn(4) {
		i := rng.Intn(len(text))
		text[i] = e.Edit(rng, c, text[i])
	}
	return text
}

// Edit makes one random copy edit to a paragraph of words, its new words made by c.
func (e Editor) Edit(rng *rand.Rand, c *Text, p []Word) []Word {
	if len(p) == 0 {
		return p
	}
	at := rng.Intn(len(p))
	find := func(ok func(w Word) bool) int {
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
	isStop := func(w Word) bool { return w.Glue && (w.Text == "." || w.Text == "!" || w.Text == "?") }
	recase := func(w Word, to func(string) string) []Word {
		if e.Recased {
			return c.Add(nil, to(w.Text), false)
		}
		w.Text = to(w.Text)
		return []Word{w}
	}
	kinds := 9
	if e.CutTails {
		kinds = 10
	}
	switch rng.Intn(kinds) {
	case 8: // Add a sentence after another.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i+1], c.Sentence(rng), p[i+1:])
		}
	case 9: // Cut the rest of a sentence after a word, up to its stop.
		if j := slices.IndexFunc(p[at:], isStop); j > 0 {
			return slices.Delete(slices.Clone(p), at+1, at+j)
		}
	case 0: // Insert a word or phrase.
		return slices.Concat(p[:at], c.Words(e.Inserts[rng.Intn(len(e.Inserts))]), p[at:])
	case 1: // Cut a word or a few.
		return slices.Delete(slices.Clone(p), at, min(len(p), at+1+rng.Intn(3)))
	case 2: // Replace a word or a few with a phrase.
		return slices.Concat(p[:at], c.Words(e.Inserts[rng.Intn(len(e.Inserts))]), p[min(len(p), at+1+rng.Intn(2)):])
	case 3: // Drop an honorific.
		if i := find(func(w Word) bool { return slices.Contains(e.Honorifics, w.Text) }); i >= 0 {
			return slices.Delete(slices.Clone(p), i, i+1)
		}
	case 4: // Add an honorific before a name.
		if i := find(func(w Word) bool { return slices.Contains(e.Names, w.Text) }); i >= 0 {
			return slices.Concat(p[:i], c.Words([]string{e.Honorifics[rng.Intn(len(e.Honorifics))]}), p[i:])
		}
	case 5: // Change a sentence's punctuation.
		if i := find(isStop); i >= 0 {
			return slices.Concat(p[:i], c.Add(nil, []string{"!", "?", ";", ",", "."}[rng.Intn(5)], true), p[i+1:])
		}
	case 6: // Split a sentence in two, the word after the new stop capitalised.
		if at > 0 && at+1 < len(p) && !p[at].Glue && !p[at+1].Glue {
			stop := c.Add(nil, ".", true)
			return slices.Concat(p[:at+1], stop, recase(p[at+1], UpperFirst), p[at+2:])
		}
	case 7: // Join two sentences, the word after the old stop in lowercase.
		if i := find(isStop); i >= 0 && i+1 < len(p) {
			comma := c.Add(nil, ",", true)
			return slices.Concat(p[:i], comma, recase(p[i+1], LowerFirst), p[i+2:])
		}
	}
	return p
}
