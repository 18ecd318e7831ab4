package publish

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// evil is text that would run a script if any renderer passed it through as markup.
const evil = `</script><script>alert("x")</script> & <!-- <b>`

// scriptArticle carries evil in every text field.
func scriptArticle() Article {
	return Article{
		Slug: "script", Title: "Title " + evil, Byline: "By " + evil, Brief: "Brief " + evil,
		Body: []string{"Body " + evil}, Topics: []string{"Topic " + evil}, EditorComment: "Comment " + evil,
		PublishedAt: time.Date(2025, 5, 9, 0, 0, 0, 0, time.UTC),
		Corrections: []Correction{{At: time.Date(2025, 5, 9, 0, 0, 0, 0, time.UTC), Note: "Note " + evil}},
	}
}

func TestScriptStaysText(t *testing.T) {
	a := scriptArticle()
	site := testSite
	site.Name, site.Footer = "Site "+evil, []string{"Footer " + evil}

	t.Run("HTML", func(t *testing.T) {
		var buf bytes.Buffer
		if err := HTML(&buf, site, a); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		// The page's only script element is the JSON-LD one.
		if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
			t.Errorf("the page has %d <script tags, want 1 (the JSON-LD)", n)
		}
		if n := strings.Count(strings.ToLower(page), "</script"); n != 1 {
			t.Errorf("the page has %d </script tags, want 1", n)
		}
		if strings.Contains(page, "<b>") || strings.Contains(page, "<!-- <b>") {
			t.Error("markup from a field reached the page")
		}
		if !strings.Contains(page, "Body &lt;/script&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;!-- &lt;b&gt;") {
			t.Error("the body paragraph is not shown as escaped text")
		}
		start := strings.Index(page, `<script type="application/ld+json">`)
		end := strings.Index(page, "</script>")
		if start < 0 || end < start {
			t.Fatal("no JSON-LD script element")
		}
		var ld newsArticle
		if err := json.Unmarshal([]byte(page[start+len(`<script type="application/ld+json">`):end]), &ld); err != nil {
			t.Fatalf("JSON-LD does not parse: %v", err)
		}
		if ld.Headline != a.Title || ld.Author.Name != a.Byline || ld.Keywords[0] != a.Topics[0] ||
			ld.Correction[0].Text != a.Corrections[0].Note || ld.Publisher.Name != site.Name {
			t.Errorf("JSON-LD does not carry the fields as written: %+v", ld)
		}
	})
	t.Run("FrontPage", func(t *testing.T) {
		var buf bytes.Buffer
		if err := FrontPage(&buf, site, []Article{a}); err != nil {
			t.Fatal(err)
		}
		page := strings.ToLower(buf.String())
		if n := strings.Count(page, "<script"); n != 1 || !strings.Contains(page, `<script type="application/ld+json">`) {
			t.Errorf("the front page has %d <script tags, want only its JSON-LD", n)
		}
	})
	t.Run("NinJS", func(t *testing.T) {
		out := must(NinJS(site, a))
		if bytes.Contains(out, []byte("<")) || bytes.Contains(out, []byte(">")) {
			t.Error("ninjs holds a raw < or >; they must be escaped as \\u003c and \\u003e")
		}
		var doc struct{ Headlines []struct{ Value string } }
		if err := json.Unmarshal(out, &doc); err != nil || doc.Headlines[0].Value != a.Title {
			t.Errorf("ninjs headline = %+v, %v; want %q", doc.Headlines, err, a.Title)
		}
	})
	t.Run("Atom", func(t *testing.T) {
		out := must(Atom(site, []Article{a}, a.PublishedAt))
		if bytes.Contains(out, []byte("<script")) || bytes.Contains(out, []byte("<b>")) {
			t.Error("markup from a field reached the feed unescaped")
		}
		var feed feedForTest
		if err := xml.Unmarshal(out, &feed); err != nil {
			t.Fatal(err)
		}
		if feed.Entries[0].Title != a.Title || !strings.HasPrefix(feed.Entries[0].Summary, a.Brief) {
			t.Errorf("entry title, summary = %q, %q", feed.Entries[0].Title, feed.Entries[0].Summary)
		}
	})
	t.Run("Markdown", func(t *testing.T) {
		out := string(Markdown(site, a))
		if strings.Contains(strings.ReplaceAll(out, `\<`, ""), "<") {
			t.Errorf("a < without a backslash reached the Markdown:\n%s", out)
		}
		if !strings.Contains(out, `Body \</script\>\<script\>alert("x")\</script\> & \<!-- \<b\>`) {
			t.Errorf("the body paragraph is not escaped as literal text:\n%s", out)
		}
	})
}

func TestMarkdownEscapesBlockStarts(t *testing.T) {
	a := correctedArticle()
	a.Body = []string{"# not a heading", "- not a list", "12. not a list", "    not code", "---"}
	out := string(Markdown(testSite, a))
	for _, want := range []string{"\n\\# not a heading\n", "\n\\- not a list\n", "\n12\\. not a list\n", "\nnot code\n", "\n\\---\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// TestMarkdownTitleKeepsItsHashes: CommonMark drops a run of "#" that ends a heading after a
// space, its optional closing sequence, unless the first of them is escaped ("### foo \###" in
// the spec's ATX headings); a "#" inside the title or joined to a word stays as it is.
func TestMarkdownTitleKeepsItsHashes(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Dial 0300 123 4567 and Press #", `# Dial 0300 123 4567 and Press \#`},
		{"Rated ##", `# Rated \##`},
		{"Tabbed\t#", "# Tabbed\t\\#"},
		{"Why Newsrooms Learn C#", "# Why Newsrooms Learn C#"},
		{"#1 Again: Press # Twice", `# \#1 Again: Press # Twice`},
		{"#", `# \#`},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			a := correctedArticle()
			a.Title = tt.title
			if out := string(Markdown(testSite, a)); !strings.HasPrefix(out, tt.want+"\n\n") {
				t.Errorf("Markdown opens with %q, want %q", out[:strings.Index(out, "\n")], tt.want)
			}
		})
	}
}

// TestMarkdownLeavesURLsWhole: "&" and "_" are escaped only where Markdown would read them as
// more than themselves, so that a URL keeps no backslash that would end the link a reader makes
// of it, and everything else still reads as literal text.
func TestMarkdownLeavesURLsWhole(t *testing.T) {
	tests := []struct{ name, paragraph, want string }{
		{"QueryString", "See https://example.org/a?b=1&c=2 now.", "See https://example.org/a?b=1&c=2 now."},
		{"UnderscoresInAPath", "At https://example.org/some_page_2_x.", "At https://example.org/some_page_2_x."},
		{"SnakeCase", "the max_len and AT&T", "the max_len and AT&T"},
		{"Accented", "été_über", "été_über"},
		{"NamedEntity", "&copy; &amp;", `\&copy; \&amp;`},
		{"NumericEntities", "&#169; &#xA9; &#XA9;", `\&#169; \&#xA9; \&#XA9;`},
		{"Emphasis", "_a_ and __b__", `\_a\_ and \_\_b\_\_`},
		{"UnderscoreAtAnEdge", "a_ _b a_.", `a\_ \_b a\_.`},
		{"EscapedBackslashFirst", `\_ and \&copy;`, `\\\_ and \\\&copy;`},
		{"ThematicBreak", "___", `\_\_\_`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := correctedArticle()
			a.Body = []string{tt.paragraph}
			if out := string(Markdown(testSite, a)); !strings.Contains(out, "\n"+tt.want+"\n") {
				t.Errorf("Markdown lacks the line %q:\n%s", tt.want, out)
			}
		})
	}
}
