package merge

import (
	"slices"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// words merges three versions of a stretch of text token by token, and reports false when both
// sides changed the same tokens differently; settled says the merge is not diff3's own, made by
// what the sides share or on another alignment, where diff3 found a conflict or printed words
// twice.
//
// Each side is aligned with base by its own diff, and where base's tokens repeat (a full stop,
// "the", a space), the two diffs can place the same new words on either side of a base token.
// Both sides end a paragraph with the same new sentence, and one also changes the sentence
// before it: one diff matches base's last full stop with the side's first, the other with its
// last. diff3 then sees either two additions in two places, and takes both, or two different
// changes of one place. So a change both sides made differently is settled by the tokens they
// begin and end it with (see settle). A merge that conflicts or prints words both typed twice
// (see twice) is made again: with the spaces unmatched that each diff matched apart from the
// words around them (see loose), and then with one side's alignment taken through the diff of
// the sides, which aligns what they share, as long as that keeps as many of base's words as the
// side's own diff does (a diff as short, not one that deletes a word to type it again). The first
// of those that is clean and prints nothing twice is the merge, unless both of the last two are
// and differ; when there is none, or they differ, the stretch is a conflict, since words printed
// twice would otherwise go unseen. A clean merge that prints nothing twice is never made again.
func words(base, theirs, mine string) (merged string, settled, ok bool) {
	bt, tt, mt := worddiff.Tokens(base), worddiff.Tokens(theirs), worddiff.Tokens(mine)
	inTheirs, inMine := matches(bt, tt, false), matches(bt, mt, false)
	old := make(map[string]bool, len(bt))
	for _, tok := range bt {
		old[tok] = true
	}
	p, ok := merge3(bt, tt, mt, inTheirs, inMine)
	if ok && !p.repeatsWord(old) {
		return strings.Join(p.out, ""), p.settled, true
	}
	tm := sidesMatch(tt, mt)
	if ok && !p.twice(tt, tm, old) {
		return strings.Join(p.out, ""), p.settled, true
	}
	inTheirs, inMine = loose(bt, inTheirs), loose(bt, inMine)
	if p, ok := merge3(bt, tt, mt, inTheirs, inMine); ok && !p.twice(tt, tm, old) {
		return strings.Join(p.out, ""), true, true
	}
	found := false
	for _, align := range [][2][]int{{inTheirs, through(bt, mt, inTheirs, tm)}, {through(bt, tt, inMine, inverse(tm, len(mt))), inMine}} {
		if kept(bt, align[0]) < kept(bt, inTheirs) || kept(bt, align[1]) < kept(bt, inMine) {
			continue
		}
		p, ok := merge3(bt, tt, mt, align[0], align[1])
		if !ok || p.twice(tt, tm, old) {
			continue
		}
		if out := strings.Join(p.out, ""); !found {
			merged, found = out, true
		} else if out != merged {
			return "", true, false
		}
	}
	return merged, true, found
}

// loose unmatches the spaces of base that align matches apart from both their neighbours: a
// space kept with neither the token before it nor the one after it. A diff matches such a space
// with any space of the side's new words, which cuts a change of one place in two around a space
// of words the other side may have typed too.
func loose(base []string, align []int) []int {
	for i, j := range align {
		if j < 0 || strings.TrimSpace(base[i]) != "" {
			continue
		}
		before := i > 0 && align[i-1] >= 0 && align[i-1] == j-1
		after := i+1 < len(align) && align[i+1] >= 0 && align[i+1] == j+1
		if !before && !after {
			align[i] = -1
		}
	}
	return align
}

// sidesMatch returns, for each token of theirs but spaces, where the diff of the sides matches it
// in mine, or -1. Spaces are left out, since between two long stretches that share little the
// diff would match them in any order and miss the words both typed. The diff is made
// from the side whose text sorts first, since a diff can match equal words in more than one way
// and which way it takes depends on its direction: the merge does not depend on which side is
// which.
func sidesMatch(theirs, mine []string) []int {
	at := func(tokens []string) (idx []int, words []string) {
		for i, tok := range tokens {
			if strings.TrimSpace(tok) != "" {
				idx, words = append(idx, i), append(words, tok)
			}
		}
		return idx, words
	}
	ti, tw := at(theirs)
	mi, mw := at(mine)
	wm := matches(tw, mw, false)
	if strings.Join(mine, "") < strings.Join(theirs, "") {
		wm = inverse(matches(mw, tw, false), len(tw))
	}
	out := unprinted(len(theirs))
	for k, j := range wm {
		if j >= 0 {
			out[ti[k]] = mi[j]
		}
	}
	return out
}

// printed is a merge of three sequences of tokens: the tokens out, whose each was printed for
// theirs (1), mine (2) or both (3), and where out prints each token of theirs and of mine, or -1.
// A token the sides have in common is printed once for both. settled says a chunk both sides
// changed differently was settled by what they share (see settle).
type printed struct {
	out          []string
	by           []byte
	fromT, fromM []int
	settled      bool
}

// merge3 merges three sequences of tokens by diff3 on the alignments given (see diff3), and
// reports false when both sides changed the same tokens differently.
func merge3(base, theirs, mine []string, inTheirs, inMine []int) (printed, bool) {
	p := printed{fromT: unprinted(len(theirs)), fromM: unprinted(len(mine))}
	t, m := 0, 0
	for _, c := range diff3(base, theirs, mine, inTheirs, inMine) {
		if !p.settle(c, t, m) {
			return printed{}, false
		}
		t, m = t+len(c.theirs), m+len(c.mine)
	}
	return p, true
}

// settle prints chunk c, whose tokens start at t in theirs and m in mine: the side that changed
// it, or either when both made the same change. When both changed it differently, the tokens
// both sides begin or end it with (see shared) are printed once, as theirs and mine, and what
// is left between is settled the same way; it reports false when that is still changed
// differently.
func (p *printed) settle(c chunk, t, m int) bool {
	switch {
	case c.aligned || slices.Equal(c.theirs, c.mine):
		p.print(c.theirs, t, m)
		return true
	case slices.Equal(c.theirs, c.base):
		p.print(c.mine, -1, m)
		return true
	case slices.Equal(c.mine, c.base):
		p.print(c.theirs, t, -1)
		return true
	}
	head, inner, tail := shared(c)
	if head == 0 && tail == 0 {
		return false
	}
	p.settled = true
	p.print(c.theirs[:head], t, m)
	if !p.settle(inner, t+head, m+head) {
		return false
	}
	p.print(c.mine[len(c.mine)-tail:], t+len(c.theirs)-tail, m+len(c.mine)-tail)
	return true
}

// print prints tokens, which are theirs from t and mine from m, either -1 for tokens not that
// side's.
func (p *printed) print(tokens []string, t, m int) {
	var by byte
	for k, tok := range tokens {
		if t >= 0 {
			p.fromT[t+k] = len(p.out)
			by |= 1
		}
		if m >= 0 {
			p.fromM[m+k] = len(p.out)
			by |= 2
		}
		p.out = append(p.out, tok)
		p.by = append(p.by, by)
	}
}

// unprinted is n tokens not printed yet.
func unprinted(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	return out
}

// repeatsWord reports whether p prints a word base does not have (old) for theirs alone that it
// also prints for mine alone: only then can it print a word of both twice (see twice), which
// saves most merges the diff of the sides.
func (p printed) repeatsWord(old map[string]bool) bool {
	theirs := map[string]bool{}
	for i, tok := range p.out {
		if p.by[i] == 1 && isWord(tok) && !old[tok] {
			theirs[tok] = true
		}
	}
	for i, tok := range p.out {
		if p.by[i] == 2 && theirs[tok] {
			return true
		}
	}
	return false
}

// twice reports whether p prints a word the sides share twice: a word of theirs that tm, the
// diff of the sides, matches in mine, printed once as theirs and again, elsewhere, as mine.
// Spaces and punctuation are left out, since the diff matches them wherever it can, and so are
// the words base has (old): both sides may well have typed "the council" in two places, while
// a new word both typed is one addition.
func (p printed) twice(theirs []string, tm []int, old map[string]bool) bool {
	for j, m := range tm {
		if m >= 0 && p.fromT[j] >= 0 && p.fromM[m] >= 0 && p.fromT[j] != p.fromM[m] && isWord(theirs[j]) && !old[theirs[j]] {
			return true
		}
	}
	return false
}

// isWord reports whether a token is a word: one with a letter or a digit.
func isWord(token string) bool {
	return strings.IndexFunc(token, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// through aligns the tokens of a with those of c through b: a word of a that ab matches in b is
// matched where bc matches that word in c, and the tokens between two words so matched are
// aligned by their own diff. Spaces are left to that diff, since the diffs match them with any
// space they can, and a space matched through b can cross a word.
func through(a, c []string, ab, bc []int) []int {
	out := unprinted(len(a))
	i0, j0 := 0, 0
	between := func(i1, j1 int) {
		if i1 > i0 && j1 > j0 {
			for k, j := range matches(a[i0:i1], c[j0:j1], false) {
				if j >= 0 {
					out[i0+k] = j0 + j
				}
			}
		}
	}
	for i, j := range ab {
		if j >= 0 && bc[j] >= 0 && strings.TrimSpace(a[i]) != "" {
			between(i, bc[j])
			out[i] = bc[j]
			i0, j0 = i+1, bc[j]+1
		}
	}
	between(len(a), len(c))
	return out
}

// inverse turns an alignment of a with b, of n tokens, into that of b with a.
func inverse(ab []int, n int) []int {
	out := unprinted(n)
	for i, j := range ab {
		if j >= 0 {
			out[j] = i
		}
	}
	return out
}

// kept counts the tokens of base an alignment matches, spaces left out: they are the glue
// between words, which a diff matches wherever it can.
func kept(base []string, align []int) int {
	n := 0
	for i, j := range align {
		if j >= 0 && strings.TrimSpace(base[i]) != "" {
			n++
		}
	}
	return n
}
