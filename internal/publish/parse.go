package publish

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Document is what a file in the house text format holds, as read by Parse.
type Document struct {
	Title, Byline string
	Date          time.Time // the date line at midnight UTC; the format holds a date, no time or zone
	Brief         string
	Body          []string // paragraphs, never empty
	Topics        []string // nil when the file lists none
	EditorComment string   // may be empty
	Corrections   []Correction
}

// ParseError says where a house-format file stops following the format. Expected and Found are
// phrases for people: literal lines are quoted, long ones cut short with "…".
type ParseError struct {
	Line     int // 1-based
	Expected string
	Found    string
}

// Error reads like `line 5: expected "Brief", found "Mexican President…"`.
func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: expected %s, found %s", e.Line, e.Expected, e.Found)
}

// The house format's headings, each a line of its own.
const (
	headingBrief       = "Brief"
	headingTopics      = "Topics"
	headingComment     = "Editor's Comments"
	headingCorrections = "Corrections"
)

// Parse reads a file in the house text format. footer is the site's footer: when the file ends
// with exactly those lines they are recognised and dropped; a file without them is accepted too.
// A UTF-8 byte order mark, CRLF line ends and one trailing newline are tolerated; invalid UTF-8
// and control characters other than tab are not. Every error is a *ParseError.
//
// The Editor's Comments section may be left out, as Text does when there is no comment.
//
// The format has no escaping: a body paragraph that is exactly "Topics" or "Editor's Comments",
// or a topic that is exactly "Editor's Comments" or "Corrections", reads as that heading, so such
// a piece does not round-trip. HeadingClashes finds them; the newsroom refuses to submit such a
// piece.
func Parse(data []byte, footer []string) (Document, error) {
	// Parse strips every leading byte order mark, not just one, so that no title can start with
	// one: Text would write it first in the file, and reading that back would lose it.
	for bytes.HasPrefix(data, []byte("\uFEFF")) {
		data = data[3:]
	}
	p := &parser{lines: splitLines(string(data)), footer: footer}
	if err := checkLines(p.lines); err != nil {
		return Document{}, err
	}
	var d Document
	d.Title = p.text("a title")
	p.exact("")
	d.Byline = p.text("a byline")
	d.Date = p.date()
	p.exact(headingBrief)
	d.Brief = p.text("the brief")
	d.Body = p.body()
	p.exact(headingTopics)
	d.Topics = p.topics()
	d.EditorComment = p.comment()
	d.Corrections = p.corrections()
	if p.err != nil {
		return Document{}, p.err
	}
	return d, nil
}

// HeadingClashes names each body paragraph and topic that Text would write as a line Parse reads
// as a heading, like `body paragraph 2 is "Topics"`, numbering from 1. Every other field is read
// by its place in the file, so none of them can clash.
func HeadingClashes(body, topics []string) []string {
	var clashes []string
	for i, p := range body {
		if p == headingTopics || p == headingComment {
			clashes = append(clashes, fmt.Sprintf("body paragraph %d is %q", i+1, p))
		}
	}
	for i, t := range topics {
		if t == headingComment || t == headingCorrections {
			clashes = append(clashes, fmt.Sprintf("topic %d is %q", i+1, t))
		}
	}
	return clashes
}

// splitLines cuts the file into lines, dropping one trailing newline and the "\r" of CRLF.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// checkLines rejects what no line may hold: bytes that are not UTF-8, and control characters
// other than tab. A lone "\r" is one of them: written back out with "\n" after it, it would be
// read as part of a CRLF line end and lost.
func checkLines(lines []string) *ParseError {
	for i, l := range lines {
		for j, r := range l {
			if r == utf8.RuneError && !strings.HasPrefix(l[j:], "\uFFFD") {
				return &ParseError{Line: i + 1, Expected: "UTF-8 text", Found: fmt.Sprintf("the byte 0x%02X", l[j])}
			}
			if r != '\t' && unicode.IsControl(r) {
				return &ParseError{Line: i + 1, Expected: "text without control characters", Found: fmt.Sprintf("control character %U", r)}
			}
		}
	}
	return nil
}

// parser walks the lines once. Its first error sticks and turns every later step into a no-op,
// so Parse reads as the format's layout, line by line, without an error check after each.
type parser struct {
	lines  []string
	footer []string
	i      int // index of the next line
	err    *ParseError
}

// line returns the next line, and false at the end of the file.
func (p *parser) line() (string, bool) {
	if p.i >= len(p.lines) {
		return "", false
	}
	return p.lines[p.i], true
}

// fail records that the next line is not what was expected, unless an error came first.
func (p *parser) fail(expected string) {
	if p.err != nil {
		return
	}
	found := "end of file"
	if l, ok := p.line(); ok {
		found = describe(l)
	}
	p.err = &ParseError{Line: p.i + 1, Expected: expected, Found: found}
}

// describe quotes a line for an error message, cut at a word boundary after about 24 characters.
func describe(l string) string {
	if l == "" {
		return "an empty line"
	}
	const max = 24
	if utf8.RuneCountInString(l) > max {
		cut := l[:len(string([]rune(l)[:max]))]
		if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
			cut = cut[:sp]
		}
		l = strings.TrimRight(cut, " ") + "…"
	}
	return strconv.Quote(l)
}

// blank reports a line with nothing to read in it.
func blank(l string) bool { return strings.TrimSpace(l) == "" }

// text reads a line that must say something.
func (p *parser) text(expected string) string {
	l, ok := p.line()
	if p.err != nil || !ok || blank(l) {
		p.fail(expected)
		return ""
	}
	p.i++
	return l
}

// exact reads a line that must be want: a heading, or the empty line after the title.
func (p *parser) exact(want string) {
	if l, ok := p.line(); p.err != nil || !ok || l != want {
		p.fail(describe(want))
		return
	}
	p.i++
}

// date reads a date written exactly as dateLayout writes it, so that the line round-trips.
func (p *parser) date() time.Time {
	l, _ := p.line()
	t, err := parseDay(l)
	if p.err != nil || err != nil {
		p.fail(`a date like "January 2, 2006"`)
		return time.Time{}
	}
	p.i++
	return t
}

// parseDay parses a date and rejects spellings dateLayout would not write, like "May 07, 2025".
func parseDay(s string) (time.Time, error) {
	t, err := time.Parse(dateLayout, s)
	if err == nil && t.Format(dateLayout) != s {
		err = fmt.Errorf("publish: date %q is not written as %q", s, dateLayout)
	}
	return t, err
}

// body reads the paragraphs up to the Topics heading: at least one, none blank. The footer or
// the Editor's Comments heading there mean the Topics heading is missing; saying so beats
// reading the rest of the file as paragraphs and failing at its end.
func (p *parser) body() []string {
	var body []string
	for p.err == nil {
		l, ok := p.line()
		if ok && l == headingTopics && len(body) > 0 {
			return body
		}
		if !ok || blank(l) || l == headingTopics || l == headingComment || p.atFooter() {
			if len(body) == 0 {
				p.fail("a body paragraph")
			} else {
				p.fail(`a body paragraph or "Topics"`)
			}
			return nil
		}
		body = append(body, l)
		p.i++
	}
	return nil
}

// topics reads one topic per line, possibly none, up to the next section's heading, the footer
// or the end of the file.
func (p *parser) topics() []string {
	var topics []string
	for p.err == nil {
		l, ok := p.line()
		if !ok || l == headingComment || l == headingCorrections || p.atFooter() {
			return topics
		}
		if blank(l) {
			p.fail(`a topic, "Editor's Comments" or "Corrections"`)
			return nil
		}
		topics = append(topics, l)
		p.i++
	}
	return nil
}

// comment reads the Editor's Comments section, a heading and one line that may be empty, or
// nothing when the section is left out. A file that goes from the heading straight to its end or
// its footer has left the empty line out, and means the same.
func (p *parser) comment() string {
	if l, ok := p.line(); p.err != nil || !ok || l != headingComment {
		return ""
	}
	p.i++
	l, ok := p.line()
	if !ok || p.atFooter() {
		return ""
	}
	p.i++
	return l
}

// corrections reads the optional Corrections section, then expects the footer or the end.
func (p *parser) corrections() []Correction {
	if p.err != nil || p.atEnd() {
		return nil
	}
	if l, _ := p.line(); l != headingCorrections {
		if len(p.footer) > 0 {
			p.fail(`"Corrections" or the footer`)
		} else {
			p.fail(`"Corrections" or end of file`)
		}
		return nil
	}
	p.i++
	var list []Correction
	for len(list) == 0 || !p.atEnd() {
		l, _ := p.line()
		day, note, ok := strings.Cut(l, ": ")
		at, err := parseDay(day)
		if !ok || err != nil || blank(note) {
			p.fail(`a correction like "May 8, 2025: what was corrected"`)
			return nil
		}
		list = append(list, Correction{At: at, Note: note})
		p.i++
	}
	return list
}

// atFooter reports whether the lines left are exactly the site's footer.
func (p *parser) atFooter() bool {
	return len(p.footer) > 0 && slices.Equal(p.lines[p.i:], p.footer)
}

// atEnd reports whether only the footer, or nothing, is left; it consumes the footer.
func (p *parser) atEnd() bool {
	if p.i == len(p.lines) || p.atFooter() {
		p.i = len(p.lines)
		return true
	}
	return false
}
