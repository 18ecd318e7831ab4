package publish

import (
	"encoding/xml"
	"strings"
	"time"
)

// The Atom (RFC 4287) elements Atom writes, in the order it writes them.
type (
	atomFeed struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Title   string      `xml:"title"`
		ID      string      `xml:"id"`
		Updated string      `xml:"updated"`
		Links   []atomLink  `xml:"link"`
		Author  atomPerson  `xml:"author"`
		Entries []atomEntry `xml:"entry"`
	}
	atomEntry struct {
		Lang       string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Title      atomText       `xml:"title"`
		ID         string         `xml:"id"`
		Links      []atomLink     `xml:"link"`
		Published  string         `xml:"published"`
		Updated    string         `xml:"updated"`
		Author     *atomPerson    `xml:"author"`
		Categories []atomCategory `xml:"category"`
		Summary    atomText       `xml:"summary"`
		Content    atomHTML       `xml:"content"`
		// Corrections are Copydesk's extension elements, which RFC 4287 lets an entry carry.
		Corrections []atomCorrection
	}
	// atomCorrection is one correction as structured data: its note as text, its time as an
	// RFC 3339 attribute. Atom has no element for a correction, so it lives in Copydesk's own
	// namespace, https://github.com/copydesk/copydesk/ns/atom, as a structured extension element
	// (RFC 4287, section 6.4.2); readers that do not know it skip it, and read the corrections in
	// the content's Corrections section.
	atomCorrection struct {
		XMLName   xml.Name `xml:"https://github.com/copydesk/copydesk/ns/atom correction"`
		Published string   `xml:"published,attr"`
		Note      string   `xml:",chardata"`
	}
	atomLink struct {
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
		Href string `xml:"href,attr"`
	}
	atomPerson struct {
		Name string `xml:"name"`
		URI  string `xml:"uri,omitempty"`
	}
	atomText struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	}
	// atomHTML is HTML content, written as CDATA so that the markup stays readable.
	atomHTML struct {
		Type string `xml:"type,attr"`
		HTML string `xml:",cdata"`
	}
	atomCategory struct {
		Term string `xml:"term,attr"`
	}
)

// Atom renders the feed of briefs, newest first whatever the order given. Each entry's id is
// the article's FeedID, or its URL for one without, which stays put across corrections; its xml:lang is the piece's language,
// its summary the brief, and its content the whole article as HTML, the article page's own
// markup, corrections included. Each correction is also a copydesk:correction element (see
// atomCorrection), and the entry's updated is the newest snapshot's time. updated is the feed's
// own time, passed in so that the output depends on its arguments only. The site is the
// feed's author, which covers entries without a byline.
func Atom(site Site, entries []Article, updated time.Time) ([]byte, error) {
	return AtomFeed(site, Feed{Path: FeedPath, Page: "/"}, entries, updated)
}

// Feed names one Atom feed: the site's, or a topic's or an author's.
type Feed struct {
	Path  string // the feed's site path, its self link
	ID    string // the feed's id, an IRI no setting changes; "" for its URL
	Page  string // the site path of the page listing the same pieces
	Title string // what the feed is of, after the site's name: "Mexico" gives "Copydesk: Mexico"; "" gives "Copydesk briefs"
}

// AtomFeed renders the feed f names as Atom renders the site's.
func AtomFeed(site Site, f Feed, entries []Article, updated time.Time) ([]byte, error) {
	title := strings.TrimSpace(site.Name + " briefs")
	if f.Title != "" {
		title = strings.TrimSpace(site.Name + ": " + f.Title)
	}
	id := f.ID
	if id == "" {
		id = site.URL(f.Path)
	}
	feed := atomFeed{
		Lang:    site.lang(),
		Title:   title,
		ID:      id,
		Updated: stamp(updated),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: site.URL(f.Path)},
			{Rel: "alternate", Type: "text/html", Href: site.URL(f.Page)},
		},
		Author: atomPerson{Name: site.Name, URI: site.base() + "/"},
	}
	for _, a := range newestFirst(entries) {
		urls := URLs(site, a.Slug)
		content, err := storyHTML(site, a)
		if err != nil {
			return nil, err
		}
		id := a.FeedID
		if id == "" {
			id = urls["html"]
		}
		e := atomEntry{
			Lang:  a.lang(site),
			Title: atomText{Type: "text", Text: a.Title},
			ID:    id,
			Links: []atomLink{
				{Rel: "alternate", Type: "text/html", Href: urls["html"]},
				{Rel: "alternate", Type: "text/plain", Href: urls["brief"]},
			},
			Published: stamp(a.firstPublished()),
			Updated:   stamp(a.PublishedAt),
			Summary:   atomText{Type: "text", Text: a.Brief},
			Content:   atomHTML{Type: "html", HTML: content},
		}
		e.Links = append(e.Links, atomEnclosure(site, a)...)
		if a.Byline != "" {
			e.Author = &atomPerson{Name: a.Byline}
		}
		for _, t := range a.Topics {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		for _, c := range a.Corrections {
			e.Corrections = append(e.Corrections, atomCorrection{Published: stamp(c.At), Note: c.Note})
		}
		feed.Entries = append(feed.Entries, e)
	}
	return marshalXML("atom feed", feed)
}
