package store

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestUndoneCutRegrowsAQuoteStoredAsTyped checks that a comment whose quote was stored with its
// accents decomposed, as quotes were before texts were kept composed, takes its words back
// when a cut of some of them is undone: the text holds them composed, and only composed are
// they the same words.
func TestUndoneCutRegrowsAQuoteStoredAsTyped(t *testing.T) {
	const body = "The council met. Mayor Zoë Hale said no. The vote is in May."
	tests := []struct{ name, quote string }{
		{"Decomposed", "Zoe\u0308 Hale said"},
		{"Composed", "Zoë Hale said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, ctx := loggedWriter(t)
			d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: body})
			if err != nil {
				t.Fatal(err)
			}
			ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
			if err != nil {
				t.Fatal(err)
			}
			c, err := s.CreateComment(newsroom.WithUser(context.Background(), ed), d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Zoë Hale said"}, Body: "Full name?"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.w.Exec("UPDATE comments SET quote = ? WHERE id = ?", tt.quote, c.ID).Error; err != nil {
				t.Fatal(err)
			}
			for _, b := range []string{strings.Replace(body, "Zoë ", "", 1), body} {
				if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &b, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			var row commentRow
			if err := s.r.Where("id = ?", c.ID).Take(&row).Error; err != nil {
				t.Fatal(err)
			}
			if row.Exact != "Zoë Hale said" || string([]rune(d.Body)[row.StartPos:row.EndPos]) != row.Exact {
				t.Errorf("after the cut was undone the comment is on %q at %d-%d (%s), want on \"Zoë Hale said\"", row.Exact, row.StartPos, row.EndPos, row.Status)
			}
		})
	}
}
