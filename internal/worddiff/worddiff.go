// Package worddiff computes word-level differences between two versions of a text, so that
// Copydesk can show an editor what changed between two revisions of a draft with <ins> and
// <del>. It is pure: no I/O, no dependencies beyond the standard library.
package worddiff

// Op says whether a chunk of text is common to both versions, only in the new one, or only in
// the old one. It is a string so that the JSON the API returns reads without a lookup table.
type Op string

// The three operations a chunk can carry.
const (
	Equal  Op = "equal"
	Insert Op = "insert"
	Delete Op = "delete"
)

// Chunk is a run of text with one operation. Concatenating the Equal and Delete chunks of a diff
// gives the old text; concatenating the Equal and Insert chunks gives the new one.
type Chunk struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Words returns the word-level diff from a to b. Tokens are words, runs of whitespace (newlines
// included) and single punctuation characters, so "cat," vs "cats," differs only in the word.
// Adjacent chunks of the same op are merged; concatenating the equal+delete chunks gives a, the
// equal+insert chunks gives b. A change is shown as its delete before its insert.
//
// An unchanged run of spaces between two changes on the same line is folded into both, so that
// a replaced phrase reads as one change. The diff is minimal, found with Myers' algorithm,
// unless the texts differ so much that the search hits the limits in myers.go; it then gets
// rougher, and at worst shows what is left as deleted and inserted whole.
//
// Words never returns nil, so that an empty diff marshals to [] rather than null in JSON.
func Words(a, b string) []Chunk {
	head, tail := trimEnds(a, b)
	return diffMiddle(a, b, head, tail)
}

// diffMiddle diffs a and b token by token, except for their first head bytes and last tail
// bytes, which they share on token boundaries and which are kept as unchanged text.
func diffMiddle(a, b string, head, tail int) []Chunk {
	ea, eb := tokenize(a, head, len(a)-tail), tokenize(b, head, len(b)-tail)
	d := newDiffer(intern(a, ea, b, eb, head))
	d.run()
	return assemble(a, b, head, ea, eb, d.delA, d.insB)
}
