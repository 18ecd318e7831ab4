package publish

// newsArticle is the schema.org NewsArticle the article page carries as JSON-LD, for search
// engines and link previews. It leaves out articleBody: the body is the page itself, and
// repeating it in the head doubled the size of every article page.
type newsArticle struct {
	Context       string         `json:"@context"`
	Type          string         `json:"@type"`
	Headline      string         `json:"headline"`
	Description   string         `json:"description"`
	DatePublished string         `json:"datePublished"`
	DateModified  string         `json:"dateModified"`
	Author        ldThing        `json:"author"`
	Keywords      []string       `json:"keywords,omitempty"`
	URL           string         `json:"url"`
	InLanguage    string         `json:"inLanguage"`
	Publisher     ldThing        `json:"publisher"`
	Correction    []ldCorrection `json:"correction,omitempty"`
	Image         []string       `json:"image,omitempty"`
}

// ldThing is a schema.org Person or Organization, named and optionally linked.
type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// ldCorrection is a schema.org CorrectionComment, the type NewsArticle's correction expects.
type ldCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// jsonLD describes the article for schema.org. html/template marshals it into the page's
// <script type="application/ld+json"> with "<" escaped, so no field can end the script.
func jsonLD(site Site, a Article) newsArticle {
	ld := newsArticle{
		Context:       "https://schema.org",
		Type:          "NewsArticle",
		Headline:      a.Title,
		Description:   a.Brief,
		DatePublished: stamp(a.firstPublished()),
		DateModified:  stamp(a.PublishedAt),
		Author:        ldThing{Type: "Person", Name: a.Byline},
		Keywords:      a.Topics,
		URL:           URLs(site, a.Slug)["html"],
		InLanguage:    site.lang(),
		Publisher:     ldThing{Type: "Organization", Name: site.Name, URL: site.base() + "/"},
		Image:         imageURLs(site, a),
	}
	for _, c := range a.Corrections {
		ld.Correction = append(ld.Correction, ldCorrection{Type: "CorrectionComment", Text: c.Note, DatePublished: stamp(c.At)})
	}
	return ld
}
