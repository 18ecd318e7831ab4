package quotes_test

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// q is a Quote in the compact form the table uses: text, speaker, paragraph, start, end.
type q struct {
	text, speaker    string
	para, start, end int
}

// p is a Problem in compact form: paragraph, position in it, offset in the text.
type p struct{ para, pos, off int }

// findCase is one row of TestFind.
type findCase struct {
	name         string
	text         string
	want         []q
	wantProblems []p
}

// editorsComment is the seed's closing paragraph: two single-quoted scare quotes among
// possessive apostrophes (Sheinbaum’s, Sovereignty’s) and an elision (it’s).
const editorsComment = "Sheinbaum’s telling Trump to keep his troops north of the border is like a chef refusing a sous-chef who wants to take over the kitchen. Sovereignty’s the main dish here, but the cartels are still spiking the salsa. Why not share the recipe for drone intel and skip the military garnish? Meanwhile, calling cartels ‘terrorists’ is like labeling a hurricane a ‘breeze’—it’s dramatic, but does it change the forecast?"

// findCases returns the table of TestFind. Offsets are code points, worked out independently of
// Find; the seed is the published article in testdata/seed.txt, whose body has three quotes.
func findCases(t testing.TB) []findCase {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return []findCase{
		{"SeedArticle", string(seed),
			[]q{
				{`Our territory is inalienable.`, `Sheinbaum`, 0, 309, 340},
				{`We can work together, but you in your territory, us in ours,`, `Sheinbaum`, 1, 568, 630},
				{`robust cooperation`, `Anna Kelly`, 2, 928, 948},
			}, nil},
		{"SeedEditorsComment", editorsComment,
			[]q{{`terrorists`, ``, 0, 315, 327}, {`breeze`, ``, 0, 359, 367}}, nil},
		{"Empty", ``, nil, nil},
		{"NoMarks", "Nothing is quoted here.\nNor here.", nil, nil},
		{"CurlySaidName", `“We will win,” said Rosa Delgado.`,
			[]q{{`We will win,`, `Rosa Delgado`, 0, 0, 14}}, nil},
		{"NameSaidColon", `Rosa Delgado said: “Not today.”`,
			[]q{{`Not today.`, `Rosa Delgado`, 0, 19, 31}}, nil},
		{"NameToldReporters", `Ellery told reporters: “We are done.”`,
			[]q{{`We are done.`, `Ellery`, 0, 23, 37}}, nil},
		{"SubjectDeclaring", `Sheinbaum emphasized her nation’s sovereignty, declaring, “Our territory is inalienable.”`,
			[]q{{`Our territory is inalienable.`, `Sheinbaum`, 0, 58, 89}}, nil},
		{"PronounResolvesToSubject", "Rosa Delgado arrived late.\n“Sorry,” she told the board.",
			[]q{{`Sorry,`, `Rosa Delgado`, 1, 27, 35}}, nil},
		{"PronounResolvesToMostRecent", "Ortiz spoke first. Delgado disagreed.\n“No,” she said.",
			[]q{{`No,`, `Delgado`, 1, 38, 43}}, nil},
		{"PronounWithoutName", `“Sorry,” she said.`,
			[]q{{`Sorry,`, ``, 0, 0, 8}}, nil},
		{"NoSpeaker", `The sign read “Closed for repairs” all week.`,
			[]q{{`Closed for repairs`, ``, 0, 14, 34}}, nil},
		{"ScareQuoteRoleBeforeName", `White House deputy press secretary Anna Kelly praised the “robust cooperation” with Mexico.`,
			[]q{{`robust cooperation`, `Anna Kelly`, 0, 58, 78}}, nil},
		{"SaidTitleName", `“It is over,” said Mexican President Claudia Sheinbaum.`,
			[]q{{`It is over,`, `Claudia Sheinbaum`, 0, 0, 13}}, nil},
		{"NameSaidAfter", `“It is over,” Delgado said.`,
			[]q{{`It is over,`, `Delgado`, 0, 0, 13}}, nil},
		{"AccordingTo", `“Prices will rise,” according to Finance Minister Ana Ruiz.`,
			[]q{{`Prices will rise,`, `Ana Ruiz`, 0, 0, 19}}, nil},
		{"InterruptedQuote", `“We tried,” said Ortiz, “and we failed.”`,
			[]q{{`We tried,`, `Ortiz`, 0, 0, 11}, {`and we failed.`, `Ortiz`, 0, 24, 40}}, nil},
		{"NextSentenceIsNotAttribution", `Delgado said: “No.” Trump said nothing.`,
			[]q{{`No.`, `Delgado`, 0, 14, 19}}, nil},
		{"NameWithParticles", `Rosa de la Cruz said: “Enough.”`,
			[]q{{`Enough.`, `Rosa de la Cruz`, 0, 22, 31}}, nil},
		{"AppositiveBeforeVerb", `Delgado, the city’s mayor, said: “Enough.”`,
			[]q{{`Enough.`, `Delgado`, 0, 33, 42}}, nil},
		{"AbbreviationsAndTitles", `The U.S. Secretary of State Marco Rubio said: “We agree.”`,
			[]q{{`We agree.`, `Marco Rubio`, 0, 46, 57}}, nil},
		{"PronounAfterSaidName", `“A,” said Rosa Delgado. “B,” she added.`,
			[]q{{`A,`, `Rosa Delgado`, 0, 0, 4}, {`B,`, `Rosa Delgado`, 0, 24, 28}}, nil},
		{"StraightInterruptedWithApostrophe", `"Don't," said Mr. Smith, "do it."`,
			[]q{{`Don't,`, `Smith`, 0, 0, 8}, {`do it.`, `Smith`, 0, 25, 33}}, nil},
		{"SaidWithoutName", `“Yes,” said one of them.`,
			[]q{{`Yes,`, ``, 0, 0, 6}}, nil},
		{"SaidThenBody", `“Yes,” said the spokesperson.`,
			[]q{{`Yes,`, `the spokesperson`, 0, 0, 6}}, nil},
		{"StraightDouble", `"We will win," said Rosa Delgado.`,
			[]q{{`We will win,`, `Rosa Delgado`, 0, 0, 14}}, nil},
		{"StraightDoubleAlternation", `Ortiz counted: "one," "two" and "three."`,
			[]q{{`one,`, `Ortiz`, 0, 15, 21}, {`two`, `Ortiz`, 0, 22, 27}, {`three.`, `Ortiz`, 0, 32, 40}}, nil},
		{"InchMarksAreNotQuotes", `The board is 5'10" long and "sturdy," he said.`,
			[]q{{`sturdy,`, ``, 0, 28, 37}}, nil},
		{"StraightSingle", `'We will win,' said Rosa Delgado.`,
			[]q{{`We will win,`, `Rosa Delgado`, 0, 0, 14}}, nil},
		{"CurlySingle", `‘We will win,’ said Rosa Delgado.`,
			[]q{{`We will win,`, `Rosa Delgado`, 0, 0, 14}}, nil},
		{"ApostrophesInWords", `The developers' tools, the authority's ruling, O'Brien's dog and we’ll see.`,
			nil, nil},
		{"ApostrophesOfElision", `In the ’90s and the '80s, rock ’n’ roll and rock 'n' roll and ‘n’ ruled; 'tis true, ’twas said.`,
			nil, nil},
		{"DutchElisions", "Shops open 's Avonds in 's-Hertogenbosch and ’t Gooi. 'Fine,' said Jan.",
			[]q{{`Fine,`, `Jan`, 0, 54, 61}}, nil},
		{"ApostrophesInsideQuote", `“The developers’ tools aren’t ready for the ’90s crowd,” said Ortiz.`,
			[]q{{`The developers’ tools aren’t ready for the ’90s crowd,`, `Ortiz`, 0, 0, 56}}, nil},
		{"PluralPossessiveInsideSingleQuote", `'The developers' code is old,' said Ortiz.`,
			[]q{{`The developers' code is old,`, `Ortiz`, 0, 0, 30}}, nil},
		{"PluralWordBeforeConjunctionClosesQuote", `He called it ‘ours’ and the players’ ‘fair share’.`,
			[]q{{`ours`, ``, 0, 13, 19}, {`fair share`, ``, 0, 37, 49}}, nil},
		{"PluralPossessiveBeforeNounInsideQuote", `‘The players’ union is ours,’ said Ortiz.`,
			[]q{{`The players’ union is ours,`, `Ortiz`, 0, 0, 29}}, nil},
		{"ElisionInsideSingleQuote", `‘I love rock ’n’ roll,’ said Ortiz.`,
			[]q{{`I love rock ’n’ roll,`, `Ortiz`, 0, 0, 23}}, nil},
		{"SingleNestedInDouble", `“He called it ‘a disgrace,’ and I agree,” said Ortiz.`,
			[]q{{`He called it ‘a disgrace,’ and I agree,`, `Ortiz`, 0, 0, 41}}, nil},
		{"StraightSingleNestedInStraightDouble", `"He called it 'a disgrace,'" said Ortiz.`,
			[]q{{`He called it 'a disgrace,'`, `Ortiz`, 0, 0, 28}}, nil},
		{"DoubleNestedInSingle", `‘He called it “a disgrace”,’ said Ortiz.`,
			[]q{{`He called it “a disgrace”,`, `Ortiz`, 0, 0, 28}}, nil},
		{"ScareQuotes", `The so-called “reform” passed, and the ‘experts’ cheered.`,
			[]q{{`reform`, ``, 0, 14, 22}, {`experts`, ``, 0, 39, 48}}, nil},
		{"TwoParagraphQuote", "Delgado said: “We will fight.\n“And we will win.”",
			[]q{{"We will fight.\nAnd we will win.", `Delgado`, 0, 14, 48}}, nil},
		{"ThreeParagraphQuote", "“One.\n“Two.\n“Three,” said Ortiz.",
			[]q{{"One.\nTwo.\nThree,", `Ortiz`, 0, 0, 20}}, nil},
		{"StraightMultiParagraphQuote", "Ortiz wrote: \"First part.\n\"Second part.\"",
			[]q{{"First part.\nSecond part.", `Ortiz`, 0, 13, 40}}, nil},
		{"MultiParagraphQuoteOverBlankLine", "“One.\n\n  “Two.”",
			[]q{{"One.\nTwo.", ``, 0, 0, 15}}, nil},
		{"MultiParagraphQuoteCRLF", "“One.\r\n“Two.”",
			[]q{{"One.\nTwo.", ``, 0, 0, 13}}, nil},
		{"UnclosedNotContinued", "“One.\nTwo.",
			nil, []p{{0, 0, 0}}},
		{"ContinuedThenUnclosed", "“One.\n“Two.\nThree.",
			nil, []p{{0, 0, 0}}},
		{"UnclosedCurly", `She said “never and left.`,
			nil, []p{{0, 9, 9}}},
		{"UnclosedStraight", `She said "never and left.`,
			nil, []p{{0, 9, 9}}},
		{"UnclosedInSecondParagraph", "Fine.\nOrtiz said: “We will",
			nil, []p{{1, 12, 18}}},
		{"UnclosedThenQuote", `“Yes, he said. “No,” Ortiz said.`,
			[]q{{`No,`, `Ortiz`, 0, 15, 20}}, []p{{0, 0, 0}}},
		{"UnclosedSingleInsideDouble", `“He said ‘go home,” Ortiz said.`,
			[]q{{`He said ‘go home,`, `Ortiz`, 0, 0, 19}}, []p{{0, 9, 9}}},
		{"StrayClosingMarkReported", `He left.” Then “bye,” said Ortiz.`,
			[]q{{`bye,`, `Ortiz`, 0, 15, 21}}, []p{{0, 8, 8}}},
		{"StrayGuillemetReported", "Fin.\nLes prix montent » et voilà.",
			nil, []p{{1, 17, 22}}},
		{"StrayClosingAfterUnclosedParagraph", "“One.\nTwo.”",
			nil, []p{{0, 0, 0}, {1, 4, 10}}},
		{"VerseQuotedLineByLine", "He sang:\n“Oh the wind came down\nAnd the sea rose high,\nThat never said goodbye.” The hall went quiet.",
			[]q{{"Oh the wind came down\nAnd the sea rose high,\nThat never said goodbye.", ``, 1, 9, 80}}, nil},
		{"LinesLongerThanVerseAreNoVerse", "“" + strings.Repeat("a ", 50) + "\nand more words.”",
			nil, []p{{0, 0, 0}, {1, 15, 117}}},
		{"LoneApostropheIsNoStray", `The Joneses’ dog barked.`,
			nil, nil},
		{"ApostropheAfterAbbreviationIsNoStray", `The U.S.’ role grew.`,
			nil, nil},
		{"SingleClosingAfterCommaReported", `‘Tis true,’ said Ann. 'Twas so!' he said. Why?’`,
			nil, []p{{0, 10, 10}, {0, 31, 31}, {0, 46, 46}}},
		{"Guillemets", `Il a dit « Nous gagnerons » hier.`,
			[]q{{`Nous gagnerons`, ``, 0, 9, 27}}, nil},
		{"GuillemetsNoBreakSpaces", "Ortiz said: «\u00a0Enough.\u202f»",
			[]q{{`Enough.`, `Ortiz`, 0, 12, 23}}, nil},
		{"GuillemetsOverTwoParagraphs", "Il a dit : « Premier paragraphe. \n« Second paragraphe. » Puis il est parti.",
			[]q{{"Premier paragraphe.\nSecond paragraphe.", ``, 0, 11, 56}}, nil},
		{"GuillemetsTight", `«Jamais»,  said Delgado.`,
			[]q{{`Jamais`, `Delgado`, 0, 0, 8}}, nil},
		{"SingleGuillemetsNestedInGuillemets", `« Il a crié ‹ non › puis il est parti », said Ortiz.`,
			[]q{{`Il a crié ‹ non › puis il est parti`, `Ortiz`, 0, 0, 39}}, nil},
		{"SingleGuillemetsAlone", `The sign said ‹ Fermé ›.`,
			[]q{{`Fermé`, ``, 0, 14, 23}}, nil},
		{"GermanGuillemets", `Er sagte: »Wir bleiben.« Dann ging er.`,
			[]q{{`Wir bleiben.`, ``, 0, 10, 24}}, nil},
		{"GermanSingleGuillemets", `Sie las ›Faust‹ im Zug.`,
			[]q{{`Faust`, ``, 0, 8, 15}}, nil},
		{"GermanGuillemetsNested", `»Er rief ›Halt!‹ und lief«, sagte Anna.`,
			[]q{{`Er rief ›Halt!‹ und lief`, ``, 0, 0, 26}}, nil},
		{"GermanGuillemetsMultiParagraph", "Weber sagte: »Erstens.\n»Zweitens.«",
			[]q{{"Erstens.\nZweitens.", ``, 0, 13, 34}}, nil},
		{"SwedishDouble", `Hon sa: ”Vi väntar.” Sedan gick hon.`,
			[]q{{`Vi väntar.`, ``, 0, 8, 20}}, nil},
		{"SwedishDoubleTwice", `”Ja”, sa han. ”Nej”, sa hon.`,
			[]q{{`Ja`, ``, 0, 0, 4}, {`Nej`, ``, 0, 14, 19}}, nil},
		{"SwedishMultiParagraph", "Berg said: ”Först.\n”Sedan.”",
			[]q{{"Först.\nSedan.", `Berg`, 0, 11, 27}}, nil},
		{"SwedishUnclosed", `Hon sa ”aldrig och gick.`,
			nil, []p{{0, 7, 7}}},
		{"StrayRightDoubleBetweenSpaces", `Er sagte ” nein.`,
			nil, []p{{0, 9, 9}}},
		{"HighReversedDouble", `‟Enough,” said Ruiz.`,
			[]q{{`Enough,`, `Ruiz`, 0, 0, 9}}, nil},
		{"HighReversedSingle", `The sign read ‛Closed’ all week.`,
			[]q{{`Closed`, ``, 0, 14, 22}}, nil},
		{"CornerBrackets", `专家表示「经济稳中求进」。`,
			[]q{{`经济稳中求进`, ``, 0, 4, 12}}, nil},
		{"WhiteCornerBracketsNestedInCorners", `首相は「私は『未定』と言った」と述べた。`,
			[]q{{`私は『未定』と言った`, ``, 0, 3, 15}}, nil},
		{"WhiteCornerBracketsAlone", `彼は『未定』と言った。`,
			[]q{{`未定`, ``, 0, 2, 6}}, nil},
		{"CornerBracketsSpanningParagraphs", "首相は「第一に。\n「第二に。」",
			[]q{{"第一に。\n第二に。", ``, 0, 3, 15}}, nil},
		{"CornerBracketUnclosed", `首相は「検討する。`,
			nil, []p{{0, 3, 3}}},
		{"StrayCornerBracket", `首相は検討する」。`,
			nil, []p{{0, 7, 7}}},
		{"GermanDouble", `Merkel sagte: „Wir schaffen das.“ Dann ging sie.`,
			[]q{{`Wir schaffen das.`, ``, 0, 14, 33}}, nil},
		{"GermanDoubleTwiceNoFalseProblem", `„Ja“, sagte er. „Nein“, sagte sie.`,
			[]q{{`Ja`, ``, 0, 0, 4}, {`Nein`, ``, 0, 16, 22}}, nil},
		{"GermanSingleInsideGermanDouble", `„Er nannte es ‚eine Schande‘ und ging“, said Weber.`,
			[]q{{`Er nannte es ‚eine Schande‘ und ging`, `Weber`, 0, 0, 38}}, nil},
		{"GermanSingleAlone", `Das Wort ‚Heimat‘ fiel oft.`,
			[]q{{`Heimat`, ``, 0, 9, 17}}, nil},
		{"GermanClosedWithEnglishMark", `„Genug”, said Weber.`,
			[]q{{`Genug`, `Weber`, 0, 0, 7}}, nil},
		{"GermanMultiParagraph", "Weber said: „Erstens.\n„Zweitens.“",
			[]q{{"Erstens.\nZweitens.", `Weber`, 0, 12, 33}}, nil},
		{"GermanUnclosed", `Sie sagte „nie und ging.`,
			nil, []p{{0, 10, 10}}},
		{"QuotesAtStartAndEnd", `“Start.” Middle. “End.”`,
			[]q{{`Start.`, ``, 0, 0, 8}, {`End.`, ``, 0, 17, 23}}, nil},
		{"EmptyQuote", `“”`,
			[]q{{``, ``, 0, 0, 2}}, nil},
		{"AccentedText", `Café owner Zoë said: “Déjà vu.”`,
			[]q{{`Déjà vu.`, `Zoë`, 0, 21, 31}}, nil},
		{"CombiningAccentCountsAsCodePoint", "Jose\u0301 said: “Hola.” Then “adiós,” said Zoë.",
			[]q{{`Hola.`, "Jose\u0301", 0, 12, 19}, {`adiós,`, `Zoë`, 0, 25, 33}}, nil},
		{"EmojiOffsetsInCodePoints", `🎉🎉 “Party time 🥳,” said Zoë. 👍🏽 “Again!”`,
			[]q{{`Party time 🥳,`, `Zoë`, 0, 3, 18}, {`Again!`, ``, 0, 32, 40}}, nil},
		{"MultiCodePointGraphemes", "Ca\u0301fe\u0301 “crème” 👩\u200d👩\u200d👧 ‘brûlée’",
			[]q{{`crème`, ``, 0, 7, 14}, {`brûlée`, ``, 0, 21, 29}}, nil},
		{"PronounAfterNamedSpeaker", `Ortiz said: “Fine.” She then left. “Bye,” said Kelly. “Hello,” she said.`,
			[]q{{`Fine.`, `Ortiz`, 0, 12, 19}, {`Bye,`, `Kelly`, 0, 35, 41}, {`Hello,`, `Kelly`, 0, 54, 62}}, nil},
		{"InvalidUTF8", "\xff“bad\xfe,” said Ortiz.",
			[]q{{"bad\uFFFD,", `Ortiz`, 0, 1, 8}}, nil},
	}
}

// TestFind checks every quote and problem Find reports against the table.
func TestFind(t *testing.T) {
	cases := findCases(t)
	if len(cases) < 40 {
		t.Fatalf("the table has %d cases, want at least 40", len(cases))
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			quoteList, problems := quotes.Find(tt.text)
			var got []q
			for _, x := range quoteList {
				got = append(got, q{x.Text, x.Speaker, x.Paragraph, x.Start, x.End})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes:\n got %+v\nwant %+v", got, tt.want)
			}
			var gotProblems []p
			for _, x := range problems {
				gotProblems = append(gotProblems, p{x.Paragraph, x.Position, x.Offset})
				checkMessage(t, tt.text, x)
			}
			if !slices.Equal(gotProblems, tt.wantProblems) {
				t.Errorf("problems:\n got %v\nwant %v", gotProblems, tt.wantProblems)
			}
		})
	}
}

// checkMessage checks that a Problem's message names the mark and where it stands.
func checkMessage(t *testing.T, text string, x quotes.Problem) {
	t.Helper()
	rs := []rune(text)
	if x.Offset < 0 || x.Offset >= len(rs) {
		t.Fatalf("problem offset %d outside the text", x.Offset)
	}
	opening := fmt.Sprintf("opening %c in paragraph %d at position %d never closes", rs[x.Offset], x.Paragraph, x.Position)
	closing := fmt.Sprintf("closing %c in paragraph %d at position %d has no opening mark", rs[x.Offset], x.Paragraph, x.Position)
	// A mark that may open or close (”Ja” and »Ja« open with a closing mark) is reported as
	// what it was where it stands; the others only as what they can be.
	switch r := rs[x.Offset]; {
	case strings.ContainsRune(openingMarks, r) && strings.ContainsRune(closingOnly, r):
		if x.Message != opening && x.Message != closing {
			t.Errorf("message = %q, want %q or %q", x.Message, opening, closing)
		}
	case strings.ContainsRune(closingOnly, r):
		if x.Message != closing {
			t.Errorf("message = %q, want %q", x.Message, closing)
		}
	case x.Message != opening:
		t.Errorf("message = %q, want %q", x.Message, opening)
	}
}

// TestFindBodyOfManyParagraphs checks that paragraphs are counted across a long body.
func TestFindBodyOfManyParagraphs(t *testing.T) {
	body := strings.Repeat("No quote here.\n", 99) + "“Last,” said Ortiz."
	got, _ := quotes.Find(body)
	if len(got) != 1 || got[0].Paragraph != 99 || got[0].Start != 99*15 || got[0].Speaker != "Ortiz" {
		t.Fatalf("Find() = %+v, want one quote by Ortiz in paragraph 99 at %d", got, 99*15)
	}
}

// TestFindCapsProblems checks that a text with marks wrong throughout reports only the first
// MaxProblems of them, in order.
func TestFindCapsProblems(t *testing.T) {
	_, problems := quotes.Find(strings.Repeat("» ", quotes.MaxProblems+50))
	if len(problems) != quotes.MaxProblems || problems[0].Offset != 0 || problems[len(problems)-1].Offset != 2*(quotes.MaxProblems-1) {
		t.Fatalf("got %d problems from %+v, want the first %d", len(problems), problems[0], quotes.MaxProblems)
	}
}

// TestFindKeepsItsBuffers finds the quotes of a body of about 1,500 words twice: the second
// Find answers the same after one over a text quoted throughout, which used the same buffers,
// and allocates less than eight bytes a rune, where the runes and their marks alone took five
// (the 150 quotes' texts and speakers are most of what it allocates).
func TestFindKeepsItsBuffers(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday. “The plan holds,” said Rosa Delgado. ", 150)
	// A collection empties the pool the buffers are kept in; none may run between the Finds.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	// The pool keeps a buffer first in a slot of the processor that gave it back, which no
	// other processor looks in: with more than one, the test could move between the Finds and
	// miss the buffer it had kept (CI did once, allocating 12 bytes a rune).
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	want, wantProblems := quotes.Find(body)
	quotes.Find(strings.Repeat("“quoted” ", 3000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, problems := quotes.Find(body)
	runtime.ReadMemStats(&after)
	if !slices.Equal(got, want) || !slices.Equal(problems, wantProblems) {
		t.Fatalf("Find answered differently the second time: %v, %v", got, problems)
	}
	if n, runes := after.TotalAlloc-before.TotalAlloc, uint64(len([]rune(body))); n > 8*runes {
		t.Fatalf("Find of %d runes allocated %d bytes", runes, n)
	}
}
