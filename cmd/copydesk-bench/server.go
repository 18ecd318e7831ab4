package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/memory"
	"github.com/copydesk/copydesk/internal/scheduler"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
)

// app is the real Copydesk server over the seeded database, wired as cmd/copydesk's Main.Run
// wires it (which this command cannot import): the store opened and migrated, server.New, an
// http.Server on a loopback listener, and the scheduler's release loop.
type app struct {
	store *store.Store
	http  *http.Server
	url   string
	stop  func() // stops the scheduler
}

// startApps starts n app servers over the database at db, each with its own store, as n
// copydesk serve processes on one PostgreSQL database would be. Like copydesk serve, it first
// sets the memory policy (see internal/memory), which then governs the whole process, load
// generator included; with several servers in the process the default limit is theirs
// together. It returns the servers started, to be closed even on an error, and the policy.
func startApps(ctx context.Context, db string, n int, log *slog.Logger) ([]*app, string, error) {
	policy := memory.Apply(os.Getenv)
	if n > 1 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(n) * memory.Limit)
		policy += fmt.Sprintf(", raised to %dMiB for %d servers", n*memory.Limit>>20, n)
	}
	var apps []*app
	for range n {
		base := ""
		if len(apps) > 0 {
			base = apps[0].url
		}
		a, err := startApp(ctx, db, base, log)
		if err != nil {
			return apps, policy, err
		}
		apps = append(apps, a)
	}
	return apps, policy, nil
}

// startApp opens the database at db and starts serving it on 127.0.0.1:0. Its pages link to
// base, or to its own address when base is empty: servers that share a newsroom serve one site.
func startApp(ctx context.Context, db, base string, log *slog.Logger) (*app, error) {
	st, err := store.Open(db, store.Options{})
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &app{store: st, url: "http://" + ln.Addr().String()}
	if base == "" {
		base = a.url
	}
	srv := server.New(st, server.Config{Logger: log, DefaultBaseURL: base})
	a.http = &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go serve(a.http, ln, log)
	a.stop = scheduler.Start(st, scheduler.Config{Logger: log})
	return a, nil
}

// Close stops the scheduler, shuts the server down and closes the database.
func (a *app) Close() error {
	a.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return errors.Join(a.http.Shutdown(ctx), a.store.Close())
}

// startBaseline serves body as JSON from memory with a bare Echo on its own loopback port: no
// middleware, no database, the floor every scenario is compared with.
func startBaseline(body []byte, log *slog.Logger) (url string, stop func(), err error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/draft", func(c echo.Context) error { return c.JSONBlob(http.StatusOK, body) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	go serve(hs, ln, log)
	return "http://" + ln.Addr().String(), func() { hs.Close() }, nil
}

func serve(hs *http.Server, ln net.Listener, log *slog.Logger) {
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
	}
}

// errorLines is where the server's JSON log goes: every line is formatted as in production, but
// only errors are passed on (the first few of them), because the server logs each request and
// writing tens of thousands of lines a second would measure the terminal, not Copydesk.
type errorLines struct {
	mu     sync.Mutex
	w      io.Writer
	errors int
}

func (e *errorLines) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte(`"level":"ERROR"`)) {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.errors++; e.errors <= 10 {
			e.w.Write(p)
		}
	}
	return len(p), nil
}

// count returns how many error lines the server logged.
func (e *errorLines) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.errors
}
