package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestInternalClassifiesFaults holds the one classification of database errors: a database that
// cannot be reached now is unavailable, a full disk is full, a deadlock PostgreSQL broke is a
// conflict to send again, anything else is internal, and an
// application error goes through as it is. The driver's error stays in the chain for the log.
func TestInternalClassifiesFaults(t *testing.T) {
	pg := func(code string) error { return &pgconn.PgError{Severity: "FATAL", Code: code} }
	lite := func(code sqlite3.ErrNo) error { return sqlite3.Error{Code: code} }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"PostgresAdminShutdown", pg("57P01"), newsroom.EUNAVAILABLE},
		{"PostgresCrashShutdown", pg("57P02"), newsroom.EUNAVAILABLE},
		{"PostgresStartingUp", pg("57P03"), newsroom.EUNAVAILABLE},
		{"PostgresConnectionFailure", pg("08006"), newsroom.EUNAVAILABLE},
		{"PostgresCannotConnect", pg("08001"), newsroom.EUNAVAILABLE},
		{"PostgresConnectError", &pgconn.ConnectError{}, newsroom.EUNAVAILABLE},
		{"PostgresConnClosed", fmt.Errorf("commit: %w", pgconn.ErrConnClosed), newsroom.EUNAVAILABLE},
		{"ConnectionReset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, newsroom.EUNAVAILABLE},
		{"ConnectionRefused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, newsroom.EUNAVAILABLE},
		{"BadConn", driver.ErrBadConn, newsroom.EUNAVAILABLE},
		{"CutShort", io.ErrUnexpectedEOF, newsroom.EUNAVAILABLE},
		{"NoAnswerInTime", context.DeadlineExceeded, newsroom.EUNAVAILABLE},
		{"ClientLeft", context.Canceled, newsroom.EINTERNAL},
		{"SQLiteBusy", lite(sqlite3.ErrBusy), newsroom.EUNAVAILABLE},
		{"SQLiteCantOpen", lite(sqlite3.ErrCantOpen), newsroom.EUNAVAILABLE},
		{"PostgresDiskFull", pg("53100"), newsroom.EFULL},
		{"SQLiteFull", lite(sqlite3.ErrFull), newsroom.EFULL},
		{"PostgresBadByte", pg("22021"), newsroom.EINTERNAL},
		{"PostgresDeadlock", pg("40P01"), newsroom.ECONFLICT},
		{"PostgresSerialization", pg("40001"), newsroom.EINTERNAL},
		{"PostgresOutOfMemory", pg("53200"), newsroom.EINTERNAL},
		{"SQLiteConstraint", lite(sqlite3.ErrConstraint), newsroom.EINTERNAL},
		{"SQLiteCorrupt", lite(sqlite3.ErrCorrupt), newsroom.EINTERNAL},
		{"NoRows", gorm.ErrRecordNotFound, newsroom.EINTERNAL},
		{"Other", errors.New("sql: database is closed"), newsroom.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := internal("test", fmt.Errorf("query: %w", tt.err))
			if code := newsroom.ErrorCode(got); code != tt.want {
				t.Fatalf("code = %q, want %q (%v)", code, tt.want, got)
			}
			if !errors.Is(got, tt.err) {
				t.Fatalf("%v lost the driver's error", got)
			}
		})
	}
	t.Run("ApplicationError", func(t *testing.T) {
		e := newsroom.Errorf(newsroom.ENOTFOUND, "draft 1 not found")
		if got := internal("test", e); got != error(e) {
			t.Fatalf("internal changed %v into %v", e, got)
		}
	})
	t.Run("Nil", func(t *testing.T) {
		if got := internal("test", nil); got != nil {
			t.Fatal(got)
		}
	})
}
