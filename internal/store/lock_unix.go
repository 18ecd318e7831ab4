//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// flock takes a shared or exclusive flock(2) on f without waiting, or answers errInUse.
func flock(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errInUse
	}
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", f.Name(), err)
	}
	return nil
}
