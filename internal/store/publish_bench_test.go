//go:build unix

package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// approvedPieces writes n drafts shaped as copydesk-bench seeds them (a 1,500-word body with
// five quotes, two topics), walks them to approved with their quotes verified, and returns
// their ids.
func approvedPieces(b *testing.B, f *newsroomFixture, n int) []int64 {
	body := benchPiece()
	ids := make([]int64, n)
	for i := range ids {
		d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: fmt.Sprintf("Council budget %d", i), Byline: "Sarah Johnson",
			Brief: "The vote.", Body: body, Topics: []string{"Politics", "City hall"}})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = f.walk(b, d, newsroom.StageApproved).ID
	}
	return ids
}

// BenchmarkPublish measures the publish copydesk-bench's scenario 5 makes: an editor publishes
// an approved 1,500-word draft whose five quotes were verified. It reports the CPU time of one
// publish; the drafts are walked to approved with the timer stopped.
func BenchmarkPublish(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	ids := approvedPieces(b, f, b.N)
	b.ResetTimer()
	start := cputime.Used(b)
	for _, id := range ids {
		if _, err := f.s.Publish(f.editor, id, time.Time{}, 0); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, cputime.Used(b)-start)
}

// BenchmarkPublishClients is scenario 5 without HTTP: 32 clients share the pool of approved
// drafts, each publishing the next one as soon as its last answered, while the scheduler's
// IndexSearch runs every second as a server's does. It reports publishes per second and the
// 99th percentile of a publish's time, which the writer's hold time decides.
func BenchmarkPublishClients(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	ids := approvedPieces(b, f, b.N)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := f.s.IndexSearch(ctx); err != nil && ctx.Err() == nil {
					b.Error(err)
				}
			}
		}
	}()
	var next atomic.Int64
	took := make([]time.Duration, len(ids))
	var wg sync.WaitGroup
	b.ResetTimer()
	t0 := time.Now()
	for range 32 {
		wg.Go(func() {
			for k := next.Add(1) - 1; k < int64(len(ids)); k = next.Add(1) - 1 {
				start := time.Now()
				if _, err := f.s.Publish(f.editor, ids[k], time.Time{}, 0); err != nil {
					b.Error(err)
					return
				}
				took[k] = time.Since(start)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(t0)
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(len(ids))/elapsed.Seconds(), "publishes/s")
	b.ReportMetric(float64(took[len(took)*99/100])/float64(time.Millisecond), "p99-ms")
}
