package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/store"
)

// TestVisibilityAgrees puts a draft by each of two writers in every stage of a workflow, the
// default one and the second one with its copy desk and legal review, and asks the store as a
// user of every role: the draft list (the policy's rule as SQL) holds exactly the drafts the
// policy's CanSee allows, and a single read finds exactly those.
func TestVisibilityAgrees(t *testing.T) {
	legal, err := policy.FromDir(filepath.Join("..", "policy", "testdata", "legal"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*policy.Policy{nil, legal} {
		f := newNewsroomAt(t, store.Options{Policy: p})
		pol := f.s.Policy()
		t.Run(pol.Name(), func(t *testing.T) {
			type placed struct {
				writer int64
				stage  newsroom.Stage
			}
			drafts := map[int64]placed{}
			for _, st := range pol.Stages() {
				for _, w := range []context.Context{f.writer, f.other} {
					d, err := f.s.CreateDraft(w, sampleText("In "+string(st.Name)))
					if err != nil {
						t.Fatal(err)
					}
					if _, err := f.s.DB().Exec(fmt.Sprintf("UPDATE drafts SET stage = '%s' WHERE id = %d", st.Name, d.ID)); err != nil {
						t.Fatal(err)
					}
					drafts[d.ID] = placed{d.Writer.ID, st.Name}
				}
			}
			viewers := []context.Context{f.writer, f.other, f.checker, f.editor, f.admin}
			for _, r := range pol.Roles() {
				ctx, _ := mustUser(t, f.s, "as_"+string(r.Name), r.Name)
				viewers = append(viewers, ctx)
			}
			for _, ctx := range viewers {
				u := newsroom.UserFrom(ctx)
				page, err := f.s.ListDrafts(ctx, newsroom.DraftFilter{Limit: 200})
				if err != nil {
					t.Fatal(err)
				}
				listed := map[int64]bool{}
				for _, d := range page.Items {
					listed[d.ID] = true
				}
				for id, at := range drafts {
					want := pol.CanSee(u, at.writer, at.stage)
					_, err := f.s.GetDraft(ctx, id)
					if listed[id] != want || (err == nil) != want {
						t.Errorf("%s %s, a draft by %d in %s: listed %v, read %v, CanSee %v", u.Role, u.Username, at.writer, at.stage, listed[id], err == nil, want)
					}
				}
			}
		})
	}
}
