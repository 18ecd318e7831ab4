package policy_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// TestDraftClaimDefault holds who may mark a piece as a fact-check under the default workflow:
// editors, on anyone's piece; not its writer, not a fact-checker, not an admin.
func TestDraftClaimDefault(t *testing.T) {
	p := defaultPolicy(t)
	want := map[newsroom.Role]bool{"editor": true}
	for _, role := range roles {
		for rel, writer := range owners {
			t.Run(string(role)+"/"+rel, func(t *testing.T) {
				err := p.Check(user(role), policy.DraftClaim, writer)
				if got := err == nil; got != want[role] {
					t.Fatalf("Check(%s, draft:claim, %s) = %v, want allowed %v", role, rel, err, want[role])
				}
				if err != nil && newsroom.ErrorCode(err) != newsroom.EFORBIDDEN {
					t.Fatalf("Check = %v, want EFORBIDDEN", err)
				}
			})
		}
	}
}
