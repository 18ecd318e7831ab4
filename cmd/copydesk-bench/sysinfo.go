package main

import (
	"os"
	"strconv"
	"strings"
)

// The machine and the process, read from /proc (Linux). Each reader returns a zero value where
// /proc is missing, so the benchmark still runs elsewhere, only with less to say.

// loadAvg returns the one-, five- and fifteen-minute load averages.
func loadAvg() [3]float64 {
	var l [3]float64
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return l
	}
	f := strings.Fields(string(b))
	for i := 0; i < 3 && i < len(f); i++ {
		l[i], _ = strconv.ParseFloat(f[i], 64)
	}
	return l
}

// procStatus returns a "kB" field of /proc/self/status, such as VmHWM, in bytes.
func procStatus(field string) int64 {
	return kBField("/proc/self/status", field)
}

// kBField reads "Field:   1234 kB" from a /proc file, in bytes.
func kBField(path, field string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
}

// resetPeakRSS starts VmHWM again from the current resident size (Linux 4.0 and later), so
// that the peak measured while serving leaves out the seeding.
func resetPeakRSS() error {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// cpuModel names the processor.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// memTotal is the machine's memory in bytes.
func memTotal() int64 { return kBField("/proc/meminfo", "MemTotal") }

// fileSize is a file's size in bytes, 0 when it does not exist.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
