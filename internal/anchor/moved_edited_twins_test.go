package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorMovedAndEditedAmongTwins moves a paragraph whose sentences repeat and cuts a word
// in it in one save, and checks that a comment on a repeated word of it stays on that word, or
// is detached when the cut took it: the diff of the whole text reads the paragraph as cut and
// typed elsewhere, and the copy whose context happens to agree in full is another sentence's.
func TestReanchorMovedAndEditedAmongTwins(t *testing.T) {
	safe := "The council said the bridge was safe."
	zoe := "“No comment,” Zoë said? Smith said the council met on Tuesday."
	late := "The café owner said the council was late? Smith said the council met on Tuesday? " + safe
	three := safe + " " + safe + " " + safe
	lost := "The council said the bridge was " + safe + " " + safe
	both := safe + " " + safe
	twice := safe + " The council said the bridge safe."
	once := safe + " The council the bridge safe."
	owner := "“No comment,” Zoë said. The café owner said the council was late."
	for _, tc := range []struct {
		name      string
		old, new  []string
		word      string
		inOld, at int // the paragraph of old the comment is in, and which of its copies of word
		inNew, to int // the paragraph of new its words are in, and which copy; -1 for detached
	}{
		{"FirstSentenceLosesItsEnd", []string{zoe, three, late}, []string{lost, zoe, late}, "said", 1, 0, 0, 0},
		{"SecondSentenceAfterACut", []string{zoe, three, late}, []string{lost, zoe, late}, "said", 1, 1, 0, 1},
		{"WordCutFromTheSecond", []string{zoe, twice, late}, []string{zoe, late, once}, "said", 1, 1, 0, -1},
		{"WordCutBesideTwins", []string{both, twice, owner, both}, []string{both, owner, once, both}, "said", 1, 1, 0, -1},
		{"WordKeptInTheFirst", []string{zoe, twice, late}, []string{zoe, late, once}, "said", 1, 0, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			at := nth(tc.old, tc.inOld, tc.word, tc.at)
			sel, err := anchor.New(old, at, at+utf8.RuneCountInString(tc.word))
			if err != nil {
				t.Fatal(err)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if tc.to < 0 {
				if got.Status != anchor.Detached {
					t.Errorf("the comment on %q went to %d (%v), want it detached", sel.Exact, got.Start, got.Status)
				}
				return
			}
			if want := nth(tc.new, tc.inNew, tc.word, tc.to); got.Status == anchor.Detached || got.Start != want {
				t.Errorf("the comment on %q went to %d (%v), want it at %d", sel.Exact, got.Start, got.Status, want)
			}
		})
	}
}

// nth returns where, in code points, the n-th copy of word in paragraph i of paras stands in
// the text the paragraphs make.
func nth(paras []string, i int, word string, n int) int {
	at := 0
	for range n + 1 {
		at += strings.Index(paras[i][at:], word) + len(word)
	}
	at -= len(word)
	return utf8.RuneCountInString(strings.Join(paras[:i], "\n")) + min(i, 1) + utf8.RuneCountInString(paras[i][:at])
}
