// Package web holds Copydesk's page templates and static assets, embedded into the binary.
package web

import "embed"

// FS holds templates/ (html/template files) and static/ (the stylesheet and scripts).
//
//go:embed templates static
var FS embed.FS
