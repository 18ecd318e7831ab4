package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
)

// allowLocalWebhooks serves the app's requests from now on by a server whose operator allows
// webhooks to the local network, on the same database.
func (a *testApp) allowLocalWebhooks() {
	a.t.Helper()
	st, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: a.clock, AllowLocalWebhooks: true})
	if err != nil {
		a.t.Fatal(err)
	}
	a.t.Cleanup(func() { st.Close() })
	a.store = st
	a.server = server.New(st, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// TestWebhookLocalURL: by default a webhook to a URL whose host is plainly the local network is
// refused, over the API and on the page, saying that the operator can allow it; a public one is
// taken. On a server whose operator allows the local network the same URLs are taken. A
// webhook to the local network made then may be paused but not resumed on a server that does
// not allow it.
func TestWebhookLocalURL(t *testing.T) {
	a := newTestApp(t)
	const refused = "the webhook's address is in the local network, which this server does not post to; the server's operator can allow local addresses"
	local := []string{"http://127.0.0.1:8080/hook", "http://localhost:9000/hook", "http://169.254.169.254/latest/meta-data/",
		"http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://100.64.0.1/hook", "http://[::1]/hook", "http://[fd00::1]/hook",
		"http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0/hook"}
	for _, u := range local {
		t.Run("Refused "+u, func(t *testing.T) {
			res := a.do("admin", "POST", "/api/v1/webhooks", `{"name":"Chat","url":"`+u+`"}`)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			if e := decode[apiError](t, res).Error; e.Code != newsroom.EINVALID || !strings.Contains(e.Message, refused) {
				t.Fatalf("error = %+v, want %q", e, refused)
			}
			page := a.page("admin", "POST", "/admin/webhooks", url.Values{"name": {"Chat"}, "url": {u}})
			wantStatus(t, page, http.StatusUnprocessableEntity)
			if body := page.Body.String(); !strings.Contains(body, "the local network, which this server does not post to") {
				t.Fatalf("the page does not say why:\n%s", body)
			}
		})
	}
	wantStatus(t, a.do("admin", "POST", "/api/v1/webhooks", `{"name":"Chat","url":"https://chat.example.com/hook"}`), http.StatusCreated)
	if hooks, err := a.store.Webhooks(ctxAs(a, "admin")); err != nil || len(hooks) != 1 {
		t.Fatalf("webhooks = %+v, %v; want only the public one", hooks, err)
	}

	refusing := a.server
	a.allowLocalWebhooks()
	var made newsroom.Webhook
	for _, u := range local {
		res := a.do("admin", "POST", "/api/v1/webhooks", `{"name":"Chat","url":"`+u+`"}`)
		wantStatus(t, res, http.StatusCreated)
		made = decode[newsroom.Webhook](t, res)
	}
	id := itoa(made.ID)
	a.server = refusing
	wantStatus(t, a.do("admin", "PATCH", "/api/v1/webhooks/"+id, `{"active":false}`), http.StatusOK)
	res := a.do("admin", "PATCH", "/api/v1/webhooks/"+id, `{"active":true}`)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if e := decode[apiError](t, res).Error; !strings.Contains(e.Message, refused) {
		t.Fatalf("resuming says %q, want %q", e.Message, refused)
	}
	if w, _ := a.store.Webhook(ctxAs(a, "admin"), made.ID); w.Active {
		t.Fatal("a webhook to the local network was resumed")
	}
}
