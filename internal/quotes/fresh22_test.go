package quotes_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestFindPairThenQuote: after two people named together as a speech verb's subject (Smith and
// Jones said), a quote credited to them or to a lone pronoun that could be either credits nobody,
// not the one named before them nor the second of them.
func TestFindPairThenQuote(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"PairAfterAName", "Kai Lund said: “A.” “B,” Smith and Jones said.", []string{"Kai Lund", ""}},
		{"PairAfterANameTold", "Kai Lund said: “We will appeal.” “We never met him,” Smith and Jones told the court.", []string{"Kai Lund", ""}},
		{"PronounAfterPair", "Smith and Jones said they would appeal. “C,” he added.", []string{""}},
		{"PronounAfterPairQuoted", "Smith and Jones said: “We are innocent.” “We never met him,” he added.", []string{"", ""}},
		{"FullNamesThenShe", "Mira Holm and Ann Lee said the vote was “rigged”. “We will fight on,” she said.", []string{"", ""}},
		{"OneNamedAfterPairSpeaks", "Smith and Jones said they would appeal. Jones added: “We never met him.”", []string{"Jones"}},
		{"PronounBeforePairStillTheName", "Kai Lund said: “A.” “B,” he added. Smith and Jones said: “C.”", []string{"Kai Lund", "Kai Lund", ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPluralPeopleInAPlace: people described by a plural common noun and a place (Fans in
// Leeds said) are no speaker's name, whatever the noun, as "Officials in Beijing" is not.
func TestFindPluralPeopleInAPlace(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Fans", "Fans in Leeds said the final was “a farce”.", []string{""}},
		{"Supporters", "Supporters in Glasgow said the board had “lost the dressing room”.", []string{""}},
		{"Shoppers", "Shoppers in Bath said the new car park was “a disgrace”.", []string{""}},
		{"Villagers", "Villagers in Kent told the inquiry that the lorries were “relentless”.", []string{""}},
		{"Officials", "Officials in Beijing said the tariffs were “unilateral bullying.”", []string{""}},
		{"Protesters", "Protesters in Paris said the law was “unjust”.", []string{""}},
		{"Migrants", "Migrants in Calais said the camp was “hell”.", []string{""}},
		{"NameInAPlaceStillSpeaks", "Jones in Leeds said the final was “a farce”.", []string{"Jones"}},
		{"SurnameOfAGivenNameStillSpeaks", "Evans in Cardiff said the final was “a farce”.", []string{"Evans"}},
		{"ManyWithNoPlaceStillCredited", "Fans said the final was “a farce”.", []string{"Fans"}},
		{"FirmStillSpeaksForAnalysts", "Analysts at Goldman Sachs said the rally was “overdone”.", []string{"Goldman Sachs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPronounAfterAPossessiveDescription: a person described by whose they are (her
// neighbour, his wife, their lawyer) and not named is a described speaker: a pronoun after them
// stands for them or for nobody, never for a name before. A name given with the description
// (His wife, Ann Lee, said) still speaks.
func TestFindPronounAfterAPossessiveDescription(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"HerNeighbour", "Mira Holm was arrested in May. Her neighbour said she was quiet. “I did nothing wrong,” she said.", []string{""}},
		{"HisWife", "Kai Lund was jailed on Monday. His wife said he was innocent. “We will appeal,” she said.", []string{""}},
		{"TheirLawyer", "Mira Holm and Kai Lund were jailed. Their lawyer said he would appeal. “It is excessive,” he said.", []string{""}},
		{"HerNeighbourQuoted", "Mira Holm was arrested in May. Her neighbour said she was “quiet”. “I did nothing wrong,” she said.", []string{"Her neighbour", ""}},
		{"SaidHisWife", "Kai Lund was jailed. “He is innocent,” said his wife, who said she had waited years. “We will appeal,” she said.", []string{"his wife", ""}},
		{"NamedInCommasStillSpeaks", "Kai Lund was jailed. His wife, Ann Lee, said she was proud of him. “He did well,” she said.", []string{"Ann Lee"}},
		{"NamedAfterStillSpeaks", "Jean Ward spoke first. Her friend Doris Kemp agreed. “Where will we go now?” she asked.", []string{"Doris Kemp"}},
		{"ActedOnHerStillTheName", "Mira Holm was taken to hospital. Her neighbour found her in the road. “I don't remember anything,” she said.", []string{"Mira Holm"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindBareTitleLabel: a line opening on an office alone and a colon, as Hansard writes a
// minister after the first time (The Prime Minister: “…”), credits whom "The Prime Minister
// said: “…”" credits in its place: the holder named before, or nobody.
func TestFindBareTitleLabel(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"HolderNamedBefore", "Home Secretary Yvette Cooper spoke first.\nThe Home Secretary: “We will act.”", []string{"Yvette Cooper"}},
		{"SpeechInTheNextParagraph", "Leader of the House Lucy Powell rose.\nThe Leader of the House:\n“The House will sit on Friday.”", []string{"Lucy Powell"}},
		{"TwoHoldersIsNobody", "Scottish First Minister John Swinney spoke first. Welsh First Minister Eluned Morgan replied.\nThe First Minister: “No.”", []string{""}},
		{"OneWordOffice", "President Donald Trump flew to Paris.\nThe President: “We agreed on nothing.”", []string{"Donald Trump"}},
		{"CapitalsAreATranscriptsLabel", "THE CHAIR OF THE COMMITTEE ON WAYS: “Order.”", []string{""}},
		{"NeverNamedIsNobody", "The Secretary of State: “We will review it.”", []string{""}},
		{"HeadingIsStillNobody", "Update (10am): “We are fixing it.”", []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ title, text string }{
		{"The Home Secretary", "Home Secretary Yvette Cooper spoke first.\n%s “We will act.”"},
		{"The Prime Minister", "The Prime Minister (Keir Starmer): “We inherited it.”\nKemi Badenoch (North West Essex) (Con): “Will he apologise?”\n%s “No.”"},
		{"The First Minister", "Scottish First Minister John Swinney spoke first. Welsh First Minister Eluned Morgan replied.\n%s “No.”"},
		{"The President", "President Donald Trump flew to Paris.\n%s “We agreed on nothing.”"},
		{"The Secretary of State", "%s “We will review it.”"},
	} {
		t.Run("AsSaid", func(t *testing.T) {
			label := fmt.Sprintf(tt.text, tt.title+":")
			said := fmt.Sprintf(tt.text, tt.title+" said:")
			if a, b := speakersOf(label), speakersOf(said); !slices.Equal(a, b) {
				t.Errorf("label credits %q, said credits %q\n%s\n%s", a, b, label, said)
			}
		})
	}
}

// TestFindNameLabelAfterItsSpeech: a line opening on a name alone and a colon in mixed case, as
// Hansard writes a member after the label with seat and party (Kemi Badenoch:), credits that
// name when a quote before was credited to it; a name never credited is no label.
func TestFindNameLabelAfterItsSpeech(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"MemberAgain", "Kemi Badenoch (North West Essex) (Con): “Will he apologise?”\nThe Prime Minister (Keir Starmer): “No.”\nKemi Badenoch: “That is a yes, then.”",
			[]string{"Kemi Badenoch", "Keir Starmer", "Kemi Badenoch"}},
		{"NamedBySaid", "Kai Lund said: “We will appeal.”\nKai Lund: “We will win.”", []string{"Kai Lund", "Kai Lund"}},
		{"NeverCreditedIsNobody", "Kai Lund said: “We will appeal.”\nMira Holm: “We will win.”", []string{"Kai Lund", ""}},
		{"AloneIsNobody", "Kai Lund: “We will win.”", []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
