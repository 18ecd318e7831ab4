package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// errStop ends one client's part of a scenario without counting as an error: its pool of
// drafts is used up.
var errStop = errors.New("pool used up")

// request sends one request of a scenario and returns the size of the answer's body.
type request func() (int64, error)

// result is what one scenario measured.
type result struct {
	ID, Name      string
	OK            int           // requests answered as expected
	Errors        int           // transport errors and unexpected statuses
	Elapsed       time.Duration // from the first request to the last answer
	P50, P95, P99 time.Duration // latency percentiles of the OK requests
	Bytes         int64         // body bytes of the OK answers
	Load1         float64       // the one-minute load average when the scenario ended
	PeakRSS       int64         // the process's peak resident memory during the scenario
	Stopped       bool          // a client ran out of drafts before the time was up
	Samples       []string      // the first few errors
}

// Rate is OK requests per second.
func (r result) Rate() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.OK) / r.Elapsed.Seconds()
}

// drive runs one request function per client, each in its own goroutine in a closed loop (the
// next request leaves when the previous answer is in), for d. Latency is measured from sending
// to having read the whole body.
func drive(clients []request, d time.Duration) result {
	type tally struct {
		lat     histogram
		errs    int
		bytes   int64
		stopped bool
		samples []string
	}
	tallies := make([]tally, len(clients))
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for i, req := range clients {
		wg.Add(1)
		go func(t *tally) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				t0 := time.Now()
				n, err := req()
				el := time.Since(t0)
				switch {
				case errors.Is(err, errStop):
					t.stopped = true
					return
				case err != nil:
					t.errs++
					if len(t.samples) < 3 {
						t.samples = append(t.samples, err.Error())
					}
				default:
					t.lat.add(el)
					t.bytes += n
				}
			}
		}(&tallies[i])
	}
	wg.Wait()
	r := result{Elapsed: time.Since(start)}
	var lat histogram
	for i := range tallies {
		t := &tallies[i]
		lat.merge(&t.lat)
		r.Errors += t.errs
		r.Bytes += t.bytes
		r.Stopped = r.Stopped || t.stopped
		if len(r.Samples) < 5 {
			r.Samples = append(r.Samples, t.samples...)
		}
	}
	r.OK = int(lat.n)
	r.P50, r.P95, r.P99 = lat.percentile(50), lat.percentile(95), lat.percentile(99)
	return r
}

// client sends requests to one server, or to several in turn (round-robin), reusing kept-alive
// connections and a body buffer. It is one closed-loop client's: not safe for concurrent use.
type client struct {
	hc    *http.Client
	bases []string
	next  int
	buf   bytes.Buffer
}

// base returns the server the next request goes to.
func (c *client) base() string {
	b := c.bases[c.next%len(c.bases)]
	c.next++
	return b
}

// newHTTPClient keeps one idle connection per concurrent client, so that every request reuses
// a connection as a browser or an app would.
func newHTTPClient(conns int) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost, t.DisableCompression = 2*conns+16, 2*conns+16, true
	return &http.Client{Transport: t, Timeout: time.Minute}
}

// call sends one request and reads the whole answer into c.buf. It fails unless the status is
// want.
func (c *client) call(method, path, token string, body []byte, header map[string]string, want int) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base()+path, rd)
	if err != nil {
		return nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	c.buf.Reset()
	if _, err := c.buf.ReadFrom(res.Body); err != nil {
		return nil, fmt.Errorf("%s %s: reading the answer: %w", method, path, err)
	}
	if res.StatusCode != want {
		snippet := strings.TrimSpace(c.buf.String())
		if len(snippet) > 200 {
			snippet = snippet[:200] + "…"
		}
		return nil, fmt.Errorf("%s %s: status %d, want %d: %s", method, path, res.StatusCode, want, snippet)
	}
	return c.buf.Bytes(), nil
}
