package server_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"

	"golang.org/x/text/unicode/norm"
)

// realPiece is an article shaped like the ones a newsroom sends, as its writer types it (body
// lines as pasted, CRLF and all), with what every published format must show of it.
type realPiece struct {
	name, title, byline, brief, body string
	topics                           []string
	comment                          string
	paras                            []string // the body's paragraphs as published
	distinct                         []string // the topics as published, each once
	quotes                           []string // the ledger's quoted words, in order
	speakers                         []string // who the ledger credits each quote to, when the piece says
	language                         string   // the piece's BCP 47 tag, "" for the site's
	problems                         []string // the draft's quote problems, when the piece has marks that do not pair
	remark                           string   // words of the body the editor comments on, as typed, and resolves before approving
}

// realPieces are articles nobody here wrote for a test: very short and very long, titles with
// quotes, colons, ampersands and emoji, right-to-left and CJK text, combining marks and joined
// emoji, quotes in several languages' marks and one over two paragraphs, apostrophes that are
// no quotes, text that looks like markup, lines of only spaces or zero-width characters, CRLF,
// bylines of several authors and topics spelled several ways.
func realPieces() []realPiece {
	var long, longParas, longQuotes []string
	for i := range 400 {
		p := fmt.Sprintf("Paragraph %d: the council’s clerk, who asked not to be named, said the budget was “not what anyone wanted, but what we could afford” and the mayor’s office disagreed. ", i) +
			strings.Repeat("Residents packed the hall until late; some left before the vote, others stayed to the end. ", 2)
		long = append(long, p)
		longParas = append(longParas, p)
		longQuotes = append(longQuotes, "not what anyone wanted, but what we could afford")
	}
	return []realPiece{
		{
			name: "Short", title: "Storm", byline: "Jo Li", brief: "It rained.", body: "It rained.",
			topics: []string{"Weather", "C", "C++", "C#"}, paras: []string{"It rained."}, distinct: []string{"Weather", "C", "C++", "C#"},
		},
		{
			name:   "Marks",
			title:  `"Cats & Dogs": Tom’s “Big” Day 🎉 — <b>yes</b>`,
			byline: "Ana Pérez and Tom Reed",
			brief:  `The “cat” & mouse <script>alert(1)</script> met.`,
			body: "The “cat” & mouse <script>alert(1)</script> met.\r\n\u00a0\u00a0\r\n" +
				"“The first paragraph of a long quote runs on,\r\n“and the second closes it,” said Mayor Jane Smith.\r\n" +
				"# Not a heading *x* [a](b) https://example.org/a?b=1&c=2\r\n" +
				"He said „Ja“, then « oui », then ‹ non › and 「はい」.\r\n\u200b\r\n" +
				"The players' union said it's the workers' money… – or is it — 'a bad deal'? Rock ’n’ roll, the ’90s.",
			topics:  []string{"Cats", " cats ", "CATS", "Mice & Men", "mice  &  men"},
			comment: "First sentence. Second sentence! Third: a “quote”? Fourth… done.",
			paras: []string{
				"The “cat” & mouse <script>alert(1)</script> met.",
				"“The first paragraph of a long quote runs on,",
				"“and the second closes it,” said Mayor Jane Smith.",
				"# Not a heading *x* [a](b) https://example.org/a?b=1&c=2",
				"He said „Ja“, then « oui », then ‹ non › and 「はい」.",
				"The players' union said it's the workers' money… – or is it — 'a bad deal'? Rock ’n’ roll, the ’90s.",
			},
			distinct: []string{"Cats", "Mice & Men"},
			quotes:   []string{"cat", "cat", "The first paragraph of a long quote runs on,\nand the second closes it,", "Ja", "oui", "non", "はい", "a bad deal"},
		},
		{
			name: "RightToLeft", title: "الوزير: «سنبني المدرسة»", byline: "سارة أحمد ومحمد علي", brief: "قال الوزير إنه سيبني المدرسة.",
			body:   "قال الوزير: «سنبني المدرسة» أمس.\nאמר השר: „נבנה את בית הספר” אתמול.",
			topics: []string{"تعليم"}, comment: "تعليق.",
			paras:    []string{"قال الوزير: «سنبني المدرسة» أمس.", "אמר השר: „נבנה את בית הספר” אתמול."},
			distinct: []string{"تعليم"}, quotes: []string{"سنبني المدرسة", "נבנה את בית הספר"},
		},
		{
			name: "CJK", title: "東京で「大雨」警報", byline: "山田太郎, 佐藤花子 and 鈴木一郎", brief: "東京で大雨警報が出た。",
			body:   "気象庁は「大雨に警戒して」と述べた。\n👩‍👩‍👧 e\u0301te\u0301 Zoë",
			topics: []string{"天気", "Tokyo", "tokyo"}, comment: "注意。",
			paras:    []string{"気象庁は「大雨に警戒して」と述べた。", "👩‍👩‍👧 été Zoë"},
			distinct: []string{"天気", "Tokyo"}, quotes: []string{"大雨に警戒して"},
		},
		{
			name: "Long", title: "Budget: What the Council Cut, & Why", byline: "A. Writer, B. Reporter and C. Editor",
			brief: "Residents packed the hall until late.", body: strings.Join(long, "\n"),
			topics: []string{"Budget"}, comment: "Long. Very long. Worth it.",
			paras: longParas, distinct: []string{"Budget"}, quotes: longQuotes,
		},
	}
}

// TestRealWorldArticles takes each real-world piece through the workflow over the API (create,
// submit, the quote ledger, checks, approve, publish near midnight in the newsroom's zone) and
// reads every format it is published in: each must show every field once, escaped for its
// format, dated by the newsroom's calendar.
func TestRealWorldArticles(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "America/Los_Angeles"); err != nil {
		t.Fatal(err)
	}
	when := publishedAt{at: "2025-05-08T06:30:00Z", day: "May 7, 2025", local: "2025-05-07T23:30:00-07:00"} // 23:30 in Los Angeles
	pieces := realPieces()
	slugs := map[string]string{}
	for _, p := range pieces {
		slugs[p.name] = publishRealPiece(t, a, p, when.at)
	}
	for _, p := range pieces {
		t.Run(p.name, func(t *testing.T) { checkRealPiece(t, a, p, slugs[p.name], when) })
	}
}

// publishedAt is when a piece is published: the instant, and the day and time the newsroom's
// zone gives it.
type publishedAt struct{ at, day, local string }

// checkRealPiece reads every format p is published in at slug: each must show every field once,
// escaped for its format, dated by the newsroom's calendar.
func checkRealPiece(t *testing.T, a *testApp, p realPiece, slug string, when publishedAt) {
	at, day, local := when.at, when.day, when.local
	t.Run("Text", func(t *testing.T) {
		res := a.do("", "GET", "/articles/"+slug+".txt", "")
		wantStatus(t, res, http.StatusOK)
		var want []string
		want = append(want, p.title, "", p.byline, day, "Brief", p.brief)
		want = append(append(want, p.paras...), "Topics")
		want = append(append(want, p.distinct...), "Editor's Comments", p.comment)
		want = append(want, publish.DefaultFooter...)
		if p.comment == "" {
			want = slices.Delete(want, len(want)-5, len(want)-3)
		}
		sameLines(t, "house text", strings.Split(strings.TrimSuffix(res.Body.String(), "\n"), "\n"), want)
	})
	t.Run("Brief", func(t *testing.T) {
		res := a.do("", "GET", "/briefs/"+slug+".txt", "")
		wantStatus(t, res, http.StatusOK)
		want := []string{p.title, "", p.byline, day, "Brief", p.brief, publish.URLs(publish.Site{}, slug)["html"]}
		sameLines(t, "brief", strings.Split(strings.TrimSuffix(res.Body.String(), "\n"), "\n"), want)
	})
	t.Run("HTML", func(t *testing.T) {
		res := a.do("", "GET", "/articles/"+slug, "")
		wantStatus(t, res, http.StatusOK)
		page := res.Body.String()
		story := page[strings.Index(page, `<article class="story"`):strings.Index(page, "</article>")]
		sameLines(t, "the page's paragraphs", tagTexts(story, `p dir="auto"`), p.paras)
		for tag, want := range map[string][]string{`h1 dir="auto"`: {p.title}, `p class="brief" dir="auto"`: {p.brief}, `li dir="auto"`: p.distinct} {
			if got := tagTexts(story, tag); !slices.Equal(got, want) {
				t.Errorf("<%s>: %q, want %q", tag, got, want)
			}
		}
		if want := `<time datetime="` + local + `"`; !strings.Contains(html.UnescapeString(story), want) || !strings.Contains(story, ">"+day+"</time>") {
			t.Errorf("the page's date line is not %s", want)
		}
		if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>yes") {
			t.Error("the page carries the piece's markup unescaped")
		}
	})
	t.Run("Markdown", func(t *testing.T) {
		res := a.do("", "GET", "/articles/"+slug+".md", "")
		wantStatus(t, res, http.StatusOK)
		blocks := strings.Split(res.Body.String(), "\n\n")
		for i, b := range blocks {
			blocks[i] = mdEscaped.ReplaceAllString(b, "$1")
		}
		want := []string{"# " + p.title, p.byline, day, "## Brief", p.brief}
		for _, para := range p.paras {
			want = append(want, strings.TrimSpace(para))
		}
		sameLines(t, "the Markdown", blocks[:min(len(blocks), len(want))], want)
	})
	t.Run("JSONLD", func(t *testing.T) {
		page := a.do("", "GET", "/articles/"+slug, "").Body.String()
		m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no JSON-LD")
		}
		var ld struct {
			Headline, Name, Description, DatePublished string
			Keywords                                   []string
		}
		if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
			t.Fatal(err)
		}
		// A title too long for a headline is cut for it and kept whole as the name.
		title := ld.Headline
		if ld.Name != "" {
			title = ld.Name
		}
		if utf8.RuneCountInString(ld.Headline) > 110 || title != p.title || ld.Description != p.brief || ld.DatePublished != at || !slices.Equal(ld.Keywords, p.distinct) {
			t.Errorf("JSON-LD %+v", ld)
		}
	})
	t.Run("NinJS", func(t *testing.T) {
		res := a.do("", "GET", "/articles/"+slug+".json", "")
		wantStatus(t, res, http.StatusOK)
		var doc struct {
			By, Firstcreated string
			Headlines        []struct{ Value string }
			Descriptions     []struct{ Value string }
			Bodies           []struct {
				Role, Value          string
				Wordcount, Charcount int
			}
			Subjects []struct{ Name string }
		}
		if err := json.Unmarshal(res.Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var subjects []string
		for _, s := range doc.Subjects {
			subjects = append(subjects, s.Name)
		}
		if doc.By != p.byline || doc.Firstcreated != at || doc.Headlines[0].Value != p.title || doc.Descriptions[0].Value != p.brief ||
			!slices.Equal(subjects, p.distinct) {
			t.Errorf("ninjs: by %q, firstcreated %q, headline %q, description %q, subjects %q", doc.By, doc.Firstcreated, doc.Headlines[0].Value, doc.Descriptions[0].Value, subjects)
		}
		sameLines(t, "the ninjs body", strings.Split(doc.Bodies[0].Value, "\n\n"), p.paras)
		body := doc.Bodies[0]
		if words, spaced := spacedWords(body.Value); body.Charcount != utf8.RuneCountInString(body.Value) || spaced && body.Wordcount != words {
			t.Errorf("ninjs counts %d words and %d characters; the body has %d words and %d characters", body.Wordcount, body.Charcount, words, utf8.RuneCountInString(body.Value))
		}
	})
	t.Run("Atom", func(t *testing.T) {
		res := a.do("", "GET", publish.FeedPath, "")
		wantStatus(t, res, http.StatusOK)
		var feed struct {
			Entries []struct {
				Title     string     `xml:"title"`
				Summary   string     `xml:"summary"`
				Published string     `xml:"published"`
				Links     []atomLink `xml:"link"`
				Author    struct {
					Name string `xml:"name"`
				} `xml:"author"`
				Categories []struct {
					Term string `xml:"term,attr"`
				} `xml:"category"`
				Content string `xml:"content"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(res.Body.Bytes(), &feed); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range feed.Entries {
			if !slices.ContainsFunc(e.Links, func(l atomLink) bool {
				return l.Type == "text/html" && l.Href == publish.URLs(publish.Site{}, slug)["html"]
			}) {
				continue
			}
			n++
			var terms []string
			for _, c := range e.Categories {
				terms = append(terms, c.Term)
			}
			if e.Title != p.title || e.Summary != p.brief || e.Published != at || e.Author.Name != p.byline || !slices.Equal(terms, p.distinct) {
				t.Errorf("Atom entry %q %q %q %q %q", e.Title, e.Summary, e.Published, e.Author.Name, terms)
			}
			sameLines(t, "the entry's paragraphs", tagTexts(e.Content, `p dir="auto"`), p.paras)
		}
		if n != 1 {
			t.Errorf("the feed has %d entries for the piece", n)
		}
	})
	t.Run("TopicPages", func(t *testing.T) {
		for _, topic := range p.distinct {
			res := a.do("", "GET", publish.TopicPath(topic), "")
			wantStatus(t, res, http.StatusOK)
			if link := `href="` + publish.URLs(publish.Site{}, slug)["html"] + `"`; strings.Count(res.Body.String(), link) == 0 {
				t.Errorf("the page of topic %q does not list the piece", topic)
			}
		}
	})
	t.Run("Sitemap", func(t *testing.T) {
		res := a.do("", "GET", "/sitemap.xml", "")
		wantStatus(t, res, http.StatusOK)
		if n := strings.Count(res.Body.String(), "<loc>"+publish.URLs(publish.Site{}, slug)["html"]+"</loc>"); n != 1 {
			t.Errorf("the sitemap lists the piece %d times", n)
		}
	})
}

// publishRealPiece takes p through the workflow over the API, checking its quote ledger on the
// way, and publishes it at at; it returns the article's slug.
func publishRealPiece(t *testing.T, a *testApp, p realPiece, at string) string {
	t.Helper()
	js, _ := json.Marshal(map[string]any{"title": p.title, "byline": p.byline, "brief": p.brief, "body": p.body, "topics": p.topics})
	res := a.do("writer", "POST", "/api/v1/drafts", string(js))
	wantStatus(t, res, http.StatusCreated)
	id := decode[newsroom.Draft](t, res).ID
	draft := fmt.Sprintf("/api/v1/drafts/%d", id)
	if p.language != "" {
		version := decode[newsroom.Draft](t, a.do("writer", "GET", draft, "")).Version
		lj, _ := json.Marshal(map[string]any{"language": p.language, "version": version})
		wantStatus(t, a.do("writer", "PUT", draft, string(lj)), http.StatusOK)
	}
	res = a.do("writer", "GET", draft+"/quotes", "")
	wantStatus(t, res, http.StatusOK)
	saved := decode[newsroom.Draft](t, a.do("writer", "GET", draft, ""))
	var got, speakers []string
	for _, q := range decode[[]newsroom.Quote](t, res) {
		got, speakers = append(got, q.Text), append(speakers, q.Speaker)
		field := []rune(map[string]string{"brief": saved.Brief, "body": saved.Body}[q.Field])
		if q.Start < 0 || q.End > len(field) || q.Start >= q.End {
			t.Errorf("%s: quote %q stands at [%d, %d) of a %s of %d characters", p.name, q.Text, q.Start, q.End, q.Field, len(field))
			continue
		}
		inner := strings.TrimSpace(string(field[q.Start+1 : q.End-1]))
		if para := strings.Count(string(field[:q.Start]), "\n"); para != q.Paragraph || !strings.Contains(q.Text, "\n") && inner != q.Text {
			t.Errorf("%s: quote %q in paragraph %d stands in paragraph %d around %q", p.name, q.Text, q.Paragraph, para, inner)
		}
	}
	sameLines(t, p.name+": the ledger", got, p.quotes)
	if p.speakers != nil {
		sameLines(t, p.name+": the ledger's speakers", speakers, p.speakers)
	}
	var problems []string
	for _, qp := range saved.QuoteProblems {
		problems = append(problems, qp.Field+": "+qp.Message)
	}
	sameLines(t, p.name+": the quote problems", problems, p.problems)
	wantStatus(t, a.do("writer", "POST", draft+"/transitions", `{"action":"submit"}`), http.StatusOK)
	a.verifyQuotes(id)
	wantStatus(t, a.do("factchecker", "POST", draft+"/transitions", `{"action":"clear"}`), http.StatusOK)
	if p.comment != "" {
		version := decode[newsroom.Draft](t, a.do("editor", "GET", draft, "")).Version
		cj, _ := json.Marshal(map[string]any{"editor_comment": p.comment, "version": version})
		wantStatus(t, a.do("editor", "PUT", draft, string(cj)), http.StatusOK)
	}
	if p.remark != "" {
		commentOn(t, a, id, p.remark)
	}
	page := a.do("editor", "GET", fmt.Sprintf("/drafts/%d", id), "")
	wantStatus(t, page, http.StatusOK)
	if strings.Contains(page.Body.String(), "Check the figure:") {
		t.Errorf("%s: the draft page doubts a figure of the brief that the body states", p.name)
	}
	wantStatus(t, a.do("editor", "POST", draft+"/transitions", `{"action":"approve"}`), http.StatusOK)
	res = a.do("editor", "POST", draft+"/publish", `{"at":"`+at+`"}`)
	wantStatus(t, res, http.StatusOK)
	return decode[pubResponse](t, res).Slug
}

// spacedWords counts the words of text written with spaces between them: the stretches between
// spaces with a letter or a number in them. It reports false for text in a script written without
// spaces (Chinese, Japanese), whose words it cannot count.
func spacedWords(text string) (int, bool) {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }) >= 0 {
			return 0, false
		}
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
			n++
		}
	}
	return n, true
}

// tagTexts returns the text of each element opening with <tag> in page, without the markup
// inside it, unescaped.
func tagTexts(page, tag string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<`+regexp.QuoteMeta(tag)+`>(.*?)</`+strings.Fields(tag)[0]+`>`).FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(markup.ReplaceAllString(m[1], "")))
	}
	return out
}

// mdEscaped matches a CommonMark backslash escape, a backslash before ASCII punctuation.
var mdEscaped = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

// markup matches a tag.
var markup = regexp.MustCompile(`<[^>]*>`)

// sameLines fails the test at the first line of got that differs from want.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w || i >= len(got) || i >= len(want) {
			t.Errorf("%s: %d lines, want %d; line %d is %q, want %q", what, len(got), len(want), i+1, g, w)
			return
		}
	}
}

// atomLink is a link of an Atom entry: a feed entry is found by its link to the article's
// page, since its id is its own (see publish.Article.FeedID).
type atomLink struct {
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// commentOn comments on the words of draft id's body as an editor types them, checks that the
// thread stands on those words, composed as the body is, and resolves it.
func commentOn(t *testing.T, a *testApp, id int64, words string) {
	t.Helper()
	cj, _ := json.Marshal(map[string]any{"field": "body", "quote": map[string]string{"exact": words}, "body": "Check “" + words + "” & <this>."})
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", id), string(cj))
	wantStatus(t, res, http.StatusCreated)
	c := decode[newsroom.Comment](t, res)
	body := []rune(decode[newsroom.Draft](t, a.do("editor", "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "")).Body)
	want := norm.NFC.String(words)
	if c.Anchor.Start < 0 || c.Anchor.End > len(body) || c.Anchor.Start >= c.Anchor.End ||
		string(body[c.Anchor.Start:c.Anchor.End]) != want || c.Anchor.Exact != want || c.Quote != want {
		t.Errorf("the comment on %q stands at [%d, %d) on %q, quoting %q", want, c.Anchor.Start, c.Anchor.End, c.Anchor.Exact, c.Quote)
	}
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", c.ID), ""), http.StatusOK)
}
