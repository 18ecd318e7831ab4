package store_test

import (
	"errors"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func asError(err error, target **newsroom.Error) bool {
	return errors.As(err, target)
}
