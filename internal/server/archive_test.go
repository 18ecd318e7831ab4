package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// The topics and bylines seedPublished deals out to its pieces.
var (
	seedTopics  = []string{"Mexico", "Climate change", "Elections", "Health", "Trade", "Courts", "Energy"}
	seedBylines = []string{"Sarah Johnson", "Ana Pérez", "Otto Weiß", "Lee Min", "Ravi Rao"}
)

// seedPublished writes n published pieces straight into the database (see seedPieces), one
// minute apart and ending an hour before the app's clock: piece i (from 1, the oldest) is
// "Piece i", slug "piece-i", by seedBylines[i%5], on seedTopics[i%7] and [(i+3)%7].
func seedPublished(t testing.TB, a *testApp, n int) {
	t.Helper()
	start := a.clock.Now().UTC().Add(-time.Hour - time.Duration(n)*time.Minute).Truncate(time.Second)
	pieces := make([]seedPiece, n)
	for i := 1; i <= n; i++ {
		pieces[i-1] = seedPiece{Title: fmt.Sprintf("Piece %d", i), Byline: seedBylines[i%len(seedBylines)],
			Topics: []string{seedTopics[i%len(seedTopics)], seedTopics[(i+3)%len(seedTopics)]}, At: start.Add(time.Duration(i) * time.Minute)}
	}
	seedPieces(t, a, pieces)
}

// seedPiece is one piece seedPieces publishes: its title (its slug is publish.Slug's of it),
// byline, topics and the time it was published.
type seedPiece struct {
	Title, Byline string
	Topics        []string
	At            time.Time
}

// seedPieces writes pieces straight into the database as published, row for row what
// publishing writes. It then forgets that the backfills have run and migrates, which maps them
// to their topics and authors as it does for pieces published before that map existed.
// Publishing a thousand pieces through the workflow would take minutes.
func seedPieces(t testing.TB, a *testApp, pieces []seedPiece) {
	t.Helper()
	ctx := context.Background()
	tx, err := a.store.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	writer, editor := a.users["writer"].ID, a.users["editor"].ID
	for i, p := range pieces {
		topics, _ := json.Marshal(p.Topics)
		text := newsroom.Text{Title: p.Title, Byline: p.Byline, Brief: "The brief of " + p.Title + ".", Body: "The body of " + p.Title + ".", Topics: []string{}}
		var draft, article, pub int64
		err := tx.QueryRowContext(ctx, `INSERT INTO drafts (writer_id, title, byline, brief, body, topics, stage, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, 'published', 1, $7, $7) RETURNING id`, writer, p.Title, p.Byline, text.Brief, text.Body, string(topics), p.At).Scan(&draft)
		if err == nil {
			err = tx.QueryRowContext(ctx, `INSERT INTO articles (draft_id, slug, first_published_at) VALUES ($1, $2, $3) RETURNING id`,
				draft, publish.Slug(p.Title), p.At).Scan(&article)
		}
		if err == nil {
			err = tx.QueryRowContext(ctx, `INSERT INTO publications (article_id, number, revision_version, title, byline, brief, body, topics,
				editor_comment, published_at, published_by, content_hash) VALUES ($1, 1, 1, $2, $3, $4, $5, $6, '', $7, $8, $9) RETURNING id`,
				article, p.Title, p.Byline, text.Brief, text.Body, string(topics), p.At, editor, store.ArticleOf(text).ContentHash()).Scan(&pub)
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE articles SET latest_publication_id = $1 WHERE id = $2`, pub, article)
		}
		if err != nil {
			t.Fatalf("seed piece %d: %v", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM backfills`); err != nil {
		t.Fatal(err)
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

// TestArchiveWithinAFewClicks publishes 1,000 pieces and walks the archive's own pages only
// (the front page and /page/N, as a reader or a crawler does for pieces with no topic, or of a
// newsroom with one writer): every piece is within a few clicks of the front page, not at the
// end of a chain of 34 "Older briefs" links.
func TestArchiveWithinAFewClicks(t *testing.T) {
	const n, fewClicks = 1000, 4
	a := newTestApp(t)
	seedPublished(t, a, n)
	clicks := map[string]int{"/": 0}
	queue := []string{"/"}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		res := a.do("", "GET", path, "")
		wantStatus(t, res, 200)
		if strings.HasPrefix(path, "/articles/") {
			continue
		}
		for _, m := range hrefs.FindAllStringSubmatch(res.Body.String(), -1) {
			next := m[1]
			if _, seen := clicks[next]; !seen && (strings.HasPrefix(next, "/page/") || strings.HasPrefix(next, "/articles/")) {
				clicks[next] = clicks[path] + 1
				queue = append(queue, next)
			}
		}
	}
	for i := 1; i <= n; i++ {
		path := fmt.Sprintf("/articles/piece-%d", i)
		if c, ok := clicks[path]; !ok || c > fewClicks {
			t.Fatalf("%s is %d clicks from the front page (reached: %v), want at most %d", path, c, ok, fewClicks)
		}
	}
	var pages []conformance.Doc
	for _, path := range []string{"/", "/page/17", "/page/34"} {
		pages = append(pages, conformance.Doc{Name: path, Body: a.do("", "GET", path, "").Body.Bytes()})
	}
	conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, pages...))
}

// TestArchivePages pages the archive, a topic and an author, 30 pieces a page, over 65 pieces
// (piece 65 the newest): the first page asked for as /page/1 moves to the listing's own path,
// pages past the end and malformed page numbers are not found, and each page links its
// neighbours in its head and its body.
func TestArchivePages(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 65)
	tests := []struct {
		name, path   string
		status       int
		want         []string
		wantLocation string
	}{
		{"Front", "/", 200, []string{`<link rel="next" href="/page/2">`, `<a rel="next" href="/page/2">Older briefs</a>`, "Piece 65", "Piece 36"}, ""},
		{"Page2", "/page/2", 200, []string{`<link rel="prev" href="/">`, `<link rel="next" href="/page/3">`, "Newer briefs", "Piece 35", "Piece 6", "Briefs, page 2"}, ""},
		{"LastPage", "/page/3", 200, []string{`<link rel="prev" href="/page/2">`, "Piece 5", "Piece 1<"}, ""},
		{"PastTheEnd", "/page/4", 404, nil, ""},
		{"Page1", "/page/1", 301, nil, "/"},
		{"PageZero", "/page/0", 404, nil, ""},
		{"LeadingZero", "/page/02", 404, nil, ""},
		{"NotANumber", "/page/two", 404, nil, ""},
		// Pieces 1, 4, 7… are on Mexico (i%7 == 0 or (i+3)%7 == 0): 18 of the 65.
		{"Topic", "/topics/mexico", 200, []string{"Topic: Mexico", `href="/topics/mexico/feed.atom"`, "Piece 63", "Piece 4<"}, ""},
		{"TopicPage1", "/topics/mexico/page/1", 301, nil, "/topics/mexico"},
		{"TopicPastTheEnd", "/topics/mexico/page/2", 404, nil, ""},
		{"UnknownTopic", "/topics/atlantis", 404, nil, ""},
		{"EscapedSlug", "/topics/mexic%6F", 200, []string{"Topic: Mexico"}, ""},
		{"Author", "/authors/ana-perez", 200, []string{"By Ana Pérez", `href="/authors/ana-perez/feed.atom"`, "Piece 61", "Piece 1<"}, ""},
		{"UnknownAuthor", "/authors/nobody", 404, nil, ""},
		{"Topics", "/topics", 200, []string{`<a href="/topics/climate-change" dir="auto">Climate change</a> (19)`, `<a href="/topics/mexico" dir="auto">Mexico</a> (18)`}, ""},
		{"Authors", "/authors", 200, []string{`<a href="/authors/otto-weiss" dir="auto">Otto Weiß</a> (13)`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("", "GET", tt.path, "")
			wantStatus(t, res, tt.status)
			body := res.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", tt.path, w)
				}
			}
			if tt.wantLocation != "" && res.Header().Get("Location") != tt.wantLocation {
				t.Errorf("Location = %q, want %q", res.Header().Get("Location"), tt.wantLocation)
			}
		})
	}
	t.Run("LinksInArticles", func(t *testing.T) {
		res := a.do("", "GET", "/articles/piece-1", "")
		wantStatus(t, res, 200)
		for _, w := range []string{`<a href="/topics/climate-change">Climate change</a>`, `<a href="/topics/trade">Trade</a>`, `<a href="/authors/ana-perez">Ana Pérez</a>`} {
			if !strings.Contains(res.Body.String(), w) {
				t.Errorf("the article lacks %q", w)
			}
		}
	})
	t.Run("Cached", func(t *testing.T) {
		first := a.do("", "GET", "/topics/mexico", "")
		etag := first.Header().Get("ETag")
		res := a.send("", "GET", "/topics/mexico", "", "", map[string][]string{"If-None-Match": {etag}})
		if etag == "" || res.Code != 304 {
			t.Fatalf("ETag %q, revalidation = %d", etag, res.Code)
		}
	})
}

// TestTopicFeeds serves each topic's and author's newest pieces as an Atom feed of its own.
func TestTopicFeeds(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 10)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/topics/mexico/feed.atom", 200, []string{"<title>Copydesk: Mexico</title>", `<link rel="self" type="application/atom+xml" href="/topics/mexico/feed.atom">`, "<title type=\"text\">Piece 7</title>"}},
		{"/authors/sarah-johnson/feed.atom", 200, []string{"<title>Copydesk: Sarah Johnson</title>", "Piece 10", "Piece 5"}},
		{"/topics/atlantis/feed.atom", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := a.do("", "GET", tt.path, "")
			wantStatus(t, res, tt.status)
			for _, w := range tt.want {
				if !strings.Contains(res.Body.String(), w) {
					t.Errorf("lacks %q:\n%s", w, res.Body.String())
				}
			}
			if tt.status == 200 && strings.Contains(res.Body.String(), "Piece 3<") {
				t.Errorf("lists a piece of another topic or author")
			}
		})
	}
}

// TestArchiveFollowsPublishing lists a piece on its author's page, and on the front page the
// next reader sees, as soon as it is published.
func TestArchiveFollowsPublishing(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 3)
	wantStatus(t, a.do("", "GET", "/", ""), 200)
	wantStatus(t, a.do("", "GET", "/authors/sarah-johnson", ""), 404)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{}`), 200)
	for _, path := range []string{"/", "/authors/sarah-johnson"} {
		res := a.do("", "GET", path, "")
		wantStatus(t, res, 200)
		if !strings.Contains(res.Body.String(), "Sheinbaum Rejects") {
			t.Errorf("%s lacks the piece just published", path)
		}
	}
}

// TestFeedsCarryNewestPieces: the site's feed and each topic's and author's carry their 15
// newest pieces, newest first, each whole, whatever the length of the page listing them.
func TestFeedsCarryNewestPieces(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 80)
	// Piece i has topics i and i+3 of seedTopics (7 of them) and byline i of seedBylines (5).
	inTopic := func(i int) bool { return i%7 == 0 || (i+3)%7 == 0 }
	byAuthor := func(i int) bool { return i%5 == 1 }
	for _, tt := range []struct {
		path   string
		listed func(int) bool
	}{
		{"/feed.atom", func(int) bool { return true }},
		{"/topics/mexico/feed.atom", inTopic},
		{"/authors/ana-perez/feed.atom", byAuthor},
	} {
		t.Run(tt.path, func(t *testing.T) {
			res := a.do("", "GET", tt.path, "")
			wantStatus(t, res, http.StatusOK)
			var feed struct {
				Entries []struct {
					Title   string `xml:"title"`
					Content string `xml:"content"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(res.Body.Bytes(), &feed); err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := 80; i > 0 && len(want) < 15; i-- {
				if tt.listed(i) {
					want = append(want, fmt.Sprintf("Piece %d", i))
				}
			}
			var got []string
			for _, e := range feed.Entries {
				got = append(got, e.Title)
				if !strings.Contains(e.Content, "The body of "+e.Title+".") {
					t.Errorf("%s: the entry's content is not the whole piece: %q", e.Title, e.Content)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("entries %q, want %q", got, want)
			}
		})
	}
}

// TestSymbolTopicsHaveTheirOwnPages publishes pieces whose topics have no letter or digit ("🔥",
// "..", "—") beside one on "Article": a reader who follows each topic's link from its article
// reaches a page of that topic alone, and the index of topics lists each once.
func TestSymbolTopicsHaveTheirOwnPages(t *testing.T) {
	a := newTestApp(t)
	topics := []string{"🔥", "..", "—", "Article"}
	slugs := map[string]string{}
	for i, topic := range topics {
		title := fmt.Sprintf("Piece on topic %d", i)
		d := importAndApprove(t, a, housePiece(title, "Tom Reed", "A brief.", []string{"A brief."}, []string{topic}, ""))
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
		wantStatus(t, res, 200)
		slugs[topic] = decode[pubResponse](t, res).Slug
	}
	index := a.do("", "GET", "/topics", "")
	wantStatus(t, index, 200)
	for _, topic := range topics {
		t.Run(topic, func(t *testing.T) {
			article := a.do("", "GET", "/articles/"+slugs[topic], "")
			wantStatus(t, article, 200)
			link := regexp.MustCompile(`<a href="([^"]+)">` + regexp.QuoteMeta(html.EscapeString(topic)) + `</a>`).FindStringSubmatch(article.Body.String())
			if link == nil {
				t.Fatalf("the article does not link its topic %q", topic)
			}
			u, err := url.Parse(html.UnescapeString(link[1]))
			if err != nil {
				t.Fatal(err)
			}
			path := u.EscapedPath()
			page := a.do("", "GET", path, "")
			wantStatus(t, page, 200)
			body := page.Body.String()
			if !strings.Contains(body, "<h1>Topic: "+html.EscapeString(topic)+"</h1>") {
				t.Errorf("%s, the page of %q, is headed %q", path, topic, regexp.MustCompile(`<h1>[^<]*</h1>`).FindString(body))
			}
			if n := strings.Count(body, `class="brief"`); n != 1 || !strings.Contains(body, slugs[topic]) {
				t.Errorf("%s lists %d pieces, want only %s", path, n, slugs[topic])
			}
			if n := strings.Count(index.Body.String(), ">"+html.EscapeString(topic)+"</a> (1)"); n != 1 {
				t.Errorf("/topics lists %q with one piece %d times", topic, n)
			}
		})
	}
}

// TestTopicIndexWithoutTopics holds the index of topics to what it lists: once a piece without
// topics is published, an empty index says that no piece has a topic, not that nothing has been
// published, which the reader can see is untrue from the front page.
func TestTopicIndexWithoutTopics(t *testing.T) {
	a := newTestApp(t)
	d := importAndApprove(t, a, housePiece("Ferry sails", "Tom Reed", "A brief.", []string{"The ferry sailed."}, nil, ""))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), 200)
	for _, tt := range []struct{ path, want, notWant string }{
		{"/topics", "No published piece has a topic yet.", "Nothing has been published yet."},
		{"/authors", `Tom Reed</a> (1)`, "Nothing has been published yet."},
	} {
		t.Run(tt.path, func(t *testing.T) {
			res := a.do("", "GET", tt.path, "")
			wantStatus(t, res, 200)
			if body := res.Body.String(); !strings.Contains(body, tt.want) || strings.Contains(body, tt.notWant) {
				t.Errorf("%s says %q, want %q", tt.path, regexp.MustCompile(`(?s)<main[^>]*>.*</main>`).FindString(body), tt.want)
			}
		})
	}
}
