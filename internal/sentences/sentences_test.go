package sentences_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/sentences"
)

// TestAbbreviation: the words whose full stop ends no sentence, given without it.
func TestAbbreviation(t *testing.T) {
	for word, want := range map[string]bool{
		"Mr": true, "dr": true, "No": true, "J": true, "U.S": true, "a.m": true, "Sen": true,
		"Jones": false, "a": false, "5": false, "work": false, "Straße": false, "": false,
	} {
		if got := sentences.Abbreviation([]rune(word)); got != want {
			t.Errorf("Abbreviation(%q) = %v, want %v", word, got, want)
		}
	}
}
