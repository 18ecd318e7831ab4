package publish

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// snippet shortens s to at most max characters, cut at a word boundary and ended with "…". It
// goes back to a space only within the last quarter of max: text with no space near the cut
// (Chinese, Japanese, a long run of emoji, or such text after a short Latin word, as in "G7 "
// and a Japanese headline) is cut between two characters as a reader sees them, never inside
// one (see clusterStart), rather than shrunk to its first word.
func snippet(s string, max int) string {
	s = strings.TrimSpace(oneLine(s))
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	end := clusterStart(rs, max-1)
	for i := end - 1; i > 0 && i >= max-max/4; i-- {
		if rs[i] == ' ' {
			end = i
			break
		}
	}
	return strings.TrimRight(string(rs[:end]), " ,;:.–—-") + "…"
}

// clusterStart moves the cut before rs[i] back to where the character a reader sees there
// begins, so that a cut keeps no half of one: not an accent or vowel sign without its letter's
// other marks (rs[i] a combining mark), not a consonant without the one a virama joins it to
// (क्ष), not part of an emoji sequence (a zero-width joiner or a skin tone on either side), not
// one letter of a flag's pair of regional indicators. It approximates Unicode's grapheme
// clusters with the rules that such text needs.
func clusterStart(rs []rune, i int) int {
	for i > 0 && i < len(rs) && joined(rs[i-1], rs[i]) {
		i--
	}
	if i > 0 && i < len(rs) && isRegional(rs[i]) {
		n := 0
		for n < i && isRegional(rs[i-1-n]) {
			n++
		}
		i -= n % 2
	}
	return i
}

// joined reports whether r belongs to the same character as prev before it.
func joined(prev, r rune) bool {
	const zwj = '\u200D'
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) || r == zwj || prev == zwj ||
		'\U0001F3FB' <= r && r <= '\U0001F3FF' || // an emoji's skin tone
		norm.NFC.PropertiesString(string(prev)).CCC() == 9 // a virama, which joins the consonants on either side
}

// isRegional reports whether r is one of the regional indicators, two of which make a flag.
func isRegional(r rune) bool { return '\U0001F1E6' <= r && r <= '\U0001F1FF' }
