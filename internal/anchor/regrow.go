package anchor

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// RegrowAll widens each result of results, found in text, back to quotes[i], the words its
// comment was first made on, when an edit that cut some of those words away (its result then
// the words left) is undone: text holds the quote whole around the result's words, at the one
// place within the quote where those words stand. Restoring an earlier revision, or typing the
// cut words again, so gives the comment back the words it was made on, and only those around
// the words it is on now, never a copy of them elsewhere. A widened result is Moved, its words
// other than those its selector held. Quote, words and text are compared composed (NFC): a quote
// stored as typed, before texts were kept composed, is the same words as the text's composed
// ones. It decodes text once, normalizing it only when it is not in NFC, compares only around
// each result that is a part of its quote, and pays for what it reads and compares from w: a
// result w cannot pay for keeps the words it has, as it would were the cut not undone.
func (w *Work) RegrowAll(text string, results []Result, quotes []string) {
	var stored, runes []rune
	var n *nfcText
	for i, res := range results {
		if res.Status == Detached || res.Exact == "" {
			continue
		}
		q, words := norm.NFC.String(quotes[i]), norm.NFC.String(res.Exact)
		if q == words || !strings.Contains(q, words) {
			continue
		}
		if stored == nil {
			stored = []rune(text)
			runes = stored
			if !norm.NFC.IsNormalString(text) {
				if !w.b.spend(normalCost * len(stored)) {
					return
				}
				n = newNFCText(text)
				runes = n.runes
			}
		}
		at := Result{Start: res.Start, Exact: words}
		if n != nil {
			at.Start = n.from[min(max(res.Start, 0), len(n.from)-1)]
		}
		s, ok := regrow(runes, at, q, &w.b)
		if !ok {
			continue
		}
		e := s + utf8.RuneCountInString(q)
		if n != nil {
			s, e = n.orig[s], n.orig[e]
		}
		next := selectorAt(stored, s, e)
		results[i] = Result{Start: next.Start, End: next.End, Exact: next.Exact, Status: Moved, Next: next}
	}
}

// regrow returns where quote q starts in text when it holds res's words at exactly one place
// of q and text holds q whole there. It looks for the words in q with strings.Index, and stops
// at the second place that text holds whole, or when b cannot pay for the next search or
// comparison; it then reports false.
func regrow(text []rune, res Result, q string, b *budget) (int, bool) {
	quote := []rune(q)
	found, at := 0, 0
	for off, k := 0, 0; found < 2; {
		j := strings.Index(q[off:], res.Exact)
		if j < 0 {
			if !b.charge(len(q) - off) {
				return 0, false
			}
			break
		}
		if !b.charge(j + len(res.Exact)) {
			return 0, false
		}
		k += utf8.RuneCountInString(q[off : off+j])
		if s := res.Start - k; s >= 0 && s+len(quote) <= len(text) {
			same, paid := equalPaid(text[s:s+len(quote)], quote, b)
			if !paid {
				return 0, false
			}
			if same {
				found, at = found+1, s
			}
		}
		_, size := utf8.DecodeRuneInString(q[off+j:])
		off, k = off+j+size, k+1
	}
	return at, found == 1
}

// equalPaid reports whether a and b, of one length, are equal, paying bud for the code points it
// compares, up to the first that differs; paid is false when bud could not pay.
func equalPaid(a, b []rune, bud *budget) (same, paid bool) {
	for k := range a {
		if a[k] != b[k] {
			return false, bud.charge(k + 1)
		}
	}
	return true, bud.charge(len(a))
}
