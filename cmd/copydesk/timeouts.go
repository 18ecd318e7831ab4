package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Timeouts bound how long one connection may take over its requests, so that a client that
// sends slowly, or stops, cannot hold a connection and its goroutine open for ever.
type Timeouts struct {
	// ReadHeader is how long a client may take to send a request's line and headers.
	ReadHeader time.Duration
	// Read is how long it may take to send the whole request, body included.
	Read time.Duration
	// Write is how long the server may take from the end of the headers to the end of its
	// answer: long enough for the largest page to reach a slow reader.
	Write time.Duration
	// Idle is how long a kept-alive connection may wait for its next request.
	Idle time.Duration
}

// defaultTimeouts are the production values; a zero field of Main.Timeouts takes its default.
var defaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: time.Minute, Write: 2 * time.Minute, Idle: 2 * time.Minute}

// withDefaults fills the zero fields of t from defaultTimeouts.
func (t Timeouts) withDefaults() Timeouts {
	or := func(d, def time.Duration) time.Duration {
		if d == 0 {
			return def
		}
		return d
	}
	return Timeouts{ReadHeader: or(t.ReadHeader, defaultTimeouts.ReadHeader), Read: or(t.Read, defaultTimeouts.Read),
		Write: or(t.Write, defaultTimeouts.Write), Idle: or(t.Idle, defaultTimeouts.Idle)}
}

// timeoutFlags adds serve's --read-header-timeout, --read-timeout, --write-timeout and
// --idle-timeout to fs.
func timeoutFlags(fs *flag.FlagSet) *Timeouts {
	t := &Timeouts{}
	fs.DurationVar(&t.ReadHeader, "read-header-timeout", defaultTimeouts.ReadHeader, "time a client may take to send a request's headers")
	fs.DurationVar(&t.Read, "read-timeout", defaultTimeouts.Read, "time a client may take to send a whole request, body included")
	fs.DurationVar(&t.Write, "write-timeout", defaultTimeouts.Write, "time the server may take to answer a request, from the end of its headers")
	fs.DurationVar(&t.Idle, "idle-timeout", defaultTimeouts.Idle, "time a kept-alive connection may wait for its next request")
	return t
}

// check refuses timeouts that are not positive: net/http would take zero for no limit at all.
func (t Timeouts) check() error {
	for _, f := range []struct {
		flag string
		d    time.Duration
	}{{"--read-header-timeout", t.ReadHeader}, {"--read-timeout", t.Read}, {"--write-timeout", t.Write}, {"--idle-timeout", t.Idle}} {
		if f.d <= 0 {
			return fmt.Errorf("%s must be positive, not %s", f.flag, f.d)
		}
	}
	return nil
}

// maxHeaderBytes caps a request's line and headers: 431 past it. Browsers send a few kilobytes
// (proxies commonly refuse more than 8 KiB a line and 32 KiB in all), while net/http's default
// of 1 MiB let anyone, signed in or not, have each request parse a megabyte of small headers
// into 15 MB of strings and maps before any handler saw it.
const maxHeaderBytes = 64 << 10

// newHTTPServer is an HTTP server for h with m's timeouts, logging its own errors to m's logger.
// Both listeners, the main one and the scraper's, are built by it.
func (m *Main) newHTTPServer(h http.Handler) *http.Server {
	t := m.Timeouts.withDefaults()
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle,
		MaxHeaderBytes: maxHeaderBytes, ErrorLog: slog.NewLogLogger(m.Logger.Handler(), slog.LevelError)}
}
