// Package newsroom is Copydesk's domain: drafts, revisions, users and roles, the workflow's
// stages and actions, and the rules between them. It imports neither HTTP nor storage code.
package newsroom

import (
	"errors"
	"fmt"
)

// Error codes name the kind of a failure. The server maps each to exactly one HTTP status.
const (
	EMALFORMED    = "malformed"    // the request itself could not be read (bad JSON, wrong types)
	EUNAUTHORIZED = "unauthorized" // no valid credentials
	EFORBIDDEN    = "forbidden"    // authenticated, but not allowed
	ENOTFOUND     = "not_found"    // no such thing, or not visible to the caller
	ECONFLICT     = "conflict"     // the request fights the current state (stage, version, gate)
	ETOOLARGE     = "too_large"    // the request body is over the limit
	EUNSUPPORTED  = "unsupported"  // the request body is of a media type the route does not take
	ETOOMANY      = "too_many"     // slow down: too many failed attempts
	EINVALID      = "invalid"      // well-formed but unacceptable values
	EUNAVAILABLE  = "unavailable"  // the database cannot be reached or is shutting down; try again
	EFULL         = "storage_full" // the database's disk is full; nothing can be saved
	ECANCELED     = "canceled"     // the request ended (its client left, or its time ran out) while it waited its turn
	EINTERNAL     = "internal"     // our fault; details are logged, never shown
)

// EPASSWORD is the code for a user who must choose a new password before anything else (see
// User.MustChangePassword): they are signed in, but allowed only that.
const EPASSWORD = "password_change_required"

// Error is an application error with a code, a message fit for the user, and optional details
// (such as the current version of a draft after a conflict).
type Error struct {
	Code    string
	Message string
	Details map[string]any
	// Parts are the refusals a joined one says in turn (see JoinRefusals), for a page that adds
	// to each; nil for one that is not joined.
	Parts []*Error
}

// Error returns the message, prefixed by the code for logs.
func (e *Error) Error() string {
	return fmt.Sprintf("copydesk error: code=%s message=%s", e.Code, e.Message)
}

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// With returns the error with one more detail attached.
func (e *Error) With(key string, value any) *Error {
	d := make(map[string]any, len(e.Details)+1)
	for k, v := range e.Details {
		d[k] = v
	}
	d[key] = value
	return &Error{Code: e.Code, Message: e.Message, Details: d, Parts: e.Parts}
}

// ErrorCode returns the code of an application error anywhere in err's chain, EINTERNAL for any
// other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err. Errors that are not application errors
// say only "internal error", so no SQL or stack detail reaches a user.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
