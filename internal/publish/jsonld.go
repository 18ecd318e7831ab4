package publish

import "strings"

// newsArticle is the schema.org NewsArticle the article page carries as JSON-LD, for search
// engines and link previews. It leaves out articleBody: the body is the page itself, and
// repeating it in the head doubled the size of every article page.
type newsArticle struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	MainEntityOfPage ldPage         `json:"mainEntityOfPage"`
	Headline         string         `json:"headline"`
	Name             string         `json:"name,omitempty"`
	Description      string         `json:"description,omitempty"`
	DatePublished    string         `json:"datePublished"`
	DateModified     string         `json:"dateModified"`
	Author           *ldThing       `json:"author,omitempty"`
	Keywords         []string       `json:"keywords,omitempty"`
	URL              string         `json:"url"`
	InLanguage       string         `json:"inLanguage"`
	Publisher        ldThing        `json:"publisher"`
	Correction       []ldCorrection `json:"correction,omitempty"`
	Image            []string       `json:"image,omitempty"`
}

// ldPage is the schema.org WebPage an article is the main entity of: its own page.
type ldPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// ldThing is a schema.org Person or Organization, named and optionally linked; an
// Organization may have a logo.
type ldThing struct {
	Type string   `json:"@type"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Logo *ldImage `json:"logo,omitempty"`
}

// ldImage is a schema.org ImageObject.
type ldImage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// ldCorrection is a schema.org CorrectionComment, the type NewsArticle's correction expects.
type ldCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// maxHeadline is how long JSON-LD's headline may be, in characters: Google's article rich
// results take no longer one, and report a page whose headline passes it.
const maxHeadline = 110

// jsonLD describes the article for schema.org. html/template marshals it into the page's
// <script type="application/ld+json"> with "<" escaped, so no field can end the script.
// dateModified is the newest correction's time: that is when readers last saw the piece change.
// A title longer than maxHeadline is cut at a word for the headline and kept whole as the name.
func jsonLD(site Site, a Article) newsArticle {
	url := URLs(site, a.Slug)["html"]
	ld := newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		MainEntityOfPage: ldPage{Type: "WebPage", ID: url},
		Headline:         snippet(a.Title, maxHeadline),
		Description:      a.Brief,
		DatePublished:    stamp(a.firstPublished()),
		DateModified:     stamp(a.modified()),
		Keywords:         a.Topics,
		URL:              url,
		InLanguage:       a.lang(site),
		Publisher:        publisher(site),
		Image:            imageURLs(site, a),
	}
	if ld.Headline != a.Title {
		ld.Name = a.Title
	}
	if a.Byline != "" {
		ld.Author = &ldThing{Type: "Person", Name: a.Byline, URL: site.URL(AuthorPath(a.Byline))}
	}
	for _, c := range a.Corrections {
		ld.Correction = append(ld.Correction, ldCorrection{Type: "CorrectionComment", Text: c.Note, DatePublished: stamp(c.At)})
	}
	return ld
}

// publisher is the publication as a schema.org Organization, with its logo when it has one.
func publisher(site Site) ldThing {
	org := ldThing{Type: "Organization", Name: site.Name, URL: site.URL("/")}
	if site.Logo != "" {
		org.Logo = &ldImage{Type: "ImageObject", URL: site.absolute(site.Logo)}
	}
	return org
}

// absolute makes a site path absolute and leaves an absolute URL as it is.
func (s Site) absolute(ref string) string {
	if strings.HasPrefix(ref, "/") {
		return s.URL(ref)
	}
	return ref
}

// webSite is the schema.org WebSite the front page carries: the publication, and how to search it.
type webSite struct {
	Context         string         `json:"@context"`
	Type            string         `json:"@type"`
	Name            string         `json:"name"`
	URL             string         `json:"url"`
	Description     string         `json:"description,omitempty"`
	InLanguage      string         `json:"inLanguage"`
	Publisher       ldThing        `json:"publisher"`
	PotentialAction ldSearchAction `json:"potentialAction"`
}

// ldSearchAction says where the site's search is: schema.org's SearchAction with the
// "query-input" annotation of schema.org's Actions, which names the placeholder in the target.
type ldSearchAction struct {
	Type       string       `json:"@type"`
	Target     ldEntryPoint `json:"target"`
	QueryInput string       `json:"query-input"`
}

// ldEntryPoint is a schema.org EntryPoint given by a URL template.
type ldEntryPoint struct {
	Type        string `json:"@type"`
	URLTemplate string `json:"urlTemplate"`
}

// SearchPath is where the public search page answers, given its query as q.
const SearchPath = "/search"

// siteJSONLD describes the publication for the front page.
func siteJSONLD(site Site) webSite {
	return webSite{
		Context:     "https://schema.org",
		Type:        "WebSite",
		Name:        site.Name,
		URL:         site.URL("/"),
		Description: site.Description,
		InLanguage:  site.lang(),
		Publisher:   publisher(site),
		PotentialAction: ldSearchAction{
			Type:       "SearchAction",
			Target:     ldEntryPoint{Type: "EntryPoint", URLTemplate: site.URL(SearchPath + "?q={search_term_string}")},
			QueryInput: "required name=search_term_string",
		},
	}
}
