package publish

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"
)

// feedForTest reads an Atom feed the way a feed reader would, independently of atom.go's types.
type feedForTest struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Author    string `xml:"author>name"`
		Lang      string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Summary   string `xml:"summary"`
		Content   struct {
			Type string `xml:"type,attr"`
			HTML string `xml:",chardata"`
		} `xml:"content"`
		Corrections []struct {
			Published string `xml:"published,attr"`
			Note      string `xml:",chardata"`
		} `xml:"https://github.com/copydesk/copydesk/ns/atom correction"`
		Category []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func TestAtom(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 5, d, 12, 0, 0, 0, time.UTC) }
	older := Article{Slug: "older", Title: "Older", Byline: "A", Brief: "Old brief.", PublishedAt: day(1)}
	newest := Article{Slug: "newest", Title: "Newest", Byline: "B", Brief: "New brief.", PublishedAt: day(5)}
	// A correction republishes the middle piece last; it keeps its place by first publication.
	middle := correctedArticle()
	middle.FirstPublishedAt, middle.PublishedAt = day(3), day(9)

	out, err := Atom(testSite, []Article{older, middle, newest}, day(9))
	if err != nil {
		t.Fatal(err)
	}
	var feed feedForTest
	if err := xml.Unmarshal(out, &feed); err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, out)
	}
	if feed.ID != "http://127.0.0.1:8080/feed.atom" || feed.Updated != "2025-05-09T12:00:00Z" || feed.Title != "Copydesk briefs" {
		t.Errorf("feed id, updated, title = %q, %q, %q", feed.ID, feed.Updated, feed.Title)
	}
	if len(feed.Links) == 0 || feed.Links[0].Rel != "self" || feed.Links[0].Href != feed.ID {
		t.Errorf("feed links = %+v, want a self link first", feed.Links)
	}
	var got []string
	for _, e := range feed.Entries {
		got = append(got, e.Title)
	}
	if want := []string{"Newest", middle.Title, "Older"}; !slices.Equal(got, want) {
		t.Fatalf("entries = %q, want newest first %q", got, want)
	}
	e := feed.Entries[1]
	if e.ID != URLs(testSite, middle.Slug)["html"] || e.Published != "2025-05-03T12:00:00Z" || e.Updated != "2025-05-09T12:00:00Z" || e.Author != middle.Byline {
		t.Errorf("entry id, published, updated, author = %q, %q, %q, %q", e.ID, e.Published, e.Updated, e.Author)
	}
	if e.Summary != middle.Brief {
		t.Errorf("entry summary = %q, want the brief alone, %q", e.Summary, middle.Brief)
	}
	if e.Content.Type != "html" || !strings.HasPrefix(e.Content.HTML, `<article class="story" lang="en">`) ||
		!strings.Contains(e.Content.HTML, middle.Body[0]) || !strings.Contains(e.Content.HTML, "<h2>Corrections</h2>") {
		t.Errorf("entry content = %q (%s), want the whole article as HTML", e.Content.HTML, e.Content.Type)
	}
	if len(e.Corrections) != 2 || e.Corrections[0].Published != "2025-05-09T14:30:00Z" || e.Corrections[0].Note != middle.Corrections[0].Note ||
		e.Corrections[1].Note != middle.Corrections[1].Note {
		t.Errorf("entry corrections = %+v, want both, newest first", e.Corrections)
	}
	if len(feed.Entries[0].Corrections) != 0 {
		t.Errorf("an entry without corrections has %+v", feed.Entries[0].Corrections)
	}
	var terms []string
	for _, c := range e.Category {
		terms = append(terms, c.Term)
	}
	if !slices.Equal(terms, middle.Topics) {
		t.Errorf("entry categories = %q, want %q", terms, middle.Topics)
	}
}

// TestAtomLanguage shows each entry in its piece's language, whatever the feed's.
func TestAtomLanguage(t *testing.T) {
	ar := Article{Slug: "ar", Title: "مصر ترفض عرض القوات", Byline: "A", Brief: "موجز.", Body: []string{"فقرة."}, Language: "ar",
		PublishedAt: time.Date(2025, 5, 2, 0, 0, 0, 0, time.UTC)}
	en := Article{Slug: "en", Title: "English", Byline: "B", Brief: "Brief.", Body: []string{"Text."}, PublishedAt: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}
	var feed feedForTest
	if err := xml.Unmarshal(must(Atom(testSite, []Article{ar, en}, ar.PublishedAt)), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Entries[0].Lang != "ar" || feed.Entries[1].Lang != "en" {
		t.Errorf("entry languages = %q, %q; want ar, en", feed.Entries[0].Lang, feed.Entries[1].Lang)
	}
	if !strings.Contains(feed.Entries[0].Content.HTML, `lang="ar"`) {
		t.Errorf("the Arabic entry's content does not say its language: %s", feed.Entries[0].Content.HTML)
	}
}
