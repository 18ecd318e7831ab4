//go:build !unix

package store

import "os"

// flock does nothing where flock(2) is missing: there Restore cannot tell whether a server has
// the database open, and the operator must stop it first.
func flock(*os.File, bool) error {
	return nil
}
