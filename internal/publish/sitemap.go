package publish

import (
	"encoding/xml"
	"strings"
	"time"
)

// The namespaces of the sitemaps protocol and of Google's news extension.
const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	newsNS    = "http://www.google.com/schemas/sitemap-news/0.9"
)

// The sitemap elements Sitemap, SitemapIndex and NewsSitemap write.
type (
	urlSet struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		News    string       `xml:"xmlns:news,attr,omitempty"`
		URLs    []sitemapURL `xml:"url"`
	}
	sitemapURL struct {
		Loc     string    `xml:"loc"`
		LastMod string    `xml:"lastmod,omitempty"`
		News    *newsItem `xml:"news:news"`
	}
	newsItem struct {
		Publication newsPublication `xml:"news:publication"`
		Date        string          `xml:"news:publication_date"`
		Title       string          `xml:"news:title"`
	}
	newsPublication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	}
	sitemapIndex struct {
		XMLName  xml.Name       `xml:"sitemapindex"`
		NS       string         `xml:"xmlns,attr"`
		Sitemaps []sitemapEntry `xml:"sitemap"`
	}
	sitemapEntry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
)

// SitemapRef is one sitemap an index lists: its site path and when what it lists last changed.
type SitemapRef struct {
	Path    string
	LastMod time.Time
}

// Sitemap writes a sitemaps.org urlset of the articles' pages, each with its latest
// publication's time as lastmod.
func Sitemap(site Site, articles []Article) ([]byte, error) {
	set := urlSet{NS: sitemapNS, URLs: []sitemapURL{}}
	for _, a := range articles {
		set.URLs = append(set.URLs, sitemapURL{Loc: URLs(site, a.Slug)["html"], LastMod: stamp(a.PublishedAt)})
	}
	return marshalXML("sitemap", set)
}

// SitemapIndex writes a sitemaps.org index of the sitemaps given.
func SitemapIndex(site Site, maps []SitemapRef) ([]byte, error) {
	idx := sitemapIndex{NS: sitemapNS}
	for _, m := range maps {
		e := sitemapEntry{Loc: site.URL(m.Path)}
		if !m.LastMod.IsZero() {
			e.LastMod = stamp(m.LastMod)
		}
		idx.Sitemaps = append(idx.Sitemaps, e)
	}
	return marshalXML("sitemap index", idx)
}

// NewsSitemap writes a Google News sitemap of the articles: each page with the publication's
// name and language, the time it was first published and its title.
func NewsSitemap(site Site, articles []Article) ([]byte, error) {
	set := urlSet{NS: sitemapNS, News: newsNS, URLs: []sitemapURL{}}
	for _, a := range articles {
		set.URLs = append(set.URLs, sitemapURL{Loc: URLs(site, a.Slug)["html"], News: &newsItem{
			Publication: newsPublication{Name: site.Name, Language: newsLanguage(site, a)},
			Date:        stamp(a.firstPublished()),
			Title:       a.Title,
		}})
	}
	return marshalXML("news sitemap", set)
}

// newsLanguage is the piece's language as Google News takes it: an ISO 639 code, or zh-cn
// and zh-tw for Simplified and Traditional Chinese.
func newsLanguage(site Site, a Article) string {
	lang := strings.ToLower(a.Language)
	if lang == "" {
		lang = strings.ToLower(site.lang())
	}
	primary, rest, _ := strings.Cut(lang, "-")
	switch {
	case primary == "zh" && (strings.Contains(rest, "hant") || strings.Contains(rest, "tw") || strings.Contains(rest, "hk")):
		return "zh-tw"
	case primary == "zh":
		return "zh-cn"
	}
	return primary
}
