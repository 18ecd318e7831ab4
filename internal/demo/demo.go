// Package demo fills an empty database with a small newsroom: one user per role of the
// workflow, each named for their role, and a sample draft, so that a new install shows a
// working workflow at once.
package demo

import (
	"context"
	"crypto/rand"
	_ "embed"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// sample is a published piece in the house format, used as the demo's draft.
//
//go:embed sample.txt
var sample []byte

// Credential is a demo user's sign-in, printed once when the demo is made.
type Credential struct {
	Username string
	Role     newsroom.Role
	Password string
}

// names are the demo users' display names, given to the workflow's roles in desk order (the
// default workflow's writer, fact-checker, editor and admin), and again from the start when a
// workflow has more roles.
var names = []string{"Sarah Johnson", "Frank Castillo", "Elena Ruiz", "Ada Admin", "Colin Cooper", "Laila Haddad"}

// Seed adds the demo newsroom to an empty database. It refuses a database that already has users,
// so it never mixes demo accounts into a real newsroom.
func Seed(ctx context.Context, st *store.Store) ([]Credential, error) {
	n, err := st.CountUsers(ctx)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, newsroom.Errorf(newsroom.ECONFLICT, "the database already has %d users; the demo only fills an empty one", n)
	}
	op := store.AsOperator(ctx)
	var creds []Credential
	var writer *newsroom.User
	for i, r := range st.Policy().Roles() {
		pw := rand.Text()[:16]
		u, err := st.CreateUser(op, store.NewUser{Username: string(r.Name), Name: names[i%len(names)], Role: r.Name, Password: pw})
		if err != nil {
			return nil, err
		}
		if writer == nil && st.Policy().Can(u, policy.DraftCreate, 0) {
			writer = u
		}
		creds = append(creds, Credential{Username: u.Username, Role: r.Name, Password: pw})
	}
	if writer == nil {
		return creds, nil
	}
	if _, err := st.Import(op, writer.Username, sample, publish.DefaultFooter); err != nil {
		return nil, err
	}
	return creds, nil
}
