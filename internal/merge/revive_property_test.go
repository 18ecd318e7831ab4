package merge

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// reviveCommon are the words a history repeats; every other word it writes is unique.
var reviveCommon = []string{"The", "it", "said", "council"}

// reviveText is a body as paragraphs of sentences of words, the last word of a sentence ending
// with a full stop when rendered.
type reviveText [][][]string

func (x reviveText) String() string {
	paras := make([]string, 0, len(x))
	for _, p := range x {
		sentences := make([]string, 0, len(p))
		for _, s := range p {
			sentences = append(sentences, strings.Join(s, " ")+".")
		}
		paras = append(paras, strings.Join(sentences, " "))
	}
	return strings.Join(paras, "\n")
}

func (x reviveText) clone() reviveText {
	out := make(reviveText, len(x))
	for p, para := range x {
		out[p] = make([][]string, len(para))
		for s, sentence := range para {
			out[p][s] = slices.Clone(sentence)
		}
	}
	return out
}

// reviveHistory makes a random base and two sides' edits of it: words replaced, inserted and
// deleted, sentences and paragraphs deleted or written, and sentences or paragraphs both sides
// write in one place, which neither edits. Edits may touch the same words: a conflict is always
// a fair answer, and what a clean merge holds is what is checked.
func reviveHistory(r *rand.Rand) (base, theirs, mine reviveText) {
	next := 0
	word := func(tag string) string {
		next++
		if r.IntN(4) == 0 {
			return reviveCommon[r.IntN(len(reviveCommon))]
		}
		return fmt.Sprintf("%s%d", tag, next)
	}
	sentence := func(tag string) []string {
		s := make([]string, 1+r.IntN(3))
		for k := range s {
			s[k] = word(tag)
		}
		return s
	}
	for range 1 + r.IntN(3) {
		var para [][]string
		for range 1 + r.IntN(3) {
			para = append(para, sentence("b"))
		}
		base = append(base, para)
	}
	theirs, mine = base.clone(), base.clone()
	add := func(x reviveText, s []string, asPara bool, at int) reviveText {
		if asPara || len(x) == 0 {
			return slices.Insert(x, at%(len(x)+1), [][]string{slices.Clone(s)})
		}
		p := at % len(x)
		x[p] = slices.Insert(x[p], at%(len(x[p])+1), slices.Clone(s))
		return x
	}
	for range r.IntN(3) {
		s, asPara, at := sentence("xs"), r.IntN(3) == 0, r.IntN(10)
		theirs, mine = add(theirs, s, asPara, at), add(mine, s, asPara, at)
	}
	shared := func(s []string) bool {
		return slices.ContainsFunc(s, func(w string) bool { return strings.HasPrefix(w, "xs") })
	}
	edit := func(x reviveText, tag string) reviveText {
		if len(x) == 0 {
			return add(x, sentence(tag), true, 0)
		}
		p := r.IntN(len(x))
		s := r.IntN(len(x[p]))
		k := r.IntN(len(x[p][s]))
		op := r.IntN(7)
		if op < 5 && slices.ContainsFunc(x[p], shared) && (op == 4 || shared(x[p][s])) {
			return x // what both wrote is left as they wrote it
		}
		switch op {
		case 0:
			x[p][s][k] = word(tag)
		case 1:
			x[p][s] = slices.Insert(x[p][s], k, word(tag))
		case 2:
			if len(x[p][s]) > 1 {
				x[p][s] = slices.Delete(x[p][s], k, k+1)
			}
		case 3:
			if len(x[p]) > 1 {
				x[p] = slices.Delete(x[p], s, s+1)
			}
		case 4:
			if len(x) > 1 {
				x = slices.Delete(x, p, p+1)
			}
		default:
			x = add(x, sentence(tag), r.IntN(2) == 0, r.IntN(10))
		}
		return x
	}
	for range r.IntN(4) {
		theirs = edit(theirs, "xt")
	}
	for range r.IntN(4) {
		mine = edit(mine, "xm")
	}
	return base, theirs, mine
}

// uniqueWords counts the words of a text but the common ones.
func uniqueWords(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(text) {
		if w = strings.TrimSuffix(w, "."); !slices.Contains(reviveCommon, w) {
			out[w]++
		}
	}
	return out
}

// TestMergeNeverBringsBackADeletedWord merges random histories of unique words in which both
// sides may write the same sentence or paragraph in one place and make edits of their own, which
// may touch each other's: words replaced, inserted or deleted, sentences and paragraphs deleted or
// written. A conflict is always allowed. A clean merge holds no word a side deleted and the other
// kept, since a stale save that deleted a word must not find it back; it holds once every word
// both kept, and every word one side wrote. What both wrote it holds, once where it can tell the
// two are one addition (see TestSharedAdditionsPrintOnce).
func TestMergeNeverBringsBackADeletedWord(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 26))
	for i := range 20000 {
		b, x, y := reviveHistory(r)
		base, theirs, mine := b.String(), x.String(), y.String()
		got, ok := Texts(body(base), body(theirs), body(mine)).Merged()
		if !ok {
			continue
		}
		bc, tc, mc, oc := uniqueWords(base), uniqueWords(theirs), uniqueWords(mine), uniqueWords(got.Body)
		all := maps.Clone(oc)
		maps.Copy(all, bc)
		maps.Copy(all, tc)
		maps.Copy(all, mc)
		for w := range all {
			both, either := tc[w] > 0 && mc[w] > 0, tc[w]+mc[w] > 0
			var wrong string
			switch {
			case bc[w] > 0 && !both && oc[w] > 0:
				wrong = "a side deleted it"
			case bc[w] > 0 && both && oc[w] != 1:
				wrong = "both kept it once"
			case bc[w] == 0 && both && oc[w] == 0:
				wrong = "both wrote it"
			case bc[w] == 0 && either && !both && oc[w] != 1:
				wrong = "one side wrote it once"
			case !either && bc[w] == 0 && oc[w] > 0:
				wrong = "no side wrote it"
			}
			if wrong != "" {
				t.Fatalf("history %d: the merge holds %q %d times, but %s:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, w, oc[w], wrong, base, theirs, mine, got.Body)
			}
		}
	}
}
