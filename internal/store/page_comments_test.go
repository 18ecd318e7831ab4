package store_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestPageComments holds the draft page's read of comments to every open thread and only the
// resolved threads asked for, with the ids of the resolved ones whichever are read, and to the
// draft's visibility: a reader who may not see the draft finds nothing.
func TestPageComments(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Folded", Byline: "Sarah Johnson", Brief: "A brief.", Body: commentBody})
	d = f.walk(t, d, newsroom.StageEditing)
	other, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Other", Byline: "Sarah Johnson", Brief: "A brief.", Body: commentBody})
	var ids []int64
	for i := range 4 {
		c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(i), End: intp(i + 5), Body: "Check."})
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 1 {
			if _, err := f.s.ResolveComment(f.editor, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, c.ID)
	}
	if _, err := f.s.CreateComment(f.editor, other.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(5), Body: "Elsewhere."}); err != nil {
		t.Fatal(err)
	}
	open, resolved := []int64{ids[0], ids[2]}, []int64{ids[1], ids[3]}
	tests := []struct {
		name  string
		shown store.ThreadsShown
		want  []int64
	}{
		{"OpenOnly", store.ThreadsShown{}, open},
		{"All", store.ThreadsShown{All: true}, ids},
		{"OneResolved", store.ThreadsShown{One: resolved[1]}, []int64{ids[0], ids[2], ids[3]}},
		{"OneOpen", store.ThreadsShown{One: open[0]}, open},
		{"OneOfAnotherDraft", store.ThreadsShown{One: ids[3] + 1}, open},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, folded, err := f.s.PageComments(f.editor, d.ID, tt.shown)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, c := range cs {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(folded, resolved) {
				t.Fatalf("threads %v, resolved %v; want %v, %v", got, folded, tt.want, resolved)
			}
		})
	}
	t.Run("NotFound", func(t *testing.T) {
		_, _, err := f.s.PageComments(f.other, d.ID, store.ThreadsShown{All: true})
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}
