//go:build unix

// Package cputime measures what benchmarks cost in CPU time rather than in the time they took:
// on a machine that other work loads, the CPU time a process used says what an operation costs
// far better than the wall clock does.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Used returns the CPU time the process has used so far, in user and system mode.
func Used(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Report reports cpu, the CPU time of b.N operations, per operation as cpu-ms/op.
func Report(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
}
