package store

import (
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

// ledgerWalk is where a save that brings back an earlier version carries the quotations of the
// text before it, walked along the versions between as the comments are (see carryBack): from
// are the quotations the finder sees in the text before the save, and to, for each, the one of
// the save's quotations the walk carried its words to, or -1 when a step lost them.
type ledgerWalk struct {
	from []found
	to   []int
}

// walkLedger walks the quotations of old, draft id's text at back.version, to those of text, news,
// whose packed checksum is sum, along the fewest saves (see versionPath), when text is one of
// the maxCarrySteps versions before: the one diff from old to text can pair a quotation with a
// copy a save in between pasted, and hand its check to words nobody checked. Each step pairs
// them by Reconcile across that step's own edit, following a quotation kept or edited; a step
// that undoes a save must pair them as that save's own edit, read forwards, does. It returns
// nil when text restores no version, or restores it by one diff, crossings aside (see
// diffSteps): a save that undoes or redoes the one before, or toggles between two texts, which
// the one diff plans, doubtCopies and undoubtCopies reading the copies it pastes or takes out.
// It returns nil, too, when the walk would read more than maxLedgerWalk bytes (see walkCost):
// a long body restored over many saves keeps the one diff's plan rather than hold the save for
// seconds, under SQLite's single writer when the save is worked out in its transaction.
func walkLedger(db *gorm.DB, id int64, old, text newsroom.Text, sum uint32, back versionsBack, news []found) (*ledgerWalk, error) {
	version, sums := back.version, back.sums
	path := versionPath(sums, back.lo, version, version, int64(sum))
	n := diffSteps(path, sums)
	if n < 2 || 2*n*max(quotedBytes(old), quotedBytes(text)) > maxLedgerWalk {
		return nil, nil
	}
	texts, undo, ok, err := textsAlong(db, id, path, map[int]newsroom.Text{version: old})
	if err != nil || !ok || len(texts) < 2 || !sameFields(texts[len(texts)-1], text) || walkCost(texts, undo) > maxLedgerWalk {
		return nil, err
	}
	from, _ := findQuotes(old)
	w := &ledgerWalk{from: from, to: make([]int, len(from))}
	for i := range w.to {
		w.to[i] = i
	}
	before := from
	for s := 1; s < len(texts); s++ {
		after := news
		if s < len(texts)-1 {
			after, _ = findQuotes(texts[s])
		}
		to := stepQuotes(texts[s-1], texts[s], before, after, false)
		if undo[s] {
			back := stepQuotes(texts[s], texts[s-1], after, before, true)
			for i, j := range to {
				if j >= 0 && back[j] != i {
					to[i] = -1
				}
			}
		}
		for k, i := range w.to {
			if i >= 0 {
				w.to[k] = to[i]
			}
		}
		before = after
	}
	return w, nil
}

// maxLedgerWalk is the most bytes of the quoted fields a walk along a restore's versions reads
// (see walkCost): a body of some ten thousand words, 60 KB, restored over as many saves as
// maxCarrySteps lets a walk take, 32, each of them undone, and so read twice. Such a walk takes
// a tenth of a second or so; where a save or a correction is worked out under the writer (a
// save's last plan gone, a correction with none), it holds the writer that long.
const maxLedgerWalk = 8 << 20

// quotedBytes is the size of the fields of t the finder reads.
func quotedBytes(t newsroom.Text) int { return len(t.Brief) + len(t.Body) }

// walkCost is how many bytes of quoted fields a walk along texts reads: each step finds the
// quotations of its text and pairs them across its edit, and a step that undoes a save (undo)
// pairs them again the other way.
func walkCost(texts []newsroom.Text, undo []bool) int {
	cost := 0
	for s := 1; s < len(texts); s++ {
		step := quotedBytes(texts[s-1]) + quotedBytes(texts[s])
		if undo[s] {
			step *= 2
		}
		cost += step
	}
	return cost
}

// stepQuotes returns, for each quotation of a, the text before an edit, the one of b, the text
// after it, that Reconcile pairs it with, kept or edited, or -1. A doubted one is followed only
// when doubted: a walk does not follow it, since the save took its check back, no text telling
// it from its copy, but the check of a step that undoes the save reads the save's own pairing.
func stepQuotes(a, b newsroom.Text, qa, qb []found, doubted bool) []int {
	p := quotes.Reconcile(entriesOf(qa), entriesOf(qb), quotedEdit(a, b, qb))
	to := make([]int, len(qa))
	for i := range to {
		to[i] = -1
	}
	for _, k := range p.Kept {
		to[k.Old] = k.New
	}
	held := make(map[int]bool, len(p.Doubted))
	for _, i := range p.Doubted {
		held[i] = !doubted
	}
	for _, k := range p.Edited {
		if !held[k.Old] {
			to[k.Old] = k.New
		}
	}
	return to
}

// along returns, for each of entries, the ledger's quotes before the save, where w carried it
// (see quotes.Plan.Along): entries are those of w.from by their field, words and place.
func (w *ledgerWalk) along(entries []quotes.Entry) []int {
	type place struct {
		field, text string
		start, end  int
	}
	at := make(map[place]int, len(w.from))
	for i, f := range w.from {
		at[place{f.field, f.Text, f.Start, f.End}] = i
	}
	out := make([]int, len(entries))
	for k, e := range entries {
		out[k] = quotes.Unwalked
		if i, ok := at[place{e.Field, e.Text, e.Start, e.End}]; ok {
			out[k] = w.to[i]
		}
	}
	return out
}
