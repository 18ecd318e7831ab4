package store

import (
	"context"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// IsPostgres reports whether db names a PostgreSQL database (a postgres:// or postgresql:// URL)
// rather than a SQLite file.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Redact returns db fit for logs and messages: a PostgreSQL URL without its password.
func Redact(db string) string {
	if !IsPostgres(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// openPostgres opens a pool of connections to the PostgreSQL database at dsn. Several app
// servers may share the database: write transactions lock what they read and change (see
// lockDraft), so they behave as they do behind SQLite's single writer.
func openPostgres(dsn string) (*Store, error) {
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return nil, fmt.Errorf("store: open %s: invalid PostgreSQL URL", Redact(dsn))
	}
	dialector := postgres.New(postgres.Config{DSN: dsn, OptionOpenDB: []stdlib.OptionOpenDB{stdlib.OptionAfterConnect(utcTimes)}})
	// GORM's statement cache is left off here. pgx already keeps each connection's prepared
	// statements, and GORM's cache deadlocks a pool: a read outside a transaction that prepares
	// a statement first holds it, half-made, while it waits for a connection, and transactions
	// that hold every connection wait for that same statement.
	cfg := gormConfig()
	cfg.PrepareStmt = false
	db, err := gorm.Open(dialector, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	// Every open connection may stay idle in the pool, for five minutes at most. With fewer idle
	// than open, a burst of requests closed the connections it had opened as soon as it passed,
	// and the next burst opened them again: a PostgreSQL backend started and a password
	// exchange (SCRAM) each time. Two app servers sharing the load on one machine opened forty
	// connections a second this way, and read drafts at a quarter of one server's rate.
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(4 * runtime.NumCPU())
	sqlDB.SetMaxIdleConns(4 * runtime.NumCPU())
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	return &Store{w: db, r: db, pg: true}, nil
}

// utcTimes makes a new connection read TIMESTAMPTZ values in UTC, as SQLite returns its UTC
// text, so that a time reads back exactly as the store's clock wrote it.
func utcTimes(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
	return nil
}

// migrationLocker makes servers starting together on one PostgreSQL database migrate one at a
// time. The lock is per schema, so databases in different schemas migrate independently.
func (s *Store) migrationLocker(ctx context.Context) (lock.SessionLocker, error) {
	var id int64
	err := s.w.WithContext(ctx).
		Raw("SELECT ('x' || substr(md5('copydesk migrations ' || current_database() || '.' || current_schema()), 1, 16))::bit(64)::bigint").
		Scan(&id).Error
	if err != nil {
		return nil, err
	}
	return lock.NewPostgresSessionLocker(lock.WithLockID(id), lock.WithLockTimeout(1, 300))
}

// forUpdate makes the next query on tx lock the rows it reads from table until tx ends, on
// PostgreSQL. SQLite needs no row locks: its write transactions run one at a time on the single
// writer connection. The lock is FOR NO KEY UPDATE, the one an UPDATE that keeps the id takes:
// it makes writers of the row take turns, but not inserts of rows that merely refer to it.
func (s *Store) forUpdate(tx *gorm.DB, table string) *gorm.DB {
	if !s.pg {
		return tx
	}
	return tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE", Table: clause.Table{Name: table}})
}

// shareUser holds user id as it is until tx ends, on PostgreSQL, by a share lock on its row: a
// change of the user (disabling them, another role) waits for tx to end, and tx, if the change
// came first, waits for it and then reads the user as changed. An assignment takes it before
// the draft's lock, in the order the change takes them (the user, then the drafts whose desks
// it releases); a step of the workflow, which finds whose desk it reopens under the draft's
// lock, can meet a change releasing another desk of that draft in a circle, which PostgreSQL
// breaks by failing one of the two. SQLite's single writer runs them one at a time.
func (s *Store) shareUser(tx *gorm.DB, id int64) error {
	if !s.pg || id == 0 {
		return nil
	}
	return tx.Exec("SELECT id FROM users WHERE id = ? FOR SHARE", id).Error
}

// lockPacking makes transactions that pack old revisions take turns on PostgreSQL, so that two
// servers started together after the upgrade to migration 00029 do not both pack one batch: the
// second waits, then reads a batch of what is still unpacked.
func (s *Store) lockPacking(tx *gorm.DB) error {
	if !s.pg {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtext('copydesk packing revisions ' || current_schema()))").Error
}

// lockSlugs makes transactions that reserve a new article slug take turns on PostgreSQL, so that
// two pieces with the same title get "title" and "title-2" rather than a unique violation.
func (s *Store) lockSlugs(tx *gorm.DB) error {
	if !s.pg {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtext('copydesk article slugs ' || current_schema()))").Error
}

// lockWebhooks makes transactions that add a webhook take turns on PostgreSQL, so that admins
// adding webhooks at the same time count each other's and cannot pass newsroom.MaxWebhooks
// between them (see CreateWebhook). SQLite's one writer already makes them take turns.
func (s *Store) lockWebhooks(tx *gorm.DB) error {
	if !s.pg {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtext('copydesk webhooks ' || current_schema()))").Error
}

// lockMailboxes makes transactions that give a person an address, or ask for a link to one, take
// turns on PostgreSQL, so that the limits on how often a person asks for a link to an address,
// how many links a mailbox is mailed and how many a person asks for (see RequestEmailChange)
// count each other's links, a person has one address waiting, and two accounts given one
// address at once do not both find it free (see mailboxFree). SQLite's one writer already makes
// them take turns.
func (s *Store) lockMailboxes(tx *gorm.DB) error {
	if !s.pg {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtext('copydesk email links ' || current_schema()))").Error
}

// lockTokens makes transactions that make a named API token take turns on PostgreSQL, so that
// tokens made at once count each other and cannot pass MaxNamedTokens between them (see
// roomForToken). SQLite's one writer already makes them take turns.
func (s *Store) lockTokens(tx *gorm.DB) error {
	if !s.pg {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(hashtext('copydesk tokens ' || current_schema()))").Error
}
