package quotes

import (
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// Edit is the change a ledger is reconciled across: each quoted field's text before and after
// it, by field name. The zero Edit says nothing of where quotes went.
type Edit struct {
	Before, After map[string]string
}

// span is a stretch of unchanged text, in code points: old[old:old+n) is new[new:new+n).
type span struct{ old, new, n int }

// kept returns the stretches of the field's text the edit left unchanged, in order; nil when
// the edit does not know the field.
func (ed Edit) kept(field string) []span {
	before, ok := ed.Before[field]
	after, ok2 := ed.After[field]
	if !ok || !ok2 {
		return nil
	}
	var out []span
	o, n := 0, 0
	for _, c := range worddiff.Words(before, after) {
		size := utf8.RuneCountInString(c.Text)
		switch c.Op {
		case worddiff.Equal:
			out = append(out, span{o, n, size})
			o, n = o+size, n+size
		case worddiff.Delete:
			o += size
		case worddiff.Insert:
			n += size
		}
	}
	return out
}

// follow returns where old code points [start, end) stand after the edit when it left them
// unchanged (kept: a quotation's range holds its marks, so its marks are the same marks), and -1
// when the edit touched them.
func follow(kept []span, start, end int) int {
	for _, s := range kept {
		if s.old <= start && end <= s.old+s.n {
			return s.new + start - s.old
		}
	}
	return -1
}
