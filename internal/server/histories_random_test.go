package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/copytext"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// The parts of the copy of a random history: speakers, the quotations every piece repeats, plain
// sentences, and the words an editor puts in, some with marks and emoji.
var (
	randomSpeakers = [][]string{{"Smith"}, {"Mr.", "Jones"}, {"Zoë", "Hale"}, {"Dr.", "Lee"}}
	randomQuotes   = [][]string{{"No", "comment"}, {"The", "plan", "would", "work"}, {"We", "will", "not", "close", "the", "bridge"}}
	randomAsides   = [][]string{{"The", "council", "met"}, {"Residents", "wrote", "to", "the", "council"},
		{"Engineers", "said", "the", "bridge", "was", "safe"}, {"The", "café", "owner", "👍🏽", "agreed"}}
	randomInserts = [][]string{{"again"}, {"on", "Friday"}, {"Mr.", "Jones"}, {"reportedly"}, {"the", "council"}, {"naïve"}, {"🇫🇷"}}
)

// randomSentence makes one sentence: a quotation said by a speaker, a speaker saying one, or a
// plain sentence.
func randomSentence(c *copytext.Text, rng *rand.Rand) []copytext.Word {
	pick := func(l [][]string) []string { return l[rng.Intn(len(l))] }
	quoted := func() []copytext.Word {
		q := c.Words(pick(randomQuotes))
		q[0].Text = "“" + q[0].Text
		return q
	}
	switch rng.Intn(3) {
	case 0: // “No comment,” said Smith.
		s := c.Add(quoted(), ",”", true)
		s = append(s, c.Words(slices.Concat([]string{"said"}, pick(randomSpeakers)))...)
		return c.Add(s, ".", true)
	case 1: // Mr. Jones said: “The plan would work.”
		s := c.Add(c.Words(slices.Concat(pick(randomSpeakers), []string{"said"})), ":", true)
		return c.Add(append(s, quoted()...), ".”", true)
	}
	return c.Add(c.Words(pick(randomAsides)), ".", true)
}

var (
	randomWriter = copytext.Writer{Sentence: randomSentence}
	randomEditor = copytext.Editor{Inserts: randomInserts, Honorifics: []string{"Mr.", "Dr."},
		Names: []string{"Smith", "Jones", "Hale", "Lee"}, CutTails: true}
)

// randomHistory is a replay whose every word has an identity (see copytext), so that it knows
// where each comment's and each check's words went: the writer and two editors save copy edits,
// each on the version their page shows, stale ones to paragraphs nobody changed since, so that
// every merge has one right answer.
type randomHistory struct {
	*replay
	rng      *rand.Rand
	c        *copytext.Text
	words    map[int][][]copytext.Word // version → its paragraphs
	touched  map[int][]bool            // version → the paragraphs it changed
	comments map[int64][]copytext.Word // open comment → its words, as they read then
	since    map[int64]int             // comment → the last word id when it was made
	checked  [][]int                   // the words of every quotation checked
	stage    newsroom.Stage
	comm     copytext.Tally // comments whose words survived: put elsewhere, detached
	conflict int            // stale saves of untouched paragraphs refused
}

func newRandomHistory(t *testing.T, seed int64) *randomHistory {
	rng := rand.New(rand.NewSource(seed))
	c := randomWriter.New(rng)
	for len(c.Paras) < 4 {
		c.Paras = append(c.Paras, [][]copytext.Word{c.Sentence(rng), c.Sentence(rng)})
	}
	paras := c.Flat()
	text, _ := copytext.Render(paras)
	h := &randomHistory{replay: newReplay(t, text), rng: rng, c: c, words: map[int][][]copytext.Word{1: paras},
		touched: map[int][]bool{}, comments: map[int64][]copytext.Word{}, since: map[int64]int{}, stage: newsroom.StageDraft}
	h.follow = h.followMarks
	return h
}

// lastID is the last word id the copy has made: a word made after it is new.
func (h *randomHistory) lastID() int {
	n := 0
	for _, ps := range h.words {
		for _, p := range ps {
			for _, w := range p {
				n = max(n, w.ID)
			}
		}
	}
	return n
}

// editors are who may save in the piece's stage now.
func (h *randomHistory) editors() []string {
	if h.stage == newsroom.StageDraft {
		return []string{"writer"}
	}
	return []string{"editor", "editor2"}
}

// step takes one random step of the history.
func (h *randomHistory) step() {
	h.t.Helper()
	eds := h.editors()
	who := eds[h.rng.Intn(len(eds))]
	switch n := h.rng.Intn(20); {
	case n < 9:
		h.randomSave(who)
	case n < 11:
		h.open(who)
	case n < 15:
		h.randomComment([]string{"editor", "editor2"}[h.rng.Intn(2)])
	case n < 16 && h.stage == newsroom.StageEditing:
		h.randomCheck("editor")
	case n < 17:
		h.randomThread()
	case n < 18 && h.seen[who] == h.current() && h.current() > 1:
		h.randomRestore(who)
	case n < 20:
		h.moveOn()
	}
}

// moveOn sends the piece on: from draft to fact-check, where every quote is checked, and on to
// editing; from editing back to the writer.
func (h *randomHistory) moveOn() {
	h.t.Helper()
	if h.stage == newsroom.StageEditing {
		h.act("editor", newsroom.ActionRequestChanges, "Tighten it.")
		h.stage = newsroom.StageDraft
		return
	}
	h.act("writer", newsroom.ActionSubmit, "")
	for _, q := range h.ledger() {
		if q.Status == newsroom.QuoteUnchecked {
			h.checkQuote("factchecker", q)
		}
	}
	h.act("factchecker", newsroom.ActionClear, "")
	h.stage = newsroom.StageEditing
}

// ledger reads the quote ledger.
func (h *randomHistory) ledger() []newsroom.Quote {
	res := h.a.do("editor", "GET", h.url("/quotes"), "")
	wantStatus(h.t, res, http.StatusOK)
	return decode[[]newsroom.Quote](h.t, res)
}

// randomSave has who save copy edits of paragraphs nobody else changed since their page's
// version, and checks the save made exactly the current text with those paragraphs as they
// wrote them.
func (h *randomHistory) randomSave(who string) {
	h.t.Helper()
	base, cur := h.seen[who], h.current()
	if base == 0 {
		h.open(who)
		return
	}
	free := make([]bool, len(h.words[base]))
	for i := range free {
		free[i] = true
	}
	for v := base + 1; v <= cur; v++ {
		for i, t := range h.touched[v] {
			free[i] = free[i] && !t
		}
	}
	mine := slices.Clone(h.words[base])
	want := slices.Clone(h.words[cur])
	changed := false
	for range 1 + h.rng.Intn(2) {
		i := h.rng.Intn(len(mine))
		if !free[i] {
			continue
		}
		mine[i] = randomEditor.Edit(h.rng, h.c, mine[i])
		want[i] = mine[i]
		changed = true
	}
	if !changed {
		h.open(who)
		return
	}
	text, _ := copytext.Render(mine)
	wantText, _ := copytext.Render(want)
	if h.rng.Intn(4) == 0 {
		text = norm.NFD.String(text) // as some keyboards and pastes send it
	}
	if wantText == h.texts[cur].Body {
		h.open(who)
		return
	}
	outcome := saved
	if base != cur {
		outcome = merged
	}
	h.steps = append(h.steps, fmt.Sprintf("%s saves on v%d: %q", who, base, text))
	in, _ := json.Marshal(map[string]any{"body": text, "version": base})
	res := h.a.do(who, "PUT", h.url(""), string(in))
	if outcome == merged && res.Code == http.StatusConflict {
		// A refusal keeps the text (replay.save checks that on conflicts it expects); it is
		// counted, as edits of different paragraphs should merge.
		h.conflict++
		h.t.Logf("stale save of untouched paragraphs refused: %s", res.Body.String())
		h.open(who)
		return
	}
	if res.Code != http.StatusOK {
		h.failf("the save answered %d: %s", res.Code, res.Body.String())
	}
	d := decode[newsroom.Draft](h.t, res)
	if d.Version != cur+1 || d.Body != wantText {
		h.failf("the save on v%d made version %d\n%q\nwant %d\n%q", base, d.Version, d.Body, cur+1, wantText)
	}
	h.record(d, want, map[saveOutcome]string{saved: "saved", merged: "merged"}[outcome])
	h.seen[who] = d.Version
	h.verify()
}

// record keeps version d, with its words, as made.
func (h *randomHistory) record(d newsroom.Draft, words [][]copytext.Word, made string) {
	cur := h.current()
	touched := make([]bool, len(words))
	for i := range words {
		// A paragraph past the last one before (a split, a paste) is one the version changed.
		touched[i] = i >= len(h.words[cur]) || !slices.Equal(words[i], h.words[cur][i])
	}
	h.texts[d.Version], h.words[d.Version], h.touched[d.Version], h.made[d.Version] = d.Text(), words, touched, made
	if made == "merged" {
		h.with[d.Version] = cur
	}
}

// randomRestore has who bring back a random older version from their page, which is current.
func (h *randomHistory) randomRestore(who string) {
	h.t.Helper()
	v := 1 + h.rng.Intn(h.current()-1)
	if h.texts[v].Body == h.texts[h.current()].Body {
		return
	}
	h.steps = append(h.steps, fmt.Sprintf("%s restores v%d", who, v))
	rev := decode[newsroom.Revision](h.t, h.a.do(who, "GET", h.url("/revisions/%d", v), ""))
	in, _ := json.Marshal(map[string]any{"body": rev.Text.Body, "version": h.seen[who]})
	res := h.a.do(who, "PUT", h.url(""), string(in))
	if res.Code != http.StatusOK {
		h.failf("the restore answered %d: %s", res.Code, res.Body.String())
	}
	d := decode[newsroom.Draft](h.t, res)
	if d.Body != h.texts[v].Body {
		h.failf("restoring v%d made %q, want %q", v, d.Body, h.texts[v].Body)
	}
	h.record(d, slices.Clone(h.words[v]), "saved")
	h.seen[who] = d.Version
	h.verify()
}

// randomComment has who comment on one to three words of the current body, a phrase the body
// repeats when there is one.
func (h *randomHistory) randomComment(who string) {
	h.t.Helper()
	paras := h.words[h.current()]
	text, all := copytext.Render(paras)
	var spans [][2]int // indexes in all of a span's first and last word
	for i := range all {
		for n := 1; n <= 3 && i+n <= len(all); n++ {
			ws := all[i : i+n]
			if ws[0].Glue {
				continue
			}
			exact := string([]rune(text)[ws[0].Start:ws[n-1].End])
			if slices.Contains([]rune(exact), '\n') {
				continue
			}
			spans = append(spans, [2]int{i, i + n - 1})
			if strings.Count(text, exact) > 1 {
				spans = append(spans, [2]int{i, i + n - 1}, [2]int{i, i + n - 1}) // twins thrice as likely
			}
		}
	}
	sp := spans[h.rng.Intn(len(spans))]
	start, end := all[sp[0]].Start, all[sp[1]].End
	h.steps = append(h.steps, fmt.Sprintf("%s comments on %q at %d", who, string([]rune(text)[start:end]), start))
	in, _ := json.Marshal(newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Source?"})
	res := h.a.do(who, "POST", h.url("/comments"), string(in))
	if res.Code != http.StatusCreated {
		h.failf("the comment answered %d: %s", res.Code, res.Body.String())
	}
	c := decode[newsroom.Comment](h.t, res)
	var ws []copytext.Word
	for _, w := range all[sp[0] : sp[1]+1] {
		ws = append(ws, w.Word)
	}
	h.comments[c.ID], h.since[c.ID] = ws, h.lastID()
	h.verify()
}

// randomThread resolves or reopens a random comment, as the writer or an editor may.
func (h *randomHistory) randomThread() {
	h.t.Helper()
	res := h.a.do("editor", "GET", h.url("/comments"), "")
	wantStatus(h.t, res, http.StatusOK)
	cs := decode[[]newsroom.Comment](h.t, res)
	if len(cs) == 0 {
		return
	}
	c := cs[h.rng.Intn(len(cs))]
	change := "resolve"
	if c.Resolved {
		change = "reopen"
	}
	h.steps = append(h.steps, fmt.Sprintf("editor %ss comment %d", change, c.ID))
	res = h.a.do("editor", "POST", fmt.Sprintf("/api/v1/comments/%d/%s", c.ID, change), "")
	if res.Code != http.StatusOK {
		h.failf("%s answered %d: %s", change, res.Code, res.Body.String())
	}
	h.verify()
}

// randomCheck has who verify a random quote still unchecked.
func (h *randomHistory) randomCheck(who string) {
	h.t.Helper()
	var open []newsroom.Quote
	for _, q := range h.ledger() {
		if q.Status == newsroom.QuoteUnchecked && q.Field == "body" {
			open = append(open, q)
		}
	}
	if len(open) > 0 {
		h.checkQuote(who, open[h.rng.Intn(len(open))])
		h.verify()
	}
}

// checkQuote has who verify quote q, and keeps the words it is on.
func (h *randomHistory) checkQuote(who string, q newsroom.Quote) {
	h.t.Helper()
	h.steps = append(h.steps, fmt.Sprintf("%s verifies %q at %d", who, q.Text, q.Start))
	res := h.a.do(who, "PUT", h.url("/quotes/%d", q.ID), `{"status":"verified","source":"tape"}`)
	if res.Code != http.StatusOK {
		h.failf("the check answered %d: %s", res.Code, res.Body.String())
	}
	h.checked = append(h.checked, h.wordsAt(q.Start, q.End))
}

// wordsAt returns the ids of the words of the current body in [start, end).
func (h *randomHistory) wordsAt(start, end int) []int {
	_, all := copytext.Render(h.words[h.current()])
	var ids []int
	for _, w := range all {
		if start <= w.Start && w.End <= end {
			ids = append(ids, w.ID)
		}
	}
	return ids
}

// followMarks checks every open comment whose words are still together is on them (or counts
// it lost, when detached), that no comment is on words older than it that are not its own, and
// that every check is on words a check was made on.
func (h *randomHistory) followMarks(cur int) {
	h.t.Helper()
	text, all := copytext.Render(h.words[cur])
	at := map[int]int{} // word id → its index in all
	for i, w := range all {
		at[w.ID] = i
	}
	res := h.a.do("editor", "GET", h.url("/comments"), "")
	wantStatus(h.t, res, http.StatusOK)
	for _, c := range decode[[]newsroom.Comment](h.t, res) {
		ids, ok := h.comments[c.ID]
		if !ok || c.Resolved {
			continue
		}
		i, found := at[ids[0].ID]
		together := found && i+len(ids) <= len(all)
		for k := range ids {
			together = together && all[i+k].Word == ids[k]
		}
		if c.Detached {
			if together {
				h.comm.Lost++
				h.t.Logf("comment %d detached, its words still at %d of %q", c.ID, all[i].Start, text)
			}
			delete(h.comments, c.ID)
			continue
		}
		if together {
			h.comm.Survivors++
			if c.Anchor.Start != all[i].Start || c.Anchor.End != all[i+len(ids)-1].End {
				h.comm.Wrong++
				h.t.Logf("comment %d on %q at %d, its words at %d\n  was %q\n  now %q", c.ID, c.Anchor.Exact, c.Anchor.Start, all[i].Start, h.texts[cur-1].Body, text)
				delete(h.comments, c.ID)
			}
			continue
		}
		// Its words changed: it may follow them, onto their new words, never onto words older
		// than it that are not its own.
		own := false
		for _, w := range all {
			if w.Start < c.Anchor.End && c.Anchor.Start < w.End && (slices.Contains(copytext.IDs(ids), w.ID) || w.ID > h.since[c.ID]) {
				own = true
			}
		}
		if !own {
			h.failf("comment %d on words %v moved onto %q at %d of %q, none of them its own or new", c.ID, ids, c.Anchor.Exact, c.Anchor.Start, text)
		}
	}
	for _, q := range h.ledger() {
		if q.Status == newsroom.QuoteUnchecked || q.Field != "body" {
			continue
		}
		words := h.wordsAt(q.Start, q.End)
		if !slices.ContainsFunc(h.checked, func(ids []int) bool { return slices.Equal(ids, words) }) {
			h.failf("quote %d %q at %d of %q is %s on words %v, which no check was made on (%v)", q.ID, q.Text, q.Start, text, q.Status, words, h.checked)
		}
	}
}

// TestReplayRandomHistories replays seeded random histories of copy edits (see randomHistory)
// and checks after every step what every history keeps true: stale saves of paragraphs nobody
// changed since must merge, every revision and diff read back as saved, no check may sit on words
// no check was made on, and no comment on old words not its own. Comments whose words survive
// are counted, after every step, when put elsewhere or detached, as the anchor's property tests
// count them: the copy edits make twins the text cannot tell apart (a sentence typed next to one
// like it), so a few may go to the twin. Over these 12 seeds, none did; over 60, 3 of 5469,
// each a sentence typed beside its twin, until a diff that put the new sentence before the old
// was made to keep the words in place, an undone cut gave a comment its words back, and a
// quote cut by a word typed into it, before a sentence typed ending in its words, was detached
// rather than put on that sentence: none of 5477, 4 detached.
func TestReplayRandomHistories(t *testing.T) {
	var comm copytext.Tally
	conflicts, merges, checks := 0, 0, 0
	for seed := range int64(12) {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			h := newRandomHistory(t, seed)
			for range 40 {
				h.step()
			}
			comm.Wrong, comm.Lost, comm.Survivors = comm.Wrong+h.comm.Wrong, comm.Lost+h.comm.Lost, comm.Survivors+h.comm.Survivors
			conflicts += h.conflict
			checks += len(h.checked)
			for _, m := range h.made {
				if m == "merged" {
					merges++
				}
			}
		})
	}
	t.Logf("comments whose words survived, counted after every step: %d, put elsewhere %d, detached %d; %d merges, %d stale saves refused; %d checks",
		comm.Survivors, comm.Wrong, comm.Lost, merges, conflicts, checks)
	if comm.Wrong*500 > comm.Survivors || comm.Lost*100 > comm.Survivors || conflicts > 0 {
		t.Errorf("of %d comments whose words survived, %d were put on other words and %d detached, want at most 1 in 500 and 1 in 100; %d stale saves of untouched paragraphs refused, want none",
			comm.Survivors, comm.Wrong, comm.Lost, conflicts)
	}
}
