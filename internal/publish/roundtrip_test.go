package publish

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// testSite is the site every golden file is rendered for.
var testSite = Site{
	Name:     "Copydesk",
	BaseURL:  "http://127.0.0.1:8080",
	Footer:   DefaultFooter,
	Language: "en",
	Location: time.UTC,
}

// articleOf publishes a parsed document on its own date, as the import of a seed file does.
func articleOf(d Document) Article {
	return Article{
		Slug:             Slug(d.Title),
		Title:            d.Title,
		Byline:           d.Byline,
		Brief:            d.Brief,
		EditorComment:    d.EditorComment,
		Body:             d.Body,
		Topics:           d.Topics,
		PublishedAt:      d.Date,
		FirstPublishedAt: d.Date,
		Corrections:      d.Corrections,
	}
}

// mustSeed parses testdata/seed.txt, a copy of ../shared/seeds/000_404ee4019003f284.txt.
func mustSeed(t testing.TB) ([]byte, Document) {
	t.Helper()
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(seed, DefaultFooter)
	if err != nil {
		t.Fatalf("Parse(seed): %v", err)
	}
	return seed, d
}

func TestSeedRoundTrip(t *testing.T) {
	seed, d := mustSeed(t)
	t.Run("Fields", func(t *testing.T) {
		if d.Title != "Mexico’s Sheinbaum Rejects Trump’s Troop Offer to Battle Drug Cartels" {
			t.Errorf("Title = %q", d.Title)
		}
		if d.Byline != "Sarah Johnson" || !d.Date.Equal(time.Date(2025, 5, 7, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("Byline, Date = %q, %v", d.Byline, d.Date)
		}
		if len(d.Body) != 5 || d.Topics != nil || d.Corrections != nil {
			t.Errorf("len(Body), Topics, Corrections = %d, %q, %v; want 5, nil, nil", len(d.Body), d.Topics, d.Corrections)
		}
		if want := "Sheinbaum’s telling Trump"; !strings.HasPrefix(d.EditorComment, want) {
			t.Errorf("EditorComment = %q, want it to start with %q", d.EditorComment, want)
		}
	})
	t.Run("TextIsTheSeed", func(t *testing.T) {
		got := Text(testSite, articleOf(d))
		if want := append(bytes.Clone(seed), '\n'); !bytes.Equal(got, want) {
			t.Errorf("Text(Parse(seed)) differs from the seed plus a newline:\n%s", firstDiff(got, want))
		}
	})
	t.Run("CRLFAndBOM", func(t *testing.T) {
		crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(seed, []byte("\n"), []byte("\r\n"))...)
		got, err := Parse(append(crlf, "\r\n"...), DefaultFooter)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("Parse(BOM + CRLF seed) = %+v, want %+v", got, d)
		}
	})
	t.Run("WithoutFooter", func(t *testing.T) {
		s := Site{Location: time.UTC}
		got, err := Parse(Text(s, articleOf(d)), DefaultFooter)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("Parse(seed without footer) = %+v, want %+v", got, d)
		}
	})
	t.Run("WithoutComment", func(t *testing.T) {
		a := articleOf(d)
		a.EditorComment = ""
		text := Text(testSite, a)
		if bytes.Contains(text, []byte(headingComment)) {
			t.Errorf("Text of a piece without a comment has the Editor's Comments heading:\n%s", text)
		}
		want := d
		want.EditorComment = ""
		if got, err := Parse(text, DefaultFooter); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(Text(no comment)) = %+v, %v; want %+v", got, err, want)
		}
	})
	t.Run("Corrections", func(t *testing.T) {
		a := correctedArticle()
		d, err := Parse(Text(testSite, a), DefaultFooter)
		if err != nil {
			t.Fatal(err)
		}
		want := []Correction{
			{At: time.Date(2025, 5, 9, 0, 0, 0, 0, time.UTC), Note: a.Corrections[0].Note},
			{At: time.Date(2025, 5, 8, 0, 0, 0, 0, time.UTC), Note: a.Corrections[1].Note},
		}
		if !reflect.DeepEqual(d.Corrections, want) {
			t.Errorf("Corrections = %v, want %v", d.Corrections, want)
		}
	})
}

// TestDateLineUsesSiteZone shows why Site.Location matters: late evening in New York is already
// the next day in UTC, and the date line must follow the newsroom's clock.
func TestDateLineUsesSiteZone(t *testing.T) {
	a := correctedArticle()
	a.PublishedAt = time.Date(2025, 5, 8, 2, 0, 0, 0, time.UTC)
	s := testSite
	s.Location = time.FixedZone("EDT", -4*60*60)
	if got := bytes.Split(Text(s, a), []byte("\n"))[3]; string(got) != "May 7, 2025" {
		t.Errorf("date line = %q, want %q", got, "May 7, 2025")
	}
}

// firstDiff shows the first line where got and want part, which is all a reader needs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, at(g, i), at(w, i))
		}
	}
	return "(equal)"
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// TestHeadingClashes lists the pieces the format cannot carry, and shows that they indeed do not
// survive the round trip, while a heading's words anywhere else in a piece do.
func TestHeadingClashes(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		topics  []string
		clashes []string
	}{
		{"None", []string{"One.", "Topics and more"}, []string{"Topics", "Brief"}, nil},
		{"BodyTopics", []string{"One.", "Topics"}, nil, []string{`body paragraph 2 is "Topics"`}},
		{"BodyComments", []string{"Editor's Comments", "Two."}, nil, []string{`body paragraph 1 is "Editor's Comments"`}},
		{"TopicComments", []string{"One."}, []string{"Mexico", "Editor's Comments"}, []string{`topic 2 is "Editor's Comments"`}},
		{"TopicCorrections", []string{"One."}, []string{"Corrections"}, []string{`topic 1 is "Corrections"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := HeadingClashes(tt.body, tt.topics)
			if !reflect.DeepEqual(got, tt.clashes) {
				t.Fatalf("HeadingClashes = %q, want %q", got, tt.clashes)
			}
			a := Article{Title: "Brief", Byline: "Topics", Brief: "Editor's Comments", Body: tt.body, Topics: tt.topics,
				EditorComment: "Topics", PublishedAt: time.Date(2025, 5, 7, 0, 0, 0, 0, time.UTC)}
			d, err := Parse(Text(testSite, a), DefaultFooter)
			survived := err == nil && reflect.DeepEqual(d.Body, a.Body) && reflect.DeepEqual(d.Topics, a.Topics)
			if survived != (got == nil) {
				t.Fatalf("round trip survived = %v (%v), want %v", survived, err, got == nil)
			}
		})
	}
}
