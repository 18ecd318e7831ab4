// Package policies holds Copydesk's default Casbin model and role policy, embedded into the binary.
package policies

import _ "embed"

// Model is the Casbin model (model.conf).
//
//go:embed model.conf
var Model string

// Policy is the role policy (policy.csv).
//
//go:embed policy.csv
var Policy string
