package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/sentences"
)

// token is a word of the text around the quotes.
type token struct {
	start, end int       // rune span in the whole text
	joined     bool      // only spaces separate it from the word before, so the two may form a name
	class      wordClass // what the lexicon knows of the word
}

// is reports whether t belongs to any of the classes c.
func (t token) is(c wordClass) bool { return t.class&c != 0 }

// maxKey is the longest word, in runes, that the lexicon is asked about; none is longer.
const maxKey = 16

// attributor reads the words around each quote for its speaker. It remembers the most recent
// name for the pronouns to come, and how far back it has looked for one, so that no part of
// the text is read for pronouns twice.
type attributor struct {
	rs     []rune
	quoted []bool          // runes inside a quote, marks included; their words are nobody's name
	toks   []token         // scratch for the words around one quote
	seen   []token         // scratch for the words read for pronouns
	buf    []byte          // scratch for lowercasing a word to look it up
	lower  map[string]bool // the words the text writes in lowercase, built when first needed
	inner  map[string]bool // the capitalised words the text writes inside a sentence, built with lower
	last   credit          // the most recent speaker or sentence subject
	cursor int             // where the last pronoun was resolved; nothing before it is read again
	spoke  map[string]bool // the names credited as the speakers of the quotes before
	// relayer is the speaker whose words the last quote read relayed others' (Hale said rivals
	// called it “…”), for the next quote in the sentence, should the speaker speak again in it.
	relayer credit
	// labelled is 1 when the text is a transcript, its lines opening with speakers' labels, -1
	// when it is not, and 0 until the first quote that follows a label asks.
	labelled int8
	titles   map[string][]titled // the names written after each title, built when first needed
	para     []token             // scratch for the words of one paragraph, read for titles
	key      []byte              // scratch for a title's words, to look it up
}

// newAttributor prepares to find the speakers of qs, the quotes found in b's runes, marking
// them in b's quoted.
func newAttributor(b *buffers, qs []Quote) *attributor {
	a := &attributor{rs: b.rs, quoted: b.quoted, spoke: make(map[string]bool)}
	for _, q := range qs {
		for i := q.Start; i < q.End; i++ {
			a.quoted[i] = true
		}
	}
	return a
}

// tokenize appends to dst the words of rs[from:to]. With trailing set, the words are those
// after a quote: it stops at the end of the first sentence, and the verbs that speak only there
// (see trailingSpeech) are speech verbs. Otherwise an end of sentence only keeps the words on
// each side of it apart. A quote in the range separates the words around it, and ends a
// sentence when its words do.
func (a *attributor) tokenize(dst []token, from, to int, trailing bool) []token {
	joined := false
	for i := from; i < to; {
		r, stop := a.rs[i], false
		switch {
		case a.quoted[i]:
			j := i
			for j < to && a.quoted[j] {
				j++
			}
			stop = j-i >= 2 && sentences.IsTerminal(a.rs[j-2])
			joined, i = false, j
		case r == '\n' || sentences.IsTerminal(r):
			stop = true
			joined, i = false, i+1
		case isWord(r):
			j := a.wordEnd(i, to)
			class := a.lookup(i, j)
			if trailing && class&trailingSpeech != 0 {
				class |= speechWord
			}
			dst = append(dst, token{start: i, end: j, joined: joined, class: class})
			joined, i = true, j
		case isSpace(r):
			i++
		case r == '&' && joined && a.ampersandJoins(dst, i, to):
			i++ // Procter & Gamble, Marks & Spencer: one firm's name.
		case r == '(' && a.partyParen(i, to) > 0:
			// Gov. Greg Abbott (R) said: the party describes the name, which runs on to its verb.
			i = a.partyParen(i, to)
		case r == '(' && joined && a.capital(dst[len(dst)-1]) && a.tickerParen(i, to) > 0:
			// Apple (AAPL) said, Tesla (TSLA.O) said: the ticker stands for the firm named
			// before it, which runs on to its verb as the party does.
			i = a.tickerParen(i, to)
		case r == '(' && joined && a.capital(dst[len(dst)-1]) && a.placeParen(i, to) > 0:
			// Sir Edward Leigh (Gainsborough) (Con) asked: Hansard's seat and party in brackets
			// describe the name, which runs on to its verb.
			i = a.placeParen(i, to)
		default:
			joined, i = false, i+1
		}
		if stop && trailing {
			return dst
		}
	}
	return dst
}

// ampersandJoins reports whether the ampersand at rs[i], after the word dst ends with, joins that
// word and the capitalized word after it into one firm's name: Procter & Gamble, Marks &
// Spencer. The word before must stand alone, with spaces around the ampersand: people's names
// of two words each (Kai Lund & Mira Holm) are two names, and a letter before the ampersand
// (AT&T, H&M) may be taken for an initial whose full stop goes with it.
func (a *attributor) ampersandJoins(dst []token, i, to int) bool {
	n := len(dst)
	if n > 1 && dst[n-1].joined && a.capital(dst[n-2]) || !a.capital(dst[n-1]) {
		return false
	}
	return i+2 < to && a.rs[i-1] == ' ' && a.rs[i+1] == ' ' && unicode.IsUpper(a.rs[i+2])
}

// sentenceStart returns where the sentence that holds offset pos begins, looking back at most
// leadWindow runes and never before floor. It agrees with tokenize on what ends a sentence.
func (a *attributor) sentenceStart(pos, floor int) int {
	limit := max(floor, pos-leadWindow)
	for i := pos - 1; i >= limit; i-- {
		switch r := a.rs[i]; {
		case r == '\n':
			return i + 1
		case a.quoted[i]:
			// i closes an earlier quote, whose words may end its sentence.
			if i > 0 && a.quoted[i-1] && sentences.IsTerminal(a.rs[i-1]) {
				return i + 1
			}
			for i > limit && a.quoted[i-1] {
				i--
			}
		case sentences.IsTerminal(r) && !a.insideWord(i):
			return i + 1
		}
	}
	return limit
}

// insideWord reports whether the full stop at rs[i] belongs to a word, as wordEnd would have it:
// joining two parts of it (U.S.-Mexico) or ending an abbreviation (Sen.), or to a date (on Jan.
// 6).
func (a *attributor) insideWord(i int) bool {
	if a.rs[i] != '.' || i == 0 || !isWord(a.rs[i-1]) {
		return false
	}
	if sentences.Dated(a.rs, i) {
		return true
	}
	if i+1 < len(a.rs) && isWord(a.rs[i+1]) && !a.quoted[i+1] {
		return true
	}
	w := i
	for w > 0 && (isWord(a.rs[w-1]) || a.rs[w-1] == '.') && !a.quoted[w-1] && i-w < 16 {
		w--
	}
	if w >= 2 && a.rs[w-1] == '-' && (w == 2 || !isWord(a.rs[w-3])) && a.partyTagAt(w-2, i) {
		return true // Sen. Tom Reyes, D-Ariz., said
	}
	return a.abbreviation(w, i)
}

// abbreviation reports whether rs[i:j] is an abbreviation or an initial, which a full stop
// after it does not end a sentence with. X alone is no initial but the platform: posted on X.
// Musk replied is two sentences.
func (a *attributor) abbreviation(i, j int) bool {
	return sentences.Abbreviation(a.rs[i:j]) && !(j == i+1 && a.rs[i] == 'X')
}

// wordEnd returns where the word starting at i ends. Apostrophes, hyphens and full stops inside
// a word belong to it (nation’s, U.S.-Mexico), and so do an ampersand between capitals (AT&T)
// and the full stop of an abbreviation.
func (a *attributor) wordEnd(i, to int) int {
	j := i + 1
	for j < to {
		if isWord(a.rs[j]) && !a.quoted[j] {
			j++
			continue
		}
		if isJoiner(a.rs[j]) && j+1 < to && isWord(a.rs[j+1]) && !a.quoted[j] && !a.quoted[j+1] {
			j += 2
			continue
		}
		if a.rs[j] == '&' && j+1 < to && unicode.IsUpper(a.rs[j-1]) && unicode.IsUpper(a.rs[j+1]) && !a.quoted[j+1] {
			j += 2 // AT&T, H&M, S&P: an ampersand between capitals is inside one name.
			continue
		}
		break
	}
	if j < to && a.rs[j] == '.' && !a.quoted[j] && (a.abbreviation(i, j) || a.partyTagAt(i, j)) {
		j++
	}
	if j+1 < to && (a.rs[j] == '\'' || a.rs[j] == rightSingle) && !a.quoted[j] && (a.rs[j-1] == 's' || a.rs[j-1] == 'S') && isSpace(a.rs[j+1]) {
		j++ // The residents’ spokeswoman: a plural's possessive mark, which no quote closed.
	}
	return j
}

// partyParen returns where a party in brackets opening at rs[i] ends, after its closing bracket,
// or 0 when there is none: (R), (D), (I), (R-Texas), (D-N.Y.).
func (a *attributor) partyParen(i, to int) int {
	j := i + 1
	for j < to && j < i+16 && a.rs[j] != ')' && !a.quoted[j] {
		j++
	}
	if j >= to || a.rs[j] != ')' || a.quoted[j] {
		return 0
	}
	if j == i+2 && (a.rs[i+1] == 'R' || a.rs[i+1] == 'D' || a.rs[i+1] == 'I') || a.partyTagAt(i+1, j) {
		return j + 1
	}
	return 0
}

// tickerParen returns where a stock ticker or an acronym in brackets opening at rs[i] ends,
// after its closing bracket, or 0 when there is none: (AAPL), (TSLA.O), (NYSE: F), (7203.T),
// (WHO). Only capitals, digits and the marks an exchange writes stand in it, at least one
// capital among them.
func (a *attributor) tickerParen(i, to int) int {
	capitals := 0
	for j := i + 1; j < to && j < i+18 && !a.quoted[j]; j++ {
		switch r := a.rs[j]; {
		case r == ')':
			if capitals == 0 {
				return 0
			}
			return j + 1
		case unicode.IsUpper(r):
			capitals++
		case !isDigit(r) && r != '.' && r != ':' && r != ' ':
			return 0
		}
	}
	return 0
}

// placeParen returns where a member's party in brackets opening at rs[i] ends, after its
// closing bracket, or where the party's bracket after a seat's ends, or 0 when there is none:
// (Con), (Lab/Co-op), (Gainsborough) (Con), (Bath and Wells) (LD). A bracket of capitalized words
// with no party after it may as well hold a title's holder (The Prime Minister (Keir Starmer)
// said), whose name is the speaker's, and is left to be read.
func (a *attributor) placeParen(i, to int) int {
	j := a.bracketEnd(i, to)
	if j == 0 {
		return 0
	}
	if houseParties[string(a.rs[i+1:j-1])] {
		return j
	}
	k := j
	for k < to && a.rs[k] == ' ' {
		k++
	}
	if k < to && a.rs[k] == '(' && k > j {
		if e := a.bracketEnd(k, to); e > 0 && houseParties[string(a.rs[k+1:e-1])] {
			return e
		}
	}
	return 0
}

// bracketEnd returns where the bracket opening at rs[i] ends, after its closing bracket, when it
// holds up to four words, each beginning with a capital but for an "and" or "of" between them,
// or 0.
func (a *attributor) bracketEnd(i, to int) int {
	words, start := 0, true
	for j := i + 1; j < to && j < i+40 && !a.quoted[j]; j++ {
		switch r := a.rs[j]; {
		case r == ')':
			if words == 0 || start {
				return 0
			}
			return j + 1
		case r == ' ' || r == '/':
			if start {
				return 0
			}
			start = true
		case start && (unicode.IsUpper(r) || r == 'a' || r == 'o'):
			words, start = words+1, false
			if words > 4 || !unicode.IsUpper(r) && !a.lowerJoin(j) {
				return 0
			}
		case start || !unicode.IsLetter(r) && r != '\'' && r != rightSingle && r != '.' && r != '-':
			return 0
		}
	}
	return 0
}

// lowerJoin reports whether the word at rs[j] is the "and" or "of" inside a seat's name.
func (a *attributor) lowerJoin(j int) bool {
	for _, w := range [...]string{"and ", "of "} {
		if j+len(w) <= len(a.rs) && string(a.rs[j:j+len(w)]) == w {
			return true
		}
	}
	return false
}

// houseParties are the parties Hansard writes in brackets after a member's name.
var houseParties = map[string]bool{
	"Con": true, "Lab": true, "LD": true, "Lib Dem": true, "SNP": true, "Green": true, "Reform": true,
	"DUP": true, "SDLP": true, "PC": true, "Ind": true, "Lab/Co-op": true, "Alba": true, "UUP": true,
	"SF": true, "Alliance": true, "TUV": true, "Plaid Cymru": true,
}

// isJoiner reports whether r joins two parts of one word.
func isJoiner(r rune) bool {
	return r == '\'' || r == rightSingle || r == '-' || r == '‐' || r == '‑' || r == '.'
}

// lookup returns the classes of the word rs[i:j], lowercased and without a final full stop.
func (a *attributor) lookup(i, j int) wordClass {
	if j-i > maxKey {
		return 0
	}
	a.buf = a.buf[:0]
	for _, r := range a.rs[i:j] {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			a.buf = append(a.buf, byte(r))
			continue
		}
		a.buf = utf8.AppendRune(a.buf, unicode.ToLower(r))
	}
	if n := len(a.buf); n > 0 && a.buf[n-1] == '.' {
		a.buf = a.buf[:n-1]
	}
	return lexicon[string(a.buf)]
}

// capital reports whether t is a word beginning with a capital letter.
func (a *attributor) capital(t token) bool {
	return unicode.IsUpper(a.rs[t.start]) || unicode.IsTitle(a.rs[t.start])
}

// possessive reports whether t ends in ’s or 's (Trump’s), or in s’ or s' (the Joneses’), which
// makes it no speaker.
func (a *attributor) possessive(t token) bool {
	if t.end-t.start < 3 {
		return false
	}
	last, before := a.rs[t.end-1], a.rs[t.end-2]
	mark := func(r rune) bool { return r == '\'' || r == rightSingle }
	s := func(r rune) bool { return r == 's' || r == 'S' }
	return s(last) && mark(before) || mark(last) && s(before)
}

// hasSuffix reports whether the word t ends in the ASCII suffix, ignoring case.
func (a *attributor) hasSuffix(t token, suffix string) bool {
	n := len(suffix)
	if t.end-t.start <= n {
		return false
	}
	for k := 0; k < n; k++ {
		if unicode.ToLower(a.rs[t.end-n+k]) != rune(suffix[k]) {
			return false
		}
	}
	return true
}
