package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// hookReceiver is a webhook receiver as a careful one is written: it checks each post's
// signature and takes a delivery once, by its X-Copydesk-Delivery id, answering a repeat 200
// without taking it again. While held, it keeps each post waiting until released; a post whose
// sender is gone by then (the server was killed) is not taken.
type hookReceiver struct {
	secret  string
	mu      sync.Mutex
	held    bool
	release chan struct{}
	// arrived gets each delivery id as its post arrives.
	arrived  chan string
	posts    map[string]int // every post of each delivery id
	accepted map[string]int // deliveries taken, by id: never more than once
	events   map[string]string
	repeats  int
	bad      []string
}

func newHookReceiver(t *testing.T) (*hookReceiver, *httptest.Server) {
	rc := &hookReceiver{release: make(chan struct{}), arrived: make(chan string, 1000), posts: map[string]int{},
		accepted: map[string]int{}, events: map[string]string{}}
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	t.Cleanup(rc.open)
	return rc, srv
}

// hold makes posts wait until open.
func (rc *hookReceiver) hold() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.held, rc.release = true, make(chan struct{})
}

// open releases the waiting posts and lets the next ones through.
func (rc *hookReceiver) open() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.held {
		rc.held = false
		close(rc.release)
	}
}

func (rc *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ts, id := r.Header.Get("X-Copydesk-Timestamp"), r.Header.Get("X-Copydesk-Delivery")
	mac := hmac.New(sha256.New, []byte(rc.secret))
	mac.Write([]byte(ts + "." + string(body)))
	if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); !hmac.Equal([]byte(r.Header.Get("X-Copydesk-Signature")), []byte(want)) || id == "" {
		rc.mu.Lock()
		rc.bad = append(rc.bad, string(body))
		rc.mu.Unlock()
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	rc.posts[id]++
	held, release := rc.held, rc.release
	rc.mu.Unlock()
	rc.arrived <- id
	if held {
		<-release
		if r.Context().Err() != nil {
			return // the sender died while we held it: nothing was taken
		}
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.accepted[id] > 0 {
		rc.repeats++
	} else {
		rc.accepted[id]++
		rc.events[id] = r.Header.Get("X-Copydesk-Event")
	}
	w.WriteHeader(http.StatusOK)
}

// counts returns how many deliveries were taken and how many posts were made.
func (rc *hookReceiver) counts() (accepted, posts int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, n := range rc.posts {
		posts += n
	}
	return len(rc.accepted), posts
}

// check fails t on a badly signed post, a delivery taken twice, or two deliveries of one event.
func (rc *hookReceiver) check(t *testing.T) {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bad) > 0 {
		t.Errorf("badly signed posts: %q", rc.bad)
	}
	byEvent := map[string]string{}
	for id, n := range rc.accepted {
		if n != 1 {
			t.Errorf("delivery %s taken %d times", id, n)
		}
		if other, twice := byEvent[rc.events[id]]; twice {
			t.Errorf("event %s delivered as both %s and %s", rc.events[id], other, id)
		}
		byEvent[rc.events[id]] = id
	}
}

// newsroomWithWebhook opens the database at db, adds a writer and an admin and a webhook to
// url, and closes it: what a server started on db then serves. The receivers of these tests
// listen on loopback, so the webhook is made as a server that allows the local network would.
func newsroomWithWebhook(t *testing.T, db, url string) (secret string) {
	t.Helper()
	st, err := store.Open(db, store.Options{PasswordCost: bcrypt.MinCost, AllowLocalWebhooks: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	var admin *newsroom.User
	for name, role := range map[string]newsroom.Role{"writer": newsroom.RoleWriter, "admin": newsroom.RoleAdmin} {
		u, err := st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Role: role, Password: "pw-" + name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		if role == newsroom.RoleAdmin {
			admin = u
		}
	}
	w, err := st.CreateWebhook(newsroom.WithUser(context.Background(), admin), newsroom.NewWebhook{Name: "chat", URL: url})
	if err != nil {
		t.Fatal(err)
	}
	return w.Secret
}

// submitPiece writes a piece through p's API and sends it to fact-check: an event webhooks hear.
func submitPiece(t *testing.T, p *serveProc, token string, n int) {
	t.Helper()
	status, body := p.call(t, token, "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":"Piece %d","byline":"W","brief":"Brief.","body":"One paragraph.","topics":["Test"]}`, n))
	var d struct{ ID int64 }
	if err := json.Unmarshal([]byte(body), &d); status != http.StatusCreated || err != nil {
		t.Fatalf("create on %s: %d %s", p.url, status, body)
	}
	if status, body := p.call(t, token, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`); status != http.StatusOK {
		t.Fatalf("submit on %s: %d %s", p.url, status, body)
	}
}

// kill ends p with SIGKILL, as a crash would, and waits for it.
func (p *serveProc) kill(t *testing.T) {
	t.Helper()
	p.stopped.Do(func() {
		if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Error(err)
		}
		p.cmd.Wait()
	})
}

// waitUntil waits up to d for cond, failing t naming what it waited for.
func waitUntil(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	if !within(d, cond) {
		t.Fatalf("timed out waiting for %s", what)
	}
}

// TestCrashDeliversWebhookOnce kills a real server while its webhook post is in flight (the
// change committed, the receiver holding the post): after a restart the delivery arrives, once.
func TestCrashDeliversWebhookOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it: not in -short")
	}
	t.Setenv("COPYDESK_DELIVERY_LEASE", "2s")
	t.Setenv("COPYDESK_ALLOW_LOCAL_WEBHOOKS", "true")
	bin := buildCopydesk(t)
	rc, hook := newHookReceiver(t)
	db := filepath.Join(t.TempDir(), "crash.db")
	rc.secret = newsroomWithWebhook(t, db, hook.URL)
	rc.hold()

	first := startServe(t, bin, db)
	first.listening(t)
	submitPiece(t, first, first.login(t, "writer"), 1)
	var id string
	select {
	case id = <-rc.arrived:
	case <-time.After(15 * time.Second):
		t.Fatalf("no post arrived; stderr:\n%s", first.stderr)
	}
	first.kill(t)
	rc.open()
	if accepted, _ := rc.counts(); accepted != 0 {
		t.Fatalf("a post from the killed server was taken")
	}

	second := startServe(t, bin, db)
	second.listening(t)
	waitUntil(t, 20*time.Second, "the delivery after the restart", func() bool { n, _ := rc.counts(); return n == 1 })
	time.Sleep(3 * time.Second) // a lease's length: long enough for a second send to show
	rc.check(t)
	accepted, posts := rc.counts()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if accepted != 1 || rc.accepted[id] != 1 || posts != 2 {
		t.Fatalf("accepted %d deliveries (%v) in %d posts; want delivery %s once, posted before and after the crash", accepted, rc.accepted, posts, id)
	}
}

// TestTwoNodesDeliverOnce runs two servers on one PostgreSQL database, both delivering, makes
// many changes on both, and kills one with SIGKILL while the receiver holds its posts: every
// event's webhook delivery is taken exactly once, the dead node's by the other after its lease.
func TestTwoNodesDeliverOnce(t *testing.T) {
	db := storetest.PostgresDSN(t) // skips without COPYDESK_TEST_POSTGRES
	t.Setenv("COPYDESK_DELIVERY_LEASE", "2s")
	t.Setenv("COPYDESK_ALLOW_LOCAL_WEBHOOKS", "true")
	bin := buildCopydesk(t)
	rc, hook := newHookReceiver(t)
	rc.secret = newsroomWithWebhook(t, db, hook.URL)
	a, b := startServe(t, bin, db), startServe(t, bin, db)
	a.listening(t)
	b.listening(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	rc.hold()
	const events = 30
	tokens := map[*serveProc]string{a: a.login(t, "writer"), b: b.login(t, "writer")}
	for i := range events {
		p := a
		if i%2 == 1 {
			p = b
		}
		submitPiece(t, p, tokens[p], i)
	}
	mine := fmt.Sprintf("%%:%d", a.cmd.Process.Pid)
	waitUntil(t, 15*time.Second, "a post of server a in flight", func() bool {
		var n int
		st.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND leased_by LIKE $1", mine).Scan(&n)
		return n > 0
	})
	a.kill(t)
	rc.open()

	waitUntil(t, 30*time.Second, "every event's delivery", func() bool { n, _ := rc.counts(); return n == events })
	time.Sleep(3 * time.Second) // a lease's length: long enough for a second send to show
	rc.check(t)
	var sent, all int
	st.DB().QueryRow("SELECT COUNT(*) FILTER (WHERE status = 'sent'), COUNT(*) FROM deliveries").Scan(&sent, &all)
	accepted, posts := rc.counts()
	if accepted != events || all != events || sent != events {
		t.Fatalf("%d deliveries, %d sent, %d taken by the receiver in %d posts; want %d of each", all, sent, accepted, posts, events)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	t.Logf("%d events delivered once each in %d posts (%d repeats dropped by their key)", events, posts, rc.repeats)
}
