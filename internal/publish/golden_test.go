package publish

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/web"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// correctedArticle is a second snapshot that uses what the seed does not: topics, two
// corrections (newest first), a first publication before this one, and Markdown punctuation.
func correctedArticle() Article {
	return Article{
		Slug:   "cafe-owners-cheer-councils-sidewalk-summer-plan",
		Title:  "Café Owners Cheer Council’s “Sidewalk Summer” Plan",
		Byline: "Ana Pérez",
		Brief:  "The city council approved a plan letting cafés set tables on sidewalks from June to September.",
		Body: []string{
			"The council voted 7–2 on Tuesday to let cafés and restaurants put up to six tables on the sidewalk in front of them, from 5 p.m. to 11 p.m.",
			"Mayor O’Neil said, “It’s a small change with a big table.” Owners must keep 1.5 m of the walkway clear & pay a *flat* fee of $120.",
			"# Not a heading: the plan is reviewed after one summer.",
		},
		Topics:           []string{"City Council", "Small Business", "Urban Life"},
		EditorComment:    "Finally, a council vote everyone can sit down for.",
		PublishedAt:      time.Date(2025, 5, 9, 14, 30, 0, 0, time.UTC),
		FirstPublishedAt: time.Date(2025, 5, 7, 9, 15, 0, 0, time.UTC),
		Corrections: []Correction{
			{At: time.Date(2025, 5, 9, 14, 30, 0, 0, time.UTC), Note: "An earlier version misspelled Mayor O’Neil’s name."},
			{At: time.Date(2025, 5, 8, 10, 0, 0, 0, time.UTC), Note: "The plan runs to September, not October."},
		},
	}
}

// TestGolden renders the seed and the corrected article in every format and compares the bytes
// with testdata/golden. Run `go test ./internal/publish -update` to accept a deliberate change.
func TestGolden(t *testing.T) {
	_, seedDoc := mustSeed(t)
	seed, corrected := articleOf(seedDoc), correctedArticle()
	for _, tc := range []struct {
		name string
		a    Article
	}{{"seed", seed}, {"corrected", corrected}, {"illustrated", illustratedArticle()}} {
		t.Run(tc.name, func(t *testing.T) {
			checkGolden(t, tc.name+".txt", Text(testSite, tc.a))
			checkGolden(t, tc.name+".brief.txt", BriefText(testSite, tc.a))
			checkGolden(t, tc.name+".md", Markdown(testSite, tc.a))
			checkGolden(t, tc.name+".json", must(NinJS(testSite, tc.a)))
			checkGolden(t, tc.name+".atom", must(Atom(testSite, []Article{tc.a}, tc.a.PublishedAt)))
			var html bytes.Buffer
			if err := HTML(&html, testSite, tc.a); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".html", html.Bytes())
		})
	}
	t.Run("front", func(t *testing.T) {
		var html bytes.Buffer
		if err := FrontPage(&html, testSite, []Article{seed, corrected}); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "front.html", html.Bytes())
		checkGolden(t, "briefs.atom", must(Atom(testSite, []Article{seed, corrected}, corrected.PublishedAt)))
		html.Reset()
		if err := FrontPage(&html, testSite, []Article{illustratedArticle(), seed}); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "front.illustrated.html", html.Bytes())
	})
}

// checkGolden compares got with the golden file name. The stylesheet's fingerprinted URL is
// written there by its plain name, since the fingerprint changes with every edit to the
// stylesheet, which is no change to the pages.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = bytes.ReplaceAll(got, []byte(web.StaticPath("style.css")), []byte("/static/style.css"))
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, firstDiff(got, want))
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestCorrectionsEverywhere(t *testing.T) {
	a := correctedArticle()
	var html bytes.Buffer
	if err := HTML(&html, testSite, a); err != nil {
		t.Fatal(err)
	}
	var front bytes.Buffer
	if err := FrontPage(&front, testSite, []Article{a}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{
		"text":  string(Text(testSite, a)),
		"brief": string(BriefText(testSite, a)),
		"md":    string(Markdown(testSite, a)),
		"ninjs": string(must(NinJS(testSite, a))),
		"atom":  string(must(Atom(testSite, []Article{a}, a.PublishedAt))),
		"html":  html.String(),
		"front": front.String(),
	} {
		newer, older := strings.Index(out, "May 9, 2025"), strings.Index(out, "September, not October")
		if !strings.Contains(out, "misspelled Mayor O’Neil’s name") || older < 0 {
			t.Errorf("%s: corrections missing", name)
		} else if strings.Index(out, "misspelled") > older || newer < 0 {
			t.Errorf("%s: corrections not dated newest first", name)
		}
	}
}

// TestZeroValues renders an empty article for an unconfigured site: every renderer must cope,
// with UTC, English and no footer as the defaults.
func TestZeroValues(t *testing.T) {
	var site Site
	var a Article
	if got := string(Text(site, a)); got != "\n\n\nJanuary 1, 0001\nBrief\n\nTopics\n" {
		t.Errorf("Text = %q", got)
	}
	_ = BriefText(site, a)
	_ = Markdown(site, a)
	if _, err := NinJS(site, a); err != nil {
		t.Error(err)
	}
	if _, err := Atom(site, []Article{a}, time.Time{}); err != nil {
		t.Error(err)
	}
	var buf bytes.Buffer
	if err := HTML(&buf, site, a); err != nil {
		t.Error(err)
	}
	if err := FrontPage(&buf, site, nil); err != nil {
		t.Error(err)
	}
	if !strings.Contains(buf.String(), "Nothing has been published yet.") {
		t.Error("the empty front page does not say so")
	}
}
