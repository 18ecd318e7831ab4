package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Presented is the credential a request came with: its kind, and its secret (the bearer
// token, or the session cookie's value). A user's list of credentials marks it as current,
// and revoking all the others spares it, and the browser's device cookie Device (see
// DeviceTTL), if it sent one.
type Presented struct {
	Kind   newsroom.CredentialKind
	Secret string
	Device string
}

// credentialRow is what a user's list shows of a token or a session.
type credentialRow struct {
	ID         int64
	Hash       string
	CreatedAt  time.Time
	LastUsedAt time.Time
	ExpiresAt  time.Time
	Name       string
}

// Credentials lists the signed-in user's live API tokens and web sessions, the most recently
// used first, with the one presented marked as current.
func (s *Store) Credentials(ctx context.Context, presented Presented) ([]newsroom.Credential, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	now, current := s.clock(), hashToken(presented.Secret)
	var out []newsroom.Credential
	for _, kind := range []newsroom.CredentialKind{newsroom.CredentialSession, newsroom.CredentialToken} {
		var rows []credentialRow
		columns := "id, hash, created_at, last_used_at, expires_at"
		if kind == newsroom.CredentialToken {
			columns += ", name"
		}
		err := s.read(ctx).Table(credentialTables[kind]).Select(columns).
			Where("user_id = ? AND expires_at > ?", u.ID, now).Find(&rows).Error
		if err != nil {
			return nil, internal("list credentials", err)
		}
		for _, r := range rows {
			out = append(out, newsroom.Credential{ID: credentialID(kind, r.ID), Kind: kind, Name: r.Name, CreatedAt: r.CreatedAt,
				LastUsedAt: r.LastUsedAt, ExpiresAt: r.ExpiresAt, Current: kind == presented.Kind && r.Hash == current})
		}
	}
	slices.SortFunc(out, func(a, b newsroom.Credential) int {
		if c := b.LastUsedAt.Compare(a.LastUsedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// credentialID names a token or session among all of a user's (see newsroom.Credential).
func credentialID(kind newsroom.CredentialKind, id int64) string {
	return fmt.Sprintf("%s-%d", kind, id)
}

// parseCredentialID reads an id that credentialID made.
func parseCredentialID(id string) (newsroom.CredentialKind, int64, bool) {
	kind, num, _ := strings.Cut(id, "-")
	n, err := strconv.ParseInt(num, 10, 64)
	_, known := credentialTables[newsroom.CredentialKind(kind)]
	return newsroom.CredentialKind(kind), n, known && err == nil && n > 0
}

// RevokeCredential ends one of the signed-in user's tokens or sessions, by its id. Someone
// else's looks like one that does not exist. Like every sign-out it takes effect at once on
// this server and on others once they read its event (see CatchUp).
func (s *Store) RevokeCredential(ctx context.Context, id string) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	kind, n, ok := parseCredentialID(id)
	if !ok {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no token or session %q", id)
	}
	var gone int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM "+credentialTables[kind]+" WHERE id = ? AND user_id = ?", n, u.ID)
		if gone = res.RowsAffected; gone > 0 {
			record(tx, userChanged(u.ID, u.ID, "revoke"))
		}
		return res.Error
	})
	if err != nil {
		return internal("revoke credential", err)
	}
	if gone == 0 {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no token or session %q", id)
	}
	return nil
}

// RevokeOtherCredentials ends every token, session and device cookie of the signed-in user but
// the ones presented, and returns how many tokens and sessions it ended.
func (s *Store) RevokeOtherCredentials(ctx context.Context, presented Presented) (int, error) {
	u, err := actor(ctx)
	if err != nil {
		return 0, err
	}
	var gone int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		gone, err = revokeCredentials(tx, u.ID, kept{hashToken(presented.Secret), hashToken(presented.Device)})
		record(tx, userChanged(u.ID, u.ID, "revoke_others"))
		return err
	})
	return int(gone), internal("revoke other credentials", err)
}

// Logout ends the signed-in user's API token token, the one the request came with.
func (s *Store) Logout(ctx context.Context, token string) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	return internal("log out", s.tx(ctx, func(tx *gorm.DB) error {
		record(tx, userChanged(u.ID, u.ID, "logout"))
		return tx.Where("hash = ? AND user_id = ?", hashToken(token), u.ID).Delete(&tokenRow{}).Error
	}))
}
