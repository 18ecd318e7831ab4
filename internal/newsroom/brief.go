package newsroom

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
// clears it (see Quote.Cleared). A brief quote a fact-checker marked as no quotation is not checked.
// Both sides are compared after briefText's normalisation: Unicode NFC, every run of
// white space (no-break spaces too) as one space, curly, low and angle quotation marks and
// corner brackets as straight ones, and the case of the first letter, and the commas, full
// stops, colons, semicolons and ellipses at either end of the brief's words ignored, since house
// style moves those. Every number of the brief (see numbersIn) must be stated somewhere in the
// body.
func CheckBrief(t Text, ledger []Quote) BriefCheck {
	body := make([]bodyQuote, 0, len(ledger))
	var brief []Quote
	for _, q := range ledger {
		switch {
		case q.Field == "body":
			body = append(body, bodyQuote{Quote: q, words: strings.Fields(briefText(q.Text))})
		case q.Field == "brief" && q.NotQuote == nil:
			brief = append(brief, q)
		}
	}
	words := newBodyWords(body)
	runs := make([]run, len(brief))
	briefWords := make([][]string, len(brief))
	for i, q := range brief {
		briefWords[i] = strings.Fields(briefText(q.Text))
		runs[i] = words.runOf(briefWords[i])
	}
	found := words.find(runs)
	near := newNearest(body)
	var c BriefCheck
	for i, q := range brief {
		switch {
		case found.cleared[i]:
		case found.first[i] >= 0:
			c.Quotes = append(c.Quotes, carried(q, body[found.first[i]].Quote))
		default:
			c.Quotes = append(c.Quotes, misquoted(q, near.closest(briefWords[i])))
		}
	}
	c.Numbers = missingNumbers(t.Brief, t.Body)
	return c
}

// Cleared reports whether nothing that approve, schedule or publish applies waits on quote q of
// the ledger c was found in: the quotes_cleared gate lets it through (see Quote.Cleared) and the
// brief_matches_body gate holds back no brief quote it is. The draft page folds away the forms of
// a cleared quote, so that the ones it leaves open are the ones those actions wait on.
func (c BriefCheck) Cleared(q Quote) bool {
	return q.Cleared() && !slices.ContainsFunc(c.Quotes, func(b BriefQuote) bool { return b.QuoteID == q.ID })
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
	what := fmt.Sprintf("%d brief quotes are not backed by the body", len(c.Quotes))
	if len(c.Quotes) == 1 {
		what = "a brief quote is not backed by the body"
	}
	return Errorf(ECONFLICT, "cannot %s yet: %s: %s", action, what, strings.Join(parts, "; ")).With("brief_quotes", c.Quotes)
}

// Untold is c without the brief quotes whose words a body quote in told carries: a quotes gate
// that refuses those body quotes says already what holds the brief back, since clearing them
// clears it, and a refusal that joins both gates should not name them twice.
func (c BriefCheck) Untold(told []int64) BriefCheck {
	kept := c.Quotes[:0:0]
	for _, q := range c.Quotes {
		if !q.Found || !slices.Contains(told, q.BodyQuoteID) {
			kept = append(kept, q)
		}
	}
	c.Quotes = kept
	return c
}

// bodyQuote is a body quote with its words as briefText gives them, normalised once for every
// brief quote.
type bodyQuote struct {
	Quote
	words []string
}

// carried is the finding for brief quote q, whose words body quote carrier carries uncleared.
func carried(q, carrier Quote) BriefQuote {
	return BriefQuote{QuoteID: q.ID, Text: q.Text, BodyQuoteID: carrier.ID, BodyText: carrier.Text, BodyStatus: carrier.Status, Found: true,
		Message: fmt.Sprintf("the brief's %q is body quote #%d, which is %s", ellipsis(q.Text, 60), carrier.ID, carrier.Status)}
}

// misquoted is the finding for brief quote q, whose words no body quote carries; best is the
// closest body quote, nil when the body quotes nothing.
func misquoted(q Quote, best *Quote) BriefQuote {
	bq := BriefQuote{QuoteID: q.ID, Text: q.Text}
	if best == nil {
		bq.Message = fmt.Sprintf("the brief quotes %q but the body quotes nothing", ellipsis(q.Text, 60))
		return bq
	}
	bq.BodyQuoteID, bq.BodyText, bq.BodyStatus = best.ID, best.Text, best.Status
	bq.Message = fmt.Sprintf("the brief quotes %q but the body quotes %q (#%d)", ellipsis(q.Text, 60), ellipsis(best.Text, 60), best.ID)
	return bq
}

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
		case strings.ContainsRune("‘’‚‛‹›『』", r):
			r = '\''
		case strings.ContainsRune("“”„‟«»「」", r):
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

// firstLower returns s with its first letter in lower case, s itself when it already is.
func firstLower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if l := unicode.ToLower(r); l != r {
		return string(l) + s[n:]
	}
	return s
}
