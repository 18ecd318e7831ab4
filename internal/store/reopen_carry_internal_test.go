package store

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// reopenDesk is a draft with a resolved comment on "Quorum reached" in body, and the editor who
// made it.
type reopenDesk struct {
	s       *Store
	writer  context.Context
	editor  context.Context
	draft   *newsroom.Draft
	comment int64
}

func newReopenDesk(t *testing.T, body string) *reopenDesk {
	t.Helper()
	s, _, ctx := loggedWriter(t)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	edc := newsroom.WithUser(context.Background(), ed)
	c, err := s.CreateComment(edc, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResolveComment(edc, c.ID); err != nil {
		t.Fatal(err)
	}
	return &reopenDesk{s: s, writer: ctx, editor: edc, draft: d, comment: c.ID}
}

// save saves each of bodies in turn.
func (p *reopenDesk) save(t *testing.T, bodies ...string) {
	t.Helper()
	for _, b := range bodies {
		d, err := p.s.UpdateDraft(p.writer, p.draft.ID, newsroom.DraftUpdate{Body: &b, Version: p.draft.Version})
		if err != nil {
			t.Fatal(err)
		}
		p.draft = d
	}
}

// TestReopenCarriesThroughACutUndone checks where a resolved comment stands when it is reopened
// after saves that cut its words and saves that restore them: words cut and then restored stand
// again where they stood, as one diff from the version it was resolved at says, though the
// version in between lacks them; words cut for good leave it detached.
func TestReopenCarriesThroughACutUndone(t *testing.T) {
	const body = "The council met. Quorum reached on Tuesday. The vote is in May."
	const cut = "The council met. The vote is in May."
	tests := []struct {
		name     string
		saves    []string
		detached bool
	}{
		{"CutThenRestored", []string{cut, body}, false},
		{"CutThenRestoredThenEdited", []string{cut, body, strings.Replace(body, "May", "June", 1)}, false},
		{"EditedCutRestored", []string{strings.Replace(body, "met", "sat", 1), strings.Replace(cut, "met", "sat", 1), strings.Replace(body, "met", "sat", 1)}, false},
		{"CutTwiceRestored", []string{cut, "The council met.", body}, false},
		{"CutForGood", []string{cut, strings.Replace(cut, "May", "June", 1)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newReopenDesk(t, body)
			p.save(t, tt.saves...)
			got, err := p.s.ReopenComment(p.editor, p.comment)
			if err != nil {
				t.Fatal(err)
			}
			if got.Detached != tt.detached {
				t.Fatalf("reopened at version %d: detached = %v, want %v (%+v)", p.draft.Version, got.Detached, tt.detached, got.Anchor)
			}
			if last := p.draft.Body; !tt.detached && (got.Anchor.Exact != "Quorum reached" ||
				string([]rune(last)[got.Anchor.Start:got.Anchor.End]) != "Quorum reached") {
				t.Errorf("reopened on %q at %d-%d of %q, want on \"Quorum reached\"", got.Anchor.Exact, got.Anchor.Start, got.Anchor.End, last)
			}
		})
	}
}
