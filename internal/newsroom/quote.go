package newsroom

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// QuoteStatus is where a quotation stands with the fact-checkers.
type QuoteStatus string

// The statuses of a quote. Every quote starts unchecked.
const (
	QuoteUnchecked    QuoteStatus = "unchecked"
	QuoteVerified     QuoteStatus = "verified"
	QuoteDisputed     QuoteStatus = "disputed"
	QuoteUnverifiable QuoteStatus = "unverifiable"
)

// QuoteKind is what a quotation does in the text, as the finder reads it.
type QuoteKind string

// The kinds of quotation. All stay in the ledger; the kind helps the fact-checker, who decides.
const (
	QuoteStatement QuoteKind = "statement" // words someone said or wrote
	QuoteTerm      QuoteKind = "term"      // scare quotes, or a word used as a word
	QuoteTitle     QuoteKind = "title"     // the name of a work, a sign or a slogan
)

// QuoteKinds are the kinds of quotation, in the order a ledger lists them.
var QuoteKinds = []QuoteKind{QuoteStatement, QuoteTerm, QuoteTitle}

// ParseQuoteKind returns the kind named s, or an EINVALID error.
func ParseQuoteKind(s string) (QuoteKind, error) {
	if k := QuoteKind(s); slices.Contains(QuoteKinds, k) {
		return k, nil
	}
	return "", Errorf(EINVALID, "unknown quote kind %q: want statement, term or title", s)
}

// QuotesOfKind returns the quotes of kind k, in their order.
func QuotesOfKind(qs []Quote, k QuoteKind) []Quote {
	var out []Quote
	for _, q := range qs {
		if q.Kind == k {
			out = append(out, q)
		}
	}
	return out
}

// Quote is one entry of a draft's quote ledger. Start and End count code points in the field's
// text (paragraphs joined with "\n"), from the opening mark to just after the closing one.
type Quote struct {
	ID        int64       `json:"id"`
	Field     string      `json:"field"`
	Text      string      `json:"text"`
	Speaker   string      `json:"speaker"`
	Kind      QuoteKind   `json:"kind"`
	Why       string      `json:"kind_reason"` // why the finder chose the kind, for the fact-checker
	Paragraph int         `json:"paragraph"`
	Start     int         `json:"start"`
	End       int         `json:"end"`
	Status    QuoteStatus `json:"status"`
	Note      string      `json:"note"`
	Source    string      `json:"source"`
	CheckedBy *Person     `json:"checked_by"`
	CheckedAt *time.Time  `json:"checked_at"`
	Waiver    *Waiver     `json:"waiver,omitempty"`
	NotQuote  *Dismissal  `json:"not_quote,omitempty"` // set when a fact-checker found it is no quotation
}

// Cleared reports whether the quotes_cleared gate lets q through: checked, a disputed quote only
// with an editor's waiver, or marked as no quotation. A body quote it lets through backs the
// brief; a brief quote it lets through may still wait on brief_matches_body, which
// BriefCheck.Cleared asks as well.
func (q Quote) Cleared() bool { return len(holding(GateQuotesCleared, []Quote{q})) == 0 }

// Dismissal records a fact-checker's finding that what the finder took for a quotation is none
// (a title the finder read as speech, a stray pair of marks), which takes it out of the gates.
type Dismissal struct {
	Note string    `json:"note"`
	By   Person    `json:"by"`
	At   time.Time `json:"at"`
}

// CheckDismissalNote checks the note of a dismissal: not blank, and within MaxNote.
func CheckDismissalNote(note string) error {
	return requireNote(note, "marking a quote as no quotation needs a note saying why")
}

// Waiver records an editor's decision to publish despite a disputed quote.
type Waiver struct {
	Note string    `json:"note"`
	By   Person    `json:"by"`
	At   time.Time `json:"at"`
}

// MaxQuotes is the most quotations the brief and the body of one piece may hold together. Each
// is a row of the ledger, written with its history inside the save's transaction, where it
// holds the database's writer: a body at the size limit can hold 200,000 empty pairs of marks,
// which took a save 17 seconds, and every other save in the newsroom waited for it. A long
// interview quotes a few hundred passages; this is several times that.
const MaxQuotes = 1000

// CheckQuoteCount refuses a text in which the finder found n quotations, more than MaxQuotes,
// where the version before it held had: a piece that held more before the cap, or under a finder
// that read fewer, may still be saved and corrected, as long as no save adds to them.
func CheckQuoteCount(n, had int) error {
	if n > MaxQuotes && n > had {
		return Errorf(EINVALID, "the text holds %d quotations; a piece may hold at most %d, each checked in the quote ledger", n, MaxQuotes)
	}
	return nil
}

// QuoteProblem is a quotation mark in a draft that never closes, or a closing mark with no opening.
type QuoteProblem struct {
	Field     string `json:"field"`
	Paragraph int    `json:"paragraph"`
	Position  int    `json:"position"`
	Message   string `json:"message"`
}

// QuoteEventsShown is how many of a quote's latest events a draft's page and the first page of
// its history carry. A quote's history has no end (flipping a verdict back and forth adds an
// event each time), so the rest are counted and read a page at a time (QuoteEventPage).
const QuoteEventsShown = 20

// QuoteEventPage is a page of one quote's events, newest first. Next continues it; it is empty
// on the last page.
type QuoteEventPage struct {
	Events []QuoteEvent `json:"events"`
	Next   string       `json:"next"`
}

// QuoteEvent is one change in a quote's history. Text, Speaker, Status, Note and Source are the
// quote's as the event left them, or, for an edit that put it back to unchecked ("reset" for its
// words, "doubted" for a copy of it pasted beside it, "reattributed" for its speaker), as they
// were before. Number is the event's place in the quote's whole history, the oldest 1, wherever
// a page of it is listed. ID names the event as a cursor: the page of the quote's events at it
// begins with the event just older.
type QuoteEvent struct {
	ID      int64       `json:"id"`
	QuoteID int64       `json:"quote_id"`
	Number  int         `json:"number"`
	Version int         `json:"version"`
	Event   string      `json:"event"`
	Text    string      `json:"text"`
	Speaker string      `json:"speaker"`
	Status  QuoteStatus `json:"status"`
	Note    string      `json:"note"`
	Source  string      `json:"source"`
	Actor   *Person     `json:"actor"`
	At      time.Time   `json:"at"`
}

// QuoteCheck is a fact-checker's verdict on a quote, made on the quote as its checker read it.
type QuoteCheck struct {
	Status QuoteStatus `json:"status"`
	Note   string      `json:"note"`
	Source string      `json:"source"`
	QuoteRead
}

// QuoteNote is a note on one quote (a waiver, or a finding that it is no quotation), made on the
// quote as its writer read it.
type QuoteNote struct {
	Note string `json:"note"`
	QuoteRead
}

// QuoteRead is a quote as the maker of a verdict or a note read it (see CheckQuoteRead): its
// words and the speaker the ledger credited, each nil when not given.
type QuoteRead struct {
	Text    *string `json:"text,omitempty"`
	Speaker *string `json:"speaker,omitempty"`
}

// NormalQuoteRead is a QuoteRead as CheckQuoteRead compares it, made by QuoteRead.Normalize:
// its words composed (NFC), its speaker's name as the ledger reads names (see SameSpeaker),
// each nil when not given.
type NormalQuoteRead struct {
	text, speaker *string
}

// Normalize returns r as CheckQuoteRead compares it. The store calls it before the transaction
// the check runs in: a quote's forms may carry as much as a whole body, and composing megabytes
// of combining marks takes a good part of a second, which every other write would wait for.
// Composing text already composed costs nearly as much, so the check does not compose it again.
func (r QuoteRead) Normalize() NormalQuoteRead {
	var n NormalQuoteRead
	if r.Text != nil {
		text := Composed(*r.Text)
		n.text = &text
	}
	if r.Speaker != nil {
		speaker := speakerName(*r.Speaker)
		n.speaker = &speaker
	}
	return n
}

// CheckQuoteRead refuses a verdict or a note on quote id made on the quote as read when it now
// reads otherwise (text) or is credited to someone else (speaker): a check stands for the words
// and the speaker its checker read, and given to words or a speaker they never read it would
// clear them unseen. The error's details carry the quote's id, its words and speaker now, and
// what changed ("changed": "text", "speaker" or both; see QuoteChanged). Words changed and changed
// back read as they were read, so a verdict on them stands. What read leaves nil (an API client
// that sends neither) is taken on trust. Both sides are compared composed (NFC): a quote stored
// before text was kept composed holds its words as they were typed, and the page sends them back
// composed. Only the quote's side is composed here, for it is a quote's length.
func CheckQuoteRead(id int64, read NormalQuoteRead, text, speaker string) error {
	c := QuoteChange{Text: text, Speaker: speaker}
	if read.text != nil && *read.text != Composed(text) {
		c.Changed = append(c.Changed, "text")
	}
	if read.speaker != nil && !strings.EqualFold(*read.speaker, speakerName(speaker)) {
		c.Changed = append(c.Changed, "speaker")
	}
	if len(c.Changed) == 0 {
		return nil
	}
	now, check := c.Now()
	return Errorf(ECONFLICT, "quote #%d changed since it was read: %s; check %s", id, now, check).
		With("quote_id", id).With("text", text).With("speaker", speaker).With("changed", c.Changed)
}

// QuoteChange is what changed about a quote since it was read ("text", "speaker" or both), and
// its words and speaker now.
type QuoteChange struct {
	Changed       []string
	Text, Speaker string
}

// Now says what the quote is now ("it now reads “…”") and what to check again ("the new
// words").
func (c QuoteChange) Now() (now, check string) {
	credit := "credited to nobody"
	if c.Speaker != "" {
		credit = "credited to “" + c.Speaker + "”"
	}
	switch {
	case len(c.Changed) == 2:
		return "it now reads “" + c.Text + "”, " + credit, "the new words and who said them"
	case slices.Contains(c.Changed, "speaker"):
		return "it is now " + credit, "who said it"
	default:
		return "it now reads “" + c.Text + "”", "the new words"
	}
}

// QuoteChanged returns what changed when err is CheckQuoteRead's refusal of a verdict or note made
// on a quote as it was before, and ok false for any other error.
func QuoteChanged(err error) (c QuoteChange, ok bool) {
	var e *Error
	if !errors.As(err, &e) || e.Code != ECONFLICT {
		return c, false
	}
	c.Changed, ok = e.Details["changed"].([]string)
	c.Text, _ = e.Details["text"].(string)
	c.Speaker, _ = e.Details["speaker"].(string)
	return c, ok
}

// SameSpeaker reports whether a and b name the same speaker, as the ledger reads names: letter
// case, the spaces between words, and letters written composed or decomposed (a name stored
// before text was kept in NFC) do not tell them apart.
func SameSpeaker(a, b string) bool {
	return strings.EqualFold(speakerName(a), speakerName(b))
}

// speakerName is name as SameSpeaker compares it, but for letter case: composed, with its words
// one space apart.
func speakerName(name string) string {
	return strings.Join(strings.Fields(Composed(name)), " ")
}

// Validate checks the verdict: a known status, and a note for disputed and unverifiable ones.
func (c QuoteCheck) Validate() error {
	switch c.Status {
	case QuoteVerified:
	case QuoteDisputed, QuoteUnverifiable:
		if isBlank(c.Note) {
			return Errorf(EINVALID, "a %s quote needs a note saying why", c.Status)
		}
	default:
		return Errorf(EINVALID, "status must be verified, disputed or unverifiable, not %q", c.Status)
	}
	if err := CheckString("note", c.Note, MaxNote); err != nil {
		return err
	}
	return CheckString("source", c.Source, MaxNote)
}

// QuoteGate returns the error that stops action while quotes hold back gate, or nil:
// GateQuotesChecked needs every quote checked; GateQuotesCleared also refuses a disputed quote
// unless an editor waived it. A quote a fact-checker marked as no quotation holds nothing back. The error's detail "quotes" lists their ids.
func QuoteGate(action Action, gate Gate, quotes []Quote) error {
	blocking := holding(gate, quotes)
	if len(blocking) == 0 {
		return nil
	}
	return Errorf(ECONFLICT, "cannot %s yet: %s; %s", action, notCleared(blocking), toClear(blocking)).With("quotes", quoteIDs(blocking))
}

// CorrectionGate returns the error that holds back a correction while the quotes of the draft's
// corrected text are not cleared as a publish needs them, or nil. A published piece's quotes were
// all cleared, so what holds it back is a quote the correction added or changed. The correction
// waits as version of draft draftID until those quotes are checked and it is sent again; the
// error names them as QuoteGate does, with the details "draft_id" and "version" besides.
func CorrectionGate(draftID int64, version int, quotes []Quote) error {
	blocking := holding(GateQuotesCleared, quotes)
	if len(blocking) == 0 {
		return nil
	}
	return Errorf(ECONFLICT, "the correction is held as version %d of draft %d: %s; %s, then send the correction again",
		version, draftID, notCleared(blocking), toClear(blocking)).With("quotes", quoteIDs(blocking)).With("draft_id", draftID).With("version", version)
}

// holding returns the quotes that hold gate back.
func holding(gate Gate, quotes []Quote) []Quote {
	var blocking []Quote
	for _, q := range quotes {
		switch {
		case q.NotQuote != nil:
		case q.Status == QuoteUnchecked && (gate == GateQuotesChecked || gate == GateQuotesCleared):
			blocking = append(blocking, q)
		case q.Status == QuoteDisputed && q.Waiver == nil && gate == GateQuotesCleared:
			blocking = append(blocking, q)
		}
	}
	return blocking
}

// notCleared lists the blocking quotes for a message, by the numbers the draft page shows them
// with: `quote #4 "…" is unchecked`, or `2 quotes are not cleared: #4 "…" (unchecked); …`.
func notCleared(blocking []Quote) string {
	if len(blocking) == 1 {
		q := blocking[0]
		return fmt.Sprintf("quote #%d %q is %s", q.ID, ellipsis(q.Text, 60), q.Status)
	}
	parts := make([]string, len(blocking))
	for i, q := range blocking {
		parts[i] = fmt.Sprintf("#%d %q (%s)", q.ID, ellipsis(q.Text, 60), q.Status)
	}
	return fmt.Sprintf("%d quotes are not cleared: %s", len(blocking), strings.Join(parts, "; "))
}

// toClear says what moves the blocking quotes on: a fact-checker's check, and for a disputed
// quote an editor's waiver.
func toClear(blocking []Quote) string {
	step := "a fact-checker checks each"
	if len(blocking) == 1 {
		step = "a fact-checker checks it"
	}
	if slices.ContainsFunc(blocking, func(q Quote) bool { return q.Status == QuoteDisputed }) {
		step += " (an editor may waive a disputed quote, with a note)"
	}
	return step
}

func quoteIDs(quotes []Quote) []int64 {
	ids := make([]int64, len(quotes))
	for i, q := range quotes {
		ids[i] = q.ID
	}
	return ids
}

// ellipsis cuts s to n code points, the last of them "…", and reads s no further than the cut,
// since s may be a body quote as long as the body.
func ellipsis(s string, n int) string {
	cut, k := 0, 0
	for i := range s {
		if k == n-1 {
			cut = i
		}
		if k == n {
			return s[:cut] + "…"
		}
		k++
	}
	return s
}
