package quotes

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/sentences"
)

// openMark is a quotation mark that has opened and not yet closed.
type openMark struct {
	mark   rune
	fam    family
	para   int      // paragraph where it opened
	pos    int      // offset within that paragraph
	off    int      // offset in the whole text
	from   int      // offset where the quoted words of the current paragraph begin
	pieces []string // the quoted words of earlier paragraphs, for a quote spanning paragraphs
}

// scanner pairs the quotation marks of a text in one pass. It keeps the open marks on a stack
// because quotes nest (a single-quoted passage inside a double-quoted one); only the outermost
// quote becomes a Quote, since the inner one is part of what the speaker said.
type scanner struct {
	rs       []rune
	quotes   []Quote
	problems []mark // the marks to report, in the order they were found
	stack    []openMark

	// carry is the outermost quote left open at the end of a paragraph. Newsroom convention
	// continues a quote into the next paragraph by opening that paragraph with a mark and
	// closing only in the last one, so whether it is a Problem is known only there.
	carry    openMark
	carrying bool
}

// scan reads every paragraph in turn.
func (s *scanner) scan() {
	start := 0
	for para := 0; ; para++ {
		end := start
		for end < len(s.rs) && s.rs[end] != '\n' {
			end++
		}
		s.paragraph(para, start, end)
		if end == len(s.rs) {
			break
		}
		start = end + 1
	}
	if s.carrying {
		s.unclosed(s.carry)
	}
}

// paragraph pairs the marks of the paragraph s.rs[start:end].
func (s *scanner) paragraph(para, start, end int) {
	p := s.rs[start:end]
	i := 0
	if s.carrying {
		for i < len(p) && isSpace(p[i]) {
			i++
		}
		if i == len(p) {
			return // A blank line between paragraphs does not end a quote.
		}
		s.carrying = false
		switch {
		case familyOf(p[i]) == s.carry.fam && (isOpening(p[i]) || p[i] == s.carry.mark) && !closesLow(s.carry.mark, p[i]):
			s.carry.from = start + i + 1
			s.stack = append(s.stack, s.carry)
			i++
		case s.verse(start):
			s.carry.from = start + i
			s.stack = append(s.stack, s.carry)
		default:
			s.unclosed(s.carry)
			i = 0
		}
	}
	for ; i < len(p); i++ {
		if !isMark(p[i]) {
			continue
		}
		switch p[i] {
		case leftDouble:
			s.leftDouble(p, para, start, i)
		case lowDouble, reversedDouble, leftCorner, leftWhite:
			s.open(p, para, start, i)
		case leftGuillemet, leftAngle:
			s.leftGuillemet(p, para, start, i)
		case rightDouble, rightGuillemet, rightAngle:
			if s.opensReversed(p, i) {
				s.open(p, para, start, i)
			} else if !s.close(familyOf(p[i]), start+i) {
				s.stray(p[i], para, i, start+i)
			}
		case rightCorner, rightWhite:
			if !s.close(familyOf(p[i]), start+i) {
				s.stray(p[i], para, i, start+i)
			}
		case straightDouble:
			s.straightDouble(p, para, start, i)
		case leftSingle, rightSingle, straightSingle, lowSingle, reversedSingle:
			i += s.single(p, para, start, i)
		}
	}
	s.endParagraph(end)
}

// verse reports whether the quote carried into the paragraph starting at offset start goes on as
// verse quoted line by line, each line a paragraph with no mark of its own, to a closing mark
// that ends it: “Oh the wind came down from Trevose Head / And the sea rose black and high, / …
// That never said goodbye.” Only a mark that shows which way it faces (“ and «) is followed so,
// and only over lines as short as verse's that end as a line of verse does, not a sentence, the
// line it opened in among them, up to maxVerseLines of them. So a look reads a bounded number of
// runes, and prose missing a mark (“One. / Two.”) is still reported.
func (s *scanner) verse(start int) bool {
	var closing rune
	switch s.carry.mark {
	case leftDouble:
		closing = rightDouble
	case leftGuillemet:
		closing = rightGuillemet
	default:
		return false
	}
	if start-1-s.carry.from > maxVerseLine || s.endsSentence(s.carry.from, start-1) {
		return false
	}
	for line, i := 0, start; line < maxVerseLines && i < len(s.rs); line++ {
		j := i
		for ; j < len(s.rs) && s.rs[j] != '\n'; j++ {
			if j-i > maxVerseLine {
				return false
			}
			if familyOf(s.rs[j]) == s.carry.fam {
				return s.rs[j] == closing
			}
		}
		if s.endsSentence(i, j) {
			return false
		}
		i = j + 1
	}
	return false
}

// endsSentence reports whether the line s.rs[from:to] ends with a full stop, a question or an
// exclamation mark, as a sentence does and a line of verse seldom does.
func (s *scanner) endsSentence(from, to int) bool {
	for to > from && unicode.IsSpace(s.rs[to-1]) {
		to--
	}
	return to > from && sentences.IsTerminal(s.rs[to-1])
}

// maxVerseLine is the most runes a line of verse quoted line by line may have, and
// maxVerseLines the most lines the quote may run on over.
const (
	maxVerseLine  = 90
	maxVerseLines = 40
)

// straightDouble decides whether the " at p[i] opens or closes. Marks alternate within a
// paragraph; the characters around the mark overrule that only where they are unambiguous.
func (s *scanner) straightDouble(p []rune, para, start, i int) {
	left, right := flanking(p, i)
	inside := s.innermost(doubleMarks) >= 0
	switch {
	case !inside && right && !left:
		// Nothing is open and the mark leans on the word before it: an inch mark (5'10") or a
		// stray closing mark, neither of which quotes anything.
	case !inside:
		s.open(p, para, start, i)
	case left && !right && isSpace(at(p, i-1)):
		// A mark before a word while a double quote is open means the earlier one was never
		// closed; open() reports it.
		s.open(p, para, start, i)
	default:
		s.close(doubleMarks, start+i)
	}
}

// opensReversed reports whether the ”, » or › at p[i] opens a quote, as Swedish and Finnish copy
// writes ”Ja” and German and Swiss copy »Ja«: no mark of its family is open, and it leans on the
// word after it.
func (s *scanner) opensReversed(p []rune, i int) bool {
	return s.innermost(familyOf(p[i])) < 0 && !isWord(at(p, i-1)) && !isSpace(at(p, i+1)) && !isMark(at(p, i+1))
}

// leftGuillemet handles « or ‹ at p[i], which closes a quote that » or › opened (»Ja«) and
// opens everywhere else.
func (s *scanner) leftGuillemet(p []rune, para, start, i int) {
	if k := s.innermost(familyOf(p[i])); k >= 0 && (s.stack[k].mark == rightGuillemet || s.stack[k].mark == rightAngle) {
		s.close(familyOf(p[i]), start+i)
		return
	}
	s.open(p, para, start, i)
}

// leftDouble handles “ at p[i], which closes a German „ and opens everywhere else.
func (s *scanner) leftDouble(p []rune, para, start, i int) {
	if k := s.innermost(doubleMarks); k >= 0 && s.stack[k].mark == lowDouble {
		s.close(doubleMarks, start+i)
		return
	}
	s.open(p, para, start, i)
}

// single handles the single mark at p[i] and returns how many runes after it to skip.
func (s *scanner) single(p []rune, para, start, i int) int {
	n := len(s.stack)
	switch {
	case p[i] == leftSingle && n > 0 && s.stack[n-1].mark == lowSingle && !isSpace(at(p, i-1)):
		s.close(singleMarks, start+i)
		return 0
	case p[i] == lowSingle:
		if !isWord(at(p, i-1)) && !isSpace(at(p, i+1)) {
			s.open(p, para, start, i)
		}
		return 0
	}
	role, skip := classifySingle(p, i)
	topSingle := n > 0 && s.stack[n-1].fam == singleMarks
	switch {
	case role == canOpen, role == canEither && !topSingle:
		s.open(p, para, start, i)
	case role == canEither:
		s.close(singleMarks, start+i)
	case role == canClose && topSingle:
		// 'The developers' code is old,' he said: the first mark is a possessive when the next
		// single mark closes the quote instead.
		if !possessiveShape(p, i, s.oneWord(p, para, i)) || !closesLater(p, i) {
			s.close(singleMarks, start+i)
		}
	case role == canClose && afterClause(at(p, i-1)):
		// ‘Tis true,’ said Ann: no apostrophe follows a comma, so this mark closes a quote whose
		// opening mark was taken for an elision's, or was never typed.
		s.stray(p[i], para, i, start+i)
	}
	return skip
}

// oneWord reports whether the single quote open on top of the stack, in paragraph para, holds
// one word so far, up to p[i]: ‘ours’ rather than ‘The players’ and coaches’ union….
func (s *scanner) oneWord(p []rune, para, i int) bool {
	top := s.stack[len(s.stack)-1]
	if top.para != para || i-top.pos > maxKey+1 {
		return false
	}
	for j := top.pos + 1; j < i; j++ {
		if isSpace(p[j]) {
			return false
		}
	}
	return true
}

// afterClause reports whether r ends a clause as a quotation's words do and no word does: a
// comma, a question mark or an exclamation mark. A full stop may end an abbreviation that takes
// an apostrophe (the U.S.’ role).
func afterClause(r rune) bool { return r == ',' || r == '?' || r == '!' }

// closesLater reports whether the next single mark after p[i] that is no apostrophe can close
// a quote. Each look ends at the next such mark, so the looks of a paragraph never overlap and
// the scan stays linear.
func closesLater(p []rune, i int) bool {
	for j := i + 1; j < len(p); j++ {
		if familyOf(p[j]) != singleMarks {
			continue
		}
		switch role, skip := classifySingle(p, j); role {
		case canClose, canEither:
			return true
		case canOpen:
			return false
		default:
			j += skip
		}
	}
	return false
}

// open pushes the mark at p[i]. A mark of the same family already on top never closed: quotes
// nest by alternating double and single marks, so the earlier one is reported and replaced.
func (s *scanner) open(p []rune, para, start, i int) {
	fam := familyOf(p[i])
	if n := len(s.stack); n > 0 && s.stack[n-1].fam == fam {
		s.unclosed(s.stack[n-1])
		s.stack = s.stack[:n-1]
	}
	s.stack = append(s.stack, openMark{mark: p[i], fam: fam, para: para, pos: i, off: start + i, from: start + i + 1})
}

// innermost returns the stack index of the innermost open mark of fam, or -1.
func (s *scanner) innermost(fam family) int {
	for k := len(s.stack) - 1; k >= 0; k-- {
		if s.stack[k].fam == fam {
			return k
		}
	}
	return -1
}

// close closes the innermost open mark of fam with the mark at offset off, and reports whether
// there was one. Marks opened inside it never closed; when it is the outermost, its words become
// a Quote.
func (s *scanner) close(fam family, off int) bool {
	k := s.innermost(fam)
	if k < 0 {
		return false
	}
	for _, inner := range s.stack[k+1:] {
		s.unclosed(inner)
	}
	m := s.stack[k]
	s.stack = s.stack[:k]
	if k > 0 {
		return true
	}
	pieces := append(m.pieces, string(s.rs[m.from:off]))
	if spaced(m.mark) {
		// Each paragraph of the quote has its marks, and the spaces inside them, of its own.
		for i, p := range pieces {
			pieces[i] = strings.TrimFunc(p, unicode.IsSpace)
		}
	}
	s.quotes = append(s.quotes, Quote{Text: strings.Join(pieces, "\n"), Paragraph: m.para, Start: m.off, End: off + 1})
	return true
}

// endParagraph closes the books on a paragraph ending at offset end. Inner marks still open
// never closed; the outermost may continue in the next paragraph, so it is carried.
func (s *scanner) endParagraph(end int) {
	if len(s.stack) == 0 {
		return
	}
	for _, inner := range s.stack[1:] {
		s.unclosed(inner)
	}
	m := s.stack[0]
	s.stack = s.stack[:0]
	words := s.rs[m.from:end]
	if n := len(words); n > 0 && words[n-1] == '\r' {
		words = words[:n-1]
	}
	m.pieces = append(m.pieces, string(words))
	s.carry, s.carrying = m, true
}

// stray reports a closing mark that closes nothing: the opening mark is missing, a common typo.
// Only marks that can do nothing but close are reported; a lone ’ is an apostrophe and a lone "
// after a number an inch mark.
func (s *scanner) stray(r rune, para, pos, off int) {
	s.problems = append(s.problems, mark{r: r, para: para, pos: pos, off: off, stray: true})
}

// unclosed reports m as a mark that never closes.
func (s *scanner) unclosed(m openMark) {
	s.problems = append(s.problems, mark{r: m.mark, para: m.para, pos: m.pos, off: m.off})
}

// mark is a quotation mark to report. Its message is written only if it is reported, since a
// hostile text may hold hundreds of thousands of them.
type mark struct {
	r              rune
	para, pos, off int
	stray          bool // a closing mark with no opening, rather than an opening that never closes
}

// problem writes m up as a Problem.
func (m mark) problem() Problem {
	format := "opening %c in paragraph %d at position %d never closes"
	if m.stray {
		format = "closing %c in paragraph %d at position %d has no opening mark"
	}
	msg := fmt.Sprintf(format, m.r, m.para, m.pos)
	return Problem{Paragraph: m.para, Position: m.pos, Offset: m.off, Message: msg}
}
