package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestServeLocalWebhooks: serve's webhooks reach only public addresses unless the operator
// gives --allow-local-webhooks or COPYDESK_ALLOW_LOCAL_WEBHOOKS (the flag wins). By default an
// admin cannot add a webhook to a receiver on loopback, and one made before (here, as a server
// allowing it would) gets nothing, its delivery log saying why; with the option the admin adds
// one and it is posted to.
func TestServeLocalWebhooks(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		flags     []string
		wantLocal bool
	}{
		{"Default", nil, nil, false},
		{"Flag", nil, []string{"--allow-local-webhooks"}, true},
		{"Env", map[string]string{"COPYDESK_ALLOW_LOCAL_WEBHOOKS": "true"}, nil, true},
		{"FlagBeatsEnv", map[string]string{"COPYDESK_ALLOW_LOCAL_WEBHOOKS": "1"}, []string{"--allow-local-webhooks=false"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var posts atomic.Int32
			receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { posts.Add(1) }))
			defer receiver.Close()
			db := filepath.Join(t.TempDir(), "news.db")
			newsroomWithWebhook(t, db, receiver.URL+"/made-before")
			vars := map[string]string{"COPYDESK_DB": db}
			for k, v := range tt.env {
				vars[k] = v
			}
			url, stop := serveInProcess(t, vars, append([]string{"--addr", "127.0.0.1:0"}, tt.flags...)...)
			p := &serveProc{url: url}
			admin := p.login(t, "admin")
			status, body := p.call(t, admin, "POST", "/api/v1/webhooks", `{"name":"Chat","url":"`+receiver.URL+`/added"}`)
			if tt.wantLocal != (status == http.StatusCreated) || !tt.wantLocal && !strings.Contains(body, "operator can allow local addresses") {
				t.Fatalf("adding a webhook to %s: %d %s", receiver.URL, status, body)
			}
			submitPiece(t, p, p.login(t, "writer"), 1)
			if tt.wantLocal {
				waitUntil(t, 10*time.Second, "the posts to the receiver on loopback", func() bool { return posts.Load() == 2 })
			} else {
				waitUntil(t, 10*time.Second, "the refused delivery's log", func() bool {
					_, body := p.call(t, admin, "GET", "/api/v1/webhooks/1/deliveries", "")
					var log struct{ Deliveries []newsroom.DeliveryLog }
					json.Unmarshal([]byte(body), &log)
					return len(log.Deliveries) == 1 && log.Deliveries[0].LastError == newsroom.LocalWebhookRefused
				})
				if n := posts.Load(); n != 0 {
					t.Fatalf("the receiver on loopback got %d posts", n)
				}
			}
			code, out, errOut := stop()
			if want := map[bool]string{false: "Webhooks: public addresses only", true: "Webhooks: may post to the local network too"}[tt.wantLocal]; code != 0 || !strings.Contains(out, want) {
				t.Fatalf("exit %d, output %q %q; want it to say %q", code, out, errOut, want)
			}
		})
	}
	r := runCmd(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_ALLOW_LOCAL_WEBHOOKS": "maybe"}, "", "serve", "--addr", "127.0.0.1:0")
	if r.code != 1 || !strings.Contains(r.stderr, `COPYDESK_ALLOW_LOCAL_WEBHOOKS: "maybe" is not true or false`) {
		t.Fatalf("serve with a bad COPYDESK_ALLOW_LOCAL_WEBHOOKS: %+v", r)
	}
}
