package quotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindFresh23Regressions holds what a review of the "speaks to him or her" rule found it taking
// from main: verbs that do not address anyone, and "her" owning a capitalised word.
func TestFindFresh23Regressions(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"PraisedHim", "Tom Hanks won. Kai Lund praised him. “He earned it,” he said.", "Kai Lund"},
		{"CalledHim", "Tom Hanks spoke. Kai Lund called him a liar. “He is one,” he said.", "Kai Lund"},
		{"DescribedHim", "Tom Hanks left early. Kai Lund described him as a genius. “I stand by it,” he said.", "Kai Lund"},
		{"ToldHerInstagram", "Mira Holm told her Instagram followers the tour was over. “I need rest,” she said.", "Mira Holm"},
		{"SaidHerLabour", "Mira Holm said her Labour colleagues were wrong. “They will see,” she said.", "Mira Holm"},
		{"ToldHerBBC", "Mira Holm told her BBC colleagues she was leaving. “It is time,” she said.", "Mira Holm"},
		{"RecalledHerParis", "Mira Holm recalled her Paris years. “They were happy,” she said.", "Mira Holm"},
		{"ToldHerGP", "Mira Holm told her GP about the pain. “It was bad,” she said.", "Mira Holm"},
	} {
		qs, _ := quotes.Find(tt.text)
		if len(qs) != 1 || qs[0].Speaker != tt.want {
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker)
			}
			t.Errorf("%s: speakers %q, want %q", tt.name, got, tt.want)
		}
	}
}
