// Command copydesk-bench measures Copydesk end to end at newsroom scale: it seeds a fresh
// database in a temp dir, starts the real server on loopback in this process, drives it with
// concurrent HTTP clients through the scenarios of issue 8, and compares each with a bare Echo
// handler measured in the same run. It never opens a database it did not create.
//
// The clients are a closed loop of our own (each sends its next request when the previous
// answer is in) rather than vegeta: the save, transition and publish scenarios need per-client
// state (a draft of its own, its version, a shared pool), and a fixed number of clients is what
// the targets speak of. Like any closed loop it understates queueing under overload.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "copydesk-bench:", err)
		os.Exit(2)
	}
	ok, err := run(ctx, cfg, os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "copydesk-bench:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

// run does the whole benchmark and reports whether every request was answered as expected.
func run(ctx context.Context, cfg config, out, errOut io.Writer) (bool, error) {
	dir, err := os.MkdirTemp("", "copydesk-bench-")
	if err != nil {
		return false, err
	}
	if cfg.Keep {
		fmt.Fprintln(errOut, "keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	path := filepath.Join(dir, "copydesk.db")
	fmt.Fprintf(out, "copydesk-bench %s\n%s, %d CPUs (GOMAXPROCS %d), %s RAM, %s %s/%s\nload average at start: %.2f %.2f %.2f\n\n",
		cfg.describe(), cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), mb(memTotal()), runtime.Version(),
		runtime.GOOS, runtime.GOARCH, loadAvg()[0], loadAvg()[1], loadAvg()[2])

	t0 := time.Now()
	step := max(250, cfg.Drafts/10/250*250)
	nr, err := seed(ctx, path, cfg.Drafts, func(done int) {
		if done == cfg.Drafts || done%step == 0 {
			fmt.Fprintf(errOut, "seeded %d of %d drafts (%.0fs)\n", done, cfg.Drafts, time.Since(t0).Seconds())
		}
	})
	if err != nil {
		return false, err
	}
	m := mixFor(cfg.Drafts)
	fmt.Fprintf(out, "seeded %d drafts in %.1fs: %d published, %d approved, %d editing, %d fact_check, %d draft, %d spiked;\n"+
		"  each ~1,500 words, %d revisions, %d quotes, %d comments; %d writers, %d editors, %d fact-checkers\n",
		cfg.Drafts, time.Since(t0).Seconds(), m["published"], m["approved"], m["editing"], m["fact_check"], m["draft"], m["spiked"],
		revisionsPer, quotesPerDraft, commentsPerDraft, nWriters, nEditors, nFactCheckers)
	seedPeak := procStatus("VmHWM")
	runtime.GC()
	debug.FreeOSMemory()
	resetErr := resetPeakRSS()

	logs := &errorLines{w: errOut}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	opened := time.Now()
	a, err := startApp(ctx, path, log)
	if err != nil {
		return false, err
	}
	defer a.Close()
	first, err := firstAnswer(a.url, opened)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(out, "first request (GET / on a fresh server over the seeded database): 200 after %d ms from opening the store\n",
		first.Milliseconds())
	fmt.Fprintf(out, "memory policy, as copydesk serve sets it, for the whole process: %s\n\n", a.memory)

	b, err := prepare(a, nr, cfg.Clients, log)
	if err != nil {
		return false, err
	}
	defer b.stopBaseline()
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return false, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return false, err
		}
		defer pprof.StopCPUProfile()
	}
	peak := procStatus("VmHWM") // starting the server, the first request, signing in
	results, err := b.runAll(ctx, cfg, errOut)
	if err != nil {
		return false, err
	}
	pprof.StopCPUProfile()

	base := baselineRate(results)
	printTable(out, results, base)
	for _, r := range results {
		peak = max(peak, r.PeakRSS)
	}
	db, wal := fileSize(path), fileSize(path+"-wal")
	fmt.Fprintf(out, "\nbaseline body %d bytes; ×base is req/s over the mean of the two baseline runs (%.0f req/s)\n", b.payload, base)
	fmt.Fprintf(out, "peak resident memory while serving (VmHWM of the process, server and load generator, reset after seeding\n"+
		"  and before each scenario; RSS MB above is each scenario's own peak): %s", mb(peak))
	if resetErr != nil {
		fmt.Fprintf(out, " (could not reset after seeding: %v)", resetErr)
	}
	fmt.Fprintf(out, "\npeak resident memory while seeding: %s\n", mb(seedPeak))
	fmt.Fprintf(out, "database: %s (db %s + wal %s)\n", mb(db+wal), mb(db), mb(wal))
	fmt.Fprintf(out, "load average at end: %.2f %.2f %.2f\n\n", loadAvg()[0], loadAvg()[1], loadAvg()[2])
	by := map[string]result{}
	for _, r := range results {
		by[r.ID] = r
	}
	printVerdicts(out, verdicts(by, base, peak, first), !cfg.Quick)

	errs := logs.count()
	for _, r := range results {
		errs += r.Errors
	}
	if errs > 0 {
		fmt.Fprintf(out, "\n%d errors (including %d server error log lines)\n", errs, logs.count())
	}
	return errs == 0, nil
}

// firstAnswer waits for the first 200 to GET / and returns how long after since it came.
func firstAnswer(url string, since time.Time) (time.Duration, error) {
	res, err := http.Get(url + "/")
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("first request: GET / answered %d", res.StatusCode)
	}
	return time.Since(since), nil
}

// baselineRate is the mean throughput of the baseline's runs, first and last.
func baselineRate(results []result) float64 {
	sum, n := 0.0, 0
	for _, r := range results {
		if r.ID == "7" || r.ID == "7'" {
			sum += r.Rate()
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
