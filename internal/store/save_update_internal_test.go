package store

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestSaveWritesItsDraftWithoutGORM: a save writes the draft's row with touchDraftText's own
// statement, not one GORM builds from a map of the changes (a tenth of the save's transaction),
// and writes all of it: the text, the language, the quote problems, the next version and the
// save's time.
func TestSaveWritesItsDraftWithoutGORM(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	s := openStore(t, Options{Clock: clk})
	w, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	writer := newsroom.WithUser(context.Background(), w)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Body: "Council numbers rose."})
	if err != nil {
		t.Fatal(err)
	}
	built := 0
	count := func(db *gorm.DB) {
		if db.Statement.Table == "drafts" {
			built++
		}
	}
	if err := s.wc.Callback().Update().Before("gorm:update").Register("count_draft_updates", count); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Minute)
	title, body, lang := "Bridge closes", "“It will close,” the engineer said.\nTraffic moves to the ring road.", "en-GB"
	topics := []string{"Transport", "Council"}
	saved, err := s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Title: &title, Body: &body, Topics: &topics, Language: &lang, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	if built != 0 {
		t.Errorf("the save built %d updates of drafts with GORM; want none", built)
	}
	got, err := s.GetDraft(writer, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != title || got.Body != body || len(got.Topics) != 2 || got.Topics[1] != "Council" || got.Language != lang {
		t.Errorf("stored draft = %q %q %q %q; want %q %q %q %q", got.Title, got.Body, got.Topics, got.Language, title, body, topics, lang)
	}
	if got.Version != d.Version+1 || got.Version != saved.Version || !got.UpdatedAt.Equal(clk.Now()) {
		t.Errorf("stored version %d at %v; want %d at %v", got.Version, got.UpdatedAt, d.Version+1, clk.Now())
	}
	if len(got.QuoteProblems) != len(saved.QuoteProblems) {
		t.Errorf("stored quote problems %+v; the save reported %+v", got.QuoteProblems, saved.QuoteProblems)
	}
}
