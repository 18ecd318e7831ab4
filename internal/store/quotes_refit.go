package store

import (
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/quotes"
)

// spacedQuotesSQL selects the live ledger entries whose words run over paragraphs, with the
// text of their draft's fields the finder reads.
const spacedQuotesSQL = "SELECT quotes.id, quotes.draft_id, quotes.field, quotes.text, quotes.start_pos, quotes.end_pos, drafts.brief, drafts.body " +
	"FROM quotes JOIN drafts ON drafts.id = quotes.draft_id WHERE quotes.removed_at IS NULL AND quotes.text LIKE ? ORDER BY quotes.draft_id, quotes.id"

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
	var rows []struct {
		ID, DraftID      int64
		Field, Text      string
		StartPos, EndPos int
		Brief, Body      string
	}
	if err := tx.Raw(spacedQuotesSQL, "%\n%").Scan(&rows).Error; err != nil {
		return fmt.Errorf("find quotes over paragraphs: %w", err)
	}
	found := map[string][]quotes.Quote{}
	for _, r := range rows {
		key := fmt.Sprintf("%d %s", r.DraftID, r.Field)
		qs, ok := found[key]
		if !ok {
			text := r.Body
			if r.Field == "brief" {
				text = r.Brief
			}
			qs, _ = quotes.Find(text)
			found[key] = qs
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
