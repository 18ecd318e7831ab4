package merge

import "strings"

// runWords is how many words make a run for repeated: enough that prose which repeats a phrase
// ("the council said") does not repeat the whole run by chance, few enough that a paragraph
// edited and moved still shares most of its runs with where it was.
const runWords = 4

// repeated reports whether merged, the merge of theirs and mine from base, holds some run of
// words more times than base did and each side's additions account for: a stretch both sides
// removed from one place, once, and each put somewhere else. That is a paragraph both moved to
// different places, or one moved and the other moved an edited copy of, which a merge would
// otherwise keep twice. A run is runWords words of a paragraph, or a whole shorter paragraph;
// runs merged makes new, across the seams between the two sides' edits, are not counted.
func repeated(base, theirs, mine, merged []string) bool {
	b, t, m := runs(base), runs(theirs), runs(mine)
	for run, n := range runs(merged) {
		if n > b[run]+max(0, t[run]-b[run])+max(0, m[run]-b[run]) && (b[run] > 0 || t[run] > 0 || m[run] > 0) {
			return true
		}
	}
	return false
}

// runs counts the runs of words of paras (see repeated).
func runs(paras []string) map[string]int {
	out := map[string]int{}
	for _, p := range paras {
		words := strings.Fields(p)
		if len(words) > 0 && len(words) < runWords {
			out[strings.Join(words, " ")]++
		}
		for i := 0; i+runWords <= len(words); i++ {
			out[strings.Join(words[i:i+runWords], " ")]++
		}
	}
	return out
}
