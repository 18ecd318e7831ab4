//go:build unix

package anchor_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
)

// cpuTime returns the CPU time the process has used, in user and system mode. On a machine
// that other work loads, it says what an operation costs better than the time it took.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLocateAllWorst re-anchors each worst input of worstCases and reports the CPU time of
// one call, garbage collection included: it must stay under 200 ms.
func BenchmarkLocateAllWorst(b *testing.B) {
	for _, tc := range worstCases(b) {
		b.Run(tc.name, func(b *testing.B) {
			cpu := cpuTime(b)
			for b.Loop() {
				anchor.LocateAll(tc.text, tc.sels)
			}
			b.ReportMetric(float64(cpuTime(b)-cpu)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
		})
	}
}
