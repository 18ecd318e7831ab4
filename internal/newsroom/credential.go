package newsroom

import "time"

// CredentialKind is how a user is signed in: with an API token, or in a browser's session.
type CredentialKind string

// The kinds of credential.
const (
	CredentialToken   CredentialKind = "token"
	CredentialSession CredentialKind = "session"
)

// Credential is one of a user's API tokens or web sessions as its owner sees it in the list of
// their sign-ins, to revoke what they no longer use. It never carries the secret itself.
type Credential struct {
	// ID names the credential among all of its owner's: its kind and number, as "token-12".
	ID   string         `json:"id"`
	Kind CredentialKind `json:"kind"`
	// Name is what its owner called a token made from the account page.
	Name       string    `json:"name,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	// Current marks the credential the request that asked for the list came with.
	Current bool `json:"current"`
}
