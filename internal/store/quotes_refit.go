package store

import (
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/quotes"
)

// spacedQuotesSQL selects the live ledger entries whose words run over paragraphs, by draft.
// Their drafts' text is read once a draft (see refitDraftQuotes), not once an entry: a long
// body with many such quotations would otherwise come back as many times as it has entries.
const spacedQuotesSQL = "SELECT id, draft_id, field, text, start_pos, end_pos " +
	"FROM quotes WHERE removed_at IS NULL AND text LIKE ? ORDER BY draft_id, id"

// spacedQuote is a ledger entry spacedQuotesSQL selects.
type spacedQuote struct {
	ID, DraftID      int64
	Field, Text      string
	StartPos, EndPos int
}

// refitSpacedQuotes writes again, through tx, the words of each ledger entry of a quotation in
// guillemets over several paragraphs as the finder reads them now. Until commit 3648a96 the
// finder trimmed the spaces French sets inside « » from the ends of the whole quotation only, so
// such an entry kept a space at the end of each paragraph but the last and at the start of each
// but the first; the next save found words that differed from the entry's and took its check
// away. An entry is written again only where its draft still has a quotation between the same
// marks whose words are the entry's with those spaces trimmed, the one thing the commit changed,
// so that no check moves onto words it was not given for. Migrate runs it as a backfill, once
// per database (see backfill).
func refitSpacedQuotes(tx *gorm.DB) error {
	var rows []spacedQuote
	if err := tx.Raw(spacedQuotesSQL, "%\n%").Scan(&rows).Error; err != nil {
		return fmt.Errorf("find quotes over paragraphs: %w", err)
	}
	for len(rows) > 0 {
		n := 1
		for n < len(rows) && rows[n].DraftID == rows[0].DraftID {
			n++
		}
		if err := refitDraftQuotes(tx, rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// refitDraftQuotes refits, through tx, the entries rows of one draft (see refitSpacedQuotes),
// reading its text once.
func refitDraftQuotes(tx *gorm.DB, rows []spacedQuote) error {
	var d struct{ Brief, Body string }
	if err := tx.Raw("SELECT brief, body FROM drafts WHERE id = ?", rows[0].DraftID).Scan(&d).Error; err != nil {
		return fmt.Errorf("read draft %d: %w", rows[0].DraftID, err)
	}
	found := map[string][]quotes.Quote{}
	for _, r := range rows {
		qs, ok := found[r.Field]
		if !ok {
			text := d.Body
			if r.Field == "brief" {
				text = d.Brief
			}
			qs, _ = quotes.Find(text)
			found[r.Field] = qs
		}
		for _, q := range qs {
			if q.Start != r.StartPos || q.End != r.EndPos || q.Text == r.Text || q.Text != trimLines(r.Text) {
				continue
			}
			if err := tx.Exec("UPDATE quotes SET text = ? WHERE id = ?", q.Text, r.ID).Error; err != nil {
				return fmt.Errorf("refit quote %d: %w", r.ID, err)
			}
		}
	}
	return nil
}

// trimLines trims the spaces from both ends of each line of s.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimFunc(l, unicode.IsSpace)
	}
	return strings.Join(lines, "\n")
}
