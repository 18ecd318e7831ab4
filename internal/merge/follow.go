package merge

import (
	"slices"
	"strconv"
)

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
	if len(base) > maxFollowParagraphs || !candidates(base, moved, edited) {
		return base, edited
	}
	// Each step diffs the field's paragraphs; it diffs short keys in their place, so that a
	// step costs what the field's paragraphs number, not what their text weighs.
	pk := paragraphKeys{key: map[string]string{}, text: map[string]string{}}
	base, moved, edited = pk.of(base), pk.of(moved), pk.of(edited)
	f := follower{inBase: count(base), inMoved: count(moved), inEdited: count(edited), at: map[string]int{},
		texts: pk.text, halves: map[[2]string]bool{}}
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
	return pk.texts(base), pk.texts(edited)
}

// paragraphKeys gives each paragraph a short key of its own, and reads keys back.
type paragraphKeys struct {
	key, text map[string]string
}

// of returns ps with each paragraph in its key.
func (pk paragraphKeys) of(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		k, ok := pk.key[p]
		if !ok {
			k = strconv.Itoa(len(pk.key))
			pk.key[p], pk.text[k] = k, p
		}
		out[i] = k
	}
	return out
}

// texts returns the paragraphs keys name.
func (pk paragraphKeys) texts(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = pk.text[k]
	}
	return out
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

// follower is what followMoves knows of the three texts, each paragraph by its key: how often
// each holds each paragraph, where moved holds each one it holds (the last place, for one held
// twice, which no paragraph followed is), the paragraphs' texts, and whether an edit keeps half
// of a paragraph's words, for each pair of paragraph and edit read so far (every step reads
// every candidate, and a candidate's words are cut once).
type follower struct {
	inBase, inMoved, inEdited map[string]int
	at                        map[string]int
	texts                     map[string]string
	halves                    map[[2]string]bool
}

// keepsHalf reports whether edit keeps at least half of the words of p (see keepsHalf).
func (f follower) keepsHalf(p, edit string) bool {
	pair := [2]string{p, edit}
	half, ok := f.halves[pair]
	if !ok {
		half = keepsHalf(f.texts[p], f.texts[edit])
		f.halves[pair] = half
	}
	return half
}

// candidates reports whether base holds a paragraph that next could follow, one that base
// and moved hold once and edited nowhere, without the word diffs next makes: most merges have
// none, and so cost no more than they did before edits followed moves.
func candidates(base, moved, edited []string) bool {
	inBase, inMoved, inEdited := count(base), count(moved), count(edited)
	for _, p := range base {
		if inBase[p] == 1 && inMoved[p] == 1 && inEdited[p] == 0 {
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
		if f.inBase[p] != 1 || f.inMoved[p] != 1 || f.inEdited[p] > 0 || !f.keepsHalf(p, edited[inEdited[i]]) {
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
