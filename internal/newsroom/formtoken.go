package newsroom

// MinFormToken and MaxFormToken bound the length of the token that makes a creation happen
// once (see CheckFormToken).
const (
	MinFormToken = 16
	MaxFormToken = 128
)

// CheckFormToken checks token, which a form that creates a draft carries (or a request's
// Idempotency-Key), so that the same form sent twice makes one draft: MinFormToken to
// MaxFormToken ASCII letters, digits and "-", "_", ".", ":", as a UUID or a random string
// spells it.
func CheckFormToken(token string) error {
	if len(token) < MinFormToken || len(token) > MaxFormToken {
		return Errorf(EINVALID, "the form's token (Idempotency-Key) must be %d to %d characters, got %d; send a new random one for each new draft", MinFormToken, MaxFormToken, len(token))
	}
	for _, r := range token {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.' || r == ':') {
			return Errorf(EINVALID, "the form's token (Idempotency-Key) may hold only letters, digits and - _ . :, got %q", r)
		}
	}
	return nil
}
