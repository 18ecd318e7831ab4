package quotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindReviewRegressions: ordinary news copy that f705004 mis-credits or drops.
func TestFindReviewRegressions(t *testing.T) {
	type q struct{ text, speaker string }
	for _, tc := range []struct {
		name, text string
		want       []q
	}{
		{"ParticipleBeforeNameIsNoRole", "“It’s his fault,” lawyers representing Sam Bankman-Fried said.",
			[]q{{"It’s his fault,", ""}}},
		{"ParticipleAfterDeterminerIsNoRole", "“It’s his fault,” a lawyer representing Sam Bankman-Fried said.",
			[]q{{"It’s his fault,", ""}}},
		{"ScareQuoteBeforeReducedRelative", "Critics attacked the “phased” approach President Biden said would work.",
			[]q{{"phased", ""}}},
		{"AttributionOfTheNextSentenceIsNotOwn", "“We will win,” Ortiz said. “We have the votes.” According to aides, the count is close.",
			[]q{{"We will win,", "Ortiz"}, {"We have the votes.", "Ortiz"}}},
		{"CapitalTAfterSingleMarkOpensQuote", "‘T-shirts sold out in an hour,’ said Ann Lee.",
			[]q{{"T-shirts sold out in an hour,", "Ann Lee"}}},
		{"CapitalSAfterSingleMarkOpensQuote", "‘S-Bahn trains are late again,’ said Jan Vos.",
			[]q{{"S-Bahn trains are late again,", "Jan Vos"}}},
		{"PluralPossessiveBeforeConjunctionInsideQuote", "‘The players’ and coaches’ union is strong,’ said Ortiz.",
			[]q{{"The players’ and coaches’ union is strong,", "Ortiz"}}},
		{"PluralPossessiveBeforeToInsideQuote", "‘The choice is the voters’ to make,’ said Ortiz.",
			[]q{{"The choice is the voters’ to make,", "Ortiz"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found, probs := quotes.Find(tc.text)
			var got []q
			for _, f := range found {
				got = append(got, q{f.Text, f.Speaker})
			}
			if len(got) != len(tc.want) || len(probs) != 0 {
				t.Fatalf("Find(%q) = %q, problems %v; want %q", tc.text, got, probs, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("Find(%q) = %q; want %q", tc.text, got, tc.want)
				}
			}
		})
	}
}
