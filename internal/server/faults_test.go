package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// commentCalls are the changes to a comment that lock its draft: a reply, and resolving and
// reopening the thread. It puts an open and a resolved comment on draft id.
func commentCalls(a *testApp, id int64) []struct{ name, url, body string } {
	a.t.Helper()
	open, resolved := a.comment(id), a.comment(id)
	wantStatus(a.t, a.do("editor", "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", resolved), ""), http.StatusOK)
	return []struct{ name, url, body string }{
		{"Reply", fmt.Sprintf("/api/v1/comments/%d/replies", open), `{"body":"Done."}`},
		{"Resolve", fmt.Sprintf("/api/v1/comments/%d/resolve", open), ""},
		{"Reopen", fmt.Sprintf("/api/v1/comments/%d/reopen", resolved), ""},
	}
}

// TestDatabaseErrorIsNotNotFound makes the database fail a query after the comment has been
// found, when the draft under it is locked: the drafts table is gone. Replying to, resolving and
// reopening the comment must say the server failed, never that the comment does not exist.
func TestDatabaseErrorIsNotNotFound(t *testing.T) {
	a := newTestApp(t)
	calls := commentCalls(a, a.draft(newsroom.StageDraft).ID)
	if _, err := a.store.DB().Exec("ALTER TABLE drafts RENAME TO drafts_away"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range calls {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("editor", "POST", tt.url, tt.body)
			wantStatus(t, res, http.StatusInternalServerError)
			if e := decode[apiError](t, res); e.Error.Code != newsroom.EINTERNAL {
				t.Fatalf("error = %+v", e.Error)
			}
		})
	}
}

// TestDatabaseUnavailable has PostgreSQL terminate a request's connection while the request waits
// for its draft's lock, as PostgreSQL does to every connection when it shuts down (SQLSTATE
// 57P01). Replying to, resolving and reopening a comment then answer 503 with Retry-After, as
// the document says: never 404, as they did, nor 500.
func TestDatabaseUnavailable(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("SQLite has no server to lose its connection to")
	}
	loadOpenAPI(t)
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	for _, tt := range commentCalls(a, d.ID) {
		t.Run(tt.name, func(t *testing.T) {
			db := a.store.DB()
			holder, err := db.BeginTx(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer holder.Rollback()
			var holderPID, waiterPID int
			if err := holder.QueryRow("SELECT pg_backend_pid() FROM drafts WHERE id = $1 FOR UPDATE", d.ID).Scan(&holderPID); err != nil {
				t.Fatal(err)
			}
			answer := make(chan *httptest.ResponseRecorder, 1)
			go func() { answer <- a.do("editor", "POST", tt.url, tt.body) }()
			for deadline := time.Now().Add(5 * time.Second); waiterPID == 0; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the request never waited for the draft's lock")
				}
				// Not in holder: a transaction sees pg_stat_activity as it was when first asked.
				db.QueryRow("SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", holderPID).Scan(&waiterPID)
			}
			if _, err := db.Exec("SELECT pg_terminate_backend($1)", waiterPID); err != nil {
				t.Fatal(err)
			}
			res := <-answer
			wantStatus(t, res, http.StatusServiceUnavailable)
			if e := decode[apiError](t, res); e.Error.Code != newsroom.EUNAVAILABLE {
				t.Fatalf("error = %+v", e.Error)
			}
			if res.Header().Get("Retry-After") == "" {
				t.Fatal("no Retry-After")
			}
			validateResponse(t, a, httptest.NewRequest("POST", tt.url, strings.NewReader(tt.body)), res)
		})
	}
}

// TestDiskFull fills the database's disk for a long draft, and leaves room for a short one. On
// SQLite the store is capped at the database's size and a little more; PostgreSQL has no such
// cap, so a trigger fails every long revision with the error PostgreSQL gives when it cannot
// extend a file (disk_full). The long save answers 507 and says why, /readyz reports it while
// reads go on, and it is ready again once a write finds room, or a minute after the last
// failure, so that a server taken out of service is let back in to find out.
func TestDiskFull(t *testing.T) {
	a := newTestApp(t)
	loadOpenAPI(t)
	clk := clock.NewFake(time.Now())
	fillDisk(t, a, clk)
	logs := a.captureLogs()
	long := `{"title":"Long read","body":"` + strings.Repeat("All work and no play. ", 15000) + `"}`
	saveLong := func() {
		t.Helper()
		res := a.do("writer", "POST", "/api/v1/drafts", long)
		wantStatus(t, res, http.StatusInsufficientStorage)
		if e := decode[apiError](t, res); e.Error.Code != newsroom.EFULL || !strings.Contains(e.Error.Message, "disk is full") {
			t.Fatalf("error = %+v", e.Error)
		}
		validateResponse(t, a, httptest.NewRequest("POST", "/api/v1/drafts", strings.NewReader(long)), res)
	}
	ready := func(want int) {
		t.Helper()
		res := a.do("", "GET", "/readyz", "")
		wantStatus(t, res, want)
		if want != http.StatusOK && decode[apiError](t, res).Error.Code != newsroom.EFULL {
			t.Fatalf("readyz: %s", res.Body.String())
		}
	}
	saveLong()
	ready(http.StatusInsufficientStorage)
	wantStatus(t, a.do("writer", "GET", "/api/v1/drafts", ""), http.StatusOK)
	clk.Add(2 * time.Minute)
	ready(http.StatusOK)
	saveLong()
	ready(http.StatusInsufficientStorage)
	wantStatus(t, a.do("writer", "POST", "/api/v1/drafts", `{"title":"Short"}`), http.StatusCreated)
	ready(http.StatusOK)
	faults := 0
	for _, l := range logs.lines(t) {
		if l["msg"] == "database fault" && strings.Contains(fmt.Sprint(l["err"]), "full") {
			faults++
		}
	}
	if faults != 2 {
		t.Fatalf("%d database faults logged, want one per failed save", faults)
	}
}

// fillDisk makes the app's database too full for a draft of more than 100 kB: on SQLite by
// capping it 256 kB above its size, on PostgreSQL with a trigger. The app's store is then a new
// one, whose clock is clk; serve it with a new server.
func fillDisk(t *testing.T, a *testApp, clk clock.Clock) {
	t.Helper()
	if storetest.Postgres() {
		_, err := a.store.DB().Exec(`
			CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF length(NEW.body) > 100000 THEN
					RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
				END IF;
				RETURN NEW;
			END $$;
			CREATE TRIGGER disk_full BEFORE INSERT OR UPDATE ON drafts FOR EACH ROW EXECUTE FUNCTION disk_full()`)
		if err != nil {
			t.Fatal(err)
		}
	}
	var pages, pageSize int64
	db := a.store.DB()
	if !storetest.Postgres() && (db.QueryRow("PRAGMA page_count").Scan(&pages) != nil || db.QueryRow("PRAGMA page_size").Scan(&pageSize) != nil) {
		t.Fatal("cannot read the database's size")
	}
	st, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: clk, MaxSize: pages*pageSize + 256<<10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a.store = st
}
