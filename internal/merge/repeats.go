package merge

import (
	"strings"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// runWords is how many words make a run for repeated: enough that prose which repeats a phrase
// ("the council said") does not repeat the whole run by chance, few enough that a paragraph
// edited and moved still shares most of its runs with where it was.
const runWords = 4

// repeated reports whether merged, the merge of theirs and mine from base, holds a run of words
// of a paragraph the sides took from its place more times than base did and each side's
// additions account for: a paragraph both sides moved to different places, or one moved and
// the other moved an edited copy of, which a merge would otherwise keep twice. inTheirs and
// inMine say where each base paragraph is in each side (see matches). Only a field where both
// sides took paragraphs from their places can hold such a repeat, and only runs of those
// paragraphs are counted: the words of an ordinary edit, merged within their paragraph, can
// make a run that another paragraph holds, and that is no repeat. A run is runWords words of a
// paragraph, or a whole shorter paragraph.
func repeated(base, theirs, mine []string, inTheirs, inMine []int, merged []string) bool {
	var taken []string
	tookT, tookM := false, false
	for k, p := range base {
		tookT, tookM = tookT || inTheirs[k] < 0, tookM || inMine[k] < 0
		if inTheirs[k] < 0 || inMine[k] < 0 {
			taken = append(taken, p)
		}
	}
	if copiedTwice(base, theirs, mine, inTheirs, inMine, merged) {
		return true
	}
	if !tookT || !tookM {
		return false
	}
	watch := runs(taken, nil)
	b, t, m := runs(base, watch), runs(theirs, watch), runs(mine, watch)
	for run, n := range runs(merged, watch) {
		if n > b[run]+max(0, t[run]-b[run])+max(0, m[run]-b[run]) {
			return true
		}
	}
	return false
}

// copiedTwice reports whether merged holds more copies of a base paragraph that both sides took
// from its place than either side does; a paragraph a side matched with one sharing too few of
// its words to be its edit (it wrote as many as it replaced) is taken too. A copy is the
// paragraph or an edit of it (see editOf): a short paragraph both moved and one also edited keeps
// no run of runWords words whole, nor does one of a few more words with a word changed in its
// middle, so runs do not see the merge print it twice.
func copiedTwice(base, theirs, mine []string, inTheirs, inMine []int, merged []string) bool {
	took := func(side []string, j int, p string) bool {
		return j < 0 || !sharesHalf(strings.Fields(p), strings.Fields(side[j]))
	}
	for k, p := range base {
		kept := inTheirs[k] >= 0 && theirs[inTheirs[k]] == p || inMine[k] >= 0 && mine[inMine[k]] == p
		if kept || !took(theirs, inTheirs[k], p) || !took(mine, inMine[k], p) {
			continue
		}
		words := strings.Fields(p)
		copies := func(paras []string) int {
			n := 0
			for _, q := range paras {
				if editOf(words, strings.Fields(q)) {
					n++
				}
			}
			return n
		}
		if len(words) > 0 && copies(merged) > max(copies(theirs), copies(mine)) {
			return true
		}
	}
	return false
}

// editOf reports whether q, the words of a paragraph, could be an edit of p, the words of
// another: it shares half of p's words (see sharesHalf), and in their order.
func editOf(p, q []string) bool {
	if !sharesHalf(p, q) {
		return false
	}
	deleted, _ := worddiff.Match(p, q)
	kept := 0
	for _, d := range deleted {
		if !d {
			kept++
		}
	}
	return 2*kept >= len(p)
}

// sharesHalf reports whether q, the words of a paragraph, is between half and twice as long as
// p and holds at least half of p's words, in any order: what an edit of p does, which most
// paragraphs show they are not without a diff.
func sharesHalf(p, q []string) bool {
	if len(q) > 2*len(p) || 2*len(q) < len(p) {
		return false
	}
	in := make(map[string]int, len(p))
	for _, w := range p {
		in[w]++
	}
	shared := 0
	for _, w := range q {
		if in[w] > 0 {
			in[w]--
			shared++
		}
	}
	return 2*shared >= len(p)
}

// runs counts the runs of words of paras (see repeated), only those in only when it is not nil.
func runs(paras []string, only map[string]int) map[string]int {
	out := map[string]int{}
	count := func(run string) {
		if _, ok := only[run]; ok || only == nil {
			out[run]++
		}
	}
	for _, p := range paras {
		words := strings.Fields(p)
		if len(words) > 0 && len(words) < runWords {
			count(strings.Join(words, " "))
		}
		for i := 0; i+runWords <= len(words); i++ {
			count(strings.Join(words[i:i+runWords], " "))
		}
	}
	return out
}
