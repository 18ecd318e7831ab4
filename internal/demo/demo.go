// Package demo fills an empty database with a small newsroom: one user per role and a sample
// draft, so that a new install shows a working workflow at once.
package demo

import (
	"context"
	"crypto/rand"
	_ "embed"

	"github.com/copydesk/copydesk/internal/newsroom"
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

var people = []struct {
	username, name string
	role           newsroom.Role
}{
	{"writer", "Sarah Johnson", newsroom.RoleWriter},
	{"factchecker", "Frank Castillo", newsroom.RoleFactChecker},
	{"editor", "Elena Ruiz", newsroom.RoleEditor},
	{"admin", "Ada Admin", newsroom.RoleAdmin},
}

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
	creds := make([]Credential, 0, len(people))
	var writer *newsroom.User
	for _, p := range people {
		pw := rand.Text()[:16]
		u, err := st.CreateUser(op, store.NewUser{Username: p.username, Name: p.name, Role: p.role, Password: pw})
		if err != nil {
			return nil, err
		}
		if p.role == newsroom.RoleWriter {
			writer = u
		}
		creds = append(creds, Credential{Username: p.username, Role: p.role, Password: pw})
	}
	if _, err := st.Import(op, writer.Username, sample, publish.DefaultFooter); err != nil {
		return nil, err
	}
	return creds, nil
}
