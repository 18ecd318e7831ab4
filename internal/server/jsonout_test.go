package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestJSONHasLength checks over real HTTP that a JSON answer larger than net/http's buffer is
// sent whole with its Content-Length, not in chunks.
func TestJSONHasLength(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	body := `{"body":"A long body. `
	for range 400 {
		body += "More words to make it long. "
	}
	wantStatus(t, a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), body+`","version":1}`), http.StatusOK)
	srv := httptest.NewServer(a.server.Handler())
	defer srv.Close()
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/drafts/%d", srv.URL, d.ID), nil)
	req.Header.Set("Authorization", "Bearer "+a.tokens["writer"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v", res.StatusCode, err)
	}
	if len(got) < 10_000 || res.ContentLength != int64(len(got)) || len(res.TransferEncoding) != 0 {
		t.Fatalf("%d bytes sent with Content-Length %d, Transfer-Encoding %v", len(got), res.ContentLength, res.TransferEncoding)
	}
}
