package store_test

import (
	"testing"
)

// TestPackingCannotDropAVersion holds the append-only trigger of migration 00029 to what
// the migration says of it: the one update it lets through packs a whole text, once, "and
// nothing else of the row changes". An update that packs a revision and at the same time takes
// its version away (NULL, so that the comparison NEW.version = OLD.version is unknown rather than
// false) must be refused like any other rewrite of history, on both databases.
func TestPackingCannotDropAVersion(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, sampleText("Harbour reopens"))
	if err != nil {
		t.Fatal(err)
	}
	db := f.s.DB()
	// Version 2 as a server before 00029 wrote it: whole, not packed yet.
	if _, err := db.Exec(`INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics, editor_comment, created_at)
		SELECT draft_id, 2, 1, author_id, 'Harbour reopens', '', '', 'The harbour reopened.', '[]', '', created_at FROM revisions WHERE draft_id = $1 AND version = 1`, d.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE revisions SET title = '', byline = '', brief = '', body = '', topics = '[]', editor_comment = '',
		packed = $1, packed_from = 2, packed_chain = 1, packed_sum = 0, version = NULL WHERE draft_id = $2 AND version = 2`, []byte("K"), d.ID)
	if err == nil {
		var versions int
		if err := db.QueryRow("SELECT COUNT(version) FROM revisions WHERE draft_id = $1", d.ID).Scan(&versions); err != nil {
			t.Fatal(err)
		}
		t.Fatalf("the trigger let an update pack version 2 and drop its version: the draft now has %d numbered revisions of 2", versions)
	}
}
