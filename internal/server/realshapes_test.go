package server_test

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/publish"

	"golang.org/x/text/unicode/norm"
)

// shapedPieces are articles of shapes TestRealWorldArticles does not have: an interview in
// questions and answers, a poem whose lines are its paragraphs, a liveblog of timestamped
// entries, a piece of figures, currencies and units, emoji of several code points, letters with
// combining marks typed decomposed, Greek and Cyrillic, Turkish and German capitals in the title
// and topics, apostrophes beside single-quoted quotations, a quotation over three paragraphs, a
// title of only punctuation, one of only emoji, a very long one and two pieces of one title.
func shapedPieces() []realPiece {
	longTitle := strings.TrimSpace(strings.Repeat("Council Weighs Flood Defences, Bus Lanes and a New Library ", 4))
	return []realPiece{
		{
			name:   "Interview",
			title:  "Q&A: ‘I Never Wanted to Be Mayor’ — Rosa Delgado on Her First Year",
			byline: "Tom Reed",
			brief:  "Rosa Delgado talks about her first year in office.",
			body: "Rosa Delgado sat down with us at City Hall.\n" +
				"Q: Did you expect to win?\n" +
				"A: No. “Nobody expected it,” Delgado said, laughing.\n" +
				"Q: What was hardest?\n" +
				"A: The budget. “We cut what we could,” she said.",
			topics: []string{"Interviews", "City Hall"},
			paras: []string{
				"Rosa Delgado sat down with us at City Hall.", "Q: Did you expect to win?", "A: No. “Nobody expected it,” Delgado said, laughing.",
				"Q: What was hardest?", "A: The budget. “We cut what we could,” she said.",
			},
			distinct: []string{"Interviews", "City Hall"},
			quotes:   []string{"Nobody expected it,", "We cut what we could,"},
			speakers: []string{"Delgado", "Delgado"},
		},
		{
			name:   "Poem",
			title:  "The River Keeps Its Counsel",
			byline: "Mara Quinn",
			brief:  "A poem for the flood’s anniversary.",
			body:   "The river keeps its own counsel,\n  it does not say ‘enough’;\nit carries what we give it\n\nand gives back what it must.",
			topics: []string{"Poetry"}, comment: "Read it aloud.",
			paras:    []string{"The river keeps its own counsel,", "  it does not say ‘enough’;", "it carries what we give it", "and gives back what it must."},
			distinct: []string{"Poetry"},
			quotes:   []string{"enough"},
		},
		{
			name:   "Liveblog",
			title:  "Election Night, Live: Results as They Come In",
			byline: "Newsroom Staff",
			brief:  "Polls closed at 18:00; the count runs through the night.",
			body: "18:02 — Polls close. “We are cautiously optimistic,” campaign chair Ana Ruiz said.\n" +
				"18:45 — First results: 12.5% counted, turnout 61%.\n" +
				"19:30 — UPDATE: Ruiz said: “It’s too early to call.”\n" +
				"23:59 — The count pauses until 06:00.",
			topics: []string{"Elections", "Live"}, comment: "Updated through the night.",
			paras: []string{
				"18:02 — Polls close. “We are cautiously optimistic,” campaign chair Ana Ruiz said.", "18:45 — First results: 12.5% counted, turnout 61%.",
				"19:30 — UPDATE: Ruiz said: “It’s too early to call.”", "23:59 — The count pauses until 06:00.",
			},
			distinct: []string{"Elections", "Live"},
			quotes:   []string{"We are cautiously optimistic,", "It’s too early to call."},
			speakers: []string{"Ana Ruiz", "Ruiz"},
		},
		{
			name:   "Figures",
			title:  "Budget Up 4.5% to $1.2bn; €, £ and ¥ Bonds Fall",
			byline: "Lena Park",
			brief:  "The budget rose 4.5% to $1,234,567.89, or £3.2 billion over 10 years; rates rose 10% to 15%.",
			body: "The budget rose 4.5% to $1,234,567.89 (€1.1m; ¥180m), or £3.2bn over 10 years.\n" +
				"At 5'10\" and 72 kg, he ran 42.195 km in 2:03:59 on 2024-09-29 at −2 °C.\n" +
				"Rates: 3½%, 1/3 of “the 2,000 households,” said treasurer Omar Diaz, and 10–15% “at most.”",
			topics: []string{"Economy", "Budget 2025"}, comment: "Figures checked twice.",
			paras: []string{
				"The budget rose 4.5% to $1,234,567.89 (€1.1m; ¥180m), or £3.2bn over 10 years.",
				"At 5'10\" and 72 kg, he ran 42.195 km in 2:03:59 on 2024-09-29 at −2 °C.",
				"Rates: 3½%, 1/3 of “the 2,000 households,” said treasurer Omar Diaz, and 10–15% “at most.”",
			},
			distinct: []string{"Economy", "Budget 2025"},
			quotes:   []string{"the 2,000 households,", "at most."},
			speakers: []string{"Omar Diaz", "Omar Diaz"},
		},
		{
			name:     "EmojiTitle",
			title:    "🇺🇦 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈",
			byline:   "Olena Koval",
			brief:    "Coders in Kyiv keep shipping.",
			body:     "👩🏽‍💻 Coders in Kyiv 🇺🇦 said “we keep shipping 🚀,” Olena Koval said.\n🏳️‍🌈 Pride ❤️‍🔥 👍🏿👍🏻",
			topics:   []string{"🇺🇦", "🏳️‍🌈", "Tech"},
			paras:    []string{"👩🏽‍💻 Coders in Kyiv 🇺🇦 said “we keep shipping 🚀,” Olena Koval said.", "🏳️‍🌈 Pride ❤️‍🔥 👍🏿👍🏻"},
			distinct: []string{"🇺🇦", "🏳️‍🌈", "Tech"},
			quotes:   []string{"we keep shipping 🚀,"},
			speakers: []string{"Olena Koval"},
		},
		{
			name:     "CombiningMarks",
			title:    norm.NFD.String("Hà Nội: Ông Nguyễn nói “sẵn sàng”"),
			byline:   norm.NFD.String("Trần Thị Mai"),
			brief:    norm.NFD.String("Ông Nguyễn nói chúng tôi sẵn sàng."),
			body:     norm.NFD.String("Ông Nguyễn nói: “Chúng tôi sẵn sàng.”\nउन्होंने कहा, “हम तैयार हैं।”\nהוא אמר: „שָׁלוֹם עֲלֵיכֶם”"),
			topics:   []string{norm.NFD.String("Việt Nam"), "Viet Nam", "हिन्दी"},
			language: "vi",
			paras:    []string{"Ông Nguyễn nói: “Chúng tôi sẵn sàng.”", "उन्होंने कहा, “हम तैयार हैं।”", "הוא אמר: „שָׁלוֹם עֲלֵיכֶם”"},
			distinct: []string{"Việt Nam", "हिन्दी"},
			quotes:   []string{"Chúng tôi sẵn sàng.", "हम तैयार हैं।", "שָׁלוֹם עֲלֵיכֶם"},
		},
		{
			name:     "GreekCyrillic",
			title:    "Αθήνα: «Όχι» στο σχέδιο",
			byline:   "Ελένη Παπαδοπούλου",
			brief:    "Ο υπουργός είπε όχι.",
			body:     "Ο υπουργός είπε: «Δεν θα υποχωρήσουμε».\nМинистр заявил: «Мы готовы», — сообщил Иванов.",
			topics:   []string{"Ελλάδα", "Россия"},
			language: "el",
			paras:    []string{"Ο υπουργός είπε: «Δεν θα υποχωρήσουμε».", "Министр заявил: «Мы готовы», — сообщил Иванов."},
			distinct: []string{"Ελλάδα", "Россия"},
			quotes:   []string{"Δεν θα υποχωρήσουμε", "Мы готовы"},
		},
		{
			name:     "TurkishGerman",
			title:    "İSTANBUL’DA IŞIK: Die STRAẞE der Fußball-Fans",
			byline:   "Ayşe Yılmaz and Jürgen Groß",
			brief:    "İzmir ve İstanbul’da ışıklar yandı.",
			body:     "İzmir ve İstanbul’da ışıklar yandı, dedi Ayşe Yılmaz.\nDie Straße war voll.",
			topics:   []string{"İstanbul", "ISTANBUL", "istanbul", "Fußball", "FUẞBALL"},
			language: "tr",
			paras:    []string{"İzmir ve İstanbul’da ışıklar yandı, dedi Ayşe Yılmaz.", "Die Straße war voll."},
			distinct: []string{"İstanbul", "Fußball"},
		},
		{
			name:   "Apostrophes",
			title:  "’Tis the ’90s Again: Rock ’n’ Roll at O’Neill’s",
			byline: "Sean O’Neill",
			brief:  "Rock ’n’ roll is back at O’Neill’s.",
			body: "’Tis the season for rock ’n’ roll, and O’Neill was goin’ home from the ’90s revival.\n" +
				"Dutch shops still write ’s Avonds open. ‘It’s ours,’ said Mary O’Neill.\n" +
				"She called it ‘ours’ and the players’ ‘fair share’.",
			topics:   []string{"Music", "Rock ’n’ Roll", "Rock 'n' Roll"},
			paras:    nil,
			distinct: []string{"Music", "Rock ’n’ Roll"},
			quotes:   []string{"It’s ours,", "ours", "fair share"},
			speakers: []string{"Mary O’Neill", "Mary O’Neill", "Mary O’Neill"},
		},
		{
			name:   "QuoteOverParagraphs",
			title:  "The Ferryman’s Last Crossing",
			byline: "Ines Moreau",
			brief:  "Tomas Reyes retires after 30 years.",
			body: "Tomas Reyes, who has run the ferry for 30 years, said:\n" +
				"“The river taught me patience.\n" +
				"“It taught me to listen.\n" +
				"“And it taught me when to stop.”\n" +
				"Officials said the ferry was “safe,” he said. “Yes,” said the minister. “No,” the minister said.",
			topics: []string{"People"},
			paras:  nil, distinct: []string{"People"},
			quotes:   []string{"The river taught me patience.\nIt taught me to listen.\nAnd it taught me when to stop.", "safe,", "Yes,", "No,"},
			speakers: []string{"Tomas Reyes", "Officials", "the minister", "the minister"},
		},
		{
			name:   "UnmatchedMarks",
			title:  "The Quote That Never Closed",
			byline: "Jo Li",
			brief:  "Some marks do not pair.",
			body:   "He said “this never closes.\nThe next paragraph opens with none.\n‘Tis true,’ said Ann, and “Fine,” said Bo.",
			topics: []string{"Typos"}, distinct: []string{"Typos"},
			quotes:   []string{"Fine,"},
			speakers: []string{"Bo"},
			problems: []string{
				"body: opening “ in paragraph 0 at position 8 never closes",
				"body: closing ’ in paragraph 2 at position 10 has no opening mark",
			},
		},
		{
			name: "PunctuationTitle", title: "?!…", byline: "Jo Li", brief: "A title of marks.", body: "A title of marks.",
			topics: []string{"?!", "…"}, paras: []string{"A title of marks."}, distinct: []string{"?!", "…"},
		},
		{
			name: "LongTitle", title: longTitle, byline: "Jo Li", brief: "Three plans, one vote.", body: "Three plans, one vote.",
			topics: []string{"Council"}, paras: []string{"Three plans, one vote."}, distinct: []string{"Council"},
		},
		{
			name: "SameTitleFirst", title: "Council Votes", byline: "Jo Li", brief: "The first vote.", body: "The first vote.",
			topics: []string{"Council"}, paras: []string{"The first vote."}, distinct: []string{"Council"},
		},
		{
			name: "SameTitleSecond", title: "Council Votes", byline: "Kai Lund", brief: "The second vote.", body: "The second vote.",
			topics: []string{"Council"}, paras: []string{"The second vote."}, distinct: []string{"Council"},
		},
	}
}

// TestRealWorldShapes takes each shaped piece through the workflow over the API as
// TestRealWorldArticles does, published at 23:30 UTC on New Year's Eve, which is New Year's Day
// in Kolkata, the newsroom's zone, and reads every format it is published in. Each piece's
// language reaches every format, and every link its ninjs gives answers.
func TestRealWorldShapes(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "Asia/Kolkata"); err != nil {
		t.Fatal(err)
	}
	when := publishedAt{at: "2025-12-31T23:30:00Z", day: "January 1, 2026", local: "2026-01-01T05:00:00+05:30"}
	pieces := shapedPieces()
	slugs := map[string]string{}
	for i, p := range pieces {
		if p.paras == nil {
			pieces[i].paras = strings.Split(p.body, "\n")
		}
		slugs[p.name] = publishRealPiece(t, a, pieces[i], when.at)
	}
	if slugs["SameTitleFirst"] == slugs["SameTitleSecond"] {
		t.Errorf("two pieces of one title share the slug %q", slugs["SameTitleFirst"])
	}
	for _, p := range pieces {
		t.Run(p.name, func(t *testing.T) {
			p.title, p.byline, p.brief = norm.NFC.String(p.title), norm.NFC.String(p.byline), norm.NFC.String(p.brief)
			checkRealPiece(t, a, p, slugs[p.name], when)
			checkLanguage(t, a, p, slugs[p.name])
			checkLinks(t, a, slugs[p.name])
			checkReadBack(t, a, p, slugs[p.name], when)
		})
	}
}

// checkLanguage checks that the piece's language, or the site's, is the one its page, JSON-LD,
// ninjs and Atom entry give.
func checkLanguage(t *testing.T, a *testApp, p realPiece, slug string) {
	t.Helper()
	want := p.language
	if want == "" {
		want = "en"
	}
	page := a.do("", "GET", "/articles/"+slug, "").Body.String()
	if m := regexp.MustCompile(`<article class="story" lang="([^"]*)"`).FindStringSubmatch(page); m == nil || m[1] != want {
		t.Errorf("the page's <article lang> is %q, want %q", m, want)
	}
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	var ld struct{ InLanguage string }
	if m == nil || json.Unmarshal([]byte(m[1]), &ld) != nil || ld.InLanguage != want {
		t.Errorf("JSON-LD inLanguage %q, want %q", ld.InLanguage, want)
	}
	var doc struct{ Language string }
	if err := json.Unmarshal(a.do("", "GET", "/articles/"+slug+".json", "").Body.Bytes(), &doc); err != nil || doc.Language != want {
		t.Errorf("ninjs language %q, want %q (%v)", doc.Language, want, err)
	}
	var feed struct {
		Entries []struct {
			Lang  string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Links []atomLink `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(a.do("", "GET", publish.FeedPath, "").Body.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	for _, e := range feed.Entries {
		if slices.ContainsFunc(e.Links, func(l atomLink) bool {
			return l.Type == "text/html" && l.Href == publish.URLs(publish.Site{}, slug)["html"]
		}) && e.Lang != want {
			t.Errorf("the Atom entry's xml:lang is %q, want %q", e.Lang, want)
		}
	}
}

// checkLinks follows every link the piece's ninjs gives and every link on its page into the site
// (its author, its topics, its other formats), each of which must answer.
func checkLinks(t *testing.T, a *testApp, slug string) {
	t.Helper()
	page := a.do("", "GET", "/articles/"+slug, "").Body.String()
	for _, m := range regexp.MustCompile(`href="(/[^"]*)"`).FindAllStringSubmatch(page, -1) {
		if href := html.UnescapeString(m[1]); !strings.HasPrefix(href, "//") {
			if res := a.do("", "GET", href, ""); res.Code != http.StatusOK {
				t.Errorf("the page's link %s answers %d", href, res.Code)
			}
		}
	}
	var doc struct {
		URI   string
		Links []struct{ Href string }
	}
	if err := json.Unmarshal(a.do("", "GET", "/articles/"+slug+".json", "").Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, l := range doc.Links {
		path := l.Href[strings.Index(l.Href, "://")+3:]
		path = path[strings.Index(path, "/"):]
		if res := a.do("", "GET", path, ""); res.Code != http.StatusOK {
			t.Errorf("the ninjs link %s answers %d", l.Href, res.Code)
		}
	}
}

// checkReadBack reads the piece's house text back as an import does: every field must come back
// as published, dated by the newsroom's day.
func checkReadBack(t *testing.T, a *testApp, p realPiece, slug string, when publishedAt) {
	t.Helper()
	doc, err := publish.Parse(a.do("", "GET", "/articles/"+slug+".txt", "").Body.Bytes(), publish.DefaultFooter)
	if err != nil {
		t.Fatalf("the house text does not read back: %v", err)
	}
	if doc.Title != p.title || doc.Byline != p.byline || doc.Brief != p.brief || doc.EditorComment != p.comment ||
		doc.Date.Format("January 2, 2006") != when.day || !slices.Equal(doc.Topics, p.distinct) {
		t.Errorf("read back: %q %q %q %q %s %q", doc.Title, doc.Byline, doc.Brief, doc.EditorComment, doc.Date, doc.Topics)
	}
	sameLines(t, "the body read back", doc.Body, p.paras)
}
