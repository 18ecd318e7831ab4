package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// crawlBase is the base URL of the newsroom the crawl tests walk.
const crawlBase = "https://news.example.org"

// The links a crawler follows, by where they are written: an HTML page's a and link elements,
// an Atom feed's links, a sitemap's locations and robots.txt's sitemaps.
var (
	crawlHTMLLinks  = regexp.MustCompile(`<(?:a|link) [^>]*href="([^"]+)"`)
	crawlAtomLinks  = regexp.MustCompile(`<link [^>]*href="([^"]+)"`)
	crawlSitemapLoc = regexp.MustCompile(`<loc>([^<]+)</loc>`)
	crawlRobots     = regexp.MustCompile(`(?m)^Sitemap: (\S+)$`)
	crawlArticle    = regexp.MustCompile(`^/articles/([^/.]+)$`)
)

// crawled is what a crawl found: each path it reached, with the fewest links followed to reach
// it, and each page's body.
type crawled struct {
	depth  map[string]int
	bodies map[string]string
	types  map[string]string // each page's content type
}

// crawlSite follows every link within the site from start, through HTML pages, Atom feeds,
// sitemaps, robots.txt and the read API's JSON, and fails the test for any link of the site's
// own that does not answer 200: a link that redirects is a link written wrong.
func crawlSite(t *testing.T, a *testApp, start ...string) crawled {
	t.Helper()
	c := crawled{depth: map[string]int{}, bodies: map[string]string{}, types: map[string]string{}}
	queue := append([]string(nil), start...)
	for _, p := range start {
		c.depth[p] = 0
	}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		res := a.do("", "GET", path, "")
		if res.Code != http.StatusOK {
			t.Errorf("%s (%d links from the start): %d %s, want 200", path, c.depth[path], res.Code, res.Header().Get("Location"))
			continue
		}
		body := res.Body.String()
		c.bodies[path] = body
		ct := res.Header().Get("Content-Type")
		c.types[path] = ct
		var links []string
		switch {
		case strings.HasPrefix(ct, "text/html"):
			links = submatches(crawlHTMLLinks, body)
		case strings.HasPrefix(ct, "application/atom+xml"):
			links = submatches(crawlAtomLinks, body)
		case strings.HasPrefix(ct, "application/xml"):
			links = submatches(crawlSitemapLoc, body)
		case path == "/robots.txt":
			links = submatches(crawlRobots, body)
		case strings.HasPrefix(ct, "application/json"):
			links = jsonLinks(body)
		}
		for _, l := range links {
			link, ok := sitePath(l)
			if !ok {
				continue
			}
			if _, seen := c.depth[link]; !seen {
				c.depth[link] = c.depth[path] + 1
				queue = append(queue, link)
			}
		}
	}
	return c
}

// submatches lists the first group of each match of re in s, unescaped as HTML and XML escape.
func submatches(re *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// jsonLinks lists every string in a JSON document that is a URL of the site.
func jsonLinks(body string) []string {
	var v any
	if json.Unmarshal([]byte(body), &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if strings.HasPrefix(v, crawlBase+"/") {
				out = append(out, v)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// sitePath is the path and query of a link to a public page of the site, and whether it is one
// (the newsroom's own pages and static files are not).
func sitePath(link string) (string, bool) {
	link, _, _ = strings.Cut(link, "#")
	if rest, ok := strings.CutPrefix(link, crawlBase); ok {
		link = rest
	}
	if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") {
		return "", false
	}
	for _, p := range []string{"/static/", "/login", "/images/"} {
		if strings.HasPrefix(link, p) {
			return "", false
		}
	}
	return link, true
}

// articles maps the slug of every article page the crawl reached to its depth.
func (c crawled) articles() map[string]int {
	out := map[string]int{}
	for p, d := range c.depth {
		if m := crawlArticle.FindStringSubmatch(p); m != nil {
			slug, err := url.PathUnescape(m[1])
			if err != nil {
				slug = m[1]
			}
			out[slug] = d
		}
	}
	return out
}

// newsroomFixture is a newsroom of many published pieces, and of pieces readers must not see.
type newsroomFixture struct {
	published []string // the slug of every public piece
	hidden    []string // words that only pieces readers must not see carry
	hiddenAt  []string // the paths the pieces readers must not see would be at
}

// buildNewsroom publishes, besides n seeded pieces, pieces through the workflow with
// non-Latin and duplicate titles, at the same instant, across years and time zones, and a
// correction; and leaves pieces scheduled, approved, spiked and scheduled then taken back.
func buildNewsroom(t *testing.T, a *testApp, n int) newsroomFixture {
	t.Helper()
	var f newsroomFixture
	seedPublished(t, a, n)
	for i := 1; i <= n; i++ {
		f.published = append(f.published, fmt.Sprintf("piece-%d", i))
	}
	publishAt := func(title, byline, topic, at string) string {
		d := importAndApprove(t, a, housePiece(title, byline, "What "+title+" is about.", []string{"The body of " + title + "."}, []string{topic}, ""))
		body := ""
		if at != "" {
			body = `{"at":"` + at + `"}`
		}
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), body)
		wantStatus(t, res, 200)
		slug := decode[pubResponse](t, res).Slug
		f.published = append(f.published, slug)
		return slug
	}
	same := a.clock.Now().Add(-30 * time.Minute).UTC().Format(time.RFC3339)
	for _, title := range []string{"Council Approves Budget", "Council Approves Budget", "Council Approves Budget"} {
		publishAt(title, "Ana Pérez", "City Hall", same)
	}
	publishAt("New Year Fireworks Draw Crowds", "Otto Weiß", "Culture", "2023-12-31T23:30:00-05:00")
	publishAt("First Baby of the Year", "Lee Min", "Health", "2024-01-01T00:15:00+09:00")
	publishAt("An Old Story From 2019", "Ravi Rao", "Archive Finds", "2019-06-01T12:00:00Z")
	for _, p := range [][2]string{
		{"北京发布新的空气质量规定", "王芳"},
		{"المجلس يوافق على خطة المقاهي", "سارة أحمد"},
		{"Η Βουλή ψηφίζει τον προϋπολογισμό", "Νίκος Παππάς"},
		{"Дума приняла бюджет", "Ольга Смирнова"},
		{"東京で新しい図書館が開館", "佐藤花子"},
		{"दिल्ली में नई मेट्रो लाइन", "राहुल शर्मा"},
	} {
		publishAt(p[0], p[1], p[0], "")
	}
	released := importAndApprove(t, a, housePiece("Polls Close at Eight", "Ravi Rao", "When the polls close.", []string{"The body."}, []string{"Elections"}, ""))
	soon := a.clock.Now().Add(time.Minute).UTC().Format(time.RFC3339)
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", released.ID), `{"at":"`+soon+`"}`)
	wantStatus(t, res, 200)
	f.published = append(f.published, decode[pubResponse](t, res).Slug)
	a.clock.Add(2 * time.Minute)
	if n, err := a.store.ReleaseDue(context.Background()); n != 1 || err != nil {
		t.Fatalf("ReleaseDue = %d, %v; want 1", n, err)
	}
	corrected := publishAt("Bridge Opens Early", "Lee Min", "Roads", "")
	a.clock.Add(time.Minute)
	wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+corrected+"/corrections", `{"note":"The bridge opened three weeks early, not two."}`), http.StatusCreated)

	hide := func(word string) newsroom.Draft {
		f.hidden = append(f.hidden, word)
		title := "Hidden " + word
		f.hiddenAt = append(f.hiddenAt, "/articles/hidden-"+strings.ToLower(word), "/topics/"+strings.ToLower(word), "/authors/"+strings.ToLower(word)+"-byline")
		return importAndApprove(t, a, housePiece(title, word+" Byline", "The brief of "+word+".", []string{"The body of " + word + "."}, []string{word}, ""))
	}
	later := a.clock.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", hide("Embargoqx").ID), `{"at":"`+later+`"}`), 200)
	hide("Heldqx")
	spiked := hide("Spikedqx")
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", spiked.ID), `{"action":"spike"}`), 200)
	withdrawn := hide("Withdrawnqx")
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", withdrawn.ID), `{"at":"`+later+`"}`), 200)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", withdrawn.ID), `{"action":"unschedule"}`), 200)
	return f
}

// crawlApp is a test app serving the public site at crawlBase, with sitemaps of 100 pieces, so
// that a newsroom of a few hundred has an index of them, as one of 50,000 has.
func crawlApp(t *testing.T) *testApp {
	t.Helper()
	a := newTestApp(t)
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SitemapURLs: 100,
		Site: newsroom.SiteSettings{Name: "Copydesk", BaseURL: crawlBase, Language: "en"}})
	return a
}

// TestPublicCrawl builds a newsroom of a few hundred pieces and crawls its public site from the
// front page, following every link of every kind: every published piece is reached within a
// few links, from the front page and from the sitemap alone; every link of the site's own
// answers 200; and nothing readers must not see (scheduled, approved, spiked, taken back)
// is reached or named anywhere: pages, feeds, sitemaps, search, JSON, counts.
func TestPublicCrawl(t *testing.T) {
	a := crawlApp(t)
	f := buildNewsroom(t, a, 300)

	front := crawlSite(t, a, "/")
	reached := front.articles()
	const most = 4
	for _, slug := range f.published {
		d, ok := reached[slug]
		switch {
		case !ok:
			t.Errorf("/articles/%s was not reached from the front page", slug)
		case d > most:
			t.Errorf("/articles/%s is %d links from the front page, more than %d", slug, d, most)
		}
	}
	if len(reached) != len(f.published) {
		t.Errorf("the crawl reached %d articles, %d are published", len(reached), len(f.published))
	}

	fromSitemap := crawlSite(t, a, "/robots.txt").articles()
	for _, slug := range f.published {
		if d, ok := fromSitemap[slug]; !ok || d > 3 {
			t.Errorf("/articles/%s is not in the sitemaps robots.txt names (depth %d, found %v)", slug, d, ok)
		}
	}
	api := crawlSite(t, a, "/api/v1/articles")
	for _, slug := range f.published {
		if _, ok := api.articles()[slug]; !ok {
			t.Errorf("/articles/%s is not in the read API's pages", slug)
		}
	}
	for p, body := range api.bodies {
		front.bodies[p] = body
	}

	// The search page shows what was asked for: the pieces readers must not see are asked for
	// by the word their titles share and the published ones' do not.
	res := a.do("", "GET", "/search?q=hidden", "")
	wantStatus(t, res, http.StatusOK)
	front.bodies["/search?q=hidden"] = res.Body.String()
	for _, word := range f.hidden {
		p := "/api/v1/articles?topic=" + strings.ToLower(word)
		front.bodies[p] = a.do("", "GET", p, "").Body.String()
	}
	for path, body := range front.bodies {
		for _, word := range f.hidden {
			if strings.Contains(strings.ToLower(body), strings.ToLower(word)) {
				t.Errorf("%s names %q, of a piece readers must not see", path, word)
			}
		}
	}
	if strings.Contains(front.bodies["/search?q=hidden"], "/articles/") {
		t.Errorf("searching the words of pieces readers must not see finds an article")
	}
	for _, p := range f.hiddenAt {
		if slug, ok := strings.CutPrefix(p, "/articles/"); ok {
			if res := a.do("", "GET", "/api/v1/articles/"+slug, ""); res.Code != http.StatusNotFound {
				t.Errorf("/api/v1/articles/%s: %d, want 404", slug, res.Code)
			}
		}
		for _, suffix := range []string{"", ".json", ".txt", ".md", "/feed.atom"} {
			if res := a.do("", "GET", p+suffix, ""); res.Code != http.StatusNotFound {
				t.Errorf("%s%s: %d, want 404", p, suffix, res.Code)
			}
		}
	}
	front.canonicalAgrees(t)
	front.countsAgree(t)
	t.Run("Validators", func(t *testing.T) { front.valid(t) })
	t.Logf("the crawl reached %d addresses, %d of them articles", len(front.depth), len(reached))
}

// articleURL finds every absolute URL of an article page, in any format.
var articleURL = regexp.MustCompile(regexp.QuoteMeta(crawlBase) + `/articles/[^"'<>\s?#.]+`)

// canonicalAgrees fails the test for an article that the crawled pages, feeds, sitemaps and
// JSON name by more than one URL: however a piece is reached, it is filed under one address.
func (c crawled) canonicalAgrees(t *testing.T) {
	t.Helper()
	spellings := map[string]map[string][]string{}
	for path, body := range c.bodies {
		for _, u := range articleURL.FindAllString(body, -1) {
			slug, err := url.PathUnescape(strings.TrimPrefix(u, crawlBase+"/articles/"))
			if err != nil {
				t.Errorf("%s links %s, which is not a path", path, u)
				continue
			}
			if spellings[slug] == nil {
				spellings[slug] = map[string][]string{}
			}
			spellings[slug][u] = append(spellings[slug][u], path)
		}
	}
	for slug, urls := range spellings {
		if len(urls) > 1 {
			var seen []string
			for u, paths := range urls {
				seen = append(seen, fmt.Sprintf("%s (in %s…)", u, paths[0]))
			}
			t.Errorf("the article %q goes by %d URLs: %s", slug, len(urls), strings.Join(seen, ", "))
		}
		if want := crawlBase + (&url.URL{Path: "/articles/" + slug}).EscapedPath(); len(urls) == 1 && urls[want] == nil {
			t.Errorf("the article %q goes by %v, not %s", slug, urls, want)
		}
	}
}

// seeded is the path of an article seedPublished wrote, one of many alike.
var seeded = regexp.MustCompile(`^/articles/piece-\d+$`)

// valid holds the crawl's feeds to RFC 4287's RELAX NG schema, its sitemaps to the sitemaps.org
// and Google News schemas, and its pages' JSON-LD to schema.org's vocabulary and their HTML to
// the Nu Html Checker (the pieces published through the workflow, and the listings that are not
// alike but for their words: the indexes, the numbered pages, those in other scripts).
func (c crawled) valid(t *testing.T) {
	var feeds, pages, markup []conformance.Doc
	for path, ct := range c.types {
		doc := conformance.Doc{Name: path, Body: []byte(c.bodies[path])}
		switch {
		case strings.HasPrefix(ct, "application/atom+xml"):
			feeds = append(feeds, doc)
		case strings.HasPrefix(ct, "text/html"):
			pages = append(pages, doc)
			if !seeded.MatchString(path) && (strings.HasPrefix(path, "/articles/") || strings.Count(path, "/") == 1 ||
				strings.Contains(path, "%") || strings.Contains(path, "/page/")) {
				markup = append(markup, doc)
			}
		case path == "/sitemap-news.xml":
			conformance.ValidXSD(t, conformance.NewsSitemapXSD, doc.Body)
		case strings.HasPrefix(ct, "application/xml") && strings.Contains(c.bodies[path], "<sitemapindex"):
			conformance.ValidXSD(t, conformance.SitemapIndexXSD, doc.Body)
		case strings.HasPrefix(ct, "application/xml"):
			conformance.ValidXSD(t, conformance.SitemapXSD, doc.Body)
		}
	}
	if len(feeds) == 0 {
		t.Fatal("the crawl found no feed")
	}
	conformance.Pass(t, "RFC 4287 RELAX NG", conformance.Atom(t, feeds...))
	conformance.Pass(t, "schema.org", conformance.JSONLD(t, pages...))
	conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, markup...))
}

// indexEntry is one topic or author on its index page: its page's URL and the count shown.
var indexEntry = regexp.MustCompile(`<li><a href="([^"]+)" dir="auto">[^<]*</a> \((\d+)\)</li>`)

// countsAgree fails the test for a topic or an author whose index entry counts other than the
// pieces its pages list, and for an index that lists none.
func (c crawled) countsAgree(t *testing.T) {
	t.Helper()
	for _, index := range []string{"/topics", "/authors"} {
		entries := indexEntry.FindAllStringSubmatch(c.bodies[index], -1)
		if len(entries) == 0 {
			t.Errorf("%s lists nothing", index)
		}
		for _, e := range entries {
			path, _ := sitePath(html.UnescapeString(e[1]))
			listed := map[string]bool{}
			for p, body := range c.bodies {
				if p != path && !strings.HasPrefix(p, path+"/page/") {
					continue
				}
				for _, l := range submatches(crawlHTMLLinks, body) {
					if link, ok := sitePath(l); ok && crawlArticle.MatchString(link) {
						listed[link] = true
					}
				}
			}
			if want, _ := strconv.Atoi(e[2]); len(listed) != want {
				t.Errorf("%s counts %d pieces for %s, whose pages list %d", index, want, path, len(listed))
			}
		}
	}
}
