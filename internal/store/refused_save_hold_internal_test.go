package store

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRefusedSaveOffTheWriter checks that a save refused for its text is refused on the plan's
// read, not worked out again while it holds SQLite's writer: a body the size of the request's
// limit, of combining marks, takes a good part of a second to normalize, and a writer could
// send such saves one after another, each refused, while every other write waited.
func TestRefusedSaveOffTheWriter(t *testing.T) {
	s, logged, ctx := loggedWriter(t)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Harbour", Body: "The café stays open."})
	if err != nil {
		t.Fatal(err)
	}
	text := func(s string) *string { return &s }
	tests := []struct {
		name string
		upd  newsroom.DraftUpdate
	}{
		{"TooLong", newsroom.DraftUpdate{Body: text("The café" + strings.Repeat("\u0301\u0323", newsroom.MaxBody))}},
		{"DirectionOverride", newsroom.DraftUpdate{Title: text("\u202e"), Body: text("The café" + strings.Repeat("\u0301\u0323", (newsroom.MaxBody-10)/2))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			began := time.Now()
			tt.upd.Apply(d.Text()).Normalize()
			normalizing := time.Since(began)
			logged.Reset()
			s.slowHolds.least, s.slowHolds.every = shortestTold(t, normalizing), 0
			tt.upd.Version = d.Version
			if _, err := s.UpdateDraft(ctx, d.ID, tt.upd); newsroom.ErrorCode(err) != newsroom.EINVALID {
				t.Fatalf("save: %v, want code %q", err, newsroom.EINVALID)
			}
			heldUnder(t, logged, normalizing/2, "normalizing the text alone takes "+normalizing.String())
		})
	}
}
