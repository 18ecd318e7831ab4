package merge

import "slices"

// followMoves carries the edits one side (edited) made to paragraphs in their place to where the
// other side (moved) moved them whole, unedited. diff3 reads a move as a deletion where the
// paragraph was and an addition where it went; an edit in the old place then collides with the
// deletion, and the conflict shows the mover as having cut the paragraph, with a choice that
// prints it twice. So it returns base and edited with each such paragraph moved as moved moved
// it: after the same paragraph of base, or first. The merge of the three then takes the move
// from neither side and the edit from edited, in the new place. A paragraph is followed only
// when base and moved hold it once, edited holds it nowhere, and edited's paragraph in its place
// keeps at least half of its words; and only to after a paragraph both sides keep in place.
func followMoves(base, moved, edited []string) ([]string, []string) {
	// Moving paragraphs keeps what each text holds, so these hold through every step below.
	if len(base) > maxFollowParagraphs {
		return base, edited
	}
	f := follower{inBase: count(base), inMoved: count(moved), inEdited: count(edited), at: map[string]int{}}
	if !f.candidates(base) {
		return base, edited
	}
	for j, p := range moved {
		f.at[p] = j
	}
	for range maxFollowed {
		k, after, inEdited, ok := f.next(base, moved, edited)
		if !ok {
			break
		}
		editedAfter := -1
		if after >= 0 {
			editedAfter = inEdited[after]
		}
		edited = moveAfter(edited, inEdited[k], editedAfter)
		base = moveAfter(base, k, after)
	}
	return base, edited
}

// maxFollowParagraphs is the longest field, in paragraphs, whose moves followMoves follows.
// Each step diffs the whole field twice, and a merge makes up to four times maxFollowed steps:
// a field of a thousand paragraphs, five times a long feature's, costs a few milliseconds, where
// a stale save of 36,000 short lines, half swapped in pairs and half edited, took five seconds
// a merge (eight times the merge without following). Past it, an edit against a move is a
// conflict, as it was before edits followed moves.
const maxFollowParagraphs = 1000

// maxFollowed is the most paragraphs followMoves follows in one merge. Each costs two word
// diffs of the whole field; a writer moves a few paragraphs at a time, and a stale save that
// moved thousands (a body of 200,000 one-letter paragraphs) would otherwise cost a diff of the
// field for each. Past it, an edit against a move is a conflict, as it was before edits
// followed moves.
const maxFollowed = 20

// follower is what followMoves knows of the three texts: how often each holds each paragraph,
// and where moved holds each one it holds (the last place, for one held twice, which no
// paragraph followed is).
type follower struct {
	inBase, inMoved, inEdited map[string]int
	at                        map[string]int
}

// candidates reports whether base holds a paragraph that next could follow, one that base
// and moved hold once and edited nowhere, without the word diffs next makes: most merges have
// none, and so cost no more than they did before edits followed moves.
func (f follower) candidates(base []string) bool {
	for _, p := range base {
		if f.inBase[p] == 1 && f.inMoved[p] == 1 && f.inEdited[p] == 0 {
			return true
		}
	}
	return false
}

// next returns the first paragraph k of base that moved moved whole and edited edited in place,
// with the paragraph of base that moved puts it right after (-1 for first) and where edited
// holds each paragraph of base, and false when no
// paragraph is such, or none goes after a paragraph both sides keep in place.
func (f follower) next(base, moved, edited []string) (k, after int, inEdited []int, ok bool) {
	inMoved := matches(base, moved, true)
	inEdited = matches(base, edited, true)
	fromMoved := make([]int, len(moved))
	for j := range fromMoved {
		fromMoved[j] = -1
	}
	for i, j := range inMoved {
		if j >= 0 {
			fromMoved[j] = i
		}
	}
	for i, p := range base {
		if inMoved[i] >= 0 || inEdited[i] < 0 || edited[inEdited[i]] == p {
			continue
		}
		if f.inBase[p] != 1 || f.inMoved[p] != 1 || f.inEdited[p] > 0 || !keepsHalf(p, edited[inEdited[i]]) {
			continue
		}
		j := f.at[p]
		if j == 0 {
			return i, -1, inEdited, true
		}
		if m := fromMoved[j-1]; m >= 0 && inEdited[m] >= 0 {
			return i, m, inEdited, true
		}
	}
	return 0, 0, nil, false
}

// keepsHalf reports whether edit keeps at least half of the words of p.
func keepsHalf(p, edit string) bool {
	left := map[string]int{}
	for _, w := range wordsOf(edit) {
		left[w]++
	}
	words, same := wordsOf(p), 0
	for _, w := range words {
		if left[w] > 0 {
			left[w]--
			same++
		}
	}
	return same*2 >= len(words)
}

// moveAfter returns ps with ps[k] moved to right after ps[after] (-1: first).
func moveAfter(ps []string, k, after int) []string {
	p := ps[k]
	out := slices.Delete(slices.Clone(ps), k, k+1)
	if after > k {
		after--
	}
	return slices.Insert(out, after+1, p)
}
