package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// BenchmarkGetDraft is one GET /api/v1/drafts/{id} through the whole handler chain
// (middleware, token, store, JSON) without the network, over 200 drafts of about 1,500 words
// with curly quotes, as an editor reads them: the server's own share of the end-to-end
// benchmark's scenario 1.
func BenchmarkGetDraft(b *testing.B) {
	a := newTestApp(b)
	body := strings.Repeat("Mayor O’Neil said, “It’s a small change with a big table.” Owners must keep the walkway clear. ", 110)
	ids := make([]string, 200)
	for i := range ids {
		d := a.draft(newsroom.StageDraft)
		wantStatus(b, a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), `{"body":"`+body+`","version":1}`), http.StatusOK)
		ids[i] = fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	}
	h := a.server.Handler()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("GET", ids[i%len(ids)], nil)
		req.Header.Set("Authorization", "Bearer "+a.tokens["editor"])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Body.Len() < len(body) {
			b.Fatalf("status %d, %d bytes", rec.Code, rec.Body.Len())
		}
	}
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
