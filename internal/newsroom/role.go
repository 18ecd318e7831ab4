package newsroom

import (
	"context"
	"time"
)

// Role is what a user does in the newsroom. Each user has exactly one; the workflow file names
// the roles (see internal/policy), and the constants below are the default workflow's.
type Role string

// The roles of the default workflow, from the desk that writes to the one that runs the system.
const (
	RoleWriter      Role = "writer"
	RoleFactChecker Role = "factchecker"
	RoleEditor      Role = "editor"
	RoleAdmin       Role = "admin"
)

// User is a member of the newsroom. MustChangePassword is set while they sign in with a
// password someone else chose for them (a reset, or a promotion to admin): until they choose
// their own, they may do nothing else.
type User struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
	// Email is where email notifications go ("" for none). The API shows it only to the user
	// themself (the one place it answers with a user is signing in).
	Email              string    `json:"email,omitempty"`
	Role               Role      `json:"role"`
	Disabled           bool      `json:"disabled"`
	MustChangePassword bool      `json:"must_change_password"`
	CreatedAt          time.Time `json:"created_at"`
}

type userKey struct{}

// WithUser returns a context carrying the acting user, as the server's authentication sets it.
func WithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the acting user in ctx, or nil when nobody is signed in.
func UserFrom(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}
