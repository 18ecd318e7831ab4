package publish

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"
	"time"

	"github.com/copydesk/copydesk/web"
)

// The public pages are parsed once, at start-up, each with the site layout and the shared
// partials, so a broken template stops the program before it serves anything.
var (
	articlePage = parsePage("templates/public/article.html")
	frontPage   = parsePage("templates/public/front.html")
	tagPage     = parsePage("templates/public/tags.html")
	errorPage   = parsePage("templates/public/error.html")
	searchPage  = parsePage("templates/public/search.html")
)

// parsePage parses one page after the layout and the partials, so that the page's own
// definitions override the layout's default blocks.
func parsePage(name string) *template.Template {
	return template.Must(template.New(path.Base(name)).Funcs(template.FuncMap{"static": web.StaticPath}).
		ParseFS(web.FS, "templates/layout.html", "templates/public/partials.html", "templates/public/archive_partials.html", name))
}

// page is the data of a public page: what the layout and the partials need, and the content.
type page struct {
	Lang, SiteName string
	Footer         []string
	FeedURL        string
	Article        *articleView // the article page's article
	Briefs         []articleView
	Meta           metaView  // the page's description, Open Graph and Twitter card tags
	WebSite        *webSite  // the front page's schema.org WebSite
	Heading        string    // a listing's h1
	Pager          pager     // a listing's newer and older pages
	Tags           []tagView // an index page's topics or authors
	Empty          string    // what an index page without any says
	Message        string    // what an error page says went wrong
	Search         *searchView
}

// articleView is an article with its dates written out for the page, in the site's zone.
type articleView struct {
	Title, Byline, Brief, EditorComment string
	Lang                                string // the piece's language, for its element's lang
	WordsLang                           string // pageWordsLang, for the page's headings and dates, when the piece is in another language
	Body, Topics                        []string
	Date                                dateView
	Corrections                         []correctionView
	URLs                                map[string]string
	JSONLD                              *newsArticle
	ClaimLD                             *claimReviewLD // the article page's ClaimReview, if the piece is a fact-check
	Claim                               *claimView     // the article page's rating box, if the piece is a fact-check
	TopicLinks                          []link         // each topic with its page
	AuthorURL                           string         // the byline's author page, "" without a byline
	Image                               *imageView     // the lead image, or nil
}

// pageWordsLang is the language of the words the page writes itself (its headings, dates and
// the rating box's labels), whatever the site's or the piece's: they are English. Inside a piece
// in another language they carry it, so that a screen reader does not read "Brief" or
// "May 7, 2025" in the piece's voice.
const pageWordsLang = "en"

// english reports whether the language tag lang is English, of any region.
func english(lang string) bool {
	primary, _, _ := strings.Cut(lang, "-")
	return strings.EqualFold(primary, pageWordsLang)
}

// dateView is a date as the page shows it (Text) and as its <time datetime> states it (ISO), and
// the language it is written in when that is not the language around it ("" otherwise).
type dateView struct{ Text, ISO, Lang string }

// correctionView is a correction with its date written out.
type correctionView struct {
	Date dateView
	Note string
}

// HTML writes the public article page: the house format's sections in its order, corrections
// newest first, the site footer, and schema.org NewsArticle JSON-LD in the head; a fact-check
// adds a rating box under the date line and ClaimReview JSON-LD.
func HTML(w io.Writer, site Site, a Article) error {
	v := view(site, a)
	ld := jsonLD(site, a)
	v.JSONLD = &ld
	v.ClaimLD, v.Claim = claimJSONLD(site, a), claimBox(site, a)
	return render(w, articlePage, site, page{Article: &v, Meta: articleMeta(site, a)})
}

// FrontPage writes the front page: the briefs given, newest first, each with its title linking
// to the article, byline, date, brief and corrections. The caller decides how many to show.
func FrontPage(w io.Writer, site Site, briefs []Article) error {
	return ArchivePage(w, site, Listing{Path: "/", FeedPath: FeedPath, Page: 1}, briefs)
}

// render fills in the site-wide fields and executes the page into a buffer first, so that a
// failing template writes nothing rather than half a page.
func render(w io.Writer, t *template.Template, site Site, p page) error {
	p.Lang, p.SiteName, p.Footer = site.lang(), site.Name, site.Footer
	if p.FeedURL == "" {
		p.FeedURL = site.base() + FeedPath
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("publish: render page: %w", err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// view prepares an article for a template, which then needs no functions of its own.
func view(site Site, a Article) articleView {
	v := articleView{
		Title: a.Title, Byline: a.Byline, Brief: a.Brief, EditorComment: a.EditorComment,
		Lang: a.lang(site), Body: a.Body, Topics: a.Topics,
		Date:       site.timeTag(a.firstPublished()),
		URLs:       URLs(site, a.Slug),
		TopicLinks: topicLinks(site, a.Topics),
		AuthorURL:  authorURL(site, a.Byline),
	}
	if !english(v.Lang) {
		v.WordsLang = pageWordsLang
	}
	v.Date.Lang = v.WordsLang
	v.Image = viewImage(a.Image)
	for _, c := range a.Corrections {
		date := site.timeTag(c.At)
		date.Lang = v.WordsLang
		v.Corrections = append(v.Corrections, correctionView{Date: date, Note: c.Note})
	}
	return v
}

// storyHTML writes the article element of the article page on its own, for the feed's content.
func storyHTML(site Site, a Article) (string, error) {
	var buf bytes.Buffer
	if err := articlePage.ExecuteTemplate(&buf, "story", view(site, a)); err != nil {
		return "", fmt.Errorf("publish: render %q for the feed: %w", a.Slug, err)
	}
	return buf.String(), nil
}

// timeTag writes t for a <time> element: the date line as text, the instant in the site's zone as
// its machine-readable value.
func (s Site) timeTag(t time.Time) dateView {
	return dateView{Text: s.day(t), ISO: t.In(s.loc()).Format(time.RFC3339)}
}
