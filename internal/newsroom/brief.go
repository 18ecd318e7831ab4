package newsroom

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The brief is what readers see first and what the feed carries, so what it quotes must be what
// the article quotes, checked there. CheckBrief compares the two; BriefGate holds an action back
// on what CheckBrief finds.

// BriefQuote is a quotation in the brief that holds approval back: the body never quotes its
// words (a misquote between brief and body, or a quote only in the brief), or the body quote
// that carries them is not verified and no editor waived it.
type BriefQuote struct {
	QuoteID     int64       `json:"quote_id"`                // the brief's entry in the ledger
	Text        string      `json:"text"`                    // the brief's words
	BodyQuoteID int64       `json:"body_quote_id,omitempty"` // the body quote that carries the words, else the closest one
	BodyText    string      `json:"body_text"`               // that body quote's words, "" when the body quotes nothing
	BodyStatus  QuoteStatus `json:"body_status,omitempty"`   // that body quote's status
	Found       bool        `json:"found"`                   // whether the body quote carries the brief's words
	Message     string      `json:"message"`
}

// BriefNumber is a number in the brief that the body never states. It is a warning for the
// fact-checker, like a QuoteProblem, and holds nothing back.
type BriefNumber struct {
	Text     string `json:"text"`     // the number as the brief writes it, such as "$1.2 million"
	Position int    `json:"position"` // code-point offset in the brief
	Message  string `json:"message"`
}

// BriefCheck is what the brief says that the body does not back.
type BriefCheck struct {
	Quotes  []BriefQuote  `json:"quotes"`
	Numbers []BriefNumber `json:"numbers"`
}

// CheckBrief compares the brief of t with its body through the draft's ledger, which holds the
// quotes of both fields. Every brief quote must appear word for word in a body quote, as the whole
// quote or a run of its words, and that body quote must be cleared as the quotes_cleared gate
// clears it (see cleared). A brief quote a fact-checker marked as no quotation is not checked.
// Both sides are compared after briefText's normalisation: Unicode NFC, every run of
// white space (no-break spaces too) as one space, curly, low and angle quotation marks as straight
// ones, and the case of the first letter, and the commas, full stops, colons, semicolons and
// ellipses at either end of the brief's words ignored, since house style moves those. Every
// number of the brief (see numbersIn) must be stated somewhere in the body.
func CheckBrief(t Text, ledger []Quote) BriefCheck {
	var body []bodyQuote
	for _, q := range ledger {
		if q.Field == "body" {
			words := strings.Fields(briefText(q.Text))
			body = append(body, bodyQuote{Quote: q, words: words, loose: loose(words)})
		}
	}
	var c BriefCheck
	for _, q := range ledger {
		if q.Field != "brief" || q.NotQuote != nil {
			continue
		}
		if bq, held := checkBriefQuote(q, body); held {
			c.Quotes = append(c.Quotes, bq)
		}
	}
	c.Numbers = missingNumbers(t.Brief, t.Body)
	return c
}

// BriefGate returns the error that stops action while the brief's quotes do not match the body
// or its matching body quotes are not cleared, or nil. The error's detail "brief_quotes" lists
// them, each with the brief's words and the closest body quote's.
func BriefGate(action Action, c BriefCheck) error {
	if len(c.Quotes) == 0 {
		return nil
	}
	parts := make([]string, len(c.Quotes))
	for i, q := range c.Quotes {
		parts[i] = q.Message
	}
	return Errorf(ECONFLICT, "cannot %s: %d brief quote(s) not backed by the body: %s",
		action, len(c.Quotes), strings.Join(parts, "; ")).With("brief_quotes", c.Quotes)
}

// bodyQuote is a body quote with its words, normalised once for every brief quote: as
// briefText gives them, and as loose gives them.
type bodyQuote struct {
	Quote
	words, loose []string
}

// checkBriefQuote matches brief quote q against the body's quotes and reports whether it holds
// approval back.
func checkBriefQuote(q Quote, body []bodyQuote) (BriefQuote, bool) {
	words := strings.Fields(briefText(q.Text))
	bq := BriefQuote{QuoteID: q.ID, Text: q.Text}
	var carrier *Quote
	for i := range body {
		if !containsRun(body[i].words, words) {
			continue
		}
		if cleared(body[i].Quote) {
			return bq, false
		}
		if carrier == nil {
			carrier = &body[i].Quote
		}
	}
	if carrier != nil {
		bq.BodyQuoteID, bq.BodyText, bq.BodyStatus, bq.Found = carrier.ID, carrier.Text, carrier.Status, true
		bq.Message = fmt.Sprintf("the brief's %q is body quote #%d, which is %s", ellipsis(q.Text, 60), carrier.ID, carrier.Status)
		return bq, true
	}
	if best := closest(words, body); best != nil {
		bq.BodyQuoteID, bq.BodyText, bq.BodyStatus = best.ID, best.Text, best.Status
		bq.Message = fmt.Sprintf("the brief quotes %q but the body quotes %q (#%d)", ellipsis(q.Text, 60), ellipsis(best.Text, 60), best.ID)
		return bq, true
	}
	bq.Message = fmt.Sprintf("the brief quotes %q but the body quotes nothing", ellipsis(q.Text, 60))
	return bq, true
}

// cleared reports whether a body quote may back the brief: whatever the quotes_cleared gate lets
// through (checked, a disputed one only with an editor's waiver, or marked as no quotation), so
// that a quote approval accepts in the body also backs the brief.
func cleared(q Quote) bool { return len(holding(GateQuotesCleared, []Quote{q})) == 0 }

// briefText normalises s for comparison: NFC, straight quotation marks, single spaces.
func briefText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case strings.ContainsRune("‘’‚‛‹›", r):
			r = '\''
		case strings.ContainsRune("“”„‟«»", r):
			r = '"'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// edgePunct is the punctuation ignored at either end of a brief quote.
const edgePunct = ",.;:…"

// containsRun reports whether words appear as a run in body. The first word is compared without
// leading edge punctuation and with its first letter in either case, the last without trailing
// edge punctuation, since a fragment ends where the body's sentence goes on.
func containsRun(body, words []string) bool {
	if len(words) == 0 || len(words) > len(body) {
		return false
	}
	for i := 0; i+len(words) <= len(body); i++ {
		if runAt(body[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

func runAt(body, words []string) bool {
	last := len(words) - 1
	for j, w := range words {
		b := body[j]
		if j == last {
			w, b = strings.TrimRight(w, edgePunct), strings.TrimRight(b, edgePunct)
		}
		if j == 0 {
			w, b = firstLower(strings.TrimLeft(w, edgePunct)), firstLower(strings.TrimLeft(b, edgePunct))
		}
		if w != b {
			return false
		}
	}
	return true
}

func firstLower(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

// closest returns the body quote that shares the longest run of words with the brief's words,
// compared without case or edge punctuation, or nil when the body quotes nothing.
func closest(words []string, body []bodyQuote) *Quote {
	key := loose(words)
	var best *Quote
	bestRun := -1
	for i := range body {
		if n := longestRun(key, body[i].loose); n > bestRun {
			best, bestRun = &body[i].Quote, n
		}
	}
	return best
}

func loose(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(strings.Trim(w, edgePunct+`"'!?`))
	}
	return out
}

// longestRun is the length of the longest common run of words of a and b.
func longestRun(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	best := 0
	for i := range a {
		for j := range b {
			cur[j+1] = 0
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return best
}
