// Package store keeps Copydesk's data with GORM on SQLite or PostgreSQL. It is also the service layer: every
// exported method takes the acting user from the context, opens its own transaction, checks the
// state machine and the Casbin policy, and writes the text, history and audit rows together.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pressly/goose/v3"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/migrations"
)

// Options tune a Store. The zero value gives production defaults.
type Options struct {
	// Clock is the store's time (default clock.System); tests move a clock.Fake.
	Clock clock.Clock
	// TokenTTL is how long an API token stays valid (default 24 hours).
	TokenTTL time.Duration
	// PasswordCost is the bcrypt cost (default bcrypt.DefaultCost); tests lower it for speed.
	PasswordCost int
	// Policy is the workflow and who may do what in it (default: the embedded workflow file).
	Policy *policy.Policy
	// Logger is where the store logs what it cannot answer a caller with: a slow hold of the
	// writer, a search that answers from an index it could not bring up to date, an event
	// listener's panic (default slog.Default()). copydesk serve gives the logger of --log-level.
	Logger *slog.Logger
	// MaxSize caps a SQLite database at about this many bytes (PRAGMA max_page_count on the
	// writer): past it, writes fail as they would on a full disk. 0 sets no cap but the disk's.
	// Tests use it to fill a database; PostgreSQL ignores it.
	MaxSize int64
	// TimeZone is the newsroom's time zone until an admin sets one (default UTC; see TimeZone).
	TimeZone *time.Location
	// AllowLocalWebhooks lets a webhook's URL name the local network (the operator's choice;
	// see newsroom.CheckWebhookURL). By default such a URL is refused.
	AllowLocalWebhooks bool
}

// Store is Copydesk's data and the service over it.
type Store struct {
	// On SQLite, w is the single writer connection (SQLite takes one writer at a time anyway)
	// and r a pool of read-only connections, which WAL lets run beside the writer. On
	// PostgreSQL both are the same pool, and write transactions lock the rows they change.
	w  *gorm.DB
	r  *gorm.DB
	pg bool
	// On SQLite every write transaction runs on one pinned connection, taken in turn (wmu).
	// Pinning keeps its prepared statements alive from one transaction to the next: through
	// database/sql's Tx they were compiled again in every transaction, a third of a save's time.
	wmu   sync.Mutex
	wconn *sql.Conn
	wc    *gorm.DB
	// queue is the transactions waiting for wmu, run in groups (see commitGrouped).
	queue writeQueue
	// writers counts the transactions waiting for or holding wmu, so that background work can
	// give way to requests (see asideTurn), after patience at most.
	writers  atomic.Int32
	patience time.Duration
	// slowHolds is noteHold's record of the slow transactions it logged and left out.
	slowHolds holdLog
	// lock is the SQLite database's lock file, held shared while the store is open, so that
	// Restore can tell (see lockDatabase).
	lock *os.File
	// unsettled is set when a ROLLBACK failed, so the next transaction first makes sure the
	// pinned connection is not left inside the old one.
	unsettled bool
	policy    *policy.Policy
	log       *slog.Logger
	// creds remembers recently used tokens and sessions (see credentials.go).
	creds credentials
	// events are the listeners to changes and the place in the events table (see events.go).
	events events
	// stmts holds the statements prepared outside GORM, by their SQL (see prepared). A statement
	// holds no data, only how to run its SQL, and the SQL is its key, so it cannot go stale: a
	// migration that changes a table it reads makes SQLite and PostgreSQL plan it again on its
	// next use. It holds one entry per query written in this package, a bounded number.
	stmts sync.Map
	// summaries keeps pages of draft summaries on SQLite while the database has not changed
	// (see summaryCache); nil on PostgreSQL.
	summaries *summaryCache
	clk       clock.Clock
	zone      *time.Location
	ttl       time.Duration
	cost      int
	// localHooks is Options.AllowLocalWebhooks.
	localHooks bool
	// dummy is the hash an unknown user's password is compared with (see dummyHash).
	dummy     string
	dummyOnce sync.Once
	// bcrypts holds a place for each bcrypt computation running, bcryptShare at most (see
	// bcryptTurn).
	bcrypts chan struct{}

	// fullAt is when a write last failed for want of disk space, in Unix nanoseconds by the
	// store's clock, or 0 if a write has committed since (see Ping).
	fullAt atomic.Int64
}

// Open opens the database db names: a PostgreSQL URL (postgres://… or postgresql://…), or else
// the path of a SQLite file, created if need be. Call Migrate before use.
func Open(db string, opt Options) (*Store, error) {
	if db == "" {
		return nil, errors.New("store: no database path")
	}
	var s *Store
	var err error
	if IsPostgres(db) {
		s, err = openPostgres(db)
	} else {
		s, err = openSQLite(db)
	}
	if err != nil {
		return nil, err
	}
	s.policy, s.clk, s.ttl, s.cost, s.log = opt.Policy, opt.Clock, opt.TokenTTL, opt.PasswordCost, opt.Logger
	s.localHooks = opt.AllowLocalWebhooks
	s.bcrypts = make(chan struct{}, bcryptShare())
	if s.log == nil {
		s.log = slog.Default()
	}
	s.patience = indexPatience
	s.slowHolds.least, s.slowHolds.every = slowHold, holdLogEvery
	if s.clk == nil {
		s.clk = clock.System
	}
	if s.zone = opt.TimeZone; s.zone == nil {
		s.zone = time.UTC
	}
	if s.ttl == 0 {
		s.ttl = 24 * time.Hour
	}
	if s.cost == 0 {
		s.cost = bcrypt.DefaultCost
	}
	if s.policy == nil {
		if s.policy, err = policy.Default(); err != nil {
			s.Close()
			return nil, err
		}
	}
	if s.events.origin, err = randomToken(); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", db, err)
	}
	s.Subscribe(s.creds.forgetUser)
	if opt.MaxSize > 0 && !s.pg {
		if err := s.capSize(opt.MaxSize); err != nil {
			s.Close()
			return nil, fmt.Errorf("store: open %s: %w", db, err)
		}
	}
	return s, nil
}

// gormConfig is how both dialects use GORM. TranslateError turns either database's unique
// violation into gorm.ErrDuplicatedKey. PrepareStmt has GORM keep each statement it prepares,
// by its SQL, per handle: like stmts, such a statement holds no data and is planned again by the
// database after a migration, so it cannot serve anything stale.
func gormConfig() *gorm.Config {
	return &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true, PrepareStmt: true, TranslateError: true}
}

// readers is how many connections a SQLite store reads through at once.
var readers = 2 * runtime.NumCPU()

// openSQLite opens the SQLite file at path with one writer connection and a pool of readers,
// holding a shared lock beside it (see lockDatabase) until Close.
func openSQLite(path string) (_ *Store, err error) {
	lock, err := lockDatabase(path, false)
	if errors.Is(err, errInUse) {
		return nil, fmt.Errorf("store: open %s: a restore is replacing it; try again when it has finished", path)
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.Close()
		}
	}()
	if err := createPrivate(path, false); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w, err := gorm.Open(&sqlite.Dialector{DriverName: sqliteDriver, DSN: dsn(path, false)}, gormConfig())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	wdb, _ := w.DB()
	r, err := gorm.Open(&sqlite.Dialector{DriverName: sqliteDriver, DSN: dsn(path, true)}, gormConfig())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, errors.Join(err, wdb.Close()))
	}
	// Two connections: the pinned writer, and one for migrations, backups and health checks.
	wdb.SetMaxOpenConns(2)
	rdb, _ := r.DB()
	rdb.SetMaxOpenConns(readers)
	// database/sql keeps only two idle connections unless told otherwise: readers beyond two
	// would be closed as a burst of reads ends and opened again by the next, each open setting
	// the DSN's pragmas, reading the schema and preparing its statements anew.
	rdb.SetMaxIdleConns(readers)
	conn, err := wdb.Conn(context.Background())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, errors.Join(err, rdb.Close(), wdb.Close()))
	}
	cfg := gormConfig()
	cfg.DisableAutomaticPing = true
	wc, err := gorm.Open(&sqlite.Dialector{Conn: conn}, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, errors.Join(err, conn.Close(), rdb.Close(), wdb.Close()))
	}
	return &Store{w: w, r: r, wconn: conn, wc: wc, lock: lock, summaries: newSummaryCache()}, nil
}

// createPrivate makes an empty file at path, readable and writable by its owner alone, for
// SQLite to fill: left to make it, SQLite makes a database (and its WAL beside it, with the
// same mode) readable by everyone the umask lets, 0644 under the common 022, and a database
// holds password hashes, the mail server's password, webhook secrets and unpublished drafts.
// A file already there is kept with the mode its operator gave it, unless fresh says that
// there must be none (a backup never overwrites one).
func createPrivate(path string, fresh bool) error {
	flags := os.O_RDONLY | os.O_CREATE
	if fresh {
		flags |= os.O_EXCL
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// readerCacheKiB is each reader's page cache, half SQLite's default: the readers' caches were
// about a tenth of the server's resident memory at 10,000 drafts, and gave reads nothing they
// would miss (GET draft reads a draft's pages at random, which no cache of a size to keep
// holds; the hot pages of the indexes fit many times over). See docs/performance.md.
const readerCacheKiB = 1000

// dsn builds a go-sqlite3 connection string: foreign keys on, WAL journal, a busy timeout, and
// BEGIN IMMEDIATE so a write transaction takes its lock up front instead of failing half-way.
func dsn(path string, readOnly bool) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate"
	if readOnly {
		q += "&_query_only=true&_cache_size=-" + strconv.Itoa(readerCacheKiB)
	}
	return "file:" + esc + "?" + q
}

// Migrate applies the pending migrations, then the backfills not yet run on this database (see
// backfill), and returns the files it applied, in order. On an up-to-date database it reads
// goose's version table, one row per backfill and the last event's id: no table that grows with
// the newsroom is scanned (TestMigrateScansNothing holds it to that).
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	db, _ := s.w.DB()
	dialect, dir, opts := goose.DialectSQLite3, "sqlite", []goose.ProviderOption(nil)
	if s.pg {
		locker, err := s.migrationLocker(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: migrations: %w", err)
		}
		dialect, dir, opts = goose.DialectPostgres, "postgres", append(opts, goose.WithSessionLocker(locker))
	}
	files, err := fs.Sub(migrations.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	p, err := goose.NewProvider(dialect, db, files, opts...)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	if err := checkNotNewer(ctx, p); err != nil {
		return nil, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	applied := make([]string, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Path)
	}
	if err := s.backfill(ctx, backfillTags, fillTags); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillPublishedText, s.fillPublishedText); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillSymbolTags, retagSymbols); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillSuffixTags, retagSuffixes); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillSharpSTags, retagCapitalSharpS); err != nil {
		return applied, err
	}
	if err := s.backfillInBatches(ctx, backfillStaleTags, retagStale); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillSpacedQuotes, refitSpacedQuotes); err != nil {
		return applied, err
	}
	if err := s.backfill(ctx, backfillFeedIDs, s.markFeedIDs); err != nil {
		return applied, err
	}
	if err := s.packOldRevisions(ctx); err != nil {
		return applied, err
	}
	s.events.tail.Lock()
	defer s.events.tail.Unlock()
	return applied, s.markEvents(ctx)
}

// checkNotNewer refuses a database that a newer Copydesk has migrated past the migrations this
// one knows (a newer version's backup restored, or a downgrade): goose passes over versions it
// has no file for, and this one would write to tables whose meaning has changed under it.
func checkNotNewer(ctx context.Context, p *goose.Provider) error {
	sources := p.ListSources()
	if len(sources) == 0 {
		return nil
	}
	db, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if known := sources[len(sources)-1].Version; db > known {
		return fmt.Errorf("store: %w", newerSchema(db, known))
	}
	return nil
}

// newerSchema is the error about a database at migration version db, past known.
func newerSchema(db, known int64) error {
	return fmt.Errorf("the database was migrated by a newer Copydesk (to migration %d; this one knows up to %d): run that version or a later one", db, known)
}

// DB returns the writer's database handle, for backups and health checks.
func (s *Store) DB() *sql.DB {
	db, _ := s.w.DB()
	return db
}

// Now is the store's time, as it stamps what it writes, for a page that shows "now" as the
// store would (the preview's publication date).
func (s *Store) Now() time.Time { return s.clock() }

// clock returns the current time as stored: UTC, to the microsecond, so that every database
// keeps and compares it the same way.
func (s *Store) clock() time.Time {
	return s.clk.Now().UTC().Truncate(time.Microsecond)
}

// read is the read pool, for a request's context. On SQLite the context's cancellation is left
// behind: with a context that can be cancelled, mattn/go-sqlite3 steps every row on a new
// goroutine and database/sql watches every query with another, a third of the time of
// listing 50 drafts, while a SQLite read takes milliseconds and gains nothing from being cut
// short. PostgreSQL keeps it, so that a query of a client that left is cancelled there.
func (s *Store) read(ctx context.Context) *gorm.DB {
	return s.r.WithContext(s.readContext(ctx))
}

// readContext is ctx as reads should run with it (see read).
func (s *Store) readContext(ctx context.Context) context.Context {
	if s.pg {
		return ctx
	}
	return context.WithoutCancel(ctx)
}

// prepared returns query prepared on the read pool, preparing it the first time it is asked
// for. Close closes them.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	db, err := s.r.DB()
	if err != nil {
		return nil, err
	}
	st, err := db.PrepareContext(s.readContext(ctx), query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// queryPrepared runs query, written with ? placeholders, as a statement prepared once on the
// read pool (see prepared), numbering its placeholders on PostgreSQL.
func (s *Store) queryPrepared(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s.pg {
		query = NumberPlaceholders(query)
	}
	stmt, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(s.readContext(ctx), args...)
}

// NumberPlaceholders writes query's ? placeholders as PostgreSQL's $1, $2…, for SQL written
// once for both databases and run outside GORM, which numbers them itself.
func NumberPlaceholders(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r != '?' {
			b.WriteRune(r)
			continue
		}
		n++
		fmt.Fprintf(&b, "$%d", n)
	}
	return b.String()
}

// queryRowPrepared is queryPrepared for a query of at most one row, scanned as sql.Row scans.
func (s *Store) queryRowPrepared(ctx context.Context, query string, args ...any) preparedRow {
	rows, err := s.queryPrepared(ctx, query, args...)
	return preparedRow{rows, err}
}

// preparedRow is the answer of queryRowPrepared.
type preparedRow struct {
	rows *sql.Rows
	err  error
}

// Scan copies the row's columns into dest, or returns sql.ErrNoRows when there is no row.
func (r preparedRow) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	return r.rows.Close()
}

// tx runs fn in a write transaction (see transact) with the events it records (see record):
// they are written last inside the transaction with the notifications and deliveries they
// cause (see planOutbox), and delivered to the listeners once it has committed.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	p := &pending{}
	err := s.transact(context.WithValue(ctx, pendingKey{}, p), func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		o, err := s.planOutbox(tx, p.events)
		if err != nil {
			return err
		}
		if err := s.writeEvents(tx, p.events); err != nil {
			return err
		}
		return o.write(tx)
	})
	if err == nil {
		s.deliver(p.events)
	}
	return err
}

// transact runs fn in a write transaction: on PostgreSQL a pool transaction, on SQLite a BEGIN
// IMMEDIATE on the pinned writer connection, one at a time, together with the transactions
// that waited beside it (see commitGrouped). It commits when fn returns nil and rolls back fn's
// work on an error or a panic. A transaction once begun runs to its end even if the request is
// cancelled: on SQLite for the reason read gives, and on both so that a commit is never left
// with an unknown outcome (committed, but reported failed, its events undelivered) and a
// release under way when the scheduler stops finishes. On SQLite a group that held the writer
// for slowHold or longer is logged (see noteHold).
func (s *Store) transact(ctx context.Context, fn func(tx *gorm.DB) error) (err error) {
	defer func() { s.noteSpace(err) }()
	ctx = context.WithoutCancel(ctx)
	if s.pg {
		return s.w.WithContext(ctx).Transaction(fn)
	}
	s.writers.Add(1)
	defer s.writers.Add(-1)
	return s.commitGrouped(ctx, fn)
}

// actor returns the signed-in user, or EUNAUTHORIZED.
func actor(ctx context.Context) (*newsroom.User, error) {
	u := newsroom.UserFrom(ctx)
	if u == nil {
		return nil, newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in first")
	}
	return u, nil
}
