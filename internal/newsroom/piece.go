package newsroom

import (
	"strings"
	"unicode"
)

// Missing names the parts a piece cannot go out without that t lacks, in reading order: title,
// byline, brief, and body (at least one paragraph that is not blank).
func (t Text) Missing() []string {
	var missing []string
	for _, f := range []struct{ name, value string }{{"title", t.Title}, {"byline", t.Byline}, {"brief", t.Brief}} {
		if isBlank(f.value) {
			missing = append(missing, f.name)
		}
	}
	if isBlank(t.Body) {
		missing = append(missing, "body")
	}
	return missing
}

// CheckWhole checks that t is a whole piece: nothing Missing, every value valid, and no control
// character but tab (and the line ends between paragraphs). The error is EINVALID; when parts are
// missing it names every one of them, in the message and in the detail "missing".
func (t Text) CheckWhole() error {
	if missing := t.Missing(); len(missing) > 0 {
		return Errorf(EINVALID, "the piece has no %s yet", andList(missing)).With("missing", missing)
	}
	if err := t.Validate(); err != nil {
		return err
	}
	fields := []struct{ name, value string }{
		{"title", t.Title}, {"byline", t.Byline}, {"brief", t.Brief}, {"body", t.Body}, {"editor_comment", t.EditorComment},
	}
	for _, tp := range t.Topics {
		fields = append(fields, struct{ name, value string }{"topic", tp})
	}
	for _, f := range fields {
		if err := checkControls(f.name, f.value, f.name == "body"); err != nil {
			return err
		}
	}
	return nil
}

// CheckCorrectedBody checks the body a correction gives a published piece as CheckWhole checks
// a piece's: not blank, valid, and without control characters. Only the body is checked, so that
// a piece published before the whole-piece rule, without a byline say, can still be corrected.
func (t Text) CheckCorrectedBody() error {
	if err := t.Validate(); err != nil {
		return err
	}
	if isBlank(t.Body) {
		return Errorf(EINVALID, "a correction cannot leave the piece without a body").With("missing", []string{"body"})
	}
	return checkControls("body", t.Body, true)
}

// checkControls rejects control characters other than tab, and other than the line ends between
// paragraphs when paragraphs is true, and Unicode's 66 noncharacters (U+FDD0 to U+FDEF and the
// last two of every plane, U+FFFE and U+FFFF among them). A draft may hold them while it is
// written, but a piece may not: the house text format refuses control characters (one stray
// "\r" or bell would make a published piece unreadable there), XML, which the feed is, refuses
// U+FFFE and U+FFFF, so the feed would have to say other words than the page, and HTML makes
// every noncharacter a parse error, which the Nu Html Checker reports as a forbidden code point.
// It also holds s, or each of its paragraphs, to the rule for directional formatting characters
// (see checkDirections): every format puts a piece's lines next to other text.
func checkControls(field, s string, paragraphs bool) error {
	for _, r := range s {
		if isNoncharacter(r) {
			return Errorf(EINVALID, "%s must not contain the noncharacter %U, which no published format can carry", field, r)
		}
		if r != '\t' && !(paragraphs && r == '\n') && unicode.IsControl(r) {
			return Errorf(EINVALID, "%s must not contain the control character %U", field, r)
		}
	}
	if paragraphs {
		return checkParagraphDirections(field, s)
	}
	return checkDirections(field, s)
}

// isNoncharacter reports whether r is one of Unicode's 66 noncharacters: U+FDD0 to U+FDEF and
// the last two code points of every plane. It is unicode.Is(unicode.Noncharacter_Code_Point, r)
// without the table search, which a publish made for every letter of the piece.
func isNoncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
