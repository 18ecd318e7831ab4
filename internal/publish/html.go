package publish

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/copydesk/copydesk/web"
)

// The public pages are parsed once, at start-up, each with the site layout and the shared
// partials, so a broken template stops the program before it serves anything.
var (
	articlePage = parsePage("templates/public/article.html")
	frontPage   = parsePage("templates/public/front.html")
)

// parsePage parses one page after the layout and the partials, so that the page's own
// definitions override the layout's default blocks.
func parsePage(name string) *template.Template {
	return template.Must(template.ParseFS(web.FS, "templates/layout.html", "templates/public/partials.html", name))
}

// page is the data of a public page: what the layout and the partials need, and the content.
type page struct {
	Lang, SiteName string
	Footer         []string
	FeedURL        string
	Article        *articleView // the article page's article
	Briefs         []articleView
}

// articleView is an article with its dates written out for the page, in the site's zone.
type articleView struct {
	Title, Byline, Brief, EditorComment string
	Body, Topics                        []string
	Date                                dateView
	Corrections                         []correctionView
	URLs                                map[string]string
	JSONLD                              *newsArticle
	Image                               *imageView // the lead image, or nil
}

// dateView is a date as the page shows it (Text) and as its <time datetime> states it (ISO).
type dateView struct{ Text, ISO string }

// correctionView is a correction with its date written out.
type correctionView struct {
	Date dateView
	Note string
}

// HTML writes the public article page: the house format's sections in its order, corrections
// newest first, the site footer, and schema.org NewsArticle JSON-LD in the head.
func HTML(w io.Writer, site Site, a Article) error {
	v := view(site, a)
	ld := jsonLD(site, a)
	v.JSONLD = &ld
	return render(w, articlePage, site, page{Article: &v})
}

// FrontPage writes the front page: the briefs given, newest first, each with its title linking
// to the article, byline, date, brief and corrections. The caller decides how many to show.
func FrontPage(w io.Writer, site Site, briefs []Article) error {
	var p page
	for _, a := range newestFirst(briefs) {
		p.Briefs = append(p.Briefs, view(site, a))
	}
	return render(w, frontPage, site, p)
}

// render fills in the site-wide fields and executes the page into a buffer first, so that a
// failing template writes nothing rather than half a page.
func render(w io.Writer, t *template.Template, site Site, p page) error {
	p.Lang, p.SiteName, p.Footer = site.lang(), site.Name, site.Footer
	p.FeedURL = site.base() + FeedPath
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
		Body: a.Body, Topics: a.Topics,
		Date: site.timeTag(a.firstPublished()),
		URLs: URLs(site, a.Slug),
	}
	v.Image = site.imageView(a.Image)
	for _, c := range a.Corrections {
		v.Corrections = append(v.Corrections, correctionView{Date: site.timeTag(c.At), Note: c.Note})
	}
	return v
}

// timeTag writes t for a <time> element: the date line as text, the instant in the site's zone as
// its machine-readable value.
func (s Site) timeTag(t time.Time) dateView {
	return dateView{Text: s.day(t), ISO: t.In(s.loc()).Format(time.RFC3339)}
}
