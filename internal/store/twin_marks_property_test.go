package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestMarksStayOffTheirTwins puts comments on "the council said" in paragraphs that repeat it,
// and verifies their quote, which other paragraphs quote too, then has two editors save random
// edits of the other paragraphs, most on the current version and some on an older one, merged:
// paragraphs added that repeat the phrase and the quote, others deleted, moved or reworded. The
// commented paragraphs are never touched, so after every save each comment must still be on the
// phrase in its own paragraph, and the verified quotes must be theirs, never a twin elsewhere.
func TestMarksStayOffTheirTwins(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			f := newNewsroom(t)
			eve, _ := mustUser(t, f.s, "eve", newsroom.RoleEditor)
			d := f.draftIn(t, newsroom.StageEditing)
			// Paragraphs starting with "Kept" are commented, their quotes verified, and never edited.
			paras := []string{"Kept1 the council said “the bridge is safe.”", "Other1 the council said it will vote.",
				"Kept2 the council said “the bridge is safe.”", "Other2 on Tuesday the council said “the bridge is safe.”"}
			body := strings.Join(paras, "\n")
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			owner := map[int64]string{}
			for _, kept := range []string{"Kept1", "Kept2"} {
				at := len([]rune(body[:strings.Index(body, kept)])) + len(kept) + 1
				c := f.commentOn(t, f.editor, d.ID, at, at+len("the council said"), "Who in the council?")
				owner[c.ID] = kept
			}
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if strings.HasPrefix(lineAt(body, q.Start), "Kept") {
					if _, err := f.s.CheckQuote(f.editor, d.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
						t.Fatal(err)
					}
				}
			}
			texts := map[int]string{d.Version: body}
			next := 0
			for range 40 {
				ctx, base := f.editor, d.Version
				if r.IntN(2) == 0 {
					ctx = eve
				}
				if r.IntN(3) == 0 && base > 2 {
					base -= 1 + r.IntN(2)
				}
				ps := strings.Split(texts[base], "\n")
				var others []int
				for i, p := range ps {
					if !strings.HasPrefix(p, "Kept") {
						others = append(others, i)
					}
				}
				next++
				switch op := r.IntN(4); {
				case op == 0 || len(others) == 0:
					ps = slices.Insert(ps, r.IntN(len(ps)+1), fmt.Sprintf("New%d the council said “the bridge is safe.”", next))
				case op == 1 && len(others) > 1:
					i := others[r.IntN(len(others))]
					ps = slices.Delete(ps, i, i+1)
				case op == 2:
					i := others[r.IntN(len(others))]
					moved := ps[i]
					ps = slices.Delete(ps, i, i+1)
					ps = slices.Insert(ps, r.IntN(len(ps)+1), moved)
				default:
					i := others[r.IntN(len(others))]
					ps[i] = strings.Replace(ps[i], "the council said", fmt.Sprintf("the council said again %d", next), 1)
				}
				text := strings.Join(ps, "\n")
				got, err := f.s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &text, Version: base})
				if newsroom.ErrorCode(err) == newsroom.ECONFLICT {
					continue
				} else if err != nil {
					t.Fatal(err)
				}
				d, texts[got.Version] = got, got.Body
				cs, err := f.s.Comments(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				qs, err := f.s.Quotes(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range qs {
					if kept := strings.HasPrefix(lineAt(got.Body, q.Start), "Kept"); kept != (q.Status == newsroom.QuoteVerified) {
						t.Fatalf("quote at %d, in %q, is %s:\n%s", q.Start, lineAt(got.Body, q.Start), q.Status, got.Body)
					}
				}
				runes := []rune(got.Body)
				for _, c := range cs {
					a := c.Anchor
					if c.Detached || a.Exact != "the council said" {
						t.Fatalf("comment on %s's phrase = %+v after a save of other paragraphs:\n%s", owner[c.ID], c, got.Body)
					}
					line := string(runes[:a.Start])
					line = line[strings.LastIndex(line, "\n")+1:]
					if line != owner[c.ID]+" " {
						t.Fatalf("comment on %s's phrase is now after %q (moved %v), saved on version %d of %d:\nbase:\n%s\ntheirs:\n%s\nmine:\n%s\ngot:\n%s", owner[c.ID], line, c.Moved, base, got.Version-1, texts[base], texts[got.Version-1], text, got.Body)
					}
				}
			}
		})
	}
}

// lineAt is the paragraph of body that code point at is in.
func lineAt(body string, at int) string {
	runes := []rune(body)
	before, after := string(runes[:at]), string(runes[at:])
	if i := strings.Index(after, "\n"); i >= 0 {
		after = after[:i]
	}
	return before[strings.LastIndex(before, "\n")+1:] + after
}
