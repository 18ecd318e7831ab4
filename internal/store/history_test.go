package store_test

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// walkHistory follows a draft's history from its first page to its last, limit entries at a time
// (0 for the default, 50).
func walkHistory(t testing.TB, f *newsroomFixture, id int64, limit int) (revs []newsroom.Revision, audit []newsroom.AuditEntry, pages int) {
	t.Helper()
	cursor, most := "", limit
	if most == 0 {
		most = 50
	}
	for {
		h, err := f.s.History(f.writer, id, newsroom.HistoryFilter{Limit: limit, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Revisions) > most || len(h.Audit) > most {
			t.Fatalf("page %d holds %d revisions and %d audit entries, over the limit of %d", pages, len(h.Revisions), len(h.Audit), most)
		}
		if (cursor == "") != (len(h.Quotes) > 0) {
			t.Fatalf("page %d has %d quote events: they belong on the first page only", pages, len(h.Quotes))
		}
		revs, audit, pages = append(revs, h.Revisions...), append(audit, h.Audit...), pages+1
		if cursor = h.Next; cursor == "" {
			return revs, audit, pages
		}
	}
}

// TestHistoryPaging walks a draft's history at every page size: each revision and audit entry
// comes exactly once, newest first, and the walk ends.
func TestHistoryPaging(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Busy"))
	for i := range 6 {
		body := fmt.Sprintf("Take %d.", i)
		if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: i + 1}); err != nil {
			t.Fatal(err)
		}
		f.staleSave(t, f.writer, d.ID, "Late.")
		if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Again."}); err != nil {
			t.Fatal(err)
		}
	}
	const revisions, entries = 1 + 6*2, 1 + 6*2 // create and saves; create, submits and returns
	cases := []struct {
		name      string
		limit     int
		wantPages int
	}{
		{"One", 1, 13},
		{"Two", 2, 7},
		{"Five", 5, 3},
		{"ExactFit", 13, 1},
		{"Default", 0, 1},
		{"Largest", 200, 1},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			revs, audit, pages := walkHistory(t, f, d.ID, tt.limit)
			if len(revs) != revisions || len(audit) != entries || pages != tt.wantPages {
				t.Fatalf("walk gave %d revisions, %d audit entries in %d pages; want %d, %d in %d", len(revs), len(audit), pages, revisions, entries, tt.wantPages)
			}
			for i := 1; i < len(revs); i++ {
				if revs[i].ID >= revs[i-1].ID {
					t.Fatalf("revision %d follows %d: not newest first, or listed twice", revs[i].ID, revs[i-1].ID)
				}
			}
			for i := 1; i < len(audit); i++ {
				if audit[i].ID >= audit[i-1].ID {
					t.Fatalf("audit entry %d follows %d: not newest first, or listed twice", audit[i].ID, audit[i-1].ID)
				}
			}
			if !revs[0].Unmerged || revs[1].Version != 7 || revs[len(revs)-1].Version != 1 || audit[0].Action != "return" || audit[len(audit)-1].Action != "create" {
				t.Fatalf("walk runs from %+v to %+v, and from %+v to %+v", revs[0], revs[len(revs)-1], audit[0], audit[len(audit)-1])
			}
		})
	}
	for _, bad := range []string{"not-a-cursor", "LTE6Mg"} { // the second is "-1:2"
		_, err := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{Cursor: bad})
		wantCode(t, err, newsroom.EINVALID)
	}
}
