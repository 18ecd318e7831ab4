// Package search reads what a person types into a search box as a Query, and writes it out for
// each database's full-text index: a MATCH expression for SQLite's FTS4 and a tsquery for
// PostgreSQL. Both come from the one parse, so both databases accept exactly the same syntax:
// words, "phrases in quotes", prefixes (defen*) and exclusions (-word). Anything else typed
// (operators, column names, brackets, stray quotes) is read as plain words, so no input can
// make a malformed query or reach the index's own syntax.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MinPrefix is the fewest letters a prefix (defen*) needs to be read as one.
const MinPrefix = 3

// MaxTerms caps the terms of a query: the rest of a longer input is ignored, so that one
// search cannot make the index walk hundreds of lists.
const MaxTerms = 16

// MaxWords caps the words of a query, its phrases' words included: the rest of a longer input
// is ignored. The index reads a word's list once for every place it has in a phrase, so a
// phrase of thousands of common words, which fits in a URL, took SQLite over a minute.
const MaxWords = 32

// Term is one thing a query asks for: a word, or a phrase of words in order. Prefix makes its
// last word match any word it begins; Exclude asks for pieces without it.
type Term struct {
	Words   []string
	Prefix  bool
	Exclude bool
}

// Query is a parsed search: pieces that have every term not excluded and no excluded one.
type Query struct {
	Terms []Term
}

// Empty reports whether q asks for nothing, as when the input held no word.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// Parse reads input, in NFC, as a Query. Words are runs of letters, digits and combining marks,
// as the databases' tokenizers cut them; a double quote opens or closes a phrase (an unclosed
// one runs to the end); a * right after a word of MinPrefix letters or more makes it a prefix;
// a - right before a word or phrase excludes it. Exclusions are kept only beside at least one
// term that is not excluded: alone, they are read as words.
func Parse(input string) Query {
	var q Query
	p := parser{in: []rune(norm.NFC.String(input)), words: MaxWords}
	for len(q.Terms) < MaxTerms && p.words > 0 {
		t, ok := p.term()
		if !ok {
			break
		}
		q.Terms = append(q.Terms, t)
	}
	included := false
	for _, t := range q.Terms {
		included = included || !t.Exclude
	}
	if !included {
		for i := range q.Terms {
			q.Terms[i].Exclude = false
		}
	}
	return q
}

// parser walks the runes of an input; words is how many more words it may read.
type parser struct {
	in    []rune
	pos   int
	words int
}

// term reads the next term, or reports false at the end of the input.
func (p *parser) term() (Term, bool) {
	for p.pos < len(p.in) {
		var t Term
		if p.in[p.pos] == '-' && p.pos+1 < len(p.in) && (p.in[p.pos+1] == '"' || startsWord(p.in[p.pos+1])) &&
			(p.pos == 0 || unicode.IsSpace(p.in[p.pos-1])) {
			t.Exclude = true
			p.pos++
		}
		if p.in[p.pos] == '"' {
			p.pos++
			t.Words, t.Prefix = p.phrase()
		} else if startsWord(p.in[p.pos]) {
			w := p.word()
			t.Words, t.Prefix = []string{w}, p.star()
		} else {
			p.pos++
			continue
		}
		if len(t.Words) > 0 {
			// A prefix of a letter or two matches so many words that merging their lists is
			// slower than any other search; it is read as the word it is.
			t.Prefix = t.Prefix && utf8.RuneCountInString(t.Words[len(t.Words)-1]) >= MinPrefix
			return t, true
		}
	}
	return Term{}, false
}

// phrase reads the words up to the closing quote or the end, and whether the last is a prefix.
// A phrase cut short by MaxWords ends at the last word it may read, a prefix if it was one, and
// the rest of the input is not read.
func (p *parser) phrase() ([]string, bool) {
	var words []string
	prefix := false
	for p.pos < len(p.in) && p.in[p.pos] != '"' {
		if !startsWord(p.in[p.pos]) {
			p.pos++
			continue
		}
		if p.words == 0 {
			p.pos = len(p.in)
			return words, prefix
		}
		words = append(words, p.word())
		prefix = p.star()
	}
	p.pos++
	return words, prefix
}

// word reads a run of word runes, and counts it against the words the query may have.
func (p *parser) word() string {
	start := p.pos
	for p.pos < len(p.in) && isWordRune(p.in[p.pos]) {
		p.pos++
	}
	p.words--
	return string(p.in[start:p.pos])
}

// star reads a * right after a word.
func (p *parser) star() bool {
	if p.pos < len(p.in) && p.in[p.pos] == '*' {
		p.pos++
		return true
	}
	return false
}

// startsWord reports whether a word may begin with r: a letter or a digit.
func startsWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// isWordRune reports whether r belongs in a word: letters, digits and the marks that combine
// with them, as SQLite's unicode61 tokenizer and PostgreSQL's parser read them.
func isWordRune(r rune) bool { return startsWord(r) || unicode.Is(unicode.M, r) }

// FTS4 writes q as a MATCH expression for an FTS4 table (with SQLite's enhanced query syntax,
// as go-sqlite3 builds it): every term in double quotes, so no word is read as an operator,
// the terms side by side (AND), each exclusion after them with NOT. It is "" for an empty q.
func (q Query) FTS4() string {
	var in, out []string
	for _, t := range q.Terms {
		s := `"` + strings.Join(t.Words, " ")
		if t.Prefix {
			s += "*"
		}
		s += `"`
		if t.Exclude {
			out = append(out, "NOT "+s)
		} else {
			in = append(in, s)
		}
	}
	return strings.Join(append(in, out...), " ")
}

// TSQuery writes q as the text of a PostgreSQL tsquery, for to_tsquery: every word a quoted
// lexeme, a phrase's words joined by <->, a prefix marked :*, exclusions with !, all joined by
// &. It is "" for an empty q.
func (q Query) TSQuery() string {
	terms := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		words := make([]string, len(t.Words))
		for i, w := range t.Words {
			words[i] = "'" + w + "'"
		}
		if t.Prefix {
			words[len(words)-1] += ":*"
		}
		s := strings.Join(words, " <-> ")
		if len(words) > 1 {
			s = "(" + s + ")"
		}
		if t.Exclude {
			s = "!" + s
		}
		terms = append(terms, s)
	}
	return strings.Join(terms, " & ")
}

// TSQueryWords writes the words of q's terms that are not excluded as a tsquery, every one
// required and none in order: what a piece must hold to match q, which PostgreSQL's GIN index
// answers without reading a piece's positions, as TSQuery's phrases and exclusions need.
func (q Query) TSQueryWords() string {
	var words []string
	for _, t := range q.Terms {
		if t.Exclude {
			continue
		}
		for i, w := range t.Words {
			w = "'" + w + "'"
			if t.Prefix && i == len(t.Words)-1 {
				w += ":*"
			}
			words = append(words, w)
		}
	}
	return strings.Join(words, " & ")
}
