// Package policies holds Copydesk's default workflow (workflow.yaml) and the Casbin model its
// rules are compiled into, embedded into the binary.
package policies

import _ "embed"

// Workflow is the default workflow file (workflow.yaml).
//
//go:embed workflow.yaml
var Workflow string

// Model is the Casbin model (model.conf) that the workflow's rules are decided with.
//
//go:embed model.conf
var Model string
