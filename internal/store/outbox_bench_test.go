package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// configureNotices gives the fixture's writer, fact-checker and editor email addresses and adds
// a webhook that takes every kind: a newsroom where a change tells three people twice over.
func configureNotices(b *testing.B, f *newsroomFixture) {
	b.Helper()
	mustExec(b, f.s, "UPDATE users SET email = username || '@example.com' WHERE username IN ('sarah', 'fiona', 'ed')")
	if _, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "chat", URL: "https://chat.example.com/hook"}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSaveWithNotifications saves one paragraph of a piece in editing in two newsrooms,
// one with nothing configured and one with a webhook and three people with email addresses (one
// assigned to the piece), in turn, so that the machine's load falls on both alike. A save tells
// nobody, so the outbox must cost it next to nothing: it reports each one's time per save and
// the second's over the first's.
func BenchmarkSaveWithNotifications(b *testing.B) {
	quiet, told := newSaver(b, false), newSaver(b, true)
	var quietTime, toldTime time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		quietTime += quiet.save(b, i)
		toldTime += told.save(b, i)
	}
	b.StopTimer()
	b.ReportMetric(float64(quietTime.Nanoseconds())/float64(b.N), "ns/save-without")
	b.ReportMetric(float64(toldTime.Nanoseconds())/float64(b.N), "ns/save-with")
	b.ReportMetric(float64(toldTime)/float64(quietTime), "with/without")
}

// saver saves one draft again and again.
type saver struct {
	f       *newsroomFixture
	id      int64
	version int
}

func newSaver(b *testing.B, configured bool) *saver {
	f := newNewsroomAt(b, store.Options{})
	if configured {
		configureNotices(b, f)
	}
	d := f.draftIn(b, newsroom.StageEditing)
	if configured {
		f.assign(b, d.ID, newsroom.StageEditing, f.editor)
	}
	return &saver{f: f, id: d.ID, version: d.Version}
}

// save saves edit i and returns how long it took.
func (s *saver) save(b *testing.B, i int) time.Duration {
	body := fmt.Sprintf("Edit %d: the council voted late.\n\nSecond paragraph.", i)
	start := time.Now()
	got, err := s.f.s.UpdateDraft(s.f.editor, s.id, newsroom.DraftUpdate{Body: &body, Version: s.version})
	took := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	s.version = got.Version
	return took
}

// BenchmarkNotifications replies in threads that three other people are in, with a webhook and
// their email addresses configured: each reply writes three notifications, three emails and a
// webhook post in its own transaction. The replies go round 100 threads, so that no thread grows
// long. It reports notifications written per second.
func BenchmarkNotifications(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	configureNotices(b, f)
	eve, _ := mustUser(b, f.s, "eve", newsroom.RoleEditor)
	d := f.draftIn(b, newsroom.StageEditing)
	threads := make([]int64, 100)
	for i := range threads {
		c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Second paragraph."}, Body: "Source?"})
		if err != nil {
			b.Fatal(err)
		}
		for _, ctx := range []context.Context{f.writer, f.checker, eve} {
			if _, err := f.s.Reply(ctx, c.ID, newsroom.NewReply{Body: "Here."}); err != nil {
				b.Fatal(err)
			}
		}
		threads[i] = c.ID
	}
	start := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.s.Reply(f.editor, threads[i%len(threads)], newsroom.NewReply{Body: "And this?"}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(3*b.N)/time.Since(start).Seconds(), "notifications/s")
}
