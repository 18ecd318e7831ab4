package newsroom

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"
)

// number is one number a text states: its words, where it starts, its value (scaled by
// "million" and the like, so "$1.2 million" and "$1,200,000" agree), whether it is a percentage,
// and its currency symbol, if any.
type number struct {
	text     string
	pos      int
	value    string
	percent  bool
	currency rune
}

// missingNumbers returns a BriefNumber for every number of brief that body never states.
func missingNumbers(brief, body string) []BriefNumber {
	said := numbersIn(brief)
	if len(said) == 0 {
		return nil
	}
	stated := statedIn(body)
	var missing []BriefNumber
	for _, n := range said {
		if !stated.has(n) {
			missing = append(missing, BriefNumber{Text: n.text, Position: n.pos,
				Message: fmt.Sprintf("the brief says “%s”; the body never does", n.text)})
		}
	}
	return missing
}

// numberKey is what tells two numbers apart but for their currency.
type numberKey struct {
	value   string
	percent bool
}

// stated is the numbers a text states, as the currencies each is stated in (0 for none), so
// that a brief's number is looked up, not compared with every number of the body.
type stated map[numberKey]map[rune]bool

func statedIn(text string) stated {
	s := stated{}
	eachNumber(text, func(n number) {
		k := numberKey{n.value, n.percent}
		if s[k] == nil {
			s[k] = map[rune]bool{}
		}
		s[k][n.currency] = true
	})
	return s
}

// has reports whether the text states n: the same value, both or neither a percentage, and the
// same currency. A currency only one of them names does not tell them apart: "1.2 million
// dollars" backs "$1.2 million".
func (s stated) has(n number) bool {
	currencies := s[numberKey{n.value, n.percent}]
	return len(currencies) > 0 && (n.currency == 0 || currencies[0] || currencies[n.currency])
}

// numberWords are the number words numbersIn reads. "one" is left out: it is as often a pronoun
// ("one of the council's members") as a number.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}

// scales are the words that multiply the number before them.
var scales = map[string]int64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// scaleAbbreviations are the scales as financial copy writes them after a sum of money, mostly
// without a space: $1.2bn, €1.1m, £500k, $2tn. Only after a currency symbol, where "1.2m" is
// money rather than metres.
var scaleAbbreviations = map[string]string{
	"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion", "trn": "trillion",
}

// numbersIn returns the numbers text states: ASCII digits not inside a word, with
// decimal separators ("7.5", "7,5") and thousands separators (a comma, or a no-break, narrow or
// thin space, before exactly three digits: "1,200" is 1200; not a plain space, which also
// separates two numbers), a currency symbol before them ($ € £ ¥), "%", "percent" or "per cent"
// after them, or a scale ("1.2 million"); and the number words two to twenty. It reads text as
// it is, not in NFC, so that positions count the text's own code points: NFC changes none of
// the characters a number is made of.
func numbersIn(text string) []number {
	var out []number
	eachNumber(text, func(n number) { out = append(out, n) })
	return out
}

// eachNumber calls visit with each number text states, in order, as numbersIn returns them; the
// body's numbers go straight into a set, never into a list as long as the body.
func eachNumber(text string, visit func(number)) {
	rs := []rune(text)
	for i := 0; i < len(rs); {
		switch {
		case isDigit(rs[i]) && (i == 0 || !unicode.IsLetter(rs[i-1]) && !isDigit(rs[i-1])):
			n, end := readNumber(rs, i)
			visit(n)
			i = end
		case unicode.IsLetter(rs[i]) && (i == 0 || !unicode.IsLetter(rs[i-1])):
			end := i
			for end < len(rs) && unicode.IsLetter(rs[end]) {
				end++
			}
			if v, ok := numberWords[strings.ToLower(string(rs[i:end]))]; ok && !fractionAt(rs, end) {
				visit(number{text: string(rs[i:end]), pos: i, value: fmt.Sprint(v)})
			}
			i = end
		default:
			i++
		}
	}
}

// fractionWords are the denominators a number word may be the numerator of: two-thirds, three
// quarters.
var fractionWords = map[string]bool{"half": true, "halves": true, "third": true, "thirds": true, "quarter": true,
	"quarters": true, "fifth": true, "fifths": true, "sixth": true, "sixths": true, "eighth": true, "eighths": true,
	"tenth": true, "tenths": true}

// fractionAt reports whether a denominator follows the number word ending at rs[end], after a
// hyphen, or after a space when "of" follows it: the words are a fraction (two-thirds, three
// quarters of homes: 67%, 75%), not the number two. A denominator that opens a compound (two
// quarter-finals, three half-days, two third-party bids), or that a space sets apart with no
// "of" after it (two quarters in a row, three third places), names things the number counts.
func fractionAt(rs []rune, end int) bool {
	if end+1 >= len(rs) || !strings.ContainsRune("- \u00a0"+hyphens, rs[end]) {
		return false
	}
	to := end + 1
	for to < len(rs) && unicode.IsLetter(rs[to]) {
		to++
	}
	if !fractionWords[strings.ToLower(string(rs[end+1:to]))] {
		return false
	}
	if strings.ContainsRune(" \u00a0", rs[end]) {
		return ofAt(rs, to)
	}
	return !(to+1 < len(rs) && strings.ContainsRune("-"+hyphens, rs[to]) && unicode.IsLetter(rs[to+1]))
}

// ofAt reports whether the word after the space at rs[i] is "of".
func ofAt(rs []rune, i int) bool {
	return i+3 < len(rs) && strings.ContainsRune(" \u00a0", rs[i]) && strings.EqualFold(string(rs[i+1:i+3]), "of") &&
		!unicode.IsLetter(rs[i+3])
}

// hyphens are the Unicode hyphens, besides the hyphen-minus, that join words: two‐thirds.
const hyphens = "\u2010\u2011"

// readNumber reads the number whose first digit is at rs[i] and returns it with the offset just
// after it.
func readNumber(rs []rune, i int) (number, int) {
	n := number{pos: i}
	if i > 0 && strings.ContainsRune("$€£¥", rs[i-1]) {
		n.currency, n.pos = rs[i-1], i-1
	}
	var digits strings.Builder
	end, decimal := digitRun(rs, i, &digits), false
	for end+1 < len(rs) && isDigit(rs[end+1]) {
		sep, next := rs[end], digitsAt(rs, end+1)
		switch {
		case strings.ContainsRune(",\u00a0\u202f\u2009", sep) && next == 3 && !decimal:
		case (sep == '.' || sep == ',') && !decimal:
			decimal = true
			digits.WriteByte('.')
		default:
			return n.finish(rs, end, digits.String())
		}
		end = digitRun(rs, end+1, &digits)
	}
	return n.finish(rs, end, digits.String())
}

// finish reads the unit after the number's digits, which end at rs[end], and sets its value and text.
func (n number) finish(rs []rune, end int, digits string) (number, int) {
	unit, after, ok := unitAt(rs, end, n.currency != 0)
	if ok {
		end = after
	}
	n.percent, n.text = unit == "%", string(rs[n.pos:end])
	if !ok && rangeOfPercent(rs, end) {
		n.percent = true
	}
	if !strings.Contains(digits, ".") && (!ok || n.percent) {
		// A whole number with no scale, by far the most common, needs no arithmetic.
		n.value = strings.TrimLeft(digits, "0")
		if n.value == "" {
			n.value = "0"
		}
		return n, end
	}
	v, _ := new(big.Rat).SetString(digits)
	if ok && !n.percent {
		v.Mul(v, new(big.Rat).SetInt64(scales[unit]))
	}
	n.value = v.RatString()
	return n, end
}

// unitAt returns the unit that follows a number at rs[end]: "%" for a percentage, else a scale,
// which money may abbreviate.
func unitAt(rs []rune, end int, money bool) (string, int, bool) {
	if end < len(rs) && rs[end] == '%' {
		return "%", end + 1, true
	}
	if end+1 < len(rs) && strings.ContainsRune(" \u00a0\u202f\u2009", rs[end]) && rs[end+1] == '%' {
		return "%", end + 2, true // 3,5 % as French and German copy writes it
	}
	if money {
		if unit, after, ok := abbreviatedScale(rs, end); ok {
			return unit, after, true
		}
	}
	if !unitAhead(rs, end) {
		return "", end, false
	}
	rest := strings.ToLower(string(rs[end:min(len(rs), end+12)]))
	word := strings.TrimLeft(rest, " \u00a0")
	skip := len([]rune(rest)) - len([]rune(word))
	if skip == 0 {
		return "", end, false
	}
	for _, w := range []string{"percent", "per cent"} {
		if wholeWord(word, w) {
			return "%", end + skip + len(w), true
		}
	}
	for w := range scales {
		if wholeWord(word, w) {
			return w, end + skip + len(w), true
		}
	}
	return "", end, false
}

// rangeOfPercent reports whether the number ending at rs[end] opens a range of percentages,
// whose one % sign follows its second number: the 10 of "10–15%". It reads the second number's
// digits and separators without reading on past it, so that a chain of ranges is read once.
func rangeOfPercent(rs []rune, end int) bool {
	if end+1 >= len(rs) || (rs[end] != '-' && rs[end] != '–') || !isDigit(rs[end+1]) {
		return false
	}
	j := end + 1
	for j < len(rs) && (isDigit(rs[j]) || (rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && isDigit(rs[j+1])) {
		j++
	}
	unit, _, _ := unitAt(rs, j, false)
	return unit == "%"
}

// abbreviatedScale returns the scale abbreviated right after a sum of money at rs[end], or
// after one space: "bn" of "$1.2bn", "m" of "€1.1 m".
func abbreviatedScale(rs []rune, end int) (string, int, bool) {
	i := end
	if i < len(rs) && (rs[i] == ' ' || rs[i] == '\u00a0') {
		i++
	}
	j := i
	for j < len(rs) && j-i <= 3 && unicode.IsLetter(rs[j]) {
		j++
	}
	if j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '-' || rs[j] == '&') {
		return "", end, false // A word of its own: a K-cup, M&A, a 4x4.
	}
	unit, ok := scaleAbbreviations[strings.ToLower(string(rs[i:j]))]
	return unit, j, ok
}

// unitAhead reports whether a word follows rs[end] after spaces, so that unitAt reads the words
// after a number only when there are some.
func unitAhead(rs []rune, end int) bool {
	i := end
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\u00a0') {
		i++
	}
	return i > end && i < len(rs) && unicode.IsLetter(rs[i])
}

// wholeWord reports whether s starts with the word w, not followed by a letter.
func wholeWord(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	rest := []rune(s[len(w):])
	return len(rest) == 0 || !unicode.IsLetter(rest[0])
}

// isDigit reports whether r is an ASCII digit, the only digits the value's arithmetic reads.
func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// digitRun writes the digits from rs[i] to b and returns the offset after them.
func digitRun(rs []rune, i int, b *strings.Builder) int {
	for ; i < len(rs) && isDigit(rs[i]); i++ {
		b.WriteRune(rs[i])
	}
	return i
}

// digitsAt counts the digits from rs[i].
func digitsAt(rs []rune, i int) int {
	n := 0
	for i+n < len(rs) && isDigit(rs[i+n]) {
		n++
	}
	return n
}
