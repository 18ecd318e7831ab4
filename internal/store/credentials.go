package store

import (
	"context"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// lastUseEvery is how often a credential's last use is written down: a lookup that finds it
// older records the use, so that using a token is not a write on every request, and the owner's
// list is right to the minute.
const lastUseEvery = time.Minute

// maxCredentials bounds how many credentials are remembered; past it they are all forgotten.
const maxCredentials = 10_000

// credentials remembers who recently used tokens and session cookies are, so that an API
// request does not cost a query before its work begins. Every change to a user, their password
// or their sign-ins is a user_changed event, which makes the store forget that user's
// credentials (see forgetUser): at once after commit on the store that made it, and on other
// servers when CatchUp reads it, within one tail interval. A store whose reading of the events
// table has fallen more than feedLag behind trusts nothing it remembers (see remembered): a
// stalled tail costs lookups, never a revoked sign-in that still works. Entries are filed under the kind of
// credential and its hash (see credentialKey), so that a session cookie is never taken for an
// API token, nor a token for a cookie.
type credentials struct {
	mu      sync.Mutex
	entries map[string]credential
	// gen counts forgets, so a lookup that read the database before a change is not
	// remembered after it.
	gen uint64
}

// credential is one remembered lookup.
type credential struct {
	id       int64 // the token's or session's row
	user     newsroom.User
	csrf     string    // a session's CSRF token; empty for API tokens
	expires  time.Time // when the token or session itself expires, on the store's clock
	lastUsed time.Time // its last use as recorded, on the store's clock
}

// credentialTables holds each kind of credential.
var credentialTables = map[newsroom.CredentialKind]string{
	newsroom.CredentialToken:   "tokens",
	newsroom.CredentialSession: "sessions",
}

// credentialKey is where a credential of kind with this hash is filed.
func credentialKey(kind newsroom.CredentialKind, hash string) string {
	return string(kind) + ":" + hash
}

// get returns the credential filed under k if it has not expired by now; otherwise it returns
// the generation that remember needs.
func (c *credentials) get(k string, now time.Time) (credential, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || !now.Before(e.expires) {
		return credential{}, c.gen, false
	}
	return e, c.gen, true
}

// remember files a credential read from the database, unless something was forgotten since
// the reader took gen.
func (c *credentials) remember(gen uint64, k string, e credential) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if c.entries == nil || len(c.entries) >= maxCredentials {
		c.entries = map[string]credential{}
	}
	c.entries[k] = e
}

// forgetUser drops every remembered credential of the user a user_changed event names. It
// listens to the store's events.
func (c *credentials) forgetUser(e newsroom.Event) {
	if e.Kind != newsroom.EventUserChanged {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, cr := range c.entries {
		if cr.user.ID == e.SubjectID {
			delete(c.entries, k)
		}
	}
	c.gen++
}

// remembered returns the credential of kind that secret is: what this store remembers, or
// else what lookup reads from the database by the secret's hash at now, which is then
// remembered. Either way its use is recorded if the last record is older than lastUseEvery, so
// that a credential in constant use, answered from memory, is never taken for the least
// recently used one (see limitSignIns), nor shown unused in its owner's list: by the one
// request that claims it (see claimUse), the only one of them to wait for the writer.
func (s *Store) remembered(ctx context.Context, kind newsroom.CredentialKind, secret string, lookup func(hash string, now time.Time) (credential, error)) (credential, error) {
	hash := hashToken(secret)
	k, now := credentialKey(kind, hash), s.clock()
	e, gen, ok := s.creds.get(k, now)
	fresh := !ok || !s.feedCurrent(now)
	if fresh {
		var err error
		if e, err = lookup(hash, now); err != nil {
			return credential{}, err
		}
	}
	used := now.Sub(e.lastUsed) > lastUseEvery
	if used && !fresh {
		// One request of the many a busy credential answers from memory claims the record;
		// the others go on without waiting for the writer behind it.
		used = s.creds.claimUse(k, now)
	}
	if used {
		// A read is answered whether or not its use could be written down.
		if err := s.recordUse(ctx, kind, e.id, now); err != nil {
			s.log.Warn("a credential's use was not recorded", "kind", kind, "err", err)
		}
		e.lastUsed = now
	}
	if fresh {
		s.creds.remember(gen, k, e)
	}
	return e, nil
}

// claimUse marks the remembered credential k as used at now, when its last recorded use is
// older than lastUseEvery, and reports whether it did: the caller that gets true records the
// use, and every other finds it recorded.
func (c *credentials) claimUse(k string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || now.Sub(e.lastUsed) <= lastUseEvery {
		return false
	}
	e.lastUsed = now
	c.entries[k] = e
	return true
}

// recordUse writes down that the credential id of kind was used at now, unless a use within
// lastUseEvery was recorded meanwhile (by this store or another server).
func (s *Store) recordUse(ctx context.Context, kind newsroom.CredentialKind, id int64, now time.Time) error {
	return internal("record use", s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Table(credentialTables[kind]).Where("id = ? AND last_used_at < ?", id, now.Add(-lastUseEvery)).
			Update("last_used_at", now).Error
	}))
}
