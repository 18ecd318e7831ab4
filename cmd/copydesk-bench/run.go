package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// prepare signs in the staff the scenarios act as, through the API, and starts the baseline
// with a body as large as a real draft's JSON.
func prepare(apps []*app, nr *newsroomDB, clients int, log *slog.Logger) (*bench, error) {
	b := &bench{hc: newHTTPClient(clients * len(apps)), nr: nr, writers: map[string]string{}}
	for _, a := range apps {
		b.appURLs = append(b.appURLs, a.url)
	}
	var err error
	if b.editor, err = b.login(nr.Editors[0]); err != nil {
		return nil, err
	}
	if b.checker, err = b.login(nr.FactCheckers[0]); err != nil {
		return nil, err
	}
	for _, id := range nr.ByStage["draft"][:clients] {
		w := nr.WriterOf[id]
		if _, ok := b.writers[w.Username]; !ok {
			if b.writers[w.Username], err = b.login(w); err != nil {
				return nil, err
			}
		}
	}
	body, err := b.app().call("GET", "/api/v1/drafts/1", b.editor, nil, nil, 200)
	if err != nil {
		return nil, err
	}
	payload := append([]byte(nil), body...)
	b.payload = len(payload)
	if b.baseURL, b.stopBaseline, err = startBaseline(payload, log); err != nil {
		return nil, err
	}
	b.scenario = b.scenarios()
	return b, nil
}

// runAll runs the chosen scenarios in order, with the baseline first and again last (as 7'),
// so that the ratios rest on a baseline measured under the same load as the rest.
func (b *bench) runAll(ctx context.Context, cfg config, progress io.Writer) ([]result, error) {
	var results []result
	ids := append(append([]string(nil), scenarioIDs...), "7'")
	for _, id := range ids {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		sc := b.scenario[strings.TrimSuffix(id, "'")]
		if cfg.Only != nil && sc.ID != "7" && !cfg.Only[sc.ID] {
			continue
		}
		reqs, err := sc.clients(cfg.Clients)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", sc.ID, err)
		}
		if err := b.settle(progress); err != nil {
			return nil, fmt.Errorf("before scenario %s: %w", sc.ID, err)
		}
		// Each scenario's peak memory is its own: the heap left by the one before is given
		// back and the high-water mark starts again from what is resident now.
		runtime.GC()
		debug.FreeOSMemory()
		resetPeakRSS()
		if sc.Warmup {
			drive(reqs, min(time.Second, cfg.Duration/10))
		}
		r := drive(reqs, cfg.Duration)
		r.ID, r.Name, r.Load1, r.PeakRSS = id, sc.Name, loadAvg()[0], procStatus("VmHWM")
		if id == "7'" {
			r.Name = "baseline again, after the rest"
		}
		fmt.Fprintf(progress, "%-3s %-46s %8.0f req/s  p99 %s ms  errors %d\n", r.ID, r.Name, r.Rate(), ms(r.P99), r.Errors)
		results = append(results, r)
	}
	return results, nil
}

// settle lets the servers finish the background work a scenario left behind before the next
// one starts, so that no scenario pays for another's: search indexing, which gives way to
// requests and so falls behind under the write scenarios' closed loop. A search indexes what is
// pending before it answers, and the pending tables are the database's, shared by every server,
// so one staff and one public search bring both indexes up to date. It says how long that took
// when it took long enough to notice.
func (b *bench) settle(progress io.Writer) error {
	t0 := time.Now()
	c := b.app()
	if _, err := c.call("GET", "/api/v1/drafts?q=settle", b.editor, nil, nil, 200); err != nil {
		return err
	}
	if _, err := c.call("GET", "/search?q=settle", "", nil, nil, 200); err != nil {
		return err
	}
	if took := time.Since(t0); took > 100*time.Millisecond {
		fmt.Fprintf(progress, "    search indexing left behind caught up in %.1fs\n", took.Seconds())
	}
	return nil
}
