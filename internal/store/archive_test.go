package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// publishText publishes a piece with text t, an hour after the one before it, and returns its slug.
func publishText(t *testing.T, f *newsroomFixture, clk *clock.Fake, text newsroom.Text) string {
	t.Helper()
	d, err := f.s.CreateDraft(f.writer, text)
	if err != nil {
		t.Fatal(err)
	}
	d = f.walk(t, d, newsroom.StageApproved)
	clk.Add(time.Hour)
	pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pub.Slug
}

func slugsOf(arts []publish.Article) string {
	var s []string
	for _, a := range arts {
		s = append(s, a.Slug)
	}
	return strings.Join(s, " ")
}

// TestPublicPage lists the archive, a topic's pieces and an author's pieces a page at a time,
// newest first, and leaves out a piece that is no longer public.
func TestPublicPage(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	text := func(title, byline string, topics ...string) newsroom.Text {
		x := sampleText(title)
		x.Byline, x.Topics = byline, topics
		return x
	}
	publishText(t, f, clk, text("One", "Sarah Johnson", "Mexico", "Climate Change"))
	publishText(t, f, clk, text("Two", "Otto Weiß", "Mexico", "méxico"))
	publishText(t, f, clk, text("Three", "Sarah Johnson"))
	four := publishText(t, f, clk, text("Four", "Ann Lee", "Climate change"))
	ctx := context.Background()
	tests := []struct {
		name     string
		q        store.ArchiveQuery
		want     string
		wantMore bool
	}{
		{"All", store.ArchiveQuery{Limit: 10}, "four three two one", false},
		{"FirstPage", store.ArchiveQuery{Limit: 2}, "four three", true},
		{"LastPage", store.ArchiveQuery{Offset: 2, Limit: 2}, "two one", false},
		{"PastTheEnd", store.ArchiveQuery{Offset: 4, Limit: 2}, "", false},
		{"Topic", store.ArchiveQuery{Topic: "mexico", Limit: 10}, "two one", false},
		{"TopicPage", store.ArchiveQuery{Topic: "mexico", Offset: 1, Limit: 1}, "one", false},
		{"TopicFolded", store.ArchiveQuery{Topic: "climate-change", Limit: 10}, "four one", false},
		{"Author", store.ArchiveQuery{Author: "sarah-johnson", Limit: 10}, "three one", false},
		{"AuthorFolded", store.ArchiveQuery{Author: "otto-weiss", Limit: 10}, "two", false},
		{"TopicAndAuthor", store.ArchiveQuery{Topic: "mexico", Author: "sarah-johnson", Limit: 10}, "one", false},
		{"UnknownTopic", store.ArchiveQuery{Topic: "nothing", Limit: 10}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, next, err := f.s.PublicPage(ctx, tt.q)
			if err != nil || slugsOf(arts) != tt.want || (next != "") != tt.wantMore {
				t.Fatalf("PublicPage = %q, %q, %v; want %q, more %v", slugsOf(arts), next, err, tt.want, tt.wantMore)
			}
		})
	}
	t.Run("Count", func(t *testing.T) {
		for q, want := range map[store.ArchiveQuery]int{{Limit: 2}: 4, {Offset: 2, Limit: 1}: 4, {Topic: "mexico"}: 2, {Author: "otto-weiss"}: 1, {Topic: "nothing"}: 0} {
			if n, err := f.s.PublicCount(ctx, q); err != nil || n != want {
				t.Errorf("PublicCount(%+v) = %d, %v; want %d", q, n, err, want)
			}
		}
	})
	t.Run("Tags", func(t *testing.T) {
		topics, err := f.s.PublicTags(ctx, false)
		want := []store.Tag{{"climate-change", "Climate change", 2}, {"mexico", "Mexico", 2}}
		if err != nil || !slices.Equal(topics, want) {
			t.Fatalf("PublicTags(topics) = %v, %v; want %v", topics, err, want)
		}
		authors, err := f.s.PublicTags(ctx, true)
		want = []store.Tag{{"ann-lee", "Ann Lee", 1}, {"otto-weiss", "Otto Weiß", 1}, {"sarah-johnson", "Sarah Johnson", 2}}
		if err != nil || !slices.Equal(authors, want) {
			t.Fatalf("PublicTags(authors) = %v, %v; want %v", authors, err, want)
		}
	})
	t.Run("Listing", func(t *testing.T) {
		all, err := f.s.PublicListing(ctx, time.Time{}, 0, 10)
		if err != nil || slugsOf(all) != "four three two one" || all[0].Title != "Four" || all[0].FirstPublishedAt.IsZero() {
			t.Fatalf("PublicListing = %+v, %v", all, err)
		}
		recent, err := f.s.PublicListing(ctx, clk.Now().Add(-90*time.Minute), 0, 10)
		if err != nil || slugsOf(recent) != "four three" {
			t.Fatalf("PublicListing(since) = %q, %v", slugsOf(recent), err)
		}
		if blocks, err := f.s.SitemapBlocks(ctx, 3); err != nil || !slices.Equal(blocks, []int{1, 2}) {
			t.Fatalf("SitemapBlocks(3) = %v, %v; want [1 2]", blocks, err)
		}
		if second, err := f.s.PublicBlock(ctx, 2, 3); err != nil || slugsOf(second) != "four" {
			t.Fatalf("PublicBlock(2, 3) = %q, %v; want four", slugsOf(second), err)
		}
	})
	t.Run("NoLongerPublic", func(t *testing.T) {
		// A workflow may move a piece out of its published stage; the default one has no such
		// action, so the test moves it by hand.
		if _, err := f.s.DB().Exec("UPDATE drafts SET stage = 'spiked' WHERE id = (SELECT draft_id FROM articles WHERE slug = $1)", four); err != nil {
			t.Fatal(err)
		}
		arts, _, err := f.s.PublicPage(ctx, store.ArchiveQuery{Topic: "climate-change", Limit: 10})
		if err != nil || slugsOf(arts) != "one" {
			t.Fatalf("PublicPage(topic) = %q, %v", slugsOf(arts), err)
		}
		if blocks, err := f.s.SitemapBlocks(ctx, 3); err != nil || !slices.Equal(blocks, []int{1}) {
			t.Fatalf("SitemapBlocks(3) = %v, %v; want [1]", blocks, err)
		}
		if first, err := f.s.PublicBlock(ctx, 1, 3); err != nil || slugsOf(first) != "one two three" {
			t.Fatalf("PublicBlock(1, 3) = %q, %v; want one two three", slugsOf(first), err)
		}
		// Four spelled "Climate change"; the topic keeps the spelling of the piece still public.
		topics, err := f.s.PublicTags(ctx, false)
		want := []store.Tag{{"climate-change", "Climate Change", 1}, {"mexico", "Mexico", 2}}
		if err != nil || !slices.Equal(topics, want) {
			t.Fatalf("PublicTags(topics) = %v, %v; want %v", topics, err, want)
		}
		authors, err := f.s.PublicTags(ctx, true)
		want = []store.Tag{{"otto-weiss", "Otto Weiß", 1}, {"sarah-johnson", "Sarah Johnson", 2}}
		if err != nil || !slices.Equal(authors, want) {
			t.Fatalf("PublicTags(authors) = %v, %v; want %v", authors, err, want)
		}
	})
}

// TestPublicPageAfter: a page after a cursor PublicPage gave starts right after the piece the
// page before ended on, whatever is published between the two, in every listing.
func TestPublicPageAfter(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	text := func(title, byline string, topics ...string) newsroom.Text {
		x := sampleText(title)
		x.Byline, x.Topics = byline, topics
		return x
	}
	publishText(t, f, clk, text("One", "Sarah Johnson", "Mexico", "Climate Change"))
	publishText(t, f, clk, text("Two", "Otto Weiß", "Mexico", "méxico"))
	publishText(t, f, clk, text("Three", "Sarah Johnson"))
	publishText(t, f, clk, text("Four", "Ann Lee", "Climate change"))
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		q    store.ArchiveQuery
	}{
		{"After", store.ArchiveQuery{Limit: 2}},
		{"TopicAfter", store.ArchiveQuery{Topic: "mexico", Limit: 1}},
		{"AuthorAfter", store.ArchiveQuery{Author: "sarah-johnson", Limit: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			whole := tt.q
			whole.Limit = 100
			all, _, err := f.s.PublicPage(ctx, whole)
			if err != nil {
				t.Fatal(err)
			}
			arts, next, err := f.s.PublicPage(ctx, tt.q)
			if err != nil || slugsOf(arts) != slugsOf(all[:tt.q.Limit]) || next == "" {
				t.Fatalf("PublicPage = %q, %q, %v; want %q and a cursor", slugsOf(arts), next, err, slugsOf(all[:tt.q.Limit]))
			}
			publishText(t, f, clk, text("Late "+tt.name, "Sarah Johnson", "Mexico"))
			q := tt.q
			q.After, q.Limit = next, 100
			if arts, _, err := f.s.PublicPage(ctx, q); err != nil || slugsOf(arts) != slugsOf(all[tt.q.Limit:]) {
				t.Fatalf("PublicPage after %q = %q, %v; want %q", next, slugsOf(arts), err, slugsOf(all[tt.q.Limit:]))
			}
		})
	}
	t.Run("ErrBadCursor", func(t *testing.T) {
		if _, _, err := f.s.PublicPage(ctx, store.ArchiveQuery{Limit: 2, After: "not a cursor"}); newsroom.ErrorCode(err) != newsroom.EINVALID {
			t.Fatalf("PublicPage after a bad cursor: %v, want %s", err, newsroom.EINVALID)
		}
	})
}

// TestArchiveTagsFilled tags the pieces published before migration 00024 when the store
// migrates: their rows, and the record that the backfill has run, are dropped here as if they
// had never been written.
func TestArchiveTagsFilled(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	publishText(t, f, clk, sampleText("Old piece"))
	if _, err := f.s.DB().Exec("DELETE FROM article_tags"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec("DELETE FROM backfills"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if arts, _, _ := f.s.PublicPage(ctx, store.ArchiveQuery{Topic: "mexico", Limit: 10}); len(arts) != 0 {
		t.Fatalf("before: %q", slugsOf(arts))
	}
	if _, err := f.s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.ArchiveQuery{{Topic: "mexico", Limit: 10}, {Author: "sarah-johnson", Limit: 10}} {
		if arts, _, err := f.s.PublicPage(ctx, q); err != nil || slugsOf(arts) != "old-piece" {
			t.Fatalf("PublicPage(%+v) = %q, %v", q, slugsOf(arts), err)
		}
	}
}

// TestArchiveSymbolTagsRetagged moves the pieces tagged before topics without a letter or digit
// had pages of their own (all of them under "article", one row an article) to their own pages
// when the store migrates.
func TestArchiveSymbolTagsRetagged(t *testing.T) {
	text := sampleText("Old piece")
	text.Topics = []string{"🔥", "..", "Mexico"}
	f, ctx := migratedFrom(t, text,
		"DELETE FROM article_tags WHERE name = '..'",
		"UPDATE article_tags SET slug = 'article' WHERE name = '🔥'",
	)
	for topic, want := range map[string]string{"🔥": "old-piece", "..": "old-piece", "Mexico": "old-piece", "Article": ""} {
		if arts, _, err := f.s.PublicPage(ctx, store.ArchiveQuery{Topic: publish.Slug(topic), Limit: 10}); err != nil || slugsOf(arts) != want {
			t.Errorf("PublicPage(topic %q) = %q, %v, want %q", topic, slugsOf(arts), err, want)
		}
	}
}

// TestArchiveSuffixTagsRetagged moves the pieces tagged before a "+" or "#" ending a topic was
// spelled out in its slug (C++ and C# then shared the page of C, so a piece tagged with all three
// had one row, under the first) to a page for each when the store migrates.
func TestArchiveSuffixTagsRetagged(t *testing.T) {
	text := sampleText("Old piece")
	text.Topics = []string{"C++", "C#", "C", "Mexico"}
	f, ctx := migratedFrom(t, text,
		"DELETE FROM article_tags WHERE name IN ('C#', 'C')",
		"UPDATE article_tags SET slug = 'c' WHERE name = 'C++'",
	)
	for _, topic := range text.Topics {
		if arts, _, err := f.s.PublicPage(ctx, store.ArchiveQuery{Topic: publish.Slug(topic), Limit: 10}); err != nil || slugsOf(arts) != "old-piece" {
			t.Errorf("PublicPage(topic %q) = %q, %v, want %q", topic, slugsOf(arts), err, "old-piece")
		}
	}
}

// TestArchiveSharpSTagsRetagged moves the pieces tagged before the capital ẞ folded to "ss" in
// slugs (a topic "FUẞBALL" then had the slug "fußball", which no page links to now) to the
// pages their topics and byline have now when the store migrates.
func TestArchiveSharpSTagsRetagged(t *testing.T) {
	text := sampleText("Old piece")
	text.Topics = []string{"FUẞBALL", "Mexico"}
	text.Byline = "ANNA GROẞ"
	f, ctx := migratedFrom(t, text,
		"UPDATE article_tags SET slug = 'fußball' WHERE name = 'FUẞBALL'",
		"UPDATE article_tags SET slug = 'anna-groß' WHERE name = 'ANNA GROẞ'",
	)
	for _, q := range []store.ArchiveQuery{{Topic: "fussball", Limit: 10}, {Topic: "mexico", Limit: 10}, {Author: "anna-gross", Limit: 10}} {
		if arts, _, err := f.s.PublicPage(ctx, q); err != nil || slugsOf(arts) != "old-piece" {
			t.Errorf("PublicPage(%+v) = %q, %v, want %q", q, slugsOf(arts), err, "old-piece")
		}
	}
	if arts, _, err := f.s.PublicPage(ctx, store.ArchiveQuery{Topic: "fußball", Limit: 10}); err != nil || len(arts) != 0 {
		t.Errorf("PublicPage(topic fußball) = %q, %v, want nothing", slugsOf(arts), err)
	}
}

// TestArchiveStaleTagsRetagged drops, when the store migrates, the rows an older version wrote
// for a topic that shows nothing (a zero-width space): the piece no longer links its page, so
// /topics must not list it. An archive with more such pieces than one batch of the backfill,
// and more rows for them than one statement takes parameters on either dialect, is retagged
// whole.
func TestArchiveStaleTagsRetagged(t *testing.T) {
	const (
		copies = 501 // with the piece copied, more than one batch
		blanks = 131 // rows of zero-width spaces a piece: 502 × 131 > 65,535
	)
	copyPieces := []string{
		fmt.Sprintf("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "+
			"INSERT INTO drafts (writer_id, title, stage, version, created_at, updated_at) "+
			"SELECT writer_id, 'Copy ' || i, stage, version, created_at, updated_at FROM drafts CROSS JOIN n", copies),
		"INSERT INTO articles (draft_id, slug, first_published_at) " +
			"SELECT d.id, 'copy-' || d.id, a.first_published_at FROM drafts AS d CROSS JOIN articles AS a WHERE d.title LIKE 'Copy %'",
		"INSERT INTO publications (article_id, number, revision_version, title, byline, brief, body, topics, editor_comment, published_at, published_by, content_hash, language) " +
			"SELECT c.id, 1, p.revision_version, p.title, p.byline, p.brief, p.body, '[\"Mexico\", \"\u200b\"]', p.editor_comment, p.published_at, p.published_by, p.content_hash, p.language " +
			"FROM articles AS c CROSS JOIN publications AS p WHERE c.slug LIKE 'copy-%'",
		"UPDATE articles SET latest_publication_id = (SELECT id FROM publications WHERE publications.article_id = articles.id) WHERE slug LIKE 'copy-%'",
		"INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) " +
			"SELECT id, latest_publication_id, 'topic', 'mexico', 'Mexico', first_published_at FROM articles WHERE slug LIKE 'copy-%'",
		fmt.Sprintf("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "+
			"INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) "+
			"SELECT a.id, a.latest_publication_id, 'topic', '_200b-' || i, '\u200b', a.first_published_at FROM articles AS a CROSS JOIN n", blanks),
	}
	for _, tc := range []struct {
		name      string
		queries   []string
		wantCount int
	}{
		{"ZeroWidthTopic", []string{
			"INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) " +
				"SELECT article_id, publication_id, 'topic', '_200b', '\u200b', first_published_at FROM article_tags WHERE name = 'Mexico'",
		}, 1},
		{"MoreStaleArticlesThanOneBatch", copyPieces, copies + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := sampleText("Old piece")
			text.Topics = []string{"Mexico"}
			f, ctx := migratedFrom(t, text, tc.queries...)
			tags, err := f.s.PublicTags(ctx, false)
			if err != nil {
				t.Fatal(err)
			}
			want := []store.Tag{{Slug: "mexico", Name: "Mexico", Count: tc.wantCount}}
			if !reflect.DeepEqual(tags, want) {
				t.Errorf("PublicTags = %+v, want %+v", tags, want)
			}
		})
	}
}

// TestPublicSearch finds published pieces by the words readers can read in them, and never by
// a draft, an unpublished piece or a newsroom comment.
func TestPublicSearch(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	text := func(title, body string) newsroom.Text {
		x := sampleText(title)
		x.Body = body
		return x
	}
	publishText(t, f, clk, text("Harbour reopens", "The harbour reopened on Monday after the storm."))
	publishText(t, f, clk, text("Storm damage counted", "Insurers counted the storm damage."))
	secret := publishText(t, f, clk, text("Council vote", "The council voted."))
	if _, err := f.s.CreateDraft(f.writer, text("Storm draft", "An unpublished storm story.")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateComment(f.editor, draftIDOf(t, f, secret), newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "council"}, Body: "Embargoed: the mayor resigns"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, want string
		wantMore          bool
	}{
		{"Word", "storm", "storm-damage-counted harbour-reopens", false},
		{"Phrase", `"storm damage"`, "storm-damage-counted", false},
		{"Title", "council", "council-vote", false},
		{"CommentsAreNotPublic", "mayor", "", false},
		{"DraftsAreNotPublic", "unpublished", "", false},
		{"Empty", "  ", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, more, err := f.s.PublicSearch(context.Background(), tt.query, 0, 10)
			var got []string
			for _, h := range hits {
				got = append(got, h.Article.Slug)
				if !strings.Contains(h.Snippet, "<mark>") {
					t.Errorf("snippet %q marks nothing", h.Snippet)
				}
			}
			if err != nil || strings.Join(got, " ") != tt.want || more != tt.wantMore {
				t.Fatalf("PublicSearch(%q) = %v, %v, %v; want %q", tt.query, got, more, err, tt.want)
			}
		})
	}
	t.Run("Paged", func(t *testing.T) {
		hits, more, err := f.s.PublicSearch(context.Background(), "storm", 0, 1)
		if err != nil || len(hits) != 1 || !more {
			t.Fatalf("first page = %d hits, more %v, %v", len(hits), more, err)
		}
		hits, more, err = f.s.PublicSearch(context.Background(), "storm", 1, 1)
		if err != nil || len(hits) != 1 || more {
			t.Fatalf("second page = %d hits, more %v, %v", len(hits), more, err)
		}
	})
}

// draftIDOf returns the id of the draft published as slug.
func draftIDOf(t *testing.T, f *newsroomFixture, slug string) int64 {
	t.Helper()
	var id int64
	if err := f.s.DB().QueryRow("SELECT draft_id FROM articles WHERE slug = $1", slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestPublicSearchFollowsPublishedText finds, excludes and ranks on the latest publication of
// each piece alone: a newsroom comment on a piece neither finds nor excludes it, a correction
// changes what finds the piece, and a piece scheduled for later is found only once it is released.
func TestPublicSearchFollowsPublishedText(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	text := func(title, body string) newsroom.Text {
		x := sampleText(title)
		x.Body = body
		return x
	}
	harbour := publishText(t, f, clk, text("Harbour reopens", "The harbour reopened after the storm."))
	comment := newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "harbour"}, Body: "Embargoed until the minister speaks."}
	if _, err := f.s.CreateComment(f.editor, draftIDOf(t, f, harbour), comment); err != nil {
		t.Fatal(err)
	}
	held, err := f.s.CreateDraft(f.writer, text("Bridge closes", "The bridge closed for repairs."))
	if err != nil {
		t.Fatal(err)
	}
	held = f.walk(t, held, newsroom.StageApproved)
	if _, err := f.s.Publish(f.editor, held.ID, clk.Now().Add(time.Hour), 0); err != nil {
		t.Fatal(err)
	}
	search := func(t *testing.T, query, want string) {
		t.Helper()
		hits, more, err := f.s.PublicSearch(context.Background(), query, 0, 10)
		var got []string
		for _, h := range hits {
			got = append(got, h.Article.Slug)
		}
		if err != nil || more || strings.Join(got, " ") != want {
			t.Errorf("PublicSearch(%q) = %v, more %v, %v; want %q", query, got, more, err, want)
		}
	}
	for _, tt := range []struct{ query, want string }{
		{"storm", harbour},
		{"harbour -embargoed", harbour},
		{"harbour embargoed", ""},
		{"harbour -storm", ""},
		{"harbour -flood", harbour},
		{"flood", ""},
		{"bridge", ""},
	} {
		search(t, tt.query, tt.want)
	}
	d, err := f.s.GetDraft(f.editor, draftIDOf(t, f, harbour))
	if err != nil {
		t.Fatal(err)
	}
	body := "The harbour reopened after the flood."
	if _, err := f.s.Correct(f.editor, harbour, newsroom.CorrectionRequest{Body: &body, Note: "It was a flood.", Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	clk.Add(2 * time.Hour)
	if _, err := f.s.ReleaseDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, want string }{
		{"storm", ""},
		{"harbour -storm", harbour},
		{"harbour -flood", ""},
		{"flood", harbour},
		{"bridge", "bridge-closes"},
	} {
		search(t, tt.query, tt.want)
	}
}

// migratedFrom publishes text, rewrites its rows with queries as an earlier version of Copydesk
// wrote them, and migrates the store as an upgrade would, every backfill to run again.
func migratedFrom(t *testing.T, text newsroom.Text, queries ...string) (*newsroomFixture, context.Context) {
	t.Helper()
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	publishText(t, f, clk, text)
	for _, q := range append(queries, "DELETE FROM backfills") {
		if _, err := f.s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	if _, err := f.s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return f, ctx
}
