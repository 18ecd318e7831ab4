package notify

import (
	"fmt"
	"net/url"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// ConfirmPath is where the link that confirms a new email address leads, its token in the query
// (which request logs leave out).
const ConfirmPath = "/account/email/confirm"

// ConfirmAddressMail is the email that asks whoever reads to at to confirm it as u's address:
// the link with token, which works for valid, and what to do if they did not ask.
func ConfirmAddressMail(to string, u *newsroom.User, token string, valid time.Duration) Mail {
	return Mail{To: to, Subject: "Copydesk: confirm your email address",
		Text: fmt.Sprintf("Someone signed in to Copydesk as %s asked for their email to come to this address. "+
			"To have it come here, follow the link below while signed in as %s, and confirm. The link works for %d hours, once.\n\n"+
			"If that was not you, do nothing: nothing more comes to this address unless the link is followed.", u.Username, u.Username, int(valid.Hours())),
		Link:     ConfirmPath + "?token=" + url.QueryEscape(token),
		Why:      "You get this email because someone gave this address on their Copydesk account page.",
		Unchosen: true,
		ID:       fmt.Sprintf("address-%d-%d", u.ID, time.Now().UnixNano())}
}

// AddressChangedMail tells old, u's address until now, that u's email goes to another address
// (or to none) from now on. It names neither.
func AddressChangedMail(old string, u *newsroom.User) Mail {
	return Mail{To: old, Subject: "Copydesk: your email address was changed",
		Text: fmt.Sprintf("The Copydesk account %s no longer sends its email to this address. "+
			"If you did not ask for this, tell your newsroom's Copydesk admin.", u.Username),
		Why:      "You get this email because this was the address of that Copydesk account.",
		Unchosen: true,
		ID:       fmt.Sprintf("address-changed-%d-%d", u.ID, time.Now().UnixNano())}
}
