package main

import (
	"errors"
	"net"
	"net/http"
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
	m.metricsServer = m.newHTTPServer(mux)
	go func() {
		if err := m.metricsServer.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Logger.Error("serve metrics", "err", err)
		}
	}()
	m.MetricsAddr = l.Addr().String() // the port actually bound, when asked for :0
	return nil
}
