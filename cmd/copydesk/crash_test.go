package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/store"
)

var listeningOn = regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)

// crashServer is a copydesk serve child process.
type crashServer struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
}

// startServer runs the copydesk binary's serve on a free loopback port and waits until it says
// where it listens.
func startServer(t *testing.T, bin, db string) *crashServer {
	t.Helper()
	s := &crashServer{stderr: &syncBuffer{}}
	s.cmd = exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	s.cmd.Stderr = s.stderr
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listeningOn.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case s.url = <-found:
	case <-time.After(30 * time.Second):
		t.Fatalf("the server did not start; stderr: %s", s.stderr.String())
	}
	return s
}

// ack is a write the server acknowledged with a 2xx: a draft at (at least) a version.
type ack struct {
	writer  string
	draft   int64
	version int
}

// TestCrashKeepsAcknowledgedWrites builds the real binary, runs concurrent writers against it,
// kills it with SIGKILL in the middle of their work, and restarts it: the database must pass
// SQLite's integrity check, and every write the server acknowledged before the kill must be
// there, at its version or a later one, with contiguous revisions.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it: not in -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "copydesk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "crash.db")
	writers := []string{"w1", "w2", "w3", "w4"}
	for _, w := range writers {
		cmd := exec.Command(bin, "user", "add", w, "--role", "writer", "--db", db)
		cmd.Stdin = strings.NewReader("pw-" + w + "-staple\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("user add %s: %v\n%s", w, err, out)
		}
	}

	srv := startServer(t, bin, db)
	client := &http.Client{Timeout: 5 * time.Second}
	call := func(ctx context.Context, token, method, url, body string, v any) (int, error) {
		req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		if res.StatusCode/100 == 2 && v != nil {
			if err := json.NewDecoder(res.Body).Decode(v); err != nil {
				return 0, err // a cut-off answer is no acknowledgement
			}
		}
		return res.StatusCode, nil
	}
	tokens := map[string]string{}
	for _, w := range writers {
		var login struct{ Token string }
		if code, err := call(context.Background(), "", "POST", srv.url+"/api/v1/login", `{"username":"`+w+`","password":"pw-`+w+`-staple"}`, &login); code != 200 {
			t.Fatalf("login %s: %d %v", w, code, err)
		}
		tokens[w] = login.Token
	}

	// The writers create drafts and save them again and again until the server dies, recording
	// every write the server acknowledged.
	var mu sync.Mutex
	var acks []ack
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for _, w := range writers {
		wg.Go(func() {
			for ctx.Err() == nil {
				var d struct {
					ID      int64
					Version int
				}
				code, err := call(ctx, tokens[w], "POST", srv.url+"/api/v1/drafts", `{"title":"Crash test by `+w+`","body":"First."}`, &d)
				if err != nil {
					return // the server is gone
				}
				if code != 201 {
					t.Errorf("create as %s = %d", w, code)
					return
				}
				mu.Lock()
				acks = append(acks, ack{w, d.ID, d.Version})
				mu.Unlock()
				for i := range 5 {
					body := fmt.Sprintf(`{"body":"Paragraph %d of draft %d.\nMore words.","version":%d}`, i, d.ID, d.Version)
					code, err := call(ctx, tokens[w], "PUT", fmt.Sprintf("%s/api/v1/drafts/%d", srv.url, d.ID), body, &d)
					if err != nil {
						return
					}
					if code != 200 {
						t.Errorf("save as %s = %d", w, code)
						return
					}
					mu.Lock()
					acks = append(acks, ack{w, d.ID, d.Version})
					mu.Unlock()
				}
			}
		})
	}
	// Kill the server mid-load: once the writers have some acknowledged work, and while they
	// are still at it.
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		n := len(acks)
		mu.Unlock()
		if n >= 200 {
			break
		}
	}
	time.Sleep(200 * time.Millisecond)
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	srv.cmd.Wait()
	wg.Wait()
	cancel()
	mu.Lock()
	defer mu.Unlock()
	if len(acks) < 20 {
		t.Fatalf("only %d writes acknowledged before the kill; server stderr: %s", len(acks), srv.stderr.String())
	}
	want := map[int64]ack{} // each draft's highest acknowledged version
	for _, a := range acks {
		if a.version > want[a.draft].version {
			want[a.draft] = a
		}
	}
	t.Logf("%d writes acknowledged on %d drafts before SIGKILL", len(acks), len(want))

	// The database after the crash, as the next start finds it.
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var result string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		st.Close()
		t.Fatalf("integrity_check = %q, %v", result, err)
	}
	for id, a := range want {
		var version, revisions, maxRev int
		err := st.DB().QueryRow(`SELECT d.version, (SELECT count(*) FROM revisions r WHERE r.draft_id = d.id AND r.version IS NOT NULL),
			(SELECT coalesce(max(r.version), 0) FROM revisions r WHERE r.draft_id = d.id) FROM drafts d WHERE d.id = ?`, id).Scan(&version, &revisions, &maxRev)
		if err != nil {
			t.Errorf("draft %d (acknowledged at version %d) is gone: %v", id, a.version, err)
			continue
		}
		if version < a.version || revisions != version || maxRev != version {
			t.Errorf("draft %d: version %d with %d revisions (highest %d), acknowledged at version %d", id, version, revisions, maxRev, a.version)
		}
	}
	st.Close()

	// The restarted server serves every acknowledged write.
	srv = startServer(t, bin, db)
	for id, a := range want {
		var d struct{ Version int }
		code, err := call(context.Background(), tokens[a.writer], "GET", fmt.Sprintf("%s/api/v1/drafts/%d", srv.url, id), "", &d)
		if code != 200 || d.Version < a.version {
			t.Errorf("after restart, draft %d = %d (version %d), acknowledged at version %d: %v", id, code, d.Version, a.version, err)
		}
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	if err := srv.cmd.Wait(); err != nil {
		t.Errorf("graceful shutdown after restart: %v; stderr: %s", err, srv.stderr.String())
	}
}
