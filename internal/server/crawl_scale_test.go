package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
)

// scaleTopics are topics a newsroom's pieces carry that a slug or a URL finds hard: spellings
// of one topic in NFC, NFD and capitals, emoji and punctuation alone, marks that end a name,
// letters that change length when lowercased, other scripts, compatibility characters, an
// invisible space, markup, and one longer than a slug.
var scaleTopics = []string{
	"Café", "Cafe\u0301", "CAFÉ", "🌍", "🌍🔥", "..", "C++", "C#", "C", "İstanbul", "Straße", "STRASSE",
	"AC/DC", "100%", "Q&A", "a?b#c", "Ελλάδα", "مصر", "東京", "हिन्दी", "ǅemal", "zero\u200bwidth",
	"ﬁnance", "Ｆｕｌｌ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", `R&D <script>"x"</script>`, "Ünïcödé Ñews", "50%2F50",
	strings.Repeat("Very long topic words ", 12),
}

// scaleBylines are the bylines the seeded pieces are dealt.
var scaleBylines = []string{"Ana Pérez", "Otto Weiß", "李雷", "Zoë O’Brien", "ǅemal Đokić", "Sarah Johnson"}

// scaleNewsroom publishes, besides buildNewsroom's pieces, n seeded ones over seven years,
// seven to a second; two in three share the topic "Elections", and each has one of scaleTopics.
// It returns the slug of every public piece.
func scaleNewsroom(t *testing.T, a *testApp, n int) []string {
	t.Helper()
	published := buildNewsroom(t, a, 0).published
	start := a.clock.Now().UTC().Add(-2600 * 24 * time.Hour).Truncate(time.Second)
	pieces := make([]seedPiece, n)
	for i := range pieces {
		topics := []string{scaleTopics[i%len(scaleTopics)]}
		if i%3 != 0 {
			topics = append(topics, "Elections")
		}
		title := fmt.Sprintf("Scale piece %d", i+1)
		pieces[i] = seedPiece{Title: title, Byline: scaleBylines[i%len(scaleBylines)], Topics: topics, At: start.Add(time.Duration(i/7) * 6 * 24 * time.Hour)}
		published = append(published, fmt.Sprintf("scale-piece-%d", i+1))
	}
	seedPieces(t, a, pieces)
	return published
}

// anchorLinks are the targets of an HTML page's a elements.
var anchorLinks = regexp.MustCompile(`<a [^>]*href="([^"]+)"`)

// crawlAnchors crawls the public site from start as a reader's browser would, following the
// href of every a element of every HTML page, and fails the test for any link of the site's own
// that does not answer 200. It returns what it reached, and the page that took the most CPU time
// and how much: on a machine other work loads, that says what a page costs better than the
// time it took does.
func crawlAnchors(t *testing.T, a *testApp, start string) (crawled, string, time.Duration) {
	t.Helper()
	c := crawled{depth: map[string]int{start: 0}, bodies: map[string]string{}, types: map[string]string{}}
	queue := []string{start}
	var slowest string
	var worst time.Duration
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		began := cputime.Used(t)
		res := a.do("", "GET", path, "")
		if took := cputime.Used(t) - began; took > worst {
			slowest, worst = path, took
		}
		if res.Code != http.StatusOK {
			t.Errorf("%s (%d links from %s): %d %s, want 200", path, c.depth[path], start, res.Code, res.Header().Get("Location"))
			continue
		}
		body := res.Body.String()
		c.bodies[path], c.types[path] = body, res.Header().Get("Content-Type")
		if !strings.HasPrefix(c.types[path], "text/html") {
			continue
		}
		for _, l := range submatches(anchorLinks, body) {
			if link, ok := sitePath(l); ok && !strings.HasPrefix(link, "/search") {
				if _, seen := c.depth[link]; !seen {
					c.depth[link] = c.depth[path] + 1
					queue = append(queue, link)
				}
			}
		}
	}
	return c, slowest, worst
}

// listed is the article paths a listing's pages list, page by page, from its first page on.
func listed(t *testing.T, a *testApp, first string) [][]string {
	t.Helper()
	var pages [][]string
	for n := 1; ; n++ {
		path := first
		if n > 1 {
			path = strings.TrimSuffix(first, "/") + fmt.Sprintf("/page/%d", n)
		}
		res := a.do("", "GET", path, "")
		if res.Code == http.StatusNotFound && n > 1 {
			return pages
		}
		wantStatus(t, res, http.StatusOK)
		var page []string
		for _, l := range submatches(anchorLinks, res.Body.String()) {
			if link, ok := sitePath(l); ok && crawlArticle.MatchString(link) && !slices.Contains(page, link) {
				page = append(page, link)
			}
		}
		pages = append(pages, page)
	}
}

// TestPublicCrawlAtScale publishes 3,000 pieces over seven years, seven to a second, two
// thousand on one topic and the rest spread over topics with awkward names, besides
// buildNewsroom's (corrected, scheduled, taken back, spiked), and reads the public site as an
// outside tester would: from the front page by its links alone every public piece is reached
// within a few pages and no link fails; the sitemaps list each public piece once and nothing
// else; the archive's and the big topic's pages, and the read API's pages by their cursors, list
// each of their pieces once, with no gap where pieces share a second; the feed lists the newest
// pieces; and no page takes 100 ms of CPU time.
func TestPublicCrawlAtScale(t *testing.T) {
	a := crawlApp(t)
	published := scaleNewsroom(t, a, 3000)
	live := map[string]bool{}
	for _, slug := range published {
		live[slug] = true
	}

	c, slowest, worst := crawlAnchors(t, a, "/")
	const most = 6
	deepest := 0
	reached := c.articles()
	for slug := range live {
		d, ok := reached[slug]
		switch {
		case !ok:
			t.Errorf("/articles/%s was not reached from the front page by its links", slug)
		case d > most:
			t.Errorf("/articles/%s is %d links from the front page, more than %d", slug, d, most)
		}
		deepest = max(deepest, d)
	}
	if got := len(reached); got != len(live) {
		t.Errorf("the crawl reached %d articles, %d are public", got, len(live))
	}
	c.canonicalAgrees(t)
	c.countsAgree(t)
	if worst > 100*time.Millisecond {
		t.Errorf("the costliest page, %s, took %v of CPU time", slowest, worst)
	}
	t.Logf("the crawl reached %d pages, %d articles, the deepest %d links away; the costliest page %s took %v of CPU time", len(c.depth), len(c.articles()), deepest, slowest, worst)

	t.Run("Sitemaps", func(t *testing.T) {
		seen := map[string]int{}
		index := a.do("", "GET", "/sitemap.xml", "")
		wantStatus(t, index, http.StatusOK)
		for _, part := range submatches(crawlSitemapLoc, index.Body.String()) {
			p, _ := sitePath(part)
			res := a.do("", "GET", p, "")
			wantStatus(t, res, http.StatusOK)
			for _, loc := range submatches(crawlSitemapLoc, res.Body.String()) {
				u, err := url.Parse(loc)
				if err != nil {
					t.Fatalf("%s lists %q: %v", p, loc, err)
				}
				seen[strings.TrimPrefix(u.Path, "/articles/")]++
			}
		}
		for p := range live {
			if seen[p] != 1 {
				t.Errorf("the sitemaps list /articles/%s %d times", p, seen[p])
			}
		}
		for p, n := range seen {
			if !live[p] {
				t.Errorf("the sitemaps list /articles/%s (%d times), which is not public", p, n)
			}
		}
	})

	t.Run("Pagination", func(t *testing.T) {
		for _, first := range []string{"/", "/topics/elections"} {
			pages := listed(t, a, first)
			seen := map[string]bool{}
			for n, page := range pages {
				for _, p := range page {
					if seen[p] {
						t.Errorf("%s: page %d lists %s again", first, n+1, p)
					}
					seen[p] = true
				}
			}
			want := len(live)
			if first != "/" {
				want = 2001 // the seeded pieces and buildNewsroom's "Polls Close at Eight"
			}
			if len(seen) != want {
				t.Errorf("%s: %d pages list %d pieces, want %d", first, len(pages), len(seen), want)
			}
		}
	})

	t.Run("APICursor", func(t *testing.T) {
		seen := map[string]int{}
		for next := "/api/v1/articles"; next != ""; {
			res := a.do("", "GET", next, "")
			wantStatus(t, res, http.StatusOK)
			page := decode[struct {
				Items []struct{ Slug string } `json:"items"`
				Next  string                  `json:"next"`
			}](t, res)
			for _, it := range page.Items {
				seen[it.Slug]++
			}
			next = strings.TrimPrefix(page.Next, crawlBase)
		}
		for slug := range live {
			if seen[slug] != 1 {
				t.Errorf("the read API's pages list %s %d times", slug, seen[slug])
			}
		}
		if len(seen) != len(live) {
			t.Errorf("the read API's pages list %d pieces, %d are public", len(seen), len(live))
		}
	})

	t.Run("Feed", func(t *testing.T) {
		rows, err := a.store.DB().QueryContext(context.Background(),
			`SELECT slug FROM articles WHERE latest_publication_id IS NOT NULL ORDER BY first_published_at DESC, id DESC LIMIT 15`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var want []string
		for rows.Next() {
			var slug string
			if err := rows.Scan(&slug); err != nil {
				t.Fatal(err)
			}
			want = append(want, crawlBase+(&url.URL{Path: "/articles/" + slug}).EscapedPath())
		}
		res := a.do("", "GET", "/feed.atom", "")
		wantStatus(t, res, http.StatusOK)
		var got []string
		for _, m := range regexp.MustCompile(`<link rel="alternate"[^>]*href="([^"]+/articles/[^"]+)"`).FindAllStringSubmatch(res.Body.String(), -1) {
			got = append(got, m[1])
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("the feed lists %v, want the newest %v", got, want)
		}
	})
}
