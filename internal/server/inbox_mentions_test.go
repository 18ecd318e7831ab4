package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestInboxListsAMentionedThreadOnce holds that a thread that mentions someone is one entry of
// their inbox, however many of its replies mention them, carrying the newest mention's words:
// each mention was an entry, so a colleague who wrote "@ed" in reply after reply (200 a thread,
// 2,000 threads a piece) made ed's inbox, and the desk and header that count it, heavier with
// each one, megabytes and a third of a second of every page for ten thousand of them.
func TestInboxListsAMentionedThreadOnce(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name     string
		replies  int // replies by the fact-checker after the thread, each mentioning the editor
		answered int // the editor answers after this many of them; -1 never
		want     int // the thread's mention entries in the editor's inbox
		wantNote string
	}{
		{"TheThreadAlone", 0, -1, 1, "Source, @editor? 0"},
		{"ManyReplies", 5, -1, 1, "Again, @editor. 5"},
		{"AnsweredAfterTheLast", 3, 3, 0, ""},
		{"MentionedAgainAfterAnAnswer", 3, 2, 1, "Again, @editor. 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(newsroom.StageFactCheck)
			res := a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID),
				`{"field":"body","quote":{"exact":"quote"},"body":"Source, @editor? 0"}`)
			wantStatus(t, res, http.StatusCreated)
			thread := fmt.Sprintf("/api/v1/comments/%d/replies", decode[newsroom.Comment](t, res).ID)
			for i := 1; i <= tt.replies; i++ {
				body, _ := json.Marshal(map[string]string{"body": fmt.Sprintf("Again, @editor. %d", i)})
				wantStatus(t, a.do("factchecker", "POST", thread, string(body)), http.StatusCreated)
				if i == tt.answered {
					wantStatus(t, a.do("editor", "POST", thread, `{"body":"On it."}`), http.StatusCreated)
				}
			}
			res = a.do("editor", "GET", "/api/v1/inbox", "")
			wantStatus(t, res, http.StatusOK)
			var notes []string
			for _, e := range decode[struct{ Entries []newsroom.InboxEntry }](t, res).Entries {
				if e.Kind == newsroom.InboxMentions && e.Piece.ID == d.ID {
					notes = append(notes, e.Note)
				}
			}
			if len(notes) != tt.want || tt.want == 1 && notes[0] != tt.wantNote {
				t.Fatalf("the editor's inbox holds the mentions %q of the thread, want %d reading %q", notes, tt.want, tt.wantNote)
			}
		})
	}
}
