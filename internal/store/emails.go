package store

import (
	"context"
	"errors"
	"slices"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// SetEmail sets where user id's email notifications go, confirmed at once: a plain address,
// normalised (see newsroom.ParseEmail), or "" for none. It is for whoever may manage users (an
// admin, or the operator), who answers for the address; a person changes their own through
// RequestEmailChange, which waits for them to confirm it. An address waiting for the user to
// confirm is cancelled, and so are other accounts' links waiting to confirm the same mailbox:
// the admin's word settles whose it is. An address another account holds is refused (see
// mailboxFree).
func (s *Store) SetEmail(ctx context.Context, id int64, email string) (EmailSet, error) {
	u, err := s.permitted(ctx, policy.UserManage)
	if err != nil {
		return EmailSet{}, err
	}
	var by int64 // 0 for the operator
	if u != nil {
		by = u.ID
	}
	addr, err := newsroom.ParseEmail(email)
	if err != nil {
		return EmailSet{}, err
	}
	var row userRow
	var old string
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.lockMailboxes(tx); err != nil {
			return err
		}
		if err := tx.Take(&row, id).Error; err != nil {
			return err
		}
		if err := endEmailChanges(tx, id); err != nil {
			return err
		}
		if row.Email == addr {
			return nil
		}
		if err := s.mailboxFree(tx, id, addr); err != nil {
			return err
		}
		if err := endOthersLinks(tx, id, addr); err != nil {
			return err
		}
		old, row.Email = row.Email, addr
		record(tx, userChanged(by, id, "set_email"))
		return tx.Model(&userRow{}).Where("id = ?", id).Update("email", addr).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return EmailSet{}, newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
	}
	if err != nil {
		return EmailSet{}, internal("set email", err)
	}
	return EmailSet{User: row.user(), Old: old}, nil
}

// mailbox is the key by which two addresses are the same mailbox, however they were typed: the
// local part in Unicode's composed form (NFC) and lower-cased in full, as mail servers treat it,
// although only the domain must be; the domain lower-cased and in its ASCII form (IDNA). A domain
// IDNA refuses is compared composed and lower-cased.
func mailbox(addr string) string {
	addr = strings.TrimSpace(addr)
	at := strings.LastIndex(addr, "@")
	if at < 0 {
		return norm.NFC.String(strings.ToLower(addr))
	}
	local := norm.NFC.String(strings.ToLower(addr[:at]))
	domain := norm.NFC.String(strings.ToLower(addr[at+1:]))
	if ascii, err := idna.Lookup.ToASCII(domain); err == nil {
		domain = ascii
	}
	return local + "@" + domain
}

// capMailbox is mailbox(addr) with any "+tag" cut from the local part: the one inbox that name+1@,
// name+2@ and name@ reach at most mail providers, which the cap on links to one mailbox goes by
// (see mailboxCapped). Providers that read "+" otherwise only have their mailboxes capped
// together.
func capMailbox(addr string) string {
	box := mailbox(addr)
	at := strings.LastIndex(box, "@")
	if plus := strings.Index(box[:max(at, 0)], "+"); plus >= 0 {
		return box[:plus] + box[at:]
	}
	return box
}

// mailboxFree refuses addr to user id (0 for a user being added) when another account, enabled
// or disabled, holds it as its confirmed address: each person has their own, and no one can
// have links mailed to a colleague's address. A link waiting to be confirmed holds nothing, and
// its asker's gap between links holds up no one else (see mayMailLink): whoever confirms first
// has the address, and the others' links end (see endOthersLinks). The refusal does not say whose it is.
// The caller holds lockMailboxes. Addresses are compared here rather than in SQL, whose lower()
// folds only ASCII on SQLite and which knows neither NFC nor IDNA.
func (s *Store) mailboxFree(tx *gorm.DB, id int64, addr string) error {
	if addr == "" {
		return nil
	}
	box := mailbox(addr)
	var held []string
	if err := tx.Model(&userRow{}).Where("email <> '' AND id <> ?", id).Pluck("email", &held).Error; err != nil {
		return err
	}
	if slices.ContainsFunc(held, func(e string) bool { return mailbox(e) == box }) {
		return newsroom.Errorf(newsroom.ECONFLICT, "%s is the address of another account; each person needs an address of their own", addr)
	}
	return nil
}

// endOthersLinks cancels the links waiting for accounts other than user id to confirm addr's
// mailbox, now that id has it. Their Mailbox is compared as mailbox() reads it now, so links
// asked for before it read addresses as it does still end.
func endOthersLinks(tx *gorm.DB, id int64, addr string) error {
	if addr == "" {
		return nil
	}
	var waiting []emailChangeRow
	if err := tx.Where("status = ? AND user_id <> ?", changePending, id).Find(&waiting).Error; err != nil {
		return err
	}
	box := mailbox(addr)
	var ids []int64
	for _, w := range waiting {
		if mailbox(w.Address) == box {
			ids = append(ids, w.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return tx.Model(&emailChangeRow{}).Where("id IN ?", ids).Update("status", changeCancelled).Error
}
