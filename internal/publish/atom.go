package publish

import (
	"encoding/xml"
	"fmt"
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
		Title      atomText       `xml:"title"`
		ID         string         `xml:"id"`
		Links      []atomLink     `xml:"link"`
		Published  string         `xml:"published"`
		Updated    string         `xml:"updated"`
		Author     *atomPerson    `xml:"author"`
		Categories []atomCategory `xml:"category"`
		Summary    atomText       `xml:"summary"`
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
	atomCategory struct {
		Term string `xml:"term,attr"`
	}
)

// Atom renders the feed of briefs, newest first whatever the order given. Each entry's id is
// the article's URL, which stays put across corrections, and its summary is the brief followed,
// when there are corrections, by a "Corrections" line and one "May 8, 2025: note" line each.
// updated is the feed's own time, passed in so that the output depends on its arguments only.
// The site is the feed's author, which covers entries without a byline.
func Atom(site Site, entries []Article, updated time.Time) ([]byte, error) {
	feed := atomFeed{
		Lang:    site.lang(),
		Title:   strings.TrimSpace(site.Name + " briefs"),
		ID:      site.base() + FeedPath,
		Updated: stamp(updated),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: site.base() + FeedPath},
			{Rel: "alternate", Type: "text/html", Href: site.base() + "/"},
		},
		Author: atomPerson{Name: site.Name, URI: site.base() + "/"},
	}
	for _, a := range newestFirst(entries) {
		urls := URLs(site, a.Slug)
		e := atomEntry{
			Title: atomText{Type: "text", Text: a.Title},
			ID:    urls["html"],
			Links: []atomLink{
				{Rel: "alternate", Type: "text/html", Href: urls["html"]},
				{Rel: "alternate", Type: "text/plain", Href: urls["brief"]},
			},
			Published: stamp(a.firstPublished()),
			Updated:   stamp(a.PublishedAt),
			Summary:   atomText{Type: "text", Text: a.Brief},
		}
		e.Links = append(e.Links, atomEnclosure(site, a)...)
		if a.Byline != "" {
			e.Author = &atomPerson{Name: a.Byline}
		}
		for _, t := range a.Topics {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		if len(a.Corrections) > 0 {
			e.Summary.Text += "\n\n" + headingCorrections
			for _, c := range a.Corrections {
				e.Summary.Text += "\n" + site.correction(c)
			}
		}
		feed.Entries = append(feed.Entries, e)
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("publish: atom feed: %w", err)
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}
