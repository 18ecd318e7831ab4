package store

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// internal wraps an unexpected database error with context. It is the one place the store tells
// a database that is down or full, which the server answers as such (EUNAVAILABLE, EFULL), and
// a transaction undone for another (ECONFLICT: send it again), from any other failure, which the server logs and shows the user only as "internal error". The
// wrapped error keeps the driver's error for the log.
func internal(what string, err error) error {
	if err == nil {
		return nil
	}
	var e *newsroom.Error
	if errors.As(err, &e) {
		return err
	}
	switch {
	case unreachable(err):
		return fmt.Errorf("store: %s: %w: %w", what, errUnavailable, err)
	case diskFull(err):
		return fmt.Errorf("store: %s: %w: %w", what, errFull, err)
	case collided(err):
		return fmt.Errorf("store: %s: %w: %w", what, errCollided, err)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

var (
	errUnavailable = newsroom.Errorf(newsroom.EUNAVAILABLE, "the database is unavailable; try again shortly")
	errFull        = newsroom.Errorf(newsroom.EFULL, "the database's disk is full; nothing can be saved until space is freed")
	errCollided    = newsroom.Errorf(newsroom.ECONFLICT, "another change met this one at the same moment, and this one was undone; send it again")
)

// collided reports whether err says PostgreSQL undid the transaction to let another through,
// the two having waited on each other in a circle (deadlock_detected, 40P01): nothing of it was
// written, and the same request sent again goes through.
func collided(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "40P01"
}

// unreachable reports whether err says the database cannot be reached now, though it may be
// soon: PostgreSQL refused or lost the connection, did not answer in time, or is shutting down
// or starting up (SQLSTATE class 08, 57P01 to 57P03); SQLite's file is locked by another
// process for longer than the busy timeout, or cannot be opened.
func unreachable(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return strings.HasPrefix(pg.Code, "08") || pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03"
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		return lite.Code == sqlite3.ErrBusy || lite.Code == sqlite3.ErrCantOpen
	}
	var connect *pgconn.ConnectError
	var network net.Error
	return errors.As(err, &connect) || errors.As(err, &network) || errors.Is(err, pgconn.ErrConnClosed) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF)
}

// diskFull reports whether err says the database's disk is full (SQLite's SQLITE_FULL,
// PostgreSQL's disk_full).
func diskFull(err error) bool {
	var pg *pgconn.PgError
	var lite sqlite3.Error
	return errors.As(err, &pg) && pg.Code == "53100" || errors.As(err, &lite) && lite.Code == sqlite3.ErrFull
}
