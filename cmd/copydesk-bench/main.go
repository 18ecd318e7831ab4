// Command copydesk-bench measures Copydesk end to end at newsroom scale: it seeds a fresh
// database (a SQLite file in a temp dir, or a throwaway schema on a PostgreSQL server), starts
// the real server on loopback in this process (on PostgreSQL, one server and then two sharing
// the database), drives it with concurrent HTTP clients through the scenarios of issue 8, and
// compares each with a bare Echo handler measured in the same run. It never opens a database it
// did not create.
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
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
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

// run does the whole benchmark, each setup in turn, and reports whether every request was
// answered as expected.
func run(ctx context.Context, cfg config, out, errOut io.Writer) (bool, error) {
	fmt.Fprintf(out, "copydesk-bench %s\n%s, %d CPUs (GOMAXPROCS %d), %s RAM, %s %s/%s\nload average at start: %.2f %.2f %.2f\n\n",
		cfg.describe(), cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), mb(memTotal()), runtime.Version(),
		runtime.GOOS, runtime.GOARCH, loadAvg()[0], loadAvg()[1], loadAvg()[2])
	var done []measured
	ok := true
	for _, s := range cfg.Setups {
		if len(cfg.Setups) > 1 {
			fmt.Fprintf(out, "=== %s ===\n", s)
		}
		m, err := runSetup(ctx, cfg, s, out, errOut)
		if err != nil {
			return false, fmt.Errorf("%s: %w", s, err)
		}
		ok = ok && m.errors == 0
		done = append(done, m)
	}
	if len(done) > 1 {
		printComparison(out, done)
	}
	sets := make([]verdictSet, len(done))
	for i, m := range done {
		sets[i] = verdictSet{Setup: m.setup.String(), Judged: m.setup == sqliteSetup, Vs: m.verdicts(cfg.Drafts), Drift: m.drift()}
	}
	printVerdicts(out, sets, !cfg.Quick)
	return ok, nil
}

// measured is what one setup's run measured.
type measured struct {
	setup   setup
	results []result
	base    float64 // the baseline's req/s
	peak    int64   // peak resident memory while serving
	first   time.Duration
	errors  int // failed requests and server error log lines
}

// drift is how far apart the setup's two baseline runs were (see drift), 0 without both.
func (m measured) drift() float64 {
	first, last, _ := baselineRuns(m.results)
	return drift(first, last)
}

// verdicts checks the targets against the setup's figures.
func (m measured) verdicts(drafts int) []verdict {
	by := map[string]result{}
	for _, r := range m.results {
		by[r.ID] = r
	}
	return verdicts(by, m.base, m.peak, m.first, drafts)
}

// runSetup seeds a fresh database for s, starts its app servers, drives them through the
// scenarios and prints its table.
func runSetup(ctx context.Context, cfg config, s setup, out, errOut io.Writer) (measured, error) {
	m := measured{setup: s}
	db, cleanup, err := freshDatabase(ctx, s, cfg.Keep, out, errOut)
	if err != nil {
		return m, err
	}
	defer cleanup()

	t0 := time.Now()
	step := max(250, cfg.Drafts/10/250*250)
	nr, err := seed(ctx, db.dsn, cfg.Drafts, func(done int) {
		if done == cfg.Drafts || done%step == 0 {
			fmt.Fprintf(errOut, "seeded %d of %d drafts (%.0fs)\n", done, cfg.Drafts, time.Since(t0).Seconds())
		}
	})
	if err != nil {
		return m, err
	}
	mix := mixFor(cfg.Drafts)
	fmt.Fprintf(out, "seeded %d drafts in %.1fs: %d published, %d approved, %d editing, %d fact_check, %d draft, %d spiked;\n"+
		"  each ~1,500 words, %d revisions, %d quotes, %d comments; %d writers, %d editors, %d fact-checkers\n",
		cfg.Drafts, time.Since(t0).Seconds(), mix["published"], mix["approved"], mix["editing"], mix["fact_check"], mix["draft"], mix["spiked"],
		revisionsPer, quotesPerDraft, commentsPerDraft, nWriters, nEditors, nFactCheckers)
	seedPeak := procStatus("VmHWM")
	runtime.GC()
	debug.FreeOSMemory()
	resetErr := resetPeakRSS()

	logs := &errorLines{w: errOut}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	opened := time.Now()
	apps, policy, err := startApps(ctx, db.dsn, s.Nodes, log)
	for _, a := range apps {
		defer a.Close()
	}
	if err != nil {
		return m, err
	}
	if m.first, err = firstAnswer(apps[0].url, opened); err != nil {
		return m, err
	}
	fmt.Fprintf(out, "first request (GET / on a fresh server over the seeded database): 200 after %d ms from opening the store\n",
		m.first.Milliseconds())
	fmt.Fprintf(out, "memory policy, as copydesk serve sets it, for the whole process: %s\n", policy)
	if s.Nodes > 1 {
		fmt.Fprintf(out, "%d app servers in this process, each with its own store and caches, on the same schema; each client sends its\n"+
			"  requests to them in turn (round-robin, no proxy between)\n", s.Nodes)
	}
	fmt.Fprintln(out)

	b, err := prepare(apps, nr, cfg.Clients, log)
	if err != nil {
		return m, err
	}
	defer b.stopBaseline()
	stopProfile, err := startProfile(cfg, s)
	if err != nil {
		return m, err
	}
	m.peak = procStatus("VmHWM") // starting the servers, the first request, signing in
	m.results, err = b.runAll(ctx, cfg, errOut)
	stopProfile()
	if err != nil {
		return m, err
	}

	m.base = baselineRate(m.results)
	for _, r := range m.results {
		m.peak = max(m.peak, r.PeakRSS)
	}
	m.print(ctx, out, b.payload, seedPeak, resetErr, db)
	m.errors = logs.count()
	for _, r := range m.results {
		m.errors += r.Errors
	}
	if m.errors > 0 {
		fmt.Fprintf(out, "%d errors (including %d server error log lines)\n\n", m.errors, logs.count())
	}
	return m, nil
}

// print writes the setup's table and what the run measured besides: memory, the database's
// size and the load.
func (m measured) print(ctx context.Context, out io.Writer, payload int, seedPeak int64, resetErr error, db database) {
	printTable(out, m.results, m.base)
	fmt.Fprintf(out, "\nbaseline body %d bytes; ×base is req/s over the mean of the two baseline runs (%.0f req/s)\n", payload, m.base)
	if first, last, both := baselineRuns(m.results); both {
		fmt.Fprintf(out, "the baseline's two runs were %.1f%% apart (p99 %s and %s ms): how much the machine changed speed under the run\n",
			100*m.drift(), ms(first.P99), ms(last.P99))
	}
	fmt.Fprintf(out, "peak resident memory while serving (VmHWM of the process, server and load generator, reset after seeding\n"+
		"  and before each scenario; RSS MB above is each scenario's own peak): %s", mb(m.peak))
	if resetErr != nil {
		fmt.Fprintf(out, " (could not reset after seeding: %v)", resetErr)
	}
	fmt.Fprintf(out, "\npeak resident memory while seeding: %s\n", mb(seedPeak))
	fmt.Fprintf(out, "database: %s\n", db.size(ctx))
	fmt.Fprintf(out, "load average at end: %.2f %.2f %.2f\n\n", loadAvg()[0], loadAvg()[1], loadAvg()[2])
}

// startProfile starts the CPU profile of s's scenarios when -cpuprofile asks for one, in a file
// of its own when several setups run, and returns the function that stops it.
func startProfile(cfg config, s setup) (stop func(), err error) {
	if cfg.CPUProfile == "" {
		return func() {}, nil
	}
	path := cfg.CPUProfile
	if len(cfg.Setups) > 1 {
		path += "." + s.key()
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
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

// baselineRuns returns the baseline's first and last runs, if the run has both.
func baselineRuns(results []result) (first, last result, ok bool) {
	i := slices.IndexFunc(results, func(r result) bool { return r.ID == "7" })
	j := slices.IndexFunc(results, func(r result) bool { return r.ID == "7'" })
	if i < 0 || j < 0 {
		return result{}, result{}, false
	}
	return results[i], results[j], true
}

// drift is how far apart two runs of the same scenario were: the difference of their
// throughputs over the slower one's, 0 when either served nothing.
func drift(a, b result) float64 {
	lo, hi := min(a.Rate(), b.Rate()), max(a.Rate(), b.Rate())
	if lo <= 0 {
		return 0
	}
	return (hi - lo) / lo
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
