package quotes

import (
	"slices"
	"strings"
	"unicode"
)

// maxLabel is the longest speaker label of a transcript's line, in runes: MAYOR OKAFOR.
const maxLabel = 40

// maxHansardLabel is the longest label in Hansard's style, in runes: a member's name, seat and
// party, or an office and its holder (The Secretary of State for Energy Security and Net Zero
// (Ed Miliband)).
const maxHansardLabel = 120

// maxLabelWords is the most words a speaker label may have.
const maxLabelWords = 4

// headingLabels are the capitalized words that open a line as a heading, not a speaker: a
// label whose last word is one of them credits nobody (UPDATE:, EDITOR’S NOTE:, NOTE TO
// EDITORS:), nor do the labels of a review's or a match report's box (VERDICT:, PROS:, HOME:).
var headingLabels = map[string]bool{
	"update": true, "updated": true, "breaking": true, "note": true, "correction": true, "clarification": true,
	"warning": true, "exclusive": true, "live": true, "watch": true, "more": true, "caption": true, "source": true,
	"editors": true, "verdict": true, "pros": true, "cons": true, "rating": true, "score": true, "home": true,
	"away": true, "result": true, "summary": true,
}

// label returns who speaks q when it opens a transcript's line right after its speaker's label
// in capitals (SMITH: “Yes.”), or "". The finder finds quotations, the words between marks: a
// transcript written without them (Q: … A: …, Interviewer: … Smith: …) has none to find, and
// one whose questions are unquoted is no transcript of quotes, so the quoted answers in it
// credit nobody rather than a label that may head a box. Only a transcript's labels credit (see
// transcript): capitalized leads that do not take turns, as datelines (LONDON: “…”) and a fact box's labels
// (VENUE: “The Old Vic”), credit nobody. So do quotes whose words are not spoken, ending as no
// speech does: the titles of a listing (ITV: “The Chase”) and words picked out of a review. A
// label in mixed case credits an office (see officeLabel) or a name already credited with a
// quote before, as Hansard writes a member the second time (Kemi Badenoch:).
func (a *attributor) label(q Quote) string {
	if !endsSpeech(q.Text) {
		return ""
	}
	pos := q.Start
	colon := a.spaceBefore(pos - 1)
	lineBefore := colon >= 0 && a.rs[colon] == '\n'
	if lineBefore {
		colon = a.spaceBefore(colon - 1) // The Prime Minister:, a line of its own before the words.
	}
	if colon < 0 || a.rs[colon] != ':' || colon == pos-1 {
		return ""
	}
	from := colon
	for from > 0 && a.rs[from-1] != '\n' && colon-from < maxHansardLabel {
		from--
	}
	if from > 0 && a.rs[from-1] != '\n' {
		return ""
	}
	if colon > from && a.rs[colon-1] == ')' {
		return a.hansardLabel(from, colon) // on the words' line or a line of its own before them
	}
	if lineBefore {
		return a.officeLabel(from, colon)
	}
	if name := a.officeLabel(from, colon); name != "" {
		return name
	}
	if name := string(a.rs[from:colon]); a.spoke[name] {
		return name // Kemi Badenoch:, as Hansard writes a member named with seat and party before.
	}
	if colon-from > maxLabel {
		return ""
	}
	name := string(a.rs[from:colon])
	letters, ok := labelWords(name)
	if !ok || letters < 2 || heading(name) || !a.transcript() {
		return ""
	}
	return name
}

// hansardLabel returns who speaks the line whose label, rs[from:colon], is written as Hansard
// writes a member's (Kemi Badenoch (North West Essex) (Con):) or a minister's (The Prime
// Minister (Keir Starmer):), or "". The member is the name before the brackets, which must end
// on a party; the minister is the name in the bracket after an office. The brackets set such a
// label apart from a heading's (Update:, Verdict:), so it credits in mixed case and outside a
// transcript.
func (a *attributor) hansardLabel(from, colon int) string {
	open := from
	for open < colon && a.rs[open] != '(' {
		open++
	}
	if open == from || open == colon || a.rs[open-1] != ' ' {
		return ""
	}
	head := a.tokenize(a.toks[:0], from, open-1, false)
	a.toks = head
	if len(head) == 0 {
		return ""
	}
	if a.placeParen(open, colon) == colon {
		if c := a.credit(head, 0, len(head)); c.found() && a.runEnd(head, 0) == len(head) {
			return a.name(c)
		}
		return ""
	}
	if !a.hansardOffice(head) || a.bracketEnd(open, colon) != colon {
		return ""
	}
	held := a.tokenize(a.toks[:0], open+1, colon-1, false)
	a.toks = held
	if len(held) < 2 || a.runEnd(held, 0) != len(held) {
		return ""
	}
	if c := a.credit(held, 0, len(held)); c.found() {
		return a.name(c)
	}
	return ""
}

// spaceBefore returns where the last rune at or before pos stands that is no space but a line's
// end, or -1.
func (a *attributor) spaceBefore(pos int) int {
	for pos >= 0 && a.rs[pos] != '\n' && isSpace(a.rs[pos]) {
		pos--
	}
	return pos
}

// officeLabel returns who speaks the line whose label, rs[from:colon], is an office alone as
// Hansard writes a minister after the first time (The Home Secretary:), or "": the holder the
// text named with the title before (Home Secretary Yvette Cooper), as The Home Secretary said:
// credits, or nobody when it named none or two. The title must be all the text wrote before the
// holder: Australian Prime Minister Anthony Albanese holds another office than the one The Prime
// Minister: names, which is the piece's own country's. A holder named only in a label's brackets (The
// Prime Minister (Keir Starmer):) is not one the text names with the title, so the office alone
// after it credits nobody. Such a label may stand on a line of its own before the words.
// Hansard writes it in mixed case; a label in capitals is a transcript's.
func (a *attributor) officeLabel(from, colon int) string {
	if !slices.ContainsFunc(a.rs[from:colon], unicode.IsLower) {
		return "" // THE CHAIR OF THE COMMITTEE: a transcript's label, which reads as its own.
	}
	head := a.tokenize(a.toks[:0], from, colon, false)
	a.toks = head
	if len(head) < 2 || !a.hansardOffice(head) {
		return ""
	}
	// Only the holder counts: the office's own words hold capitalized runs (Social Care,
	// Foreign Office) that name nobody.
	if h, _ := a.titleHeld(head, 0, len(head)); h.name.found() && h.whole {
		return a.name(h.name)
	}
	return ""
}

// hansardOffice reports whether the words of a label name an office as Hansard writes one: the words
// "The", a title among them and each word capitalized but for the "of", "for", "and" and "the"
// inside it (The Secretary of State for Health and Social Care).
func (a *attributor) hansardOffice(head []token) bool {
	if !strings.EqualFold(a.word(head[0]), "the") {
		return false
	}
	titled := false
	for _, t := range head[1:] {
		switch w := a.word(t); {
		case t.is(titleWord):
			titled = true
		case a.capital(t), w == "of", w == "for", w == "and", w == "the":
		default:
			return false
		}
	}
	return titled
}

// heading reports whether the label name, in capitals, heads a line rather than names a speaker:
// its last word is one of headingLabels.
func heading(name string) bool {
	words := strings.Fields(name)
	return len(words) > 0 && headingLabels[strings.ToLower(words[len(words)-1])]
}

// spokenLine reports whether the rest of the line from pos quotes spoken words, as a
// transcript's line does: it opens with a quote whose words end as speech does (“Yes.”), or
// quotes words after words of its own (Then he said “fine.”).
func (a *attributor) spokenLine(pos int) bool {
	for pos < len(a.rs) && a.rs[pos] != '\n' && isSpace(a.rs[pos]) {
		pos++
	}
	end := pos
	for end < len(a.rs) && a.rs[end] != '\n' {
		end++
	}
	if pos < end && a.quoted[pos] {
		q := pos
		for q < end && a.quoted[q] {
			q++
		}
		return endsSpeech(string(a.rs[pos:q]))
	}
	return slices.Contains(a.quoted[pos:end], true)
}

// transcript reports whether the text reads as a transcript: its lines open with two labels or
// more, and one of them, of more than a letter, opens two lines or more, as speakers take turns.
// An interview's Q: and A: take turns too, but alone they make no transcript of the labels
// after them (LONDON: “…”, a dateline). A transcript quotes what its speakers say on each line
// they open: labels that take turns before bare facts or titles (SCORERS: Kane 12, QUESTION:
// What is …?, BBC ONE: “EastEnders”) make a box, a quiz or a listing. It reads the text once, the
// first time it is asked.
func (a *attributor) transcript() bool {
	if a.labelled != 0 {
		return a.labelled > 0
	}
	a.labelled = -1
	turns := map[string]int{}
	again := false
	for from := 0; from < len(a.rs); {
		to := from
		for to < len(a.rs) && a.rs[to] != '\n' && a.rs[to] != ':' && to-from <= maxLabel {
			to++
		}
		if to < len(a.rs) && a.rs[to] == ':' && (to+1 == len(a.rs) || isSpace(a.rs[to+1])) {
			name := string(a.rs[from:to])
			if letters, ok := labelWords(name); ok {
				turns[name]++
				again = again || letters > 1 && turns[name] > 1
				if letters > 1 && !heading(name) && !a.spokenLine(to+1) {
					return false
				}
			}
		}
		for to < len(a.rs) && a.rs[to] != '\n' {
			to++
		}
		from = to + 1
	}
	if again && len(turns) > 1 {
		a.labelled = 1
	}
	return a.labelled > 0
}

// labelWords reports whether s is a speaker label: up to four words in capitals, single spaces
// apart, of letters and the dots, apostrophes and hyphens of names (DR. O’NEILL, JEAN-PAUL),
// and how many letters it has.
func labelWords(s string) (letters int, ok bool) {
	words := strings.Split(s, " ")
	if len(words) > maxLabelWords {
		return 0, false
	}
	for _, w := range words {
		if w == "" {
			return 0, false
		}
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				letters++
			case r == '.' || r == '’' || r == '\'' || r == '-':
			default:
				return 0, false
			}
		}
	}
	return letters, letters > 0
}
