package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// mentionOf is one mentions row as a test reads it: who was mentioned, and where.
type mentionOf struct {
	User                       string
	Comment, Reply, Audit, Ref int64
}

// mentionRows reads the mentions table, oldest first.
func mentionRows(t *testing.T, s *store.Store) []mentionOf {
	t.Helper()
	rows, err := s.DB().Query(`SELECT users.username, COALESCE(comment_id, 0), COALESCE(reply_id, 0), COALESCE(audit_id, 0)
		FROM mentions JOIN users ON users.id = mentions.user_id ORDER BY mentions.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []mentionOf
	for rows.Next() {
		var m mentionOf
		if err := rows.Scan(&m.User, &m.Comment, &m.Reply, &m.Audit); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// TestMentions mentions people in comments, replies, edits and workflow notes: each person who
// may see the piece gets a mentions row and a mentioned event; a name that is no one's, a
// disabled person's or that of someone who may not see the piece refuses the whole write with
// the same words; mentioning yourself does nothing.
func TestMentions(t *testing.T) {
	f := newNewsroom(t)
	_, gone := mustUser(t, f.s, "gone", newsroom.RoleEditor)
	yes := true
	if _, err := f.s.UpdateUser(f.admin, gone.ID, store.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	thread := f.commentOn(t, f.editor, d.ID, 0, 7, "Mexican?")
	heard := listen(f.s)
	refused := func(name string) string {
		return fmt.Sprintf("@%s cannot see this piece; mention someone who can, or leave the name out", name)
	}
	comment := func(body string) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := f.s.CreateComment(ctx, d.ID, newsroom.NewComment{Field: "body", Start: intp(8), End: intp(17), Body: body})
			return err
		}
	}
	reply := func(body string) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := f.s.Reply(ctx, thread.ID, newsroom.NewReply{Body: body})
			return err
		}
	}
	tests := []struct {
		name    string
		ctx     context.Context
		write   func(context.Context) error
		wantMsg string
		want    []string
	}{
		{"CommentMentionsChecker", f.editor, comment("@fiona, is this checked?"), "", []string{"fiona"}},
		{"CommentMentionsTwoOnce", f.editor, comment("@fiona and @Sarah, then @FIONA."), "", []string{"fiona", "sarah"}},
		{"CommentMentionsSelf", f.editor, comment("note to @ed"), "", nil},
		{"CommentEmailIsNoMention", f.editor, comment("write to otto@example.com"), "", nil},
		{"CommentMentionsInvisible", f.editor, comment("@otto what do you think?"), refused("otto"), nil},
		{"CommentMentionsNoOne", f.editor, comment("@nobody what do you think?"), refused("nobody"), nil},
		{"CommentMentionsDisabled", f.editor, comment("@gone what do you think?"), refused("gone"), nil},
		{"ReplyMentionsAdmin", f.writer, reply("Asking @ada."), "", []string{"ada"}},
		{"ReplyMentionsInvisible", f.writer, reply("@otto?"), refused("otto"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(mentionRows(t, f.s))
			heard.take()
			err := tt.write(tt.ctx)
			if tt.wantMsg != "" {
				wantCode(t, err, newsroom.EINVALID)
				if newsroom.ErrorMessage(err) != tt.wantMsg {
					t.Fatalf("refusal = %q, want %q", newsroom.ErrorMessage(err), tt.wantMsg)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range mentionRows(t, f.s)[before:] {
				got = append(got, m.User)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("mentioned %q, want %q", got, tt.want)
			}
			var events int
			for _, e := range heard.take() {
				if e.Kind == newsroom.EventMentioned {
					events++
					if e.DraftID != d.ID || e.SubjectID == 0 || e.Ref == 0 {
						t.Errorf("mentioned event %+v lacks its draft, person or thread", e)
					}
				}
			}
			if events != len(tt.want) {
				t.Fatalf("%d mentioned events, want %d", events, len(tt.want))
			}
		})
	}
	if cs, _ := f.s.Comments(f.editor, d.ID); len(cs) != 5 || len(cs[0].Replies) != 1 {
		t.Fatalf("the refused writes left something behind: %d comments, %+v", len(cs), cs[0].Replies)
	}
}

// TestMentionInEdit mentions only the people an edit adds to a comment.
func TestMentionInEdit(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	c := f.commentOn(t, f.editor, d.ID, 0, 7, "@fiona?")
	if _, err := f.s.EditComment(f.editor, c.ID, "@fiona and @ada?"); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.EditComment(f.editor, c.ID, "@otto?")
	wantCode(t, err, newsroom.EINVALID)
	got := mentionRows(t, f.s)
	want := []mentionOf{{User: "fiona", Comment: c.ID}, {User: "ada", Comment: c.ID}}
	if !slices.Equal(got, want) {
		t.Fatalf("mentions = %+v, want %+v", got, want)
	}
	if _, err := f.s.DeleteComment(f.editor, c.ID); err != nil {
		t.Fatalf("deleting a comment that mentions people: %v", err)
	}
	if got := mentionRows(t, f.s); len(got) != 0 {
		t.Fatalf("a deleted comment left its mentions: %+v", got)
	}
}

// TestMentionInNote mentions people in the note of a workflow step, who must be able to see the
// piece where the step leaves it: a fact-checker cannot read a piece returned to draft.
func TestMentionInNote(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	heard := listen(f.s)
	_, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRequestChanges, Note: "@fiona missed one"})
	wantCode(t, err, newsroom.EINVALID)
	if got, _ := f.s.GetDraft(f.editor, d.ID); got.Stage != newsroom.StageEditing {
		t.Fatalf("a refused note moved the piece to %s", got.Stage)
	}
	if _, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRequestChanges, Note: "@sarah, see the second paragraph."}); err != nil {
		t.Fatal(err)
	}
	got := mentionRows(t, f.s)
	if len(got) != 1 || got[0].User != "sarah" || got[0].Audit == 0 || got[0].Comment != 0 {
		t.Fatalf("mentions = %+v, want sarah in the note", got)
	}
	var mentioned []newsroom.Event
	for _, e := range heard.take() {
		if e.Kind == newsroom.EventMentioned {
			mentioned = append(mentioned, e)
		}
	}
	if len(mentioned) != 1 || mentioned[0].Ref != 0 || mentioned[0].Action != string(newsroom.ActionRequestChanges) || mentioned[0].Stage != newsroom.StageDraft {
		t.Fatalf("mentioned events = %+v", mentioned)
	}
}

// TestMentionCandidates offers, for completing a name, only people who may read the piece,
// matched by the start of their username or name, never the one asking, and nothing on a piece
// the asker may not see.
func TestMentionCandidates(t *testing.T) {
	f := newNewsroom(t)
	mustUser(t, f.s, "sam_lee", newsroom.RoleEditor)
	d := f.draftWith(t, commentBody)
	tests := []struct {
		name   string
		ctx    context.Context
		prefix string
		want   []string
	}{
		{"Everyone", f.editor, "", []string{"ada", "fiona", "sam_lee", "sarah"}},
		{"ByUsername", f.editor, "SA", []string{"sam_lee", "sarah"}},
		{"UnderscoreIsNoWildcard", f.editor, "sam_", []string{"sam_lee"}},
		{"WildcardIsNoName", f.editor, "%", []string{}},
		{"NotTheInvisibleWriter", f.editor, "ot", []string{}},
		{"NotOneself", f.writer, "sa", []string{"sam_lee"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := f.s.MentionCandidates(tt.ctx, d.ID, tt.prefix)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, p := range ps {
				got = append(got, p.Username)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("candidates for %q = %q, want %q", tt.prefix, got, tt.want)
			}
		})
	}
	_, err := f.s.MentionCandidates(f.other, d.ID, "")
	wantCode(t, err, newsroom.ENOTFOUND)
}

// TestEditTakingOutMentionLeavesInbox holds that a mention taken out of a comment by an edit
// leaves the inbox of the person it named. Otherwise Ada's inbox would still say "Ed mentioned
// you in a comment" beside the comment's new words, which no longer name her.
func TestEditTakingOutMentionLeavesInbox(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, commentBody)
	c := f.commentOn(t, f.editor, d.ID, 0, 7, "@ada is this right?")
	if got := inboxOf(t, f.s, f.admin); !slices.Contains(got, "mentions Comments") {
		t.Fatalf("Ada's inbox lacks her mention: %q", got)
	}
	if _, err := f.s.EditComment(f.editor, c.ID, "Never mind, it is right."); err != nil {
		t.Fatal(err)
	}
	if got := inboxOf(t, f.s, f.admin); slices.Contains(got, "mentions Comments") {
		t.Fatalf("the edit took @ada out of the comment, and Ada's inbox still holds %q", got)
	}
}
