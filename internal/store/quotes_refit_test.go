package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestSpacedQuotesRefitByDraft runs the backfill of quotations over paragraphs on two drafts, one
// with such a quotation in its brief as well as two in its body, on each database: every entry
// whose stored words kept the spaces inside the marks gets the words its own draft's field has
// now, and no other.
func TestSpacedQuotesRefitByDraft(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	texts := []newsroom.Text{
		{Title: "Départ", Byline: "Sarah", Brief: "Il a dit : « Je pars. \n« Adieu. »",
			Body: "Il a dit : « Premier. \n« Second. » Puis : « Un. \n« Deux. »"},
		{Title: "Retour", Byline: "Sarah", Brief: "Il revient.", Body: "Elle a dit : « Encore. \n« Toujours. »"},
	}
	want := map[int64]map[string]bool{}
	for _, text := range texts {
		d, err := f.s.CreateDraft(f.writer, text)
		if err != nil {
			t.Fatal(err)
		}
		qs, err := f.s.Quotes(f.editor, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[d.ID] = map[string]bool{}
		for _, q := range qs {
			want[d.ID][q.Text] = true
			if _, err := f.s.DB().Exec("UPDATE quotes SET text = $1 WHERE id = $2", spaced(q.Text), q.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := f.s.DB().Exec("DELETE FROM backfills"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	for id, texts := range want {
		qs, err := f.s.Quotes(f.editor, id)
		if err != nil || len(qs) != len(texts) {
			t.Fatalf("Quotes(%d) = %+v, %v; want %d", id, qs, err, len(texts))
		}
		for _, q := range qs {
			if !texts[q.Text] {
				t.Errorf("draft %d: after the backfill an entry reads %q, want one of %v", id, q.Text, texts)
			}
		}
	}
}

// spaced is a quotation's words over paragraphs as the finder before commit 3648a96 stored them:
// with the spaces French sets inside « » kept at the ends of its paragraphs.
func spaced(text string) string {
	return strings.ReplaceAll(text, "\n", " \n ")
}
