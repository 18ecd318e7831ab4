package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// benchArticles publishes n pieces of about 1,500 words in 15 paragraphs, each its own, and
// returns their public paths.
func benchArticles(b *testing.B, a *testApp, n int) []string {
	sample, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(string(sample))
	paths := make([]string, n)
	for i := range paths {
		r := rand.New(rand.NewPCG(uint64(i), 3))
		paras := make([]string, 15)
		for p := range paras {
			out := make([]string, 100)
			for w := range out {
				out[w] = words[r.IntN(len(words))]
			}
			paras[p] = strings.Join(out, " ")
		}
		body, _ := json.Marshal(strings.Join(paras, "\n"))
		d := a.draft(newsroom.StageDraft)
		url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
		wantStatus(b, a.do("writer", "PUT", url, fmt.Sprintf(`{"title":"Report %d","body":%s,"version":%d}`, i, body, d.Version)), http.StatusOK)
		id := d.ID
		for _, st := range []struct{ actor, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
			if st.action == "clear" {
				a.verifyQuotes(id)
			}
			wantStatus(b, a.do(st.actor, "POST", url+"/transitions", `{"action":"`+st.action+`"}`), http.StatusOK)
		}
		res := a.do("editor", "POST", url+"/publish", "")
		wantStatus(b, res, http.StatusOK)
		paths[i] = "/articles/" + decode[pubResponse](b, res).Slug
	}
	return paths
}

// benchPublic asks for paths in turn, as the end-to-end benchmark's browser does (Accept-Encoding
// "gzip, deflate, br"), once each before timing so that the page cache holds them, and reports
// the answer's size.
func benchPublic(b *testing.B, a *testApp, paths []string) {
	h := a.server.Handler()
	get := func(path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, rec.Code)
		}
		return rec
	}
	for _, p := range paths {
		get(p)
	}
	b.ReportAllocs()
	cpu, n := processCPU(b), 0
	for ; b.Loop(); n++ {
		b.ReportMetric(float64(get(paths[n%len(paths)]).Body.Len()), "B/answer")
	}
	b.ReportMetric(float64(processCPU(b)-cpu)/float64(n), "cpu-ns/op")
}

// processCPU is the CPU time the process has used, in nanoseconds, the garbage collector's
// included: on a machine shared with other work, a request's CPU time varies far less than
// its wall time.
func processCPU(b *testing.B) int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return u.Utime.Nano() + u.Stime.Nano()
}

// BenchmarkPublicPages is a reader's request for a public page the page cache holds, through
// the whole handler chain without the network: an article (the end-to-end benchmark's
// scenario 6a once every slug was read), the feed (6b), topic pages (6d) and the robots file, whose handler does
// almost nothing, so that it measures what every request pays for the middleware. The
// article's first view is the request that renders and compresses the page, as every slug's
// first reader's is after the server starts, and the piece's own after each correction.
func BenchmarkPublicPages(b *testing.B) {
	a := newTestApp(b)
	articles := benchArticles(b, a, 40)
	seedPublished(b, a, 60)
	for _, bench := range []struct {
		name  string
		paths []string
	}{
		{"article", articles},
		{"feed", []string{"/feed.atom"}},
		{"topic", []string{"/topics/mexico", "/topics/health", "/topics/trade"}},
		{"robots", []string{"/robots.txt"}},
	} {
		b.Run(bench.name, func(b *testing.B) { benchPublic(b, a, bench.paths) })
	}
	b.Run("article-first-view", func(b *testing.B) {
		h := a.server.Handler()
		b.ReportAllocs()
		cpu, n := processCPU(b), 0
		defer func() { b.ReportMetric(float64(processCPU(b)-cpu)/float64(n), "cpu-ns/op") }()
		for ; b.Loop(); n++ {
			a.server.ClearPageCache()
			req := httptest.NewRequest("GET", articles[n%len(articles)], nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}
