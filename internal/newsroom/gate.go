package newsroom

import "strings"

// Gate is something a workflow action waits for, as the workflow file names it.
type Gate string

// The gates an action may wait for.
const (
	// GateRequiredFields waits for a whole piece: a title, byline, brief and body that the
	// house format carries.
	GateRequiredFields Gate = "required_fields"
	// GateQuotesChecked waits until no quote is unchecked.
	GateQuotesChecked Gate = "quotes_checked"
	// GateQuotesCleared waits until no quote is unchecked, and no disputed quote stands without
	// an editor's waiver.
	GateQuotesCleared Gate = "quotes_cleared"
	// GateBriefMatchesBody waits until every quote in the brief is quoted word for word in the
	// body, and that body quote is cleared as GateQuotesCleared clears it (see CheckBrief).
	GateBriefMatchesBody Gate = "brief_matches_body"
	// GateCommentsResolved waits until every comment is resolved, unless the actor forces the
	// action with a note saying why.
	GateCommentsResolved Gate = "comments_resolved"
	// GateNote waits for a note saying why.
	GateNote Gate = "note"
)

// Gates lists every gate, in the order an action's are checked.
var Gates = []Gate{GateNote, GateRequiredFields, GateQuotesChecked, GateQuotesCleared, GateBriefMatchesBody, GateCommentsResolved}

// NoteGate refuses action without a note saying why.
func NoteGate(action Action, note string) error {
	if isBlank(note) {
		return Errorf(EINVALID, "%s needs a note saying why", action)
	}
	return nil
}

// JoinRefusals is the one refusal of an action that the gates refusals, in the gates' order,
// hold back: nil for none, the refusal itself for one, and for more the first's code with every
// message in turn ("… . Also: …") and every detail, so that whoever acts learns all that stands
// in the way at once, as a pre-publish checklist shows it, rather than one thing a try. A detail
// two refusals give (the quotes of two quote gates) keeps the first's.
func JoinRefusals(refusals []*Error) error {
	switch len(refusals) {
	case 0:
		return nil
	case 1:
		return refusals[0]
	}
	joined := &Error{Code: refusals[0].Code, Parts: refusals}
	msgs := make([]string, len(refusals))
	for i, r := range refusals {
		msgs[i] = r.Message
		for k, v := range r.Details {
			if _, ok := joined.Details[k]; !ok {
				joined = joined.With(k, v)
			}
		}
	}
	joined.Message = JoinMessages(msgs)
	return joined
}

// JoinMessages says the messages of refusals one after another, as JoinRefusals does.
func JoinMessages(msgs []string) string { return strings.Join(msgs, ". Also: ") }
