package main

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// serveMetrics starts the scraper's listener when MetricsAddr is set: /metrics only, no
// authentication, since the address is meant to be reachable by the monitoring network alone.
func (m *Main) serveMetrics() error {
	if m.MetricsAddr == "" {
		return nil
	}
	l, err := net.Listen("tcp", m.MetricsAddr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.srv.MetricsHandler())
	m.metricsServer = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(m.Logger.Handler(), slog.LevelError)}
	go func() {
		if err := m.metricsServer.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Logger.Error("serve metrics", "err", err)
		}
	}()
	m.MetricsAddr = l.Addr().String() // the port actually bound, when asked for :0
	return nil
}
