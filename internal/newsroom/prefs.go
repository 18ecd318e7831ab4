package newsroom

// EmailChoices are the notification kinds a person may choose to get by email, in the order
// the account page lists them, each with the words it shows.
var EmailChoices = []struct {
	Kind  NotificationKind
	Label string
}{
	{NotifyAssigned, "You are assigned a piece at a desk"},
	{NotifyArrived, "A piece you are assigned to reaches your desk"},
	{NotifyReturned, "Your piece comes back to you with a note"},
	{NotifyCommented, "Someone opens a comment thread on your piece"},
	{NotifyReplied, "Someone answers a thread you are in, or addresses you"},
	{NotifyMentioned, "Someone mentions you in a comment, reply or note"},
	{NotifyDisputed, "A quote in your piece is disputed"},
	{NotifyPublished, "Your piece, or one you approved, goes public"},
}

// NotificationPrefs is what a person chooses to get by email: the kinds of notification
// (Email), and whether to get them as one daily digest rather than one email each (Digest).
// Every notification is in the app whatever they choose.
type NotificationPrefs struct {
	Email  []NotificationKind `json:"email"`
	Digest bool               `json:"digest"`
}

// DefaultNotificationPrefs is what a person who never chose gets: every kind by email, one
// email each.
func DefaultNotificationPrefs() NotificationPrefs {
	p := NotificationPrefs{Email: make([]NotificationKind, len(EmailChoices))}
	for i, c := range EmailChoices {
		p.Email[i] = c.Kind
	}
	return p
}

// Wants says whether the person gets notifications of kind k by email.
func (p NotificationPrefs) Wants(k NotificationKind) bool {
	for _, w := range p.Email {
		if w == k {
			return true
		}
	}
	return false
}

// Normalize checks that every kind chosen is known, and returns the choices in the account
// page's order without repeats (and never nil, so that none chosen stays an empty list).
func (p NotificationPrefs) Normalize() (NotificationPrefs, error) {
	for _, k := range p.Email {
		if !known(k) {
			return p, Errorf(EINVALID, "%q is not a kind of notification", k)
		}
	}
	out := NotificationPrefs{Email: []NotificationKind{}, Digest: p.Digest}
	for _, c := range EmailChoices {
		if p.Wants(c.Kind) {
			out.Email = append(out.Email, c.Kind)
		}
	}
	return out, nil
}

func known(k NotificationKind) bool {
	for _, c := range EmailChoices {
		if c.Kind == k {
			return true
		}
	}
	return false
}
