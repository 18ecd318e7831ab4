package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// listing is one public list of briefs: the archive, a topic's or an author's pieces.
type listing struct {
	kind    string // "" for the archive, "topic" or "author"
	slug    string
	path    string // the site path of its first page, escaped
	feed    string // the site path of its Atom feed, escaped
	heading string
}

// query is the store's query for page n of the listing.
func (l listing) query(n int) store.ArchiveQuery {
	q := store.ArchiveQuery{Offset: (n - 1) * frontPageSize, Limit: frontPageSize}
	switch l.kind {
	case "topic":
		q.Topic = l.slug
	case "author":
		q.Author = l.slug
	}
	return q
}

// archiveListing is the whole archive, the front page's list.
var archiveListing = listing{path: "/", feed: publish.FeedPath}

// tagListing is the listing of the topic or author slug names. Its paths are escaped as
// publish.TopicPath and publish.AuthorPath escape them, so that a page links its neighbours and
// its feed, and the feed itself, by the very URL every other link gives the page: written raw,
// a non-Latin slug came out of the page's template with its escapes in lower case and in the
// feed unescaped, one page under several URLs for a crawler.
func tagListing(kind, slug string) listing {
	path := "/" + kind + "s/" + url.PathEscape(slug)
	return listing{kind: kind, slug: slug, path: path, feed: path + "/feed.atom"}
}

func (s *Server) archivePage(c echo.Context) error { return s.servePage(c, archiveListing) }

func (s *Server) topicPage(c echo.Context) error {
	return s.servePage(c, tagListing("topic", slugParam(c)))
}

func (s *Server) authorPage(c echo.Context) error {
	return s.servePage(c, tagListing("author", slugParam(c)))
}

func (s *Server) topicFeed(c echo.Context) error {
	return s.serveFeed(c, tagListing("topic", slugParam(c)))
}

func (s *Server) authorFeed(c echo.Context) error {
	return s.serveFeed(c, tagListing("author", slugParam(c)))
}

// servePage answers with page :n of the listing (the first without :n); the first page asked
// for as /page/1 moves permanently to the listing's own path, and a page past the end, or a
// topic or author with no public piece, is not found.
func (s *Server) servePage(c echo.Context, l listing) error {
	n, err := pageNumber(c.Param("n"))
	if err != nil {
		return err
	}
	if n == 1 && c.Param("n") != "" {
		return c.Redirect(http.StatusMovedPermanently, l.path)
	}
	return s.serveRendered(c, "list/"+l.path+"/"+strconv.Itoa(n), func() (string, []byte, error) {
		ctx := c.Request().Context()
		count, err := s.cache.count(l.path, func() (int, error) { return s.store.PublicCount(ctx, l.query(n)) })
		if err != nil {
			return "", nil, err
		}
		arts, _, err := s.store.PublicPage(ctx, l.query(n))
		if err != nil {
			return "", nil, err
		}
		if len(arts) == 0 && (n > 1 || l.kind != "") {
			return "", nil, newsroom.Errorf(newsroom.ENOTFOUND, "no page %d of %s", n, l.path)
		}
		last := max((count+frontPageSize-1)/frontPageSize, n)
		var b bytes.Buffer
		err = publish.ArchivePage(&b, s.site(), publish.Listing{Heading: l.title(arts, n), Path: l.path, FeedPath: l.feed, Page: n, Last: last}, arts)
		return echo.MIMETextHTMLCharsetUTF8, b.Bytes(), err
	})
}

// serveFeed answers with the Atom feed of the listing's feedSize newest pieces.
func (s *Server) serveFeed(c echo.Context, l listing) error {
	return s.serveRendered(c, "feed/"+l.path, func() (string, []byte, error) {
		q := l.query(1)
		q.Limit = feedSize
		ctx := c.Request().Context()
		arts, _, err := s.store.PublicPage(ctx, q)
		if err != nil {
			return "", nil, err
		}
		if len(arts) == 0 {
			return "", nil, newsroom.Errorf(newsroom.ENOTFOUND, "no feed %s", l.path)
		}
		id, err := s.store.FeedID(ctx, l.feed)
		if err != nil {
			return "", nil, err
		}
		body, err := publish.AtomFeed(s.site(), publish.Feed{Path: l.feed, ID: id, Page: l.path, Title: l.name(arts)}, arts, latest(arts))
		return "application/atom+xml; charset=utf-8", body, err
	})
}

// name is what the listing is of, as its pieces spell it: the topic or the byline.
func (l listing) name(arts []publish.Article) string {
	for _, a := range arts {
		if l.kind == "author" && publish.Slug(a.Byline) == l.slug {
			return a.Byline
		}
		for _, t := range a.Topics {
			if l.kind == "topic" && publish.Slug(t) == l.slug {
				return t
			}
		}
	}
	return ""
}

// title is page n's heading: "Latest briefs" on the front page, else what it lists and the page.
func (l listing) title(arts []publish.Article, n int) string {
	h := "Latest briefs"
	switch l.kind {
	case "topic":
		h = "Topic: " + l.name(arts)
	case "author":
		h = "By " + l.name(arts)
	case "":
		if n > 1 {
			h = "Briefs"
		}
	}
	if n > 1 {
		h += ", page " + strconv.Itoa(n)
	}
	return h
}

// slugParam is the path's :slug, unescaped: a slug in another script reaches the router
// percent-encoded, and escapes written in lower case (the same URI, RFC 3986 6.2.2.1) reach the
// handler still escaped.
func slugParam(c echo.Context) string {
	if s, err := url.PathUnescape(c.Param("slug")); err == nil {
		return s
	}
	return c.Param("slug")
}

// lowerSlug moves a public address whose :slug has capital letters (/articles/My-Slug, as a
// reader types it or another site links it) permanently to the same address with the slug in
// lower case, as every slug is made (see publish.Slug): the piece is reached, and a crawler
// files it under its one URL rather than two. The path's page number, and the query, are kept;
// a page number the page would not be found under is not found here either.
//
// The move goes where settle says: straight on when the lower-case address moves too, and
// nowhere when it is not found.
func (s *Server) lowerSlug(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		slug := slugParam(c)
		lower := publish.LowerSlug(slug)
		if lower == slug {
			return next(c)
		}
		to := strings.Replace(c.Path(), ":slug", url.PathEscape(lower), 1)
		if strings.Contains(to, ":n") {
			// The page is written from its number, as the page handler reads it: the raw
			// parameter is still escaped, and escaping it again named another page.
			n, err := pageNumber(c.Param("n"))
			if err != nil {
				return err
			}
			to = strings.Replace(to, ":n", strconv.Itoa(n), 1)
		}
		if q := c.Request().URL.RawQuery; q != "" {
			to += "?" + q
		}
		to, err := s.settle(c, to)
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusMovedPermanently, to)
	}
}

// maxPage is the highest page number any listing, sitemap, search or the read API answers for:
// a million pages of 30 are more pieces than a newsroom publishes, and it keeps a page's offset,
// (n-1) times the page's size, far from overflowing into a negative offset the store ignores.
const maxPage = 1 << 20

// pageNumber reads a page number from a path or a query: "" is the first page; otherwise it
// must be a whole number from 1 to maxPage written plainly, or the page is not found.
func pageNumber(p string) (int, error) {
	if p == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > maxPage || strconv.Itoa(n) != p {
		return 0, newsroom.Errorf(newsroom.ENOTFOUND, "no page %q", p)
	}
	return n, nil
}

// latest is the time of the newest publication among arts, a feed's updated time.
func latest(arts []publish.Article) time.Time {
	var t time.Time
	for _, a := range arts {
		if a.PublishedAt.After(t) {
			t = a.PublishedAt
		}
	}
	return t
}

func (s *Server) topicIndex(c echo.Context) error { return s.serveTags(c, false) }

func (s *Server) authorIndex(c echo.Context) error { return s.serveTags(c, true) }

// serveTags answers with the index of every topic, or every author, that has public pieces. A
// piece is published with a byline but may have no topic, so only an empty index of authors
// means that nothing has been published.
func (s *Server) serveTags(c echo.Context, authors bool) error {
	heading, index, path, empty := "Topics", "/topics", publish.TopicPath, "No published piece has a topic yet."
	if authors {
		heading, index, path, empty = "Authors", "/authors", publish.AuthorPath, "Nothing has been published yet."
	}
	return s.serveRendered(c, "index/"+heading, func() (string, []byte, error) {
		tags, err := s.store.PublicTags(c.Request().Context(), authors)
		if err != nil {
			return "", nil, err
		}
		list := make([]publish.Tag, len(tags))
		for i, t := range tags {
			list[i] = publish.Tag{Name: t.Name, Path: path(t.Name), Count: t.Count}
		}
		var b bytes.Buffer
		err = publish.TagIndex(&b, s.site(), index, heading, empty, list)
		return echo.MIMETextHTMLCharsetUTF8, b.Bytes(), err
	})
}
