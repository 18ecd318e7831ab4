package store

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReopenReanchorsOffTheWriter checks that reopening a resolved comment carries it onto its
// words before its transaction, not while it holds SQLite's writer: rebuilding the version it
// was resolved at and diffing a long body edited all over since takes a good part of a second,
// which every other write in the newsroom would wait for. The carrying is timed on its own, and
// no transaction of the reopening may hold the writer for half of that.
func TestReopenReanchorsOffTheWriter(t *testing.T) {
	s, logged, _, editor, c, carrying, res := resolvedOnLongBody(t)
	logged.Reset()
	s.slowHolds.least, s.slowHolds.every = shortestTold(t, carrying), 0
	c, err := s.ReopenComment(editor, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Resolved || c.Detached != (res.Status == anchor.Detached) {
		t.Fatalf("reopened comment = %+v, want it open and carried as %+v", c, res)
	}
	heldUnder(t, logged, carrying/2, "carrying the comment alone takes "+carrying.String())
}

// TestRefusedReopenCarriesNothing checks that a reopening the policy refuses is refused before
// the comment is carried: a fact-checker may see a submitted draft but not reopen an editor's
// comment on it, and each such request must not cost the server a rebuilt revision and a diff.
func TestRefusedReopenCarriesNothing(t *testing.T) {
	s, _, writer, _, c, carrying, _ := resolvedOnLongBody(t)
	if carrying < 20*time.Millisecond {
		t.Fatalf("carrying the comment took %s, too short to tell a refusal that carries it from one that does not", carrying)
	}
	if _, err := s.Transition(writer, c.DraftID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	fc, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "fc", Role: newsroom.RoleFactChecker, Password: "pw-fc-staple"})
	if err != nil {
		t.Fatal(err)
	}
	checker := newsroom.WithUser(context.Background(), fc)
	if _, err := s.GetDraft(checker, c.DraftID); err != nil {
		t.Fatalf("the fact-checker cannot see the draft: %v", err)
	}
	began := time.Now()
	_, err = s.ReopenComment(checker, c.ID)
	took := time.Since(began)
	if newsroom.ErrorCode(err) != newsroom.EFORBIDDEN {
		t.Fatalf("ReopenComment by the fact-checker = %v, want EFORBIDDEN", err)
	}
	if took >= carrying/4 {
		t.Errorf("the refused reopening took %s; carrying the comment alone takes %s", took, carrying)
	}
}

// resolvedOnLongBody sets up an editor's comment on the middle of a body of half the longest
// words, resolved by the writer, who then edits every fifth word. It returns the store, its
// log of slow holds, the writer's and the editor's contexts, the comment, how long carrying it
// onto the edited body takes on its own (at least slowHold), and where that carries it.
func resolvedOnLongBody(t *testing.T) (*Store, *bytes.Buffer, context.Context, context.Context, *newsroom.Comment, time.Duration, anchor.Result) {
	t.Helper()
	const n = newsroom.MaxBody/2 - 20
	r := rand.New(rand.NewPCG(1, 1))
	words := make([]string, n)
	for i := range words {
		words[i] = string(rune('a' + r.IntN(10)))
	}
	words[n/2] = "Quorum reached"
	s, logged, ctx := loggedWriter(t)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Long", Byline: "Sarah", Brief: "A long one.", Body: strings.Join(words, " ")})
	if err != nil {
		t.Fatal(err)
	}
	ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	editor := newsroom.WithUser(context.Background(), ed)
	c, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResolveComment(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for i := range words {
		if i%5 == 0 && i != n/2 {
			words[i] = string(rune('k' + r.IntN(10)))
		}
	}
	edited := strings.Join(words, " ")
	if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &edited, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	var row commentRow
	if err := s.r.Where("id = ?", c.ID).Take(&row).Error; err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	res, err := carry(s.r, row, d.Text(), d.Version)
	if err != nil {
		t.Fatal(err)
	}
	carrying := time.Since(began)
	return s, logged, ctx, editor, c, carrying, res
}

// TestStaleReopenPlanReopensAsANewPlan checks that a reopening whose plan went stale before it
// took the writer, because a save or an edit of the comment got in first, leaves exactly what
// a reopening planned after the change leaves. Each case runs twice, on two databases set up
// alike with the same clock: once from a plan made before the change, once from one made after.
func TestStaleReopenPlanReopensAsANewPlan(t *testing.T) {
	shifted := func(p *planDesk, words string) func(t *testing.T) {
		return func(t *testing.T) {
			d, err := p.s.GetDraft(p.editor, p.draft.ID)
			if err != nil {
				t.Fatal(err)
			}
			body := words + d.Body
			if _, err := p.s.UpdateDraft(p.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct {
		name  string
		other func(p *planDesk) func(t *testing.T)
	}{
		{"NothingElse", func(*planDesk) func(*testing.T) { return func(*testing.T) {} }},
		{"AnotherSave", func(p *planDesk) func(*testing.T) { return shifted(p, "Late news. ") }},
		{"BudgetCut", func(p *planDesk) func(*testing.T) {
			return func(t *testing.T) {
				d, err := p.s.GetDraft(p.editor, p.draft.ID)
				if err != nil {
					t.Fatal(err)
				}
				body := strings.Replace(d.Body, "the budget is tight", "money is short", 1)
				if _, err := p.s.UpdateDraft(p.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var states [2]string
			for i, before := range []bool{true, false} {
				p := newPlanDesk(t)
				cs, err := p.s.Comments(p.editor, p.draft.ID)
				if err != nil || len(cs) != 1 {
					t.Fatalf("Comments = %v, %v", cs, err)
				}
				id := cs[0].ID
				if _, err := p.s.ResolveComment(p.checker, id); err != nil {
					t.Fatal(err)
				}
				shifted(p, "First, the weather. ")(t)
				u := newsroom.UserFrom(p.editor)
				var plan *reopening
				if before {
					if plan = p.s.planReopen(p.editor, u, id); plan == nil {
						t.Fatal("planReopen = nil, want a plan")
					}
				}
				tc.other(p)(t)
				if !before {
					plan = p.s.planReopen(p.editor, u, id)
				}
				c, err := p.s.reopen(p.editor, u, id, plan)
				states[i] = p.state(t, nil, err)
				if c == nil || c.Resolved {
					t.Fatalf("reopen = %+v, %v", c, err)
				}
			}
			if states[0] != states[1] {
				t.Errorf("reopened from a stale plan:\n%s\nreopened from a new plan:\n%s", states[0], states[1])
			}
		})
	}
}
