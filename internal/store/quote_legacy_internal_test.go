package store

import (
	"context"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteVerdictOnLegacyDecomposedRow: a quote stored before text was kept composed (NFC)
// holds its words, or its speaker, as they were typed, decomposed. A verdict sent on the ledger's
// own words and speaker, as the page's form and an API client send them back, is made: it was
// refused as a change, always, so such a quote could never be checked.
func TestQuoteVerdictOnLegacyDecomposedRow(t *testing.T) {
	for _, column := range []string{"text", "speaker"} {
		t.Run(column, func(t *testing.T) {
			s, _, writer := loggedWriter(t)
			e, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple-horse"})
			if err != nil {
				t.Fatal(err)
			}
			editor := newsroom.WithUser(context.Background(), e)
			d, err := s.CreateDraft(writer, newsroom.Text{Title: "Café", Byline: "Sarah", Brief: "B.", Body: "“The café stays open,” said José Núñez."})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.wc.Exec("UPDATE drafts SET stage = ? WHERE id = ?", string(newsroom.StageEditing), d.ID).Error; err != nil {
				t.Fatal(err)
			}
			qs, err := s.Quotes(editor, d.ID)
			if err != nil || len(qs) != 1 || qs[0].Speaker == "" {
				t.Fatalf("the ledger is %+v (%v), want one quote with its speaker", qs, err)
			}
			legacy := norm.NFD.String(map[string]string{"text": qs[0].Text, "speaker": qs[0].Speaker}[column])
			if err := s.wc.Exec("UPDATE quotes SET "+column+" = ? WHERE id = ?", legacy, qs[0].ID).Error; err != nil {
				t.Fatal(err)
			}
			qs, err = s.Quotes(editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			shown, speaker := qs[0].Text, qs[0].Speaker
			if shown+speaker == norm.NFC.String(shown+speaker) {
				t.Fatalf("the ledger reads %q, %q: nothing is stored decomposed, so this tests nothing", shown, speaker)
			}
			read := newsroom.QuoteRead{Text: &shown, Speaker: &speaker}
			if _, err := s.CheckQuote(editor, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, QuoteRead: read}); err != nil {
				t.Fatalf("a verdict on the ledger's own words (%q, %q) was refused: %v", shown, speaker, err)
			}
		})
	}
}

// TestQuoteCheckOnLegacyDecomposedRowSurvivesASave: a quote checked before text was kept composed
// holds its words, or the speaker it was checked for, decomposed; the finder reads them composed
// from the text now. A save that leaves the quote alone keeps its check: the ledger took the
// words for changed, or the quote for credited to someone else, and sent it back to unchecked.
func TestQuoteCheckOnLegacyDecomposedRowSurvivesASave(t *testing.T) {
	for _, columns := range [][]string{{"text"}, {"speaker", "checked_speaker"}} {
		t.Run(columns[0], func(t *testing.T) {
			s, _, writer := loggedWriter(t)
			e, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple-horse"})
			if err != nil {
				t.Fatal(err)
			}
			editor := newsroom.WithUser(context.Background(), e)
			const body = "“The café stays open,” said José Núñez."
			d, err := s.CreateDraft(writer, newsroom.Text{Title: "Café", Byline: "Sarah", Brief: "B.", Body: body})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.wc.Exec("UPDATE drafts SET stage = ? WHERE id = ?", string(newsroom.StageEditing), d.ID).Error; err != nil {
				t.Fatal(err)
			}
			qs, err := s.Quotes(editor, d.ID)
			if err != nil || len(qs) != 1 || qs[0].Speaker == "" {
				t.Fatalf("the ledger is %+v (%v), want one quote with its speaker", qs, err)
			}
			if _, err := s.CheckQuote(editor, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "tape"}); err != nil {
				t.Fatal(err)
			}
			stored := map[string]string{"text": qs[0].Text, "speaker": qs[0].Speaker, "checked_speaker": qs[0].Speaker}
			for _, col := range columns {
				if err := s.wc.Exec("UPDATE quotes SET "+col+" = ? WHERE id = ?", norm.NFD.String(stored[col]), qs[0].ID).Error; err != nil {
					t.Fatal(err)
				}
			}
			more := body + "\nThe council meets on Friday."
			if _, err := s.UpdateDraft(editor, d.ID, newsroom.DraftUpdate{Body: &more, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			qs, err = s.Quotes(editor, d.ID)
			if err != nil || len(qs) != 1 || qs[0].Status != newsroom.QuoteVerified || qs[0].Source != "tape" {
				t.Fatalf("after a save elsewhere the ledger is %+v (%v), want the quote still verified", qs, err)
			}
		})
	}
}
