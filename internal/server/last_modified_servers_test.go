package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
)

// TestLastModifiedAcrossServers: two servers on one database, the second one's clock five
// seconds ahead of the first's. A client takes each public page from the second, then the first
// server changes what is published; asked by the date it holds, neither server may answer 304
// for a page that has changed since. Last-Modified was the second each server rendered the page
// in, by its own clock, so the page the clock ahead had rendered before the change carried a
// date after it, and the client holding it was told it was current.
func TestLastModifiedAcrossServers(t *testing.T) {
	paths := []string{"/", "/articles/piece-1", "/articles/piece-1.txt", "/briefs/piece-1.txt", "/api/v1/articles/piece-1", "/api/v1/articles",
		"/feed.atom", "/topics", "/authors", "/sitemap.xml", "/robots.txt"}
	tests := []struct {
		name string
		// prepare runs before the client takes the pages, change after.
		prepare func(t *testing.T, a *testApp) int64
		change  func(t *testing.T, a *testApp, id int64)
		changes []string // pages the change must change
	}{
		{"Correction", nil, func(t *testing.T, a *testApp, _ int64) {
			wantStatus(t, a.do("editor", "POST", "/api/v1/articles/piece-1/corrections", `{"note":"A name was wrong."}`), http.StatusCreated)
		}, []string{"/articles/piece-1", "/articles/piece-1.txt", "/api/v1/articles/piece-1"}},
		{"PublishDatedEarlier", nil, func(t *testing.T, a *testApp, _ int64) {
			d := importAndApprove(t, a, housePiece("Late Filed Story", "Ana Pérez", "A story filed late.", []string{"Its body."}, []string{"Courts"}, ""))
			at := a.clock.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
			wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"`+at+`"}`), http.StatusOK)
		}, []string{"/", "/api/v1/articles", "/feed.atom", "/topics", "/authors", "/sitemap.xml"}},
		{"ReleaseAfterItsTime", func(t *testing.T, a *testApp) int64 {
			d := importAndApprove(t, a, housePiece("Embargoed Story", "Ana Pérez", "A story under embargo.", []string{"Its body."}, []string{"Courts"}, ""))
			at := a.clock.Now().Add(time.Second).UTC().Format(time.RFC3339)
			wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"`+at+`"}`), http.StatusOK)
			return d.ID
		}, func(t *testing.T, a *testApp, _ int64) {
			if n, err := a.store.ReleaseDue(context.Background()); n != 1 || err != nil {
				t.Fatalf("ReleaseDue = %d, %v; want 1", n, err)
			}
		}, []string{"/", "/api/v1/articles", "/feed.atom", "/topics", "/authors", "/sitemap.xml"}},
		{"SiteSettings", nil, func(t *testing.T, a *testApp, _ int64) {
			if err := a.store.SaveSiteSettings(ctxAs(a, "admin"), newsroom.SiteSettings{Name: "Harbour Gazette", BaseURL: "https://gazette.example"}); err != nil {
				t.Fatal(err)
			}
		}, []string{"/", "/articles/piece-1", "/feed.atom", "/topics", "/sitemap.xml", "/robots.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			seedPublished(t, a, 3)
			var id int64
			if tt.prepare != nil {
				id = tt.prepare(t, a)
			}
			ahead := clock.NewFake(a.clock.Now().Add(5 * time.Second))
			stB, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: ahead})
			if err != nil {
				t.Fatal(err)
			}
			defer stB.Close()
			servers := map[string]http.Handler{
				"first":  a.server.Handler(),
				"second": server.New(stB, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler(),
			}
			// Each tick is past the seconds a page goes undated after a change.
			tick := func() {
				a.clock.Add(11 * time.Second)
				ahead.Add(11 * time.Second)
			}
			tick()
			held := map[string]*httptest.ResponseRecorder{}
			for _, p := range paths {
				readerGet(t, servers["second"], p, "")
			}
			tick()
			for _, p := range paths {
				held[p] = readerGet(t, servers["second"], p, "")
				if held[p].Header().Get("Last-Modified") == "" {
					t.Fatalf("%s goes without Last-Modified", p)
				}
			}
			tt.change(t, a, id)
			if err := stB.CatchUp(context.Background()); err != nil {
				t.Fatal(err)
			}
			for _, h := range servers {
				for _, p := range paths {
					readerGet(t, h, p, "")
				}
			}
			tick()
			for name, h := range servers {
				for _, p := range paths {
					now := readerGet(t, h, p, "")
					res := readerGet(t, h, p, held[p].Header().Get("Last-Modified"))
					if now.Header().Get("Last-Modified") == "" {
						t.Errorf("%s server: %s goes without Last-Modified after the change", name, p)
					}
					changed := now.Body.String() != held[p].Body.String()
					if changed && res.Code != http.StatusOK {
						t.Errorf("%s server, %s since %s, changed since (Last-Modified now %s): %d, want 200",
							name, p, held[p].Header().Get("Last-Modified"), now.Header().Get("Last-Modified"), res.Code)
					}
				}
			}
			for _, p := range tt.changes {
				if readerGet(t, servers["first"], p, "").Body.String() == held[p].Body.String() {
					t.Errorf("%s did not change", p)
				}
			}
		})
	}
}

// readerGet asks h for path as an anonymous reader, with If-Modified-Since ims unless it is "", and
// wants 200 or 304.
func readerGet(t *testing.T, h http.Handler, path, ims string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if ims != "" {
		req.Header.Set("If-Modified-Since", ims)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK && rec.Code != http.StatusNotModified {
		t.Fatalf("GET %s: %d, want 200 or 304: %s", path, rec.Code, rec.Body)
	}
	return rec
}

// TestLastModifiedSameSecondAcrossServers: two corrections of one piece in the same second, made
// on the first server; the second server, its clock five seconds ahead, has read the first
// correction's event but not yet the second's, for the few seconds it may take. Every date a client is given must still name one
// version: the page of the first correction was dated as soon as its second was over by the
// clock ahead, the page of the second correction has the same date, and a client holding the
// first was told 304 once the second server had read on.
func TestLastModifiedSameSecondAcrossServers(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 2)
	now := a.clock.Now()
	a.clock.Add(now.Truncate(time.Second).Add(time.Second + 100*time.Millisecond).Sub(now)) // early in a second
	ahead := clock.NewFake(a.clock.Now().Add(5 * time.Second))
	stB, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: ahead})
	if err != nil {
		t.Fatal(err)
	}
	defer stB.Close()
	second := server.New(stB, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler()
	correct := func(note string) {
		wantStatus(t, a.do("editor", "POST", "/api/v1/articles/piece-1/corrections", `{"note":"`+note+`"}`), http.StatusCreated)
		a.clock.Add(100 * time.Millisecond)
		ahead.Add(100 * time.Millisecond)
	}
	const path = "/articles/piece-1"
	correct("A name was wrong.")
	if err := stB.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	held := readerGet(t, second, path, "")
	correct("A date was wrong.")
	// The second server reads the events every second; it is given three to read this one.
	var dated []*httptest.ResponseRecorder
	for i := range 30 {
		if i == 3 {
			if err := stB.CatchUp(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if res := readerGet(t, second, path, ""); res.Header().Get("Last-Modified") != "" {
			dated = append(dated, res)
		}
		a.clock.Add(time.Second)
		ahead.Add(time.Second)
	}
	if len(dated) == 0 && held.Header().Get("Last-Modified") == "" {
		t.Fatalf("%s never goes with a Last-Modified", path)
	}
	current := readerGet(t, second, path, "")
	if current.Header().Get("Last-Modified") == "" {
		t.Fatalf("%s goes without Last-Modified long after its last change", path)
	}
	for _, res := range append(dated, held) {
		lm := res.Header().Get("Last-Modified")
		if lm == "" || res.Body.String() == current.Body.String() {
			continue
		}
		if again := readerGet(t, second, path, lm); again.Code != http.StatusOK {
			t.Errorf("a client holding the page dated %s before the second correction is told %d, want 200", lm, again.Code)
		}
	}
}
