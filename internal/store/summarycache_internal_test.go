package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// summaryDesk is a SQLite store at path with a writer and three drafts of theirs.
type summaryDesk struct {
	s      *Store
	path   string
	writer context.Context
	drafts []*newsroom.Draft
}

func newSummaryDesk(t *testing.T) *summaryDesk {
	t.Helper()
	path := filepath.Join(t.TempDir(), "store.db")
	s := openAt(t, path, Options{})
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	p := &summaryDesk{s: s, path: path, writer: newsroom.WithUser(context.Background(), u)}
	for i := range 3 {
		d, err := s.CreateDraft(p.writer, newsroom.Text{Title: fmt.Sprintf("Bridge %d", i), Byline: "Sarah", Body: "The council met."})
		if err != nil {
			t.Fatal(err)
		}
		p.drafts = append(p.drafts, d)
	}
	return p
}

// page returns the writer's first page of summaries as DraftSummariesJSON answers it, and as
// the database says it is now, read past the cache.
func (p *summaryDesk) page(t *testing.T) (answered, now string) {
	t.Helper()
	got, err := p.s.DraftSummariesJSON(p.writer, newsroom.DraftFilter{}, []byte("kept:"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got.Items, []byte("kept:")) {
		t.Fatalf("the page %q is not appended to what the buffer held", got.Items)
	}
	f := newsroom.DraftFilter{}
	u, _ := actor(p.writer)
	query, args, err := p.s.summaryPageQuery(u, &f)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := p.s.summaryPage(p.writer, f, query, args, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(got.Items[len("kept:"):]) + got.Next, string(fresh.Items) + fresh.Next
}

// plant puts marker in place of every page the cache keeps, so that a page served from the
// cache shows.
func (p *summaryDesk) plant(marker string) int {
	c := p.s.summaries
	c.mu.Lock()
	defer c.mu.Unlock()
	for key, e := range c.pages {
		e.items = []byte(marker)
		e.next = ""
		c.pages[key] = e
	}
	return len(c.pages)
}

// TestSummaryPagesFollowEveryCommit checks the summary cache's promise: a page is served again
// while nothing was committed, and never once anything was, however it was committed: through
// the store's own writes, by SQL on its writer, by a second store on the same file, and by
// another program's connection that knows nothing of the cache.
func TestSummaryPagesFollowEveryCommit(t *testing.T) {
	p := newSummaryDesk(t)
	second := openAt(t, p.path, Options{})
	other, err := sql.Open("sqlite3", p.path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	title := "Bridge reopened"
	for _, tc := range []struct {
		name   string
		commit func() error
	}{
		{"ASave", func() error {
			d, err := p.s.UpdateDraft(p.writer, p.drafts[1].ID, newsroom.DraftUpdate{Title: &title, Version: p.drafts[1].Version})
			if err == nil {
				p.drafts[1] = d
			}
			return err
		}},
		{"SQLOnTheWriter", func() error {
			return p.s.w.Exec("UPDATE users SET name = 'Sarah Hale' WHERE username = 'sarah'").Error
		}},
		{"ASecondStore", func() error {
			other := "Bridge closed"
			d, err := second.UpdateDraft(p.writer, p.drafts[0].ID, newsroom.DraftUpdate{Title: &other, Version: p.drafts[0].Version})
			if err == nil {
				p.drafts[0] = d
			}
			return err
		}},
		{"AnotherProgram", func() error {
			_, err := other.Exec("UPDATE users SET name = 'Sarah Hale-Ode' WHERE username = 'sarah'")
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, now := p.page(t)
			if before != now {
				t.Fatalf("before the commit, answered %s; the database says %s", before, now)
			}
			if n := p.plant(`{"planted":true}`); n != 1 {
				t.Fatalf("the cache keeps %d pages, want the one asked for", n)
			}
			if kept, _ := p.page(t); kept != `{"planted":true}` {
				t.Fatalf("with nothing committed, answered %s, not the kept page", kept)
			}
			if err := tc.commit(); err != nil {
				t.Fatal(err)
			}
			after, now := p.page(t)
			if after != now || after == before {
				t.Fatalf("after the commit, answered %s; the database says %s (before it: %s)", after, now, before)
			}
		})
	}
}

// TestSummaryPagesNeverOlderThanTheRequest saves titles one after another while readers ask
// for the page: every answer must show at least the last save that had returned before the
// request began, whichever reader connection served it.
func TestSummaryPagesNeverOlderThanTheRequest(t *testing.T) {
	p := newSummaryDesk(t)
	d := p.drafts[2]
	var saved atomic.Int64
	stop := time.Now().Add(time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for n := int64(1); time.Now().Before(stop); n++ {
			title := fmt.Sprintf("Bridge save %d.", n)
			next, err := p.s.UpdateDraft(p.writer, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version})
			if err != nil {
				errs <- err
				return
			}
			d = next
			saved.Store(n)
		}
	}()
	var served atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(stop) {
				least := saved.Load()
				page, err := p.s.DraftSummariesJSON(p.writer, newsroom.DraftFilter{}, nil)
				if err != nil {
					errs <- err
					return
				}
				_, rest, ok := strings.Cut(string(page.Items), "Bridge save ")
				var n int64
				if ok {
					fmt.Sscanf(rest, "%d.", &n)
				}
				if n < least {
					errs <- fmt.Errorf("a page read after save %d shows save %d: %s", least, n, page.Items)
					return
				}
				served.Add(1)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if saved.Load() < 10 || served.Load() < 100 {
		t.Fatalf("%d saves and %d pages: too few to tell", saved.Load(), served.Load())
	}
}

// TestSummaryCacheStaysBounded asks for pages no one else asks for, one assignee id after
// another, as any signed-in reader may: the cache must stay within its bound, keys included,
// and still keep the page asked for last.
func TestSummaryCacheStaysBounded(t *testing.T) {
	p := newSummaryDesk(t)
	for i := range 20000 {
		if _, err := p.s.DraftSummariesJSON(p.writer, newsroom.DraftFilter{Assignee: int64(1000 + i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	c := p.s.summaries
	counted := 0
	for key, e := range c.pages {
		counted += summaryPageSize(key, e.items, e.next)
	}
	if counted != c.bytes || c.bytes > summaryCacheBytes || len(c.pages) == 0 {
		t.Fatalf("%d pages kept in %d bytes (counted %d), bound %d", len(c.pages), c.bytes, counted, summaryCacheBytes)
	}
	before, now := p.page(t)
	if before != now || p.plant("planted") == 0 {
		t.Fatalf("answered %s; the database says %s", before, now)
	}
	if kept, _ := p.page(t); kept != "planted" {
		t.Fatalf("the desk's page was not kept after the others: answered %s", kept)
	}
}
