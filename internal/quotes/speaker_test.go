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
		{"ConjunctionAfterQuoteIsNoBody", "Ann Lee said ‘we will win’ and he said ‘no.’",
			[]string{"Ann Lee", "Ann Lee"}},
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
		{"OwnAttributionIsNoFollowOn", "Officials said the ferry was “safe,” he said. “Yes,” said the minister. “No,” the minister said.",
			[]string{"Officials", "", "the minister"}},
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
		{"TranscriptLabels", "The following is a transcript.\nCHAIR: “The committee will come to order.”\nSMITH: “Yes.”\nMAYOR OKAFOR: “It is not cut.” “It is paused.”\nNOTE: The hearing resumed.",
			[]string{"CHAIR", "SMITH", "MAYOR OKAFOR", "MAYOR OKAFOR"}},
		{"TranscriptLabelsOfNamesWithMarks", "DR. O’NEILL: “Next.”\nJEAN-PAUL: “Me.”",
			[]string{"DR. O’NEILL", "JEAN-PAUL"}},
		{"InterviewLabelsBesideQuestions", "Q: Did you expect to win?\nDELGADO: “No.”\nQ: Why not?\nDELGADO: “Nobody did.”",
			[]string{"DELGADO", "DELGADO"}},
		{"TranscriptAttributionWins", "SMITH: “Yes,” Jones said.\nJONES: “No.”",
			[]string{"Jones", "JONES"}},
		{"TranscriptQuoteAfterWordsIsNoLine", "SMITH: Then he said “fine.”\nJONES: “No.”",
			[]string{"", "JONES"}},
		{"LoneLabelIsNoTranscript", "LONDON: “We will not back down.”\nThe vote is on Tuesday.",
			[]string{""}},
		{"OneLabelTwiceIsNoTranscript", "WARSAW: “We are ready.”\nWARSAW: “We are still ready.”",
			[]string{"", ""}},
		{"HeadingLabelsAreNoSpeakers", "UPDATE: “We have a deal.”\nBREAKING: “Talks resume.”\nEDITOR’S NOTE: “Fair” is our word.",
			[]string{"", "", ""}},
		{"SingleLetterLabelsAreNoSpeakers", "Q: “Why?”\nA: “Because.”",
			[]string{"", ""}},
		{"LowercaseOrNumberedLeadsAreNoLabels", "Smith: “Yes.”\nJones: “No.”\n10:30: “Go.”\nBAY 4: “Stop.”",
			[]string{"", "", "", ""}},
		{"LabelTooLongIsNoLabel", "THE CHAIR OF THE COMMITTEE ON WAYS: “Order.”\nSMITH: “Yes.”\nJONES: “No.”",
			[]string{"", "SMITH", "JONES"}},
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
		{"SignIsNoBodyThatSpeaks", "The sign said: “Closed.”",
			[]string{""}},
		{"BodyNamedAfterDeterminerStaysAName", "The Kremlin said: “No comment.”",
			[]string{"Kremlin"}},
		{"AccordingToBefore", "According to Dana Whitfield, the mayor called it “a shambles.”",
			[]string{"Dana Whitfield"}},
		{"AccordingToAfter", "“Nothing moved for a week,” according to Sam Adeyemi.",
			[]string{"Sam Adeyemi"}},
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
