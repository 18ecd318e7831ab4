package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// searchTitles returns the titles a search by ctx's user finds, best first.
func searchTitles(t *testing.T, s *store.Store, ctx context.Context, query string) []string {
	t.Helper()
	page, err := s.Search(ctx, newsroom.DraftFilter{Query: query})
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	titles := []string{}
	for _, h := range page.Items {
		titles = append(titles, h.Title)
	}
	return titles
}

// textWith is a whole piece titled title whose body is body.
func textWith(title, body string) newsroom.Text {
	t := sampleText(title)
	t.Body = body
	return t
}

// TestSearchCommentsUpToACap holds what a piece's comments add to the search index to their
// first 100,000 characters: nothing caps how many comments a piece takes, and indexing megabytes
// of them held SQLite's one writer for seconds, so anyone who may comment could stall every
// write by piling them on one piece. Words past the cap are not found; the piece is, by the
// words before it.
func TestSearchCommentsUpToACap(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	filler := strings.Repeat("filler ", 1400)
	for i, body := range append(append([]string{"Which okapi?"}, slices.Repeat([]string{filler}, 15)...), "Which chamois?") {
		if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(5), Body: body}); err != nil {
			t.Fatalf("comment %d: %v", i, err)
		}
	}
	if got := searchTitles(t, f.s, f.editor, "okapi"); len(got) != 1 {
		t.Errorf("a word of the piece's first comment finds %q; want the piece", got)
	}
	if got := searchTitles(t, f.s, f.editor, "chamois"); len(got) != 0 {
		t.Errorf("a word past the first 100,000 characters of the piece's comments finds %q; want nothing", got)
	}
}

func TestSearchFinds(t *testing.T) {
	f := newNewsroom(t)
	for _, text := range []newsroom.Text{
		textWith("Flood defences hold", "The river rose overnight."),
		textWith("Council budget", "The flood defences were paid for last year."),
		textWith("Harbour works", "Defences against the sea; a flood of complaints."),
		textWith("Café opens", "A new place on the square."),
		textWith("Bakery closes", "The old cafe\u0301 next door stays open."),
		textWith("Mayor speaks", "She said “resign” twice — and don’t."),
		{Title: "Market day", Byline: "Ben Okafor", Brief: "Stalls return to the square.", Body: "Farmers came early.", Topics: []string{"Agriculture"}},
	} {
		if _, err := f.s.CreateDraft(f.writer, text); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, query string
		want        []string
	}{
		{"Word", "flood", []string{"Flood defences hold", "Council budget", "Harbour works"}},
		{"Words", "flood defences", []string{"Flood defences hold", "Council budget", "Harbour works"}},
		{"Phrase", `"flood defences"`, []string{"Flood defences hold", "Council budget"}},
		{"Prefix", "defen*", []string{"Flood defences hold", "Council budget", "Harbour works"}},
		{"Exclude", "flood -river", []string{"Council budget", "Harbour works"}},
		{"CaseInsensitive", "HARBOUR", []string{"Harbour works"}},
		{"NFCTypedComposed", "Café", []string{"Café opens", "Bakery closes"}},
		{"NFCTypedDecomposed", "Cafe\u0301", []string{"Café opens", "Bakery closes"}},
		{"DiacriticsCount", "cafe", []string{}},
		{"WordInCurlyQuotes", "resign", []string{"Mayor speaks"}},
		{"WordBeforeCurlyApostrophe", "don", []string{"Mayor speaks"}},
		{"Brief", "stalls", []string{"Market day"}},
		{"Byline", "okafor", []string{"Market day"}},
		{"Topic", "agriculture", []string{"Market day"}},
		{"OperatorsAreWords", `flood NEAR "defences`, []string{}},
		{"NoWords", `"*" - ()`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchTitles(t, f.s, f.editor, tt.query)
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
	t.Run("TitleOutranksBody", func(t *testing.T) {
		for _, query := range []string{"flood", "defen*", "flood defences"} {
			if got := searchTitles(t, f.s, f.editor, query); got[0] != "Flood defences hold" {
				t.Errorf("Search(%q) = %q: the piece with the words in its title is not first", query, got)
			}
		}
	})
}

func TestSearchSnippet(t *testing.T) {
	f := newNewsroom(t)
	if _, err := f.s.CreateDraft(f.writer, textWith("Roads", `Crews said 3 < 4 & "flood" damage was light.`)); err != nil {
		t.Fatal(err)
	}
	page, err := f.s.Search(f.editor, newsroom.DraftFilter{Query: "flood"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("Search = %+v, %v", page, err)
	}
	h := page.Items[0]
	bare := strings.NewReplacer("<mark>flood</mark>", "").Replace(h.Snippet)
	if !strings.Contains(h.Snippet, "<mark>flood</mark>") || strings.ContainsAny(bare, `<>"`) ||
		!strings.Contains(bare, "3 &lt; 4 &amp; &#34;") || h.Rank <= 0 {
		t.Errorf("snippet %q, rank %v", h.Snippet, h.Rank)
	}
}

func TestSearchPermissions(t *testing.T) {
	f := newNewsroom(t)
	mine, _ := f.s.CreateDraft(f.writer, textWith("Sarah's draft", "Zebra crossing."))
	checked := f.walk(t, mustDraft(t, f, textWith("Sarah's checked piece", "Zebra crossing again.")), newsroom.StageFactCheck)
	if _, err := f.s.CreateDraft(f.other, textWith("Otto's draft", "Zebra crossing too.")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateComment(f.editor, checked.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(5), Body: "Quagga or zebra?"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateComment(f.editor, mine.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(5), Body: "Okapi?"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		ctx         context.Context
		zebra, okap []string
	}{
		{"Writer", f.writer, []string{"Sarah's draft", "Sarah's checked piece"}, []string{"Sarah's draft"}},
		{"OtherWriter", f.other, []string{"Otto's draft"}, []string{}},
		{"FactChecker", f.checker, []string{"Sarah's checked piece"}, []string{}},
		{"Editor", f.editor, []string{"Sarah's draft", "Otto's draft", "Sarah's checked piece"}, []string{"Sarah's draft"}},
		{"Admin", f.admin, []string{"Sarah's draft", "Otto's draft", "Sarah's checked piece"}, []string{"Sarah's draft"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchTitles(t, f.s, tt.ctx, "zebra")
			slices.Sort(got)
			slices.Sort(tt.zebra)
			if !slices.Equal(got, tt.zebra) {
				t.Errorf("zebra: %q, want %q", got, tt.zebra)
			}
			if got := searchTitles(t, f.s, tt.ctx, "okapi"); !slices.Equal(got, tt.okap) {
				t.Errorf("okapi (a comment): %q, want %q", got, tt.okap)
			}
		})
	}
	if _, err := f.s.Search(context.Background(), newsroom.DraftFilter{Query: "zebra"}); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
		t.Errorf("signed out: %v", err)
	}
}

// mustDraft creates a draft of text by the fixture's writer.
func mustDraft(t *testing.T, f *newsroomFixture, text newsroom.Text) *newsroom.Draft {
	t.Helper()
	d, err := f.s.CreateDraft(f.writer, text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSearchFollowsChanges(t *testing.T) {
	f := newNewsroom(t)
	d := mustDraft(t, f, textWith("Budget", "Aardvark numbers."))
	find := func(query string) []string { return searchTitles(t, f.s, f.editor, query) }
	body := "Pangolin numbers."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	if got := find("aardvark"); len(got) != 0 {
		t.Errorf("the old body is still found: %q", got)
	}
	if got := find("pangolin"); len(got) != 1 {
		t.Errorf("the saved body is not found: %q", got)
	}
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(8), Body: "Wombat count?"})
	if err != nil {
		t.Fatal(err)
	}
	if got := find("wombat"); len(got) != 1 {
		t.Errorf("a new comment is not found: %q", got)
	}
	if _, err := f.s.EditComment(f.editor, c.ID, "Numbat count?"); err != nil {
		t.Fatal(err)
	}
	if got, now := find("wombat"), find("numbat"); len(got) != 0 || len(now) != 1 {
		t.Errorf("after an edit: wombat %q, numbat %q", got, now)
	}
	if _, err := f.s.DeleteComment(f.editor, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := find("numbat"); len(got) != 0 {
		t.Errorf("a deleted comment is still found: %q", got)
	}
	c, err = f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(0), End: intp(8), Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Reply(f.writer, c.ID, newsroom.NewReply{Body: "The quokka survey."}); err != nil {
		t.Fatal(err)
	}
	if got := find("quokka"); len(got) != 1 {
		t.Errorf("a reply is not found: %q", got)
	}
}

func TestSearchPages(t *testing.T) {
	f := newNewsroom(t)
	for i := range 5 {
		d := mustDraft(t, f, textWith("Heron "+strings.Repeat("and heron ", i), "Birds."))
		if i == 4 {
			f.walk(t, d, newsroom.StageFactCheck)
		}
	}
	var got []string
	filter := newsroom.DraftFilter{Query: "heron", Limit: 2}
	for pages := 0; ; pages++ {
		page, err := f.s.Search(f.editor, filter)
		if err != nil || pages > 3 {
			t.Fatalf("page %d: %v", pages, err)
		}
		for _, h := range page.Items {
			got = append(got, h.Title)
		}
		if filter.Cursor = page.Next; page.Next == "" {
			break
		}
	}
	all := searchTitles(t, f.s, f.editor, "heron")
	if len(all) != 5 || !slices.Equal(got, all) {
		t.Errorf("pages of 2: %q; one page: %q", got, all)
	}
	staged, err := f.s.Search(f.editor, newsroom.DraftFilter{Query: "heron", Stage: newsroom.StageFactCheck})
	if err != nil || len(staged.Items) != 1 || staged.Items[0].Stage != newsroom.StageFactCheck {
		t.Errorf("with a stage: %+v, %v", staged, err)
	}
	if _, err := f.s.Search(f.editor, newsroom.DraftFilter{Query: "heron", Cursor: "nonsense"}); newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Errorf("a bad cursor: %v", err)
	}
}

// TestSearchNarrowed: a search keeps to the stage and the assignee a list would keep to.
func TestSearchNarrowed(t *testing.T) {
	f := newNewsroom(t)
	mine := f.walk(t, mustDraft(t, f, textWith("Fiona's heron", "Birds.")), newsroom.StageFactCheck)
	f.assign(t, mine.ID, newsroom.StageFactCheck, f.checker)
	f.walk(t, mustDraft(t, f, textWith("Pool heron", "Birds.")), newsroom.StageFactCheck)
	mustDraft(t, f, textWith("Draft heron", "Birds."))
	tests := []struct {
		name   string
		filter newsroom.DraftFilter
		want   []string
	}{
		{"All", newsroom.DraftFilter{}, []string{"Draft heron", "Fiona's heron", "Pool heron"}},
		{"Stage", newsroom.DraftFilter{Stage: newsroom.StageFactCheck}, []string{"Fiona's heron", "Pool heron"}},
		{"Assignee", newsroom.DraftFilter{Assignee: newsroom.UserFrom(f.checker).ID}, []string{"Fiona's heron"}},
		{"Nobody", newsroom.DraftFilter{Assignee: newsroom.AssigneeNone}, []string{"Pool heron"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.filter.Query = "heron"
			page, err := f.s.Search(f.writer, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range page.Items {
				got = append(got, h.Title)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("found %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSearchFindsPiecesFromBeforeIt upgrades a database from before migration 00020: its
// pieces and their comments are found.
func TestSearchFindsPiecesFromBeforeIt(t *testing.T) {
	dsn := storetest.DSN(t)
	db := openOld(t, dsn, 15)
	for _, stmt := range []string{
		"INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES (1, 'ed', 'Ed', 'editor', 'x', CURRENT_TIMESTAMP)",
		"INSERT INTO drafts (id, writer_id, title, body, topics, stage, version, created_at, updated_at) VALUES (1, 1, 'Old piece', 'An ibex.', '[\"Mountains\"]', 'draft', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
		"INSERT INTO comments (id, draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos, anchored_version, created_at) VALUES (1, 1, 1, 'body', 'A chamois?', 'An', 'An', '', '', 0, 2, 1, CURRENT_TIMESTAMP)",
		"INSERT INTO comment_replies (id, comment_id, author_id, body, created_at) VALUES (1, 1, 1, 'No, a tahr.', CURRENT_TIMESTAMP)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s := openMigrated(t, dsn, store.Options{})
	ed := newsroom.WithUser(context.Background(), &newsroom.User{ID: 1, Username: "ed", Role: newsroom.RoleEditor})
	for _, word := range []string{"ibex", "mountains", "chamois", "tahr"} {
		if got := searchTitles(t, s, ed, word); !slices.Equal(got, []string{"Old piece"}) {
			t.Errorf("%s: %q", word, got)
		}
	}
}

// TestSearchRanksTheNewest500 searches a word found in 501 pieces: the oldest, though its title
// holds the word, is left out of the ranking, and found again once a word narrows the search.
func TestSearchRanksTheNewest500(t *testing.T) {
	f := newNewsroom(t)
	writer := newsroom.UserFrom(f.writer)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := [][]any{{writer.ID, "Lynx sighted", "Old news.", "[]", "draft", 1, now, now}}
	for i := range 500 {
		rows = append(rows, []any{writer.ID, fmt.Sprintf("Piece %d", i), "A lynx.", "[]", "draft", 1, now, now})
	}
	insertRows(t, f.s.DB(), "drafts", "writer_id, title, body, topics, stage, version, created_at, updated_at", rows)
	if got := searchTitles(t, f.s, f.editor, "lynx"); slices.Contains(got, "Lynx sighted") || len(got) != 50 {
		t.Errorf("lynx: %d found, first %q", len(got), got[0])
	}
	if got := searchTitles(t, f.s, f.editor, "lynx old"); !slices.Equal(got, []string{"Lynx sighted"}) {
		t.Errorf("lynx old: %q", got)
	}
}

// TestSearchKeepsLettersAndDigitsBeyondASCII holds that SQLite and PostgreSQL find the same
// pieces for words with letters and digits beyond ASCII (µ, ², Ⅻ, ₂, ½, ℕ), which search.Parse
// keeps in words and SQLite's unicode61 indexes: migration 00020's copydesk_search_words blanked
// them on PostgreSQL as if they were punctuation, and 00023 blanks only punctuation and symbols.
// Symbols next to a word still part it from its neighbour on both (“€5”, "a→b").
func TestSearchKeepsLettersAndDigitsBeyondASCII(t *testing.T) {
	f := newNewsroom(t)
	for _, text := range []newsroom.Text{
		textWith("Dose", "Take 50 µg a day."),
		textWith("Flat", "A flat of 40 m² near the station."),
		textWith("Clock", "The clock face shows Ⅻ at the top."),
		textWith("Water", "The formula is H₂O, as ever."),
		textWith("Half", "Add ½ cup and stir."),
		textWith("Sets", "Counting in ℕ starts at zero."),
		textWith("Price", "It costs €5 now, a→b."),
	} {
		if _, err := f.s.CreateDraft(f.writer, text); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ query, want string }{
		{"µg", "Dose"},
		{"m²", "Flat"},
		{"Ⅻ", "Clock"},
		{"H₂O", "Water"},
		{"½", "Half"},
		{"ℕ", "Sets"},
		{"5", "Price"},
		{"b", "Price"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := searchTitles(t, f.s, f.editor, tc.query); len(got) != 1 || got[0] != tc.want {
				t.Errorf("Search(%q) = %q, want [%q]", tc.query, got, tc.want)
			}
		})
	}
}

// indexState is what a change to draft id's row of the search index would change: on SQLite
// the FTS4 table's segments, which every write adds to or merges; on PostgreSQL the row's
// version.
func indexState(t *testing.T, s *store.Store, id int64) string {
	t.Helper()
	q := "SELECT coalesce(group_concat(level || ':' || idx || ':' || end_block || ':' || hex(root), ','), '') FROM draft_search_segdir"
	args := []any{}
	if storetest.Postgres() {
		q, args = "SELECT xmin::text FROM draft_search WHERE draft_id = $1", []any{id}
	}
	var state string
	if err := s.DB().QueryRow(q, args...).Scan(&state); err != nil {
		t.Fatal(err)
	}
	return state
}

// TestSearchIndexFollowsOnlyItsText checks that the search index is written when a piece's
// indexed text changes, and found at once, and left as it is by writes that change none of
// it: a save of the language or the editor's comment, a comment re-anchored by a save, a
// resolved comment.
func TestSearchIndexFollowsOnlyItsText(t *testing.T) {
	f := newNewsroom(t)
	d := f.walk(t, mustDraft(t, f, textWith("Budget", "Aardvark numbers rose.")), newsroom.StageEditing)
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(9), End: intp(16), Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	save := func(upd newsroom.DraftUpdate) func() error {
		return func() error {
			upd.Version = d.Version
			saved, err := f.s.UpdateDraft(f.editor, d.ID, upd)
			if err == nil {
				d = saved
			}
			return err
		}
	}
	str := func(s string) *string { return &s }
	tests := []struct {
		name      string
		write     func() error
		rewritten bool
		found     string
	}{
		{"language", save(newsroom.DraftUpdate{Language: str("fr")}), false, "aardvark"},
		{"editor's comment", save(newsroom.DraftUpdate{EditorComment: str("Tighten the top.")}), false, "aardvark"},
		{"comments re-anchored", save(newsroom.DraftUpdate{Body: str("Aardvark numbers rose. Pangolin numbers fell.")}), true, "pangolin"},
		{"title", save(newsroom.DraftUpdate{Title: str("Quokka budget")}), true, "quokka"},
		{"same text again", save(newsroom.DraftUpdate{Title: str("Quokka budget"), Language: str("de")}), false, "quokka"},
		{"comment resolved", func() error { _, err := f.s.ResolveComment(f.editor, c.ID); return err }, false, "source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := indexState(t, f.s, d.ID)
			if err := tt.write(); err != nil {
				t.Fatal(err)
			}
			if got := searchTitles(t, f.s, f.editor, tt.found); len(got) != 1 {
				t.Errorf("search %q = %q, want the piece", tt.found, got)
			}
			if after := indexState(t, f.s, d.ID); (after != before) != tt.rewritten {
				t.Errorf("index rewritten = %v (%q → %q), want %v", after != before, before, after, tt.rewritten)
			}
		})
	}
}

// TestSavesAreIndexedAfterCommit checks that on SQLite a save leaves the search index as it is
// (the re-indexing waits, see migration 00033), and that the scheduler's IndexSearch then
// indexes it, as a search would, so that the new words are found and the old ones are not. On
// PostgreSQL the save indexes at once and IndexSearch has nothing to do.
func TestSavesAreIndexedAfterCommit(t *testing.T) {
	f := newNewsroom(t)
	d := mustDraft(t, f, textWith("Budget", "Aardvark numbers rose."))
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := indexState(t, f.s, d.ID)
	body := "Pangolin numbers fell."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	saved := indexState(t, f.s, d.ID)
	if storetest.Postgres() != (saved != before) {
		t.Fatalf("index rewritten by the save = %v, want %v", saved != before, storetest.Postgres())
	}
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if indexState(t, f.s, d.ID) == before {
		t.Fatal("IndexSearch left the saved text unindexed")
	}
	caughtUp := indexState(t, f.s, d.ID)
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if indexState(t, f.s, d.ID) != caughtUp {
		t.Fatal("IndexSearch with nothing saved since rewrote the index")
	}
	if got := searchTitles(t, f.s, f.writer, "pangolin"); len(got) != 1 {
		t.Errorf("search pangolin = %q, want the piece", got)
	}
	if got := searchTitles(t, f.s, f.writer, "aardvark"); len(got) != 0 {
		t.Errorf("search aardvark = %q, want nothing: the word left the piece", got)
	}
}
