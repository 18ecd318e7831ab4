package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindSpeakers checks who each quote is credited to, one row per attribution pattern.
func TestFindSpeakers(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"FollowsQuoteAndAttribution", "“The pumps failed,” Ines Moreau told reporters. “We had no warning.”",
			[]string{"Ines Moreau", "Ines Moreau"}},
		{"FollowsQuoteWithSaidFirst", "“Two hours,” said Farid Osman. “Maybe three.” “Nobody came.”",
			[]string{"Farid Osman", "Farid Osman", "Farid Osman"}},
		{"FollowedQuoteStopsAtParagraph", "“Two hours,” said Farid Osman.\n“Maybe three.”",
			[]string{"Farid Osman", ""}},
		{"SecondQuoteInSameSentence", "Kai Lund said the plan was “late” and “over budget.”",
			[]string{"Kai Lund", "Kai Lund"}},
		{"SecondQuoteWithItsOwnSpeaker", "Kai Lund called it “late,” and Mira Holm said it was “fine.”",
			[]string{"Kai Lund", "Mira Holm"}},
		{"RoleThenNameInCommas", "The bakery's owner, Lena Park, said: “We open at six.”",
			[]string{"Lena Park"}},
		{"RoleThenNameInCommasAfter", "“We open at six,” the bakery’s owner, Lena Park, said.",
			[]string{"Lena Park"}},
		{"NameWhoClauseSaid", "Tomas Reyes, who has run the ferry for 30 years, said: “The river is lower than ever.”",
			[]string{"Tomas Reyes"}},
		{"NameAgeSaidAfter", "“I stayed,” Marta Kowal, 82, said.",
			[]string{"Marta Kowal"}},
		{"WhoClauseThenPronoun", "Engineer Paul Brandt arrived at noon. Marta Kowal, who lives by the dam, said the water rose fast. “I heard the crack,” she said.",
			[]string{"Marta Kowal"}},
		{"WhoClauseAfterQuoteThenPronoun", "“It held,” Paul Brandt, who inspected the dam, said. Conditions worsened overnight. “We were lucky,” he said.",
			[]string{"Paul Brandt", "Paul Brandt"}},
		{"SentenceFirstWordIsNoSpeaker", "Conditions worsened overnight. “Nobody slept,” she said.",
			[]string{""}},
		{"InstitutionWithSpeechVerb", "“Beds are full,” the hospital said.",
			[]string{"the hospital"}},
		{"ConjunctionAfterQuoteIsNoBody", "Sam Lee said ‘we will win’ and he said ‘no.’",
			[]string{"Sam Lee", "Sam Lee"}},
		{"ConjunctionBeforeBodyIsNoBody", "“Beds are full,” but the hospital said otherwise.",
			[]string{""}},
		{"PossessiveBodyWithSpeechVerb", "“No comment,” his lawyer said.",
			[]string{"his lawyer"}},
		{"QuestionWordIsNoSubject", "Rosa Delgado talked to us.\nQ: What was hardest?\nA: The budget. “We cut what we could,” she said.",
			[]string{"Rosa Delgado"}},
		{"RoleThenNameAfter", "“We are cautiously optimistic,” campaign chair Ana Ruiz said.",
			[]string{"Ana Ruiz"}},
		{"OwnerRoleThenNameAfter", "“The lads were magnificent,” Rovers manager Kate Dunn said. “We wanted it more.”",
			[]string{"Kate Dunn", "Kate Dunn"}},
		{"OwnerOfTwoWordsRoleThenNameAfter", "“We will ship,” Apple chief executive Tim Cook said on Monday.",
			[]string{"Tim Cook"}},
		{"PossessiveOwnerRoleThenNameAfter", "“It was a penalty,” United’s captain Lewis Grant said.",
			[]string{"Lewis Grant"}},
		{"OwnerRoleThenNameBefore", "Rovers manager Kate Dunn said: “We wanted it more.”",
			[]string{"Kate Dunn"}},
		{"OwnerThenClauseIsNoRole", "“We will win,” Rovers fans sang as Kate Dunn said no.",
			[]string{""}},
		{"OwnerThenObjectIsNoRole", "“Go home,” United fans told Kate Dunn.",
			[]string{""}},
		{"OwnerRoleOfTooManyWordsIsNoRole", "“We won,” Rovers long serving kit room assistant manager Kate Dunn said.",
			[]string{""}},
		{"DeterminedRoleThenNameAfter", "“Stay indoors,” the city’s fire chief Ada Obi said.",
			[]string{"Ada Obi"}},
		{"ClauseBeforeNameAfterIsNoRole", "“We will win,” and then Ana Ruiz said no.",
			[]string{""}},
		{"OwnAttributionIsNoFollowOn", "Officials said the ferry was “safe,” he said. “Yes,” said one of them. “No,” the minister said.",
			[]string{"Officials", "", "the minister"}},
		{"SaidThenBody", "“Yes,” said the minister. “She was a force,” said a former colleague, who asked not to be named.",
			[]string{"the minister", "a former colleague"}},
		{"SaidThenBodyGoingOn", "“Yes,” said the minister on Tuesday, “we will.”",
			[]string{"the minister", "the minister"}},
		{"SaidThenClauseIsNoBody", "“It was fine,” said the minister was wrong.",
			[]string{""}},
		{"SaidThenSignIsNoBody", "“Closed,” said the sign.",
			[]string{""}},
		{"SaidThenWrittenThingIsNoBody", "“Back in five minutes,” said the note pinned to the till. “No refunds,” said the notice.",
			[]string{"", ""}},
		{"WrittenThingSaidIsNoBody", "The placard said: “Hands off our library.” Another poster said: “Save it.”",
			[]string{"", ""}},
		{"WrittenMessageSaidIsNoBody", "The email said: “Your account has been suspended.” The tweet said: “Big news coming.” The memo said: “All staff must return to the office.”",
			[]string{"", "", ""}},
		{"StatementOrReportSaidIsNoBody", "The statement said: “Our thoughts are with the family.” The report said the trust had been “too slow to act.”",
			[]string{"", ""}},
		{"NationalityAfterSaidDescribesTheSpeaker", "Luca Bianchi lost in straight sets. “I was not at my best,” said the Italian. Antoine Dupont scored twice. “It was special,” said the Frenchman on Sunday.",
			[]string{"the Italian", "the Frenchman"}},
		{"NationalityBeforeSaidDescribesTheSpeaker", "“I was not at my best,” the Italian said. “It was special,” the Frenchman told reporters.",
			[]string{"the Italian", "the Frenchman"}},
		{"DescriptionAfterSaidIsNoOneForAPronoun", "“We had to react,” said the Dutchman. “Nobody slept,” he said.",
			[]string{"the Dutchman", ""}},
		{"TitleOfOneWordAfterSaidIsDescribed", "“Not now,” replied the Chancellor, “and not ever.” “No,” said the Pope on Sunday. “No,” the Pope said.",
			[]string{"the Chancellor", "the Chancellor", "the Pope", "the Pope"}},
		{"BodyOfOneWordAfterSaidIsDescribed", "“No comment,” said the Kremlin. “No comment,” the Kremlin said.",
			[]string{"the Kremlin", "the Kremlin"}},
		{"AgeForANameOfNoAge", "Coach Rui Silva made three changes. “We had to react,” the 34-year-old said.",
			[]string{"the 34-year-old"}},
		{"AgeForTheNameOfThatAge", "Emma Raducanu, 21, beat the world number five.\n“I felt free out there,” the 21-year-old said. “It was fun,” she added. The 21-year-old said: “Next.”",
			[]string{"Emma Raducanu", "Emma Raducanu", "Emma Raducanu"}},
		{"AgeForTwoNamesOfThatAge", "Daniel Corr, 34, of Armley, and Liam Hale, 34, of Leeds, admitted the attack. “I am sorry,” said the 34-year-old.",
			[]string{"the 34-year-old"}},
		{"AgeForANameOfThatAgeOnlyAfter", "“I felt free,” the 21-year-old said. Emma Raducanu, 21, won in Rome.",
			[]string{"the 21-year-old"}},
		{"TitleAloneCreditsItsHolderNamedBefore", "Leader of the House Lucy Powell set out the timetable.\n“The House will sit on Friday,” the Leader of the House said.",
			[]string{"Lucy Powell"}},
		{"TitleAloneInEachPlaceCreditsItsHolder", "Home Secretary Yvette Cooper met police chiefs. “This will not stand,” the Home Secretary said. The Home Secretary said: “Never.” “Again,” said the Home Secretary.",
			[]string{"Yvette Cooper", "Yvette Cooper", "Yvette Cooper"}},
		{"TitleAloneCreditsItsHolderAfterAnHonorific", "Chief Constable Sir Andy Marsh arrived at noon. “Officers acted properly,” the Chief Constable said.",
			[]string{"Andy Marsh"}},
		{"TitleAloneCreditsItsHolderInCommas", "Lucy Powell, the Leader of the House, set out the plans. “We sit on Friday,” the Leader of the House said.",
			[]string{"Lucy Powell"}},
		{"TitleAloneCreditsItsHolderAfterAStyle", "Leader of the Opposition Cllr Rafael de la Cruz called the vote “a betrayal.” “We will fight it in the courts,” the Leader of the Opposition added.",
			[]string{"Rafael de la Cruz", "Rafael de la Cruz"}},
		{"TitleInCommasBeforeTheNameCreditsItsHolder", "The Chief Constable of Greater Manchester Police, Stephen Watson, said officers had acted “with great courage.”\n“I am proud of them,” the Chief Constable added. The Home Secretary, Yvette Cooper, said: “No.” “Never,” the Home Secretary said.",
			[]string{"Stephen Watson", "Stephen Watson", "Yvette Cooper", "Yvette Cooper"}},
		{"OfficeBeforeItsPlaceHeldByTwoCreditsNobody", "The Secretary of State for Health, Wes Streeting, spoke first. The Secretary of State for Defence, John Healey, replied. “No,” the Secretary of State said.",
			[]string{""}},
		{"TitleAloneInAPieceEndingWithAName", "“The House will sit on Friday,” the Leader of the House said.\nAdditional reporting by Sam Lee",
			[]string{""}},
		{"TitleAloneNeverNamedCreditsNobody", "“We will review it,” the Secretary of State said. “Officers acted properly,” the Chief Constable said.",
			[]string{"", ""}},
		{"TitleAloneOfTwoHoldersCreditsNobody", "President Emmanuel Macron met President Donald Trump and Prime Minister Keir Starmer met Prime Minister Mark Carney. “We agreed on nothing,” the President said. “We agreed on nothing,” the Prime Minister said.",
			[]string{"the President", ""}},
		{"TitleOfOneWordAloneCreditsItsHolder", "President Donald Trump flew to Paris. “We agreed on nothing,” the President said. “Nothing,” said the President. The President said: “Again.”",
			[]string{"Donald Trump", "Donald Trump", "Donald Trump"}},
		{"TitleAloneOfAFormerHolderIsAnother", "Home Secretary Yvette Cooper spoke first. Former Home Secretary James Cleverly replied. “No,” the Home Secretary said.",
			[]string{"Yvette Cooper"}},
		{"AgeOfAnUnnamedOneTooIsNoName", "Jordan Fry, 17, was stabbed outside a chip shop in Croydon. A 17-year-old boy, who cannot be named for legal reasons, admitted wounding. “I am sorry for what I did,” the 17-year-old told the court.",
			[]string{"the 17-year-old"}},
		{"AgeOfAnUnnamedOneAfterTheNameIsNoName", "Daniel Corr, 34, of Armley, admitted grievous bodily harm. His victim, a 34-year-old taxi driver, was left with a fractured skull. “I thought I was going to die,” the 34-year-old said. The 34-year-old said: “Never again.”",
			[]string{"the 34-year-old", "The 34-year-old"}},
		{"TitleOfAFormerHolderInLowercaseIsNotTheTitle", "The White House said former President Barack Obama would attend. “He is always welcome here,” the President told reporters.\nEx-Home Secretary Priti Patel and then Home Secretary James Cleverly spoke. “No,” the Home Secretary said.",
			[]string{"the President", ""}},
		{"TitleCreditsItsHolderWithTheWordsBeforeIt", "Senate Majority Leader Chuck Schumer said the bill was “dead on arrival.” “We will not pass it,” the Majority Leader told reporters. NATO Secretary General Mark Rutte spoke next. “The threat is real,” the Secretary General said. European Commission President Ursula von der Leyen agreed. “We are united,” the President said.",
			[]string{"Chuck Schumer", "Chuck Schumer", "Mark Rutte", "Ursula von der Leyen"}},
		{"TitleInCommasAfterAnHonorificAndName", "Professor Chris Whitty, the Chief Medical Officer, said the risk was “low.” “Wash your hands,” the Chief Medical Officer said.",
			[]string{"Chris Whitty", "Chris Whitty"}},
		{"TitleNeverWrittenGoesOnAsBefore", "“My grandmother would have been proud,” Prince William said. “It means a lot,” the Prince of Wales added.",
			[]string{"William", "William"}},
		{"TitleHeldByTwoStillCreditsNobody", "Scottish First Minister John Swinney spoke first. Welsh First Minister Eluned Morgan replied. “No,” the First Minister said. Scottish First Minister John Swinney said: “Yes.” “Scotland deserves better,” the First Minister said.",
			[]string{"", "John Swinney", ""}},
		{"TitleNeverWrittenWithTheNameBeforeCreditsNobody", "“We will act,” said Kai Lund. “It is done,” the Chief Constable said. Mira Holm said: “Yes.” “No,” added the Prime Minister.\n" +
			"“Stop,” Prince William said. “Now,” the Prince of Wales added. King Charles said: “Go.” “We will,” the Prince of Wales said.",
			[]string{"Kai Lund", "", "Mira Holm", "", "William", "William", "Charles", ""}},
		{"TitleNeverWrittenAfterTwoSpeakersCreditsNobody", "Mr Starmer said the talks were “constructive.” Mr Macron said: “We are close.” “There is more work to do,” the Prime Minister said.",
			[]string{"Starmer", "Macron", ""}},
		{"TitleAfterADeputysIsTheHolders", "Met Police Commissioner Sir Mark Rowley said: “We will root them out.” Deputy Commissioner Dame Lynne Owens said: “We are changing.” “It will take time,” the Commissioner said.",
			[]string{"Mark Rowley", "Lynne Owens", "Mark Rowley"}},
		{"PlaceWithAndBeforeATitleIsOnePlace", "“We will fight on,” said Holborn and St Pancras MP Keir Starmer. “We are proud,” said Hammersmith and Fulham Council leader Stephen Cowan. “We were brave,” said Brighton and Hove Albion head coach Fabian Hurzeler. Former Holborn and St Pancras MP Frank Dobson once said: “Nobody is perfect.” Kensington and Chelsea Council leader Elizabeth Campbell said: “We failed.”",
			[]string{"Keir Starmer", "Stephen Cowan", "Fabian Hurzeler", "Frank Dobson", "Elizabeth Campbell"}},
		{"TwoPeopleAfterTheirClubCreditNeitherNorTheClub", "Wrexham co-owners Ryan Reynolds and Rob McElhenney said: “This town deserves it.” Chelsea owners Todd Boehly and Behdad Eghbali said: “We are committed.”",
			[]string{"", ""}},
		{"OneNameAfterATitleAndAnotherAreTwo", "“We are thrilled,” said Prince William and Catherine, Princess of Wales. Mr Justice Fordham and Mrs Justice Lang said the ruling was “unanimous.”",
			[]string{"", ""}},
		{"TitleAloneNamedOnlyAfterCreditsNobody", "“No,” the Home Secretary said. Home Secretary Yvette Cooper later left.",
			[]string{""}},
		{"SpeakersInTurnInOneSentence", "Cllr Sarah Butler said the tower was “out of scale,” Cllr Ahmed Raza said it would “bring 300 homes,” and the committee chair, Cllr Peter Lowe, said: “We decide on planning grounds.”",
			[]string{"Sarah Butler", "Ahmed Raza", "Peter Lowe"}},
		{"NextSpeakersReportIsNoAttribution", "Kai Lund said the plan was “late,” Mira Holm said that it was fine, and Ana Ruiz said she had “no idea.”",
			[]string{"Kai Lund", "Ana Ruiz"}},
		{"AttributionWithWhomItAddressesStaysOwn", "Kai Lund said the plan was “late,” Mira Holm told reporters. “It was,” Holm said on Tuesday.",
			[]string{"Mira Holm", "Holm"}},
		{"SurnameWithAParticleOpensTheAttribution", "“This should worry anyone,” de Vries added. “No,” van der Berg told reporters. “It is not over,” de la Cruz said, “not by a long way.”",
			[]string{"de Vries", "van der Berg", "de la Cruz", "de la Cruz"}},
		{"NameWithSpanishParticles", "“We will appeal,” said Maria de los Ángeles García. Juan de las Heras said: “So will we.”",
			[]string{"Maria de los Ángeles García", "Juan de las Heras"}},
		{"EnglishDoIsNoParticle", "“Why,” do Brazilians say, “is it always us?”",
			[]string{"Brazilians", "Brazilians"}},
		{"RoleThenNameOfAPlaceInCommas", "Her co-author, Prof Mark de Vries of Utrecht University, said the data was “unambiguous.” The report's author, Ann Lee of the Red Cross, said: “The camp is full.”",
			[]string{"Mark de Vries", "Ann Lee"}},
		{"SubjectBeforeAnotherSpeakersClauseIsNoSpeaker", "Shares of Tesla fell 4% after the company said deliveries would be “meaningfully lower” this quarter. Kate Dunn was furious after the referee said the goal was “offside.”",
			[]string{"", ""}},
		{"OwnerOfThoseWhoSpeakIsTheSpeaker", "Citi analysts said in a note: “Risks are to the downside.”",
			[]string{"Citi"}},
		{"SubjectWhoSpeaksAgainAfterAnotherClauseIsTheSpeaker", "Kate Dunn said the referee was wrong, and called the decision “offside nonsense.”",
			[]string{"Kate Dunn"}},
		{"OwnerInAPluralsPossessiveIsNoPartOfTheName", "“Rates are going nowhere,” Capital Economics' Paul Ashworth said. “Cuts are coming,” said ING’s James Knightley.",
			[]string{"Paul Ashworth", "James Knightley"}},
		{"AttributionByHowWordsWereSaid", "Dr Amina Yusuf led the study. “We need a bigger trial,” Tom Reilly said. “Absolutely,” Yusuf agreed. “It was,” the judge observed, “a mess.” “Never,” Ann Cole laughed.",
			[]string{"Tom Reilly", "Yusuf", "the judge", "the judge", "Ann Cole"}},
		{"OfficeWhosePlaceEndsTheRunNamesNobody", "“We are ready,” said the Chair of the Joint Chiefs of Staff. “Order,” said the Speaker of the House of Commons.",
			[]string{"", ""}},
		{"TwoPeopleSpeakingCreditNeither", "Dr Amina Yusuf and Prof Tom Reilly, who co-led the study, said the results were “striking.” Kai Lund and Mira Holm said: “No.” “Never,” said Kai Lund and Mira Holm.",
			[]string{"", "", ""}},
		{"OnePersonAfterAPlaceAndIsTheSpeaker", "Mayor of London and Andy Burnham said: “Fund the buses.” Kai Lund and his wife said: “No.”",
			[]string{"Andy Burnham", ""}},
		{"NameInTheReportedClauseIsNoSpeaker", "A witness, Claire Dobson, said she saw Corr “kicking him again and again” as he lay on the ground. The coach, Ann Lee, said they beat Rovers “fair and square” in the end.",
			[]string{"Claire Dobson", "Ann Lee"}},
		{"LegalDocumentIsNoBody", "“He ran the scheme,” according to the indictment. “She knew,” the lawsuit said. “It was unsafe,” said the affidavit. “He lied,” according to court transcripts.",
			[]string{"", "", "", ""}},
		{"SubmissionOrComplaintIsNoBody", "“Staff were not consulted,” according to the union's submission. “He was negligent,” the complaint said. “Fees rose,” said a dossier seen by the BBC.",
			[]string{"", "", ""}},
		{"SaidThenStatementIsNoBody", "“We’re heartbroken,” said a statement from the school. “It failed,” said the study.",
			[]string{"", ""}},
		{"LawOrContractStatesIsNoBody", "The law states that force must be “reasonable.” The bill called for “urgent reform.” The contract stated the work would be “complete by June.”",
			[]string{"", "", ""}},
		{"MessageOrCardSaidIsNoBody", "The message said: “Call me.” The card said: “With love, Mum.” The front page said “Gotcha.” The question asked: “Do you support the plan?” The ballot paper asks: “Should the UK remain?”",
			[]string{"", "", "", "", ""}},
		{"QuantifierOpeningAName", "All Saints Church said: “Everyone is welcome.”\nMany Hands Charity said: “Thank you.”\n" +
			"Some Tory MPs said: “Go.”\nAnother Mark Thompson, a plumber from Leeds, said: “I get his post.”",
			[]string{"All Saints Church", "Many Hands Charity", "Tory MPs", "Mark Thompson"}},
		{"TeamAfterPersonWon", "Erling Haaland scored twice. Real Madrid won 3-1. “We were unlucky,” he said.", []string{"Erling Haaland"}},
		{"CountryLostIsNoShe", "Sophie Ecclestone bowled superbly. New Zealand lost by 40 runs. “The pitch was slow,” she said.", []string{"Sophie Ecclestone"}},
		{"CountryTookIsNoHe", "Joe Root batted all day. Sri Lanka took two late wickets. “The ball was reversing,” he said.", []string{"Joe Root"}},
		{"StreetGaveIsNoHe", "Keir Starmer flew to Washington. Downing Street gave no details. “The talks went well,” he said.", []string{""}},
		{"CountryWonIsNoHe", "New Zealand won the series 2-0. “We were outplayed,” he said.", []string{""}},
		{"FirmPaidIsNoHe", "Goldman Sachs paid a record fine. “We regret the failures,” he said.", []string{""}},
		{"BandMadeIsNoHe", "Pearl Jam made a new record. “We still love it,” he said.", []string{""}},
		{"MetSubjectOfOtherSex", "Aleksandra Nowak met Tomasz Lis in Warsaw. “It was frank,” he said.", []string{""}},
		{"GaveSubjectOfOtherSex", "Leila Haddad gave evidence against Omar Saleh. “I did nothing,” he said.", []string{""}},
		{"PlacedTitleMetSubjectOfOtherSex", "Mayor of Greater Manchester Andy Burnham met Hope Young. “It was constructive,” she said.", []string{""}},
		{"IrregularPastSubjectOfTheSex", "Rachel Reeves spoke in Davos. Morgan Stanley paid out. “Growth is coming,” she said.\n" +
			"Sir Keir Starmer flew to Washington. “The talks went well,” he said.", []string{"Rachel Reeves", "Keir Starmer"}},
		{"IrregularPastSubjectOwningOfTheSex", "Grace Dent gave her verdict. “The food was superb,” she said.\n\n" +
			"Rishi Sunak made his speech in Leeds. “The country is turning a corner,” he said.",
			[]string{"Grace Dent", "Rishi Sunak"}},
		{"IrregularPastSubjectNotOwningOfTheSex", "Leila Haddad gave her evidence. “I did nothing,” he said.", []string{""}},
		{"IrregularPastSubjectMetHer", "Tomasz Lis met her in Warsaw. “It was frank,” she said.", []string{""}},
		{"IrregularPastSubjectCreditedBefore", "“We will fight on,” Rishi Sunak said. Kemi Badenoch agreed. Rishi Sunak made a speech. “The country is turning a corner,” he said.",
			[]string{"Rishi Sunak", "Rishi Sunak"}},
		{"IrregularPastSubjectOfTheOtherSexByTitle", "Mrs Okafor won the seat. “I am thrilled,” he said.", []string{""}},
		{"IrregularPastSubjectOfEitherSexBesideAnother", "Sam Lee met Ana Ruiz. “We talked,” he said.", []string{""}},
		{"ItalianNicolaIsHe", "“It will fail,” Nicola Zingaretti said. “Mark my words,” he added.", []string{"Nicola Zingaretti", "Nicola Zingaretti"}},
		{"ItalianNicolaIsHeNextSentence", "Giorgia Meloni met reporters in Rome. Nicola Zingaretti said the plan was reckless. “It will fail,” he said.",
			[]string{"Nicola Zingaretti"}},
		{"GivenNameOfBothSexesAcrossLanguages", "“The club is not for sale,” Joan Laporta said. “We have a plan,” he added.\n" +
			"“We will stay,” Karen Karapetyan said. “Armenia needs us,” he added.\n“It was close,” Carol Reyes said. “We held on,” she added.\n" +
			"Chair of NHS England Nicola Blackwood said: “Waiting lists are falling.”",
			[]string{"Joan Laporta", "Joan Laporta", "Karen Karapetyan", "Karen Karapetyan", "Carol Reyes", "Carol Reyes", "Nicola Blackwood"}},
		{"QuantifierKeptWithGroup", "Several MPs said: “We were not consulted.”\nMany Tory MPs said: “The leader must go.”\n" +
			"Most MPs said: “The bill is flawed.”\nBoth Tory MPs said: “No.”",
			[]string{"Several MPs", "Many Tory MPs", "Most MPs", "Both Tory MPs"}},
		{"DeviceOrPackagingSaidIsNoBody", "“Recalculating,” said the satnav. The bottle says: “Keep out of reach of children.” The app said the train was “on time.” The figures say the economy is “flatlining.”",
			[]string{"", "", "", ""}},
		{"AlertOrPostSaidIsNoBody", "The alert said: “Take shelter.” The post said: “RIP.” The lyrics say: “We are the champions.” The headstone says: “Beloved wife.”",
			[]string{"", "", "", ""}},
		{"SayingAfterBodyIsNoVerb", "Jones’s favourite saying was “mustn’t grumble.” The mayor’s telling remark, “we tried,” stuck.",
			[]string{"", ""}},
		{"NounInLyIsNoAdverb", "The victim’s family said: “Justice has been done.” “We are grateful,” the Smith family said. “It was fair,” said the assembly.",
			[]string{"The victim’s family", "the Smith family", "the assembly"}},
		{"BoardOrScreenSaysIsNoBody", "“Fresh today,” says the chalkboard. “Delayed,” said the departures screen.",
			[]string{"", ""}},
		{"PrintedThingSaysIsNoBody", "The menu says: “All our beef is British.” The ticket said: “Valid until June.” The label says “organic”.",
			[]string{"", "", ""}},
		{"ListOfNamesCreditsTheLast", "Amy Cole, 29, of Leeds, Tom Reid, 31, of York, and Sam Hill, 40, told the court: “We saw nothing.”",
			[]string{"Sam Hill"}},
		{"PassiveSpeechVerbCreditsNoListener", "The jury was told: “You must be sure.” The pupils were warned: “Stay away.”",
			[]string{"", ""}},
		{"ProgressiveIsNoPassive", "Ortiz was saying: “We are ready.”",
			[]string{"Ortiz"}},
		{"VerbAfterAgeAddressesItsObject", "Smith, 34, told the jury: “I never meant to hurt anyone.” Hughes, 52, warned the council: “You will regret this.”",
			[]string{"Smith", "Hughes"}},
		{"VerbAfterRoleNamesItsObject", "Moss, the trust’s chief executive, called the report “a wake-up call”.",
			[]string{"Moss"}},
		{"VerbAfterNameInCommasNamesItsObject", "The report said the trust had failed. Its chief executive, Dr Ann Moss, called the findings “deeply shocking”.",
			[]string{"Ann Moss"}},
		{"SaidRoleThenNameInCommas", "“OK,” said the U.N. secretary-general, António Guterres.",
			[]string{"António Guterres"}},
		{"SaidRoleThenNameInCommasGoingOn", "“We will ship,” said the company’s chief executive, Tim Cook, on Monday.",
			[]string{"Tim Cook"}},
		{"SaidNameThenRoleInCommas", "“We’re ready,” said Dr. Ana Ruiz, the city’s health officer.",
			[]string{"Ana Ruiz"}},
		{"InstitutionNamed", "“Beds are full,” Mercy Hospital said.",
			[]string{"Mercy Hospital"}},
		{"ColonLeadPronoun", "Nadia Okafor stepped up last. Her message was simple: “Go home.”",
			[]string{"Nadia Okafor"}},
		{"MultiParagraphIntroducedBefore", "Ivo Petrov released a statement to the council:\n“We were not consulted.\n“We will appeal.”",
			[]string{"Ivo Petrov"}},
		{"NestedQuoteEndsTheSentence", "Ana Ruiz said: “It was ‘a disaster.’” Omar Diaz said the vote was fair.",
			[]string{"Ana Ruiz"}},
		{"StraightNestedQuoteEndsTheSentence", "Ana Ruiz said: \"It was 'a disaster.'\" Omar Diaz said the vote was fair.",
			[]string{"Ana Ruiz"}},
		{"TranscriptLabels", "The following is a transcript.\nCHAIR: “The committee will come to order.”\nSMITH: “Yes.”\nMAYOR OKAFOR: “It is not cut.” “It is paused.”\nSMITH: “Noted.”\nNOTE: The hearing resumed.",
			[]string{"CHAIR", "SMITH", "MAYOR OKAFOR", "MAYOR OKAFOR", "SMITH"}},
		{"TranscriptLabelsOfNamesWithMarks", "DR. O’NEILL: “Next.”\nJEAN-PAUL: “Me.”\nDR. O’NEILL: “Thank you.”",
			[]string{"DR. O’NEILL", "JEAN-PAUL", "DR. O’NEILL"}},
		{"ExchangeOfOneLineEachIsNoTranscript", "SMITH: “Yes.”\nJONES: “No.”",
			[]string{"", ""}},
		{"InterviewLabelsBesideQuestions", "Q: Did you expect to win?\nDELGADO: “No.”\nQ: Why not?\nDELGADO: “Nobody did.”",
			[]string{"DELGADO", "DELGADO"}},
		{"TranscriptAttributionWins", "SMITH: “Yes,” Jones said.\nJONES: “No.”\nSMITH: “Yes.”",
			[]string{"Jones", "JONES", "SMITH"}},
		{"TranscriptQuoteAfterWordsIsNoLine", "SMITH: Then he said “fine.”\nJONES: “No.”\nSMITH: “Yes.”",
			[]string{"", "JONES", "SMITH"}},
		{"LoneLabelIsNoTranscript", "LONDON: “We will not back down.”\nThe vote is on Tuesday.",
			[]string{""}},
		{"OneLabelTwiceIsNoTranscript", "WARSAW: “We are ready.”\nWARSAW: “We are still ready.”",
			[]string{"", ""}},
		{"HeadingLabelsAreNoSpeakers", "UPDATE: “We have a deal.”\nBREAKING: “Talks resume.”\nEDITOR’S NOTE: “Fair” is our word.",
			[]string{"", "", ""}},
		{"SingleLetterLabelsAreNoSpeakers", "Q: “Why?”\nA: “Because.”",
			[]string{"", ""}},
		{"DatelinesAreNoSpeakers", "LONDON: “We will not back down.” The PM spoke late.\nPARIS: “Nor will we.”",
			[]string{"", ""}},
		{"FactBoxIsNoTranscript", "VENUE: “The Old Vic”\nDATE: 4 May\nTICKETS: “Sold out”",
			[]string{"", ""}},
		{"LowercaseOrNumberedLeadsAreNoLabels", "Smith: “Yes.”\nJones: “No.”\n10:30: “Go.”\nBAY 4: “Stop.”",
			[]string{"", "", "", ""}},
		{"LabelTooLongIsNoLabel", "THE CHAIR OF THE COMMITTEE ON WAYS: “Order.”\nSMITH: “Yes.”\nJONES: “No.”\nSMITH: “Yes.”",
			[]string{"", "SMITH", "JONES", "SMITH"}},
		{"ListingTitlesAreNoSpeech", "BBC ONE: Panorama\nITV: “The Chase”\nBBC ONE: “EastEnders”",
			[]string{"", ""}},
		{"ReviewBoxIsNoTranscript", "PROS: Long battery life\nCONS: Heavy\nPROS: “Buttery-smooth” screen\nVERDICT: “A triumph.”\nCONS: Pricey",
			[]string{"", ""}},
		{"MatchBoxIsNoTranscript", "HOME: Rovers\nAWAY: United\nHOME: “We were robbed.”\nAWAY: “Deserved it.”",
			[]string{"", ""}},
		{"ListingOfTitlesTakingTurnsIsNoTranscript", "ITV: “Who Wants to Be a Millionaire?”\nBBC ONE: “EastEnders”\nITV: “The Chase”\nBBC ONE: “Mamma Mia!”",
			[]string{"", "", "", ""}},
		{"QuizIsNoTranscript", "QUESTION: What is the capital of Peru?\nANSWER: “Lima.”\nQUESTION: Who wrote Hamlet?\nANSWER: “Shakespeare.”",
			[]string{"", ""}},
		{"MatchFactBoxIsNoTranscript", "SCORERS: Kane 12\nBOOKED: Rice\nSCORERS: Saka 70\nMOTM: “Outstanding.”",
			[]string{""}},
		{"DatelineAfterInterviewIsNoSpeaker", "Q: Will you resign?\nA: No.\nQ: Why not?\nA: I have work to do.\nLONDON: “The talks have failed.”",
			[]string{""}},
		{"NoteToEditorsIsNoSpeaker", "SMITH: “Yes.”\nJONES: “No.”\nSMITH: “Yes.”\nNOTE TO EDITORS: “Photos are available.”",
			[]string{"SMITH", "JONES", "SMITH", ""}},
		{"BodyWithSpeechVerbBefore", "The judge said: “Stand up.”",
			[]string{"The judge"}},
		{"BodyWithSpeechVerbBeforeAfterComma", "Outside court, the victim’s mother told reporters: “Justice was done.”",
			[]string{"the victim’s mother"}},
		{"BodyBeforeWithQuotesInItsSentence", "The judge said Hale had shown “a breathtaking contempt” for the town.",
			[]string{"The judge"}},
		{"NameWithSpeechVerbWinsOverBody", "The judge said Hale had said “no” and Ruth Adeyemi said “yes.”",
			[]string{"Hale", "Ruth Adeyemi"}},
		{"BodyAsObjectIsNoSpeaker", "Hale told the court: “I am sorry.”",
			[]string{"Hale"}},
		{"DeterminerWithoutNounIsNoBody", "That said, “we are done.”",
			[]string{""}},
		{"BodyReportingAnothersSpeechIsNoCredit", "The police said the suspect told officers: “I want a lawyer.”",
			[]string{""}},
		{"BodyReportingWhatSheHeardIsNoCredit", "A witness said she heard a man scream: “Help me!”",
			[]string{""}},
		{"BodyReportingWhatHeWasToldIsNoCredit", "The manager said the player told him: “I want to leave.”",
			[]string{""}},
		{"BodyReportingAMessageIsNoCredit", "The judge told the court the defendant had sent a message saying: “You’re next.”",
			[]string{""}},
		{"BodyReportingAnothersClauseIsNoCredit", "The coroner said the pilot radioed: “Mayday.” The police said Hale shouted: “Run.” The club said Hale had agreed: “Done.”",
			[]string{"", "Hale", ""}},
		{"BodyReportingInItsOwnWordsIsCredited", "The judge said he had shown “a breathtaking contempt” for the town.",
			[]string{"The judge"}},
		{"BodyAddressingOthersOrStatingWhereIsCredited", "The judge told the jury: “Take your time.” The minister told MPs: “We will act.” The hospital said in a statement: “He is stable.”",
			[]string{"The judge", "The minister", "The hospital"}},
		{"BodyMentioningAWordIsNoCredit", "The judge said the word “sorry” was missing from his evidence.",
			[]string{""}},
		{"OwnersBodyBefore", "Hale’s barrister said: “He is ashamed.”",
			[]string{"Hale’s barrister"}},
		{"BodyOpeningTheNextSentenceIsNotTheQuotesBefore", "The Rovers captain said: “We go again.” The striker said: “I’m gutted.”",
			[]string{"The Rovers captain", "The striker"}},
		{"BodyOpeningTheNextSentenceAfterALoneQuote", "Fans queued for hours. “It was worth it.” The steward told them: “Gates open at two.”",
			[]string{"", "The steward"}},
		{"BodyOpeningTheNextSentenceAfterAQuestion", "“Why now?” The minister said: “Because it is time.”",
			[]string{"", "The minister"}},
		{"ParticipleAfterTheBodysNounIsNoBody", "“It’s over,” said the man arrested on Tuesday. “Not yet,” said the woman charged with fraud.",
			[]string{"", ""}},
		{"ParticipleBeforeTheBodysNounIsPartOfIt", "“It hurts,” said the injured player.",
			[]string{"the injured player"}},
		{"OwnersBodyAfter", "“He is ashamed,” Hale’s barrister told the court.",
			[]string{"Hale’s barrister"}},
		{"OwnersTitledNameStaysAName", "Mexico’s President Claudia Sheinbaum said: “No.”",
			[]string{"Claudia Sheinbaum"}},
		{"OwnersThingIsNoBody", "Hale’s lawyer’s letter read: “No comment.”",
			[]string{""}},
		{"SignIsNoBodyThatSpeaks", "The sign said: “Closed.”",
			[]string{""}},
		{"BodyNamedAfterDeterminerStaysAName", "The Kremlin said: “No comment.”",
			[]string{"Kremlin"}},
		{"SpeechVerbThatClauseNamesNoSpeaker", "“It was a plan,” she said, adding that Hale had “no remorse.”",
			[]string{"", ""}},
		{"SpeechVerbThatClauseKeepsTheSpeaker", "Judge Frost said: “It was a plan,” adding that Hale had “no remorse.”",
			[]string{"Frost", "Frost"}},
		{"SaidThatClauseKeepsTheSpeaker", "Ruth Adeyemi said that Hale had been “greedy.”",
			[]string{"Ruth Adeyemi"}},
		{"NameAgeAndPlaceSaidBefore", "Martin Hale, 58, of Eastbridge, said: “I’m sorry.”",
			[]string{"Martin Hale"}},
		{"NameAgeAndPlaceSaidAfter", "“I’m sorry,” Martin Hale, 58, of Eastbridge, said.",
			[]string{"Martin Hale"}},
		{"AddressTownIsNoSpeaker", "Joan Pike, 71, of Mill Lane, Eastbridge, who lost her savings, said: “I can’t forgive him.”",
			[]string{"Joan Pike"}},
		{"NamesInAListAreNoApposition", "“We won,” Hale, 58, Jones, 42, said.",
			[]string{""}},
		{"SpeechVerbsOfSportsCopy", "“It was never a penalty,” fumed Norris. “We’ll be back,” Dunn vowed. “Easy,” Okoye quipped.",
			[]string{"Norris", "Dunn", "Okoye"}},
		{"SpeechVerbsOfComplaint", "“Nobody listened,” complained Ann Lee. “It is legal,” the firm countered. “Stay away,” the police cautioned.",
			[]string{"Ann Lee", "the firm", "the police"}},
		{"PresentTenseSpeechVerbs", "Stir in the flour. “Don’t overmix,” warns chef Ana Lopes. “Go gently,” she explains. “Taste as you go,” Lopes insists.",
			[]string{"Ana Lopes", "Ana Lopes", "Lopes"}},
		{"TitleBeforeAnInstitutionIsPartOfIt", "The US State Department said the move was “deeply concerning.” “No,” the Justice Department said.",
			[]string{"US State Department", "Justice Department"}},
		{"SubjectNearerTheQuoteThanABody", "The minister said the deal was dead, and Harris branded it “a betrayal”.",
			[]string{"Harris"}},
		{"BodyBeforeAnotherClauseIsNoCredit", "The mayor said the plan was sound, but critics called it “a fudge”. The mayor said the plan was sound, and the council called it “a mess”.",
			[]string{"", ""}},
		{"BodyNearerTheQuoteThanASubject", "Harris arrived, the minister said: “It is over.”",
			[]string{"the minister"}},
		{"FirmNamedWithATitleWordIsWhole", "General Motors said in a statement: “We will resume production.” “Demand is strong,” said General Electric. “Sales rose,” General Mills said.",
			[]string{"General Motors", "General Electric", "General Mills"}},
		{"GeneralBeforeANameIsDropped", "“We are ready,” said General Mark Milley. “Hold the line,” Gen. Ann Cole said.",
			[]string{"Mark Milley", "Ann Cole"}},
		{"FirmNamedWithAnAmpersandIsWhole", "“We are raising prices,” Procter & Gamble said. Marks & Spencer said: “Sales held up.” “We settled,” said Johnson & Johnson on Monday.",
			[]string{"Procter & Gamble", "Marks & Spencer", "Johnson & Johnson"}},
		{"PeopleJoinedByAnAmpersandAreNoOneName", "“We disagree,” Kai Lund & Mira Holm said.",
			[]string{""}},
		{"FirmsOfManyWordsAreWhole", "“We remain cautious,” Goldman Sachs said in a note. “Inflation is too high,” the Bank of England said. “Engines were inspected,” Rolls-Royce said. “The outbreak is under control,” the World Health Organization said.",
			[]string{"Goldman Sachs", "Bank of England", "Rolls-Royce", "World Health Organization"}},
		{"TitleBeforeANameIsDropped", "Secretary of State Marco Rubio said: “No.” “Yes,” said President Macron.",
			[]string{"Marco Rubio", "Macron"}},
		{"NameWithOfOrFor", "Transport for Wales says buses will run “as soon as it is safe.” The Bank of England said prices were “sticky.”\n" +
			"“Rates stay high,” said the Bank of England. Friends of the Earth called it “a disgrace.” The University of Oxford said it was “robust.”",
			[]string{"Transport for Wales", "Bank of England", "Bank of England", "Friends of the Earth", "University of Oxford"}},
		{"TitleOfPlaceBeforeAName", "Mayor of London Sadiq Khan said: “We will act.” Secretary of State for Health Wes Streeting called it “bold.”",
			[]string{"Sadiq Khan", "Wes Streeting"}},
		{"TitleOfAPlaceOfManyWordsBeforeAName", "President of the European Commission Ursula von der Leyen said: “Europe stands ready.”\n" +
			"“The law is clear,” said Director of Public Prosecutions Max Hill.\n" +
			"Mayor of Greater Manchester Andy Burnham said: “The north deserves better.”\n" +
			"Governor of the Bank of England Andrew Bailey said: “Rates will stay.”",
			[]string{"Ursula von der Leyen", "Max Hill", "Andy Burnham", "Andrew Bailey"}},
		{"TitleOfAPlaceBeforeANameOfManyWords", "President of Ireland Michael D. Higgins said: “We mourn with the family.”\n" +
			"Minister for Children Mary Ann Clarke said: “Every child matters.”\n" +
			"President of the Republic of Korea Yoon Suk Yeol said: “We will respond.”\n" +
			"“No,” said President of Mexico Andrés Manuel López Obrador.\n" +
			"Chief Executive of NHS England Amanda Pritchard said: “Waits are falling.”\n" +
			"Mayor of New York Eric Adams said: “Stay home.”\nPresident of the United States Joe Biden said: “America is back.”",
			[]string{"Michael D. Higgins", "Mary Ann Clarke", "Yoon Suk Yeol", "Andrés Manuel López Obrador", "Amanda Pritchard", "Eric Adams", "Joe Biden"}},
		{"PartyInBracketsDescribesTheName", "Gov. Greg Abbott (R) said: “We will build the wall.”\n" +
			"Rep. Nancy Mace (R-S.C.) said: “Enough.”\nSen. Chuck Schumer (D-N.Y.) told reporters: “We have the votes.”\n" +
			"Sen. Bernie Sanders (I) said: “Tax the rich.”\n“No,” said Gov. Gavin Newsom (D).",
			[]string{"Greg Abbott", "Nancy Mace", "Chuck Schumer", "Bernie Sanders", "Gavin Newsom"}},
		{"TitleAfterAGivenNameIsASurname", "Sen. Angus King, I-Maine, said: “This is a bad deal.”\n" +
			"Mr Stephen King said: “I write every day.”\nJohn Bishop said: “It was a laugh.”\n" +
			"Deputy Health Secretary said: “Beds are full.”",
			[]string{"Angus King", "Stephen King", "John Bishop", ""}},
		{"PlaceOfManyWordsBeforeAName", "First Minister of Scotland Nicola Sturgeon said: “We will hold a vote.”\n" +
			"Secretary of State for Health and Social Care Wes Streeting said: “We will cut waits.”\n" +
			"Mayor of New York City Eric Adams said: “Stay home.”\n" +
			"Archbishop of Canterbury Justin Welby said: “Pray for peace.”",
			[]string{"Nicola Sturgeon", "Wes Streeting", "Eric Adams", "Justin Welby"}},
		{"OfficeOfAPlaceBeforeAName", "Chief Constable of Greater Manchester Police Stephen Watson said: “We will act.”\n" +
			"Lord Mayor of Birmingham Zafar Iqbal said: “The city grieves.”\n" +
			"High Commissioner for Canada Ralph Goodale said: “We stand together.”\n" +
			"Secretary of State for Energy Security and Net Zero Ed Miliband said: “Bills will fall.”\n" +
			"Minister for Women and Equalities Bridget Phillipson said: “This matters.”\n" +
			"Chief Minister of Punjab Maryam Nawaz said: “Schools will reopen.”\n" +
			"Premier of New South Wales Chris Minns said: “Stay off the roads.”\n" +
			"Prime Minister of New Zealand Christopher Luxon said: “We are ready.”\n" +
			"President of the European Commission Ursula von der Leyen said: “Europe is united.”\n" +
			"Bishop of Leeds Nick Baines said: “Hope endures.”\n" +
			"Chief Constable of South Yorkshire Police Lauren Poultney said: “Officers are on scene.”\n" +
			"Mayor of Greater Manchester Andy Burnham said: “Buses are back.”\n" +
			"Governor of the Bank of England Andrew Bailey said: “Rates will stay.”\n" +
			"Secretary of Homeland Security Kristi Noem said: “The border is closed.”\n" +
			"Attorney General of Texas Ken Paxton said: “We will sue.”\n" +
			"Mayor of Los Angeles Eric Garcetti said: “Conserve water.”\n" +
			"President of the European Council António Costa said: “We agreed.”\n" +
			"Prime Minister of the Netherlands Dick Schoof said: “We will help.”\n" +
			"Premier of Ontario Doug Ford said: “Build the tunnel.”\n" +
			"Governor of New York State Kathy Hochul said: “Stay safe.”\n" +
			"Secretary of State for Business and Trade Jonathan Reynolds said: “Trade is up.”\n" +
			"First Minister of Wales Eluned Morgan said: “Wales is open.”\n" +
			"Mayor of London and Andy Burnham said: “Fund the buses.”\n" +
			"Chief Executive of the Football Association Mark Bullingham said: “We will review it.”\n" +
			"Speaker of the House Mike Johnson said: “We will vote.”\nPremier Inn said: “Rooms are booked.”",
			[]string{"Stephen Watson", "Zafar Iqbal", "Ralph Goodale", "Ed Miliband", "Bridget Phillipson", "Maryam Nawaz", "Chris Minns",
				"Christopher Luxon", "Ursula von der Leyen", "Nick Baines", "Lauren Poultney", "Andy Burnham", "Andrew Bailey", "Kristi Noem",
				"Ken Paxton", "Eric Garcetti", "António Costa", "Dick Schoof", "Doug Ford", "Kathy Hochul", "Jonathan Reynolds", "Eluned Morgan",
				"Andy Burnham", "Mark Bullingham", "Mike Johnson", "Premier Inn"}},
		{"ChurchOfficeOnlyBeforeItsPlace", "Bishop scored twice. “It was a team goal really,” Bishop said.\n" +
			"The defendant, Ryan Bishop, 32, of Leeds, told police: “I never touched her.”\n" +
			"“We must pray for peace,” said the Archbishop of Canterbury, Justin Welby.\n" +
			"Director of the Centers for Disease Control and Prevention Mandy Cohen said: “Get vaccinated.”",
			[]string{"Bishop", "Ryan Bishop", "Archbishop of Canterbury", "Mandy Cohen"}},
		{"BodyOfTwoWordsBeforeItsPlace", "Governor of the Reserve Bank of Australia Michele Bullock said: “Rates hold.”\n" +
			"President of the Royal College of Nursing Nicola Ranger said: “Nurses are exhausted.”\n" +
			"President of the Law Society of England and Wales Richard Atkinson said: “Legal aid is failing.”\n" +
			"Leader of the House of Commons Lucy Powell said: “The House will sit.”\n" +
			"Mayor of the Liverpool City Region Steve Rotheram said: “Trains now.”",
			[]string{"Michele Bullock", "Nicola Ranger", "Richard Atkinson", "Lucy Powell", "Steve Rotheram"}},
		{"OtherSexPronounOfARolesOwnerIsNoBlock", "The defendant, Craig Neil, 41, denied the charges. His barrister, Sarah Fox, said he was of good character. “He has never been in trouble,” she said.\n" +
			"Tariq Aziz was released on bail. His lawyer, Helen Moss, said he would appeal. “We are confident,” she said.\n" +
			"Ann Hale lost her job. Her lawyer, Tom Reid, said she would sue. “We will win,” he said.\n" +
			"Tariq Aziz was released on bail. His lawyer, Helen Moss, said he would appeal. “I did nothing,” he said.",
			[]string{"Sarah Fox", "Helen Moss", "Tom Reid", "Tariq Aziz"}},
		{"TheyOrWeSaidIsNoFollowOn", "“It hurts,” Alex Morgan, 34, said. The players left in silence. “We deserved better,” they said.\n" +
			"“It hurts,” said Alex Morgan. Fans booed. “Sack the board,” they told reporters.\n" +
			"Alex Morgan, 34, said the club had let fans down. “It hurts,” they said.\n" +
			"“Run,” said Ada Kerr. “Now,” we said.",
			[]string{"Alex Morgan", "", "Alex Morgan", "", "", "Ada Kerr", ""}},
		{"NameWhoRepliedIsTheSpeaker", "Priya Shah told the court she had raised the matter with Vance, who replied in an email read to the jury: “Leave it with me.”\n" +
			"The minister met Ann Cole, who said: “We need help.”\n" +
			"Speaking after Anna Kerr, who had described the attack, the detective said: “We will find him.”",
			[]string{"Vance", "Ann Cole", "the detective"}},
		{"CounselsLettersAreNoPartOfTheName", "Prosecuting, Simon Clegg KC told the court the thefts were “calculated.”\n" +
			"“She is ashamed,” said Amara Osei QC.\n“It was cruel,” said Clegg KC.\n“It is a mess,” one Labour MP said.",
			[]string{"Simon Clegg", "Amara Osei", "Clegg", "Labour MP"}},
		{"SubjectOfAnIrregularPast", "Deborah Vance gave evidence in her own defence. “I was drowning,” she said.\n" +
			"Peter Hall lost his wife in the fire. His daughter, Kate Hall, survived. “We lost everything,” he said.\n" +
			"Kate Nash took to Twitter. Her tweet read: “Never again.”\n" +
			"Fans of Liverpool sang “You'll Never Walk Alone” before kick-off.",
			[]string{"Deborah Vance", "Peter Hall", "Kate Nash", ""}},
		{"IrregularPastOfNoPerson", "Jurors heard that Mr Khan had texted his brother: “It's done.”\n" +
			"Neighbours heard a man shouting: “Get out of my house.”\n" +
			"Detectives found a note in his pocket which read: “Sorry.”\n" +
			"When Liverpool lost to Everton, fans chanted “You'll never walk alone”.",
			[]string{"", "", "", ""}},
		{"PronounToAClub", "Manchester United won 2-0 on Saturday. “We were superb,” he said.", []string{""}},
		{"PronounToACompany", "Google made a profit of $20bn. “We are pleased,” she said.", []string{""}},
		{"PronounToAParty", "Reform UK won the seat. “We are thrilled,” he said.", []string{""}},
		{"IrregularPastOfAPerson", "Mr Patel won the seat. “We are thrilled,” he said.\nChris Evans won the race. “I am thrilled,” he said.\n" +
			"Harrison lost the final, but still said: “I am proud of the boys.”\nSmith lost his seat in 2019, and then said: “I have no regrets.”",
			[]string{"Patel", "Chris Evans", "Harrison", "Smith"}},
		{"SubjectOfAClauseBeforeAndIsNotTheNextClauses", "Harbourside beat Millbrook Town. Millbrook have now conceded 14 goals in their last six games, and supporters in the away end made their feelings clear, chanting “We want Garland out” as the players walked off.\n" +
			"Helen Doyle smiled, but the crowd was calling her “a genius.”\n" +
			"Helen Doyle smiled, and then called it “a fair goal.”",
			[]string{"", "", "Helen Doyle"}},
		{"AWorkInCommasIsNoPronounsAntecedent", "Peggy Alcott released her first record in 1964. But one song on it, Dark Water Rising, written after a flood, was taken up by the unions.\n" +
			"During the strike she played 300 concerts. She later said the year was “the hardest of my life.”",
			[]string{"Peggy Alcott"}},
		{"HerAfterANameHerRoleOwnsIsTheOwners", "Her long-time producer, Martin Loewe, recalled the recording of her best-known album. “We had booked the studio for three days,” he said.\n" +
			"His lawyer, Mr Reid, recalled his first case. “It was hard,” she said.",
			[]string{"Martin Loewe", ""}},
		{"AGivenNameOfTheOtherSexIsNoAntecedent", "The Labour MP for Easington, Grahame Morris, said she had put working people first. Her daughter, Ruth Alcott, said the family was overwhelmed. “Mam would have hated the fuss,” she said.\n" +
			"Dr Laura Kent examined the patient. The patient, Mark Dunn, was 54. “He should have been seen sooner,” she said.\n" +
			"Claire Ross thanked the firefighters. Their chief, Neil Archer, praised her. “She did everything right,” he said.\n" +
			"Alex Moore said the pumps had failed. “We were lucky,” she said.",
			[]string{"", "", "", "Alex Moore"}},
		{"QuantifierOpeningASentenceIsNoName", "Another, the former pensions minister Douglas Reeve, said afterwards: “I told her.”\n" +
			"Others said: “We will fight.”\nBoth said: “Yes.”\nNeither said: “Never.”\nSeveral told us: “No.”",
			[]string{"Douglas Reeve", "", "", "", ""}},
		{"PartyAndStateAfterANameAreNoName", "Sen. Mark Delaney, R-Ohio, who led the opposition, said the vote was “a mistake.” He told reporters: “That tells you everything.”\n" +
			"Sen. Patricia Nunez, D-N.M., called that “a cheap shot.”\n" +
			"Gov. Tom Reyes, D-Ariz., said at a 2 p.m. news conference: “We will not back down.”",
			[]string{"Mark Delaney", "Mark Delaney", "Patricia Nunez", "Tom Reyes"}},
		{"PartyTagNeedsAState", "Rep. Ann Cole, I-Vt., said: “No.” Rep. Joe Ash, R-Texas, said: “Yes.”",
			[]string{"Ann Cole", "Joe Ash"}},
		{"DDayEndsSentence", "He landed at Gold Beach on D-Day. His daughter said: “He never talked about it.”",
			[]string{"His daughter"}},
		{"IPaceEndsSentence", "The car was an I-Pace. Owner Jim Reid said: “It is brilliant.”",
			[]string{"Jim Reid"}},
		{"SubjectOfAPassiveSpeechVerbIsNoSpeaker", "At the hearing, Evelyn Hart was asked by Sen. Delaney whether she would “ever support a mandate.” She replied: “I support the law.”\n" +
			"Tom Reid was told by the judge that his conduct was “disgraceful.”\nTom Reid was saying the plan was “mad.”",
			[]string{"", "Evelyn Hart", "", "Tom Reid"}},
		{"RelayEndsAtACommaAndASpeechVerb", "Mr Hale said rivals called the plan “mad”, and added: “They will eat their words.”\n" +
			"Ms Ray said the police had told her nothing, and added: “I am angry.”\n" +
			"PC Hines said the defendant shouted and added: “Run.”\n" +
			"Mr Hale said rivals called it “mad”, and added that critics called it “rash”.",
			[]string{"", "Hale", "Ray", "", "", ""}},
		{"PassiveSpeechThenActiveSpeech", "Smith was asked if he would resign and replied: “Never.”\n" +
			"Johnson was told about the leak and responded: “This is outrageous.”\n" +
			"Ann Lee was asked about the cuts but insisted: “We had no choice.”",
			[]string{"Smith", "Johnson", "Ann Lee"}},
		{"DocumentSayingAfterAQuoteIsNoBody", "His son said in a victim impact statement that his father had been robbed. “Dad saved that money,” the statement said. “She took that away.”\n" +
			"“We regret the delay,” the report said.\n“Beds are full,” the hospital said.",
			[]string{"", "", "", "the hospital"}},
		{"ShortMonthEndsNoSentence", "Dr. Smith said on Jan. 5: “The patient is stable.”\nDr. Hart, of St. Louis, will be sworn in on Sept. 6 at 10 a.m. “I am ready,” she said.",
			[]string{"Smith", "Hart"}},
		{"ReportOfWhatOthersSaidIsNotTheReportersWords", "Giving evidence, PC Laura Hines said the defendant shouted “I'll kill you” as officers arrived.\n" +
			"Garland said rivals had called it “a joke.”\n" +
			"Eamon de Valera famously said: “The ideal Ireland.”\n" +
			"Gareth Lyons said he had been told by Vance that money was “moved for safekeeping.”\n" +
			"According to Dana Whitfield, the mayor called it “a shambles.”",
			[]string{"", "", "Eamon de Valera", "Gareth Lyons", "Dana Whitfield"}},
		{"OwnerBeforeANameIsNoPartOfIt", "Labour's Angela Rayner said: “It's a scandal.”\n“We will ship,” said Apple's Tim Cook.\nMacy's said: “Sales rose.”",
			[]string{"Angela Rayner", "Tim Cook", ""}},
		{"OwnerOpeningABodyIsPartOfIt", "King's College London said: “The research is robust.”\nQueen's Park Rangers said: “We are saddened.”\n" +
			"Lloyd's Banking Group said: “Profits rose.”\n“No,” said Apple's CEO Tim Cook.",
			[]string{"King's College London", "Queen's Park Rangers", "Lloyd's Banking Group", "Tim Cook"}},
		{"AdverbBeforeABodysVerbIsNoPartOfIt", "“Read my lips,” the former president once said, “no new taxes.”\n“No,” the minister firmly said.",
			[]string{"the former president", "the former president", "the minister"}},
		{"PersonOfAPlaceKeepsTheirName", "“The signal is clear,” said lead author Dr Mei Tanaka of the Institute for Urban Air.",
			[]string{"Mei Tanaka"}},
		{"AttributionOfTheNextQuoteIsNotThisOnes", "The Prime Minister has posted that the government is “ready to help.” Daniel Moor said: “Pumps would be better.”\n" +
			"“Will it flood?” Ann Vale asked: “Who knows?” “Yes.” Bo Lin said. “No.”",
			[]string{"", "Daniel Moor", "Ann Vale", "Ann Vale", "Bo Lin", "Bo Lin"}},
		{"WholeSentenceQuoteBeforeColonAttributionIsTheSpeakers", "“Stop!” Ian Cross shouted: “Get back!”\n" +
			"Dan Cole scored the try. “It felt great.” Cole said: “The pack did the work.”\n" +
			"“Thank you.” Sir Mo said: “It means a lot.”\n" +
			"“We will win,” Ella Fox said. Mark Lyle said: “They won't.”\n" +
			"“Go,” said Ada. “Now.” Ben said: “Wait.”",
			[]string{"Ian Cross", "Ian Cross", "Cole", "Cole", "Mo", "Mo", "Ella Fox", "Mark Lyle", "Ada", "Ada", "Ben"}},
		{"PronounForANameInCommas", "Ines Duarte runs the port. The tug’s skipper, Tom Aske, is the bravest man I know. When he came ashore he said, “Never again.”",
			[]string{"Tom Aske"}},
		{"PossessiveOfAPersonIsNoCredit", "The chef, Marco Bellini, told us: “Simple is all.” His sous-chef, Anna Weber, put it differently: „Wir kochen, was wir mögen.“ Her lawyer was blunt: “No comment.”",
			[]string{"Marco Bellini", "", ""}},
		{"PossessiveOfWordsIsTheirSpeaker", "Nadia Okafor stepped up last. Her final answer was short: “No.”",
			[]string{"Nadia Okafor"}},
		{"ElectedTitleBeforeANameIsDropped", "Local MP Daniel Moor said: “Pumps would be better.” “Not yet,” said Cllr Jane Hollis. Councillor Ravi Shah said: “Soon.”",
			[]string{"Daniel Moor", "Jane Hollis", "Ravi Shah"}},
		{"NameThenWhereTheyWork", "John Smith of Reuters said the talks were “stalled.” Ana Li of the Red Cross said: “We need access.” The U.S. Secretary of State Marco Rubio said: “We agree.”",
			[]string{"John Smith", "Ana Li", "Marco Rubio"}},
		{"NameWithAPrefixedPart", "“It was chaos,” said Abdul-Rahman al-Sayed. Abdel Fattah el-Sisi said: “We will stay.” “Ready,” said Jean d’Alembert.",
			[]string{"Abdul-Rahman al-Sayed", "Abdel Fattah el-Sisi", "Jean d’Alembert"}},
		{"FootnoteMarkerBeforeTheAttribution", "“We are ready,”[3] said Ana Li. “We are ready”[4], said Bo Chen. “Not yet,”[2][5] Cai Wen said. Dee Roy called it “late”[6]. [7] “Fine.”",
			[]string{"Ana Li", "Bo Chen", "Cai Wen", "Dee Roy", ""}},
		{"LongDescriptionAfterAName", "Lambert refused to let anyone else touch it. Costa, who trained in Paris and runs a small restaurant in Lisbon’s Alfama district, said the talking was hardest. ‘We have five languages,’ she said.\n" +
			"“Yes,” said Ana Ruiz, who has spent the best part of twenty years running the family bakery on the corner of the market square.",
			[]string{"Costa", "Ana Ruiz"}},
		{"PronounOfTheOtherSexIsNoCredit", "Kenji Watanabe relied on his interpreter, Yuki Mori, for most of the day. She said he had found it funny. “He felt like the referee,” she said.\n" +
			"Ines Duarte runs the port. She said the storm was the worst she had seen. “It was terrifying,” she said.\n" +
			"The skipper, Tom Aske, is the bravest man I know. He got a line on her and towed her in. When he came ashore he said, “Never again.”",
			[]string{"", "Ines Duarte", "Tom Aske"}},
		{"PluralPossessiveBeforeARole", "\"Nobody told us,\" said the residents' spokeswoman, Kay Lowe. “Not once,” said the tenants’ lawyer. The players' union said the deal was \"unfair.\" ‘We want our jobs’ said the workers.",
			[]string{"Kay Lowe", "the tenants’ lawyer", "The players' union", "the workers"}},
		{"PullQuoteDashName", "“Great game.” — Kate Dunn\n“Never a penalty” – Phil Norris, United manager",
			[]string{"Kate Dunn", "Phil Norris"}},
		{"DashThenSentenceIsNoCredit", "They called it “fine” — Smith disagreed. It was “a mess” – Rovers then lost.",
			[]string{"", ""}},
		{"DashAfterQuoteInSentenceIsNoCredit", "Police described the scene as “horrific” — Mr Ahmed, the victim’s brother, arrived soon after.",
			[]string{"Police"}},
		{"DashThenNameOfNextSentenceIsNoCredit", "The judge called the evidence “overwhelming” — Harris, 34, was jailed for six years.",
			[]string{"The judge"}},
		{"DashAfterTitleInListIsNoCredit", "Books of the year: “Prophet Song” — Paul Lynch.\n“The Bee Sting” — Paul Murray\nTonight's pick: “Casablanca” — BBC Two, 9pm.\n“Casablanca” — BBC Two",
			[]string{"", "", "", ""}},
		{"DashAfterSentenceCaseTitleIsNoCredit", "Songs of the summer\n“Bad habits” — Ed Sheeran\n“Good 4 u” — Olivia Rodrigo\n“The remains of the day” — Kazuo Ishiguro",
			[]string{"", "", ""}},
		{"PresentTenseVerbsBeforeAQuoteAreOrdinary", "The hotel boasts a “world-class” spa. The design recalls the “golden age” of rail travel.\nToyota recalls 1m cars over “faulty” airbags\nThe hotel boasted a “world-class” spa.",
			[]string{"", "", "", ""}},
		{"CounteredBeforeAQuoteIsPlay", "Jones countered with a “cheeky” chip over the keeper.",
			[]string{""}},
		{"PresentTenseVerbsOfThingsBeforeAQuote", "The lawsuit claims “gross negligence” by the council. The report explains the “new normal” in detail.",
			[]string{"", ""}},
		{"AccordingToBefore", "According to Dana Whitfield, the mayor called it “a shambles.”",
			[]string{"Dana Whitfield"}},
		{"AccordingToAfter", "“Nothing moved for a week,” according to Sam Adeyemi.",
			[]string{"Sam Adeyemi"}},
		{"SaidSurnameOfWhomItSpokeOf", "“He is a genius,” said Guardiola of Haaland. “A remarkable man,” said Obama of Mandela. “We played well,” said Kane for England after the game.\n" +
			"“It was a fantastic win,” said Southgate of England's display.",
			[]string{"Guardiola", "Obama", "Kane", "Southgate"}},
		{"UnnamedMemberAfterQuoteIsTheQuotesOwn", "“The bill is sound,” the minister said. “It is a mess,” one Conservative MP said.\n" +
			"Liz Truss said: “I was right.” “She crashed the economy,” a Tory MP said.\nA Labour MEP said: “No.”\n" +
			"Boris Johnson was defiant. “I will fight on,” he said. “He is finished,” a senior Tory MP told the BBC.",
			[]string{"the minister", "Conservative MP", "Liz Truss", "Tory MP", "Labour MEP", "Boris Johnson", "Tory MP"}},
		{"PostNominalIsDroppedFromTheName", "“It's madness,” said Jess Phillips MP. Jo Cox MP said: “We have more in common.” “Yes,” Labour MP said.",
			[]string{"Jess Phillips", "Jo Cox", ""}},
		{"OfficeOfAPlaceIsNoFragment", "Alex Norris, MP for Nottingham North, said: “People are struggling.”\n" +
			"Chief Executive of Tesco Ken Murphy said: “Prices are falling.”\nChief Constable of Merseyside Serena Kennedy said: “This was a targeted attack.”\n" +
			"Prime Minister of Japan Shigeru Ishiba said: “We will respond calmly.” “No,” said MP for Nottingham North.\n" +
			"Dr Priya Nair of the University of Leeds said: “It works.”\nSarah Lee of Oxfam said: “People are starving.”",
			[]string{"Alex Norris", "Ken Murphy", "Serena Kennedy", "Shigeru Ishiba", "", "Priya Nair", "Sarah Lee"}},
		{"PrefixOtherThanAParticleIsNoName", "“This was a betrayal,” Labour ex-MP Chris Williamson said. “Prices will rise,” Britain's ex-Chancellor George Osborne said.\n" +
			"“It is a dark day,” said Nouri al-Maliki. “It is over,” said Pierre d'Arcy. “It must hold,” Faisal bin Farhan al-Saud said.",
			[]string{"Chris Williamson", "George Osborne", "Nouri al-Maliki", "Pierre d'Arcy", "Faisal bin Farhan al-Saud"}},
		{"NameOfARoleAPronounOwnsIsNoSubject", "Alice Moore hired a new coach in January. Her previous coach, Tom Reid, was sacked in May. “I needed a change,” she said.\n" +
			"Helen Carter runs the bakery with her son. Her son, James, joined in 2019. “He has the better hands,” she said.",
			[]string{"Alice Moore", "Helen Carter"}},
		{"NameOfARoleAManOwnsMayBeShe", "His Italian neighbour at the stove, Giulia Russo, disagreed. 'Olive oil first, always,' she said.",
			[]string{"Giulia Russo"}},
		{"NameOfARoleAPronounOwnsIsNobodysAntecedent", "Emma Raducanu lost in straight sets. Her opponent, Iga Swiatek, was too strong. “I made too many errors,” she said.",
			[]string{"Emma Raducanu"}},
		{"OtherSexPronounForAManNamedKeepsTheSubject", "Sarah Jones, 34, said her husband had been ill for months. He was taken to hospital on Friday. “I knew something was wrong,” she said.\n" +
			"Tom Hale said his daughter loved the sea. She swam every day. “She was fearless,” he said.",
			[]string{"Sarah Jones", "Tom Hale"}},
		{"SubjectOfTheSameSexAsThePronounIsNotBlocked", "Ruth Davidson recalled her first campaign. She said he had told her to quit. “I didn't,” she said.\n" +
			"Mr Collins told the court he had not seen the car. He said she had been driving too fast. “I had no chance,” he said.",
			[]string{"Ruth Davidson", "Collins"}},
		{"SubjectOfTheOtherSexIsNoAntecedent", "Watanabe relied on his interpreter. She said he had found it funny. “It was a joke,” she said.\n" +
			"Watanabe relied on his interpreter. “It was a joke,” she said.",
			[]string{"", ""}},
		{"OtherSexPronounNamedBeforeItsPersonStillBlocks", "Sarah Jones, 34, went to hospital on Friday. He was taken to hospital too, her husband. “I knew something was wrong,” she said.",
			[]string{""}},
		{"PossessiveOwningWrittenWords", "Paul Kerr wrote to the council. His letter read: “The road is a death trap.”\n" +
			"Ann Sharp emailed staff. Her email said: “We are ready.”\nMo Farah crossed the line. His first thought: “I did it.”",
			[]string{"Paul Kerr", "Ann Sharp", "Mo Farah"}},
		{"NameOfARoleOfTheOtherSexIsNoAntecedent", "The tug’s skipper, Tom Aske, was praised. “He saved us,” he said.\n" +
			"The girl's father, Tom Reid, was sacked in May. “I needed a change,” she said.\nThe girl's mother, Ann Reid, was sacked in May. “I needed a change,” she said.",
			[]string{"Tom Aske", "", "Ann Reid"}},
		{"GroupOfANameBeforeItsVerbIsOneSpeaker", "Critics of Johnson said the plan was “reckless.” Residents of Grenfell Tower said: “We warned them.”\n" +
			"“I love my country,” said the Duke of Sussex.",
			[]string{"Critics of Johnson", "Residents of Grenfell Tower", "Duke of Sussex"}},
		{"TickerInBracketsStandsForTheFirm", "“Demand was strong,” Apple (AAPL) said. “Deliveries rose,” Tesla (TSLA.O) said in a statement.\n" +
			"Nvidia (NASDAQ: NVDA) said on Wednesday: “Demand is staggering.” Toyota (7203.T) said: “Output will recover.”",
			[]string{"Apple", "Tesla", "Nvidia", "Toyota"}},
		{"PlaceListingItsPartsWithCommas", "“We will lead the world,” Secretary of State for Science, Innovation and Technology Peter Kyle said.\n" +
			"Secretary of State for Environment, Food and Rural Affairs Steve Reed said: “Water bosses must pay.”\n" +
			"“We will not wait,” said Secretary of State for Culture, Media and Sport Lisa Nandy.",
			[]string{"Peter Kyle", "Steve Reed", "Lisa Nandy"}},
		{"PlaceRunningOnThroughItsOwnOf", "“We are ready,” Chair of the Joint Chiefs of Staff Dan Caine said. Chair of the Joint Chiefs of Staff Dan Caine said: “We are ready.”\n" +
			"Speaker of the House of Representatives Mike Johnson said: “The votes are there.”\n" +
			"“Rates stay on hold,” Chair of the Board of Governors of the Federal Reserve Jerome Powell said.",
			[]string{"Dan Caine", "Dan Caine", "Mike Johnson", "Jerome Powell"}},
		{"RelayedShoutIsTheOthersWords", "Dan Pike said the suspect yelled: “Get down!”\nDan Pike said the suspect screamed, “Get down!”\n" +
			"“Run!” Ana Cole yelled. “Please,” the boy whispered.",
			[]string{"", "", "Ana Cole", "the boy"}},
		{"SingularTheyForOnePersonNamed", "“I was scared,” Alex Morgan, 34, said. “I still am,” they said.\n" +
			"Robin Tate, 29, of Leeds, said the plan was late. “We will manage,” they said.\n" +
			"“I was scared,” Alex Morgan, 34, said. The residents met on Tuesday. “We still are,” they said.\n" +
			"Alex Morgan and Sam Lee, both 34, said the plan was late. “We will manage,” they said.\n" +
			"“It hurts,” said Alex Morgan. Sam Lee agreed. “Sack the board,” they said.\n" +
			"“It was late,” Goldman Sachs said. “We will manage,” they said.\n" +
			"“No,” said Peter Hale. “Never,” they said.",
			[]string{"Alex Morgan", "Alex Morgan", "", "Alex Morgan", "", "", "Alex Morgan", "", "Goldman Sachs", "", "Peter Hale", ""}},
		{"TheyForAGroupSpeakingAsOnePerson", "Jamie Lee, 30, was attacked by two men. “Give me your phone,” they said.\n" +
			"Alex Kim met the family on Sunday. “I am heartbroken,” they said. Taylor Reid, 25, was praised by England. “I am proud,” they said.\n" +
			"Charlie Hart saw a couple and their dog. “I was freezing,” they said. Sam Fisher, 22, fought 3 men off. “I was terrified,” they said.\n" +
			"Robin Tate, 29, spoke to neighbours. “I am sorry,” they said. “I was scared,” Alex Morgan, 34, said. “We all were,” they said.\n" +
			"“I was scared,” Alex Morgan, 34, said. “My hands shook,” they said.\nRobin Tate, 29, said the plan was late. “I will manage,” they said.",
			[]string{"", "", "", "", "", "", "Alex Morgan", "", "Alex Morgan", "Alex Morgan", "Robin Tate"}},
		{"LeaderIsATitleBeforeAName", "Senate Majority Leader John Thune said Republicans would not “cave to pressure.”\n" +
			"Senate Minority Leader Chuck Schumer called the plan “a disaster for working families.”\n" +
			"Labour Leader Keir Starmer said: “Change begins now.” “We are united,” said Tom Leader, 45. “We will win,” said the Opposition Leader.",
			[]string{"John Thune", "Chuck Schumer", "Keir Starmer", "Tom Leader", ""}},
		{"DescribedNameBeforeAColonIsTheSubject", "Dr Emily Stone, a virologist at Imperial College London, was cautious: “It is one study in one population.”\n" +
			"The victim, Paul Green, 61, was blunt: “I no longer feel safe.”\nMaria Lopez, the club’s chair, had one message: “Stay calm.”\n" +
			"Tom Reid, a teacher, was told by the head: “You are fired.”",
			[]string{"Emily Stone", "Paul Green", "Maria Lopez", ""}},
		{"HerActedOnTellsNoSex", "Hank Brennan pressed her on the timeline. “You left at 12:45, didn't you?” he asked.\n" +
			"Tom Hale met her in Leeds. “It was a long day,” he said.\nRuth Davidson recalled her first campaign. “I was terrified,” he said.",
			[]string{"Hank Brennan", "Tom Hale", ""}},
		{"BodyOfANamedOwnerOrPlace", "A Treasury spokesperson said the figures had been “independently verified”. A White House official said: “The president is aware.”\n" +
			"“We do not comment on leaks,” a Downing Street spokesman said. “We are cooperating fully,” a spokesperson for Thames Water said.\n" +
			"A spokesperson for West Yorkshire Fire and Rescue Service said the cause was “under investigation”. The Chelsea boss said: “It was a penalty.”",
			[]string{"A Treasury spokesperson", "A White House official", "a Downing Street spokesman", "a spokesperson for Thames Water",
				"A spokesperson for West Yorkshire Fire and Rescue Service", "The Chelsea boss"}},
		{"OfficeWordRightBeforeAName", "House Speaker Mike Johnson, R-La., said: “We will pass it this week.” “We will cut taxes,” Premier Doug Ford said.\n" +
			"“It is a great day,” Archbishop Justin Welby said. “It was a shock,” said Ryan Bishop. “Sales were strong,” Premier Inn said.\n" +
			"“We are pleased,” said Premier League Darts.",
			[]string{"Mike Johnson", "Doug Ford", "Justin Welby", "Ryan Bishop", "Premier Inn", "Premier League Darts"}},
		{"AbbreviatedRanksAreTitles", "Det Insp Claire Morgan, of Avon and Somerset Police, said: “We are keeping an open mind.”\n" +
			"“It was a difficult day,” said Det Supt Mark Hill. Maj Tim Peake said: “The view was stunning.”",
			[]string{"Claire Morgan", "Mark Hill", "Tim Peake"}},
		{"AgeBeforeANameInCommas", "The victim's brother, 29-year-old Liam Jones, said the family was “devastated.”\n" +
			"“We are devastated,” the victim's brother, 29-year-old Liam Jones, said. Her son, 12-year-old Sam, told reporters: “I miss her.”",
			[]string{"Liam Jones", "Liam Jones", "Sam"}},
		{"NameAfterARoleWithItsAffiliation", "“This is the first time,” said the study’s senior author, Prof Karen Ritchie of the University of Edinburgh.\n" +
			"“It was close,” said the club’s manager, Kate Dunn at Rovers. “It is a tragedy,” said the UN secretary-general, António Guterres, on Tuesday.",
			[]string{"Karen Ritchie", "Kate Dunn", "António Guterres"}},
		{"BodyGoingOnToSpeakInAClauseOfSaying", "A federal judge on Friday blocked the plan, saying it was likely “arbitrary and capricious.”\n" +
			"The minister defended the plan, saying it was “fair.” The hospital confirmed the death, adding that staff were “devastated.”\n" +
			"The board rejected the bid, and shareholders were furious, saying it was “a disgrace.”\n" +
			"The hospital said two patients had died, and relatives were angry, saying staff were “overwhelmed.”",
			[]string{"A federal judge", "The minister", "The hospital", "", ""}},
		{"SaidThenANamesBody", "“We will fight this,” said Smith's spokesman. “It is a lie,” said Hale’s barrister on Tuesday.\n" +
			"“It was good,” said Smith's statement. “Yes,” said Trump's.",
			[]string{"Smith's spokesman", "Hale’s barrister", "", ""}},
		{"ThatOpensWhatWasSaidAfterAVerbsClause", "The US president, Donald Trump, told reporters that Britain was “treating us very badly.”\n" +
			"His comments came after the US president, Donald Trump, told reporters aboard Air Force One that Britain was “treating us badly.”",
			[]string{"Donald Trump", "Donald Trump"}},
		{"NameInCommasWithAHelpingVerb", "The prime minister, Keir Starmer, has said the UK will “not be pushed around” by the US.\n" +
			"“We will act,” the mayor, Ann Cole, has said.",
			[]string{"Keir Starmer", "Ann Cole"}},
		{"SubjectAfterAPassiveSpeechVerbIsNoSpeaker", "The victim, Paul Green, was told the UK would “help him.”\n" +
			"Tom Reid was told the council would “look again.” Smith was asked if he would resign and replied: “Never.”",
			[]string{"", "", "Smith"}},
		{"OwnersPossessiveBeforeASurnameInS", "“We showed great character,” Brentford’s Keith Andrews said. “We will win,” Wales’s Sam Williams said.\n" +
			"“We are here,” Queen's Park Rangers said.",
			[]string{"Keith Andrews", "Sam Williams", "Queen's Park Rangers"}},
		{"ToldNamesWhomItAddresses", "Nadia Whittome, Labour MP for Nottingham East, told the Guardian: “We were elected to make lives better.”\n" +
			"The teacher, who asked not to be named, told the Guardian: “We are exhausted.”\n" +
			"“It is wrong,” said Amy Cole, Labour MP for Leeds, on Tuesday.",
			[]string{"Nadia Whittome", "", "Amy Cole"}},
		{"SaidThenABodyWithANamedOwner", "“We are not going to sign this,” said one European diplomat, who spoke on condition of anonymity.\n" +
			"“We are cautious,” said a senior White House official. “It is a tragedy,” said the UN secretary-general, António Guterres.\n" +
			"“I love my country,” said the Duke of Sussex. “It is over,” said a Tory MP.",
			[]string{"one European diplomat", "a senior White House official", "António Guterres", "Duke of Sussex", "Tory MP"}},
		{"AccordingToABody", "According to a CDC spokesperson, the agency is “monitoring the situation closely.”\n" +
			"According to the hospital, the patient was “stable.” “We are ready,” according to the mayor.\n" +
			"According to the report, the plan was “flawed.” According to Anna Kelly, the plan was “bold.”",
			[]string{"a CDC spokesperson", "the hospital", "the mayor", "", "Anna Kelly"}},
		{"HyphenedDescriptionBeforeAName", "Mum-of-two Kelly Brown, 38, from Hull, said: “I never thought I would need a food bank.”\n" +
			"“We lost,” Ex-captain Sam Hill said. “It is over,” Rep. Alexandria Ocasio-Cortez said. “Merci,” said Jean-Pierre Raffarin.",
			[]string{"Kelly Brown", "Sam Hill", "Alexandria Ocasio-Cortez", "Jean-Pierre Raffarin"}},
		{"RoleCapitalizedBeforeANameIsATitle", "Resident Maureen Shaw, 78, said: “I heard a bang.” Sentencing, Recorder Jane Evans said the attack was “cowardly.”\n" +
			"“We won,” Striker Harry Kane said. “I saw it all,” said Witness Tom Hill. The witness said: “He ran.” “Who knows?” said Sam Owner.",
			[]string{"Maureen Shaw", "Jane Evans", "Harry Kane", "Tom Hill", "The witness", "Sam Owner"}},
		{"TheyForAGroupPolice", "Jamie Reed was arrested by police on Friday. “The investigation is continuing,” they said.",
			[]string{""}},
		{"TheyForAGroupFamily", "Alex Kim met the family on Sunday. “It was a tragedy,” they said.",
			[]string{""}},
		{"TheyForAGroupCrew", "Jordan Lee, 34, was rescued by the crew. “The sea was rough,” they said.",
			[]string{""}},
		{"TheyForAGroupStaff", "Casey Brown, 41, was stopped by staff at the door. “Nobody gets in without a ticket,” they said.",
			[]string{""}},
		{"TheyForAGroupJury", "Robin Cole was sentenced by the jury. “Guilty on all counts,” they said.",
			[]string{""}},
		{"TheyForAGroupTeam", "Chris Dale played for the team until 2019. “He was a great teammate,” they said.",
			[]string{""}},
		{"TheyForAGroupCoastguard", "Kelly Ward, 52, was found by the coastguard at dawn. “She was very lucky,” they said.",
			[]string{""}},
		{"TheyForAGroupCouncil", "Jordan Blake was cleared by the council. “The complaint had no merit,” they said.",
			[]string{""}},
		{"TheyForAGroupBand", "Alex Turner met the band on tour. “He was brilliant,” they said.",
			[]string{""}},
		{"TheyForAGroupClub", "Sam Fisher, 22, was signed by the club in January. “He is a huge talent,” they said.",
			[]string{""}},
		{"TheyForAGroupCoupleTheir", "Charlie Hart was helped by a couple walking their dog. “He was freezing,” they said.",
			[]string{""}},
		{"TheyForAGroupClubThanksNamed", "Ashley Young, 39, was released by the club. “We thank Ashley for his service,” they said.",
			[]string{""}},
		{"TheyForAGroupCountry", "Taylor Reid, 25, was named in the squad by England. “It is a proud day,” they said.",
			[]string{""}},
		{"TheyForAGroupCrowd", "Taylor Quinn was booed by the crowd. “Go home,” they shouted.",
			[]string{""}},
		{"TheyForAGroupPeople", "Alex Kim spoke to people at the rally. “We want change,” they said.",
			[]string{""}},
		{"TheyForAGroupChildren", "Sam Ortiz was greeted by children at the gate. “Welcome home,” they said.",
			[]string{""}},
		{"TheyForAGroupTwoMen", "Jamie Lee, 30, was attacked by two men. “Give us your phone,” they said.",
			[]string{""}},
		{"TheyForAGroupPoliceArrest", "Chris Evans was approached by police. “You are under arrest,” they said.",
			[]string{""}},
		{"ProxyBeforeAnOfChainSpeaksNotTheNameAtItsEnd", "A spokesman for the Chair of the Joint Chiefs of Staff Dan Caine said: “No comment.”\n" +
			"Neighbours of the Chair of the Joint Chiefs of Staff Dan Caine said: “He is quiet.”\n" +
			"Lawyers for the singer Sean Combs said: “He is innocent.” The spokesman of the Minister for Housing, Communities and Local Government Angela Rayner said: “No.”\n" +
			"Spokesman for Essex, Kent and Sussex Police Mark Jones said: “Stay indoors.” The lawyer for Tom Hale, Sarah Lane, said: “He is innocent.”\n" +
			"Friends of the Earth said: “This is a disaster.”",
			[]string{"", "", "", "", "Mark Jones", "Sarah Lane", "Friends of the Earth"}},
		{"NameInABodysClauseIsWhomItIsAbout", "Police, who questioned the suspect, Tom Hale, have said: “He is helping us.”\n" +
			"The council, responding to Anna Reid, 52, has said: “We will look again.” The firm, which sacked Ben Ortiz, 44, would only say: “He left.”\n" +
			"Rovers, managed by Kate Dunn, 45, have said: “We are ready.” The club, after talks with Ben Ortiz, 44, was clear: “He stays.”\n" +
			"The mayor of London, Sadiq Khan, has said: “We will act.” Labour's deputy leader, Angela Rayner, 44, was blunt: “No.”",
			[]string{"", "", "", "", "", "Sadiq Khan", "Angela Rayner"}},
		{"NameInABodysClauseWithAHelpingVerbPoliceAskedAbout", "Police, asked about Tom Hale, 34, would only say: “Enquiries continue.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbPoliceSearching", "Police, searching for Tom Hale, 34, have said: “Do not approach him.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbSchoolExpelled", "The school, which expelled Sam Lee, 15, would say only: “We followed our policy.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbTescoEmploys", "Tesco, which employs Sarah Cole, 41, has said: “She is on leave.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbHomeOffice", "The Home Office, when asked about Ahmed Ali, 29, would only say: “We do not comment on individual cases.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbLandlord", "The landlord, who evicted Sarah Cole, 41, could only say: “Rent was owed.”",
			[]string{""}},
		{"NameInABodysClauseWithAHelpingVerbHospital", "The hospital, which treated Tom Hale, 34, would say only: “He is stable.”",
			[]string{""}},
		{"PronounAfterADescribedSubjectIsNotTheNamedOneBefore", "Mira Holm said the road would reopen. A spokeswoman for the council said the repairs were late. “It will take months,” she added.",
			[]string{""}},
		{"PronounAfterADescribedSpeakerIsNotTheNamedOneBefore", "“We are ready,” said Mira Holm. “Not yet,” said a spokeswoman for the council. “When?” she asked. “Soon,” she said.",
			[]string{"Mira Holm", "a spokeswoman", "", ""}},
		{"PronounAfterADescribedSubjectWithAnotherVerb", "“We are ready,” said Kai Lund. A police officer at the scene disagreed. “Stay away,” he added.",
			[]string{"Kai Lund", ""}},
		{"PronounAfterADescribedPersonOfTheOtherSexIsTheNamedOne", "“We are ready,” said Mira Holm. A spokesman for the council disagreed. “We are,” she added.",
			[]string{"Mira Holm", "Mira Holm"}},
		{"PronounAfterANamedSpeakerAfterADescribedOne", "A spokeswoman for the council said the repairs were late. Mira Holm said: “We are ready.” “Truly,” she added.",
			[]string{"Mira Holm", "Mira Holm"}},
		{"DescribedAttributionWithAPrepositionIsNoFollowOn", "“We are ready,” said Mira Holm. “Not yet,” a spokeswoman for the council said. “Never,” a man in the crowd shouted.",
			[]string{"Mira Holm", "", ""}},
		{"QuoteAfterTheSpeakersActionIsTheirs", "Anna Lindqvist has run the mill for forty years. Lindqvist laughed. “Never.” “Not once.”\n" +
			"“It will close,” said Kai Lund. Lindqvist shrugged. “Who knows?”\nLindqvist turned to the window. “It was all fields then.”\n" +
			"Mira Holm only smiled. “We will see.”\nLindqvist paused. Then Kai Lund spoke. “No.”\nLindqvist turned to Kai Lund. “Go.”\n" +
			"The old man laughed. “Never.”\nLindqvist laughed at the idea that the mill would close, and the men in the yard did too. “Never.”",
			[]string{"Lindqvist", "Lindqvist", "Kai Lund", "Lindqvist", "Lindqvist", "Mira Holm", "", "", "", ""}},
		{"TranscriptOfUnquotedLinesFindsNoQuotes", "Interviewer: Why now?\nSmith: Because nobody else would.\nQ: What was hardest?\nA: The budget. We cut what we could.",
			nil},
		{"TranscriptWithUnquotedQuestionsCreditsNobody", "INTERVIEWER: Why now?\nSMITH: “Because nobody else would.”\nINTERVIEWER: And the money?\nSMITH: “We found it.”\nQ: What was hardest?\nA: “The budget.”",
			[]string{"", "", ""}},
		{"HansardSeatAndPartyInBracketsDescribeTheName", "The Speaker, Sir Lindsay Hoyle, intervened. “Order!” he said.\n" +
			"Sir Edward Leigh (Gainsborough) (Con) asked whether the Minister had read the report. “Has she read it, or not?” he asked.\n" +
			"The Minister for Energy Security (Sarah Jones) said: “I have read every page.”\n" +
			"Wera Hobhouse (Bath) (LD) said: “Shame.” Rachael Maskell (York Central) (Lab/Co-op) said: “Never.”",
			[]string{"Lindsay Hoyle", "Edward Leigh", "Sarah Jones", "Wera Hobhouse", "Rachael Maskell"}},
		{"PlaceOfADescribedSpeakerIsNoSpeaker", "A Western diplomat in Kyiv, who asked not to be named, said: “The next weeks decide it.”\n" +
			"The nurse at St Mary's, who has worked there for 30 years, said: “We are exhausted.”\n" +
			"The minister raised it with Vance, who replied: “Leave it with me.” Kai Lund, who lives in Leeds, said: “Fine.”",
			[]string{"", "", "Vance", "Kai Lund"}},
		{"CapitalsBeforeAGroupOfPeopleNameNobody", "Two US officials, speaking on condition of anonymity, said the strike had hit “a weapons depot.” “It was a legitimate target,” one of them said.\n" +
			"Israeli officials said: “It was a depot.” Several Western diplomats, who asked not to be named, said: “It was not.”\n" +
			"Two officials said: “It was a depot.” Citi analysts said in a note: “Risks are to the downside.”",
			[]string{"", "", "", "", "", "Citi"}},
		{"QuoteAfterTheSpeakersActionAfterAnOpeningClause", "Asked whether she would stand again, Ms Platt laughed. 'Ask me in June.'\n" +
			"After a long pause, Lindqvist nodded. “Yes.”\nKai Lund said the plan was late, and Mira Holm laughed. “Never.”",
			[]string{"Platt", "Lindqvist", ""}},
		{"OccupationOpeningASentenceIsNoPartOfTheName", "Farmer Gwen Pritchard, 63, said: “It is the worst I have seen.” Teacher Tom Hale said: “The children were brave.”\n" +
			"Driver Sam Cole said: “I saw nothing.” Student Ellie Park told the BBC: “It was chaos.” “We were trapped,” said nurse Ann Bell.",
			[]string{"Gwen Pritchard", "Tom Hale", "Sam Cole", "Ellie Park", "Ann Bell"}},
		{"PronounAfterADescribedSpeakerIsNeverTheNameBefore", "Mira Holm was taken to hospital. A police officer said she had been hit by a car. “I don't remember anything,” she said.\n" +
			"Kai Lund was arrested in May. A neighbour said he was quiet. “I did nothing wrong,” he said.\n" +
			"Ann Bell was treated in hospital. A spokeswoman for the hospital said she was stable. “I am fine,” she said.",
			[]string{"", "", ""}},
		{"PronounAfterANameWithAnUnknownVerbIsNotTheNameBefore", "Rishi Sunak told the Commons: “We will deliver.” Keir Starmer hit back. “He has delivered nothing,” he said.\n" +
			"Erling Haaland scored twice. Real Madrid won 3-1. “It was a good night,” he said.",
			[]string{"Rishi Sunak", "", "Erling Haaland"}},
		{"GestureOfATeamCreditsNobody", "Arsenal turned it around in the second half. “We never gave up.”\n" +
			"Manchester United hesitated. “We were not ready.”\nLindqvist turned away. “No.”\nLindqvist turned towards the sea. “It was all fields.”\n" +
			"Bristol Rovers shrugged. “It happens.”\nLindqvist turned it over. “Maybe.”\nLindqvist turned. “Why?”\n" +
			"Lindqvist turned round. “Go.”\nLindqvist turned slowly. “Wait.”\nThe club turned a profit. “Good year.”\n" +
			"Bank of England Governor Andrew Bailey paused. “Rates will fall.”",
			[]string{"", "", "Lindqvist", "Lindqvist", "", "", "Lindqvist", "Lindqvist", "Lindqvist", "", "Andrew Bailey"}},
		{"AmpersandBetweenCapitalsIsOneName", "AT&T said: “We will appeal.” “Prices rise,” H&M said. P&O said it was “sorry.” “We are proud,” said M&S. S&P Global said: “Risks remain.” Johnson & Johnson said: “We disagree.”",
			[]string{"AT&T", "H&M", "P&O", "M&S", "S&P Global", "Johnson & Johnson"}},
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
