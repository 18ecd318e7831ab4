package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// The topics and bylines seedPublished deals out to its pieces.
var (
	seedTopics  = []string{"Mexico", "Climate change", "Elections", "Health", "Trade", "Courts", "Energy"}
	seedBylines = []string{"Sarah Johnson", "Ana Pérez", "Otto Weiß", "Lee Min", "Ravi Rao"}
)

// seedPublished writes n published pieces straight into the database, row for row what
// publishing writes, one minute apart and ending an hour before the app's clock: piece i (from
// 1, the oldest) is "Piece i", slug "piece-i", by seedBylines[i%5], on seedTopics[i%7] and
// [(i+3)%7]. It then migrates, which maps them to their topics and authors as it does for pieces
// published before that map existed. Publishing a thousand pieces through the workflow would
// take minutes.
func seedPublished(t testing.TB, a *testApp, n int) {
	t.Helper()
	ctx := context.Background()
	tx, err := a.store.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	writer, editor := a.users["writer"].ID, a.users["editor"].ID
	start := a.clock.Now().UTC().Add(-time.Hour - time.Duration(n)*time.Minute).Truncate(time.Second)
	for i := 1; i <= n; i++ {
		at := start.Add(time.Duration(i) * time.Minute)
		title, byline := fmt.Sprintf("Piece %d", i), seedBylines[i%len(seedBylines)]
		topics, _ := json.Marshal([]string{seedTopics[i%len(seedTopics)], seedTopics[(i+3)%len(seedTopics)]})
		text := newsroom.Text{Title: title, Byline: byline, Brief: "The brief of " + title + ".", Body: "The body of " + title + ".", Topics: []string{}}
		var draft, article, pub int64
		err := tx.QueryRowContext(ctx, `INSERT INTO drafts (writer_id, title, byline, brief, body, topics, stage, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, 'published', 1, $7, $7) RETURNING id`, writer, title, byline, text.Brief, text.Body, string(topics), at).Scan(&draft)
		if err == nil {
			err = tx.QueryRowContext(ctx, `INSERT INTO articles (draft_id, slug, first_published_at) VALUES ($1, $2, $3) RETURNING id`,
				draft, publish.Slug(title), at).Scan(&article)
		}
		if err == nil {
			err = tx.QueryRowContext(ctx, `INSERT INTO publications (article_id, number, revision_version, title, byline, brief, body, topics,
				editor_comment, published_at, published_by, content_hash) VALUES ($1, 1, 1, $2, $3, $4, $5, $6, '', $7, $8, $9) RETURNING id`,
				article, title, byline, text.Brief, text.Body, string(topics), at, editor, store.ArticleOf(text).ContentHash()).Scan(&pub)
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE articles SET latest_publication_id = $1 WHERE id = $2`, pub, article)
		}
		if err != nil {
			t.Fatalf("seed piece %d: %v", i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
}

// hrefs are the targets of a page's links.
var hrefs = regexp.MustCompile(`<a [^>]*href="([^"]+)"`)

// TestArchiveReachesEverything publishes 1,000 pieces and crawls the public site from the front
// page, following every same-site link as a search engine would: every piece is reached, and
// the sitemap lists every one.
func TestArchiveReachesEverything(t *testing.T) {
	const n = 1000
	a := newTestApp(t)
	seedPublished(t, a, n)
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	reached := map[string]bool{}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		res := a.do("", "GET", path, "")
		wantStatus(t, res, 200)
		if slug, ok := strings.CutPrefix(path, "/articles/"); ok {
			reached[slug] = true
		}
		for _, m := range hrefs.FindAllStringSubmatch(res.Body.String(), -1) {
			next := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	listed := map[string]bool{}
	sitemap := a.do("", "GET", "/sitemap.xml", "")
	wantStatus(t, sitemap, 200)
	for _, m := range regexp.MustCompile(`<loc>[^<]*/articles/([^<]+)</loc>`).FindAllStringSubmatch(sitemap.Body.String(), -1) {
		listed[m[1]] = true
	}
	for i := 1; i <= n; i++ {
		slug := fmt.Sprintf("piece-%d", i)
		if !reached[slug] || !listed[slug] {
			t.Fatalf("%s: reached %v, in the sitemap %v (%d reached, %d listed, %d pages crawled)", slug, reached[slug], listed[slug], len(reached), len(listed), len(seen))
		}
	}
	t.Logf("%d pages crawled", len(seen))
}
