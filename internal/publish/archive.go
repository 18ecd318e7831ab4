package publish

import (
	"io"
	"net/url"
	"slices"
	"strconv"
)

// Listing describes one page of a list of briefs: the front page, a later page of the archive,
// or a page of one topic's or one author's pieces.
type Listing struct {
	Heading  string // the page's h1, "Latest briefs" when empty
	Path     string // the site path of the listing's first page: "/", "/topics/mexico"
	FeedPath string // the site path of the listing's Atom feed
	Page     int    // 1 for the first page
	Last     int    // the number of the last page
}

// PagePath is the site path of page n of the listing whose first page is at path: path itself
// for the first page, path + "/page/n" after it.
func PagePath(path string, n int) string {
	if n <= 1 {
		return path
	}
	if path == "/" {
		path = ""
	}
	return path + "/page/" + strconv.Itoa(n)
}

// pager links a page of a list to the pages before (rel=prev) and after it (rel=next): absolute
// URLs, "" where there is none, and the words of each link; a listing's page also links the
// pages pageJumps names, by number.
type pager struct {
	Prev, PrevText, Next, NextText string
	Pages                          []pageLink
}

// pageLink is one page of a listing in its pager: its number and URL, or the page shown.
type pageLink struct {
	Number  int
	URL     string
	Current bool
}

// pageJumps lists, in order, the page numbers page n of a listing of last pages links to, n
// itself among them: the first and the last, and for each decimal place, the pages that keep
// n's digits above it, take another digit there, and are zero below it (from page 347: 340 to
// 349, 300 to 390 by tens, 100 to 900 by hundreds). Following them, any page is as many
// clicks from any other as last has digits, where the links to the next and previous page
// alone left the oldest pieces of a large archive a click a page away.
func pageJumps(n, last int) []int {
	if last <= 1 {
		return nil
	}
	pages := []int{1}
	for place := 1; place <= last; place *= 10 {
		above := n / (place * 10) * (place * 10)
		for d := range 10 {
			if p := above + d*place; p > 1 && p <= last {
				pages = append(pages, p)
			}
		}
	}
	pages = append(pages, last, n)
	slices.Sort(pages)
	return slices.Compact(pages)
}

// ArchivePage writes one page of a listing: the briefs given, newest first, with links to the
// newer and older pages (in the head as rel=prev and rel=next, and on the page) and to the
// listing's feed, and the page's description for search and link previews; the front page also
// describes the publication as a schema.org WebSite.
func ArchivePage(w io.Writer, site Site, l Listing, briefs []Article) error {
	p := page{Heading: l.Heading, FeedURL: site.URL(l.FeedPath)}
	if p.Heading == "" {
		p.Heading = "Latest briefs"
	}
	if l.Page > 1 {
		p.Pager.Prev, p.Pager.PrevText = site.URL(PagePath(l.Path, l.Page-1)), "Newer briefs"
	}
	if l.Page < l.Last {
		p.Pager.Next, p.Pager.NextText = site.URL(PagePath(l.Path, l.Page+1)), "Older briefs"
	}
	for _, n := range pageJumps(l.Page, l.Last) {
		p.Pager.Pages = append(p.Pager.Pages, pageLink{Number: n, URL: site.URL(PagePath(l.Path, n)), Current: n == l.Page})
	}
	p.Meta = listingMeta(site, l, p.Heading)
	if l.Path == "/" && l.Page <= 1 {
		ld := siteJSONLD(site)
		p.WebSite = &ld
	}
	for _, a := range newestFirst(briefs) {
		p.Briefs = append(p.Briefs, view(site, a))
	}
	return render(w, frontPage, site, p)
}

// link is a named link for a template.
type link struct{ Name, URL string }

// topicLinks links each topic to its page.
func topicLinks(site Site, topics []string) []link {
	var out []link
	for _, t := range topics {
		out = append(out, link{Name: t, URL: site.URL(TopicPath(t))})
	}
	return out
}

// authorURL is the absolute URL of the byline's author page, "" for a piece with no byline.
func authorURL(site Site, byline string) string {
	if byline == "" {
		return ""
	}
	return site.URL(AuthorPath(byline))
}

// Tag is a topic or an author listed on an index page, with how many pieces it has.
type Tag struct {
	Name, Path string
	Count      int
}

// TagIndex writes an index page (every topic, or every author, at the site path path), each
// linking to its page, with the page's description for search and link previews as a page of
// briefs has. With no tags it says empty, which the caller words: a piece may be published
// without a topic, so an empty index of topics does not mean that nothing has been.
func TagIndex(w io.Writer, site Site, path, heading, empty string, tags []Tag) error {
	p := page{Heading: heading, Empty: empty, FeedURL: site.URL(FeedPath), Meta: listingMeta(site, Listing{Path: path, Page: 1}, heading)}
	for _, t := range tags {
		p.Tags = append(p.Tags, tagView{Name: t.Name, URL: site.URL(t.Path), Count: t.Count})
	}
	return render(w, tagPage, site, p)
}

// tagView is a Tag with its absolute URL.
type tagView struct {
	Name, URL string
	Count     int
}

// searchURL is the absolute URL of the search page for q, page n.
func searchURL(site Site, q string, n int) string {
	v := url.Values{"q": {q}}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return site.URL("/search?" + v.Encode())
}

// ErrorPage writes the public site's page for an error: its heading ("Not Found") and message,
// and the ways on into the site (the front page, search, the archive's links in the header).
// It asks search engines not to index it, whatever its status.
func ErrorPage(w io.Writer, site Site, heading, message string) error {
	return render(w, errorPage, site, page{Heading: heading, Message: message})
}
