package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// EmailLinkTTL is how long the link that confirms a new email address works.
const EmailLinkTTL = 48 * time.Hour

// EmailMailboxGap is how long one person waits between two links to one address. The gap is
// the person's with the address, not the address's: colleagues asking for an address in turn
// would otherwise keep its owner from a link for as long as they kept at it.
const EmailMailboxGap = 5 * time.Minute

// EmailMailboxLinksPerHour is how many links one mailbox is mailed in an hour, whoever asks,
// beyond which only each account's first link to it in the hour goes (see mailboxCapped), so
// that the account page cannot be used to flood a mailbox nor to keep its owner from a link.
const EmailMailboxLinksPerHour = 10

// EmailLinksPerHour is how many links one person may have mailed in an hour, to any addresses.
const EmailLinksPerHour = 5

// emailChangeMemory is how long a link is remembered after it expires, so that following it
// says it expired rather than that it never was.
const emailChangeMemory = 7 * 24 * time.Hour

// The states of an email change: waiting for its link, or ended by the link, or cancelled (by
// the person, by a newer request, by an admin setting their address, or by another account
// having the address), or refused before any link was made (kept only for the hourly limit).
const (
	changePending   = "pending"
	changeConfirmed = "confirmed"
	changeCancelled = "cancelled"
	changeRefused   = "refused"
)

// emailChangeRow is a new address waiting for its owner to follow the link mailed to it. Only
// the link's hash is kept; Mailbox is mailbox(Address), which the gap between links goes by, and
// CapMailbox is capMailbox(Address), which the cap on links to one mailbox goes by.
type emailChangeRow struct {
	ID         int64
	UserID     int64
	Address    string
	Mailbox    string
	CapMailbox string
	Hash       string
	Status     string
	CreatedAt  time.Time
	ExpiresAt  time.Time
}

func (emailChangeRow) TableName() string { return "email_changes" }

func (r emailChangeRow) pending() *newsroom.PendingEmail {
	return &newsroom.PendingEmail{Address: r.Address, RequestedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt}
}

// EmailRequest is what came of a person asking for their email to go to an address.
type EmailRequest struct {
	// User is the person as they are now: User.Email is their confirmed address.
	User *newsroom.User
	// Pending is the address that waits for its link, nil when none does.
	Pending *newsroom.PendingEmail
	// Token is the secret of the link to mail to Pending.Address; it is not kept, and is empty
	// when no link is to be mailed (the address was removed, or was theirs already).
	Token string
	// Old is the address email went to until this request removed it, if it did.
	Old string
	// ended are the ids of the links that waited before this request ended them, which
	// ForgetEmailLink gives back when the new link cannot be mailed.
	ended []int64
}

// EmailSet is what came of setting a person's address, by their link or by an admin: the person
// with their address now, and the address it replaced ("" when there was none, or it is the
// same).
type EmailSet struct {
	User *newsroom.User
	Old  string
}

// RequestEmailChange asks for the signed-in user's email to go to email. A new address waits
// until they follow the link the caller mails to it with the returned token (see ConfirmEmail):
// meanwhile email goes on to their confirmed address. An empty email removes their address at
// once, and their own address again cancels any address waiting. canMail says whether the server
// can send the link; when it cannot, no address is taken that could never be confirmed. One
// person asks for a link to one address at most once in EmailMailboxGap, and for at most
// EmailLinksPerHour links an hour. An address another account holds is refused before anything is
// mailed (see mailboxFree), after the hourly limit, against which the refusal counts: asking
// tells whether an address is held no faster than links can be mailed. A refusal by the cap on
// links to one mailbox (see mailboxCapped) comes first, so it tells nothing of whether the
// address is held, and does not count: others filled the cap, and it is not the asker's to pay
// for. Another account's link waiting for the address does not refuse it: whoever confirms first
// has it.
func (s *Store) RequestEmailChange(ctx context.Context, email string, canMail bool) (EmailRequest, error) {
	u, err := actor(ctx)
	if err != nil {
		return EmailRequest{}, err
	}
	addr, err := newsroom.ParseEmail(email)
	if err != nil {
		return EmailRequest{}, err
	}
	var out EmailRequest
	var refused error
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.lockMailboxes(tx); err != nil {
			return err
		}
		var row userRow
		if err := tx.Take(&row, u.ID).Error; err != nil {
			return err
		}
		if err := tx.Model(&emailChangeRow{}).Where("user_id = ? AND status = ?", u.ID, changePending).Pluck("id", &out.ended).Error; err != nil {
			return err
		}
		out.User = row.user()
		same := mailbox(addr) == mailbox(row.Email)
		if same || addr == "" {
			if err := endEmailChanges(tx, u.ID); err != nil {
				return err
			}
		}
		if same {
			return nil
		}
		if addr == "" {
			out.Old, out.User.Email = row.Email, ""
			record(tx, userChanged(u.ID, u.ID, "set_email"))
			return tx.Model(&userRow{}).Where("id = ?", u.ID).Update("email", "").Error
		}
		if !canMail {
			return newsroom.Errorf(newsroom.ECONFLICT, "%s cannot be confirmed until the operator sets up email: this server sends none yet", addr)
		}
		if err := s.mayMailLink(tx, u.ID, addr); err != nil {
			return err
		}
		now := s.clock()
		if refused, err = s.mailboxCapped(tx, u.ID, addr); refused != nil || err != nil {
			return err
		}
		if refused = s.mailboxFree(tx, u.ID, addr); refused != nil {
			return s.countRefusal(tx, u.ID)
		}
		if err := endEmailChanges(tx, u.ID); err != nil {
			return err
		}
		if out.Token, err = randomToken(); err != nil {
			return err
		}
		ch := emailChangeRow{UserID: u.ID, Address: addr, Mailbox: mailbox(addr), CapMailbox: capMailbox(addr), Hash: hashToken(out.Token),
			Status: changePending, CreatedAt: now, ExpiresAt: now.Add(EmailLinkTTL)}
		out.Pending = ch.pending()
		return tx.Create(&ch).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return EmailRequest{}, newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", u.ID)
	}
	if err == nil && refused != nil {
		return EmailRequest{}, refused
	}
	return out, internal("request email change", err)
}

// countRefusal keeps, for the hourly limit on links (see mayMailLink), that user id was refused
// an address: a row that waits for nothing, whose link no one has, and that names no mailbox, so
// that the gap between links to one mailbox is not spent by a request that mailed nothing.
func (s *Store) countRefusal(tx *gorm.DB, id int64) error {
	token, err := randomToken()
	if err != nil {
		return err
	}
	now := s.clock()
	return tx.Create(&emailChangeRow{UserID: id, Hash: hashToken(token), Status: changeRefused, CreatedAt: now, ExpiresAt: now}).Error
}

// mayMailLink refuses a link to addr, for user id, that would come too soon after the last one
// they asked for to that address, or too many in the hour from that person, saying when to try
// again. Only links id asked for are read, so no one else's requests can hold id up.
func (s *Store) mayMailLink(tx *gorm.DB, id int64, addr string) error {
	now := s.clock()
	var last emailChangeRow
	err := tx.Where("user_id = ? AND mailbox = ? AND created_at > ?", id, mailbox(addr), now.Add(-EmailMailboxGap)).Order("created_at DESC").Take(&last).Error
	if err == nil {
		return tooSoon("a link was mailed to "+addr+" a moment ago", last.CreatedAt.Add(EmailMailboxGap).Sub(now))
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	var recent []emailChangeRow
	if err := tx.Where("user_id = ? AND created_at > ?", id, now.Add(-time.Hour)).Order("created_at").Find(&recent).Error; err != nil {
		return err
	}
	if len(recent) >= EmailLinksPerHour {
		return tooSoon("you asked for many links this hour", recent[len(recent)-EmailLinksPerHour].CreatedAt.Add(time.Hour).Sub(now))
	}
	return nil
}

// mailboxCapped refuses a link to addr, for user id, once addr's mailbox has been mailed
// EmailMailboxLinksPerHour links in the last hour, by anyone, unless none of them was id's. The
// mailbox is capMailbox(addr), so that name+1@, name+2@… are one mailbox here as they are to most
// mail providers (which counts one inbox too many at worst, and makes the cap stricter): each
// account's first link to a mailbox in an hour goes, so that no one can spend the cap to keep
// the mailbox's owner from their link, and the mailbox gets at most one link an account an hour
// beyond it. The refusal says when id's own latest link to the mailbox leaves the hour, from
// which on their link goes whatever others ask: the cap may come free sooner, but others can
// fill it again first. The error returned is the refusal; err is a failure to read.
func (s *Store) mailboxCapped(tx *gorm.DB, id int64, addr string) (refused, err error) {
	now := s.clock()
	var recent []emailChangeRow
	if err := tx.Where("cap_mailbox = ? AND created_at > ?", capMailbox(addr), now.Add(-time.Hour)).Find(&recent).Error; err != nil {
		return nil, err
	}
	var last time.Time
	for _, r := range recent {
		if r.UserID == id && r.CreatedAt.After(last) {
			last = r.CreatedAt
		}
	}
	if len(recent) < EmailMailboxLinksPerHour || last.IsZero() {
		return nil, nil
	}
	return tooSoon(addr+" was mailed many links this hour", last.Add(time.Hour).Sub(now)), nil
}

// tooSoon is the refusal of a link asked for wait too early, in whole minutes.
func tooSoon(why string, wait time.Duration) error {
	secs := max(int(wait.Round(time.Second)/time.Second), 1)
	mins := (secs + 59) / 60
	unit := "minutes"
	if mins == 1 {
		unit = "minute"
	}
	return newsroom.Errorf(newsroom.ETOOMANY, "%s; try again in %d %s", why, mins, unit).With("retry_after", secs)
}

// ResendEmailChange mails the address waiting for the signed-in user a new link, as
// RequestEmailChange does (the old link stops working).
func (s *Store) ResendEmailChange(ctx context.Context, canMail bool) (EmailRequest, error) {
	p, err := s.PendingEmail(ctx)
	if err != nil {
		return EmailRequest{}, err
	}
	if p == nil {
		return EmailRequest{}, newsroom.Errorf(newsroom.ECONFLICT, "no new address waits to be confirmed")
	}
	return s.RequestEmailChange(ctx, p.Address, canMail)
}

// CancelEmailChange drops the address waiting for the signed-in user: its link stops working.
func (s *Store) CancelEmailChange(ctx context.Context) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	return internal("cancel email change", s.tx(ctx, func(tx *gorm.DB) error {
		return endEmailChanges(tx, u.ID)
	}))
}

// ForgetEmailLink undoes r, a request whose link the mail server did not take: the link's row is
// deleted, as no one was mailed it, so it neither waits for a click nor counts against the limits
// on links mailed (see mayMailLink), and the links r ended wait again, as they did before it,
// when r's own link still waited: if it was cancelled, replaced or confirmed while the mail was
// tried (another tab, an admin), what ended it decided, and nothing comes back. A link whose
// address another account took meanwhile stays ended too (see mailboxFree).
func (s *Store) ForgetEmailLink(ctx context.Context, r EmailRequest) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	return internal("forget email link", s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.lockMailboxes(tx); err != nil {
			return err
		}
		var row emailChangeRow
		err := tx.Where("hash = ? AND user_id = ?", hashToken(r.Token), u.ID).Take(&row).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := tx.Delete(&row).Error; err != nil {
			return err
		}
		if row.Status != changePending || len(r.ended) == 0 {
			return nil
		}
		var ended []emailChangeRow
		if err := tx.Where("id IN ? AND user_id = ? AND status = ?", r.ended, u.ID, changeCancelled).Find(&ended).Error; err != nil {
			return err
		}
		for _, e := range ended {
			err := s.mailboxFree(tx, u.ID, e.Address)
			if newsroom.ErrorCode(err) == newsroom.ECONFLICT {
				continue
			}
			if err != nil {
				return err
			}
			if err := tx.Model(&emailChangeRow{}).Where("id = ?", e.ID).Update("status", changePending).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// endEmailChanges cancels every address waiting for user id.
func endEmailChanges(tx *gorm.DB, id int64) error {
	return tx.Model(&emailChangeRow{}).Where("user_id = ? AND status = ?", id, changePending).Update("status", changeCancelled).Error
}

// PendingEmail returns the address waiting for the signed-in user to confirm, nil when none does
// (or its link has expired).
func (s *Store) PendingEmail(ctx context.Context) (*newsroom.PendingEmail, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var row emailChangeRow
	err = s.read(ctx).Where("user_id = ? AND status = ? AND expires_at > ?", u.ID, changePending, s.clock()).
		Order("created_at DESC").Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, internal("read pending email", err)
	}
	return row.pending(), nil
}

// EmailLink returns the address the link with token would confirm for the signed-in user,
// without confirming it, or why the link does not work (see ConfirmEmail).
func (s *Store) EmailLink(ctx context.Context, token string) (*newsroom.PendingEmail, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	row, err := s.emailLink(s.read(ctx), u.ID, token)
	if err != nil {
		return nil, internal("read email link", err)
	}
	return row.pending(), nil
}

// ConfirmEmail makes the address the link with token was mailed to the signed-in user's
// address, from which on their email goes there. A link works once, before it expires, for the
// person who asked for it: anyone else's, or one never made, is not found. The first of several
// accounts to confirm one mailbox has it; the others' links end, and following one says that
// another account has the address.
func (s *Store) ConfirmEmail(ctx context.Context, token string) (EmailSet, error) {
	u, err := actor(ctx)
	if err != nil {
		return EmailSet{}, err
	}
	var out EmailSet
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.lockMailboxes(tx); err != nil {
			return err
		}
		ch, err := s.emailLink(tx, u.ID, token)
		if err != nil {
			return err
		}
		if err := s.mailboxFree(tx, u.ID, ch.Address); err != nil {
			return err
		}
		var row userRow
		if err := tx.Take(&row, u.ID).Error; err != nil {
			return err
		}
		res := tx.Model(&emailChangeRow{}).Where("id = ? AND status = ?", ch.ID, changePending).Update("status", changeConfirmed)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return newsroom.Errorf(newsroom.ECONFLICT, "this link has been used already")
		}
		if err := endOthersLinks(tx, u.ID, ch.Address); err != nil {
			return err
		}
		out.Old, row.Email = row.Email, ch.Address
		out.User = row.user()
		record(tx, userChanged(u.ID, u.ID, "confirm_email"))
		return tx.Model(&userRow{}).Where("id = ?", u.ID).Update("email", ch.Address).Error
	})
	return out, internal("confirm email", err)
}

// emailLink finds user id's waiting change that token's link is for, or says why the link does
// not work.
func (s *Store) emailLink(db *gorm.DB, id int64, token string) (emailChangeRow, error) {
	var row emailChangeRow
	err := db.Where("hash = ? AND user_id = ?", hashToken(token), id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || token == "" {
		return row, newsroom.Errorf(newsroom.ENOTFOUND, "this link is not one Copydesk mailed you: check that it was copied whole, and that you are signed in as the person who asked for it")
	}
	if err != nil {
		return row, err
	}
	switch {
	case row.Status == changeConfirmed:
		return row, newsroom.Errorf(newsroom.ECONFLICT, "this link has been used already")
	case row.Status != changePending:
		if err := s.mailboxFree(db, id, row.Address); err != nil {
			return row, err
		}
		return row, newsroom.Errorf(newsroom.ECONFLICT, "this link was cancelled, or a newer one was mailed since")
	case !row.ExpiresAt.After(s.clock()):
		return row, newsroom.Errorf(newsroom.ECONFLICT, "this link has expired; ask for a new one on your account page")
	}
	return row, nil
}
