package worddiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiSpace lists the whitespace bytes trimEnds looks for when it needs a token boundary.
const asciiSpace = " \t\n\r"

// trimEnds returns how many leading and trailing bytes a and b share on token boundaries, so
// that Words only tokenizes and diffs the part that changed. A boundary is taken at the edge of a
// whitespace run: whitespace never joins a word or symbol token, so the tokens on either side of
// that edge are the same as they would be in the whole text.
func trimEnds(a, b string) (head, tail int) {
	same := commonPrefix(a, b)
	if same == len(a) && same == len(b) {
		return same, 0
	}
	// Cut before the whitespace run that holds the last space of the common prefix.
	head = max(strings.LastIndexAny(a[:same], asciiSpace), 0)
	for head > 0 {
		r, n := utf8.DecodeLastRuneInString(a[:head])
		if !unicode.IsSpace(r) {
			break
		}
		head -= n
	}
	// Cut after the whitespace run that holds the first space of the common suffix. The suffix
	// is sought after the whole common prefix, not after head, so that, as in the diff itself,
	// the common prefix wins when both ends could claim a repeated word.
	start := len(a) - commonSuffix(a[same:], b[same:])
	w := strings.IndexAny(a[start:], asciiSpace)
	if w < 0 {
		return head, 0
	}
	cut := start + w
	for cut < len(a) {
		r, size := utf8.DecodeRuneInString(a[cut:])
		if !unicode.IsSpace(r) {
			break
		}
		cut += size
	}
	return head, len(a) - cut
}

// commonPrefix returns the length in bytes of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// commonSuffix returns the length in bytes of the longest common suffix of a and b.
func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}
