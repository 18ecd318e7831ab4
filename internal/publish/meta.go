package publish

import (
	"strings"
	"time"
	"unicode/utf8"
)

// maxDescription is how long a page's description for search and link previews may be, in
// characters; search engines cut longer ones themselves, at a place nobody chose.
const maxDescription = 160

// metaView is what a public page tells search engines and link previews about itself: its
// description, and the Open Graph and Twitter card tags built from the same values.
type metaView struct {
	Description                string
	Type, Title, URL, SiteName string
	Locale                     string
	Published, Modified        string   // an article's first publication and latest correction
	Author                     string   // the author page's URL
	Tags                       []string // the article's topics
	Image                      *metaImage
	Card                       string // the Twitter card: "summary", or "summary_large_image" with an image
}

// metaImage is the image a link preview shows: the widest variant of the lead image.
type metaImage struct {
	URL, Alt, ContentType string
	Width, Height         int
}

// articleMeta describes an article page.
func articleMeta(site Site, a Article) metaView {
	m := metaView{
		Description: snippet(a.Brief, maxDescription),
		Type:        "article", Title: a.Title, URL: URLs(site, a.Slug)["html"], SiteName: site.Name,
		Locale:    ogLocale(a.lang(site)),
		Published: stamp(a.firstPublished()), Modified: stamp(a.modified()),
		Tags: a.Topics, Card: "summary",
	}
	if a.Byline != "" {
		m.Author = site.URL(AuthorPath(a.Byline))
	}
	if img := a.Image; img != nil && len(img.Variants) > 0 {
		v := img.Variants[len(img.Variants)-1]
		m.Image = &metaImage{URL: site.URL(v.Path), Alt: img.Alt, ContentType: v.ContentType, Width: v.Width, Height: v.Height}
		m.Card = "summary_large_image"
	}
	return m
}

// listingMeta describes a page of briefs: the front page describes the publication itself, and
// a later page or a topic's or an author's page is named by its heading. Every page has a
// description, which search engines show under its title: a site without one of its own is
// described by the page's heading and name.
func listingMeta(site Site, l Listing, heading string) metaView {
	title, description := site.Name, site.Description
	if l.Path != "/" || l.Page > 1 || description == "" {
		description = strings.TrimSpace(heading + ", from " + site.Name + ". " + description)
	}
	if l.Path != "/" || l.Page > 1 {
		title = heading + " · " + site.Name
	}
	return metaView{
		Description: snippet(description, maxDescription),
		Type:        "website", Title: title, URL: site.URL(PagePath(l.Path, l.Page)), SiteName: site.Name,
		Locale: ogLocale(site.lang()), Card: "summary",
	}
}

// modified is when the piece last changed for readers: its newest correction, or its first
// publication. A republication that corrected nothing does not count.
func (a Article) modified() time.Time {
	if len(a.Corrections) > 0 {
		return a.Corrections[0].At
	}
	return a.firstPublished()
}

// snippet shortens s to at most max characters, cut at a word boundary and ended with "…".
func snippet(s string, max int) string {
	s = strings.TrimSpace(oneLine(s))
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := string([]rune(s)[:max-1])
	if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:.–—-") + "…"
}
