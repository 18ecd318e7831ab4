package newsroom

import "time"

// NotificationKind says why a person is told of a change.
type NotificationKind string

// The reasons a person is told. Each is also a choice on the account page: which of them come
// by email as well as in the app.
const (
	NotifyAssigned  NotificationKind = "assigned"  // you were assigned a piece at a desk
	NotifyArrived   NotificationKind = "arrived"   // a piece you are assigned to reached your desk
	NotifyReturned  NotificationKind = "returned"  // your piece came back to you with a note
	NotifyCommented NotificationKind = "commented" // someone opened a thread on your piece
	NotifyReplied   NotificationKind = "replied"   // someone answered a thread you are in, or addressed you
	NotifyMentioned NotificationKind = "mentioned" // someone mentioned you in a comment, reply or note
	NotifyDisputed  NotificationKind = "disputed"  // a quote in your piece was disputed
	NotifyPublished NotificationKind = "published" // your piece, or one you approved, went public
)

// Notification is one person told of one change: the in-app copy, which is delivered by being
// written, in the transaction of the change. Subject is one line in words ("Ana assigned you
// “Flood defences” at Fact-check"); Link is the path of the exact place (the thread, the quote).
type Notification struct {
	ID        int64
	UserID    int64
	EventID   int64
	Kind      NotificationKind
	DraftID   int64
	ActorID   int64
	Subject   string
	Link      string
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Delivery channels: every notification is in the app; these carry it further.
const (
	ChannelEmail   = "email"
	ChannelWebhook = "webhook"
)

// Delivery is one message waiting in the outbox, or sent from it: an email to one person or a
// post to one webhook. Payload is the channel's own: for email a JSON object with subject, text
// and link (a path, which the channel joins to the site's base URL); for a webhook the JSON body
// to post. Attempts counts the tries so far.
type Delivery struct {
	ID             int64
	Channel        string
	NotificationID int64
	WebhookID      int64
	EventID        int64
	DraftID        int64
	Recipient      string
	Payload        string
	Attempts       int
	CreatedAt      time.Time
}
