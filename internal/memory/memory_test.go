package memory

import (
	"math"
	"runtime/debug"
	"testing"
)

// current reads the collector's settings without changing them.
func current() (gcPercent int, limit int64) {
	gcPercent = debug.SetGCPercent(100)
	debug.SetGCPercent(gcPercent)
	return gcPercent, debug.SetMemoryLimit(-1)
}

func TestApply(t *testing.T) {
	gc0, limit0 := current()
	t.Cleanup(func() {
		debug.SetGCPercent(gc0)
		debug.SetMemoryLimit(limit0)
	})
	tests := []struct {
		name      string
		env       map[string]string
		wantGC    int
		wantLimit int64
		said      string
	}{
		{"Defaults", nil, GCPercent, Limit, "GOGC=200 (default), GOMEMLIMIT=96MiB (default)"},
		{"OperatorsGOGC", map[string]string{"GOGC": "50"}, 100, Limit, "GOGC=50, GOMEMLIMIT=96MiB (default)"},
		{"OperatorsLimit", map[string]string{"GOMEMLIMIT": "1GiB"}, GCPercent, math.MaxInt64, "GOGC=200 (default), GOMEMLIMIT=1GiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// What the runtime would have read from the environment; here, Go's defaults.
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			said := Apply(func(k string) string { return tt.env[k] })
			if gc, limit := current(); gc != tt.wantGC || limit != tt.wantLimit || said != tt.said {
				t.Fatalf("GOGC %d, limit %d, said %q; want %d, %d, %q", gc, limit, said, tt.wantGC, tt.wantLimit, tt.said)
			}
		})
	}
}
