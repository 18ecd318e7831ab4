package merge

import "strings"

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
