package search

import (
	"html"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Open and Close are the marks the databases put around a matched word in a snippet. They are
// control characters that the index's text never holds (IndexText removes them), so a mark in a
// snippet is always the database's.
const (
	Open  = "\x02"
	Close = "\x03"
)

// IndexText is s as the index keeps it: in NFC, without the characters snippets mark with.
func IndexText(s string) string {
	return strings.NewReplacer(Open, "", Close, "").Replace(norm.NFC.String(s))
}

// HTML turns a snippet marked with Open and Close into HTML: the text escaped, each marked word
// in <mark>. A mark left open at the end is closed.
func HTML(snippet string) string {
	var b strings.Builder
	open := false
	for snippet != "" {
		i := strings.IndexAny(snippet, Open+Close)
		if i < 0 {
			b.WriteString(html.EscapeString(snippet))
			break
		}
		b.WriteString(html.EscapeString(snippet[:i]))
		switch {
		case snippet[i:i+1] == Open && !open:
			b.WriteString("<mark>")
			open = true
		case snippet[i:i+1] == Close && open:
			b.WriteString("</mark>")
			open = false
		}
		snippet = snippet[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}
