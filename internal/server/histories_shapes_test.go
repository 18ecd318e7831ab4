package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/copytext"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// shapeHistory is a random history (see randomHistory) whose saves also change the piece's
// shape and spelling: a paragraph split at a sentence or two joined, sentences of a paragraph
// reordered, a word recased, a sentence's stop changed, the whole piece pasted twice, sent
// with blank lines or CR LF between paragraphs, besides the copy edits, stale saves and
// restores of the random histories. A stale save edits only paragraphs found word for word, once,
// in the current version, so that every merge still has one right answer.
type shapeHistory struct{ *randomHistory }

// shapeStep takes one random step of the history.
func (h shapeHistory) shapeStep() {
	h.t.Helper()
	eds := h.editors()
	who := eds[h.rng.Intn(len(eds))]
	switch n := h.rng.Intn(20); {
	case n < 6:
		h.staleSave(who)
	case n < 10:
		h.reshape(who)
	case n < 11:
		h.open(who)
	case n < 14:
		h.randomComment([]string{"editor", "editor2"}[h.rng.Intn(2)])
	case n < 15 && h.stage == newsroom.StageEditing:
		h.randomCheck("editor")
	case n < 16:
		h.randomThread()
	case n < 18 && h.seen[who] == h.current() && h.current() > 1:
		h.randomRestore(who)
	case n < 20:
		h.moveOn()
	}
}

// isStop reports whether w ends a sentence.
func isStop(w copytext.Word) bool {
	return w.Glue && (strings.HasSuffix(w.Text, ".") || strings.HasSuffix(w.Text, "!") || strings.HasSuffix(w.Text, "?") ||
		strings.HasSuffix(w.Text, ".”") || strings.HasSuffix(w.Text, "!”") || strings.HasSuffix(w.Text, "?”"))
}

// sentencesOf cuts a paragraph into its sentences.
func sentencesOf(p []copytext.Word) [][]copytext.Word {
	var out [][]copytext.Word
	start := 0
	for i, w := range p {
		if isStop(w) && (i+1 == len(p) || !p[i+1].Glue) {
			out = append(out, p[start:i+1])
			start = i + 1
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// reshape has who change the shape or the spelling of the version their page shows, when it
// is current, and checks the save made what was sent; on an older version, who saves copy
// edits instead (see staleSave), to be merged with the shapes saved since.
func (h shapeHistory) reshape(who string) {
	h.t.Helper()
	cur := h.current()
	if h.seen[who] != cur {
		h.staleSave(who)
		return
	}
	paras := slices.Clone(h.words[cur])
	i := h.rng.Intn(len(paras))
	what := ""
	switch h.rng.Intn(6) {
	case 0:
		ss := sentencesOf(paras[i])
		if len(ss) < 2 {
			return
		}
		k := 1 + h.rng.Intn(len(ss)-1)
		paras = slices.Concat(paras[:i], [][]copytext.Word{slices.Concat(ss[:k]...), slices.Concat(ss[k:]...)}, paras[i+1:])
		what = fmt.Sprintf("splits paragraph %d after sentence %d", i+1, k)
	case 1:
		if i+1 >= len(paras) {
			return
		}
		paras = slices.Concat(paras[:i], [][]copytext.Word{slices.Concat(paras[i], paras[i+1])}, paras[i+2:])
		what = fmt.Sprintf("joins paragraphs %d and %d", i+1, i+2)
	case 2:
		ss := sentencesOf(paras[i])
		if len(ss) < 2 {
			return
		}
		a, b := h.rng.Intn(len(ss)), h.rng.Intn(len(ss))
		ss[a], ss[b] = ss[b], ss[a]
		paras[i] = slices.Concat(ss...)
		what = fmt.Sprintf("swaps sentences %d and %d of paragraph %d", a+1, b+1, i+1)
	case 3:
		p := slices.Clone(paras[i])
		k := h.rng.Intn(len(p))
		r, size := utf8.DecodeRuneInString(p[k].Text)
		if p[k].Glue || !unicode.IsLetter(r) {
			return
		}
		to := unicode.ToUpper(r)
		if unicode.IsUpper(r) {
			to = unicode.ToLower(r)
		}
		p[k].Text = string(to) + p[k].Text[size:]
		paras[i] = p
		what = fmt.Sprintf("recases %q", p[k].Text)
	case 4:
		p := slices.Clone(paras[i])
		k := slices.IndexFunc(p, func(w copytext.Word) bool { return w.Text == "." || w.Text == "!" || w.Text == "?" })
		if k < 0 {
			return
		}
		p[k].Text = []string{".", "!", "?"}[(strings.Index(".!?", p[k].Text)+1+h.rng.Intn(2))%3]
		paras[i] = p
		what = fmt.Sprintf("changes a stop to %q", p[k].Text)
	default:
		if len(paras) > 6 {
			return
		}
		for _, p := range h.words[cur] {
			var copied []copytext.Word
			for _, w := range p {
				copied = h.c.Add(copied, w.Text, w.Glue)
			}
			paras = append(paras, copied)
		}
		what = "pastes the whole piece again after itself"
	}
	h.send(who, what, paras)
}

// staleSave has who save copy edits, on the version their page shows, of paragraphs found word
// for word and once in the current version, and checks the save made the current version with
// those paragraphs as they wrote them.
func (h shapeHistory) staleSave(who string) {
	h.t.Helper()
	base, cur := h.seen[who], h.current()
	if base == 0 {
		h.open(who)
		return
	}
	mine, want := slices.Clone(h.words[base]), slices.Clone(h.words[cur])
	texts := func(ps [][]copytext.Word) map[string]int {
		out := map[string]int{}
		for _, p := range ps {
			t, _ := copytext.Render([][]copytext.Word{p})
			out[t]++
		}
		return out
	}
	inBase, inCur := texts(mine), texts(want)
	changed := false
	for range 1 + h.rng.Intn(2) {
		i := h.rng.Intn(len(mine))
		t, _ := copytext.Render([][]copytext.Word{mine[i]})
		j := slices.IndexFunc(want, func(p []copytext.Word) bool { return slices.Equal(p, mine[i]) })
		if j < 0 || inBase[t] != 1 || inCur[t] != 1 || !slices.Equal(h.words[base][i], mine[i]) {
			continue
		}
		mine[i] = randomEditor.Edit(h.rng, h.c, mine[i])
		if e, _ := copytext.Render([][]copytext.Word{mine[i]}); e == "" || inBase[e]+inCur[e] > 0 {
			mine[i] = h.words[base][i]
			continue
		}
		want[j] = mine[i]
		changed = true
	}
	if !changed {
		h.open(who)
		return
	}
	if base == cur {
		h.send(who, "edits", mine)
		return
	}
	text := h.spaced(mine)
	wantText, _ := copytext.Render(want)
	h.steps = append(h.steps, fmt.Sprintf("%s saves on v%d: %q", who, base, text))
	in, _ := json.Marshal(map[string]any{"body": text, "version": base})
	res := h.a.do(who, "PUT", h.url(""), string(in))
	if res.Code != http.StatusOK {
		h.failf("the stale save answered %d: %s\nwant %q", res.Code, res.Body.String(), wantText)
	}
	d := decode[newsroom.Draft](h.t, res)
	if d.Version != cur+1 || d.Body != wantText {
		h.failf("the save on v%d made version %d\n%q\nwant %d\n%q", base, d.Version, d.Body, cur+1, wantText)
	}
	h.record(d, want, "merged")
	h.seen[who] = d.Version
	h.verify()
}

// spaced renders paras as a writer's paste may send them: with blank lines or CR LF between
// paragraphs, which the save takes as one paragraph break.
func (h shapeHistory) spaced(paras [][]copytext.Word) string {
	text, _ := copytext.Render(paras)
	switch h.rng.Intn(4) {
	case 0:
		return strings.ReplaceAll(text, "\n", "\n\n")
	case 1:
		return strings.ReplaceAll(text, "\n", "\r\n")
	}
	return text
}

// send has who save paras on the current version, which their page shows, and checks the save
// made them.
func (h shapeHistory) send(who, what string, paras [][]copytext.Word) {
	h.t.Helper()
	cur := h.current()
	wantText, _ := copytext.Render(paras)
	if wantText == h.texts[cur].Body {
		return
	}
	text := h.spaced(paras)
	h.steps = append(h.steps, fmt.Sprintf("%s %s on v%d: %q", who, what, cur, text))
	in, _ := json.Marshal(map[string]any{"body": text, "version": cur})
	res := h.a.do(who, "PUT", h.url(""), string(in))
	if res.Code != http.StatusOK {
		h.failf("the save answered %d: %s", res.Code, res.Body.String())
	}
	d := decode[newsroom.Draft](h.t, res)
	if d.Version != cur+1 || d.Body != wantText {
		h.failf("the save made version %d\n%q\nwant %d\n%q", d.Version, d.Body, cur+1, wantText)
	}
	h.record(d, paras, "saved")
	h.seen[who] = d.Version
	h.verify()
}

// TestReplayShapeHistories replays seeded shape histories (see shapeHistory) over the real
// router and checks after every step what the random histories check: stale saves of
// paragraphs nobody changed merge with splits, joins, reordered sentences, recased words,
// changed stops and pastes made meanwhile, no check sits on words no check was made on, and no
// comment on old words not its own; comments whose words survive are counted when put on
// other words or detached. Over these 12 seeds, before reopening carried a comment through each
// version it missed and an undone cut gave a comment its words back, 3 of 975 were put on other
// words; then 1 of 1000 was, after a restore from the piece pasted twice to a version before the
// paste, which one diff between the two cannot tell from its twin, until a restore carried the
// comments along the saves between, never through a restore's own save, and detached those whose
// words a step cut, and reopening carried a comment the same way, never onto words that were
// there where its own were cut: none of 1633, 2 detached, over these 18. Seeds 51 and 54 then
// put a comment on a paste's copy onto other words, restored to a version from before the paste
// after a stop was changed: the walk undid the paste by the diff backwards, which pairs the
// copy with the original (51), and took a copy a redone paste typed for the comment's words
// typed back (54), until an undone save was checked against its own diff and words lost going
// back over a redone save were taken for its copy: none of 1729, 2 detached, over these 20.
// Seeds 76, 106 and 135 then handed a check to a copy of its sentence typed beside it, and 91
// and 121 to a copy of the piece a restore brought back, which the word diff paired with the
// quotation checked, until a quotation with a copy beside it went back to unchecked. Seed 97 then
// handed two checks to the second copy of a piece pasted after itself, a stop changed in one
// copy, restored over an edit of the piece, until a quote that neither copy reads more like went
// back to unchecked there too.
func TestReplayShapeHistories(t *testing.T) {
	var comm copytext.Tally
	merges := 0
	// The first 12 seeds, and those past them that once put a comment on words not its own:
	// restores of a version from before a paste, carried through a restore's own save or past
	// words a step cut, comments reopened across restores, and restores across two pastes; and
	// those that handed a check to a copy beside its quotation.
	for _, seed := range []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 26, 31, 32, 34, 35, 47, 51, 54, 76, 91, 97, 106, 121, 135} {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			h := shapeHistory{newRandomHistory(t, 1000+seed)}
			for range 50 {
				h.shapeStep()
			}
			comm.Wrong, comm.Lost, comm.Survivors = comm.Wrong+h.comm.Wrong, comm.Lost+h.comm.Lost, comm.Survivors+h.comm.Survivors
			for _, m := range h.made {
				if m == "merged" {
					merges++
				}
			}
		})
	}
	t.Logf("comments whose words survived, counted after every step: %d, put elsewhere %d, detached %d; %d merges",
		comm.Survivors, comm.Wrong, comm.Lost, merges)
	if comm.Wrong*500 > comm.Survivors || comm.Lost*100 > comm.Survivors {
		t.Errorf("of %d comments whose words survived, %d were put on other words and %d detached, want at most 1 in 500 and 1 in 100",
			comm.Survivors, comm.Wrong, comm.Lost)
	}
}
