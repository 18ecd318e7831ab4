package worddiff

import (
	"strings"
	"testing"
)

// FuzzWords checks that any pair of strings, valid UTF-8 or not, diffs without panicking into
// chunks that rebuild both strings, and that trimming the common ends changes nothing.
func FuzzWords(f *testing.F) {
	for _, tc := range wordsCases {
		f.Add(tc.a, tc.b)
	}
	f.Add("a b a b a b", "b a b a b a")
	f.Add("x\n\ny  z", "x\ny\n\nz ")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkChunks(t, a, b, Words(a, b))
		checkSameAsUntrimmed(t, a, b)
	})
}

// FuzzTokenize checks that tokens are non-empty and concatenate back to the input.
func FuzzTokenize(f *testing.F) {
	f.Add("cat, 👩‍💻 e\u0301\xff")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		for i, tok := range toks {
			if tok == "" {
				t.Fatalf("token %d is empty", i)
			}
		}
		if got := strings.Join(toks, ""); got != s {
			t.Fatalf("tokens join to %q, want %q", got, s)
		}
	})
}
