package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, vars map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errOut syncBuffer
	code := run(context.Background(), args, env{strings.NewReader(stdin), &out, &errOut, func(k string) string { return vars[k] }})
	return result{code, out.String(), errOut.String()}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"serve", "--help"}, {"migrate", "--help"}, {"user", "add", "--help"}, {"user", "passwd", "--help"}, {"demo", "--help"}} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			r := runCmd(t, nil, "", args...)
			if r.code != 0 || !strings.Contains(r.stdout, "Usage: copydesk") && !strings.Contains(r.stdout, "Usage:\n") {
				t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
			}
		})
	}
	if r := runCmd(t, nil, "", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Fatalf("unknown command: %+v", r)
	}
}

func TestMigrateAndUsers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	vars := map[string]string{"COPYDESK_DB": db}
	if r := runCmd(t, vars, "", "migrate"); r.code != 0 || !strings.Contains(r.stdout, "applied 00001_init.sql") {
		t.Fatalf("migrate: %+v", r)
	}
	if r := runCmd(t, vars, "", "migrate"); r.code != 0 || !strings.Contains(r.stdout, "up to date") {
		t.Fatalf("second migrate: %+v", r)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOutput string
	}{
		{"OK", "tulip-lantern\n", []string{"user", "add", "sarah", "--role", "writer", "--name", "Sarah Johnson"}, 0, "added sarah (writer)"},
		{"Email", "tulip-lantern\n", []string{"user", "add", "nina", "--role", "writer", "--email", "Nina@Example.org"}, 0, "added nina (writer), email to Nina@example.org\n"},
		{"BadEmail", "tulip-lantern\n", []string{"user", "add", "nino", "--role", "writer", "--email", "nino"}, 1, `"nino" is not an email address`},
		{"ErrEmailOfAnother", "tulip-lantern\n", []string{"user", "add", "nino", "--role", "writer", "--email", "NINA@example.ORG"}, 1, "NINA@example.org is the address of another account"},
		{"FlagsFirst", "tulip-lantern\n", []string{"user", "add", "--role=editor", "ed"}, 0, "added ed (editor)"},
		{"Duplicate", "tulip-lantern\n", []string{"user", "add", "sarah", "--role", "writer"}, 1, `username "sarah" is taken`},
		{"BadRole", "tulip-lantern\n", []string{"user", "add", "bob", "--role", "chief"}, 1, `unknown role "chief"`},
		{"NoRole", "tulip-lantern\n", []string{"user", "add", "bob"}, 1, `unknown role ""`},
		{"EmptyPassword", "\n", []string{"user", "add", "bob", "--role", "writer"}, 1, "password must not be empty"},
		{"NoPassword", "", []string{"user", "add", "bob", "--role", "writer"}, 1, "password must not be empty"},
		{"ShortPassword", "pw\n", []string{"user", "add", "bob", "--role", "writer"}, 1, "password must be at least 8 characters long"},
		{"CommonPassword", "sunshine\n", []string{"user", "add", "bob", "--role", "writer"}, 1, "one of the most common passwords"},
		{"ShortAdminPassword", "tulip-lamp\n", []string{"user", "add", "bob", "--role", "admin"}, 1, "at least 12 characters long for an admin"},
		{"NoUsername", "tulip-lantern\n", []string{"user", "add", "--role", "writer"}, 1, "usage: copydesk user add"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, vars, tt.stdin, tt.args...)
			if r.code != tt.wantCode || !strings.Contains(r.stdout+r.stderr, tt.wantOutput) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q, want %q", r.code, tt.wantCode, r.stdout, r.stderr, tt.wantOutput)
			}
		})
	}
	if r := runCmd(t, vars, "", "demo"); r.code != 1 || !strings.Contains(r.stderr, "only fills an empty one") {
		t.Fatalf("demo on a used database: %+v", r)
	}
}

// TestUserPasswd sets a password on the command line, as the operator does for a newsroom whose
// last admin lost theirs: it applies the rules, signs the user out everywhere, and clears an
// admin's reset.
func TestUserPasswd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	vars := map[string]string{"COPYDESK_DB": db}
	for _, u := range []string{"ada", "bea"} {
		if r := runCmd(t, vars, "pw-"+u+"-staple\n", "user", "add", u, "--role", "admin"); r.code != 0 {
			t.Fatalf("user add %s: %+v", u, r)
		}
	}
	st, _, err := openStore(context.Background(), db, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ada, _, err := st.Login(context.Background(), store.SignInRequest{Username: "ada", Password: "pw-ada-staple"})
	if err != nil {
		t.Fatal(err)
	}
	token, bea, _, err := st.Login(context.Background(), store.SignInRequest{Username: "bea", Password: "pw-bea-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.ResetPassword(newsroom.WithUser(context.Background(), bea), ada.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOutput string
	}{
		{"UnknownUser", "tulip-lantern-lamp\n", []string{"user", "passwd", "nobody"}, 1, `user "nobody" not found`},
		{"NoUsername", "tulip-lantern-lamp\n", []string{"user", "passwd"}, 1, "usage: copydesk user passwd USERNAME"},
		{"NoPassword", "", []string{"user", "passwd", "ada"}, 1, "password must not be empty"},
		{"TooShortForAnAdmin", "tulip-lamp\n", []string{"user", "passwd", "ada"}, 1, "at least 12 characters long for an admin"},
		{"OK", "tulip-lantern-lamp\n", []string{"user", "passwd", "ada"}, 0, "password of ada (admin) changed"},
		{"SignsOut", "lantern-tulip-lamp\n", []string{"user", "passwd", "bea"}, 0, "password of bea (admin) changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, vars, tt.stdin, tt.args...)
			if r.code != tt.wantCode || !strings.Contains(r.stdout+r.stderr, tt.wantOutput) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q, want %q", r.code, tt.wantCode, r.stdout, r.stderr, tt.wantOutput)
			}
		})
	}
	if _, ada, _, err = st.Login(context.Background(), store.SignInRequest{Username: "ada", Password: "tulip-lantern-lamp"}); err != nil || ada.MustChangePassword {
		t.Fatalf("ada after user passwd: %+v, %v; want signed in without a demand to change", ada, err)
	}
	if _, err := st.UserByToken(context.Background(), token); err == nil {
		t.Fatal("bea's token still works after user passwd")
	}
}

// TestCommandsNameUsersInAnyCase: user passwd and import --author find a user by their name
// in any case, and a string no username can be (invalid UTF-8, a NUL) is a user not found, on
// SQLite and on PostgreSQL, where such a string sent to the database would be an error.
func TestCommandsNameUsersInAnyCase(t *testing.T) {
	databases := []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"SQLite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "news.db") }},
		{"PostgreSQL", func(t *testing.T) string { return storetest.PostgresDSN(t) }},
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOutput string
	}{
		{"PasswdInAnyCase", "tulip-lantern-lamp\n", []string{"user", "passwd", "SARAH"}, 0, "password of sarah (writer) changed"},
		{"PasswdInvalidUTF8", "tulip-lantern-lamp\n", []string{"user", "passwd", "\xff"}, 1, `user "\xff" not found`},
		{"PasswdNUL", "tulip-lantern-lamp\n", []string{"user", "passwd", "sa\x00rah"}, 1, `user "sa\x00rah" not found`},
		{"ImportInAnyCase", "", []string{"import", "testdata/seed.txt", "--author", "Sarah"}, 0, `"username": "sarah"`},
		{"ImportInvalidUTF8", "", []string{"import", "testdata/seed.txt", "--author", "\xff"}, 1, `no user named "\xff"`},
		{"ImportNUL", "", []string{"import", "testdata/seed.txt", "--author", "sa\x00rah"}, 1, `no user named "sa\x00rah"`},
	}
	for _, db := range databases {
		t.Run(db.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": db.dsn(t)}
			if r := runCmd(t, vars, "tulip-lantern\n", "user", "add", "sarah", "--role", "writer"); r.code != 0 {
				t.Fatalf("user add: %+v", r)
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					r := runCmd(t, vars, tt.stdin, tt.args...)
					if r.code != tt.wantCode || !strings.Contains(r.stdout+r.stderr, tt.wantOutput) {
						t.Fatalf("exit %d (want %d), stdout %q, stderr %q, want %q", r.code, tt.wantCode, r.stdout, r.stderr, tt.wantOutput)
					}
				})
			}
		})
	}
}

// TestDemoAndServe fills a database with the demo, serves it on a free port, signs in with a
// printed password, finds the sample draft, and shuts down on cancel.
func TestDemoAndServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	r := runCmd(t, nil, "", "demo", "--db", db)
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	m := regexp.MustCompile(`(?m)^\s+writer\s+writer\s+password (\S+)$`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("no writer password in %q", r.stdout)
	}
	for _, role := range []newsroom.Role{newsroom.RoleFactChecker, newsroom.RoleEditor, newsroom.RoleAdmin} {
		pw := regexp.MustCompile(`(?m)^\s+` + string(role) + `\s+` + string(role) + `\s+password (\S+)$`).FindStringSubmatch(r.stdout)
		if pw == nil {
			t.Fatalf("demo output lacks %s: %q", role, r.stdout)
		}
		if err := newsroom.CheckPassword(pw[1], string(role), true); err != nil {
			t.Fatalf("the demo's %s password %q breaks the rules: %v", role, pw[1], err)
		}
	}

	url, stop := serveInProcess(t, map[string]string{"COPYDESK_DB": db}, "--addr", "127.0.0.1:0")
	res, err := http.Post(url+"/api/v1/login", "application/json", strings.NewReader(`{"username":"writer","password":"`+m[1]+`"}`))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("login: %v %v", res, err)
	}
	var login struct{ Token string }
	json.NewDecoder(res.Body).Decode(&login)
	res.Body.Close()
	req, _ := http.NewRequest("GET", url+"/api/v1/drafts", nil)
	req.Header.Set("Authorization", "Bearer "+login.Token)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var page struct{ Items []struct{ Title string } }
	json.NewDecoder(res.Body).Decode(&page)
	res.Body.Close()
	if len(page.Items) != 1 || !strings.Contains(page.Items[0].Title, "Sheinbaum Rejects") {
		t.Fatalf("drafts = %+v", page)
	}
	if code, out, errOut := stop(); code != 0 || !strings.Contains(out, "shutting down") || !strings.Contains(out, "Memory: GOGC=200 (default), GOMEMLIMIT=96MiB (default)") {
		t.Fatalf("serve exit %d, out %q, err %q", code, out, errOut)
	}
}

// serveInProcess runs "copydesk serve" with args and the environment vars until stop is called,
// and returns the URL it listens on. stop shuts it down and returns its exit code and output.
func serveInProcess(t *testing.T, vars map[string]string, args ...string) (url string, stop func() (code int, stdout, stderr string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, append([]string{"serve"}, args...), env{strings.NewReader(""), &out, &errOut, func(k string) string { return vars[k] }})
	}()
	stop = func() (int, string, string) {
		t.Helper()
		cancel()
		select {
		case code := <-done:
			return code, out.String(), errOut.String()
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not shut down")
			return 0, "", ""
		}
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if u := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(out.String()); u != nil {
			return u[1], stop
		}
	}
	code, stdout, stderr := stop()
	t.Fatalf("server did not start: exit %d, %q %q", code, stdout, stderr)
	return "", nil
}

// TestServeDemoFlag shows the one-command start: serve --demo on a new database seeds it once.
func TestServeDemoFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "one.db")
	if err := demoIfEmpty(context.Background(), db, "", env{stdout: &bytes.Buffer{}}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := demoIfEmpty(context.Background(), db, "", env{stdout: &out}); err != nil || out.Len() != 0 {
		t.Fatalf("second demoIfEmpty: %v, printed %q", err, out.String())
	}
}

func TestParseProxies(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"", "[]", ""},
		{"10.0.0.0/8", "[10.0.0.0/8]", ""},
		{" 10.0.0.0/8 , 192.168.1.5,", "[10.0.0.0/8 192.168.1.5/32]", ""},
		{"::1, 2001:db8::/32", "[::1/128 2001:db8::/32]", ""},
		{"10.0.0.0/33", "", `"10.0.0.0/33" is neither`},
		{"proxy.example", "", `"proxy.example" is neither`},
	}
	for _, tt := range tests {
		nets, err := parseProxies(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseProxies(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if got := fmt.Sprint(nets); err != nil || got != tt.want {
			t.Errorf("parseProxies(%q) = %s, %v, want %s", tt.in, got, err, tt.want)
		}
	}
	r := runCmd(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}, "", "serve", "--addr", "127.0.0.1:0", "--trusted-proxies", "nginx")
	if r.code != 1 || !strings.Contains(r.stderr, `--trusted-proxies: "nginx" is neither an address nor a CIDR range`) {
		t.Fatalf("serve with a bad --trusted-proxies: %+v", r)
	}
}
