package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestJSONHasLength checks over real HTTP that a JSON answer larger than net/http's buffer is
// sent whole with its Content-Length, not in chunks, to a client that takes it uncompressed.
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
	req.Header.Set("Accept-Encoding", "identity")
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

// TestJSONLikeEncodingJSON holds the JSON library answers are written with to encoding/json's
// output, byte for byte, for text that needs escaping: HTML, quotes, control characters, line
// separators, emoji, and a draft as the API sends it.
func TestJSONLikeEncodingJSON(t *testing.T) {
	a := newTestApp(t)
	texts := []string{
		"plain", `<script>alert("x")</script> & more`, "tab\there\nnewline\r\x01\x1f", "back\\slash \"quoted\"",
		"line\u2028separator\u2029paragraph", "Mayor O’Neil said, “It’s a small change.” 🎉 café", "\x7f del",
	}
	for _, text := range texts {
		t.Run(text, func(t *testing.T) {
			d := a.draft(newsroom.StageDraft)
			in, _ := json.Marshal(map[string]any{"title": text, "body": text, "topics": []string{text}, "version": 1})
			res := a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), string(in))
			wantStatus(t, res, http.StatusOK)
			stored, err := a.store.GetDraft(ctxAs(a, "writer"), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			// GET answers the draft with its lead image, none here.
			want, _ := json.Marshal(struct {
				*newsroom.Draft
				Image *newsroom.Image `json:"image"`
			}{stored, nil})
			got := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), "").Body.String()
			if got != string(want)+"\n" {
				t.Fatalf("answer\n%s\nencoding/json\n%s", got, want)
			}
		})
	}
}
