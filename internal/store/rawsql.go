package store

import (
	"context"
	"database/sql"
	"strings"

	"gorm.io/gorm"
)

// execRaw runs query, written with ? placeholders, on tx's connection as a statement prepared
// once (GORM's PrepareStmt keeps it), without GORM building the statement and running its
// callbacks. A save runs some thirty statements while it holds SQLite's single writer, and
// GORM's building of each cost about as much as SQLite's running of it.
func execRaw(tx *gorm.DB, query string, args ...any) error {
	_, err := tx.Statement.ConnPool.ExecContext(rawContext(tx), rawQuery(tx, query), args...)
	return err
}

// queryRaw is execRaw for a query that returns rows.
func queryRaw(tx *gorm.DB, query string, args ...any) (*sql.Rows, error) {
	return tx.Statement.ConnPool.QueryContext(rawContext(tx), rawQuery(tx, query), args...)
}

// rawQuery is query with its placeholders numbered on PostgreSQL.
func rawQuery(tx *gorm.DB, query string) string {
	if tx.Dialector.Name() == "postgres" {
		return NumberPlaceholders(query)
	}
	return query
}

// rawContext is the context tx runs with.
func rawContext(tx *gorm.DB) context.Context {
	if ctx := tx.Statement.Context; ctx != nil {
		return ctx
	}
	return context.Background()
}

// queryRowRaw is queryRaw for a query of at most one row, scanned as sql.Row scans.
func queryRowRaw(tx *gorm.DB, query string, args ...any) preparedRow {
	rows, err := queryRaw(tx, query, args...)
	return preparedRow{rows, err}
}

// placeholders is n ? placeholders separated by commas, for a list in an IN; for an empty list,
// NULL, which no value equals, as GORM writes it.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.Repeat(", ?", n)[2:]
}

// scanAll reads every row of rows into a T of its own through scan, which scans the current row
// into the T it is given, and closes rows.
func scanAll[T any](rows *sql.Rows, scan func(*T) error) ([]T, error) {
	return scanInto(rows, nil, scan)
}

// scanInto is scanAll appending to out, whose capacity a caller that knows how many rows to
// expect makes room for.
func scanInto[T any](rows *sql.Rows, out []T, scan func(*T) error) ([]T, error) {
	defer rows.Close()
	for rows.Next() {
		var v T
		if err := scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
