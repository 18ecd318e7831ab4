package store

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestSpacedQuoteKeepsItsCheckAfterTheBackfill checks that a quotation in guillemets over two
// paragraphs, checked when the ledger kept the spaces inside each paragraph's marks (before
// commit 3648a96), keeps its check through the next save once Migrate has run, and that an
// entry whose words differ otherwise is left as it is, to lose its check as changed words do.
func TestSpacedQuoteKeepsItsCheckAfterTheBackfill(t *testing.T) {
	const body = "Il a dit : « Premier paragraphe. \n« Second paragraphe. » Puis il est parti.\nElle a dit : « Un. \n« Deux. » Voilà."
	for _, tc := range []struct {
		name, stored string
		keeps        bool
	}{
		{"SpacesInsideTheMarks", "Premier paragraphe. \n Second paragraphe.", true},
		{"NoBreakSpaces", "Premier paragraphe.\u00a0\n\u202fSecond paragraphe.", true},
		{"OtherWords", "Premier paragraph. \n Second paragraphe.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, Options{})
			ctx := map[newsroom.Role]context.Context{}
			for name, role := range map[string]newsroom.Role{"sarah": newsroom.RoleWriter, "fiona": newsroom.RoleFactChecker, "ed": newsroom.RoleEditor} {
				u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: name, Role: role, Password: "pw-" + name + "-staple"})
				if err != nil {
					t.Fatal(err)
				}
				ctx[role] = newsroom.WithUser(context.Background(), u)
			}
			writer, checker := ctx[newsroom.RoleWriter], ctx[newsroom.RoleFactChecker]
			d, err := s.CreateDraft(writer, newsroom.Text{Title: "Départ", Byline: "Sarah", Brief: "Il part.", Body: body})
			if err != nil {
				t.Fatal(err)
			}
			if d, err = s.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
				t.Fatal(err)
			}
			qs, err := s.Quotes(checker, d.ID)
			if err != nil || len(qs) != 2 || qs[0].Text != "Premier paragraphe.\nSecond paragraphe." {
				t.Fatalf("Quotes = %+v, %v", qs, err)
			}
			for _, q := range qs {
				if _, err := s.CheckQuote(checker, d.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Note: "Enregistrement."}); err != nil {
					t.Fatal(err)
				}
			}
			if d, err = s.Transition(checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
				t.Fatal(err)
			}
			// The ledger as the finder before 3648a96 left it, on a database that has not yet
			// run the backfill.
			if err := s.w.Exec("UPDATE quotes SET text = ? WHERE id = ?", tc.stored, qs[0].ID).Error; err != nil {
				t.Fatal(err)
			}
			if err := s.w.Exec("DELETE FROM backfills WHERE name = ?", backfillSpacedQuotes).Error; err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			edited := body + " Fin."
			if _, err := s.UpdateDraft(ctx[newsroom.RoleEditor], d.ID, newsroom.DraftUpdate{Body: &edited, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			qs, err = s.Quotes(checker, d.ID)
			if err != nil || len(qs) != 2 {
				t.Fatalf("Quotes after the save = %+v, %v", qs, err)
			}
			if kept := qs[0].Status == newsroom.QuoteVerified; kept != tc.keeps || qs[1].Status != newsroom.QuoteVerified {
				t.Fatalf("after the save: %q is %s and %q %s; want the first kept %v, the second verified", qs[0].Text, qs[0].Status, qs[1].Text, qs[1].Status, tc.keeps)
			}
		})
	}
}

// TestSpacedQuoteBackfillReadsEachDraftOnce checks that the backfill reads a draft's text once,
// not once for each of its entries over paragraphs: a body near the longest with fifty such
// quotations came back fifty times, twenty megabytes for one draft, in the start-up
// transaction. What the backfill allocates is weighed against the body, as Migrate runs it.
func TestSpacedQuoteBackfillReadsEachDraftOnce(t *testing.T) {
	const quotations = 50
	filler := strings.Repeat("Le conseil a siégé longtemps. ", (newsroom.MaxBody-quotations*60)/quotations/31)
	var body strings.Builder
	for i := range quotations {
		fmt.Fprintf(&body, "%sIl a dit : « Premier %d.\n« Second %d. »\n", filler, i, i)
	}
	s := openStore(t, Options{})
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraft(newsroom.WithUser(context.Background(), u), newsroom.Text{Title: "Conseil", Byline: "Sarah", Body: body.String()}); err != nil {
		t.Fatal(err)
	}
	var entries int64
	if err := s.r.Table("quotes").Where("text LIKE ?", "%\n%").Count(&entries).Error; err != nil || entries != quotations {
		t.Fatalf("%d entries over paragraphs, %v; want %d", entries, err, quotations)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := s.w.Transaction(refitSpacedQuotes); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(10*body.Len()); got > limit {
		t.Errorf("the backfill allocated %d bytes for a body of %d, want under %d", got, body.Len(), limit)
	}
}
