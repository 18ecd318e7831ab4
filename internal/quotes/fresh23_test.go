package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindFresh23: name particles, pairs after an inverted verb or in a relative clause, Hansard's
// labels on a line of their own and people who speak to the earlier speaker, with fresh passages
// from several genres and languages. The speakers were written down before the finder was run on
// the passages.
func TestFindFresh23(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		// A lower-case particle between a given name and a surname belongs to the name.
		{"VanDijk", "Virgil van Dijk said the defeat was “unacceptable”.", []string{"Virgil van Dijk"}},
		{"TenHag", "Erik ten Hag said: “We need more time.”", []string{"Erik ten Hag"}},
		{"DeLa", "“The market is stable,” said Juan de la Cruz, the economist.", []string{"Juan de la Cruz"}},
		{"VanDer", "Frans van der Berg told reporters the dyke would “hold for a century”.", []string{"Frans van der Berg"}},
		{"Von", "Ursula von der Leyen said Europe was “ready to act”.", []string{"Ursula von der Leyen"}},
		{"Bin", "Mohammed bin Salman said the kingdom was “open for business”.", []string{"Mohammed bin Salman"}},
		{"Di", "“It was a fair result,” said Roberto di Matteo.", []string{"Roberto di Matteo"}},
		{"Da", "Luiz Inácio da Silva said: “Brazil is back.”", []string{"Luiz Inácio da Silva"}},
		{"Dos", "Ana dos Santos said the clinic was “overwhelmed”.", []string{"Ana dos Santos"}},
		{"Le", "“We will not give up,” said Marine le Pen.", []string{"Marine le Pen"}},
		// After an inverted verb the particle opens the name; a surname with its particle stands
		// alone, as a surname does.
		{"SaidVanDijk", "“We won,” said van Dijk.", []string{"van Dijk"}},
		{"SaidDeLaCruz", "“Prices will fall,” said de la Cruz, the economist.", []string{"de la Cruz"}},
		{"SaidVonDerLeyenThen", "Ursula von der Leyen arrived in Kyiv. “We stand with you,” said von der Leyen.", []string{"von der Leyen"}},
		{"VanDijkLater", "Virgil van Dijk scored twice. “It was a special night,” van Dijk said.", []string{"van Dijk"}},
		{"VanDerVaartOpensSentence", "Rafael van der Vaart said: “I miss playing.” Van der Vaart, now a pundit, added: “But I love this job.”", []string{"Rafael van der Vaart", "Van der Vaart"}},
		// A place's particle and the word it leads are the place's, before the holder's name.
		{"MayorOfRioDeJaneiro", "Mayor of Rio de Janeiro Eduardo Paes said the city was “ready”.", []string{"Eduardo Paes"}},
		{"GovernorOfSantiagoDeCuba", "Governor of Santiago de Cuba Beatriz Johnson said: “The storm has passed.”", []string{"Beatriz Johnson"}},
		{"PresidentOfFranceDeGaulle", "President of France Charles de Gaulle said Europe must be “independent”.", []string{"Charles de Gaulle"}},
		// A pair after an inverted verb, even with a phrase after it, or subject of a relative
		// clause, is nobody: the two together, neither alone.
		{"InvertedPairJoint", "“We are proud of what we achieved,” said Federer and Nadal in a joint statement.", []string{""}},
		{"InvertedPairAntDec", "“We are gutted,” said Ant and Dec after the final.", []string{""}},
		{"RelativePairWordQuoted", "He took a decision that Smith and Jones said was “brave”.", []string{""}},
		{"ThatPairReports", "The club confirmed that Smith and Jones said they were “very sorry”.", []string{""}},
		{"ThatOneNameStill", "He took a decision that Jones said was “brave”.", []string{"Jones"}},
		{"RelativePair", "It was a decision “that Smith and Jones said was brave”.", []string{""}},
		// Those who speak TO a pronoun of the sex "he" or "she" has are not whom it stands for: the
		// earlier speaker is. Her before a lowercase word owns it and is nobody spoken to.
		{"SonToldHim", "Kai Lund said: “We will appeal.” His son Jack told him to rest. “I will not,” he said.", []string{"Kai Lund", "Kai Lund"}},
		{"PairToldHim", "Kai Lund said: “We will appeal.” Smith and Jones told him to stop. “I will,” he said.", []string{"Kai Lund", "Kai Lund"}},
		{"MusicInterview", "Chris Martin said: “The tour is the biggest yet.” His bandmate Jonny Buckland told him to slow down. “I will not,” he said.", []string{"Chris Martin", "Chris Martin"}},
		{"BusinessTold", "Satya Nadella said: “AI is the new platform.” Analysts told him it was too costly. “They are wrong,” he said.", []string{"Satya Nadella", "Satya Nadella"}},
		{"AideToldHerTo", "Kemi Badenoch said: “We will win.” Her aide Sarah Lee told her to rest. “I am fine,” she said.", []string{"Kemi Badenoch", "Kemi Badenoch"}},
		{"PairWarnedHerThat", "Kemi Badenoch said: “We will win.” Smith and Jones warned her that the polls were bad. “Polls change,” she said.", []string{"Kemi Badenoch", "Kemi Badenoch"}},
		{"SonToldHimNoEarlier", "His son Jack told him to rest. “I will not,” he said.", []string{""}},
		{"SaidHerCoachStillHers", "Emma Raducanu said her coach had told her to relax. “I listened,” she said.", []string{"Emma Raducanu"}},
		// A Hansard label on a line of its own credits the speech on the next, as on the same line;
		// brackets on a heading's line make no label.
		{"HansardOwnLine", "The Prime Minister (Keir Starmer):\n“We will build the homes this country needs.”", []string{"Keir Starmer"}},
		{"HansardOwnLineMember", "Helen Whately (Faversham and Mid Kent) (Con):\n“The waiting lists are longer than ever.”", []string{"Helen Whately"}},
		{"HansardTwoOwnLine", "The Prime Minister (Keir Starmer):\n“We have a plan.”\nKemi Badenoch (North West Essex) (Con):\n“It is not working.”", []string{"Keir Starmer", "Kemi Badenoch"}},
		{"BracketHeadingOwnLine", "Statement (in full):\n“We are devastated by the news.”", []string{""}},
		{"BracketSeatNoPartyOwnLine", "Helen Whately (Faversham and Mid Kent):\n“The waiting lists are longer than ever.”", []string{""}},
		// Fresh passages in several genres.
		{"FootballPresser", "Arne Slot said: “We controlled the game.” Asked about Virgil van Dijk, he added: “He is our leader.”", []string{"Arne Slot", "Arne Slot"}},
		{"DutchPolitics", "Dick Schoof said the coalition was “working”. Geert Wilders disagreed. “It is a failure,” he said.", []string{"Dick Schoof", "Geert Wilders"}},
		{"GermanCourt", "Judge Karl von Hausen said: “The evidence is overwhelming.”", []string{"Karl von Hausen"}},
		{"IrishO", "Fintan O'Toole said the referendum was “a turning point”.", []string{"Fintan O'Toole"}},
		{"ScottishMac", "“We want a fair deal,” said Angus MacNeil.", []string{"Angus MacNeil"}},
		{"ArabicAl", "Faisal al-Qasimi said the talks were “constructive”.", []string{"Faisal al-Qasimi"}},
		{"PortugueseDos", "José dos Santos told the court: “I was not there.”", []string{"José dos Santos"}},
		{"ItalianDe", "“The budget is balanced,” said Paolo de Luca, the finance minister.", []string{"Paolo de Luca"}},
		{"SpanishDel", "Carlos del Río said the vaccine was “safe”.", []string{"Carlos del Río"}},
		{"BelgianVan", "Coach Domenico Tedesco praised Jan Vertonghen. “He is a legend,” said Kevin de Bruyne.", []string{"Kevin de Bruyne"}},
		{"ArtReview", "The curator, Anna van Gogh, said the exhibition was “a revelation”.", []string{"Anna van Gogh"}},
		{"TennisPair", "“We played our best,” said Murray and Salisbury after the doubles final.", []string{""}},
		{"Obituary", "Her daughter, Marie de Groot, said she was “a force of nature”.", []string{"Marie de Groot"}},
		{"Science", "“The data is clear,” said Dr Hanna bin Yusuf, lead author of the study.", []string{"Hanna bin Yusuf"}},
		{"RelativeSaidToSon", "Kai Lund said: “We will appeal.” His daughter told reporters she was proud. “He is innocent,” she said.", []string{"Kai Lund", ""}},
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
