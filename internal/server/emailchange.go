package server

import (
	"context"
	"errors"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/store"
)

// canMail reports whether this server can send email now: it has a mail channel, and a mail
// server and sender are set, by the command line or on the email settings page.
func (s *Server) canMail(ctx context.Context) bool {
	if s.cfg.Mail == nil {
		return false
	}
	set, err := s.cfg.Mail.InForce(ctx)
	return err == nil && set.Configured()
}

// changeEmail runs ask, a store request to change the viewer's address (RequestEmailChange or
// ResendEmailChange), and mails what it calls for: the link to a new address, or the notice to
// the address removed. A request whose link the mail server did not take is undone, so that no
// address waits for a link that never came, asking again is not refused as too soon, and an
// address that waited before still does.
func (s *Server) changeEmail(ctx context.Context, ask func(canMail bool) (store.EmailRequest, error)) (store.EmailRequest, error) {
	r, err := ask(s.canMail(ctx))
	if err != nil {
		return r, err
	}
	if r.Old != "" {
		s.mailNotice(ctx, notify.AddressChangedMail(r.Old, r.User))
	}
	if r.Token == "" {
		return r, nil
	}
	if _, err := s.cfg.Mail.Mail(ctx, notify.ConfirmAddressMail(r.Pending.Address, r.User, r.Token, store.EmailLinkTTL)); err != nil {
		s.log.WarnContext(ctx, "email link not sent", "err", err)
		if err := s.store.ForgetEmailLink(ctx, r); err != nil {
			return r, err
		}
		return r, newsroom.Errorf(newsroom.ECONFLICT, "the mail server did not take the link to %s, so nothing changed; try again in a few minutes", r.Pending.Address)
	}
	return r, nil
}

// confirmEmail confirms the viewer's new address with the link's token and tells the address it
// replaced.
func (s *Server) confirmEmail(ctx context.Context, token string) (*newsroom.User, error) {
	got, err := s.store.ConfirmEmail(ctx, token)
	if err != nil {
		return nil, err
	}
	if got.Old != "" {
		s.mailNotice(ctx, notify.AddressChangedMail(got.Old, got.User))
	}
	return got.User, nil
}

// mailNotice sends m as a courtesy: the change it tells of is made, so a notice that cannot go
// is logged, not an error.
func (s *Server) mailNotice(ctx context.Context, m notify.Mail) {
	if s.cfg.Mail == nil {
		return
	}
	if _, err := s.cfg.Mail.Mail(ctx, m); err != nil && !errors.Is(err, notify.ErrMailNotConfigured) {
		s.log.WarnContext(ctx, "email notice not sent", "err", err)
	}
}
