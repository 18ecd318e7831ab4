package publish

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown renders the article as CommonMark: the title as a level-one heading, the byline and
// date, then "Brief", "Topics", "Editor's Comments" and "Corrections" as level-two headings like
// the house format's, each left out when it has nothing under it, and the footer after a rule. Text is escaped so
// that it reads as written: no "*" turns into emphasis and no "<script>" into raw HTML.
func Markdown(site Site, a Article) []byte {
	var b bytes.Buffer
	para := func(s string) {
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	para("# " + mdHeading(mdEscape(a.Title)))
	para(mdEscape(a.Byline))
	para(site.day(a.firstPublished()))
	para("## " + headingBrief)
	para(mdEscape(a.Brief))
	for _, p := range a.Body {
		para(mdEscape(p))
	}
	if len(a.Topics) > 0 {
		para("## " + headingTopics)
		for _, t := range a.Topics {
			b.WriteString("- " + mdEscape(t) + "\n")
		}
		b.WriteString("\n")
	}
	if a.EditorComment != "" {
		para("## " + headingComment)
		para(mdEscape(a.EditorComment))
	}
	if len(a.Corrections) > 0 {
		para("## " + headingCorrections)
		for _, c := range a.Corrections {
			b.WriteString("- " + mdEscape(site.correction(c)) + "\n")
		}
		b.WriteString("\n")
	}
	if len(site.Footer) > 0 {
		para("---")
		for _, f := range site.Footer {
			para(mdEscape(f))
		}
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// mdInline escapes the characters that start inline Markdown anywhere in a line: emphasis,
// code, links, raw HTML, strikethrough and tables. "&" and "_" are escaped only where they would
// start something (see mdEntity and mdUnderscores): a backslash ends a bare URL for the readers
// that link them (GitHub's), so "https://example.org/a_b?c=1&d=2" escaped throughout would link
// only "https://example.org/a".
var mdInline = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `~`, `\~`, `|`, `\|`,
)

// mdEntity matches what CommonMark reads as a character reference, &copy;, &#169; or &#xA9;,
// the only place where "&" is more than itself.
var mdEntity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);`)

// mdBlockStart matches what would open a block at the start of a line: a heading, a list item,
// an ordered list item or a thematic break.
var mdBlockStart = regexp.MustCompile(`^([#+=-]|\d+[.)])`)

// mdEscape makes one line of text literal Markdown. It trims the line because leading spaces
// are insignificant in a Markdown paragraph, except four of them, which would start a code block.
func mdEscape(s string) string {
	s = mdInline.Replace(strings.TrimSpace(oneLine(s)))
	s = mdUnderscores(mdEntity.ReplaceAllString(s, `\$0`))
	return mdBlockStart.ReplaceAllStringFunc(s, func(m string) string {
		return m[:len(m)-1] + `\` + m[len(m)-1:]
	})
}

// mdClosing matches what CommonMark reads as an ATX heading's closing sequence, which it drops:
// a run of "#" at the end of the heading after a space or a tab.
var mdClosing = regexp.MustCompile(`[ \t]#+$`)

// mdHeading keeps the "#" that ends an escaped heading's text, as in "Dial 0300 and Press #",
// from being read as the heading's closing sequence and lost, by escaping the first of them.
func mdHeading(s string) string {
	if loc := mdClosing.FindStringIndex(s); loc != nil {
		return s[:loc[0]+1] + `\` + s[loc[0]+1:]
	}
	return s
}

// mdUnderscores escapes every "_" but those between two letters or digits (snake_case, a URL's
// some_page), which CommonMark never reads as opening or closing emphasis.
func mdUnderscores(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	var b strings.Builder
	prev := utf8.RuneError
	for i, r := range s {
		if r == '_' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if !isAlnum(prev) || !isAlnum(next) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
