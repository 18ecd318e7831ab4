package anchor_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
)

// The shape of the long-draft scenario: 200 paragraphs of 100 words, one comment on four words
// of each, and one paragraph in the middle given a new first sentence and one of its commented
// words made plural, so that the benchmark pays for shifted comments and for one fuzzy match.
const (
	paragraphs     = 200
	wordsPerPara   = 100
	comments       = 200
	editedPara     = 100
	wordsPerSpan   = 4
	spanFirstWord  = 37
	editedSentence = "Late on Tuesday the desk rewrote this paragraph, adding a sentence and a quote. "
)

// vocabulary is deliberately small, so that short phrases repeat all over the body and the
// context, not the quote, has to tell comments apart.
var vocabulary = strings.Fields(`the council mayor budget vote city said on a of to and in for
	café niño señor año 👍🏽 résumé night plan road school tax water park street board member
	public meeting report week year state court police fire money house office new old`)

// longDraft returns the scenario's paragraphs, the selectors of its comments on the original
// body, and the body after the edit.
func longDraft(tb testing.TB) (paras []string, sels []anchor.Selector, edited string) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	paras = make([]string, paragraphs)
	for i := range paras {
		words := make([]string, wordsPerPara)
		for j := range words {
			words[j] = vocabulary[rng.IntN(len(vocabulary))]
		}
		paras[i] = strings.Join(words, " ")
	}
	body := strings.Join(paras, "\n")
	offset := 0 // code points before the current paragraph
	for i, p := range paras {
		words := strings.Fields(p)
		start := offset + len([]rune(strings.Join(words[:spanFirstWord], " ")+" "))
		end := start + len([]rune(strings.Join(words[spanFirstWord:spanFirstWord+wordsPerSpan], " ")))
		if i < comments {
			sel, err := anchor.New(body, start, end)
			if err != nil {
				tb.Fatal(err)
			}
			sels = append(sels, sel)
		}
		offset += len([]rune(p)) + 1
	}
	words := strings.Fields(paras[editedPara])
	words[spanFirstWord+1] += "s"
	changed := append([]string(nil), paras...)
	changed[editedPara] = editedSentence + strings.Join(words, " ")
	return paras, sels, strings.Join(changed, "\n")
}

// TestLocateAllAfterParagraphEdit checks the benchmark's scenario: every comment outside the
// edited paragraph is found with its exact words, shifted by the edit when it comes after it,
// and the one on the edited words moves to them.
func TestLocateAllAfterParagraphEdit(t *testing.T) {
	paras, sels, edited := longDraft(t)
	shift := len([]rune(edited)) - len([]rune(strings.Join(paras, "\n")))
	got := anchor.LocateAll(edited, sels)
	for i, sel := range sels {
		if i == editedPara {
			words := strings.Fields(edited)[editedPara*wordsPerPara+len(strings.Fields(editedSentence)):]
			want := strings.Join(words[spanFirstWord:spanFirstWord+wordsPerSpan], " ")
			if got[i].Status != anchor.Moved || got[i].Exact != want {
				t.Errorf("comment on the edited words: got %+v, want %q moved", got[i], want)
			}
			continue
		}
		want := anchor.Result{Start: sel.Start, End: sel.End, Exact: sel.Exact, Status: anchor.Exact}
		if i > editedPara {
			want.Start, want.End = sel.Start+shift, sel.End+shift
		}
		want = withNext(t, edited, want)
		if got[i] != want {
			t.Errorf("comment %d: got %+v, want %+v", i, got[i], want)
		}
	}
}

// BenchmarkLocateAll re-anchors 200 comments on a 20,000-word body after a one-paragraph edit,
// the store's common case; it must stay well under 20 ms per operation.
func BenchmarkLocateAll(b *testing.B) {
	_, sels, edited := longDraft(b)
	b.SetBytes(int64(len(edited)))
	for b.Loop() {
		if res := anchor.LocateAll(edited, sels); len(res) != len(sels) {
			b.Fatalf("got %d results for %d selectors", len(res), len(sels))
		}
	}
}
