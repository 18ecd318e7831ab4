package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

const commentBody = "Mexican President Claudia Sheinbaum rejected the offer.\n" +
	"She welcomed intelligence sharing but not troops.\n" +
	"Café owners in Culiacán 👍🏽 said the cartels still run the night."

func intp(n int) *int { return &n }

func TestCreateComment(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "The the title", Byline: "Sarah Johnson", Brief: "A brief.", Body: commentBody})
	d = f.walk(t, d, newsroom.StageEditing)
	tests := []struct {
		name      string
		nc        newsroom.NewComment
		wantStart int
		wantExact string
		wantErr   string
	}{
		{"ByQuote", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "intelligence sharing"}, Body: "Which agencies?"}, 69, "intelligence sharing", ""},
		{"ByRange", newsroom.NewComment{Field: "body", Start: intp(18), End: intp(35), Body: "Full name first."}, 18, "Claudia Sheinbaum", ""},
		{"BothAgree", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "troops"}, Start: intp(98), End: intp(104), Body: "x"}, 98, "troops", ""},
		{"AfterEmoji", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "the cartels"}, Body: "Which ones?"}, 138, "the cartels", ""},
		{"OnTitleWithContext", newsroom.NewComment{Field: "title", Quote: &newsroom.TextQuote{Exact: "the", Prefix: "The "}, Body: "Doubled word."}, 4, "the", ""},
		// With a quote, the range says which occurrence the client saw in the text as it was then.
		{"StaleRangeFollowsQuote", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "troops"}, Start: intp(0), End: intp(8), Body: "x"}, 98, "troops", ""},
		{"StaleRangeOnTwinFollowsContext", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "the", Prefix: "said ", Suffix: " cartels"}, Start: intp(45), End: intp(48), Body: "x"}, 138, "the", ""},
		{"StaleRangeTwinsWithoutContext", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "the", Prefix: "sold ", Suffix: " cars"}, Start: intp(20), End: intp(23), Body: "x"}, 0, "", "choose them again"},
		{"StaleRangeWordsGone", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "drones"}, Start: intp(98), End: intp(104), Body: "x"}, 0, "", "may have changed since you chose these words"},
		{"NotInText", newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "drones"}, Body: "x"}, 0, "", `"drones" is not in the body`},
		{"Ambiguous", newsroom.NewComment{Field: "title", Quote: &newsroom.TextQuote{Exact: "he"}, Body: "x"}, 0, "", "appears several times"},
		{"RangeOutside", newsroom.NewComment{Field: "body", Start: intp(5), End: intp(9999), Body: "x"}, 0, "", "start and end must pick out words"},
		{"NoWords", newsroom.NewComment{Field: "body", Body: "x"}, 0, "", "say which words"},
		{"BadField", newsroom.NewComment{Field: "byline", Start: intp(0), End: intp(1), Body: "x"}, 0, "", "field must be one of"},
		{"EmptyBody", newsroom.NewComment{Field: "body", Start: intp(0), End: intp(1), Body: "  "}, 0, "", "needs some text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := f.s.CreateComment(f.editor, d.ID, tt.nc)
			if tt.wantErr != "" {
				if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(newsroom.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("CreateComment = %v, want EINVALID %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || c.Anchor.Start != tt.wantStart || c.Anchor.Exact != tt.wantExact || c.Quote != tt.wantExact || c.Author.Username != "ed" || c.Detached || c.Resolved {
				t.Fatalf("CreateComment = %+v, %v", c, err)
			}
		})
	}
	_, err := f.s.CreateComment(f.writer, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(4), Body: "x"})
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.CreateComment(f.other, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(4), Body: "x"})
	wantCode(t, err, newsroom.ENOTFOUND)
	if c, err := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(7), Body: "Mexican?"}); err != nil || c.Author.Username != "fiona" {
		t.Fatalf("fact-checker comment = %+v, %v", c, err)
	}
}

// TestCommentsFollowEdits comments on several spans, edits the body around and inside them, and
// checks where each comment ends up.
func TestCommentsFollowEdits(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Edits", Byline: "Sarah Johnson", Brief: "A brief.", Body: commentBody})
	d = f.walk(t, d, newsroom.StageEditing)
	make := func(exact, body string) int64 {
		c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: exact}, Body: body})
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	sharing := make("intelligence sharing", "Which agencies?")
	night := make("still run the night", "Says who?")
	offer := make("rejected the offer", "Which offer?")
	body := "A new first paragraph.\n" +
		"Mexican President Claudia Sheinbaum turned down the proposal.\n" + // "rejected the offer" is gone
		"She welcomed limited intelligence sharing but not troops.\n" + // inserted before the span
		"Café owners in Culiacán 👍🏽 said the cartels still rule the night." // small edit inside the span
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.Comments(f.writer, d.ID)
	if err != nil || len(cs) != 3 {
		t.Fatalf("Comments = %+v, %v", cs, err)
	}
	byID := map[int64]newsroom.Comment{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	runes := []rune(body)
	if c := byID[sharing]; c.Detached || c.Moved || string(runes[c.Anchor.Start:c.Anchor.End]) != "intelligence sharing" {
		t.Errorf("insertion before the span: %+v", c)
	}
	if c := byID[night]; c.Detached || !c.Moved || c.Anchor.Exact != "still rule the night" || string(runes[c.Anchor.Start:c.Anchor.End]) != c.Anchor.Exact || c.Quote != "still run the night" {
		t.Errorf("edit inside the span: %+v", c)
	}
	if c := byID[offer]; !c.Detached || c.Quote != "rejected the offer" {
		t.Errorf("deleted span: %+v", c)
	}
}

func TestCommentThreads(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Threads", Byline: "Sarah Johnson", Brief: "A brief.", Body: commentBody})
	d = f.walk(t, d, newsroom.StageEditing)
	byEditor, _ := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(7), Body: "Tighten."})
	byChecker, _ := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Start: intp(8), End: intp(17), Body: "Title?"})

	c, err := f.s.Reply(f.writer, byEditor.ID, newsroom.NewReply{Body: "Tightened."})
	if err != nil || len(c.Replies) != 1 || c.Replies[0].Author.Username != "sarah" {
		t.Fatalf("Reply = %+v, %v", c, err)
	}
	_, err = f.s.Reply(f.other, byEditor.ID, newsroom.NewReply{Body: "me too"})
	wantCode(t, err, newsroom.ENOTFOUND)
	_, err = f.s.Reply(f.writer, 99999, newsroom.NewReply{Body: "x"})
	wantCode(t, err, newsroom.ENOTFOUND)
	_, err = f.s.Reply(f.writer, byEditor.ID, newsroom.NewReply{Body: ""})
	wantCode(t, err, newsroom.EINVALID)

	// The draft's writer resolves the editor's comment and reopens it.
	if c, err := f.s.ResolveComment(f.writer, byEditor.ID); err != nil || !c.Resolved || c.ResolvedBy.Username != "sarah" {
		t.Fatalf("writer resolves = %+v, %v", c, err)
	}
	_, err = f.s.ResolveComment(f.writer, byEditor.ID)
	wantCode(t, err, newsroom.ECONFLICT)
	if c, err := f.s.ReopenComment(f.editor, byEditor.ID); err != nil || c.Resolved {
		t.Fatalf("editor reopens = %+v, %v", c, err)
	}
	// A fact-checker resolves their own comment, but not the editor's.
	_, err = f.s.ResolveComment(f.checker, byEditor.ID)
	wantCode(t, err, newsroom.EFORBIDDEN)
	if _, err := f.s.ResolveComment(f.checker, byChecker.ID); err != nil {
		t.Fatalf("author resolves own comment: %v", err)
	}
	_, err = f.s.ResolveComment(f.admin, byEditor.ID)
	wantCode(t, err, newsroom.EFORBIDDEN)

	// Approval waits for the editor's open comment, unless forced with a note.
	_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
	wantCode(t, err, newsroom.ECONFLICT)
	if !strings.Contains(newsroom.ErrorMessage(err), fmt.Sprintf("#%d", byEditor.ID)) {
		t.Fatalf("gate message %q does not list the comment", newsroom.ErrorMessage(err))
	}
	_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Force: true})
	wantCode(t, err, newsroom.EINVALID)
	if _, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Force: true, Note: "Settled by phone."}); err != nil {
		t.Fatalf("forced approval: %v", err)
	}
	h, _ := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{Limit: 4})
	var actions []string
	for _, e := range h.Audit {
		actions = append(actions, e.Actor.Username+":"+e.Action+":"+e.Note)
	}
	want := fmt.Sprintf("ed:approve:Settled by phone. fiona:resolve_comment:comment %d ed:reopen_comment:comment %d sarah:resolve_comment:comment %d", byChecker.ID, byEditor.ID, byEditor.ID)
	if strings.Join(actions, " ") != want {
		t.Fatalf("audit = %q\nwant %q", strings.Join(actions, " "), want)
	}
}

func TestDiff(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Old title", Body: "One two three.\nFour."})
	body := "One two 3.\nFour.\nFive."
	title := "New title"
	f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: &title, Body: &body, Version: 1})
	diff, err := f.s.Diff(f.writer, d.ID, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	render := func(chunks []newsroom.Chunk) string {
		var b strings.Builder
		for _, c := range chunks {
			switch c.Op {
			case "insert":
				fmt.Fprintf(&b, "{+%s+}", c.Text)
			case "delete":
				fmt.Fprintf(&b, "[-%s-]", c.Text)
			default:
				b.WriteString(c.Text)
			}
		}
		return b.String()
	}
	if got := render(diff.Fields["title"]); got != "[-Old-]{+New+} title" {
		t.Errorf("title diff = %q", got)
	}
	if got := render(diff.Fields["body"]); got != "One two [-three-]{+3+}.\nFour{+.\nFive+}." {
		t.Errorf("body diff = %q", got)
	}
	_, err = f.s.Diff(f.writer, d.ID, 1, 7)
	wantCode(t, err, newsroom.ENOTFOUND)
	_, err = f.s.Diff(f.other, d.ID, 1, 2)
	wantCode(t, err, newsroom.ENOTFOUND)
}

// BenchmarkReanchorSave saves a one-paragraph edit of a 20,000-word body carrying 200 open
// comments, and as many as a piece may have (newsroom.MaxOpenComments): the revision, the quote
// ledger and the re-anchoring of every comment.
func BenchmarkReanchorSave(b *testing.B) {
	for _, n := range []int{200, newsroom.MaxOpenComments} {
		b.Run(fmt.Sprintf("Comments%d", n), func(b *testing.B) {
			f := newNewsroomAt(b, store.Options{})
			paras := make([]string, 400)
			for i := range paras {
				paras[i] = fmt.Sprintf("Paragraph %d tells how the council of district %d voted on the budget for the harbour, the schools and the roads of the north bank, after a long night of argument about the ferry.", i, i)
			}
			body := strings.Join(paras, "\n")
			d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Long", Byline: "Sarah Johnson", Brief: "A long draft.", Body: body})
			if err != nil {
				b.Fatal(err)
			}
			d = f.walk(b, d, newsroom.StageEditing)
			for i := 0; i < n; i++ {
				exact := fmt.Sprintf("district %d voted", i%200*2)
				if i >= 200 {
					exact = fmt.Sprintf("Paragraph %d tells", i-200)
				}
				if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: exact}, Body: "Check the vote."}); err != nil {
					b.Fatal(err)
				}
			}
			version := d.Version
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				paras[200] = fmt.Sprintf("Edit %d: the council of district 200 voted late.", i)
				body := strings.Join(paras, "\n")
				got, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: version})
				if err != nil {
					b.Fatal(err)
				}
				version = got.Version
			}
		})
	}
}
