package newsroom

import "time"

// EventKind says what kind of change an Event records.
type EventKind string

// The kinds of change the store records.
const (
	EventDrafted         EventKind = "drafted"          // a draft was written or imported
	EventSaved           EventKind = "saved"            // a draft's text has a new revision
	EventTransitioned    EventKind = "transitioned"     // a draft moved between stages (scheduling among them)
	EventQuoteChecked    EventKind = "quote_checked"    // a quote was checked or waived
	EventCommented       EventKind = "commented"        // a comment was made, replied to, resolved or reopened
	EventPublished       EventKind = "published"        // a draft went public now
	EventReleased        EventKind = "released"         // a scheduled draft went public when its time came
	EventCorrected       EventKind = "corrected"        // a published article's correction went public
	EventUserChanged     EventKind = "user_changed"     // a user, their password or their sign-ins changed
	EventAssigned        EventKind = "assigned"         // a piece's assignee at a desk, or its deadline, changed
	EventMentioned       EventKind = "mentioned"        // a comment, reply or note mentioned a person (the subject)
	EventSettingsChanged EventKind = "settings_changed" // the site's settings or the newsroom's time zone changed
	EventInboxDone       EventKind = "inbox_done"       // a person (the subject) marked an entry of their inbox done
)

// Event is one change, recorded in the transaction that made it and delivered to listeners
// once that transaction has committed. DraftID, ActorID and SubjectID are 0 where there is
// none: no draft for a change to a user, no actor for the operator on the command line, and a
// subject (the user changed, assigned or mentioned, or whose inbox it is) only for user_changed,
// assigned, mentioned and inbox_done. Ref is what on the draft the event is about, where it is one thing: the comment
// thread of a commented or mentioned event, the quote of a quote_checked one; 0 otherwise. A release is the act of whoever scheduled
// it. Action names the step: a workflow action such as "approve", or "save", "reply",
// "reset_password" and so on. Stage is where the draft stands after it.
type Event struct {
	ID        int64
	Kind      EventKind
	DraftID   int64
	ActorID   int64
	SubjectID int64
	Ref       int64
	Action    string
	Stage     Stage
	At        time.Time
	// Local is true when this process made the change, and false when it was read from the
	// events table, written by another process on the same database. Counts each process
	// keeps of its own work use local events only.
	Local bool
}
