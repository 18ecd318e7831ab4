package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestEditComment edits a comment as its author, and is refused for everyone else, once someone
// has replied, and for an empty text.
func TestEditComment(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	quiet := f.commentOn(t, f.editor, d.ID, 0, 7, "Tighten.")
	answered := f.commentOn(t, f.editor, d.ID, 8, 17, "Title?")
	if _, err := f.s.Reply(f.writer, answered.ID, newsroom.NewReply{Body: "Added."}); err != nil {
		t.Fatal(err)
	}

	c, err := f.s.EditComment(f.editor, quiet.ID, "  Tighten the lede.  ")
	if err != nil || c.Body != "Tighten the lede." || c.EditedAt == nil || c.Author.Username != "ed" {
		t.Fatalf("EditComment = %+v, %v", c, err)
	}
	h, err := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if e := h.Audit[0]; e.Action != "edit_comment" || e.Actor.Username != "ed" || !strings.Contains(e.Note, "said: Tighten.") {
		t.Fatalf("newest audit entry = %+v, want ed's edit keeping the old words", e)
	}
	tests := []struct {
		name string
		ctx  context.Context
		id   int64
		body string
		want string
	}{
		{"AfterReply", f.editor, answered.ID, "Which title?", newsroom.ECONFLICT},
		{"ByAnotherCommenter", f.checker, quiet.ID, "Mine now.", newsroom.EFORBIDDEN},
		{"ByTheWriter", f.writer, quiet.ID, "Mine now.", newsroom.EFORBIDDEN},
		{"ByOneWhoCannotSee", f.other, quiet.ID, "Mine now.", newsroom.ENOTFOUND},
		{"Empty", f.editor, quiet.ID, "  ", newsroom.EINVALID},
		{"NoSuchComment", f.editor, 99999, "x", newsroom.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.EditComment(tt.ctx, tt.id, tt.body)
			wantCode(t, err, tt.want)
		})
	}
	_, err = f.s.EditComment(f.editor, answered.ID, "x")
	if !strings.Contains(newsroom.ErrorMessage(err), "someone has replied") {
		t.Fatalf("the refusal after a reply says %q", newsroom.ErrorMessage(err))
	}
}

// TestDeleteComment deletes a comment as its author, leaving an entry in the audit trail, and is
// refused once someone has replied.
func TestDeleteComment(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	quiet := f.commentOn(t, f.checker, d.ID, 0, 7, "Mexican?")
	answered := f.commentOn(t, f.checker, d.ID, 8, 17, "Title?")
	if _, err := f.s.Reply(f.editor, answered.ID, newsroom.NewReply{Body: "It is."}); err != nil {
		t.Fatal(err)
	}

	_, err := f.s.DeleteComment(f.editor, quiet.ID)
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.DeleteComment(f.checker, answered.ID)
	wantCode(t, err, newsroom.ECONFLICT)
	gone, err := f.s.DeleteComment(f.checker, quiet.ID)
	if err != nil || gone.ID != quiet.ID {
		t.Fatalf("DeleteComment = %+v, %v", gone, err)
	}
	_, err = f.s.DeleteComment(f.checker, quiet.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
	left, err := f.s.Comments(f.editor, d.ID)
	if err != nil || len(left) != 1 || left[0].ID != answered.ID {
		t.Fatalf("comments after the delete = %+v, %v", left, err)
	}
	h, err := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if e := h.Audit[0]; e.Action != "delete_comment" || e.Actor.Username != "fiona" || !strings.Contains(e.Note, "Mexican?") || !strings.Contains(e.Note, "“Mexican”") {
		t.Fatalf("newest audit entry = %+v", e)
	}
}

// TestReplyAddressed addresses replies to people who can see the draft, and refuses anyone else
// with the words it uses for a username that is no one's, so that no one learns who has an account.
func TestReplyAddressed(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	c := f.commentOn(t, f.editor, d.ID, 0, 7, "Tighten.")
	tests := []struct {
		name     string
		to       []string
		want     []string
		wantCode string
		wantMsg  string
	}{
		{"Nobody", nil, []string{}, "", ""},
		{"TheCommenter", []string{"ed"}, []string{"ed"}, "", ""},
		{"SeveralOnceEach", []string{"ED", "fiona", "ed", " "}, []string{"fiona", "ed"}, "", ""},
		{"OneWhoCannotSee", []string{"ed", "otto"}, nil, newsroom.EINVALID, `no one called "otto" may see this draft`},
		{"NoOne", []string{"nobody"}, nil, newsroom.EINVALID, `no one called "nobody" may see this draft`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.s.Reply(f.writer, c.ID, newsroom.NewReply{Body: "Done.", To: tt.to})
			if tt.wantCode != "" {
				if newsroom.ErrorCode(err) != tt.wantCode || !strings.Contains(newsroom.ErrorMessage(err), tt.wantMsg) {
					t.Fatalf("Reply = %v, want %s %q", err, tt.wantCode, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			last := got.Replies[len(got.Replies)-1]
			var names []string
			for _, p := range last.Addressed {
				names = append(names, p.Username)
			}
			if strings.Join(names, ",") != strings.Join(tt.want, ",") || last.Addressed == nil {
				t.Fatalf("addressed = %+v, want %v", last.Addressed, tt.want)
			}
		})
	}
	t.Run("RefusalsReadAlike", func(t *testing.T) {
		_, cannotSee := f.s.Reply(f.writer, c.ID, newsroom.NewReply{Body: "Done.", To: []string{"otto"}})
		_, noOne := f.s.Reply(f.writer, c.ID, newsroom.NewReply{Body: "Done.", To: []string{"nobody"}})
		same := strings.ReplaceAll(newsroom.ErrorMessage(cannotSee), "otto", "nobody")
		if same != newsroom.ErrorMessage(noOne) {
			t.Fatalf("refusals differ: %q and %q", newsroom.ErrorMessage(cannotSee), newsroom.ErrorMessage(noOne))
		}
	})
	// The refused replies left nothing behind.
	if cs, err := f.s.Comments(f.editor, d.ID); err != nil || len(cs[0].Replies) != 3 {
		t.Fatalf("replies = %+v, %v", cs, err)
	}
}

// draftWith creates a draft with body by the fixture's writer and walks it to editing.
func (f *newsroomFixture) draftWith(t testing.TB, body string) *newsroom.Draft {
	t.Helper()
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Comments", Byline: "Sarah Johnson", Brief: "A brief.", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return f.walk(t, d, newsroom.StageEditing)
}

// commentOn puts a comment by ctx's user on code points start to end of draft id's body.
func (f *newsroomFixture) commentOn(t testing.TB, ctx context.Context, id int64, start, end int, body string) *newsroom.Comment {
	t.Helper()
	c, err := f.s.CreateComment(ctx, id, newsroom.NewComment{Field: "body", Start: intp(start), End: intp(end), Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
