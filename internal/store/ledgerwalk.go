package store

import (
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

// ledgerWalk is where a save that brings back an earlier version carries the quotations of the
// text before it, walked along the versions between as the comments are (see carryBack): from
// are the quotations the finder sees in the text before the save, and to, for each, the one of
// the save's quotations the walk carried its words to, or -1 when a step lost them. steps holds
// where each step's quotations went, from the version before it to the one after, doubted ones
// followed and a step that undoes a save read as that save's own pairing (see stepQuotes), and
// came the same read backwards, to trace a quotation of any version along the walk (see apart).
type ledgerWalk struct {
	from  []found
	to    []int
	steps [][]int // steps[s][i]: the quotation of version s+1 that i of version s went to, or -1
	came  [][]int // came[s][j]: the quotation of version s that went to j of version s+1, or -1
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
		to, went := stepQuotes(texts[s-1], texts[s], before, after)
		if undo[s] {
			_, back := stepQuotes(texts[s], texts[s-1], after, before)
			for i, j := range to {
				if j >= 0 && back[j] != i {
					to[i] = -1
				}
			}
			went = make([]int, len(before))
			for i := range went {
				went[i] = -1
			}
			for j, i := range back {
				if i >= 0 {
					went[i] = j
				}
			}
		}
		for k, i := range w.to {
			if i >= 0 {
				w.to[k] = to[i]
			}
		}
		w.step(went)
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
// after it, that Reconcile pairs it with, kept or edited, or -1. to leaves out a doubted one,
// which a walk does not follow, since the save took its check back, no text telling it from its
// copy; went follows it, as the words went: the check of a step that undoes the save reads the
// save's own pairing.
func stepQuotes(a, b newsroom.Text, qa, qb []found) (to, went []int) {
	p := quotes.Reconcile(entriesOf(qa), entriesOf(qb), quotedEdit(a, b, qb))
	to, went = make([]int, len(qa)), make([]int, len(qa))
	for i := range to {
		to[i], went[i] = -1, -1
	}
	for _, k := range p.Kept {
		to[k.Old], went[k.Old] = k.New, k.New
	}
	held := make(map[int]bool, len(p.Doubted))
	for _, i := range p.Doubted {
		held[i] = true
	}
	for _, k := range p.Edited {
		went[k.Old] = k.New
		if !held[k.Old] {
			to[k.Old] = k.New
		}
	}
	return to, went
}

// along returns, for each of entries, the ledger's quotes before the save, where w carried it
// (see quotes.Plan.Along): entries are those of w.from by their field, words and place. It
// returns with it apart for those entries and the save's quotations.
func (w *ledgerWalk) along(entries []quotes.Entry) (to []int, apart func(old, found int) bool) {
	type place struct {
		field, text string
		start, end  int
	}
	at := make(map[place]int, len(w.from))
	for i, f := range w.from {
		at[place{f.field, f.Text, f.Start, f.End}] = i
	}
	to, from := make([]int, len(entries)), make([]int, len(entries))
	for k, e := range entries {
		to[k], from[k] = quotes.Unwalked, -1
		if i, ok := at[place{e.Field, e.Text, e.Start, e.End}]; ok {
			to[k], from[k] = w.to[i], i
		}
	}
	return to, func(old, found int) bool { return from[old] >= 0 && w.apart(from[old], found) }
}

// step adds to the walk a step whose quotations went as went says, and the map back from
// where they went, built once here rather than searched for each quotation apart traces back.
func (w *ledgerWalk) step(went []int) {
	n := 0
	for _, j := range went {
		n = max(n, j+1)
	}
	came := make([]int, n)
	for j := range came {
		came[j] = -1
	}
	for i, j := range went {
		if j >= 0 && came[j] < 0 {
			came[j] = i
		}
	}
	w.steps = append(w.steps, went)
	w.came = append(w.came, came)
}

// apart reports whether the walk saw the quotation w.from[i] was carried to and the one that the
// save's quotation j was carried from stand as two quotations of one version: then j's words
// are not i's, however alike they read. A quotation whose words a step cut while a copy of them
// stayed, as an undone paste cuts the copy, is lost at that step; the one diff of a restore pairs
// it with the copy that stayed when no other quotation holds those words, a copy nobody checked.
func (w *ledgerWalk) apart(i, j int) bool {
	at := make([]int, len(w.steps)+1) // where i was carried at each version of the walk
	at[0] = i
	for s, to := range w.steps {
		at[s+1] = -1
		if at[s] >= 0 {
			at[s+1] = to[at[s]]
		}
	}
	for s := len(w.steps); j >= 0; s-- {
		if at[s] >= 0 && at[s] != j {
			return true
		}
		if s == 0 {
			break
		}
		if came := w.came[s-1]; j < len(came) {
			j = came[j]
		} else {
			j = -1
		}
	}
	return false
}
