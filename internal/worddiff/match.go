package worddiff

// Tokens splits s into the tokens Words compares: words, runs of whitespace (newlines included)
// and single other characters, the pieces of one emoji kept together. They concatenate back to s.
func Tokens(s string) []string {
	toks := []string{}
	from := 0
	for _, to := range tokenize(s, 0, len(s)) {
		toks = append(toks, s[from:to])
		from = to
	}
	return toks
}

// Match diffs two sequences of tokens with the search Words uses and reports which tokens of a
// the diff deletes and which of b it inserts; the tokens left unmarked are the same sequence in
// both. The tokens may be anything compared whole: the words of Tokens, or whole paragraphs.
func Match(a, b []string) (deleted, inserted []bool) {
	d := newDiffer(internTokens(a, b))
	d.run()
	return d.delA, d.insB
}

// internTokens maps each distinct token of a and b to a small integer shared between them, as
// intern does for tokens given by offsets.
func internTokens(a, b []string) ([]int32, []int32) {
	ids := make(map[string]int32, len(a)/4+1)
	conv := func(toks []string) []int32 {
		out := make([]int32, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	return conv(a), conv(b)
}
