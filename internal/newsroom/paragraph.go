package newsroom

import "strings"

// QuoteParagraph is the number a reader gives the paragraph where q opens: its place among the
// field's paragraphs that are not blank, counted from 1. Quote.Paragraph counts the field's
// lines from 0, blank lines between paragraphs included, as the quote finder reads the text;
// readers count neither from 0 nor the spacing.
func (t Text) QuoteParagraph(q Quote) int {
	text, _ := t.Field(q.Field)
	n := 0
	for i, line := range strings.Split(text, "\n") {
		if i > q.Paragraph {
			break
		}
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return max(n, 1)
}
