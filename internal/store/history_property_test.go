package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// historyPhrases are what random bodies are made of besides their own unique words: few
// enough that every body repeats them, as real copy repeats a name or "the council said".
var historyPhrases = []string{"the council said", "the council", "said", "on Tuesday", "the bridge", "“No comment,” she said."}

// author is one of the people (or tabs) saving a draft in a random history: who saves, and the
// version their page was loaded at.
type author struct {
	ctx  context.Context
	seen int
}

// historyRun is a random history of one draft and what every accepted save made of it.
type historyRun struct {
	t        *testing.T
	f        *newsroomFixture
	r        *rand.Rand
	id       int64
	versions map[int]newsroom.Text // every accepted version's text, as the save answered it
	next     int                   // for unique words
}

// word returns a word no text of the history has had, tagged with the author's letter.
func (h *historyRun) word(tag byte) string {
	h.next++
	return fmt.Sprintf("%c%dx", tag, h.next)
}

// edit makes a random edit of a body: words replaced, inserted and deleted, repeated phrases
// added, paragraphs moved, deleted or added, or the body of an older version brought back.
func (h *historyRun) edit(body string, tag byte) string {
	paras := strings.Split(body, "\n")
	for range 1 + h.r.IntN(3) {
		p := h.r.IntN(len(paras))
		words := strings.Fields(paras[p])
		switch h.r.IntN(9) {
		case 0, 1:
			if len(words) > 0 {
				words[h.r.IntN(len(words))] = h.word(tag)
			}
		case 2:
			k := h.r.IntN(len(words) + 1)
			words = slices.Insert(words, k, h.word(tag), historyPhrases[h.r.IntN(len(historyPhrases))])
		case 3:
			if len(words) > 1 {
				k := h.r.IntN(len(words))
				words = slices.Delete(words, k, k+1)
			}
		case 4:
			if len(paras) > 1 {
				q := h.r.IntN(len(paras))
				moved := paras[p]
				paras = slices.Delete(paras, p, p+1)
				paras = slices.Insert(paras, min(q, len(paras)), moved)
				continue
			}
		case 5:
			if len(paras) > 1 {
				paras = slices.Delete(paras, p, p+1)
				continue
			}
		case 6:
			paras = slices.Insert(paras, p, h.word(tag)+" "+historyPhrases[h.r.IntN(len(historyPhrases))])
			continue
		case 7:
			// An undo: the body of an older version, as a restore of it would save.
			v := 1 + h.r.IntN(len(h.versions))
			return h.versions[v].Body
		case 8:
			words = append(words, historyPhrases[h.r.IntN(len(historyPhrases))])
		}
		if len(words) == 0 {
			words = []string{h.word(tag)}
		}
		paras[p] = strings.Join(words, " ")
	}
	return strings.Join(paras, "\n")
}

// uniqueWords are the words of s that an edit made up (see word).
func uniqueWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if len(w) > 2 && strings.HasSuffix(w, "x") && w[1] >= '0' && w[1] <= '9' {
			out = append(out, w)
		}
	}
	return out
}

// save has a saves a random edit of the text their page shows, and checks what became of it.
func (h *historyRun) save(a *author, tag byte) {
	t := h.t
	base := h.versions[a.seen]
	mine := h.edit(base.Body, tag)
	upd := newsroom.DraftUpdate{Body: &mine, Version: a.seen}
	if h.r.IntN(4) == 0 {
		title := "Title " + h.word(tag)
		upd.Title = &title
	}
	curV := len(h.versions)
	cur := h.versions[curV]
	d, err := h.f.s.UpdateDraft(a.ctx, h.id, upd)
	want := upd.Apply(base).Normalize()
	var e *newsroom.Error
	switch {
	case err == nil:
		if d.Version != len(h.versions)+1 {
			t.Fatalf("save on version %d answered version %d, want %d", a.seen, d.Version, len(h.versions)+1)
		}
		got := d.Text()
		h.versions[d.Version] = got
		if a.seen == curV {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("save on the current version %d made\n%q\nwant\n%q", a.seen, got.Body, want.Body)
			}
		} else {
			// A merge keeps every word either side made up.
			for _, side := range []string{want.Title + " " + want.Body, cur.Title + " " + cur.Body} {
				for _, w := range uniqueWords(side) {
					if !strings.Contains(base.Title+" "+base.Body, w) && !strings.Contains(got.Title+" "+got.Body, w) {
						t.Fatalf("stale save on version %d merged with %d lost %q:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q",
							a.seen, curV, w, base.Body, cur.Body, want.Body, got.Body)
					}
				}
			}
		}
		a.seen = d.Version
		h.checkMarks(got)
	case errors.As(err, &e) && (e.Code == newsroom.ECONFLICT || e.Code == newsroom.EINVALID) && e.Details["unmerged_revision"] != nil:
		rid := e.Details["unmerged_revision"].(int64)
		kept, err := h.f.s.UnmergedRevision(a.ctx, h.id, rid)
		if err != nil || kept.Text == nil {
			t.Fatalf("unmerged revision %d = %+v, %v", rid, kept, err)
		}
		if kept.Text.Body != want.Body || upd.Title != nil && kept.Text.Title != want.Title {
			t.Fatalf("refused save kept\n%q\nwant\n%q", kept.Text.Body, want.Body)
		}
		a.seen = len(h.versions)
	default:
		t.Fatalf("save on version %d of %d: %v", a.seen, len(h.versions), err)
	}
}

// comment puts a comment on a random word of the current body.
func (h *historyRun) comment(ctx context.Context) {
	body := []rune(h.versions[len(h.versions)].Body)
	words := strings.Fields(string(body))
	w := words[h.r.IntN(len(words))]
	at := strings.Index(string(body), w)
	start := len([]rune(string(body)[:at]))
	if _, err := h.f.s.CreateComment(ctx, h.id, newsroom.NewComment{Field: "body", Start: intp(start), End: intp(start + len([]rune(w))), Body: "Check " + w}); err != nil {
		h.t.Fatal(err)
	}
}

// checkMarks checks that every comment still on its words and every quote in the ledger is
// where the text has its words.
func (h *historyRun) checkMarks(text newsroom.Text) {
	t := h.t
	body := []rune(text.Body)
	cs, err := h.f.s.Comments(h.f.editor, h.id)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Detached || c.Field != "body" {
			continue
		}
		if a := c.Anchor; a.End > len(body) || string(body[a.Start:a.End]) != a.Exact {
			t.Fatalf("comment %d says %q at [%d,%d) of %q", c.ID, a.Exact, a.Start, a.End, text.Body)
		}
		if !c.Moved && c.Anchor.Exact != c.Quote {
			t.Fatalf("comment %d on %q is exact, but on %q", c.ID, c.Quote, c.Anchor.Exact)
		}
	}
	qs, err := h.f.s.Quotes(h.f.editor, h.id)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		// A quote that runs over paragraphs has their opening marks left out.
		if q.Field == "body" && (q.End > len(body) || !strings.Contains(strings.ReplaceAll(string(body[q.Start:q.End]), "\n“", "\n"), q.Text)) {
			t.Fatalf("quote %d %q at [%d,%d) of %q", q.ID, q.Text, q.Start, q.End, text.Body)
		}
	}
}

// checkDiff checks that the word diff of the body from version a to version b gives a's body
// from its unchanged and deleted words and b's from its unchanged and inserted ones.
func (h *historyRun) checkDiff(a, b int) {
	d, err := h.f.s.Diff(h.f.editor, h.id, a, b)
	if err != nil {
		h.t.Fatal(err)
	}
	var from, to strings.Builder
	for _, c := range d.Fields["body"] {
		if c.Op != "insert" {
			from.WriteString(c.Text)
		}
		if c.Op != "delete" {
			to.WriteString(c.Text)
		}
	}
	if from.String() != h.versions[a].Body || to.String() != h.versions[b].Body {
		h.t.Fatalf("diff from version %d to %d = %+v", a, b, d.Fields["body"])
	}
}

// TestRandomHistoriesLoseNothing replays random histories of saves by two editors with two tabs
// each, most on the version their tab shows, some on an older one (a tab left open while the
// other saved), with repeated phrases, moved and deleted paragraphs and older versions brought
// back. Every save is taken whole, merged keeping every word either side made up, or refused
// with its text kept; and at the end every version reads back exactly as it was saved, and the word diff from it
// to another gives both.
func TestRandomHistoriesLoseNothing(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			f := newNewsroom(t)
			eve, _ := mustUser(t, f.s, "eve", newsroom.RoleEditor)
			d := f.draftIn(t, newsroom.StageEditing)
			h := &historyRun{t: t, f: f, r: rand.New(rand.NewPCG(seed, 99)), id: d.ID, versions: map[int]newsroom.Text{}}
			for v := 1; v <= d.Version; v++ {
				r, err := f.s.Revision(f.editor, d.ID, v)
				if err != nil {
					t.Fatal(err)
				}
				h.versions[v] = *r.Text
			}
			body := "U1x the council said the bridge\nU2x on Tuesday the council U3x said\n“No comment,” she said. U4x\nthe bridge U5x the council said"
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			h.versions[d.Version] = d.Text()
			tabs := []*author{{f.editor, d.Version}, {f.editor, d.Version}, {eve, d.Version}, {eve, d.Version}}
			for range 60 {
				k := h.r.IntN(len(tabs))
				a := tabs[k]
				if h.r.IntN(3) > 0 {
					a.seen = len(h.versions)
				}
				if h.r.IntN(5) == 0 {
					h.comment(a.ctx)
				}
				h.save(a, "abcd"[k])
			}
			for v, want := range h.versions {
				r, err := f.s.Revision(eve, d.ID, v)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(*r.Text, want) {
					t.Fatalf("version %d reads back\n%+v\nwant\n%+v", v, *r.Text, want)
				}
				h.checkDiff(v, 1+h.r.IntN(len(h.versions)))
			}
		})
	}
}
