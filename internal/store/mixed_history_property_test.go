package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// mixedHistory is a restore history (see restoreHistory) whose saves also move a paragraph and
// edit it at once, paste the piece after itself with a stop changed in the copy, and redo an
// undone save, and in which quotations are checked: every check made is kept with the words it
// was made on, by their identity.
type mixedHistory struct {
	*restoreHistory
	checked map[int64][]int // quote → the ids of the words its check was made on
	undone  int             // the version an undo just left, for a redo; 0 when the last step was none
}

// mixedStep takes one random step of the history.
func (h *mixedHistory) mixedStep() {
	cur := h.current()
	paras := slices.Clone(h.versions[cur])
	undone := h.undone
	h.undone = 0
	what := ""
	switch op := h.r.IntN(12); op {
	case 0:
		if len(paras) > 8 {
			return
		}
		var copied [][]word
		for _, p := range paras {
			var c []word
			for _, w := range p {
				h.next++
				c = append(c, word{h.next, w.text})
			}
			copied = append(copied, c)
		}
		what = "pastes the piece after itself"
		if p := h.r.IntN(len(copied)); len(copied[p]) > 0 {
			if k := slices.IndexFunc(copied[p], func(w word) bool { return strings.HasSuffix(w.text, ".") }); k >= 0 {
				copied[p][k].text = strings.TrimSuffix(copied[p][k].text, ".") + "?"
				what += ", a stop changed in the copy"
			}
		}
		paras = append(paras, copied...)
	case 1, 2:
		if len(paras) < 2 {
			return
		}
		i, j := h.r.IntN(len(paras)), h.r.IntN(len(paras)-1)
		line, _ := render(paras[i : i+1])
		if slices.ContainsFunc(slices.Delete(slices.Clone(paras), i, i+1), func(p []word) bool { other, _ := render([][]word{p}); return other == line }) {
			return // which of two like paragraphs moved, no text can tell
		}
		moved := slices.Clone(paras[i])
		paras = slices.Delete(paras, i, i+1)
		if j >= i {
			j++
		}
		j = min(j, len(paras))
		what = fmt.Sprintf("moves paragraph %d to %d", i+1, j+1)
		if op == 2 && len(moved) > 2 {
			k := h.r.IntN(len(moved))
			what += fmt.Sprintf(" and cuts %q in it", moved[k].text)
			moved = slices.Delete(moved, k, k+1)
		} else if op == 2 {
			moved = slices.Concat(moved, h.sentence())
			what += " and types a sentence at its end"
		}
		paras = slices.Insert(paras, j, moved)
	case 3:
		p := h.r.IntN(len(paras))
		para := slices.Clone(paras[p])
		k := slices.IndexFunc(para, func(w word) bool { return strings.HasSuffix(w.text, ".") })
		if k < 0 {
			return
		}
		para[k].text = strings.TrimSuffix(para[k].text, ".") + []string{"!", "?", ";"}[h.r.IntN(3)]
		paras[p] = para
		what = fmt.Sprintf("changes a stop to %q", para[k].text)
	case 4:
		if cur == h.first {
			return
		}
		v := h.first + h.r.IntN(cur-h.first)
		h.save(h.versions[v], fmt.Sprintf("restores v%d", v))
		h.checkQuotes()
		return
	case 5:
		if cur == h.first {
			return
		}
		h.save(h.versions[cur-1], fmt.Sprintf("undoes v%d", cur))
		if h.current() == cur+1 {
			h.undone = cur
		}
		h.checkQuotes()
		return
	case 6:
		if undone == 0 {
			return
		}
		h.save(h.versions[undone], fmt.Sprintf("redoes v%d", undone))
		h.checkQuotes()
		return
	case 7:
		p := h.r.IntN(len(paras))
		paras[p] = slices.Concat(paras[p], h.sentence())
		what = fmt.Sprintf("types a sentence at the end of paragraph %d", p+1)
	case 8:
		p := h.r.IntN(len(paras))
		if len(paras[p]) < 2 {
			return
		}
		k := h.r.IntN(len(paras[p]))
		what = fmt.Sprintf("cuts %q", paras[p][k].text)
		paras[p] = slices.Delete(slices.Clone(paras[p]), k, k+1)
	case 9:
		h.check1()
		return
	default:
		h.comment()
		return
	}
	h.save(paras, what)
	h.checkQuotes()
}

// wordsOn returns the ids of the words of the current version that [start, end) overlaps.
func (h *mixedHistory) wordsOn(start, end int) []int {
	paras := h.versions[h.current()]
	_, at := render(paras)
	var ids []int
	for _, p := range paras {
		for _, w := range p {
			if span := at[w.id]; span[0] < end && start < span[1] {
				ids = append(ids, w.id)
			}
		}
	}
	return ids
}

// check1 verifies a random unchecked quotation of the ledger, noting the words it is on.
func (h *mixedHistory) check1() {
	qs, err := h.f.s.Quotes(h.f.editor, h.id)
	if err != nil {
		h.fail("quotes: %v", err)
	}
	qs = slices.DeleteFunc(qs, func(q newsroom.Quote) bool { return q.Field != "body" || q.Status != newsroom.QuoteUnchecked })
	if len(qs) == 0 {
		return
	}
	q := qs[h.r.IntN(len(qs))]
	if _, err := h.f.s.CheckQuote(h.f.editor, h.id, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		h.fail("check: %v", err)
	}
	h.checked[q.ID] = h.wordsOn(q.Start, q.End)
	h.steps = append(h.steps, fmt.Sprintf("verifies quote %d %q at %d", q.ID, q.Text, q.Start))
}

// checkQuotes fails the run when a check stands on words other than those it was made on.
func (h *mixedHistory) checkQuotes() {
	qs, err := h.f.s.Quotes(h.f.editor, h.id)
	if err != nil {
		h.fail("quotes: %v", err)
	}
	for _, q := range qs {
		ids, ok := h.checked[q.ID]
		if !ok || q.Status != newsroom.QuoteVerified {
			continue
		}
		if got := h.wordsOn(q.Start, q.End); !slices.Equal(got, ids) {
			body, _ := render(h.versions[h.current()])
			h.fail("quote %d %q is verified on words %v at %d of %q, its check made on %v", q.ID, q.Text, got, q.Start, body, ids)
		}
	}
}

// runMixedHistory replays the mixed history of seed, steps steps long, and returns its tally.
func runMixedHistory(t *testing.T, seed uint64, steps int) (survived, lost int) {
	f := newNewsroom(t)
	eve, _ := mustUser(t, f.s, "eve", newsroom.RoleEditor)
	d := f.draftIn(t, newsroom.StageEditing)
	h := &mixedHistory{restoreHistory: &restoreHistory{t: t, f: f, r: rand.New(rand.NewPCG(seed, 19)), id: d.ID,
		eds: []context.Context{f.editor, eve}, versions: map[int][][]word{}, comments: map[int64][]int{}, since: map[int64]int{}},
		checked: map[int64][]int{}}
	var paras [][]word
	for range 3 {
		paras = append(paras, slices.Concat(h.sentence(), h.sentence()))
	}
	body, _ := render(paras)
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v < d.Version; v++ {
		h.versions[v] = nil
	}
	h.first, h.versions[d.Version] = d.Version, paras
	for range steps {
		h.mixedStep()
	}
	return h.tally.survived, h.tally.lost
}

// TestRandomMixedHistories replays random histories of one body saved whole by two editors,
// mixing the restore histories' steps (see TestRandomRestoreHistories) with paragraphs moved
// and edited in the same save, pastes of the piece after itself with a stop changed in the copy,
// undos and redos, and checks of the quotations "No comment," that the piece repeats. After every
// save, besides what restore histories check, every check stands on the words it was made on or
// was taken back, a restore's, an undo's and a redo's too. Comments whose words survive are
// counted when detached: over these seeds 5 of 6,080 were. Past the first 63 it runs the later
// seeds that once put a comment on a copy of its words: 93 and 140, restores to before a paste,
// 129, the undo of a restore, and 142, a paragraph moved between twins; and 63, 88, 99, 100,
// 103, 127, 141, 149, 169 and 210, where a paragraph moved and edited in one save handed a check
// to a copy of its quotation, in itself or in a copy of another paragraph, before Reconcile
// placed repeated paragraphs by the paragraphs once in each text around them and diffed the
// moved one alone; 200, where a restore to before a paste handed the check of a quotation
// across paragraphs in the copy to the original, whose own quotation an edit had closed in
// its first paragraph; 238, where a rule that took back the checks of paragraphs an edit made
// into copies of another handed a check to words nobody checked; and 284, where a quotation left
// open above a paragraph moved and edited took in the "No comment," it opened with, and the diff
// of the whole text handed that quotation's check to the "No comment," of the paragraph that
// took its place.
// Seeds 113, 144, 173, 178, 198, 257 and 272 put a comment on another copy of its words, or on the
// twin left beside its words cut, when a paragraph of repeated sentences moved and lost a word in
// one save, before Reanchor followed the comments in that paragraph by its own diff, as Reconcile
// does the quotes.
// Seeds 201, 459 and 510 put a comment made on words a paste typed on older look-alike words, an
// exact twin or "said;" for "said.", when a restore brought back a version from before the
// paste and an older save had cut and typed back the look-alikes, before Reanchor detached a
// comment whose words the save that typed them had copied from the text it was saved on.
func TestRandomMixedHistories(t *testing.T) {
	var survived, lost int
	var seeds []uint64
	for seed := range uint64(63) {
		seeds = append(seeds, seed)
	}
	for _, seed := range append(seeds, 63, 88, 93, 99, 100, 103, 113, 127, 129, 140, 141, 142, 144, 149, 169, 173, 178, 198, 200, 201, 210, 238, 257, 272, 284, 459, 510) {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			s, l := runMixedHistory(t, seed, 40)
			survived, lost = survived+s, lost+l
		})
	}
	t.Logf("comments whose words survived, counted after every save: %d, detached %d", survived, lost)
	if lost*50 > survived {
		t.Errorf("of %d comments whose words survived, %d were detached, want at most 1 in 50", survived, lost)
	}
}
