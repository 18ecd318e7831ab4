package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"

	"golang.org/x/text/unicode/norm"
)

// newsPieces are articles of the kinds a newsroom sends every day that the shaped pieces do not
// have: a court report, a match report with scores and minutes, an obituary, a science piece of
// units and ranges, a list piece with bullets and steps, a transcript, Spanish with «» and
// dialogue dashes, German with „“ and ‚‘, Polish with „”, Japanese with 「」 and 『』, Chinese,
// addresses, handles, footnotes and a table, corrections, quotes in the title and the brief,
// nested quotes, a piece that is one quotation, a parliamentary sketch in Hansard's style and a
// magazine profile whose speech runs over paragraphs.
func newsPieces() []realPiece {
	return []realPiece{
		{
			name:   "CourtReport",
			title:  "Judge Jails Former Treasurer for Six Years Over £2.4m Fraud",
			byline: "Hannah Cole, Courts Correspondent",
			brief:  "Former council treasurer Martin Hale was jailed for six years on Friday.",
			body: "Martin Hale, 58, the former treasurer of Eastbridge council, was jailed for six years at Crown Court on Friday.\n" +
				"Judge Amelia Frost said Hale had shown “a breathtaking contempt” for the people he served.\n" +
				"“You were trusted,” the judge said. “You betrayed that trust.”\n" +
				"Hale, who pleaded guilty in March, stared ahead as the sentence was read. His barrister, Paul Okafor, said his client was “deeply ashamed.”\n" +
				"“He has lost everything,” Mr Okafor told the court.\n" +
				"Hale’s wife said: “We will sell the house.”\n" +
				"The judge told him: “Stand up, Mr Hale.”\n" +
				"The prosecutor, Ruth Adeyemi, said the money had been “siphoned, month after month,” over seven years.\n" +
				"“This was not a moment of weakness,” the judge said. “It was a plan.”\n" +
				"Passing sentence, Judge Frost said Hale had shown “no remorse,” adding that Hale had been “greedy and cold.”\n" +
				"Outside court, council leader Sam Ellis said: “Today is about the victims.”\n" +
				"Joan Pike, 71, of Mill Lane, Eastbridge, who lost her savings, said: “I can’t forgive him.”",
			topics:   []string{"Courts", "Eastbridge"},
			comment:  "Names checked against the court list.",
			quotes:   []string{"a breathtaking contempt", "You were trusted,", "You betrayed that trust.", "deeply ashamed.", "He has lost everything,", "We will sell the house.", "Stand up, Mr Hale.", "siphoned, month after month,", "This was not a moment of weakness,", "It was a plan.", "no remorse,", "greedy and cold.", "Today is about the victims.", "I can’t forgive him."},
			speakers: []string{"Amelia Frost", "the judge", "the judge", "Paul Okafor", "Okafor", "Hale’s wife", "The judge", "Ruth Adeyemi", "the judge", "the judge", "Frost", "Frost", "Sam Ellis", "Joan Pike"},
		},
		{
			name:   "MatchReport",
			title:  "Rovers 3-1 United: Okoye Double Seals Derby Win",
			byline: "Dan Price",
			brief:  "Rovers beat United 3-1; the reverse fixture ended 2–2.",
			body: "Rovers beat United 3-1 at Park Lane on Saturday, avenging the 2–2 draw in August.\n" +
				"Chidi Okoye opened the scoring in the 12th minute and added a second in the 45+2', before Lewis Grant pulled one back for United on 67'.\n" +
				"Substitute Marco Ferri sealed it in the 90+4th minute.\n" +
				"“The lads were magnificent,” Rovers manager Kate Dunn said. “We wanted it more.”\n" +
				"Okoye said: “Two goals in a derby — you dream of that.”\n" +
				"United boss Phil Norris was less pleased: “We gave away two soft goals. That’s not good enough.”\n" +
				"“And that was never a penalty,” fumed Norris.\n" +
				"Rovers move up to fourth on 31 points; United stay 11th.\n" +
				"“Best derby of my life.” — Chidi Okoye, on Instagram",
			topics:   []string{"Football", "Rovers"},
			quotes:   []string{"The lads were magnificent,", "We wanted it more.", "Two goals in a derby — you dream of that.", "We gave away two soft goals. That’s not good enough.", "And that was never a penalty,", "Best derby of my life."},
			speakers: []string{"Kate Dunn", "Kate Dunn", "Okoye", "Phil Norris", "Norris", "Chidi Okoye"},
		},
		{
			name:   "Obituary",
			title:  "Edith Marlow, Pioneering Surgeon, Dies at 94",
			byline: "Grace Holt",
			brief:  "Edith Marlow (1931–2025) was the first woman to lead a cardiac unit in the region.",
			body: "Edith Marlow, who became the first woman to lead a cardiac surgery unit in the region, died on 3 March 2025 at her home in Bath. She was 94.\n" +
				"Born on 14 July 1931 in Leeds, she qualified in 1955 and performed her first bypass in 1968, aged 37.\n" +
				"Her daughter, Claire Marlow, said she had died “peacefully, with a crossword half done.”\n" +
				"“She never thought of herself as a pioneer,” said Dr Anil Mehta, who trained under her from 1979 to 1984. “She thought of herself as late for theatre.”\n" +
				"“She was a force of nature,” said a former colleague, who asked not to be named.\n" +
				"She is survived by two children, five grandchildren and a great-grandson, born in 2024.",
			topics:   []string{"Obituaries", "Medicine"},
			quotes:   []string{"peacefully, with a crossword half done.", "She never thought of herself as a pioneer,", "She thought of herself as late for theatre.", "She was a force of nature,"},
			speakers: []string{"Claire Marlow", "Anil Mehta", "Anil Mehta", "a former colleague"},
		},
		{
			name:   "Science",
			title:  "Fine Particles Above 25 µg/m³ Linked to 1.5°C Hotter Streets",
			byline: "Priya Natarajan",
			brief:  "In two-thirds of 40 cities, PM2.5 reached 10–25 µg/m³ on hot days.",
			body: "A study of 40 cities found that in 67% of them PM2.5 concentrations rose to 10–25 µg/m³ on days 1.5°C hotter than average.\n" +
				"CO₂ levels near busy roads reached 480 ppm, against a background of about 420 ppm, and the risk rose by 12% (95% CI: 8%–16%).\n" +
				"The measured error rate was below 10⁻⁶, and readings were taken at −5°C to 38°C.\n" +
				"“The signal is clear,” said lead author Dr Mei Tanaka of the Institute for Urban Air. “Heat and particles travel together.”\n" +
				"Roughly 2.5 million people, or 3–4% of the population, live within 50 m of such roads.\n" +
				"The State Department called the study “timely.”",
			topics:   []string{"Science", "Air Quality"},
			quotes:   []string{"The signal is clear,", "Heat and particles travel together.", "timely."},
			speakers: []string{"Mei Tanaka", "Mei Tanaka", "State Department"},
		},
		{
			name:   "ListPiece",
			title:  "Five Ways to Cut Your Energy Bill This Winter",
			byline: "Olu Bakare",
			brief:  "Small changes can save a household about £300 a year.",
			body: "Small changes add up to about £300 a year. Here is what the experts suggest:\n" +
				"• Turn the thermostat down by 1°C.\n" +
				"• Bleed your radiators.\n" +
				"- Draught-proof doors and windows.\n" +
				"* Wash clothes at 30°C.\n" +
				"To bleed a radiator:\n" +
				"1. Turn the heating off and let it cool.\n" +
				"2. Open the valve with a radiator key.\n" +
				"3. Close it when water appears.\n" +
				"“Do it once a year,” warns plumber Ray Tull.\n" +
				"“It takes ten minutes and pays for itself,” said energy adviser Tom Reilly.",
			topics:   []string{"Money", "Energy"},
			quotes:   []string{"Do it once a year,", "It takes ten minutes and pays for itself,"},
			speakers: []string{"Ray Tull", "Tom Reilly"},
		},
		{
			name:   "Transcript",
			title:  "Transcript: The Mayor’s Budget Hearing",
			byline: "Council Reporting Team",
			brief:  "An edited transcript of Tuesday’s hearing.",
			body: "The following is an edited transcript of Tuesday’s hearing.\n" +
				"CHAIR: “The committee will come to order.”\n" +
				"SMITH: “Yes.”\n" +
				"JONES: “Is the library fund cut or not?”\n" +
				"MAYOR OKAFOR: “It is not cut. It is paused.”\n" +
				"JONES: “That’s a cut with a different name.”\n" +
				"NOTE: The hearing resumed after a 10-minute break.",
			topics:   []string{"Transcripts", "City Hall"},
			quotes:   []string{"The committee will come to order.", "Yes.", "Is the library fund cut or not?", "It is not cut. It is paused.", "That’s a cut with a different name."},
			speakers: []string{"CHAIR", "SMITH", "JONES", "MAYOR OKAFOR", "JONES"},
		},
		{
			name:     "Spanish",
			title:    "El alcalde promete «agua para todos» en Sevilla",
			byline:   "Lucía Fernández",
			brief:    "El alcalde de Sevilla prometió «agua para todos» antes del verano.",
			language: "es",
			body: "El alcalde de Sevilla, Antonio Ruiz, prometió el lunes «agua para todos» antes del verano.\n" +
				"—No vamos a dejar a nadie atrás —dijo Ruiz a los periodistas.\n" +
				"—¿Y si no llueve? —preguntó una vecina.\n" +
				"«Tenemos un plan», aseguró la concejala María Gómez.",
			topics:   []string{"España", "Sequía"},
			quotes:   []string{"agua para todos", "agua para todos", "Tenemos un plan"},
			speakers: []string{"", "", ""},
		},
		{
			name:     "German",
			title:    "Bürgermeisterin: „Wir bauen die Brücke neu“",
			byline:   "Jürgen Weiß",
			brief:    "Die Stadt will die marode Brücke bis 2027 ersetzen.",
			language: "de",
			body: "Die Stadt Köln will die marode Mülheimer Brücke bis 2027 ersetzen.\n" +
				"„Wir bauen die Brücke neu“, sagte Oberbürgermeisterin Anna Schulz am Dienstag.\n" +
				"Ein Anwohner sagte: „Das hat man uns schon 2019 versprochen.“\n" +
				"Der Verkehrsausschuss sprach von einem ‚Kraftakt‘.",
			topics:   []string{"Köln", "Verkehr"},
			quotes:   []string{"Wir bauen die Brücke neu", "Das hat man uns schon 2019 versprochen.", "Kraftakt"},
			speakers: []string{"", "", ""},
		},
		{
			name:     "Polish",
			title:    "Prezydent miasta: „Nie podniesiemy cen biletów”",
			byline:   "Katarzyna Wiśniewska",
			brief:    "Ceny biletów w Krakowie pozostaną bez zmian.",
			language: "pl",
			body: "Ceny biletów komunikacji miejskiej w Krakowie pozostaną bez zmian w 2026 roku.\n" +
				"„Nie podniesiemy cen biletów” – powiedział prezydent miasta Tomasz Nowak.\n" +
				"Radna Ewa Zielińska oceniła: „To dobra wiadomość dla pasażerów”.",
			topics:   []string{"Kraków", "Transport"},
			quotes:   []string{"Nie podniesiemy cen biletów", "To dobra wiadomość dla pasażerów"},
			speakers: []string{"", ""},
		},
		{
			name:     "Japanese",
			title:    "首相「賃上げを最優先」",
			byline:   "山田太郎",
			brief:    "首相は賃上げを最優先すると述べた。",
			language: "ja",
			body: "岸田首相は10日、記者団に対し「賃上げを最優先に取り組む」と述べた。\n" +
				"首相は小説『雪国』を愛読書に挙げ、「何度読んでも新しい」と語った。\n" +
				"野党は「具体策がない」と批判している。",
			topics:   []string{"政治", "経済"},
			comment:  "確認済み。",
			quotes:   []string{"賃上げを最優先に取り組む", "雪国", "何度読んでも新しい", "具体策がない"},
			speakers: []string{"", "", "", ""},
		},
		{
			name:     "Chinese",
			title:    "市长：“明年地铁票价不变”",
			byline:   "王小明",
			brief:    "市长表示明年地铁票价不变。",
			language: "zh",
			body: "市长李华周一表示：“明年地铁票价不变。”\n" +
				"他说，“我们会继续补贴公共交通”，并称预算已经到位。\n" +
				"一位乘客说：“这是好消息。”",
			topics:   []string{"城市", "交通"},
			quotes:   []string{"明年地铁票价不变。", "我们会继续补贴公共交通", "这是好消息。"},
			speakers: []string{"", "", ""},
		},
		{
			name:   "WebBits",
			title:  "How to Reach Us: press@example.org, @CityDesk and #AskTheDesk",
			byline: "Web Desk",
			brief:  "Send tips to tips@example.org or use #AskTheDesk.",
			body: "Send tips to tips@example.org or visit https://example.org/tips?ref=a&b=2 for the form.\n" +
				"Follow @CityDesk and use the tag #AskTheDesk; the council’s data is at http://data.example.gov/budget_2025.csv.[1]\n" +
				"“We read every message,” said editor Jo Park.[2]\n" +
				"| Ward | Votes | Share |\n" +
				"|------|------:|------:|\n" +
				"| North | 1,204 | 41% |\n" +
				"| South | 987 | 34% |\n" +
				"[1] Published 2 May 2025.\n" +
				"[2] Interview, 3 May 2025.",
			topics:   []string{"#AskTheDesk", "@CityDesk"},
			quotes:   []string{"We read every message,"},
			speakers: []string{"Jo Park"},
		},
		{
			name:   "Corrections",
			title:  "Correction: School Funding Figures",
			byline: "Standards Editor",
			brief:  "An earlier version of this article misstated the funding total.",
			body: "Correction: An earlier version of this article said the funding was £12m. It is £1.2m.\n" +
				"Correction, 4 May: Head teacher Sue Park was misquoted. She said the plan was “workable,” not “unworkable.”\n" +
				"Clarification: The “pilot scheme” mentioned is run by the county, not the city.\n" +
				"This article was amended on 5 May 2025 to correct the spelling of Ms Park’s name.",
			topics:   []string{"Standards"},
			quotes:   []string{"workable,", "unworkable.", "pilot scheme"},
			speakers: []string{"Sue Park", "Sue Park", ""},
		},
		{
			name:   "QuotedTitle",
			title:  "“We Will Not Back Down,” Says ‘Iron’ Mayor",
			byline: "Rita Osei",
			brief:  "“We will not back down,” the mayor said of the “so-called” cuts.",
			body: "“We will not back down,” Mayor Joan Vick said on Monday, dismissing what she called “so-called cuts.”\n" +
				"Critics call her the ‘iron mayor’.",
			topics:   []string{"Politics"},
			comment:  "The “iron mayor” nickname is her own.",
			quotes:   []string{"We will not back down,", "so-called", "We will not back down,", "so-called cuts.", "iron mayor"},
			speakers: []string{"the mayor", "the mayor", "Joan Vick", "Joan Vick", ""},
		},
		{
			name:   "NestedQuotes",
			title:  "The Word That Sank the Deal",
			byline: "Ben Ortiz",
			brief:  "One word, said twice, ended the talks.",
			body: "“He said ‘no’ twice,” said union negotiator Lisa Brandt. “Then he walked out.”\n" +
				"The company’s spokesman, Ivan Petrov, said: “Our offer of ‘fair pay for fair work’ stands.”\n" +
				"Brandt replied that “‘fair’ is doing a lot of work there.”",
			topics:   []string{"Labour"},
			quotes:   []string{"He said ‘no’ twice,", "Then he walked out.", "Our offer of ‘fair pay for fair work’ stands.", "‘fair’ is doing a lot of work there."},
			speakers: []string{"Lisa Brandt", "Lisa Brandt", "Ivan Petrov", "Brandt"},
		},
		{
			name:     "AllQuote",
			title:    "Quote of the Day",
			byline:   "Opinion Desk",
			brief:    "The day’s words.",
			body:     "“The only thing we have to fear is fear itself.”",
			topics:   []string{"Quotes"},
			quotes:   []string{"The only thing we have to fear is fear itself."},
			speakers: []string{""},
		},
		{
			name:   "ParliamentarySketch",
			title:  "PMQs: Cold Comfort & Hot Tempers Over Winter Fuel",
			byline: "Westminster Sketch",
			brief:  "The Speaker called order twice as MPs clashed over the winter fuel payment.",
			body: "The Prime Minister faced a bruising session at the dispatch box over the winter fuel payment.\n" +
				"The Speaker, Sir Lindsay Hoyle, intervened twice. “Order! The House will come to order,” he said.\n" +
				"Sir Edward Leigh (Gainsborough) (Con) asked whether the Minister had read the report. “Has she read it, or not?” he asked.\n" +
				"The Minister for Energy Security (Sarah Jones) said: “I have read every page.”\n" +
				"A spokeswoman for the Treasury said the figures would be published in May. “Nothing is hidden,” she added.\n" +
				"Two Labour officials, speaking on condition of anonymity, said the whips were “furious.”\n" +
				"Outside, AT&T and H&M staff joined the protest. “We are cold too,” said Mary Finch, 71. Finch laughed. “But we are loud.”",
			topics:   []string{"Parliament", "Energy"},
			quotes:   []string{"Order! The House will come to order,", "Has she read it, or not?", "I have read every page.", "Nothing is hidden,", "furious.", "We are cold too,", "But we are loud."},
			speakers: []string{"Lindsay Hoyle", "Edward Leigh", "Sarah Jones", "", "", "Mary Finch", "Finch"},
		},
		{
			name:   "MagazineProfile",
			title:  "Amara Osei: ‘I Was Impossible’",
			byline: "Features Desk",
			brief:  "The singer on leaving two bands by nineteen and the quiet album that followed.",
			body: "By the time she was nineteen, Amara Osei had already left two bands. She talks about it now with a kind of amused detachment.\n" +
				"“I was impossible,” she says. “I wanted everything to sound the way it sounded in my head, and nobody could hear what I heard.\n" +
				"“So I left. And then I left again. My mum thought I had lost my mind.\n" +
				"“It took me ten years to understand that the problem was never the bands.”\n" +
				"Osei's new album, recorded in a converted chapel in Suffolk, is her quietest yet. Her producer, Tom Archer, says she was “fearless” in the studio.\n" +
				"“She would do forty takes of one line,” Archer says. “Not because she was unhappy. Because she was curious.”\n" +
				"Osei smiled. “He is too kind. I was stubborn.”",
			topics: []string{"Music", "Profiles"},
			quotes: []string{"I was impossible,",
				"I wanted everything to sound the way it sounded in my head, and nobody could hear what I heard.\nSo I left. And then I left again. My mum thought I had lost my mind.\nIt took me ten years to understand that the problem was never the bands.",
				"fearless", "She would do forty takes of one line,", "Not because she was unhappy. Because she was curious.", "He is too kind. I was stubborn."},
			speakers: []string{"Amara Osei", "Amara Osei", "Tom Archer", "Archer", "Archer", "Osei"},
		},
	}
}

// TestNewsPieces takes each news piece through the workflow as TestRealWorldShapes does, reads
// every format it is published in and the house text back, follows every link, and checks the
// public pages and the feed against their validators. The pieces go in batches of eight, fewer than the
// feed holds, so that every one of a batch is in the site's feed.
func TestNewsPieces(t *testing.T) {
	pieces := append(append(newsPieces(), morePieces()...), longPieces()...)
	const batch = 8
	for i := 0; i < len(pieces); i += batch {
		t.Run(fmt.Sprintf("Batch%d", i/batch+1), func(t *testing.T) { publishNewsPieces(t, pieces[i:min(i+batch, len(pieces))]) })
	}
}

// publishNewsPieces publishes pieces, each in its own app's feed, and checks what they became.
func publishNewsPieces(t *testing.T, pieces []realPiece) {
	a := newTestApp(t)
	when := publishedAt{at: "2025-05-08T06:30:00Z", day: "May 8, 2025", local: "2025-05-08T06:30:00Z"}
	slugs := map[string]string{}
	for i, p := range pieces {
		if p.paras == nil {
			pieces[i].paras = strings.Split(p.body, "\n")
		}
		if p.distinct == nil {
			pieces[i].distinct = p.topics
		}
		slugs[p.name] = publishRealPiece(t, a, pieces[i], when.at)
	}
	for _, p := range pieces {
		t.Run(p.name, func(t *testing.T) {
			// A field typed with separate accents is published composed (NFC).
			p.title, p.byline, p.brief, p.comment = norm.NFC.String(p.title), norm.NFC.String(p.byline), norm.NFC.String(p.brief), norm.NFC.String(p.comment)
			checkRealPiece(t, a, p, slugs[p.name], when)
			checkLanguage(t, a, p, slugs[p.name])
			checkLinks(t, a, slugs[p.name])
			checkReadBack(t, a, p, slugs[p.name], when)
			checkImport(t, a, p, slugs[p.name])
		})
	}
	start := []string{publish.FeedPath}
	for _, slug := range slugs {
		start = append(start, "/articles/"+slug, "/articles/"+slug+".json")
	}
	out := crawl(t, a, "", start)
	t.Run("HTML", func(t *testing.T) { conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, out["text/html"]...)) })
	t.Run("JSONLD", func(t *testing.T) { conformance.Pass(t, "schema.org", conformance.JSONLD(t, out["text/html"]...)) })
	t.Run("Atom", func(t *testing.T) {
		conformance.Pass(t, "RFC 4287 RELAX NG", conformance.Atom(t, out["application/atom+xml"]...))
	})
}

// checkImport imports the piece's house text as a new draft, as a newsroom moving pieces between
// desks does: the draft must have the piece's fields and find the same quotes, credited alike.
func checkImport(t *testing.T, a *testApp, p realPiece, slug string) {
	t.Helper()
	text := a.do("", "GET", "/articles/"+slug+".txt", "").Body.String()
	res := a.send("editor", "POST", "/api/v1/import?author=writer", "text/plain; charset=utf-8", text, nil)
	wantStatus(t, res, http.StatusCreated)
	d := decode[newsroom.Draft](t, res)
	if d.Title != p.title || d.Byline != p.byline || d.Brief != p.brief || d.Body != strings.Join(p.paras, "\n") ||
		!slices.Equal(d.Topics, p.distinct) || d.EditorComment != p.comment {
		t.Errorf("imported: %q %q %q %q %q %q", d.Title, d.Byline, d.Brief, d.Body, d.Topics, d.EditorComment)
	}
	var got, speakers []string
	for _, q := range decode[[]newsroom.Quote](t, a.do("editor", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), "")) {
		got, speakers = append(got, q.Text), append(speakers, q.Speaker)
	}
	sameLines(t, "the imported draft's ledger", got, p.quotes)
	sameLines(t, "the imported draft's speakers", speakers, p.speakers)
}
