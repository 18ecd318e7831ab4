package store

import (
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// Policy is the workflow and permissions the store decides with, which the pages and the API
// also describe to users.
func (s *Store) Policy() *policy.Policy { return s.policy }

// Permissions answers, for the user u and the draft d they can see, what they may do now (see
// policy.Permissions).
func (s *Store) Permissions(u *newsroom.User, d *newsroom.Draft) newsroom.Permissions {
	return s.policy.Permissions(u, d)
}

// CanResolve reports whether u may resolve or reopen comment c on draft d.
func (s *Store) CanResolve(u *newsroom.User, d *newsroom.Draft, c newsroom.Comment) bool {
	return s.policy.CanResolve(u, d.Writer.ID, c.Author.ID)
}
