//go:build unix

package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// BenchmarkPublish measures the publish copydesk-bench's scenario 5 makes: an editor publishes
// an approved 1,500-word draft whose five quotes were verified. It reports the CPU time of one
// publish; the drafts are walked to approved with the timer stopped.
func BenchmarkPublish(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	body := benchPiece()
	ids := make([]int64, b.N)
	for i := range ids {
		d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: fmt.Sprintf("Council budget %d", i), Byline: "Sarah Johnson", Brief: "The vote.",
			Body: body, Topics: []string{"Politics", "City hall"}})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = f.walk(b, d, newsroom.StageApproved).ID
	}
	b.ResetTimer()
	start := cpuTime(b)
	for _, id := range ids {
		if _, err := f.s.Publish(f.editor, id, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpuTime(b)-start)
}
