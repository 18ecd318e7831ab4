package publish

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// arabicArticle is a piece in Arabic on an English site, without topics or an editor's comment.
func arabicArticle() Article {
	return Article{
		Slug: Slug("مصر ترفض عرض القوات"), Title: "مصر ترفض عرض القوات", Byline: "سارة أحمد",
		Brief: "رفضت الرئيسة عرض القوات.", Body: []string{"الفقرة الأولى.", "الفقرة الثانية."},
		Language: "ar", PublishedAt: time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC),
	}
}

func htmlOf(t *testing.T, site Site, a Article) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, site, a); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func frontOf(t *testing.T, site Site, briefs ...Article) string {
	t.Helper()
	var buf bytes.Buffer
	if err := FrontPage(&buf, site, briefs); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// ldOf returns the first JSON-LD object of a page, decoded.
func ldOf(t *testing.T, page string) map[string]any {
	t.Helper()
	const open = `<script type="application/ld+json">`
	start := strings.Index(page, open)
	end := strings.Index(page[max(start, 0):], "</script>")
	if start < 0 || end < 0 {
		t.Fatal("no JSON-LD")
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(page[start+len(open):start+end]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	return ld
}

// TestPageWordsInEnglish: in a piece in another language than English, the page's own words
// (its headings and dates, which are English) are marked English, so that a screen reader does
// not read "Brief" or "May 7, 2025" as Arabic; the piece's words keep the piece's. On a site in
// another language an English piece's headings stay the piece's English, not the site's.
func TestPageWordsInEnglish(t *testing.T) {
	a := arabicArticle()
	a.Topics, a.EditorComment = []string{"مصر"}, "تعليق."
	a.Corrections = []Correction{{At: time.Date(2025, 5, 8, 9, 0, 0, 0, time.UTC), Note: "تصحيح."}}
	a.Claim = &ClaimReview{Claim: "تضاعفت الجريمة.", ClaimedBy: "العمدة", Rating: "False", RatingValue: 1, WorstRating: 1, BestRating: 5}
	date := `<time datetime="2025-05-07T09:00:00Z" lang="en">May 7, 2025</time>`
	page := htmlOf(t, testSite, a)
	for _, want := range []string{
		`<aside class="verdict" aria-labelledby="verdict-heading" lang="en">`, `<blockquote class="claim" dir="auto" lang="ar">`,
		`Claimed by <span dir="auto" lang="ar">العمدة</span>`,
		`<article class="story" lang="ar">`, `<p class="dateline">` + date + `</p>`, `<h2 lang="en">Brief</h2>`, `<h2 lang="en">Topics</h2>`,
		`<h2 lang="en">Editor's Comments</h2>`, `<h2 lang="en">Corrections</h2>`, `<time datetime="2025-05-08T09:00:00Z" lang="en">May 8, 2025</time>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	front := frontOf(t, testSite, a)
	for _, want := range []string{date, `<li lang="en">Correction, <time datetime="2025-05-08T09:00:00Z" lang="en">May 8, 2025</time>: <span dir="auto" lang="ar">تصحيح.</span></li>`} {
		if !strings.Contains(front, want) {
			t.Errorf("the front page lacks %s", want)
		}
	}
	german := testSite
	german.Language = "de"
	for _, tc := range []struct {
		lang, want, notWant string
	}{
		{"en", `<h2>Brief</h2>`, `lang="de">`},
		{"en-GB", `<h2>Brief</h2>`, `lang="de">`},
		{"ar", `<h2 lang="en">Brief</h2>`, `lang="de">`},
	} {
		a := arabicArticle()
		a.Language = tc.lang
		page := htmlOf(t, german, a)
		if !strings.Contains(page, tc.want) {
			t.Errorf("a piece in %s on a German site lacks %s", tc.lang, tc.want)
		}
		if i := strings.Index(page, "<article"); strings.Contains(page[i:], tc.notWant) {
			t.Errorf("a piece in %s on a German site marks some of its words German", tc.lang)
		}
	}
}

func TestLanguageEverywhere(t *testing.T) {
	a := arabicArticle()
	page := htmlOf(t, testSite, a)
	for name, want := range map[string]string{
		"html lang is the site's": `<html lang="en">`,
		"article lang":            `<article class="story" lang="ar">`,
		"og:locale":               `<meta property="og:locale" content="ar_EG">`,
		"title dir":               `<h1 dir="auto">مصر ترفض عرض القوات</h1>`,
		"body dir":                `<p dir="auto">الفقرة الأولى.</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("%s: the page lacks %s", name, want)
		}
	}
	if got := ldOf(t, page)["inLanguage"]; got != "ar" {
		t.Errorf("JSON-LD inLanguage = %v, want ar", got)
	}
	var n struct{ Language string }
	if err := json.Unmarshal(must(NinJS(testSite, a)), &n); err != nil || n.Language != "ar" {
		t.Errorf("ninjs language = %q, %v; want ar", n.Language, err)
	}
	if front := frontOf(t, testSite, a); !strings.Contains(front, `<li class="brief" lang="ar">`) {
		t.Error("the front page does not give the brief its language")
	}
	a.Language = ""
	if page := htmlOf(t, testSite, a); !strings.Contains(page, `<article class="story" lang="en">`) {
		t.Error("a piece without a language does not take the site's")
	}
}

// TestDirAuto checks that every element holding text a person wrote says dir="auto", so that
// right-to-left text reads right to left, and that the page's own words do not.
func TestDirAuto(t *testing.T) {
	a := correctedArticle()
	for name, page := range map[string]string{"article": htmlOf(t, testSite, a), "front": frontOf(t, testSite, a)} {
		page = page[strings.Index(page, "<body>"):]
		for _, text := range append([]string{a.Title, a.Byline, a.Brief, a.Corrections[0].Note}, a.Topics...) {
			i := strings.Index(page, htmlEscaper.Replace(text))
			if i < 0 {
				continue // the front page shows no topics
			}
			open := page[strings.LastIndexByte(page[:i], '<'):i]
			if strings.HasPrefix(open, "<a ") {
				open = page[strings.LastIndexByte(page[:strings.LastIndexByte(page[:i], '<')], '<'):i]
			}
			if !strings.Contains(open, `dir="auto"`) {
				t.Errorf("%s: %q is in %q, without dir=auto", name, text, open)
			}
		}
	}
	if page := htmlOf(t, testSite, a); strings.Contains(page, `<h2 dir="auto">Brief`) {
		t.Error("a heading the page writes itself has dir=auto")
	}
}

// htmlEscaper escapes the way html/template does text, for finding a field in a page.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

// articleOnly is the article element of a page, without the header's links to the archive
// (whose "Topics" is no section of the piece).
func articleOnly(page string) string {
	start, end := strings.Index(page, "<article"), strings.Index(page, "</article>")
	if start < 0 || end < start {
		return page
	}
	return page[start:end]
}

func TestEmptySectionsLeftOut(t *testing.T) {
	a := arabicArticle()
	feed := string(must(Atom(testSite, []Article{a}, a.PublishedAt)))
	for name, out := range map[string]string{
		"html":     articleOnly(htmlOf(t, testSite, a)),
		"markdown": string(Markdown(testSite, a)),
		"ninjs":    string(must(NinJS(testSite, a))),
		"atom":     feed,
		"jsonld":   htmlOf(t, testSite, a)[:strings.Index(htmlOf(t, testSite, a), "</head>")],
	} {
		for _, absent := range []string{"Topics", "Editor's Comments", "Editor&#39;s Comments", "editorscomment", "keywords", "subjects", "<category"} {
			if strings.Contains(out, absent) {
				t.Errorf("%s: holds %q for a piece without topics or a comment", name, absent)
			}
		}
	}
	full := correctedArticle()
	for name, out := range map[string]string{
		"html":     htmlOf(t, testSite, full),
		"markdown": string(Markdown(testSite, full)),
		"atom":     string(must(Atom(testSite, []Article{full}, full.PublishedAt))),
	} {
		if !strings.Contains(out, "Topics") || !strings.Contains(out, full.Topics[0]) || !strings.Contains(out, "Comments") {
			t.Errorf("%s: a piece with topics and a comment lost them", name)
		}
	}
}

func TestSocialMetadata(t *testing.T) {
	site := testSite
	site.Logo, site.Description = "/static/logo.png", "News from the city, checked twice."
	a := correctedArticle()
	page := htmlOf(t, site, a)
	url := URLs(site, a.Slug)["html"]
	for _, want := range []string{
		`<meta name="description" content="` + htmlEscaper.Replace(a.Brief) + `">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:title" content="` + htmlEscaper.Replace(a.Title) + `">`,
		`<meta property="og:description" content="` + htmlEscaper.Replace(a.Brief) + `">`,
		`<meta property="og:url" content="` + url + `">`,
		`<meta property="og:site_name" content="Copydesk">`,
		`<meta property="og:locale" content="en_US">`,
		`<meta property="article:published_time" content="2025-05-07T09:15:00Z">`,
		`<meta property="article:modified_time" content="2025-05-09T14:30:00Z">`,
		`<meta property="article:author" content="http://127.0.0.1:8080/authors/ana-perez">`,
		`<meta property="article:tag" content="Small Business">`,
		`<meta name="twitter:card" content="summary">`,
		`<link rel="alternate" type="application/atom+xml" title="Copydesk briefs" href="http://127.0.0.1:8080/feed.atom">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	ld := ldOf(t, page)
	main, _ := ld["mainEntityOfPage"].(map[string]any)
	author, _ := ld["author"].(map[string]any)
	logo, _ := ld["publisher"].(map[string]any)["logo"].(map[string]any)
	if main["@id"] != url || author["url"] != "http://127.0.0.1:8080/authors/ana-perez" ||
		logo["@type"] != "ImageObject" || logo["url"] != "http://127.0.0.1:8080/static/logo.png" {
		t.Errorf("JSON-LD mainEntityOfPage, author, publisher logo = %v, %v, %v", main, author, logo)
	}
	if ld["dateModified"] != "2025-05-09T14:30:00Z" || ld["datePublished"] != "2025-05-07T09:15:00Z" {
		t.Errorf("JSON-LD dates = %v, %v; want modified at the newest correction", ld["datePublished"], ld["dateModified"])
	}

	t.Run("UncorrectedModifiedIsFirstPublication", func(t *testing.T) {
		b := correctedArticle()
		b.Corrections = nil
		if got := ldOf(t, htmlOf(t, site, b))["dateModified"]; got != "2025-05-07T09:15:00Z" {
			t.Errorf("dateModified = %v, want the first publication", got)
		}
	})
	t.Run("NoLogo", func(t *testing.T) {
		if strings.Contains(htmlOf(t, testSite, a), `"logo"`) {
			t.Error("a site without a logo has one in its JSON-LD")
		}
	})
	t.Run("Image", func(t *testing.T) {
		b := correctedArticle()
		b.Image = &Image{Alt: "Tables on a sidewalk", Variants: []ImageVariant{
			{Path: "/images/1/480.webp", Width: 480, Height: 270, ContentType: "image/webp"},
			{Path: "/images/1/1200.webp", Width: 1200, Height: 675, ContentType: "image/webp"},
		}}
		page := htmlOf(t, site, b)
		for _, want := range []string{
			`<meta property="og:image" content="http://127.0.0.1:8080/images/1/1200.webp">`,
			`<meta property="og:image:alt" content="Tables on a sidewalk">`,
			`<meta name="twitter:card" content="summary_large_image">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the page of a piece with an image lacks %s", want)
			}
		}
	})
	t.Run("FrontPage", func(t *testing.T) {
		front := frontOf(t, site, a)
		for _, want := range []string{
			`<meta name="description" content="News from the city, checked twice.">`,
			`<meta property="og:type" content="website">`,
			`<link rel="alternate" type="application/atom+xml" title="Copydesk briefs" href="http://127.0.0.1:8080/feed.atom">`,
		} {
			if !strings.Contains(front, want) {
				t.Errorf("the front page lacks %s", want)
			}
		}
		ld := ldOf(t, front)
		action, _ := ld["potentialAction"].(map[string]any)
		target, _ := action["target"].(map[string]any)
		if ld["@type"] != "WebSite" || ld["url"] != "http://127.0.0.1:8080/" || ld["description"] != site.Description ||
			ld["inLanguage"] != "en" || target["urlTemplate"] != "http://127.0.0.1:8080/search?q={search_term_string}" {
			t.Errorf("WebSite JSON-LD = %v", ld)
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 40)
	for _, tc := range []struct{ name, in, want string }{
		{"Short", "A short brief.", "A short brief."},
		{"SpaceFarBeforeTheCut", "G7 " + strings.Repeat("日", 200), "G7 " + strings.Repeat("日", 156) + "…"},
		{"SpaceInTheLastQuarter", strings.Repeat("日", 125) + " " + strings.Repeat("本", 100), strings.Repeat("日", 125) + "…"},
		{"SpaceJustBeforeTheLastQuarter", strings.Repeat("日", 119) + " " + strings.Repeat("本", 100), strings.Repeat("日", 119) + " " + strings.Repeat("本", 39) + "…"},
		{"Trimmed", "  Spaced\nout.  ", "Spaced out."},
		{"CutAtWord", long, strings.TrimSpace(strings.Repeat("word ", 31)) + "…"},
		{"NoSpace", strings.Repeat("ب", 200), strings.Repeat("ب", 159) + "…"},
		{"EmojiSequenceKeptWhole", strings.Repeat("日", 156) + "👩\u200d👩\u200d👧" + strings.Repeat("本", 9), strings.Repeat("日", 156) + "…"},
		{"EmojiSequenceEndingAtTheCut", strings.Repeat("日", 154) + "👩\u200d👩\u200d👧" + strings.Repeat("本", 9), strings.Repeat("日", 154) + "👩\u200d👩\u200d👧" + "…"},
		{"SkinToneKeptWithItsEmoji", strings.Repeat("日", 158) + "👍🏽" + strings.Repeat("本", 9), strings.Repeat("日", 158) + "…"},
		{"ViramaKeptWithItsConjunct", strings.Repeat("क", 157) + "क्ष" + strings.Repeat("ख", 9), strings.Repeat("क", 157) + "…"},
		{"VowelSignKeptWithItsLetter", strings.Repeat("ก", 158) + "กี่" + strings.Repeat("ข", 9), strings.Repeat("ก", 158) + "…"},
		{"FlagKeptWhole", strings.Repeat("日", 157) + "🇮🇳🇮🇳" + strings.Repeat("本", 9), strings.Repeat("日", 157) + "🇮🇳" + "…"},
		{"FlagBeforeTheCut", strings.Repeat("日", 156) + "🇮🇳🇮🇳" + strings.Repeat("本", 9), strings.Repeat("日", 156) + "🇮🇳" + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := snippet(tc.in, maxDescription); got != tc.want {
				t.Errorf("snippet = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSnippetHeadline is the case that gave a JSON-LD headline of "G7…": a short Latin word
// before a Japanese title left a space far back from the cut, and the cut went back to it.
func TestSnippetHeadline(t *testing.T) {
	title := "G7 " + strings.Repeat("首", 147)
	if got, want := snippet(title, maxHeadline), "G7 "+strings.Repeat("首", maxHeadline-4)+"…"; got != want {
		t.Errorf("snippet = %q, want %q", got, want)
	}
}

func TestOGLocale(t *testing.T) {
	for tag, want := range map[string]string{"en": "en_US", "en-GB": "en_GB", "ar": "ar_EG", "he": "he_IL", "pt-BR": "pt_BR", "not a tag!": "en_US"} {
		if got := ogLocale(tag); got != want {
			t.Errorf("ogLocale(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestListingDescription holds every page of briefs to a description of its own, since search
// engines show it under the title: the site's on its front page when it has one, and otherwise
// the page's heading and the site's name.
func TestListingDescription(t *testing.T) {
	tests := []struct {
		name, description string
		listing           Listing
		want              string
	}{
		{"FrontWithDescription", "News from the city.", Listing{Path: "/", Page: 1}, "News from the city."},
		{"FrontWithout", "", Listing{Path: "/", Page: 1}, "Latest briefs, from The Ledger."},
		{"LaterPage", "News from the city.", Listing{Heading: "Briefs, page 2", Path: "/", Page: 2}, "Briefs, page 2, from The Ledger. News from the city."},
		{"Topic", "", Listing{Heading: "Topic: Harbour", Path: "/topics/harbour", Page: 1}, "Topic: Harbour, from The Ledger."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := Site{Name: "The Ledger", BaseURL: "https://ledger.example", Description: tt.description}
			var b strings.Builder
			if err := ArchivePage(&b, site, tt.listing, nil); err != nil {
				t.Fatal(err)
			}
			want := `<meta name="description" content="` + tt.want + `">`
			if !strings.Contains(b.String(), want) {
				t.Errorf("page lacks %s:\n%s", want, b.String())
			}
		})
	}
}
