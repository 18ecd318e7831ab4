package newsroom

import (
	"fmt"
	"strings"
	"time"
)

// InboxKind says why an entry is in a person's inbox.
type InboxKind string

// The kinds of inbox entry, in the order an inbox lists them.
const (
	InboxAssigned  InboxKind = "assigned"  // a piece assigned to them at the desk it is at
	InboxReturned  InboxKind = "returned"  // their piece came back to them with a note
	InboxQuotes    InboxKind = "quotes"    // quotes on a piece wait for their check
	InboxThreads   InboxKind = "threads"   // a thread addressed to them or on their piece waits for their answer
	InboxMentions  InboxKind = "mentions"  // a comment, reply or note mentioned them and they have not answered
	InboxScheduled InboxKind = "scheduled" // a piece they approved goes out today
)

// InboxKinds lists the kinds in the order an inbox shows them.
var InboxKinds = []InboxKind{InboxAssigned, InboxReturned, InboxQuotes, InboxThreads, InboxMentions, InboxScheduled}

// InboxPiece is the piece an inbox entry is about.
type InboxPiece struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Stage Stage  `json:"stage"`
	// DueAt is the due time that counts where the piece is now (its stage's, else the piece's),
	// nil for none, so that the inbox marks it due soon or overdue as every list does.
	DueAt *time.Time `json:"due_at"`
}

// InboxEntry is one thing waiting on a person. Entry is its stable key, the one a person marks
// done: it names the state the entry was in (see the store's inbox for each kind's key), so a
// change that needs them again brings the entry back under a new key. Reason says in words why
// it waits on them; Note is the words they were sent, where there are some; Count the quotes of
// a quotes entry. Link is the path of the exact place on the piece's page.
type InboxEntry struct {
	Entry  string     `json:"entry"`
	Kind   InboxKind  `json:"kind"`
	Piece  InboxPiece `json:"piece"`
	Reason string     `json:"reason"`
	Note   string     `json:"note,omitempty"`
	Count  int        `json:"count,omitempty"`
	At     time.Time  `json:"at"`
	Link   string     `json:"link"`
	// Thread is the comment whose thread the entry waits in, 0 for none: the draft page counts
	// the threads of the piece its reader's inbox lists by it.
	Thread int64 `json:"-"`
}

// InboxCount is how many entries of one kind an inbox holds.
type InboxCount struct {
	Kind  InboxKind `json:"kind"`
	Count int       `json:"count"`
}

// CountInbox counts entries by kind, in the order of InboxKinds, leaving out kinds with none.
func CountInbox(entries []InboxEntry) []InboxCount {
	n := map[InboxKind]int{}
	for _, e := range entries {
		n[e.Kind]++
	}
	var out []InboxCount
	for _, k := range InboxKinds {
		if n[k] > 0 {
			out = append(out, InboxCount{Kind: k, Count: n[k]})
		}
	}
	return out
}

// inboxNouns names what an entry of each kind is, one and many, for counts in words.
var inboxNouns = map[InboxKind][2]string{
	InboxAssigned:  {"piece assigned", "pieces assigned"},
	InboxReturned:  {"piece returned", "pieces returned"},
	InboxQuotes:    {"piece with quotes to check", "pieces with quotes to check"},
	InboxThreads:   {"thread", "threads"},
	InboxMentions:  {"mention", "mentions"},
	InboxScheduled: {"piece going out today", "pieces going out today"},
}

// String says the count in words: "3 threads", "1 piece returned".
func (c InboxCount) String() string {
	noun := inboxNouns[c.Kind][1]
	if c.Count == 1 {
		noun = inboxNouns[c.Kind][0]
	}
	return fmt.Sprintf("%d %s", c.Count, noun)
}

// MaxInboxEntry is the longest entry key a person may mark done; the keys an inbox makes are far
// shorter.
const MaxInboxEntry = 100

// CheckInboxEntry refuses an entry key that is empty or too long to be one an inbox made.
func CheckInboxEntry(entry string) error {
	if strings.TrimSpace(entry) == "" {
		return Errorf(EINVALID, "say which entry is done: its entry key, as the inbox lists it")
	}
	return CheckString("entry", entry, MaxInboxEntry)
}
