package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteReadComposedOffTheWriter checks that the words and speaker a verdict says its maker
// read are put in NFC before the verdict's transaction, not while it holds SQLite's writer: a
// quote's forms take as much as a whole body, and composing megabytes of combining marks takes
// a good part of a second, which every other write in the newsroom would wait for. The
// composing is timed on its own, and the verdict may not hold the writer for half of that.
func TestQuoteReadComposedOffTheWriter(t *testing.T) {
	s, logged, ctx := loggedWriter(t)
	fc, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "fiona", Role: newsroom.RoleFactChecker, Password: "pw-fiona-staple-horse"})
	if err != nil {
		t.Fatal(err)
	}
	checker := newsroom.WithUser(context.Background(), fc)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Harbour", Byline: "Sarah Johnson", Brief: "The café stays.", Body: "“The café stays open,” said Rosa Delgado."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Transition(ctx, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(checker, d.ID)
	if err != nil || len(qs) != 1 {
		t.Fatalf("quotes: %v, %v", qs, err)
	}
	marks := "The café stays open" + strings.Repeat("\u0301\u0323", 1<<19)
	began := time.Now()
	newsroom.Composed(marks)
	composing := time.Since(began)
	tests := []struct {
		name string
		read newsroom.QuoteRead
	}{
		{"Text", newsroom.QuoteRead{Text: &marks}},
		{"Speaker", newsroom.QuoteRead{Speaker: &marks}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged.Reset()
			s.slowHolds.least, s.slowHolds.every = shortestTold(t, composing), 0
			_, err := s.CheckQuote(checker, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "the tape", QuoteRead: tt.read})
			if got := newsroom.ErrorCode(err); got != newsroom.ECONFLICT {
				t.Fatalf("verdict on other words: %v, want code %q", err, newsroom.ECONFLICT)
			}
			heldUnder(t, logged, composing/2, "composing the words alone takes "+composing.String())
		})
	}
}
