package newsroom

import "strings"

// QuoteParagraphs numbers the paragraph each of qs opens in, by the quote's id, as a reader
// does: its place among the field's paragraphs that are not blank, counted from 1.
// Quote.Paragraph counts the field's lines from 0, blank lines between paragraphs included, as
// the quote finder reads the text; readers count neither from 0 nor the spacing. Each field is
// read once, however many quotes it holds: MaxQuotes quotes in a body of as many lines as
// MaxBody allows would otherwise read the body a thousand times over.
func (t Text) QuoteParagraphs(qs []Quote) map[int64]int {
	out := make(map[int64]int, len(qs))
	numbers := map[string][]int{}
	for _, q := range qs {
		n, ok := numbers[q.Field]
		if !ok {
			text, _ := t.Field(q.Field)
			n = readerNumbers(text)
			numbers[q.Field] = n
		}
		at := 0
		if q.Paragraph >= 0 {
			at = n[min(q.Paragraph, len(n)-1)]
		}
		out[q.ID] = max(at, 1)
	}
	return out
}

// readerNumbers returns, for each line of text, how many of the lines up to it and with it are
// not blank: the number a reader gives the paragraph on that line.
func readerNumbers(text string) []int {
	n := make([]int, 0, strings.Count(text, "\n")+1)
	count := 0
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) != "" {
			count++
		}
		n = append(n, count)
	}
	return n
}
