package quotes_test

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/copytext"
	"github.com/copydesk/copydesk/internal/quotes"
)

// copyParagraph returns p's words with fresh ids: the same paragraph typed again.
func copyParagraph(c *copytext.Text, p []copytext.Word) []copytext.Word {
	var out []copytext.Word
	for _, w := range p {
		out = c.Add(out, w.Text, w.Glue)
	}
	return out
}

// twinPiece makes four to ten paragraphs of one to three sentences that quote the same words,
// one paragraph in three a copy of an earlier one, so that the piece repeats whole paragraphs
// as well as quotations.
func twinPiece(rng *rand.Rand) [][]copytext.Word {
	c := writer.New(rng)
	var paras [][]copytext.Word
	for range 4 + rng.Intn(7) {
		if len(paras) > 0 && rng.Intn(3) == 0 {
			paras = append(paras, copyParagraph(c, paras[rng.Intn(len(paras))]))
			continue
		}
		var p []copytext.Word
		for range 1 + rng.Intn(3) {
			p = append(p, c.Sentence(rng)...)
		}
		paras = append(paras, p)
	}
	return paras
}

// hasTwin reports whether another paragraph of paras reads as paras[i] does.
func hasTwin(paras [][]copytext.Word, i int) bool {
	return slices.ContainsFunc(paras[:i], func(p []copytext.Word) bool { return slices.Equal(copytext.Texts(p), copytext.Texts(paras[i])) }) ||
		slices.ContainsFunc(paras[i+1:], func(p []copytext.Word) bool { return slices.Equal(copytext.Texts(p), copytext.Texts(paras[i])) })
}

// moveTally counts, over random paragraph moves, the checked quotations whose words survived:
// those whose check stayed on them, those whose check was taken back, and those whose check
// went onto a copy of their words.
type moveTally struct{ stayed, takenBack, onCopy int }

// movedChecks checks every quotation of old, reconciles the ledger across the save that made
// moved, and counts where the checks went.
func movedChecks(t *testing.T, old, moved [][]copytext.Word) (n moveTally) {
	t.Helper()
	olds, before := quotations(old)
	news, after := quotations(moved)
	entries := func(qs []quotation) []quotes.Entry {
		out := make([]quotes.Entry, len(qs))
		for i, q := range qs {
			out[i] = q.entry
		}
		return out
	}
	found := entries(news)
	ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
	plan := quotes.Reconcile(entries(olds), found, ed)
	keptAt := make([]int, len(olds))
	for i := range keptAt {
		keptAt[i] = -1
	}
	for _, p := range plan.Kept {
		keptAt[p.Old] = p.New
	}
	for i, o := range olds {
		own := slices.IndexFunc(news, o.same)
		j := keptAt[i]
		switch {
		case j >= 0 && !news[j].same(o):
			n.onCopy++
			t.Logf("on a copy: %q at %d went to %d, its own at %d\n  old %q\n  new %q", o.entry.Text, o.entry.Start, news[j].entry.Start, own, before, after)
		case own < 0:
		case j == own:
			n.stayed++
		default:
			n.takenBack++
		}
	}
	return n
}

// moveOrSwap swaps paragraphs i and j of paras or moves i to j, on a copy of paras.
func moveOrSwap(rng *rand.Rand, paras [][]copytext.Word, i, j int) [][]copytext.Word {
	moved := slices.Clone(paras)
	if rng.Intn(2) == 0 {
		moved[i], moved[j] = moved[j], moved[i]
		return moved
	}
	p := moved[i]
	return slices.Insert(slices.Delete(moved, i, i+1), j, p)
}

// TestParagraphMovesKeepChecks makes pieces that repeat quotations and whole paragraphs, checks
// every quotation, moves paragraphs in one save, and counts where the checks on words that
// survived went: a move edits no quotation, so none may be taken back, and none may go onto a
// copy of its words where the text tells the copies apart. Over these 3,000 seeds each:
//
//   - Moved swaps two paragraphs or moves one, never one with a twin paragraph. Placing only the
//     paragraphs once in each text kept 8,030 checks, took back none and put 4 on a copy (two
//     twin paragraphs side by side, a paragraph moved or swapped across them, the nearest twin
//     taking each check); placing the copies by their anchors too (see placed) keeps 8,034.
//   - MovedAndEdited moves a paragraph with no twin and cuts a word of it, as the mixed
//     histories of internal/store do. Placing only the paragraphs once in each text kept 12,852,
//     took back 34 and put 260 on a copy; with the copies placed and the moved paragraph diffed
//     on its own (see movedParagraph), 13,115 and none.
//   - CopiesMoved may move a paragraph with a twin, which leaves the text a move of another
//     would: no text says which copy a check was on, and a guess is wrong as often as not. It
//     kept 23,472 and put 2,116 on a copy; now 23,508 and 2,080, and no rule that reads the
//     copies' order alone may put more there.
func TestParagraphMovesKeepChecks(t *testing.T) {
	tests := []struct {
		name     string
		move     func(rng *rand.Rand, paras [][]copytext.Word) ([][]copytext.Word, bool)
		onCopies int // how many checks may go onto a copy
	}{
		{"Moved", func(rng *rand.Rand, paras [][]copytext.Word) ([][]copytext.Word, bool) {
			i, j := rng.Intn(len(paras)), rng.Intn(len(paras))
			if i == j || hasTwin(paras, i) || hasTwin(paras, j) {
				return nil, false
			}
			return moveOrSwap(rng, paras, i, j), true
		}, 0},
		{"MovedAndEdited", func(rng *rand.Rand, paras [][]copytext.Word) ([][]copytext.Word, bool) {
			i, j := rng.Intn(len(paras)), rng.Intn(len(paras))
			if i == j || hasTwin(paras, i) {
				return nil, false
			}
			p := slices.Clone(paras[i])
			if len(p) > 2 {
				k := rng.Intn(len(p))
				p = slices.Delete(p, k, k+1)
			}
			return slices.Insert(slices.Delete(slices.Clone(paras), i, i+1), j, p), true
		}, 0},
		{"CopiesMoved", func(rng *rand.Rand, paras [][]copytext.Word) ([][]copytext.Word, bool) {
			i, j := rng.Intn(len(paras)), rng.Intn(len(paras))
			if i == j {
				return nil, false
			}
			return moveOrSwap(rng, paras, i, j), true
		}, 2116},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sum moveTally
			for seed := range int64(3000) {
				rng := rand.New(rand.NewSource(seed))
				old := twinPiece(rng)
				moved, ok := tt.move(rng, old)
				if !ok {
					continue
				}
				n := movedChecks(t, old, moved)
				sum.stayed, sum.takenBack, sum.onCopy = sum.stayed+n.stayed, sum.takenBack+n.takenBack, sum.onCopy+n.onCopy
			}
			t.Logf("checks on words that survived: %d stayed, %d taken back, %d on a copy", sum.stayed, sum.takenBack, sum.onCopy)
			if sum.onCopy > tt.onCopies || sum.takenBack > 0 {
				t.Errorf("%d checks went onto a copy of their words and %d were taken back, want at most %d and none",
					sum.onCopy, sum.takenBack, tt.onCopies)
			}
		})
	}
}
