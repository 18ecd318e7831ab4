package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// commentNamed reads comment name as the editor sees it.
func (r *replay) commentNamed(name string) newsroom.Comment {
	r.t.Helper()
	res := r.a.do("editor", "GET", r.url("/comments"), "")
	wantStatus(r.t, res, http.StatusOK)
	for _, c := range decode[[]newsroom.Comment](r.t, res) {
		if c.ID == r.names[name] {
			return c
		}
	}
	r.failf("no comment %s", name)
	return newsroom.Comment{}
}

// TestReplayStaleHistories replays histories the random and shape histories do not make: every
// earlier revision restored in turn.
func TestReplayStaleHistories(t *testing.T) {
	tests := []struct {
		name string
		body string
		run  func(t *testing.T, r *replay)
	}{
		{"RestoreEveryEarlierRevisionInTurn", "The council met on Tuesday. The mayor said the bridge would stay open.\n" +
			"Engineers said the bridge was safe. The council said the repairs would cost more.\nResidents wrote to the council on Friday.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "repairs", "The council said the ", "repairs")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Two engineers said"), saved, "")
			// Pasted twice, the comment's words have a twin nothing before them tells apart, until
			// the first copy's first two paragraphs are joined.
			r.marks[r.names["repairs"]] = nil
			r.save("editor", r.body("editor")+"\n"+r.body("editor"), saved, "")
			pasted := r.current()
			joined := "open. Two engineers said the bridge was safe. The council said the "
			r.expect("repairs", joined, "repairs")
			r.save("editor", strings.Replace(r.body("editor"), "open.\nTwo", "open. Two", 1), saved, "")
			last := r.current()
			for v := 1; v <= last; v++ {
				r.open("editor")
				switch {
				case v == pasted:
					r.marks[r.names["repairs"]] = nil
				case v == last:
					r.expect("repairs", joined, "repairs")
				default:
					r.expect("repairs", "The council said the ", "repairs")
				}
				r.restore("editor", v, saved, "")
				if c := r.commentNamed("repairs"); c.Detached || c.Anchor.Start > strings.Index(r.body("editor"), "Friday.") {
					r.failf("restoring v%d put comment repairs at %d of %q (detached %v), want it in the first copy", v, c.Anchor.Start, r.body("editor"), c.Detached)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, newReplay(t, tt.body))
		})
	}
}
