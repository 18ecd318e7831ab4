package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// speakersOf returns the speaker Find credits each quote in text with.
func speakersOf(text string) []string {
	qs, _ := quotes.Find(text)
	got := []string{}
	for _, q := range qs {
		got = append(got, q.Speaker)
	}
	return got
}

// TestFindNameInCommasOwnsItsVerb: a name followed by commas (an age, a role, a clause of "who")
// is the subject of the speech verb after them, and a name opening the words said is what the
// speaker talks about, not who speaks.
func TestFindNameInCommasOwnsItsVerb(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Age", "Lena Park, 45, said Microsoft had been “too slow.”", []string{"Lena Park"}},
		{"Role", "Ben Wood, an analyst, said Apple was “more than a demo.”", []string{"Ben Wood"}},
		{"RoleWithPlace", "Ben Wood, chief analyst at CCS Insight, said Apple needed features that were “more than a demo.”", []string{"Ben Wood"}},
		{"WhoClause", "Lena Park, who runs the bakery, said Tesco was “killing the high street.”", []string{"Lena Park"}},
		{"RoleThenName", "The bakery's owner, Lena Park, said Greggs was “everywhere”.", []string{"Lena Park"}},
		{"SecondSentence", "“Too slow,” said Lena Park, an analyst. Mark Hill, a trader, said Nvidia was “doomed.”", []string{"Lena Park", "Mark Hill"}},
		{"NameAfterVerbStillSpeaks", "“Too slow,” said Lena Park, an analyst.", []string{"Lena Park"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPronounAfterDescribedRelative: a pronoun after an unnamed person described by kinship
// (a mother of three, the victim's father) stands for that person and not for whoever was named
// before, so it credits nobody rather than the wrong name.
func TestFindPronounAfterDescribedRelative(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Mother", "“Fear is doing it,” said Katherine Wells. A mother of three in Seminole, who asked that her name not be used, said she had vaccinated her children. “I was scared,” she said.",
			[]string{"Katherine Wells", ""}},
		{"Father", "“The road is lethal,” said Tom Hale, a councillor. The victim's father said he had asked for a crossing for years. “Nobody listened,” he said.",
			[]string{"Tom Hale", ""}},
		{"Widow", "Police praised the crew. “They did all they could,” said Inspector Ruth Cole. A widow who lives nearby said she heard the crash. “It was like thunder,” she said.",
			[]string{"Ruth Cole", ""}},
		{"Husband", "“Wards are full,” said Dr Anna Reyes. A husband waiting outside said he had been there all night. “I just want news,” he said.",
			[]string{"Anna Reyes", ""}},
		{"NamedStillCredited", "“Wards are full,” said Dr Anna Reyes. She said the night had been long. “I am tired,” she said.",
			[]string{"Anna Reyes", "Anna Reyes"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindRoleBeforeNameIsNoPartOfIt: a capitalized role opening a sentence before a name
// (Parent Lee Barnes said) describes the speaker and is no part of the name a fact-checker
// looks up.
func TestFindRoleBeforeNameIsNoPartOfIt(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Parent", "Parent Lee Barnes, whose two sons attend the school, said the change had been “night and day”.", []string{"Lee Barnes"}},
		{"Voter", "Voter Ann Kerr said: “I have never trusted either of them.”", []string{"Ann Kerr"}},
		{"Commuter", "“The 7.42 is late every day,” said commuter Raj Patel. Commuter Joy Hill agreed: “Every day.”", []string{"Raj Patel", "Joy Hill"}},
		{"Economist", "Economist Sam Field said inflation was “stickier than it looks”.", []string{"Sam Field"}},
		{"Author", "Author Zadie Smith told the festival: “Read everything.”", []string{"Zadie Smith"}},
		{"Firefighter", "Firefighter Dan Cole, 31, said: “The roof went in seconds.”", []string{"Dan Cole"}},
		{"Grandmother", "Grandmother Edna Price, 88, said: “I have seen worse floods.”", []string{"Edna Price"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindUnnamedSources: the unnamed sources of diplomatic and political reporting are
// credited as the copy describes them, "one" as "a" is; a description's phrase of what the
// source knows (familiar with the talks) is no part of it; and "another said" is someone else,
// not the voice of the quote before.
func TestFindUnnamedSources(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"OneOfficialSaidAfter", "“We are not close to a deal,” one senior official said.", []string{"one senior official"}},
		{"SaidOneOfficial", "“There is movement on sanctions,” said one senior official. “None on enrichment.”", []string{"one senior official", "one senior official"}},
		{"SaidOneDiplomat", "“Nobody expects a breakthrough,” said one European diplomat.", []string{"one European diplomat"}},
		{"OneOfficialOpensSentence", "One senior official said: “The gaps are narrower than they look.”", []string{"One senior official"}},
		{"OneOfThemIsNobody", "Two US officials spoke on condition of anonymity. “It was a legitimate target,” one of them said.", []string{""}},
		{"FamiliarWith", "“The gaps are narrower than they look,” said a senior official familiar with the talks.", []string{"a senior official"}},
		{"CloseTo", "“He will not resign,” said a source close to the prime minister.", []string{"a source"}},
		{"KnowledgeableAbout", "“It is not dead,” said a European diplomat knowledgeable about the file.", []string{"a European diplomat"}},
		{"CloseBeforeNoun", "“He was devastated,” said a close friend of the family.", []string{"a close friend"}},
		{"AnotherSaid", "“Chaos,” one witness said. “Total chaos,” another said.", []string{"one witness", ""}},
		{"AnotherAfterName", "“Chaos,” said Ann Lee. “Total chaos,” another added.", []string{"Ann Lee", ""}},
		{"OthersSaid", "“Chaos,” said Ann Lee. “We were fine,” others said.", []string{"Ann Lee", ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindHansardLabels: a line opening on a label as Hansard writes it, in mixed case, credits
// the member named before the seat and party, or the minister in the bracket after the office;
// a bracket after anything else (a heading, a paper and its city) credits nobody.
func TestFindHansardLabels(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"MemberSeatParty", "Kemi Badenoch (North West Essex) (Con): “How many patients waited on trolleys last month?”", []string{"Kemi Badenoch"}},
		{"TitledMember", "Sir Ed Davey (Kingston and Surbiton) (LD): “Will the Prime Minister meet the families?”", []string{"Ed Davey"}},
		{"MemberParty", "Jo Platt (Leigh and Atherton) (Lab/Co-op): “Will the Minister act?”", []string{"Jo Platt"}},
		{"OfficeHolder", "The Prime Minister (Keir Starmer): “We inherited a health service on its knees.”", []string{"Keir Starmer"}},
		{"LongOffice", "The Secretary of State for Health and Social Care (Wes Streeting): “We are fixing it.”", []string{"Wes Streeting"}},
		{"Exchange", "Kemi Badenoch (North West Essex) (Con): “Will he apologise?”\nThe Prime Minister (Keir Starmer): “No.”",
			[]string{"Kemi Badenoch", "Keir Starmer"}},
		{"HeadingIsNobody", "Update (10am): “We are fixing it.”", []string{""}},
		{"PaperAndCityIsNobody", "The Guardian (London): “We are fixing it.”", []string{""}},
		{"NoPartyIsNobody", "Results (provisional): “We are fixing it.”", []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindRoleAndNameInCommas: the commas after a subject may hold a role written before the
// name (Her former assistant, the conductor Marin Alsop, said), and the name says the words.
func TestFindRoleAndNameInCommas(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"DeterminerRole", "Her former assistant, the conductor Marin Alsop, said on Thursday: “Patricia opened doors.”", []string{"Marin Alsop"}},
		{"BareRole", "Her former assistant, conductor Marin Alsop, said: “Patricia opened doors.”", []string{"Marin Alsop"}},
		{"AfterQuote", "“He was kind,” his friend, the actor Tom Hanks, said.", []string{"Tom Hanks"}},
		{"TwoWordRole", "Another, the former pensions minister Douglas Reeve, said afterwards: “I told her.”", []string{"Douglas Reeve"}},
		{"NameAloneStill", "The bakery's owner, Lena Park, said: “We open at six.”", []string{"Lena Park"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPassiveSubjectIsNoSpeaker: the subject of a passive whose agent "by" names is what the
// words are said of, not who says them (Rachel Reeves was accused by Kemi Badenoch of “…”).
func TestFindPassiveSubjectIsNoSpeaker(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"AccusedBy", "Rachel Reeves was accused by Kemi Badenoch of “fiscal vandalism.”", []string{""}},
		{"HasBeenAccusedBy", "Rachel Reeves has been accused by critics of “fiscal vandalism.”", []string{""}},
		{"PraisedBy", "Rachel Reeves was praised by economists for her “prudence”.", []string{""}},
		{"ActiveStillSpeaks", "Rachel Reeves accused Kemi Badenoch of “fiscal vandalism.”", []string{"Rachel Reeves"}},
		{"NotPassive", "Rachel Reeves was speaking by phone when she said: “No.”", []string{"Rachel Reeves"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPronounAfterReportedName: a name inside the words someone reported (The coach said Tom
// Hale had been brilliant) is no antecedent of the pronoun that credits the next quote; the one
// who reported them is, and when that one is unnamed the pronoun credits nobody.
func TestFindPronounAfterReportedName(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"BodyReports", "The coach said Tom Hale had been brilliant. “He never stopped,” he said.", []string{""}},
		{"BodyReportsQuoted", "The manager said Salah was “fit”. “He trained today,” he said.", []string{"The manager", ""}},
		{"NameReports", "Mark Ward said Tom Hale had been “brilliant”. “He never stopped,” he said.", []string{"Mark Ward", "Mark Ward"}},
		{"NameInCommasReports", "Mark Ward, the coach, said Tom Hale had played well. “He never stopped,” he added.", []string{"Mark Ward"}},
		{"PronounReports", "Mark Ward arrived. He said Tom Hale had been brilliant. “He never stopped,” he said.", []string{"Mark Ward"}},
		{"NoNameReported", "Mark Ward said the talks had ended. “We will meet again,” he said.", []string{"Mark Ward"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPeopleInAPlace: people described and not named, in a place (Officials in Beijing said),
// are who speak, and the place names nobody.
func TestFindPeopleInAPlace(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Officials", "Officials in Beijing said the tariffs were “unilateral bullying.”", []string{""}},
		{"Residents", "Residents in Leeds said the service was “a joke”.", []string{""}},
		{"Police", "Police in Kent said the man was “dangerous”.", []string{""}},
		{"FirmStillSpeaksForAnalysts", "Analysts at Goldman Sachs said the rally was “overdone”.", []string{"Goldman Sachs"}},
		{"NamedSpeakerAfter", "Officials in Beijing said the tariffs were unfair. China's foreign ministry spokesperson, Mao Ning, said: “We will respond.”", []string{"Mao Ning"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindSentenceAfterX: "on X." ends a sentence, the platform's name being no initial, so the
// next sentence's name is not run into it (X. Musk).
func TestFindSentenceAfterX(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"PostedOnX", "“This is not over,” Newsom wrote on X. Musk replied: “We'll see.”", []string{"Newsom", "Musk"}},
		{"XThenFullName", "The minister posted a video on X. Mira Holm, her deputy, said: “It was her idea.”", []string{"Mira Holm"}},
		{"InitialStill", "“Fine,” said George W. Bush.", []string{"George W. Bush"}},
		{"InitialsStill", "J. K. Rowling wrote on X: “Never.”", []string{"J. K. Rowling"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindWhomWordsAreToldIsNoSpeaker: the name a speech verb addresses (told the BBC) is no
// subject of the words reported after it (told the BBC prices were “…”).
func TestFindWhomWordsAreToldIsNoSpeaker(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"ToldTheBBC", "Shoppers in Manchester told the BBC prices were “ridiculous”.", []string{""}},
		{"ToldReuters", "Residents in Gaza told Reuters aid was “nowhere”.", []string{""}},
		{"NamedTellerStill", "Ann Lee told the BBC prices were “ridiculous”.", []string{"Ann Lee"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindSourceCloseToANameIsNotThatName: the name a source is close to or familiar with is
// whom the source is near, not the speaker (A source close to Downing Street said).
func TestFindSourceCloseToANameIsNotThatName(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"CloseToPlace", "A source close to Downing Street said the chancellor was “furious”.", []string{""}},
		{"SourcesCloseToPerson", "Sources close to Ann Lee said she was “devastated”.", []string{""}},
		{"FamiliarWithOwner", "A senior official familiar with the Pentagon's thinking said: “No.”", []string{""}},
		{"SpokesmanForStill", "A spokesman for Downing Street said: “No.”", []string{"A spokesman for Downing Street"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindPronounAfterOwnedName: after a name owned by another name (Sarah Jackson's Lady
// Macbeth, Manchester United's Bruno Fernandes) a pronoun may stand for either, the actor or the
// part, the club or the player, and credits nobody; a one-word owner (Labour's Angela Rayner)
// leaves the name alone.
func TestFindPronounAfterOwnedName(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"ActorsPart", "Sarah Jackson's Lady Macbeth is the evening's engine. “I wanted her to be funny,” she told me.", []string{""}},
		{"ClubsPlayer", "Manchester United's Bruno Fernandes scored twice. “It was a good day,” he said.", []string{""}},
		{"PartysMember", "Labour's Angela Rayner spoke first. “We will win,” she said.", []string{"Angela Rayner"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakersOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
