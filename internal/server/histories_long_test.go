package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/copytext"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// longWriter writes a long piece: the random histories' sentences, one in four a quotation (each
// is checked whenever the piece goes through fact-check), the others the council's few asides.
var longWriter = copytext.Writer{Sentence: func(c *copytext.Text, rng *rand.Rand) []copytext.Word {
	if rng.Intn(4) == 0 {
		return randomSentence(c, rng)
	}
	return c.Add(c.Words(randomAsides[rng.Intn(len(randomAsides))]), ".", true)
}}

// newLongHistory is a shape history (see shapeHistory) of a piece of at least words words, in
// paragraphs of three to eight sentences made of a few phrases (see longWriter), so that nearly
// every phrase is there many times over.
func newLongHistory(t *testing.T, seed int64, words int) shapeHistory {
	rng := rand.New(rand.NewSource(seed))
	c := longWriter.New(rng)
	for n := 0; n < words; {
		var para [][]copytext.Word
		for range 3 + rng.Intn(6) {
			s := c.Sentence(rng)
			para = append(para, s)
			n += len(s)
		}
		c.Paras = append(c.Paras, para)
	}
	paras := c.Flat()
	text, _ := copytext.Render(paras)
	h := &randomHistory{replay: newReplay(t, text), rng: rng, c: c, words: map[int][][]copytext.Word{1: paras},
		touched: map[int][]bool{}, comments: map[int64][]copytext.Word{}, since: map[int64]int{}, stage: newsroom.StageDraft}
	h.follow = h.followMarks
	return shapeHistory{h}
}

// commentAnywhere has who comment on one to three words anywhere in the body, as randomComment
// does without weighing twins (in a long piece of few phrases nearly every span has them), and
// without checking the history after it, for a long piece to gather its comments quickly.
func (h shapeHistory) commentAnywhere(who string) {
	h.t.Helper()
	text, all := copytext.Render(h.words[h.current()])
	runes := []rune(text)
	for {
		i, n := h.rng.Intn(len(all)), 1+h.rng.Intn(3)
		if i+n > len(all) || all[i].Glue {
			continue
		}
		start, end := all[i].Start, all[i+n-1].End
		if slices.Contains(runes[start:end], '\n') {
			continue
		}
		h.steps = append(h.steps, fmt.Sprintf("%s comments on %q at %d", who, string(runes[start:end]), start))
		in, _ := json.Marshal(newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Source?"})
		res := h.a.do(who, "POST", h.url("/comments"), string(in))
		if res.Code != http.StatusCreated {
			h.failf("the comment answered %d: %s", res.Code, res.Body.String())
		}
		c := decode[newsroom.Comment](h.t, res)
		var ws []copytext.Word
		for _, w := range all[i : i+n] {
			ws = append(ws, w.Word)
		}
		h.comments[c.ID], h.since[c.ID] = ws, h.lastID()
		return
	}
}

// TestReplayLongHistories replays a shape history of a piece of 5,000 words made of a few
// phrases repeated hundreds of times, with 200 comments on them, and checks after every step
// what the shape histories check: no text lost or doubled by a merge, no check on words it was
// not made on, no comment on old words not its own, and comments whose words survive on them.
func TestReplayLongHistories(t *testing.T) {
	if testing.Short() {
		t.Skip("long pieces take a while")
	}
	var comm copytext.Tally
	versions, merges := 0, 0
	for seed := range int64(1) {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			h := newLongHistory(t, 5000+seed, 5000)
			for range 200 {
				h.commentAnywhere([]string{"editor", "editor2"}[h.rng.Intn(2)])
			}
			h.verify()
			for range 30 {
				h.shapeStep()
			}
			comm.Wrong, comm.Lost, comm.Survivors = comm.Wrong+h.comm.Wrong, comm.Lost+h.comm.Lost, comm.Survivors+h.comm.Survivors
			versions += h.current()
			for _, m := range h.made {
				if m == "merged" {
					merges++
				}
			}
		})
	}
	t.Logf("comments whose words survived, counted after every step: %d, put elsewhere %d, detached %d; %d versions, %d merges",
		comm.Survivors, comm.Wrong, comm.Lost, versions, merges)
	if comm.Wrong*500 > comm.Survivors || comm.Lost*100 > comm.Survivors {
		t.Errorf("of %d comments whose words survived, %d were put on other words and %d detached, want at most 1 in 500 and 1 in 100",
			comm.Survivors, comm.Wrong, comm.Lost)
	}
}
