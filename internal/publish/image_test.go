package publish

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// illustratedArticle is the corrected article with a lead image in three sizes, whose words need
// escaping in every format.
func illustratedArticle() Article {
	a := correctedArticle()
	a.Slug = "cafe-tables-on-the-sidewalk"
	a.Image = &Image{
		Alt: `Tables & chairs outside "Café Luna" at dusk`, Caption: "The first evening of the plan <on Main Street>.", Credit: "Ana Ruiz",
		Variants: []ImageVariant{
			{Path: "/images/" + strings.Repeat("a", 64) + ".jpg", Width: 320, Height: 213, ContentType: "image/jpeg"},
			{Path: "/images/" + strings.Repeat("b", 64) + ".jpg", Width: 640, Height: 427, ContentType: "image/jpeg"},
			{Path: "/images/" + strings.Repeat("c", 64) + ".jpg", Width: 1200, Height: 800, ContentType: "image/jpeg"},
		},
	}
	return a
}

// TestLeadImageInEveryFormat checks the lead image reaches each output a reader, a crawler or a
// partner reads, and that a piece without one carries none of it.
func TestLeadImageInEveryFormat(t *testing.T) {
	a := illustratedArticle()
	wide := "http://127.0.0.1:8080/images/" + strings.Repeat("c", 64) + ".jpg"
	var page bytes.Buffer
	if err := HTML(&page, testSite, a); err != nil {
		t.Fatal(err)
	}
	var front bytes.Buffer
	if err := FrontPage(&front, testSite, []Article{a}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, out string
		want      []string
	}{
		{"ArticleFigure", page.String(), []string{
			`<figure class="lead"><img src="/images/` + strings.Repeat("c", 64) + `.jpg"`,
			`srcset="/images/` + strings.Repeat("a", 64) + `.jpg 320w, /images/` + strings.Repeat("b", 64) + `.jpg 640w, /images/` + strings.Repeat("c", 64) + `.jpg 1200w"`,
			`sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"`, `width="1200" height="800"`,
			`alt="Tables &amp; chairs outside &#34;Café Luna&#34; at dusk"`,
			`<figcaption>The first evening of the plan &lt;on Main Street&gt;. <span class="credit">Ana Ruiz</span></figcaption>`,
		}},
		{"OpenGraph", page.String(), []string{
			`<meta property="og:image" content="` + wide + `">`, `<meta property="og:image:width" content="1200">`,
			`<meta property="og:image:height" content="800">`, `<meta property="og:image:alt" content="Tables &amp; chairs`,
			`<meta name="twitter:card" content="summary_large_image">`, `<meta name="twitter:image" content="` + wide + `">`,
		}},
		{"JSONLD", string(mustJSON(t, jsonLD(testSite, a))), []string{`"image":["` + wide + `","http://127.0.0.1:8080/images/` + strings.Repeat("b", 64) + `.jpg",`}},
		{"FrontThumbnail", front.String(), []string{`<img class="thumb" src="/images/` + strings.Repeat("a", 64) + `.jpg" width="320" height="213" alt="Tables &amp; chairs`}},
		{"Atom", string(must(Atom(testSite, []Article{a}, a.PublishedAt))), []string{`<link rel="enclosure" type="image/jpeg" href="` + wide + `"></link>`}},
		{"NinJS", string(must(NinJS(testSite, a))), []string{`"associations": [`, `"type": "picture"`, `"uri": "` + wide + `"`, `"by": "Ana Ruiz"`,
			`"role": "alt"`, `"role": "caption"`, `"name": "640w"`, `"width": 1200`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range tc.want {
				if !strings.Contains(tc.out, w) {
					t.Errorf("missing %s", w)
				}
			}
		})
	}
	t.Run("NoImageNoTrace", func(t *testing.T) {
		plain := correctedArticle()
		var page, front bytes.Buffer
		if err := HTML(&page, testSite, plain); err != nil {
			t.Fatal(err)
		}
		if err := FrontPage(&front, testSite, []Article{plain}); err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"html": page.String(), "front": front.String(), "jsonld": string(mustJSON(t, jsonLD(testSite, plain))),
			"atom": string(must(Atom(testSite, []Article{plain}, plain.PublishedAt))), "ninjs": string(must(NinJS(testSite, plain)))} {
			for _, trace := range []string{"<figure", "og:image", "twitter:image", `"image"`, "enclosure", "associations", `class="thumb"`} {
				if strings.Contains(out, trace) {
					t.Errorf("%s of a piece without an image has %s", name, trace)
				}
			}
		}
	})
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
