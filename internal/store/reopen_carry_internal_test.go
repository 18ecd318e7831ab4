package store

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

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

// editedAllOver is a body of about n bytes of words, with "Quorum reached" in it, and a
// function that edits every fortieth word of it, other than those two, a different one each
// time.
func editedAllOver(n int) (string, func() string) {
	vocab := strings.Fields("the council met on tuesday and said plan would work residents bridge safe mayor vote in may smith hale")
	var words []string
	for size := 0; size < n; size += len(words[len(words)-1]) + 1 {
		w := vocab[(len(words)*7+len(words)/3)%len(vocab)]
		if len(words)%15 == 14 {
			w += "."
		}
		words = append(words, w)
	}
	quorum := len(words) / 3
	words[quorum], words[quorum+1] = "Quorum", "reached"
	saves := 0
	return strings.Join(words, " "), func() string {
		for i := saves % 40; i < len(words); i += 40 {
			if i != quorum && i != quorum+1 {
				words[i] = vocab[(i+saves)%len(vocab)]
			}
		}
		saves++
		return strings.Join(words, " ")
	}
}

// TestCarryWorkIsBounded reopens a comment on a long body edited all over in each of the
// versions it missed, and measures the memory carrying it allocates, which grows with the
// diffing it does: carried through four times as many versions, it must not cost anything near
// four times as much, since all the steps share one re-anchoring's budget and the rest is one
// direct diff. It lands on its words either way.
func TestCarryWorkIsBounded(t *testing.T) {
	body, edit := editedAllOver(200000)
	p := newReopenDesk(t, body)
	const few = maxCarrySteps / 4
	texts := map[int]newsroom.Text{}
	for v := 2; v <= 1+maxCarrySteps; v++ {
		p.save(t, edit())
		texts[v] = p.draft.Text()
	}
	var row commentRow
	if err := p.s.r.Where("id = ?", p.comment).Take(&row).Error; err != nil {
		t.Fatal(err)
	}
	cost := func(version int) uint64 {
		t.Helper()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res, err := carry(p.s.r, row, texts[version], version)
		runtime.ReadMemStats(&after)
		if err != nil || res.Exact != "Quorum reached" {
			t.Fatalf("carrying to version %d = %+v, %v; want it on its words", version, res, err)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	n, four := cost(1+few), cost(1+4*few)
	t.Logf("carrying through %d versions allocated %d bytes, through %d %d", few, n, 4*few, four)
	if four > 2*n {
		t.Errorf("carrying through %d versions allocated %d bytes, through %d %d: want at most twice as much", few, n, 4*few, four)
	}
}

// statementCount is a GORM logger that counts the statements it is told of.
type statementCount struct {
	logger.Interface
	n int
}

func (c *statementCount) Trace(context.Context, time.Time, func() (string, int64), error) { c.n++ }

// TestLastReopenPlanCarriesInOneDiff checks that a reopening that works its anchor out inside
// the write transaction, its last plan gone, rebuilds one revision and diffs it once, whatever
// the versions it missed: carrying it through each of them would hold SQLite's single writer
// for as long as that takes. It still lands on its words.
func TestLastReopenPlanCarriesInOneDiff(t *testing.T) {
	const perRevision = 4
	for _, missed := range []int{2, maxCarrySteps / 2, maxCarrySteps} {
		t.Run(fmt.Sprint(missed), func(t *testing.T) {
			body, edit := editedAllOver(2000)
			p := newReopenDesk(t, body)
			for v := 0; v < missed; v++ {
				p.save(t, edit())
			}
			statements := &statementCount{Interface: logger.Discard}
			if _, err := p.s.onComment(p.editor, p.comment, "", newsroom.StepReopenComment, false, func(tx *gorm.DB, _ *newsroom.User, v *draftView, r *commentRow, _ time.Time) error {
				return catchUp(tx.Session(&gorm.Session{Logger: statements}), v, *r, nil, true)
			}); err != nil {
				t.Fatal(err)
			}
			if statements.n > perRevision {
				t.Errorf("carrying through %d versions in the transaction took %d statements, want at most the %d of one rebuilt revision", missed, statements.n, perRevision)
			}
			var row commentRow
			if err := p.s.r.Where("id = ?", p.comment).Take(&row).Error; err != nil {
				t.Fatal(err)
			}
			if row.Exact != "Quorum reached" || row.AnchoredVersion != p.draft.Version || string([]rune(p.draft.Body)[row.StartPos:row.EndPos]) != row.Exact {
				t.Errorf("carried to %q at %d-%d, version %d; want on \"Quorum reached\" at version %d", row.Exact, row.StartPos, row.EndPos, row.AnchoredVersion, p.draft.Version)
			}
		})
	}
}
