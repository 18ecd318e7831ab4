package server_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDatabaseErrorIsNotNotFound makes the database fail a query after the comment has been
// found, when the draft under it is locked: the drafts table is gone. Replying to, resolving and
// reopening the comment must say the server failed, never that the comment does not exist.
func TestDatabaseErrorIsNotNotFound(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	open, resolved := a.comment(d.ID), a.comment(d.ID)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", resolved), ""), http.StatusOK)
	if _, err := a.store.DB().Exec("ALTER TABLE drafts RENAME TO drafts_away"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, url, body string
	}{
		{"Reply", fmt.Sprintf("/api/v1/comments/%d/replies", open), `{"body":"Done."}`},
		{"Resolve", fmt.Sprintf("/api/v1/comments/%d/resolve", open), ""},
		{"Reopen", fmt.Sprintf("/api/v1/comments/%d/reopen", resolved), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("editor", "POST", tt.url, tt.body)
			wantStatus(t, res, http.StatusInternalServerError)
			if e := decode[apiError](t, res); e.Error.Code != newsroom.EINTERNAL {
				t.Fatalf("error = %+v", e.Error)
			}
		})
	}
}
