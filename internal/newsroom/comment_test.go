package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCheckCommentChange holds the rule for changing a comment: its author alone, until someone
// replies.
func TestCheckCommentChange(t *testing.T) {
	ana := newsroom.Person{ID: 1, Username: "ana", Name: "Ana"}
	ben := newsroom.Person{ID: 2, Username: "ben", Name: "Ben"}
	quiet := newsroom.Comment{ID: 7, Author: ana}
	answered := newsroom.Comment{ID: 7, Author: ana, Replies: []newsroom.Reply{{ID: 1, Author: ben}}}
	selfAnswered := newsroom.Comment{ID: 7, Author: ana, Replies: []newsroom.Reply{{ID: 1, Author: ana}}}
	tests := []struct {
		name     string
		c        newsroom.Comment
		user     int64
		change   newsroom.CommentChange
		wantCode string
		wantMsg  string
	}{
		{"AuthorEdits", quiet, ana.ID, newsroom.CommentEdit, "", ""},
		{"AuthorDeletes", quiet, ana.ID, newsroom.CommentDelete, "", ""},
		{"OtherEdits", quiet, ben.ID, newsroom.CommentEdit, newsroom.EFORBIDDEN, "only Ana, who wrote comment 7, may edit it"},
		{"OtherDeletes", answered, ben.ID, newsroom.CommentDelete, newsroom.EFORBIDDEN, "may delete it"},
		{"EditAfterReply", answered, ana.ID, newsroom.CommentEdit, newsroom.ECONFLICT, "someone has replied to comment 7, so it can no longer be edited"},
		{"DeleteAfterReply", answered, ana.ID, newsroom.CommentDelete, newsroom.ECONFLICT, "can no longer be deleted"},
		{"DeleteAfterOwnReply", selfAnswered, ana.ID, newsroom.CommentDelete, newsroom.ECONFLICT, "someone has replied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckCommentChange(tt.c, tt.user, tt.change)
			if newsroom.ErrorCode(err) != tt.wantCode || !strings.Contains(newsroom.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("CheckCommentChange = %v, want %s %q", err, tt.wantCode, tt.wantMsg)
			}
		})
	}
}
