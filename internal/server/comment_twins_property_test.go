package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// twinWord is one word of a twinBody with the identity it keeps through edits, so that two
// occurrences of the same phrase can be told apart.
type twinWord struct {
	id   int
	text string
}

// twinBody is a body built of sentences that repeat one phrase, "the plan would work", with a
// few subjects, verbs and months, so that most of its phrases have twins.
type twinBody struct {
	paras [][]twinWord
	next  int
}

func (b *twinBody) word(s string) twinWord { b.next++; return twinWord{b.next, s} }

func (b *twinBody) sentence(r *rand.Rand) []twinWord {
	s := []string{"Alpha", "Beta", "Gamma", "Delta", "Omega"}[r.IntN(5)] + " " +
		[]string{"said", "told us", "insisted"}[r.IntN(3)] + " the plan would work in " +
		[]string{"May.", "June.", "July."}[r.IntN(3)]
	var out []twinWord
	for _, w := range strings.Fields(s) {
		out = append(out, b.word(w))
	}
	return out
}

// text returns the body and where each word's code points are, by its id.
func (b *twinBody) text() (string, map[int][2]int) {
	var sb strings.Builder
	at := map[int][2]int{}
	n := 0
	for i, p := range b.paras {
		if i > 0 {
			sb.WriteString("\n")
			n++
		}
		for k, w := range p {
			if k > 0 {
				sb.WriteString(" ")
				n++
			}
			sb.WriteString(w.text)
			at[w.id] = [2]int{n, n + utf8.RuneCountInString(w.text)}
			n += utf8.RuneCountInString(w.text)
		}
	}
	return sb.String(), at
}

// paraText is the text of paragraph p.
func paraText(p []twinWord) string {
	ws := make([]string, len(p))
	for i, w := range p {
		ws[i] = w.text
	}
	return strings.Join(ws, " ")
}

// edit makes one random edit as a writer would: a word deleted, typed or changed, a paragraph
// deleted or moved, two sentences of a paragraph swapped, a sentence or a paragraph typed.
func (b *twinBody) edit(r *rand.Rand) {
	p := r.IntN(len(b.paras))
	para := b.paras[p]
	words := []string{"the", "plan", "said", "Beta", "Gamma", "would", "work", "fail", "now", "in", "June."}
	switch r.IntN(8) {
	case 0:
		if len(para) > 3 {
			k := r.IntN(len(para))
			b.paras[p] = slices.Delete(para, k, k+1)
		}
	case 1:
		b.paras[p] = slices.Insert(para, r.IntN(len(para)+1), b.word(words[r.IntN(len(words))]))
	case 2:
		para[r.IntN(len(para))] = b.word(words[r.IntN(len(words))])
	case 3:
		if len(b.paras) > 2 {
			b.paras = slices.Delete(b.paras, p, p+1)
		}
	case 4:
		b.paras = slices.Delete(b.paras, p, p+1)
		b.paras = slices.Insert(b.paras, r.IntN(len(b.paras)+1), para)
	case 5:
		var sentences [][]twinWord
		var cur []twinWord
		for _, w := range para {
			if cur = append(cur, w); strings.HasSuffix(w.text, ".") {
				sentences, cur = append(sentences, cur), nil
			}
		}
		if cur != nil {
			sentences = append(sentences, cur)
		}
		i, j := r.IntN(len(sentences)), r.IntN(len(sentences))
		sentences[i], sentences[j] = sentences[j], sentences[i]
		b.paras[p] = slices.Concat(sentences...)
	case 6:
		b.paras[p] = slices.Insert(para, r.IntN(len(para)+1), b.sentence(r)...)
	default:
		b.paras = slices.Insert(b.paras, r.IntN(len(b.paras)+1), b.sentence(r))
	}
}

// TestCommentsNeverTakeAnotherOccurrence comments on every occurrence of a phrase that a body
// repeats many times, saves random edits through the API, and checks after each save that
// every comment is on its own words (some of the words it was on before the save), on words
// the save typed, or detached: never on an occurrence the body held before the save. An
// occurrence in a paragraph that reads exactly as the comment's did is no other occurrence: no
// text can say which of two such paragraphs an edit deleted.
func TestCommentsNeverTakeAnotherOccurrence(t *testing.T) {
	for seed := range uint64(24) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			a := newTestApp(t)
			b := &twinBody{}
			for range 4 {
				var p []twinWord
				for range 1 + r.IntN(3) {
					p = append(p, b.sentence(r)...)
				}
				b.paras = append(b.paras, p)
			}
			text, at := b.text()
			d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Twins", Byline: "Writer", Brief: "Brief.", Body: text})
			if err != nil {
				t.Fatal(err)
			}
			url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			on := map[int64]map[int]bool{} // comment → the ids of the words it is on
			for _, p := range b.paras {
				for i := 0; i+4 <= len(p); i++ {
					if paraText(p[i:i+4]) != "the plan would work" {
						continue
					}
					in, _ := json.Marshal(map[string]any{"field": "body", "start": at[p[i].id][0], "end": at[p[i+3].id][1], "body": "Source?"})
					res := a.do("editor", "POST", url+"/comments", string(in))
					wantStatus(t, res, 201)
					on[decode[newsroom.Comment](t, res).ID] = map[int]bool{p[i].id: true, p[i+1].id: true, p[i+2].id: true, p[i+3].id: true}
				}
			}
			version := d.Version
			for step := range 25 {
				was, wasPara := map[int]bool{}, map[int]string{}
				for _, p := range b.paras {
					for _, w := range p {
						was[w.id], wasPara[w.id] = true, paraText(p)
					}
				}
				before := text
				b.edit(r)
				if text, at = b.text(); text == before {
					continue
				}
				in, _ := json.Marshal(map[string]any{"body": text, "version": version})
				res := a.do("writer", "PUT", url, string(in))
				wantStatus(t, res, 200)
				version = decode[newsroom.Draft](t, res).Version
				for _, c := range decode[[]newsroom.Comment](t, a.do("editor", "GET", url+"/comments", "")) {
					own, ok := on[c.ID]
					if !ok || c.Detached {
						delete(on, c.ID)
						continue
					}
					now, kept, typed, samePara := map[int]bool{}, false, false, false
					for _, p := range b.paras {
						for _, w := range p {
							if s := at[w.id]; s[0] < c.Anchor.End && c.Anchor.Start < s[1] {
								now[w.id] = true
								kept = kept || own[w.id]
								typed = typed || !was[w.id]
								for id := range own {
									samePara = samePara || wasPara[id] == paraText(p)
								}
							}
						}
					}
					if !kept && !typed && !samePara {
						t.Fatalf("step %d: comment %d went from its words to another %q at %d\nbefore: %q\nafter:  %q", step, c.ID, c.Anchor.Exact, c.Anchor.Start, before, text)
					}
					on[c.ID] = now
				}
			}
		})
	}
}
