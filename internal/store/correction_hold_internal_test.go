package store

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCorrectionWorkedOutOffTheWriter checks that a correction's text is normalized, checked
// and made a revision before its transaction, as a save's is, not while it holds SQLite's
// writer: a corrected body of combining marks the size of the body's limit takes a good part of
// a second to normalize, which every other write in the newsroom would wait for.
func TestCorrectionWorkedOutOffTheWriter(t *testing.T) {
	body := func(s string) *string { return &s }
	tests := []struct {
		name string
		body *string
		want string
	}{
		{"Corrected", body("The harbour reopened" + strings.Repeat("\u0301\u0323", newsroom.MaxBody*9/20)), ""},
		{"Refused", body("The harbour reopened" + strings.Repeat("\u0301\u0323", newsroom.MaxBody)), newsroom.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Writing the corrected body takes a good part of what normalizing it does, so on a
			// loaded machine one correction may hold the writer past the bound with its work
			// done outside: a correction that normalizes under the writer is over it every
			// time, and three in a row over it are a failure.
			var over []string
			for range 3 {
				s, editor, pub := publishedStore(t)
				logged := &bytes.Buffer{}
				s.log = slog.New(slog.NewJSONHandler(logged, nil))
				began := time.Now()
				newsroom.Text{Body: *tt.body}.Normalize()
				normalizing := time.Since(began)
				s.slowHolds.least, s.slowHolds.every = shortestTold(t, normalizing), 0
				_, err := s.Correct(editor, pub.Slug, newsroom.CorrectionRequest{Body: tt.body, Note: "The harbour reopened."})
				if got := newsroom.ErrorCode(err); got != tt.want {
					t.Fatalf("correction: %v, want code %q", err, tt.want)
				}
				if over = heldOver(t, logged, normalizing/2); len(over) == 0 {
					return
				}
				over = append(over, "normalizing the text alone takes "+normalizing.String())
			}
			t.Errorf("three corrections held the writer for %s", strings.Join(over, "; "))
		})
	}
}
