package store

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
)

// TestCarryCostIsBounded checks that reopening a comment costs a rebuilt revision for each
// version it missed up to maxCarrySteps, and past them no more than one version does: a
// comment resolved hundreds of saves ago is carried by one diff, not by hundreds.
func TestCarryCostIsBounded(t *testing.T) {
	s, _, ctx := loggedWriter(t)
	body := "The council met. Quorum reached on Tuesday."
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateComment(newsroom.WithUser(context.Background(), ed), d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResolveComment(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	last := 1 + 3*maxCarrySteps
	for v := 2; v <= last; v++ {
		body += fmt.Sprintf(" Line %d.", v)
		if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
	}
	var row commentRow
	if err := s.r.Where("id = ?", c.ID).Take(&row).Error; err != nil {
		t.Fatal(err)
	}
	queries := 0
	if err := s.r.Callback().Query().After("gorm:query").Register("count_carry_queries", func(*gorm.DB) { queries++ }); err != nil {
		t.Fatal(err)
	}
	cost := func(version int) int {
		t.Helper()
		rev, err := numberedRevision(s.r, d.ID, version)
		if err != nil {
			t.Fatal(err)
		}
		queries = 0
		res, err := carry(s.r, row, *rev.Text, version)
		if err != nil || res.Exact != "Quorum reached" {
			t.Fatalf("carrying to version %d = %+v, %v; want it on its words", version, res, err)
		}
		return queries
	}
	// A rebuilt revision costs a query, or a few when it is packed as a delta on others.
	const perRevision = 4
	one := cost(2)
	if got, most := cost(1+maxCarrySteps), one+maxCarrySteps*perRevision; got <= one || got > most {
		t.Errorf("carrying through %d versions cost %d queries, want more than the %d of one and at most %d", maxCarrySteps, got, one, most)
	}
	if got := cost(last); got > perRevision {
		t.Errorf("carrying through %d versions cost %d queries, want at most %d, as one rebuilt revision does", last-1, got, perRevision)
	}
}

// TestCarryBackCostIsBounded checks that a save costs no rebuilt revision for carrying its
// comments back unless it restores one of the maxCarrySteps versions before the last, and then
// one for each version it steps back through: a save of new words, or of words as old as
// hundreds of saves ago, finds its comments by the one diff.
func TestCarryBackCostIsBounded(t *testing.T) {
	s, _, ctx := loggedWriter(t)
	body := "The council met. Quorum reached on Tuesday."
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateComment(newsroom.WithUser(context.Background(), ed), d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"}); err != nil {
		t.Fatal(err)
	}
	last := 1 + 3*maxCarrySteps
	for v := 2; v <= last; v++ {
		body += fmt.Sprintf(" Line %d.", v)
		if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
	}
	queries := 0
	if err := s.r.Callback().Query().After("gorm:query").Register("count_carry_back_queries", func(*gorm.DB) { queries++ }); err != nil {
		t.Fatal(err)
	}
	cost := func(text newsroom.Text) int {
		t.Helper()
		back, err := readVersionsBack(s.r, d.ID, d.Version)
		if err != nil {
			t.Fatal(err)
		}
		queries = 0
		plan := planAnchors(s.r, d.ID, d.Text(), text, revpack.Sum(revpack.Marshal(text)), back)
		if plan == nil || len(plan.found) != 1 {
			t.Fatalf("planning the save to %q found %+v", text.Body, plan)
		}
		for _, f := range plan.found {
			if f.res.Exact != "Quorum reached" {
				t.Fatalf("the save to %q puts the comment on %+v, want it on its words", text.Body, f.res)
			}
		}
		return queries
	}
	restore := func(version int) newsroom.Text {
		t.Helper()
		rev, err := numberedRevision(s.r, d.ID, version)
		if err != nil {
			t.Fatal(err)
		}
		return *rev.Text
	}
	edited := d.Text()
	edited.Body += " The end."
	if got := cost(edited); got != 0 {
		t.Errorf("a save of new words rebuilt revisions in %d queries, want none", got)
	}
	// A rebuilt revision costs a query, or a few when it is packed as a delta on others.
	const perRevision = 4
	if got := cost(restore(last - maxCarrySteps)); got < maxCarrySteps || got > maxCarrySteps*perRevision {
		t.Errorf("restoring version %d of %d cost %d queries, want one rebuilt revision for each of the %d versions",
			last-maxCarrySteps, last, got, maxCarrySteps)
	}
	if got := cost(restore(2)); got != 0 {
		t.Errorf("restoring version 2 of %d rebuilt revisions in %d queries, want none", last, got)
	}
}
