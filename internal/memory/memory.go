// Package memory is Copydesk's memory policy: how the Go runtime collects garbage in a server
// meant to fit in 150 MB on a small machine.
//
// Go's defaults collect whenever the heap has doubled. A newsroom server's live heap is small
// (a few megabytes when it starts, tens once its caches fill), so under load it collected
// every few megabytes allocated, and the collector took a tenth of the CPU: one 10 kB draft
// read allocates about 36 kB. The policy lets the heap grow to three times what is live, and
// bounds it instead with a soft limit on the runtime's memory, which leaves room within
// 150 MB for SQLite's own memory and the binary.
package memory

import (
	"runtime/debug"
	"strconv"
)

// The policy's defaults.
const (
	GCPercent = 200      // collect when the heap has grown by twice what is live
	Limit     = 96 << 20 // the runtime's soft memory limit, in bytes
)

// Apply sets the policy for this process, leaving alone what the operator set through the
// GOGC and GOMEMLIMIT environment variables (getenv reads them), and says what is in force.
func Apply(getenv func(string) string) string {
	gc, limit := "GOGC="+getenv("GOGC"), "GOMEMLIMIT="+getenv("GOMEMLIMIT")
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
		gc = "GOGC=" + strconv.Itoa(GCPercent) + " (default)"
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(Limit)
		limit = "GOMEMLIMIT=" + strconv.Itoa(Limit>>20) + "MiB (default)"
	}
	return gc + ", " + limit
}
