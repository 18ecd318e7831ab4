package newsroom

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text of a draft, in code points. They keep a draft within what a page, a feed and
// the request body limit can carry.
const (
	MaxTitle         = 300
	MaxByline        = 200
	MaxBrief         = 5000
	MaxBody          = 400000
	MaxTopics        = 50
	MaxTopic         = 100
	MaxEditorComment = 10000
	MaxNote          = 5000
)

// MaxParagraphs is the most paragraphs a body may hold: some 40 code points each at MaxBody, as
// many as a long transcript of short lines takes. Every paragraph costs its readers a part of the
// draft page (and a save its own look in the quote finder and the comments' anchoring), so a
// body cut into one-letter paragraphs would otherwise cost every reader of the piece seconds.
const MaxParagraphs = 10000

// MaxTextBytes is the most bytes a request carrying a text within the limits can take when the
// text is written composed, as the limits count it (NFC; see Normalize): twelve a character, as a character beyond the Basic Multilingual Plane takes escaped in JSON (a
// surrogate pair, \uXXXX\uXXXX) or percent-encoded in a form (four %XX), for every character
// each field may hold and a separator after each topic, and 64 KiB for the field names and a
// form's other fields. The limits are in characters, so that copy in Chinese or Hindi is held to
// the length English is, and a request's size must not refuse what they allow. Text sent
// decomposed can take more (a Korean syllable spelled as three letters is 27 bytes in a form).
const MaxTextBytes = 12*(MaxTitle+MaxByline+MaxBrief+MaxBody+MaxEditorComment+MaxTopics*(MaxTopic+1)) + 64<<10

// Normalize tidies t the way every save does. The title, byline, brief, topics and editor's
// comment are one line each: a line break inside one becomes a space, and they lose surrounding
// space and byte order marks. The body keeps one paragraph per line, whether lines end in "\n",
// "\r\n" or "\r", with lines that show nothing (see isBlank) dropped, and topics that show
// nothing are dropped too: a line of zero-width characters pasted among the topics is no topic,
// rather than one that refuses the whole save (see CheckLimits). Every field is put in Unicode's
// composed form, NFC, so that text typed or pasted as letters and separate accents is stored,
// searched and compared like the same text typed composed. The result is what the house text
// format writes and reads back unchanged (see internal/publish).
func (t Text) Normalize() Text {
	t.Title = oneLine(t.Title)
	t.Byline = oneLine(t.Byline)
	t.Brief = oneLine(t.Brief)
	t.EditorComment = oneLine(t.EditorComment)
	t.Body = NonBlankLines(replaceIn(paragraphBreaks, Composed(t.Body), "\r", "\u2028", "\u2029"))
	topics := make([]string, 0, len(t.Topics))
	for _, tp := range t.Topics {
		if tp = oneLine(tp); tp != "" {
			topics = append(topics, tp)
		}
	}
	t.Topics = topics
	return t
}

// NonBlankLines returns the lines of s, cut at "\n", without the blank ones. It goes through
// them one at a time rather than as a slice of them all, and twice, to allocate the result once
// at its size: what it allocates is then the size of s at most, not 16 bytes more for each of
// its lines and a growing copy, so that a body of a million one-letter lines, which fits in the
// request of a signed-in user, costs what its bytes do. A text without a blank line is its own
// result, returned without a copy: every save normalizes its text and the draft's, which
// almost always have none.
func NonBlankLines(s string) string {
	size := -1
	for line := range strings.SplitSeq(s, "\n") {
		if !isBlank(line) {
			size += len(line) + 1
		}
	}
	if size == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(max(size, 0))
	for line := range strings.SplitSeq(s, "\n") {
		if isBlank(line) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// paragraphBreaks turns every line end a body may arrive with into "\n". Unicode's line and
// paragraph separators (U+2028, U+2029) are line ends too: left in a field, they would break its
// line of the house text format for every reader that splits lines as Unicode does (Python's
// str.splitlines, editors), and shift every line after it.
var paragraphBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n")

// lineBreaks turns the line breaks inside a one-line field into spaces, the Unicode separators
// among them (see paragraphBreaks).
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ")

// replaceIn is r.Replace(s) where s holds any of olds, which are all r replaces, and s itself
// where it holds none: a strings.Replacer of several strings copies s twice even when it finds
// nothing to replace, and a save normalizes its text and the draft's, whose bodies almost never
// hold a line end but "\n". Each of olds is looked for on its own, as strings.Contains does it
// fast: strings.ContainsAny with a character beyond ASCII among its characters decodes s one
// rune at a time, and took as long as the copies it saved.
func replaceIn(r *strings.Replacer, s string, olds ...string) string {
	for _, old := range olds {
		if strings.Contains(s, old) {
			return r.Replace(s)
		}
	}
	return s
}

// oneLine makes s one line in NFC without surrounding space. A leading byte order mark goes too:
// at the head of a house-format file, where the title stands, it would be taken for the file's own.
// A field that shows nothing (see isBlank) becomes empty, so that an editor's comment of a
// zero-width space is no comment rather than an empty section under its heading.
func oneLine(s string) string {
	s = strings.TrimFunc(replaceIn(lineBreaks, Composed(s), "\r", "\n", "\u2028", "\u2029"), func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	if isBlank(s) {
		return ""
	}
	return s
}

// Validate checks a normalized text and returns an EINVALID error naming the first bad field,
// in its message and in the detail "field", for a form to mark it.
// It leaves out what only a whole piece needs (see CheckWhole), so that a draft can be saved
// unfinished.
func (t Text) Validate() error {
	if t.Title == "" {
		return Errorf(EINVALID, "title must not be empty").With("field", "title")
	}
	return t.CheckLimits()
}

// CheckLimits checks t against the limits on a draft's text (valid UTF-8 without NUL bytes,
// within each field's length, the topics' number) and returns an EINVALID error naming the
// first field over them, with the detail "field" as Validate's. Unlike Validate it lets the
// title be empty, for text still being typed. The body's paragraphs are held to their cap by
// CheckParagraphs, against the body they replace.
func (t Text) CheckLimits() error {
	fields := []struct {
		name, value string
		max         int
	}{
		{"title", t.Title, MaxTitle},
		{"byline", t.Byline, MaxByline},
		{"brief", t.Brief, MaxBrief},
		{"body", t.Body, MaxBody},
		{"editor_comment", t.EditorComment, MaxEditorComment},
	}
	for _, f := range fields {
		if err := CheckString(f.name, f.value, f.max); err != nil {
			return err.(*Error).With("field", f.name)
		}
	}
	if len(t.Topics) > MaxTopics {
		return Errorf(EINVALID, "at most %d topics, got %d", MaxTopics, len(t.Topics)).With("field", "topics")
	}
	for _, tp := range t.Topics {
		if isBlank(tp) {
			return Errorf(EINVALID, "topics must not be empty or show nothing").With("field", "topics")
		}
		if err := CheckString("topic", tp, MaxTopic); err != nil {
			return err.(*Error).With("field", "topics")
		}
	}
	return nil
}

// CheckParagraphs refuses t's body when it holds more than MaxParagraphs paragraphs and more than
// was's body, the one it replaces (the empty Text for a new draft), with an EINVALID error
// naming the body, as CheckLimits names a field. A body stored over the cap before it came in
// can so still be saved unchanged (with a new title, say), shortened, corrected word for word,
// and sent on, as CheckQuoteCount spares a text's quotes: only a save that adds paragraphs over
// the cap is refused. was's body is counted only when t's is over the cap.
func (t Text) CheckParagraphs(was Text) error {
	n := paragraphCount(t.Body)
	if n <= MaxParagraphs || n <= paragraphCount(was.Body) {
		return nil
	}
	return Errorf(EINVALID, "body has %d paragraphs; the limit is %d", n, MaxParagraphs).With("field", "body")
}

// paragraphCount is how many paragraphs body holds once normalized: its lines that show
// something, whatever line end each has (see paragraphBreaks). A working copy is checked as it
// was typed, with the line ends and the blank lines between its paragraphs that its save will
// make "\n" and drop (see Normalize), so its paragraphs are counted as its save and its page
// count them.
func paragraphCount(body string) int {
	n := 0
	for line := range strings.SplitSeq(replaceIn(paragraphBreaks, body, "\r", "\u2028", "\u2029"), "\n") {
		if !isBlank(line) {
			n++
		}
	}
	return n
}

// Outgrows reports whether t, a text edited from base, holds more code points over base's in a
// field than the field may hold at all: no merge of t with another edit of base can then be
// within the limits, for a merge keeps every word either side adds (or stops at a conflict), so
// such a save need not be merged to be refused.
func (t Text) Outgrows(base Text) bool {
	fields := []struct {
		value, from string
		max         int
	}{
		{t.Title, base.Title, MaxTitle},
		{t.Byline, base.Byline, MaxByline},
		{t.Brief, base.Brief, MaxBrief},
		{t.Body, base.Body, MaxBody},
		{t.EditorComment, base.EditorComment, MaxEditorComment},
	}
	for _, f := range fields {
		if utf8.RuneCountInString(f.value)-utf8.RuneCountInString(f.from) > f.max {
			return true
		}
	}
	return false
}

// CheckString rejects text that is not valid UTF-8, holds a NUL byte, or is longer than max code
// points, naming the field.
func CheckString(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s is not valid UTF-8", field)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return Errorf(EINVALID, "%s must not contain NUL bytes", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(EINVALID, "%s is %d characters long; the limit is %d", field, n, max)
	}
	return nil
}

// CheckLine is CheckString for text shown on one line, such as a person's name: it also refuses
// control characters (line breaks, tabs, a terminal's escape codes), which would break the line
// it is shown on in a list, an email's header or a log, and direction overrides and unclosed
// embeddings (see checkDirections), which would show the name reversed or turn the text after it.
func CheckLine(field, s string, max int) error {
	if err := CheckString(field, s, max); err != nil {
		return err
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return Errorf(EINVALID, "%s must be one line, without control characters such as line breaks or tabs", field)
	}
	return checkDirections(field, s)
}

// isBlank reports whether s shows nothing: it holds only spaces and characters that are never
// drawn, such as the zero-width space, joiners, direction marks, soft hyphens, variation selectors
// and byte order marks. Text pasted from a web page or a word processor brings lines of them, and
// such a line kept as a paragraph, a title or a note would go out as an empty one.
func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) && !invisible(r) }) < 0
}

// Blank reports whether s shows nothing (see isBlank). A topic or byline that an older version
// published so names no page: the public site neither links nor lists it.
func Blank(s string) bool { return isBlank(s) }

// invisible reports whether r is a character that is never drawn on its own: Unicode's default
// ignorable code points, the format characters among them, but not the prepended marks (the
// Arabic number sign), which are.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) &&
		!unicode.Is(unicode.Prepended_Concatenation_Mark, r)
}

// requireNote checks a note an action cannot go without: a blank one is refused with missing as
// the message, and any other is checked as CheckString checks a note.
func requireNote(note, missing string) error {
	if isBlank(note) {
		return Errorf(EINVALID, "%s", missing)
	}
	return CheckString("note", note, MaxNote)
}
