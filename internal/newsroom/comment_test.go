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

// TestCommentCaps refuses an open thread past MaxOpenComments and a reply past MaxReplies,
// in the workflow's words, and lets everything up to them through.
func TestCommentCaps(t *testing.T) {
	tests := []struct {
		name    string
		check   func(int) error
		n       int
		wantErr string
	}{
		{"OpenNone", newsroom.CheckOpenComments, 0, ""},
		{"OpenLastPlace", newsroom.CheckOpenComments, newsroom.MaxOpenComments - 1, ""},
		{"OpenFull", newsroom.CheckOpenComments, newsroom.MaxOpenComments, "this piece has 500 open comments; resolve some before adding more"},
		{"OpenOver", newsroom.CheckOpenComments, newsroom.MaxOpenComments + 3, "this piece has 503 open comments; resolve some before adding more"},
		{"RepliesLastPlace", newsroom.CheckReplies, newsroom.MaxReplies - 1, ""},
		{"RepliesFull", newsroom.CheckReplies, newsroom.MaxReplies, "this thread has 200 replies, the most it can hold; resolve it and start a new comment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.n)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused at %d: %v", tt.n, err)
				}
				return
			}
			if newsroom.ErrorCode(err) != newsroom.ECONFLICT || newsroom.ErrorMessage(err) != tt.wantErr {
				t.Fatalf("at %d: %v, want %s %q", tt.n, err, newsroom.ECONFLICT, tt.wantErr)
			}
		})
	}
}

// TestCommentTotals refuses a change that takes a piece's threads past MaxThreads or its
// comments' text past MaxCommentText with 422, lets everything up to them through, and never
// refuses a change that adds nothing, so that a piece over a bound can still be trimmed.
func TestCommentTotals(t *testing.T) {
	tests := []struct {
		name          string
		totals        newsroom.CommentTotals
		threads, text int64
		wantErr       string
	}{
		{"Empty", newsroom.CommentTotals{}, 1, newsroom.MaxComment, ""},
		{"LastThread", newsroom.CommentTotals{Threads: newsroom.MaxThreads - 1}, 1, 5, ""},
		{"ThreadsFull", newsroom.CommentTotals{Threads: newsroom.MaxThreads}, 1, 5,
			"this piece holds 2000 comments, open and resolved, the most one piece may; reply in one of its threads instead"},
		{"ReplyWhenThreadsFull", newsroom.CommentTotals{Threads: newsroom.MaxThreads}, 0, 5, ""},
		{"TextToTheBound", newsroom.CommentTotals{Text: newsroom.MaxCommentText - 9}, 0, 9, ""},
		{"TextPastTheBound", newsroom.CommentTotals{Text: newsroom.MaxCommentText - 9}, 0, 10,
			"this piece's comments and replies hold 999991 characters, and these 10 would take them past 1000000, the most one piece may hold; say it in fewer words"},
		{"ThreadPastTheText", newsroom.CommentTotals{Threads: 3, Text: newsroom.MaxCommentText}, 1, 1,
			"this piece's comments and replies hold 1000000 characters, and these 1 would take them past 1000000, the most one piece may hold; say it in fewer words"},
		{"ShorterEditOverTheBound", newsroom.CommentTotals{Text: newsroom.MaxCommentText + 50}, 0, -20, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckCommentTotals(tt.totals, tt.threads, tt.text)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if newsroom.ErrorCode(err) != newsroom.EINVALID || newsroom.ErrorMessage(err) != tt.wantErr {
				t.Fatalf("%v, want %s %q", err, newsroom.EINVALID, tt.wantErr)
			}
		})
	}
}
