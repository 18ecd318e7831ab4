package newsroom

import (
	"fmt"
	"slices"
	"strings"
)

// directionNames names Unicode's explicit directional formatting characters (UAX #9), which
// change how the text after them is laid out rather than showing anything themselves.
var directionNames = map[rune]string{
	'\u202A': "LEFT-TO-RIGHT EMBEDDING",
	'\u202B': "RIGHT-TO-LEFT EMBEDDING",
	'\u202C': "POP DIRECTIONAL FORMATTING",
	'\u202D': "LEFT-TO-RIGHT OVERRIDE",
	'\u202E': "RIGHT-TO-LEFT OVERRIDE",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
}

// closers maps each opening directional character to the one that closes it: an embedding or
// an override is closed by U+202C POP DIRECTIONAL FORMATTING, an isolate by U+2069 POP
// DIRECTIONAL ISOLATE.
var closers = map[rune]rune{
	'\u202A': '\u202C', '\u202B': '\u202C', '\u202D': '\u202C', '\u202E': '\u202C',
	'\u2066': '\u2069', '\u2067': '\u2069', '\u2068': '\u2069',
}

// checkDirections holds one line of text (a one-line field such as a title or a person's name,
// or one paragraph of a body) to the rule for the explicit directional formatting characters:
//
//   - the overrides, U+202D LEFT-TO-RIGHT OVERRIDE and U+202E RIGHT-TO-LEFT OVERRIDE, are
//     refused: they show the letters after them in reverse order, so a name stored as "rotidE"
//     reads "Editor", and what a reader sees is not what search, the quote ledger or a diff reads;
//   - every embedding (U+202A, U+202B) and isolate (U+2066, U+2067, U+2068) opened in the line is
//     closed in it, innermost first, by U+202C and U+2069 (a U+2069 also closes the embeddings
//     opened inside its isolate, as the bidirectional algorithm does), and neither is used with
//     nothing of its kind open: wherever the line is shown next to other text (a byline and its date, a
//     desk's row, a page's title, a line of the house text or a feed joined to the next), an
//     unclosed one would turn the direction of everything after it, and a stray closer would
//     end the direction of what came before.
//
// The marks U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK and U+061C ARABIC LETTER MARK,
// which right-to-left newsrooms need and which cannot leak, pass, as do closed embeddings and
// isolates. The error is EINVALID, naming field and the character.
func checkDirections(field, line string) error {
	var open []rune
	for _, r := range line {
		switch r {
		case '\u202D', '\u202E':
			return Errorf(EINVALID, "%s must not contain %U %s, which shows the text after it in reverse order: take it out, and set a word's direction with U+200E LEFT-TO-RIGHT MARK or U+200F RIGHT-TO-LEFT MARK",
				field, r, directionNames[r])
		case '\u202A', '\u202B', '\u2066', '\u2067', '\u2068':
			open = append(open, r)
		case '\u202C', '\u2069':
			if len(open) == 0 {
				return Errorf(EINVALID, "%s has %U %s with nothing open before it to close: take it out", field, r, directionNames[r])
			}
			top := open[len(open)-1]
			switch {
			case closers[top] == r:
				open = open[:len(open)-1]
			case r == '\u2069' && slices.ContainsFunc(open, isIsolate):
				open = open[:lastIsolate(open)]
			default:
				return Errorf(EINVALID, "%s has %U %s where %U %s is still open: close that first with %U %s",
					field, r, directionNames[r], top, directionNames[top], closers[top], directionNames[closers[top]])
			}
		}
	}
	if len(open) > 0 {
		top := open[len(open)-1]
		return Errorf(EINVALID, "%s opens %U %s without closing it with %U %s, so it would turn the direction of whatever is shown after it: close it within the line, or take it out",
			field, top, directionNames[top], closers[top], directionNames[closers[top]])
	}
	return nil
}

// checkParagraphDirections is checkDirections for each paragraph of a body, naming the paragraph.
// The bidirectional algorithm ends every embedding at a paragraph's end, but a paragraph's words
// are also shown where it does not end: its first words in a list, a quote's in the ledger, a
// search's snippet, an email's excerpt, and a feed or a reader that joins lines; so a paragraph
// is held to the rule for a line. A paragraph's name is made only for the one that breaks the
// rule, checked again under it: every save and publish checks each paragraph of its body, and
// naming each cost an allocation a paragraph.
func checkParagraphDirections(field, body string) error {
	i := 0
	for p := range strings.SplitSeq(body, "\n") {
		i++
		if checkDirections("", p) != nil {
			return checkDirections(fmt.Sprintf("paragraph %d of the %s", i, field), p)
		}
	}
	return nil
}

// CheckDirections holds the fields of t that differ from was to the rule for directional
// formatting characters (see checkDirections): each one-line field as a line, the body paragraph
// by paragraph. Only what a save changes is held to it, so that a text stored before the rule can
// still be saved in a stage whose saver may not change the field that breaks it; a whole piece is
// held to it in every field (see CheckWhole). A new draft passes the empty Text as was.
func (t Text) CheckDirections(was Text) error {
	changed := t.Changed(was)
	lines := []struct{ name, value string }{
		{"title", t.Title}, {"byline", t.Byline}, {"brief", t.Brief}, {"editor_comment", t.EditorComment},
	}
	for _, f := range lines {
		if slices.Contains(changed, f.name) {
			if err := checkDirections(f.name, f.value); err != nil {
				return err
			}
		}
	}
	if slices.Contains(changed, "topics") {
		for _, tp := range t.Topics {
			if err := checkDirections("topic", tp); err != nil {
				return err
			}
		}
	}
	if slices.Contains(changed, "body") {
		return checkParagraphDirections("body", t.Body)
	}
	return nil
}

// Isolated returns line ready to stand among other words in plain text, where no markup can
// isolate it (a page's <title>, a notification's subject, an email): line itself when it keeps
// the rule of checkDirections, as all new input does; otherwise, for a line stored before the
// rule, line between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, which closes
// whatever line leaves open (after a U+2069 for each isolate line leaves open), without the
// closers in line that close nothing there. The
// bidirectional algorithm ignores those in line itself, so line still shows as it did, but
// inside the isolate one would close it early and let the rest of line out.
func Isolated(line string) string {
	if checkDirections("", line) == nil {
		return line
	}
	var b strings.Builder
	b.WriteRune('\u2068')
	open := writeBalanced(&b, line)
	// A U+2069 closes the innermost isolate, and the embeddings inside it, so the wrapper is
	// closed once each isolate line leaves open is.
	for _, r := range open {
		if isIsolate(r) {
			b.WriteRune('\u2069')
		}
	}
	b.WriteRune('\u2069')
	return b.String()
}

// closeDirections returns s keeping the rule of checkDirections for embeddings and isolates:
// without the closers in s that close nothing, and with a closer after s for each embedding and
// isolate s leaves open, innermost first, so that the part of a line cut short cannot turn the
// direction of what is shown after it.
func closeDirections(s string) string {
	var b strings.Builder
	open := writeBalanced(&b, s)
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteRune(closers[open[i]])
	}
	return b.String()
}

// isIsolate reports whether r opens an isolate.
func isIsolate(r rune) bool { return closers[r] == '\u2069' }

// lastIsolate is the index in open of its innermost isolate, or -1.
func lastIsolate(open []rune) int {
	for i := len(open) - 1; i >= 0; i-- {
		if isIsolate(open[i]) {
			return i
		}
	}
	return -1
}

// writeBalanced writes s to b without the closers in s that close nothing, and returns the
// embeddings and isolates s leaves open, outermost first (see checkDirections).
func writeBalanced(b *strings.Builder, s string) []rune {
	var open []rune
	for _, r := range s {
		switch {
		case closers[r] != 0:
			open = append(open, r)
		case r == '\u202C' && len(open) > 0 && closers[open[len(open)-1]] == r:
			open = open[:len(open)-1]
		case r == '\u2069' && slices.ContainsFunc(open, isIsolate):
			open = open[:lastIsolate(open)]
		case r == '\u202C' || r == '\u2069':
			continue
		}
		b.WriteRune(r)
	}
	return open
}
