package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindSpeakersInNewsGenres reads pieces of the kinds a newsroom writes every day that the
// attribution rows do not hold whole: post-match quotes, an obituary, a court report with a
// witness and the sentencing, a science story quoting a paper and its authors, a markets wrap,
// a council meeting with speakers in turn, an interview in questions and answers, quotes inside
// quotes, quotes broken by their attribution, names with particles and hyphens, and titles and
// ages that stand for names given before; and a live blog, a press release with its boilerplate,
// a magazine profile whose speech runs over paragraphs, a parliamentary sketch in Hansard's
// style, a war report quoting unnamed officials, words through an interpreter, posts on social
// media and a British piece in single quotes. Each quote's speaker is the one a fact-checker would
// check it with, or nobody where the copy does not say.
func TestFindSpeakersInNewsGenres(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"SportsPostMatch",
			"Arsenal manager Mikel Arteta praised his side's resilience after the 2-1 win at Villa Park.\n" +
				"“We suffered, but that is football,” Arteta told BBC Sport. “The players gave everything.”\n" +
				"Captain Martin Odegaard, who scored the winner, said: “It was a massive three points for us.”\n" +
				"“I just tried to put it in the corner,” the 26-year-old said.\n" +
				"Villa boss Unai Emery was frustrated. “We didn't deserve to lose,” he told reporters.\n" +
				"Liverpool striker Mohamed Salah said the dressing room was “devastated” after the defeat.\n" +
				"“We let the fans down today,” he told Sky Sports. “There is no hiding from that.”\n" +
				"Manager Arne Slot was more measured. “It is one game,” the Dutchman said. “We go again on Wednesday.”\n" +
				"Asked about his own future, Salah smiled: “You will have to ask the club.”\n" +
				"“I'm delighted for the lads,” Celtic manager Brendan Rodgers told BBC Scotland. “They deserved that.”\n" +
				"Striker Kyogo Furuhashi, who scored twice, said: “The fans pushed us.”\n" +
				"“It was a penalty all day long,” said Rangers boss Philippe Clement. “The referee has to see that.”",
			[]string{"Arteta", "Arteta", "Martin Odegaard", "the 26-year-old", "Unai Emery", "Mohamed Salah", "Mohamed Salah", "Mohamed Salah", "the Dutchman", "the Dutchman", "Salah", "Brendan Rodgers", "Brendan Rodgers", "Kyogo Furuhashi", "Philippe Clement", "Philippe Clement"}},
		{"Obituary",
			"Margaret Ellison, who ran the village post office in Hadley for 42 years, has died aged 91.\n" +
				"Her daughter, Susan Price, said: “Mum knew everyone's name and everyone's business, and she kept both safe.”\n" +
				"“She never took a day off,” said her grandson, Tom Price. “Not even for her own wedding anniversary.”\n" +
				"Her husband, Arthur, died in 2009. “They were devoted to each other,” Mrs Price added.\n" +
				"The actor Sir Tom Bell, best known for his role in the BBC drama Harbour Lights, has died at the age of 88.\n" +
				"In a statement, his family said: “He died peacefully at home, surrounded by those he loved.”\n" +
				"His long-time friend and co-star, Dame Judith Reid, said: “Tom was the kindest man I ever worked with.”\n" +
				"Speaking in 2015, Bell said of his career: “I was lucky. I never had to do anything else.”",
			[]string{"Susan Price", "Tom Price", "Tom Price", "Price", "his family", "Judith Reid", "Bell"}},
		{"CourtReportWithWitnessesAndSentencing",
			"A man who attacked a taxi driver in Leeds city centre has been jailed for four years.\n" +
				"Daniel Corr, 34, of Armley, admitted grievous bodily harm at Leeds Crown Court.\n" +
				"The driver, Imran Shah, told the court: “I thought I was going to die that night.”\n" +
				"A witness, Claire Dobson, said she saw Corr “kicking him again and again” as he lay on the ground.\n" +
				"Sentencing him, Judge Sarah Wright said: “This was a cowardly and sustained attack on a man doing his job.”\n" +
				"“You have shown no genuine remorse,” the judge added.\n" +
				"Prosecutor Rachel Ade told the jury that Mr Finch had “lied from the very beginning.”\n" +
				"Giving evidence, Finch said: “I panicked. I knew how it would look.”\n" +
				"Mrs Justice Carr told Finch his behaviour had been “calculated and cruel.”\n" +
				"Sentencing, Mr Justice Hilliard said Kane had shown “a total disregard for human life” and told him: “You will serve at least 22 years.”",
			[]string{"Imran Shah", "Claire Dobson", "Sarah Wright", "the judge", "Rachel Ade", "Finch", "Carr", "Hilliard", "Hilliard"}},
		{"SciencePaperAndTwoResearchers",
			"Drinking coffee may be linked to a lower risk of heart rhythm problems, according to a study published in JAMA Internal Medicine.\n" +
				"The researchers wrote that the association was “modest but consistent across subgroups.”\n" +
				"“We were surprised by how clear the signal was,” said Dr Elena Marsh, an epidemiologist at the University of California, San Francisco, who led the study.\n" +
				"Prof James Whitfield, a cardiologist at the University of Oxford who was not involved in the research, said the findings were “reassuring but not a licence to drink unlimited amounts.”\n" +
				"“Observational studies like this cannot prove cause and effect,” he said.\n" +
				"The paper, published in Nature, concludes that the glacier is “losing mass faster than at any time in the past 10,000 years.”\n" +
				"Lead author Dr Ingrid Solberg, of the Norwegian Polar Institute, said: “We did not expect the acceleration to be this steep.”\n" +
				"Her co-author, Prof Mark de Vries of Utrecht University, said the data was “unambiguous.”\n" +
				"“This should worry anyone who lives near a coast,” de Vries added.",
			[]string{"The researchers", "Elena Marsh", "James Whitfield", "James Whitfield", "", "Ingrid Solberg", "Mark de Vries", "de Vries"}},
		{"MarketsWrapWithAnalysts",
			"LONDON (Reuters) - European shares fell on Tuesday as investors weighed fresh signs of slowing growth in China.\n" +
				"“Markets are pricing in a lot of good news that may not arrive,” said Kyle Rodda, senior financial market analyst at Capital.com.\n" +
				"“The tone has shifted,” said Paul Dales, chief UK economist at Capital Economics. “Investors now want proof, not promises.”\n" +
				"NEW YORK, March 4 (Reuters) - Wall Street's main indexes closed lower on Tuesday after Fed Chair Jerome Powell said rate cuts were “not imminent.”\n" +
				"“The market was hoping for a softer tone,” said Jack Ablin, chief investment officer at Cresset Capital in Chicago.\n" +
				"“It's a reality check,” said Quincy Krosby, chief global strategist at LPL Financial. “Bond yields are telling you the same thing.”\n" +
				"“The labour market is cooling,” said ING's James Knightley.\n" +
				"“Rates are going nowhere,” Capital Economics' Paul Ashworth said.\n" +
				"Citi analysts said in a note: “Risks are to the downside.”",
			[]string{"Kyle Rodda", "Paul Dales", "Paul Dales", "Jerome Powell", "Jack Ablin", "Quincy Krosby", "Quincy Krosby", "James Knightley", "Paul Ashworth", "Citi"}},
		{"CouncilMeetingSpeakersInTurn",
			"Councillors in Northfield voted 7-4 on Monday to close the Elm Street library.\n" +
				"Cllr Janet Moore, who chairs the finance committee, said the council had “no money left to spread,” while Cllr Dev Patel called the decision “a betrayal of every child in this ward,” and Mayor Tom Briggs said: “Nobody wanted this.”\n" +
				"Resident Ann Kelly told the meeting: “Where will our children go after school?”\n" +
				"At Tuesday's meeting of Harrow council's planning committee, Cllr Sarah Butler said the tower was “out of scale,” Cllr Ahmed Raza said it would “bring 300 homes we desperately need,” and the committee chair, Cllr Peter Lowe, said: “We have to decide on planning grounds alone.”\n" +
				"Council leader Cllr Rachel Hunt said: “We have listened.” Opposition leader Cllr Mike Dale said she had “listened and ignored,” and Green councillor Zoe Smith told the chamber: “Shame on you all.”",
			[]string{"Janet Moore", "Dev Patel", "Tom Briggs", "Ann Kelly", "Sarah Butler", "Ahmed Raza", "Peter Lowe", "Rachel Hunt", "Mike Dale", "Zoe Smith"}},
		{"InterviewQuestionsAndAnswers",
			"Olivia Barnes, 34, founded the charity in 2019. She spoke to us about what comes next.\n" +
				"What made you start?\n" +
				"“My brother was homeless for two years and nobody helped him,” she said.\n" +
				"What would you change?\n" +
				"“Everything,” Barnes said, laughing.",
			[]string{"Olivia Barnes", "Barnes"}},
		{"QuotesInsideQuotes",
			"“When he told me ‘you're fired,’ I laughed,” said Rachel Green.\n" +
				"The senator said: “My father always told me, ‘Never trust a man who won't look you in the eye,’ and he was right.”\n" +
				"“The minister told us, ‘There is no money,’ and then spent £2m on a logo,” said union leader Dave Ward.\n" +
				"Ward added: “When I hear ‘efficiency savings’ I reach for my wallet.”\n" +
				"“She kept saying ‘I'm fine, I'm fine,’” her sister, Lucy Hart, recalled.\n" +
				"“He said to me, ‘Dad, I'm scared,’ and I told him, ‘So am I,’” recalled Mark Ellis, whose son was on the train.",
			[]string{"Rachel Green", "The senator", "Dave Ward", "Ward", "Lucy Hart", "Mark Ellis"}},
		{"QuotesBrokenByTheirAttribution",
			"“We will,” she said, “win this.”\n" +
				"“The problem,” said Mayor Ruth Okonkwo, “is that nobody owns the bridge.”\n" +
				"“It is not over,” Carlos de la Cruz said, “not by a long way.”\n" +
				"“If we do nothing,” said Dr Amara Okafor, “the river will be dead in ten years.”\n" +
				"“This,” the mayor said, pointing at the map, “is where the water goes.”\n" +
				"“There is,” Prime Minister Keir Starmer said on Tuesday, “no alternative.”\n" +
				"“Look,” said the coach, before pausing, “we were terrible.”\n" +
				"“We were,” the judge said, “frankly astonished.”",
			[]string{"", "", "Ruth Okonkwo", "Ruth Okonkwo", "Carlos de la Cruz", "Carlos de la Cruz", "Amara Okafor", "Amara Okafor", "the mayor", "the mayor", "Keir Starmer", "Keir Starmer", "the coach", "the coach", "the judge", "the judge"}},
		{"NamesWithParticlesAndHyphens",
			"“The dikes will hold,” said Pieter van der Berg, the water board's chief engineer.\n" +
				"Siobhan O'Neill said: “We need answers.”\n" +
				"“Prices doubled in a month,” said Nguyen Van An, who sells rice in Hanoi.\n" +
				"Anne-Marie Dubois-Laurent told Le Monde: “It is a scandal.”\n" +
				"“Nobody listened,” Ludwig von Trapp said.\n" +
				"“We are ready,” said Rafael de la Cruz.\n" +
				"“We will appeal,” said Maria de los Ángeles García.\n" +
				"Jean-Luc Mélenchon said: “The government has lost.”\n" +
				"“It was my idea,” said Sean O'Brien. “Mine alone,” O'Brien added.\n" +
				"Dutch coach Ronald de Boer said: “We were lucky.”\n" +
				"“The market is closed,” said Tran Thi Mai, a vendor.\n" +
				"Van der Merwe told reporters: “We are not worried.”\n" +
				"“Our doors are open,” said Ursula von der Leyen, the European Commission president.\n" +
				"Mark O'Connell, 41, said: “I was born here.”\n" +
				"“We have a plan,” said Mohammed bin Salman.\n" +
				"Nguyen Thi Lan, 45, who runs a noodle stall, said: “Rent went up again.”\n" +
				"“Bring it on,” Ole Gunnar Solskjaer said.\n" +
				"“It's over,” said Anna-Lena Schmidt. “We lost,” said Jean-Pierre Dubois. “Again,” said Mary-Kate O'Sullivan.\n" +
				"“Fine,” said D'Angelo Russell. “Good,” said Ngozi Okonjo-Iweala.",
			[]string{"Pieter van der Berg", "Siobhan O'Neill", "Nguyen Van An", "Anne-Marie Dubois-Laurent", "Ludwig von Trapp", "Rafael de la Cruz", "Maria de los Ángeles García", "Jean-Luc Mélenchon", "Sean O'Brien", "O'Brien", "Ronald de Boer", "Tran Thi Mai", "Van der Merwe", "Ursula von der Leyen", "Mark O'Connell", "Mohammed bin Salman", "Nguyen Thi Lan", "Ole Gunnar Solskjaer", "Anna-Lena Schmidt", "Jean-Pierre Dubois", "Mary-Kate O'Sullivan", "D'Angelo Russell", "Ngozi Okonjo-Iweala"}},
		{"TitlesAndAgesForNamesBefore",
			"Chancellor Rachel Reeves delivered her Budget on Wednesday.\n" +
				"“This is a Budget for growth,” the Chancellor said.\n" +
				"Shadow Chancellor Mel Stride said it was “a Budget of broken promises.”\n" +
				"“We will not raise taxes on working people,” the Chancellor added.\n" +
				"Emma Raducanu, 21, beat the world number five in straight sets.\n" +
				"“I felt free out there,” the 21-year-old said.",
			[]string{"Rachel Reeves", "Mel Stride", "Rachel Reeves", "Emma Raducanu"}},
		{"LiveBlogWithTimestamps",
			"09:42 GMT – Storm Darragh: roads closed across Wales\n" +
				"Natural Resources Wales has issued 14 flood warnings. “Do not attempt to drive through flood water,” said Jeremy Parr, the agency's head of flood risk.\n" +
				"10:05 GMT – Trains cancelled\n" +
				"Transport for Wales said all services west of Swansea were suspended. “We will run replacement buses where we can,” a spokesperson said.\n" +
				"10:31 GMT – ‘The worst I have seen’\n" +
				"Farmer Gwen Pritchard, 63, told BBC Wales her fields had been under water since dawn. “It is the worst I have seen in forty years,” she said. “The sheep are on the hill, thank God.”\n" +
				"10:48 GMT – First Minister responds\n" +
				"Eluned Morgan said the government was “monitoring the situation closely.” “I want to thank the emergency services,” the First Minister said.\n" +
				"11:02 GMT – Police update\n" +
				"Dyfed-Powys Police said two people had been rescued from a car in Carmarthen. Chief Inspector Huw Davies said: “Please stay at home.”",
			[]string{"Jeremy Parr", "a spokesperson", "", "Gwen Pritchard", "Gwen Pritchard", "Eluned Morgan", "", "Huw Davies"}},
		{"PressReleaseWithBoilerplate",
			"NORTHAMPTON, England, March 3, 2025 /PRNewswire/ -- Helix Robotics Ltd today announced the opening of its new manufacturing plant in Northampton, creating 220 jobs.\n" +
				"\"This investment reflects our confidence in British engineering,\" said Priya Natarajan, CEO of Helix Robotics. \"Northampton gives us the skills and the space to grow.\"\n" +
				"\"We are delighted to welcome Helix to the county,\" said Councillor Jonathan Nunn, leader of West Northamptonshire Council.\n" +
				"The plant will produce 4,000 warehouse robots a year. \"Demand has doubled since 2022,\" said Mark Feeney, Chief Operating Officer at Helix Robotics.\n" +
				"About Helix Robotics\n" +
				"Helix Robotics designs and builds autonomous robots for logistics. For more information, visit www.helixrobotics.example.\n" +
				"Media contact: Sarah Lowe, press@helixrobotics.example\n" +
				"Forward-looking statements: This press release contains statements that \"may,\" \"could\" or \"will\" occur.",
			[]string{"Priya Natarajan", "Priya Natarajan", "Jonathan Nunn", "Mark Feeney", "", "", ""}},
		{"MagazineProfileWithSpeechOverParagraphs",
			"By the time she was nineteen, Amara Osei had already left two bands. She talks about it now with a kind of amused detachment.\n" +
				"“I was impossible,” she says. “I wanted everything to sound the way it sounded in my head, and nobody could hear what I heard.\n" +
				"“So I left. And then I left again. My mum thought I had lost my mind.\n" +
				"“It took me ten years to understand that the problem was never the bands.”\n" +
				"Osei's new album, recorded in a converted chapel in Suffolk, is her quietest yet. Her producer, Tom Archer, says she was “fearless” in the studio.\n" +
				"“She would do forty takes of one line,” Archer says. “Not because she was unhappy. Because she was curious.”",
			[]string{"Amara Osei", "Amara Osei", "Tom Archer", "Archer", "Archer"}},
		{"ParliamentarySketchWithHansardTitles",
			"The Speaker, Sir Lindsay Hoyle, intervened. “Order! The House will come to order,” he said.\n" +
				"Sir Edward Leigh (Gainsborough) (Con) asked whether the Minister had read the report. “Has she read it, or not?” he asked.\n" +
				"The Minister for Energy Security (Sarah Jones) said: “I have read every page.”\n" +
				"Mr Speaker called Ed Davey. “The Prime Minister knows the answer,” the Liberal Democrat leader said.",
			[]string{"Lindsay Hoyle", "Edward Leigh", "Sarah Jones", "the Liberal Democrat leader"}},
		{"WarReportQuotingUnnamedOfficials",
			"KYIV, Ukraine — Russian forces launched more than 90 drones at Ukrainian cities overnight, officials said on Sunday.\n" +
				"“The air defence worked well, but not everything could be stopped,” said Serhiy Lysak, head of the Dnipropetrovsk regional administration.\n" +
				"One senior Ukrainian military official, who spoke on condition of anonymity because he was not authorized to speak publicly, said the front near Pokrovsk was “under enormous pressure.”\n" +
				"“We are short of men, not of courage,” the official said.\n" +
				"A Western diplomat in Kyiv, who asked not to be named, said: “The next six weeks will decide a great deal.”\n" +
				"Two US officials, speaking on condition of anonymity, said the strike had hit “a weapons depot.” “It was a legitimate target,” one of them said.\n" +
				"The Kremlin did not respond to a request for comment. Dmitry Peskov, the Kremlin spokesman, said last week that Moscow was “open to talks.”",
			[]string{"Serhiy Lysak", "", "the official", "", "", "", "Dmitry Peskov"}},
		{"TranslationThroughAnInterpreter",
			"Speaking through an interpreter, Shigeru Watanabe, 78, described the morning the wave came. “I heard it before I saw it,” he said. “It sounded like a train.”\n" +
				"His wife, Keiko, nodded. “We ran for the hill,” she said through an interpreter. “We did not take anything.”\n" +
				"Mr Watanabe said the town had “changed beyond recognition.” “Our children will not come back,” he said.\n" +
				"President Volodymyr Zelensky, speaking through a translator, said: “Ukraine will not trade land for peace.”\n" +
				"“Ik ben blij,” said Dutch coach Arne Slot, speaking in Dutch. “I am happy,” he added in English.",
			[]string{"Shigeru Watanabe", "Shigeru Watanabe", "Keiko", "Keiko", "Watanabe", "Watanabe", "Volodymyr Zelensky", "Arne Slot", "Arne Slot"}},
		{"PostsOnSocialMedia",
			"The row began when Elon Musk wrote on X: “This is a disgrace.” Within minutes the post had been viewed two million times.\n" +
				"Labour MP Dawn Butler replied on X: “Perhaps you should stick to rockets.”\n" +
				"In a post on Instagram, the singer Dua Lipa wrote: “I stand with the nurses.”\n" +
				"The Met Office posted on X on Tuesday: “Heavy rain will spread east through the day.”\n" +
				"“Absolutely shameful,” tweeted the former footballer Gary Lineker.\n" +
				"Donald Trump posted on Truth Social: “TARIFFS ARE WORKING!” Hours later, the White House press secretary, Karoline Leavitt, told reporters: “The president means it.”",
			[]string{"Elon Musk", "Dawn Butler", "Dua Lipa", "Met Office", "Gary Lineker", "Donald Trump", "Karoline Leavitt"}},
		{"BritishSingleQuotes",
			"The Labour candidate, Jo Platt, was defiant. 'We will win this seat,' she said. 'People are sick of being ignored.'\n" +
				"Her Conservative rival, Daniel Hale, said the claim was 'laughable'. 'They said the same thing last time,' he told the Evening Post.\n" +
				"Asked whether she would stand again, Ms Platt laughed. 'Ask me in June.'\n" +
				"'It's a two-horse race,' a Liberal Democrat spokesman said. 'And we are not one of the horses.'\n" +
				"'I never wanted to be a politician,' says Harriet Cole. 'It just happened.'\n" +
				"Cole, 52, was elected in 2019. 'My dad said, \"Don't do it,\"' she recalls. 'He was right.'",
			[]string{"Jo Platt", "Jo Platt", "Daniel Hale", "Daniel Hale", "Platt", "a Liberal Democrat spokesman", "a Liberal Democrat spokesman", "Harriet Cole", "Harriet Cole", "Cole", "Cole"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := quotes.Find(tt.text)
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
