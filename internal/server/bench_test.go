package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// BenchmarkGetDraft is one GET /api/v1/drafts/{id} through the whole handler chain
// (middleware, token, store, JSON) without the network, over 200 drafts of about 1,500 words
// with curly quotes, as an editor reads them: the server's own share of the end-to-end
// benchmark's scenario 1, which asks for no coding, and what each coding a client may ask
// for adds to it.
func BenchmarkGetDraft(b *testing.B) {
	a := newTestApp(b)
	ids := make([]string, 200)
	for i := range ids {
		ids[i] = fmt.Sprintf("/api/v1/drafts/%d", benchDraft(b, a, newsroom.StageDraft))
	}
	h := a.server.Handler()
	for _, coding := range []string{"", "gzip", "br"} {
		b.Run("coding="+coding, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				req := httptest.NewRequest("GET", ids[i%len(ids)], nil)
				req.Header.Set("Authorization", "Bearer "+a.tokens["editor"])
				req.Header.Set("Accept-Encoding", coding)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != coding {
					b.Fatalf("status %d, coding %q", rec.Code, rec.Header().Get("Content-Encoding"))
				}
				b.ReportMetric(float64(rec.Body.Len()), "B/answer")
			}
		})
	}
}

// BenchmarkDraftList is the first page of the editing desk's queue, GET
// /api/v1/drafts?stage=editing, as the end-to-end benchmark's scenario 2 asks for it, over 60
// pieces of about 1,500 words: as summaries, and as whole drafts.
func BenchmarkDraftList(b *testing.B) {
	a := newTestApp(b)
	for range 60 {
		benchDraft(b, a, newsroom.StageEditing)
	}
	h := a.server.Handler()
	for _, view := range []string{"summary", "full"} {
		b.Run("view="+view, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", "/api/v1/drafts?stage=editing&view="+view, nil)
				req.Header.Set("Authorization", "Bearer "+a.tokens["editor"])
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				b.ReportMetric(float64(rec.Body.Len()), "B/answer")
			}
		})
	}
}

// benchBody is a body of about 1,500 words, as JSON, as the benchmarks' drafts have: the
// sample piece's words in a random order, so that it compresses about as well as prose.
func benchBody(b *testing.B) string {
	sample, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(string(sample))
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, 1500)
	for i := range out {
		out[i] = words[r.IntN(len(words))]
	}
	body, _ := json.Marshal(strings.Join(out, " "))
	return string(body)
}

// benchDraft makes a draft in stage with benchBody as its text, and returns its id.
func benchDraft(b *testing.B, a *testApp, stage newsroom.Stage) int64 {
	d := a.draft(stage)
	actor := map[newsroom.Stage]string{newsroom.StageDraft: "writer", newsroom.StageEditing: "editor"}[stage]
	wantStatus(b, a.do(actor, "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), `{"body":`+benchBody(b)+`,"version":`+fmt.Sprint(d.Version)+`}`), http.StatusOK)
	return d.ID
}

// BenchmarkDraftPage is one GET /drafts/{id} as a signed-in fact-checker, over 200 pieces at
// fact-check, each with a quote waiting for her: the page's header counts
// her inbox and her unread notifications on every view. The pieces have quotes waiting.
func BenchmarkDraftPage(b *testing.B) {
	a := newTestApp(b)
	ids := make([]string, 200)
	for i := range ids {
		d := a.draft(newsroom.StageFactCheck)
		ids[i] = fmt.Sprintf("/drafts/%d", d.ID)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if rec := a.page("factchecker", "GET", ids[i%len(ids)], nil); rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
