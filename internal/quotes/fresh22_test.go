package quotes_test

import (
	"slices"
	"testing"
)

// TestFindPairThenQuote: after two people named together as a speech verb's subject (Smith and
// Jones said), a quote credited to them or to a lone pronoun that could be either credits nobody,
// not the one named before them nor the second of them.
func TestFindPairThenQuote(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"PairAfterAName", "Kai Lund said: “A.” “B,” Smith and Jones said.", []string{"Kai Lund", ""}},
		{"PairAfterANameTold", "Kai Lund said: “We will appeal.” “We never met him,” Smith and Jones told the court.", []string{"Kai Lund", ""}},
		{"PronounAfterPair", "Smith and Jones said they would appeal. “C,” he added.", []string{""}},
		{"PronounAfterPairQuoted", "Smith and Jones said: “We are innocent.” “We never met him,” he added.", []string{"", ""}},
		{"FullNamesThenShe", "Mira Holm and Ann Lee said the vote was “rigged”. “We will fight on,” she said.", []string{"", ""}},
		{"OneNamedAfterPairSpeaks", "Smith and Jones said they would appeal. Jones added: “We never met him.”", []string{"Jones"}},
		{"PronounBeforePairStillTheName", "Kai Lund said: “A.” “B,” he added. Smith and Jones said: “C.”", []string{"Kai Lund", "Kai Lund", ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
