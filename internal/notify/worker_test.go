package notify_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// fixture is a store with a writer, an admin and a webhook to url. The store takes webhooks to
// the local network, as a server whose operator allows it would: the tests' receivers listen
// on loopback.
type fixture struct {
	s      *store.Store
	writer context.Context
	admin  context.Context
	hook   *newsroom.Webhook
}

func newFixture(t *testing.T, url string) *fixture {
	t.Helper()
	s, err := store.Open(storetest.DSN(t), store.Options{PasswordCost: bcrypt.MinCost, AllowLocalWebhooks: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s}
	f.writer = f.user(t, "sarah", newsroom.RoleWriter, "pw-sarah-staple")
	f.admin = f.user(t, "ada", newsroom.RoleAdmin, "pw-ada-staple-long-enough")
	if f.hook, err = s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "chat", URL: url}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) user(t *testing.T, name string, role newsroom.Role, pw string) context.Context {
	t.Helper()
	u, err := f.s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: role, Password: pw})
	if err != nil {
		t.Fatal(err)
	}
	return newsroom.WithUser(context.Background(), u)
}

// submit writes n pieces and sends each to fact-check: n events a webhook hears of.
func (f *fixture) submit(t *testing.T, n int) {
	t.Helper()
	for range n {
		d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood defences", Byline: "Sarah", Brief: "A brief.", Body: "A paragraph.", Topics: []string{"Floods"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
	}
}

// localWebhooks is the webhook channel of st, linking to baseURL, as a server whose operator
// allows the local network sets it up.
func localWebhooks(st *store.Store, baseURL string) *notify.Webhooks {
	w := notify.NewWebhooks(st, baseURL, nil)
	w.AllowLocal = true
	return w
}

// fastConfig is the worker's timing shrunk for tests.
func fastConfig(channels map[string]notify.Channel) notify.Config {
	return notify.Config{Channels: channels, Node: "test", Every: 10 * time.Millisecond, Timeout: 2 * time.Second, Lease: 10 * time.Second,
		Backoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, MaxAttempts: 5,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// receiver is a webhook receiver as a careful one is written: it checks the signature, drops a
// delivery it has already taken (by its X-Copydesk-Delivery id), and here fails the first
// failures tries of each delivery with 500.
type receiver struct {
	t        *testing.T
	secret   string
	failures int
	mu       sync.Mutex
	tries    map[string]int
	accepted map[string]int
	events   map[string]string
	bad      []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ts, sig, id := r.Header.Get("X-Copydesk-Timestamp"), r.Header.Get("X-Copydesk-Signature"), r.Header.Get("X-Copydesk-Delivery")
	mac := hmac.New(sha256.New, []byte(rc.secret))
	mac.Write([]byte(ts + "." + string(body)))
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); !hmac.Equal([]byte(sig), []byte(want)) || ts == "" || id == "" {
		rc.bad = append(rc.bad, id)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var p struct{ Text, Link, Event string }
	if err := json.Unmarshal(body, &p); err != nil || !strings.HasPrefix(p.Link, "https://copydesk.example.com/drafts/") || !strings.HasSuffix(p.Text, p.Link) {
		rc.bad = append(rc.bad, "payload "+string(body))
	}
	rc.tries[id]++
	if rc.tries[id] <= rc.failures {
		http.Error(w, "not yet", http.StatusInternalServerError)
		return
	}
	rc.accepted[id]++
	rc.events[id] = r.Header.Get("X-Copydesk-Event")
	w.WriteHeader(http.StatusNoContent)
}

func newReceiver(t *testing.T, failures int) (*receiver, *httptest.Server) {
	rc := &receiver{t: t, failures: failures, tries: map[string]int{}, accepted: map[string]int{}, events: map[string]string{}}
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	return rc, srv
}

// waitFor polls cond until it holds, failing the test after ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestWebhookDeliveredOnce: a real receiver that fails each delivery's first two tries gets each
// event once, signed, and the log holds the three attempts of each.
func TestWebhookDeliveredOnce(t *testing.T) {
	rc, srv := newReceiver(t, 2)
	f := newFixture(t, srv.URL+"/hook")
	rc.secret = f.hook.Secret
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: localWebhooks(f.s, "https://copydesk.example.com/")}))
	defer stop()
	const events = 5
	f.submit(t, events)
	waitFor(t, "every event accepted", func() bool {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		return len(rc.accepted) == events
	})
	stop()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bad) > 0 {
		t.Fatalf("badly signed or shaped posts: %v", rc.bad)
	}
	seen := map[string]bool{}
	for id, n := range rc.accepted {
		if n != 1 {
			t.Errorf("delivery %s accepted %d times", id, n)
		}
		if seen[rc.events[id]] {
			t.Errorf("event %s accepted twice", rc.events[id])
		}
		seen[rc.events[id]] = true
	}
	logs, err := f.s.WebhookDeliveries(f.admin, f.hook.ID, 100)
	if err != nil || len(logs) != events {
		t.Fatalf("delivery log = %+v, %v", logs, err)
	}
	for _, l := range logs {
		if l.Status != "sent" || len(l.Attempts) != 3 || l.Attempts[0].StatusCode != 500 || l.Attempts[1].OK || !l.Attempts[2].OK || l.Attempts[2].StatusCode != 204 {
			t.Errorf("delivery %d: %s with attempts %+v", l.ID, l.Status, l.Attempts)
		}
	}
}

// TestWebhookGivesUp: a delivery that fails every try fails for good after the last one, and a
// redirect is a failure, not followed.
func TestWebhookGivesUp(t *testing.T) {
	var followed atomic.Bool
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { followed.Store(true) }))
	defer elsewhere.Close()
	moved := httptest.NewServer(http.RedirectHandler(elsewhere.URL, http.StatusFound))
	defer moved.Close()
	f := newFixture(t, moved.URL)
	failed := f.failedWebhook(t, localWebhooks(f.s, "https://copydesk.example.com"), nil)
	if len(failed.Attempts) != 3 || failed.Attempts[2].StatusCode != http.StatusFound || followed.Load() {
		t.Fatalf("attempts = %+v, redirect followed %v", failed.Attempts, followed.Load())
	}
}

// failedWebhook runs the worker with the webhook channel hooks and three attempts a delivery,
// logging to logger (nil for the default), submits a piece, and returns the log of its delivery
// once the delivery has failed for good.
func (f *fixture) failedWebhook(t *testing.T, hooks *notify.Webhooks, logger *slog.Logger) newsroom.DeliveryLog {
	t.Helper()
	cfg := fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: hooks})
	if logger != nil {
		cfg.Logger = logger
	}
	cfg.MaxAttempts = 3
	stop := notify.Start(f.s, cfg)
	defer stop()
	f.submit(t, 1)
	var logs []newsroom.DeliveryLog
	waitFor(t, "the delivery to fail", func() bool {
		logs, _ = f.s.WebhookDeliveries(f.admin, f.hook.ID, 10)
		return len(logs) == 1 && logs[0].Status == "failed"
	})
	return logs[0]
}

// TestChannelNotSetUp: deliveries of a channel this server has not set up wait, saying why,
// and are not tried.
func TestChannelNotSetUp(t *testing.T) {
	_, srv := newReceiver(t, 0)
	f := newFixture(t, srv.URL)
	stop := notify.Start(f.s, fastConfig(nil))
	defer stop()
	f.submit(t, 1)
	waitFor(t, "the delivery to say why it waits", func() bool {
		logs, _ := f.s.WebhookDeliveries(f.admin, f.hook.ID, 10)
		return len(logs) == 1 && strings.Contains(logs[0].LastError, "not set up") && logs[0].Status == "pending" && len(logs[0].Attempts) == 0
	})
}

// TestOldEmailsExpire: an email waiting more than EmailMaxAge (to be sent, or to go in a
// digest) fails as too old, so that a newsroom that sets up mail months late is not sent months
// of news; a fresh email and a webhook's post, however old, keep waiting.
func TestOldEmailsExpire(t *testing.T) {
	_, srv := newReceiver(t, 0)
	f := newFixture(t, srv.URL)
	now := time.Now().UTC()
	tests := []struct {
		name, channel, status string
		age                   time.Duration
		want                  string
	}{
		{"OldEmail", "email", "pending", 3 * 24 * time.Hour, "failed"},
		{"OldDigest", "email", "digest", 3 * 24 * time.Hour, "failed"},
		{"FreshEmail", "email", "pending", time.Hour, "pending"},
		{"FreshDigest", "email", "digest", 23 * time.Hour, "digest"},
		{"OldWebhook", "webhook", "pending", 3 * 24 * time.Hour, "pending"},
	}
	ids := make([]int64, len(tests))
	for i, tt := range tests {
		var hook any
		if tt.channel == "webhook" {
			hook = f.hook.ID
		}
		err := f.s.DB().QueryRow(`INSERT INTO deliveries (channel, webhook_id, recipient, payload, status, next_at, created_at)
			VALUES ($1, $2, 'sarah@example.org', '{}', $3, $4, $4) RETURNING id`, tt.channel, hook, tt.status, now.Add(-tt.age)).Scan(&ids[i])
		if err != nil {
			t.Fatal(err)
		}
	}
	stop := notify.Start(f.s, fastConfig(nil))
	defer stop()
	status := func(id int64) (got, note string) {
		if err := f.s.DB().QueryRow(`SELECT status, last_error FROM deliveries WHERE id = $1`, id).Scan(&got, &note); err != nil {
			t.Fatal(err)
		}
		return got, note
	}
	waitFor(t, "the old emails to fail", func() bool { got, _ := status(ids[1]); return got == "failed" })
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note := status(ids[i])
			if got != tt.want || got == "failed" && !strings.Contains(note, "too old") {
				t.Fatalf("status %q (%q), want %q", got, note, tt.want)
			}
		})
	}
}

// TestStopLetsASendFinish: stopping the worker while a post is in flight waits for the answer and
// records the delivery sent, rather than cutting it off to be posted again.
func TestStopLetsASendFinish(t *testing.T) {
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-release
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	f := newFixture(t, srv.URL)
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: localWebhooks(f.s, "https://copydesk.example.com")}))
	f.submit(t, 1)
	<-arrived
	stopped := make(chan struct{})
	go func() {
		stop()
		close(stopped)
	}()
	time.Sleep(50 * time.Millisecond)
	select {
	case <-stopped:
		t.Fatal("the worker stopped with a send in flight")
	default:
	}
	close(release)
	<-stopped
	logs, err := f.s.WebhookDeliveries(f.admin, f.hook.ID, 10)
	if err != nil || len(logs) != 1 || logs[0].Status != "sent" || len(logs[0].Attempts) != 1 {
		t.Fatalf("delivery log = %+v, %v", logs, err)
	}
}

// TestNoticeLogHidesEmailAddress holds that a piece's notification log, which its writer
// reads, names the people emailed and never their addresses (store/noticelog.go says so). A
// failed send's error is kept as the delivery's last_error; were it shown to the writer as it
// is, they would read the fact-checker's private address, or the mail server's, from the
// History tab. An admin, who set up the mail server, still reads the error as it was.
func TestNoticeLogHidesEmailAddress(t *testing.T) {
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer hook.Close()
	f := newFixture(t, hook.URL)
	checkerCtx := f.user(t, "fiona", newsroom.RoleFactChecker, "pw-fiona-staple")
	checker := newsroom.UserFrom(checkerCtx)
	if _, err := f.s.SetEmail(f.admin, checker.ID, "fiona.private@example.com"); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood defences", Byline: "Sarah", Brief: "A brief.", Body: "A paragraph.", Topics: []string{"Floods"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	editor := f.user(t, "ed", newsroom.RoleEditor, "pw-ed-staple-long")
	if _, err := f.s.Assign(editor, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: checker.ID}); err != nil {
		t.Fatal(err)
	}
	// A mail server that is down: a port on loopback nothing listens on.
	down := httptest.NewServer(http.NotFoundHandler())
	port := down.Listener.Addr().(*net.TCPAddr).Port
	down.Close()
	mail := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: port, From: "desk@example.com"}, Timeout: time.Second}
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelEmail: mail}))
	time.Sleep(300 * time.Millisecond)
	stop()
	log, err := f.s.DraftNotifications(f.writer, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	sawEmail := false
	for _, e := range log {
		if e.Channel != newsroom.ChannelEmail {
			continue
		}
		sawEmail = true
		if e.Attempts == 0 {
			t.Fatalf("the email was never tried: %+v", e)
		}
		if strings.Contains(e.LastError, "fiona.private@example.com") || strings.Contains(e.LastError, "127.0.0.1") || strings.Contains(e.Recipient, "@") {
			t.Errorf("the writer's notification log shows the fact-checker's email address or the mail server: recipient %q, last error %q", e.Recipient, e.LastError)
		}
		if e.LastError != "could not reach the mail server" {
			t.Errorf("the writer reads the failure as %q, want it said plainly", e.LastError)
		}
	}
	if !sawEmail {
		t.Fatalf("no email in the log: %+v", log)
	}
	adminLog, err := f.s.DraftNotifications(f.admin, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range adminLog {
		if e.Channel == newsroom.ChannelEmail && !strings.Contains(e.LastError, fmt.Sprintf("127.0.0.1:%d", port)) {
			t.Errorf("the admin reads the failure as %q, want the mail server named", e.LastError)
		}
	}
}

// TestEmailWaitsForMailServer holds that email deliveries wait while no mail server is set
// up, as the worker's Config promises for a channel that is not set up. serve always wires the
// email channel (cmd/copydesk/serve.go), set up or not; were "no mail server is set" counted as
// a failed attempt, each delivery would back off and, after MaxAttempts, be marked failed for
// good: a newsroom that sets up SMTP a day later would have lost every email written before.
func TestEmailWaitsForMailServer(t *testing.T) {
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer hook.Close()
	f := newFixture(t, hook.URL)
	checkerCtx := f.user(t, "fiona", newsroom.RoleFactChecker, "pw-fiona-staple")
	checker := newsroom.UserFrom(checkerCtx)
	if _, err := f.s.SetEmail(f.admin, checker.ID, "fiona@example.com"); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood defences", Byline: "Sarah", Brief: "A brief.", Body: "A paragraph.", Topics: []string{"Floods"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	editor := f.user(t, "ed", newsroom.RoleEditor, "pw-ed-staple-long")
	if _, err := f.s.Assign(editor, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: checker.ID}); err != nil {
		t.Fatal(err)
	}
	// The email channel as serve builds it with no --smtp-… flags and nothing saved.
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelEmail: &notify.Email{}}))
	time.Sleep(500 * time.Millisecond)
	stop()
	var status, note string
	var attempts int
	if err := f.s.DB().QueryRow("SELECT status, attempts, last_error FROM deliveries WHERE channel = 'email'").Scan(&status, &attempts, &note); err != nil {
		t.Fatal(err)
	}
	if status != "pending" || attempts != 0 {
		t.Fatalf("with no mail server set up, Fiona's email is %s after %d attempts; it should wait, pending, until one is", status, attempts)
	}
	if !strings.Contains(note, "no mail server is set up") {
		t.Fatalf("the waiting email is noted %q, want why it waits", note)
	}
}

// TestWebhookLinksFollowSite: a webhook channel given the site's settings links each post to the
// base URL they have when it is sent, not the one it was made with.
func TestWebhookLinksFollowSite(t *testing.T) {
	links := make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p struct{ Link string }
		json.NewDecoder(r.Body).Decode(&p)
		links <- p.Link
	}))
	defer srv.Close()
	f := newFixture(t, srv.URL)
	hooks := localWebhooks(f.s, "https://made-with.example")
	var mu sync.Mutex
	base := "https://news.example.org/"
	hooks.Site = func() publish.Site {
		mu.Lock()
		defer mu.Unlock()
		return publish.Site{BaseURL: base}
	}
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: hooks}))
	defer stop()
	for _, want := range []string{"https://news.example.org/drafts/", "https://renamed.example.org/drafts/"} {
		f.submit(t, 1)
		select {
		case link := <-links:
			if !strings.HasPrefix(link, want) {
				t.Fatalf("link = %q, want it under %q", link, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no post")
		}
		mu.Lock()
		base = "https://renamed.example.org"
		mu.Unlock()
	}
}
