// Package migrations holds Copydesk's versioned SQL schema, embedded and applied in order by
// goose: sqlite/ for SQLite and postgres/ for PostgreSQL. The two folders hold the same file
// names, each file the same change in its database's dialect.
package migrations

import "embed"

// FS holds the numbered migration files, in sqlite/ and postgres/.
//
//go:embed sqlite/*.sql postgres/*.sql
var FS embed.FS
