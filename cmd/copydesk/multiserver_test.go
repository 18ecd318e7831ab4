package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// serveProc is a real `copydesk serve` process.
type serveProc struct {
	url    string
	cmd    *exec.Cmd
	stderr *syncBuffer
	found  chan string // the URL, once the server prints it
	// stopped and exit record the process's end (see stop).
	stopped sync.Once
	exit    error
}

// buildCopydesk builds the copydesk binary into a temp dir and returns its path.
func buildCopydesk(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "copydesk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var listeningRE = regexp.MustCompile(`listening on (http://\S+)`)

// startServe starts bin serve on a free port of 127.0.0.1 with database db. The process gets
// SIGTERM when the test ends. Call listening to wait until it serves.
func startServe(t *testing.T, bin, db string) *serveProc {
	t.Helper()
	p := &serveProc{stderr: &syncBuffer{}, found: make(chan string, 1)}
	p.cmd = exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", db)
	p.cmd.Env = append(os.Environ(), "COPYDESK_DB=", "COPYDESK_ADDR=")
	p.cmd.Stderr = p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.stop(); err != nil {
			t.Errorf("server %s: %v; stderr:\n%s", p.url, err, p.stderr)
		}
	})
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listeningRE.FindStringSubmatch(sc.Text()); m != nil {
				p.found <- m[1]
			}
		}
		close(p.found)
	}()
	return p
}

// stop sends the server SIGTERM and waits for it to exit, killing it after 15 seconds. Only the
// first call does so; every call returns how it ended.
func (p *serveProc) stop() error {
	p.stopped.Do(func() {
		p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- p.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				p.exit = fmt.Errorf("exited: %w", err)
			}
		case <-time.After(15 * time.Second):
			p.cmd.Process.Kill()
			p.exit = errors.New("did not stop on SIGTERM")
		}
	})
	return p.exit
}

// listening waits until the server says where it listens.
func (p *serveProc) listening(t *testing.T) {
	t.Helper()
	select {
	case u, ok := <-p.found:
		if !ok {
			t.Fatalf("server exited before listening; stderr:\n%s", p.stderr)
		}
		p.url = u
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not start; stderr:\n%s", p.stderr)
	}
}

// call sends a JSON request with a bearer token ("" for none) and returns the status and body.
func (p *serveProc) call(t *testing.T, token, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, p.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (p *serveProc) login(t *testing.T, user string) string {
	t.Helper()
	status, body := p.call(t, "", "POST", "/api/v1/login", fmt.Sprintf(`{"username":%q,"password":"pw-%s-staple"}`, user, user))
	var v struct{ Token string }
	if err := json.Unmarshal([]byte(body), &v); status != http.StatusOK || err != nil || v.Token == "" {
		t.Fatalf("login %s on %s: %d %s", user, p.url, status, body)
	}
	return v.Token
}

// newBrowser is an HTTP client with its own cookie jar that stops at redirects, as a test of
// pages needs. Cookies are kept per host, not per port, so the two servers share them.
func newBrowser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// page fetches path with the browser and returns the status and body.
func (p *serveProc) page(t *testing.T, c *http.Client, method, path string, form url.Values) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, p.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// signIn signs user in through the sign-in form, with its CSRF cookie.
func (p *serveProc) signIn(t *testing.T, c *http.Client, user string) {
	t.Helper()
	p.page(t, c, "GET", "/login", nil)
	u, _ := url.Parse(p.url + "/login")
	var token string
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "copydesk_login_csrf" {
			token = ck.Value
		}
	}
	form := url.Values{"username": {user}, "password": {"pw-" + user + "-staple"}, "csrf": {token}}
	if status, body := p.page(t, c, "POST", "/login", form); status != http.StatusSeeOther {
		t.Fatalf("sign in %s on %s: %d %s", user, p.url, status, body)
	}
}

// csrf reads the CSRF token out of a page's forms.
func (p *serveProc) csrf(t *testing.T, c *http.Client, path string) string {
	t.Helper()
	_, body := p.page(t, c, "GET", path, nil)
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF token on %s%s", p.url, path)
	}
	return m[1]
}

// within polls check until it returns true or d has passed, and reports whether it did.
func within(d time.Duration, check func() bool) bool {
	for deadline := time.Now().Add(d); ; time.Sleep(50 * time.Millisecond) {
		if check() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// TestServersShareOnePostgres starts two `copydesk serve` processes on one PostgreSQL database
// and shows that they behave as one newsroom: a token or a web session made on one works on the
// other, a user disabled or given a new role by an admin on one server takes effect on the other
// within two seconds, as does an inbox entry marked done, a scheduled piece is published once
// although both servers run the release loop, and a correction made on one reaches the other's
// readers within two seconds although it keeps the article's page in its cache, as do the site
// settings an admin saves.
func TestServersShareOnePostgres(t *testing.T) {
	db := storetest.PostgresDSN(t) // skips without COPYDESK_TEST_POSTGRES
	bin := buildCopydesk(t)

	// Both servers start, and migrate, at once on the empty schema.
	servers := []*serveProc{startServe(t, bin, db), startServe(t, bin, db)}
	for _, p := range servers {
		p.listening(t)
	}
	a, b := servers[0], servers[1]

	st, err := store.Open(db, store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	users := map[string]*newsroom.User{}
	for name, role := range map[string]newsroom.Role{"writer": newsroom.RoleWriter, "other": newsroom.RoleWriter,
		"factchecker": newsroom.RoleFactChecker, "editor": newsroom.RoleEditor, "admin": newsroom.RoleAdmin} {
		if users[name], err = st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Role: role, Password: "pw-" + name + "-staple"}); err != nil {
			t.Fatal(err)
		}
	}
	as := func(name string) context.Context { return newsroom.WithUser(context.Background(), users[name]) }
	d, err := st.CreateDraft(as("writer"), newsroom.Text{Title: "Two Servers, One Newsroom", Byline: "W", Brief: "Brief.", Body: "One paragraph."})
	if err != nil {
		t.Fatal(err)
	}
	draftURL := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	sql := st.DB()
	var slug string // the piece the scheduler released

	t.Run("TokenWorksOnBoth", func(t *testing.T) {
		token := a.login(t, "editor")
		if status, body := b.call(t, token, "GET", draftURL, ""); status != http.StatusOK || !strings.Contains(body, "Two Servers") {
			t.Fatalf("token from %s on %s: %d %s", a.url, b.url, status, body)
		}
	})

	t.Run("SessionWorksOnBoth", func(t *testing.T) {
		br := newBrowser(t)
		a.signIn(t, br, "editor")
		if status, body := b.page(t, br, "GET", "/desk", nil); status != http.StatusOK || !strings.Contains(body, "Editing desk") {
			t.Fatalf("session from %s on %s: %d", a.url, b.url, status)
		}
	})

	// The admin works on server a, through the admin page; server b must follow.
	admin := newBrowser(t)
	a.signIn(t, admin, "admin")
	adminCSRF := a.csrf(t, admin, "/admin/users")
	change := func(user string, form url.Values) {
		t.Helper()
		form.Set("csrf", adminCSRF)
		if status, body := a.page(t, admin, "POST", fmt.Sprintf("/admin/users/%d", users[user].ID), form); status != http.StatusSeeOther {
			t.Fatalf("admin change to %s: %d %s", user, status, body)
		}
	}

	t.Run("DisabledOnOneRefusedOnOther", func(t *testing.T) {
		token := b.login(t, "writer")
		br := newBrowser(t)
		b.signIn(t, br, "writer")
		if status, body := a.call(t, token, "GET", draftURL, ""); status != http.StatusOK {
			t.Fatalf("before: %d %s", status, body)
		}
		change("writer", url.Values{"disabled": {"true"}})
		if !within(2*time.Second, func() bool { s, _ := b.call(t, token, "GET", draftURL, ""); return s == http.StatusUnauthorized }) {
			t.Fatalf("%s still accepts a disabled user's token after 2 seconds", b.url)
		}
		if !within(2*time.Second, func() bool { s, _ := b.page(t, br, "GET", "/desk", nil); return s == http.StatusSeeOther }) {
			t.Fatalf("%s still accepts a disabled user's session after 2 seconds", b.url)
		}
		change("writer", url.Values{"disabled": {"false"}})
	})

	t.Run("RoleChangeOnOneSeenOnOther", func(t *testing.T) {
		token := a.login(t, "other")
		if status, _ := b.call(t, token, "GET", draftURL, ""); status != http.StatusNotFound {
			t.Fatalf("another writer's draft: %d, want 404", status)
		}
		change("other", url.Values{"role": {"editor"}})
		if !within(2*time.Second, func() bool { s, _ := b.call(t, token, "GET", draftURL, ""); return s == http.StatusOK }) {
			t.Fatalf("%s does not see the new role after 2 seconds", b.url)
		}
	})

	t.Run("InboxDoneOnOneCountedOnOther", func(t *testing.T) {
		piece, err := st.CreateDraft(as("writer"), newsroom.Text{Title: "Mentioned", Byline: "W", Brief: "Brief.", Body: "One paragraph."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Transition(as("writer"), piece.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		start, end := 0, 3
		if _, err := st.CreateComment(as("editor"), piece.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "@factchecker look"}); err != nil {
			t.Fatal(err)
		}
		br := newBrowser(t)
		b.signIn(t, br, "factchecker")
		waiting := regexp.MustCompile(`\((\d+) waiting\)`)
		header := func() string {
			_, body := b.page(t, br, "GET", "/desk", nil)
			if m := waiting.FindStringSubmatch(body); m != nil {
				return m[1]
			}
			return "0"
		}
		token := a.login(t, "factchecker")
		_, body := a.call(t, token, "GET", "/api/v1/inbox", "")
		var inbox struct{ Entries []struct{ Entry string } }
		if err := json.Unmarshal([]byte(body), &inbox); err != nil || len(inbox.Entries) != 1 {
			t.Fatalf("the inbox on %s: %s", a.url, body)
		}
		// b's tail, once a second, has read the comment's events, so the count b reads is kept.
		time.Sleep(1500 * time.Millisecond)
		if got := header(); got != "1" {
			t.Fatalf("%s counts %s waiting, want 1", b.url, got)
		}
		if status, body := a.call(t, token, "POST", "/api/v1/inbox/done", fmt.Sprintf(`{"entry":%q}`, inbox.Entries[0].Entry)); status != http.StatusNoContent {
			t.Fatalf("mark done on %s: %d %s", a.url, status, body)
		}
		if !within(2*time.Second, func() bool { return header() == "0" }) {
			t.Fatalf("%s still counts %s waiting 2 seconds after the entry was marked done on %s", b.url, header(), a.url)
		}
	})

	t.Run("ScheduledPieceReleasedOnce", func(t *testing.T) {
		for _, step := range []struct {
			user   string
			action newsroom.Action
		}{{"writer", newsroom.ActionSubmit}, {"factchecker", newsroom.ActionClear}, {"editor", newsroom.ActionApprove}} {
			if _, err := st.Transition(as(step.user), d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
				t.Fatalf("%s: %v", step.action, err)
			}
		}
		at := time.Now().Add(2 * time.Second).UTC().Format(time.RFC3339Nano)
		status, body := a.call(t, a.login(t, "editor"), "POST", draftURL+"/publish", fmt.Sprintf(`{"at":%q}`, at))
		var pub struct{ Slug, Stage string }
		if err := json.Unmarshal([]byte(body), &pub); status != http.StatusOK || err != nil || pub.Stage != "scheduled" {
			t.Fatalf("schedule: %d %s", status, body)
		}
		if !within(15*time.Second, func() bool { s, _ := b.call(t, "", "GET", "/articles/"+pub.Slug+".txt", ""); return s == http.StatusOK }) {
			t.Fatalf("the piece was not released; stderr of both:\n%s\n%s", a.stderr, b.stderr)
		}
		time.Sleep(1500 * time.Millisecond) // both release loops, once a second, have run again since
		var releases, snapshots int
		if err := sql.QueryRow("SELECT COUNT(*) FROM audit WHERE draft_id = $1 AND action = 'release'", d.ID).Scan(&releases); err != nil {
			t.Fatal(err)
		}
		if err := sql.QueryRow("SELECT COUNT(*) FROM publications JOIN articles ON articles.id = publications.article_id WHERE articles.draft_id = $1", d.ID).Scan(&snapshots); err != nil {
			t.Fatal(err)
		}
		if releases != 1 || snapshots != 1 {
			t.Fatalf("released %d times with %d snapshots; want once", releases, snapshots)
		}
		logs := a.stderr.String() + b.stderr.String()
		if n := strings.Count(logs, "released scheduled pieces"); n != 1 {
			t.Fatalf("%d servers logged a release, want 1:\n%s", n, logs)
		}
		slug = pub.Slug
	})

	t.Run("CorrectionOnOneShownOnOther", func(t *testing.T) {
		if slug == "" {
			t.Skip("nothing was published")
		}
		if status, _ := b.call(t, "", "GET", "/articles/"+slug, ""); status != http.StatusOK { // now in b's cache
			t.Fatalf("the article on %s: %d", b.url, status)
		}
		const note = "An earlier version misspelt a name."
		if status, body := a.call(t, a.login(t, "editor"), "POST", "/api/v1/articles/"+slug+"/corrections", fmt.Sprintf(`{"note":%q}`, note)); status != http.StatusCreated {
			t.Fatalf("correct on %s: %d %s", a.url, status, body)
		}
		if !within(2*time.Second, func() bool {
			_, body := b.call(t, "", "GET", "/articles/"+slug, "")
			return strings.Contains(body, note)
		}) {
			t.Fatalf("%s still serves the article without the correction made on %s after 2 seconds", b.url, a.url)
		}
	})

	t.Run("SiteSettingsOnOneShownOnOther", func(t *testing.T) {
		if slug == "" {
			t.Skip("nothing was published")
		}
		if _, body := b.call(t, "", "GET", "/articles/"+slug, ""); !strings.Contains(body, "· Copydesk</title>") { // now in b's cache
			t.Fatalf("the article on %s before: %s", b.url, body)
		}
		form := url.Values{"csrf": {a.csrf(t, admin, "/admin/site")}, "name": {"The Two-Server Ledger"}, "footer": {"Read us twice."}}
		if status, body := a.page(t, admin, "POST", "/admin/site", form); status != http.StatusSeeOther {
			t.Fatalf("save the site settings on %s: %d %s", a.url, status, body)
		}
		if !within(2*time.Second, func() bool {
			_, body := b.call(t, "", "GET", "/articles/"+slug+".txt", "")
			_, page := b.call(t, "", "GET", "/articles/"+slug, "")
			return strings.HasSuffix(strings.TrimSpace(body), "Read us twice.") && strings.Contains(page, "· The Two-Server Ledger</title>")
		}) {
			t.Fatalf("%s still serves the old site settings 2 seconds after they changed on %s", b.url, a.url)
		}
	})
}
