package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindFresh24: people described at, in or from a place, a pronoun after a pair, after people
// speaking to it or after a name in commas before an irregular past, a place of two words before
// a holder's name and a number word before a group, with fresh passages from several genres. The
// speakers were written down before the finder was run on the passages.
func TestFindFresh24(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		// People described and not named at, in or from a place speak, not the place, whose
		// particles are the place's; people named by the word for them at a place (Fans at
		// Anfield) and the analysts a firm's name stands for are credited as before, and so are
		// the people "of" a place, read as one name.
		{"WorkersAtParisDeLaDefense", "Workers at Paris de la Défense said the strike was “necessary”.", []string{""}},
		{"ResidentsFromStoke", "Residents from Stoke said: “We have been forgotten.”", []string{""}},
		{"WorkersFromSaoPaulo", "Workers from Sao Paulo said they were “exhausted”.", []string{""}},
		{"ResidentsAtGrenfellTower", "Residents at Grenfell Tower said the council “ignored” them.", []string{""}},
		{"WorkersOutsideSantaCruz", "Workers outside Santa Cruz de Tenerife said: “We are not paid.”", []string{""}},
		{"TwoWorkersAtParis", "Two workers at Paris de la Défense said the strike was “necessary”.", []string{""}},
		{"WorkersAtThePort", "Workers at the Port of Rotterdam said the strike was “necessary”.", []string{""}},
		{"ResidentsNearSantaCruz", "Residents near Santa Cruz de la Sierra said the fires were “terrifying”.", []string{""}},
		{"FortyResidentsFrom", "40 residents from Stoke said: “We have been forgotten.”", []string{""}},
		{"NurseAtTheRoyalLondon", "A nurse at the Royal London said the ward was “chaos”.", []string{""}},
		{"NamedAtThePortStill", "Ana Costa at the Port of Rotterdam said: “We are ready.”", []string{"Ana Costa"}},
		{"FansAtAnfieldStill", "Fans at Anfield said the atmosphere was “unbelievable”.", []string{"Fans"}},
		{"AnalystsAtFirmStill", "Analysts at Barclays said the results were “solid”.", []string{"Barclays"}},
		{"ResidentsOfRioDeJaneiroOneName", "Residents of Rio de Janeiro said the floods were “the worst in memory”.", []string{"Residents of Rio de Janeiro"}},
		{"NamedWorkerFromPlace", "Ana Costa from Sao Paulo said she was “exhausted”.", []string{"Ana Costa"}},
		// A pair opening a sentence, whatever follows it, leaves a lone pronoun after it to
		// either of the two; a pair the sentence only tells of leaves it to the subject.
		{"PairBothAgedThenHe", "Adams and Rogers, both 19, said nothing. “We are innocent,” he said.", []string{""}},
		{"PairFullNamesAgedThenHe", "Tom Adams and Joe Rogers, both 19, said nothing. “We are innocent,” he said.", []string{""}},
		{"PairChargedThenHe", "Adams and Rogers were charged on Monday. “I am innocent,” he said.", []string{""}},
		{"PairThenSurname", "Adams and Rogers, both 19, said nothing. “We are innocent,” Rogers said later.", []string{"Rogers"}},
		{"PairAsObjectStill", "Judge Ann Moss jailed Adams and Rogers, both 19. “You showed no remorse,” she said.", []string{"Ann Moss"}},
		{"OneAgedThenHe", "Tom Adams, 19, said nothing at first. “I am innocent,” he said.", []string{"Tom Adams"}},
		// A pronoun reads back past every sentence of people speaking to it for whom it stands,
		// however many and whatever comes between.
		{"ToldHimTwice", "Tom Reed said: “We will appeal.” Jo Lee told him to wait. Ann Cole told him to rest. “I will not,” he said.", []string{"Tom Reed", "Tom Reed"}},
		{"ToldHimThrice", "Tom Reed said: “I am fine.” Jo Lee told him to wait. Ann Cole told him to rest. Kai Lund told him to stop. “I will not,” he said.", []string{"Tom Reed", "Tom Reed"}},
		{"AskedHerThrice", "Ann Reed said: “We will appeal.” Jo Lee asked her to wait. Kai Cole urged her to rest. Tom Lund told her to stop. “I will not,” she said.", []string{"Ann Reed", "Ann Reed"}},
		{"ToldHimByRoleThrice", "Tom Reed said: “I am fine.” His coach Jo Lee told him to wait. His wife Ann Cole told him to rest. His agent Kai Lund told him to stop. “I will not,” he said.", []string{"Tom Reed", "Tom Reed"}},
		{"ToldHimThriceBetweenOther", "Tom Reed said: “I am fine.” Jo Lee told him to wait. It was late. Ann Cole told him to rest. The rain fell. Kai Lund told him to stop. “I will not,” he said.", []string{"Tom Reed", "Tom Reed"}},
		// A name between commas after its role, before an irregular past, is the subject a
		// pronoun stands for when its given name tells the pronoun's sex; a team's need not be.
		{"RoleNameSpoke", "The club’s captain, Tom Aske, spoke to reporters. “We lost,” he said.", []string{"Tom Aske"}},
		{"RoleNameGave", "The tug’s skipper, Tom Aske, gave an interview. “The sea was wild,” he said.", []string{"Tom Aske"}},
		{"RoleNameOtherSex", "The club’s captain, Tom Aske, spoke to reporters. “We lost,” she said.", []string{""}},
		{"RoleTeamWon", "Liverpool’s rivals, Real Madrid, won 3-1. “We lost,” he said.", []string{""}},
		{"NameRoleSpoke", "Tom Reed, the lawyer, spoke outside court. “I am sorry,” he said.", []string{"Tom Reed"}},
		{"NameAgedSpoke", "Tom Reed, 45, spoke outside court. “I am sorry,” he said.", []string{"Tom Reed"}},
		{"TeamDescribedWon", "Real Madrid, the champions, won 3-1. “We lost,” he said.", []string{""}},
		{"TheirRoleStillTheOwners", "Claire Ross thanked the firefighters. Their chief, Neil Archer, praised her. “She did everything right,” he said.", []string{""}},
		// A place whose first word is a particle capitalized runs on to the word after it, and
		// the name after the place keeps all its words.
		{"MayorOfDenHaag", "Mayor of Den Haag Jan van Zanen said the city was “safe”.", []string{"Jan van Zanen"}},
		{"MayorOfDenHaagAfter", "“The city is safe,” said Mayor of Den Haag Jan van Zanen.", []string{"Jan van Zanen"}},
		{"PresidentOfFranceDeGaulle", "President of France Charles de Gaulle said: “Europe must stand.”", []string{"Charles de Gaulle"}},
		{"MayorOfRioDeJaneiro", "Mayor of Rio de Janeiro Eduardo Paes said the city was “ready”.", []string{"Eduardo Paes"}},
		{"PresidentOfBrazilLula", "President of Brazil Luiz Inácio Lula da Silva said: “We will not yield.”", []string{"Luiz Inácio Lula da Silva"}},
		{"MayorOfLaPaz", "Mayor of La Paz Iván Arias said the city was “ready”.", []string{"Iván Arias"}},
		{"MayorOfLeHavre", "Mayor of Le Havre Édouard Philippe said: “The port will grow.”", []string{"Édouard Philippe"}},
		{"MayorOfElPaso", "Mayor of El Paso Renard Johnson said the city was “safe”.", []string{"Renard Johnson"}},
		{"MinisterOfNewZealand", "Prime Minister of New Zealand Christopher Luxon said: “We are open.”", []string{"Christopher Luxon"}},
		// Ten is a number before a group, as three is: the group is credited as it is after three.
		// Before one capitalized word and a speech verb it is a name's particle.
		{"TenLabourMPs", "On Tuesday ten Labour MPs said the cuts were “cruel”.", []string{"Labour MPs"}},
		{"ThreeLabourMPs", "On Tuesday three Labour MPs said the cuts were “cruel”.", []string{"Labour MPs"}},
		{"TenHagAfterQuote", "Erik ten Hag arrived late. “We lost,” ten Hag said.", []string{"ten Hag"}},
		{"SaidTenHag", "“We lost,” said ten Hag.", []string{"ten Hag"}},
		{"TenBritonsAfterQuote", "“We are worried,” ten Britons said. “We are scared,” three Britons said.", []string{"Britons", "Britons"}},
		{"TenChelseaPlayers", "Yesterday three Chelsea players said they were “shocked”. Later ten Chelsea players said they were “angry”.", []string{"Chelsea", "Chelsea"}},
		{"TenHagStill", "On Tuesday Erik ten Hag said the team was “tired”.", []string{"Erik ten Hag"}},
		// After a given name, "ten" and the capitalized word after it are the name's whatever
		// follows: a time, a place, another verb.
		{"SaidTenHagOnSunday", "“It was a clear penalty,” said Erik ten Hag on Sunday.", []string{"Erik ten Hag"}},
		{"SaidTenHagAfter", "“It hurts,” said Erik ten Hag after the defeat.", []string{"Erik ten Hag"}},
		{"SaidTenBoomIn", "“I was happy there,” said Corrie ten Boom in 1971.", []string{"Corrie ten Boom"}},
		{"TenHagLaterSaid", "Erik ten Hag later said the squad was “too thin”.", []string{"Erik ten Hag"}},
		{"TenHagHasSaid", "Erik ten Hag has said the squad was “too thin”.", []string{"Erik ten Hag"}},
		{"TenHagAlsoSaid", "Erik ten Hag also said the squad was “too thin”.", []string{"Erik ten Hag"}},
		{"TenHagWasAskedAndSaid", "Erik ten Hag was asked about the squad and said it was “too thin”.", []string{"Erik ten Hag"}},
		{"TenHagArrivedThenHe", "Erik ten Hag arrived at Carrington early. “We go again,” he said.", []string{"Erik ten Hag"}},
		{"TenHagRefusedThenHe", "Erik ten Hag refused to comment. “We go again,” he said.", []string{"Erik ten Hag"}},
		{"TenHagWillHoldThenHe", "Erik ten Hag will hold talks with the board. “We go again,” he said.", []string{"Erik ten Hag"}},
		{"TenHagIsConfidentThenHe", "Erik ten Hag is confident. “We go again,” he said.", []string{"Erik ten Hag"}},
		{"TenHagWatchedThenHe", "Erik ten Hag watched from the stands. “We go again,” he said.", []string{"Erik ten Hag"}},
		{"OvernightTenLabourMPs", "Overnight ten Labour MPs said the cuts were “cruel”.", []string{"Labour MPs"}},
		{"CoachTenHagBelievesThenHe", "Leverkusen head coach Erik ten Hag believes the title is possible. “We go again,” he said.", []string{"Erik ten Hag"}},
		// A count before people at or from a place is no speaker, whatever the number.
		{"TwoStudentsAtUniversity", "Two students at the University of Leeds said: “We feel unsafe.”", []string{""}},
		{"TwelveWorkersAt", "Twelve workers at Port Talbot said: “We feel unsafe.”", []string{""}},
		{"TwentyResidentsFrom", "Twenty residents from Stoke said: “We have been forgotten.”", []string{""}},
		{"FiftyPassengersAt", "Fifty passengers at Gatwick said: “We were stranded.”", []string{""}},
		{"TwelveDigitsWorkersAt", "12 workers at Port Talbot said: “We feel unsafe.”", []string{""}},
		// A number of two words or with a hyphen counts as one does: nobody at a place speaks
		// for them, a count alone names nobody, and a count before a named group stays with it
		// as Ten does. A hyphened age is still a description before a name.
		{"TwentyFiveWorkersAt", "Twenty-five workers at Port Talbot said: “We feel unsafe.”", []string{""}},
		{"ThirtyOneHyphenPassengersAt", "Thirty‑one passengers at Gatwick said: “We were stranded.”", []string{""}},
		{"ThreeHundredResidentsFrom", "Three hundred residents from Stoke said: “We have been forgotten.”", []string{""}},
		{"TwentyFiveWorkersAlone", "Twenty-five workers said: “We feel unsafe.”", []string{""}},
		{"FortyTwoLabourMPs", "Forty-two Labour MPs said the cuts were “cruel”.", []string{"Forty-two Labour MPs"}},
		{"TenLabourMPsStill", "Ten Labour MPs said the cuts were “cruel”.", []string{"Ten Labour MPs"}},
		{"TwentyFiveYearOldStill", "Twenty-five-year-old Ana Costa said: “We are ready.”", []string{"Ana Costa"}},
		{"MumOfTwoStill", "Mum-of-two Kelly Brown said: “We are ready.”", []string{"Kelly Brown"}},
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
