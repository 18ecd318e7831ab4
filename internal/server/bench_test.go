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

// BenchmarkSaveDraft is one PUT /api/v1/drafts/{id} through the whole handler chain, as the
// end-to-end benchmark's scenario 3 makes it: the writer adds or takes away a sentence at the
// top of a 1,500-word body with five quotes and twenty comments, so that all of them move. It
// is the server's share of a save, request body and answer included.
func BenchmarkSaveDraft(b *testing.B) {
	a := newTestApp(b)
	d := a.draft(newsroom.StageDraft)
	var body string
	if err := json.Unmarshal([]byte(benchBody(b)), &body); err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(body)
	paras := make([]string, 15)
	for p := range paras {
		paras[p] = strings.Join(words[p*100:(p+1)*100], " ") + "."
		if p%3 == 1 {
			paras[p] += fmt.Sprintf(" “The plan number %d holds,” said Rosa Delgado.", p)
		}
	}
	body = strings.Join(paras, "\n\n")
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	bodies := [2][]byte{}
	bodies[0], _ = json.Marshal("The council met again on Tuesday evening to review the figures. " + body)
	bodies[1], _ = json.Marshal(body)
	version := d.Version
	save := func(turn int) {
		rec := a.do("writer", "PUT", path, fmt.Sprintf(`{"body":%s,"version":%d}`, bodies[turn], version))
		var got struct{ Version int }
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		version = got.Version
	}
	save(1)
	for i := range 20 {
		wantStatus(b, a.do("editor", "POST", path+"/comments",
			fmt.Sprintf(`{"field":"body","start":%d,"end":%d,"body":"Source for this figure?"}`, 40+i*400, 52+i*400)), http.StatusCreated)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		save(i % 2)
	}
}
