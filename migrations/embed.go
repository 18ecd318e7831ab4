// Package migrations holds Copydesk's versioned SQL schema, embedded and applied in order by goose.
package migrations

import "embed"

// FS holds the numbered migration files.
//
//go:embed *.sql
var FS embed.FS
