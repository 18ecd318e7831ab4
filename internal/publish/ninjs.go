package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ninjs is the subset of IPTC ninjs 2.1 Copydesk fills, in the order it is written. The schema
// has no "bylines" (that is ninjs 3); 2.1 carries the byline in "by".
type ninjs struct {
	URI                string             `json:"uri"`
	Standard           ninjsStandard      `json:"standard"`
	Type               string             `json:"type"`
	RepresentationType string             `json:"representationtype"`
	Slugline           string             `json:"slugline"`
	FirstCreated       string             `json:"firstcreated"`
	VersionCreated     string             `json:"versioncreated"`
	PubStatus          string             `json:"pubstatus"`
	Language           string             `json:"language"`
	By                 string             `json:"by,omitempty"`
	Headlines          []ninjsText        `json:"headlines"`
	Descriptions       []ninjsText        `json:"descriptions"`
	Bodies             []ninjsBody        `json:"bodies"`
	Subjects           []ninjsSubject     `json:"subjects,omitempty"`
	Infosources        []ninjsSource      `json:"infosources,omitempty"`
	Renditions         []ninjsRendered    `json:"renditions"`
	Associations       []ninjsAssociation `json:"associations,omitempty"`
}

// ninjsStandard names the standard and schema the document follows, as 2.1 recommends.
type ninjsStandard struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Schema  string `json:"schema"`
}

// ninjsText is a headline or a description, which share their shape.
type ninjsText struct {
	Role  string `json:"role"`
	Value string `json:"value"`
}

// ninjsBody is one body: its text and the counts ninjs defines for it.
type ninjsBody struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	CharCount   int    `json:"charcount"`
	WordCount   int    `json:"wordcount"`
	Value       string `json:"value"`
}

// ninjsSubject is one topic.
type ninjsSubject struct {
	Name string `json:"name"`
}

// ninjsSource names the site as the information source.
type ninjsSource struct {
	Name string `json:"name"`
	URI  string `json:"uri,omitempty"`
}

// ninjsRendered points at one of the other renditions Copydesk serves.
type ninjsRendered struct {
	Name        string `json:"name"`
	Href        string `json:"href"`
	ContentType string `json:"contenttype"`
}

// NinJS renders the article as an IPTC ninjs 2.1 news item. The brief is the description with
// role "summary"; each correction is one more description with role "correction" reading
// "May 8, 2025: note", newest first, because 2.1 has no field of its own for corrections and a
// description is published text, unlike ednote. The body is one text/plain value with a blank
// line between paragraphs; the editor's comment, when there is one, is a second body with role
// "editorscomment". language is the piece's.
func NinJS(site Site, a Article) ([]byte, error) {
	urls := URLs(site, a.Slug)
	n := ninjs{
		URI: urls["html"],
		Standard: ninjsStandard{
			Name: "ninjs", Version: "2.1",
			Schema: "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
		},
		Type:               "text",
		RepresentationType: "full",
		Slugline:           a.Slug,
		FirstCreated:       stamp(a.firstPublished()),
		VersionCreated:     stamp(a.PublishedAt),
		PubStatus:          "usable",
		Language:           a.lang(site),
		By:                 a.Byline,
		Headlines:          []ninjsText{{Role: "main", Value: a.Title}},
		Descriptions:       []ninjsText{{Role: "summary", Value: a.Brief}},
		Bodies:             []ninjsBody{plainBody("main", strings.Join(a.Body, "\n\n"))},
		Renditions: []ninjsRendered{
			{Name: "html", Href: urls["html"], ContentType: "text/html"},
			{Name: "text", Href: urls["text"], ContentType: "text/plain"},
			{Name: "markdown", Href: urls["markdown"], ContentType: "text/markdown"},
			{Name: "brief", Href: urls["brief"], ContentType: "text/plain"},
		},
	}
	if a.EditorComment != "" {
		n.Bodies = append(n.Bodies, plainBody("editorscomment", a.EditorComment))
	}
	n.Associations = ninjsPicture(site, a.Image)
	for _, c := range a.Corrections {
		n.Descriptions = append(n.Descriptions, ninjsText{Role: "correction", Value: site.correction(c)})
	}
	for _, t := range a.Topics {
		n.Subjects = append(n.Subjects, ninjsSubject{Name: t})
	}
	if site.Name != "" {
		n.Infosources = []ninjsSource{{Name: site.Name, URI: site.base()}}
	}
	// NinJS keeps encoding/json's HTML escaping on, so "</script>" in any field is written as
	// "\u003c/script\u003e" and the document stays inert wherever it is embedded.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("publish: ninjs for %q: %w", a.Slug, err)
	}
	return buf.Bytes(), nil
}

// plainBody builds a text/plain body with the counts ninjs defines for it.
func plainBody(role, text string) ninjsBody {
	return ninjsBody{
		Role:        role,
		ContentType: "text/plain",
		CharCount:   utf8.RuneCountInString(text),
		WordCount:   wordCount(text),
		Value:       text,
	}
}

// wordCount counts the words of text as word processors do. A word is a stretch between spaces
// with a letter or a number in it (a digit, or a fraction or numeral written as one character:
// ½, Ⅻ, ③), so that a dash or an emoji standing alone is none; Chinese and Japanese, written
// without spaces between words, count one word a character (Han, Hiragana or Katakana), and the
// letters of other scripts next to them a word a stretch.
func wordCount(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		inWord := false
		for _, r := range f {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				n, inWord = n+1, false
			case !inWord && (unicode.IsLetter(r) || unicode.IsNumber(r)):
				n, inWord = n+1, true
			}
		}
	}
	return n
}
