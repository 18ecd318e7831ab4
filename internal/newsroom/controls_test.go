package newsroom

import (
	"strings"
	"testing"
	"unicode"
)

// TestIsNoncharacter holds the noncharacter test checkControls makes to Unicode's own table,
// for every code point.
func TestIsNoncharacter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isNoncharacter(r), unicode.Is(unicode.Noncharacter_Code_Point, r); got != want {
			t.Fatalf("isNoncharacter(%U) = %v, want %v", r, got, want)
		}
	}
}

// BenchmarkCheckControls is the check a publish makes of a body of 1,500 words.
func BenchmarkCheckControls(b *testing.B) {
	body := strings.Repeat("The harbour council voted 7 to 2 for the new ferry on Tuesday night, ending a decade of argument.\n", 60) +
		strings.Repeat("“Wir haben zehn Jahre gewartet,” sagte Bürgermeisterin Ana Ruiz. ", 20)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if err := checkControls("body", body, true); err != nil {
			b.Fatal(err)
		}
	}
}
