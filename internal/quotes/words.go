package quotes

// wordClass is what the heuristics know about a word, as a set of bits: "said" is a speech verb,
// "to" both a preposition and the second word of "according to". A word is looked up once, as it
// is read, lowercased and without a final full stop.
type wordClass uint32

// The classes of words, one bit each.
const (
	speechWord wordClass = 1 << iota
	helperVerb
	fillerWord
	pronounWord
	stopWord
	titleWord
	prepositionWord
	particleWord
	elisionWord
	accordingWord // the "according" of "according to", which credits the name after it
	toWord        // the "to" of "according to"
	possessiveWord
	titleCue       // a word that introduces the name of a work, a sign or a slogan
	termCue        // a word that introduces a word used as a word, or a scare quote
	determinerWord // a word that opens a noun phrase: the hospital, its owner
	trailingSpeech // a speech verb only in the attribution after a quote: “…,” warns chef Ana Lopes
	documentWord   // a document that reports words, as a statement or a report does
	lyNoun         // a noun ending in -ly, which is no adverb: family, assembly
	joinerWord     // the "of" or "for" inside a name: Bank of England, Transport for Wales
	utteranceWord  // what someone says, whose owner is its speaker: her answer, his advice
	bodyWord       // the first word of a body's name that "of" or "for" runs on: Bank of England
	postNominal    // letters a member writes after the name as well as before it: Jo Cox MP
	pastWord       // a verb's irregular past, which a subject comes before as it does before -ed: gave, spoke
	quantifierWord // a word for some of a group, which opens a sentence or a name: Others, All Saints
	firmWord       // a word that ends a team's or a firm's name: Manchester United, Acme Ltd
	groupWord      // a word for more than one person, or many taken as one: two, men, the crew
	proxyWord      // a word for those who speak for or of a person: a spokesman for, neighbours of
	afterNounWord  // an adjective that follows the person it describes, before a preposition: familiar with
)

// lexicon maps each known word to its classes. The lists are short on purpose: a word missing
// here costs a guess, a wrong word here costs wrong guesses everywhere.
var lexicon = buildLexicon(map[wordClass][]string{
	// Speech verbs credit words to a speaker: "said Rosa Delgado", "Ellery told
	// reporters", "Anna Kelly praised the …".
	speechWord: {
		"said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
		"asked", "asks", "declared", "declares", "declaring", "stated", "states", "wrote",
		"writes", "replied", "answered", "explained", "noted", "insisted", "argued", "warned",
		"urged", "claimed", "announced", "responded", "remarked", "recalled", "acknowledged",
		"admitted", "conceded", "emphasized", "emphasised", "stressed", "praised", "called",
		"described", "tweeted", "posted", "shouted", "testified", "confirmed", "denied", "joked",
		"continued", "fumed", "quipped", "vowed", "complained", "cautioned",
		"retorted", "reiterated", "yelled", "screamed", "shrieked", "whispered", "muttered",
		"exclaimed", "pleaded", "begged",
	},
	// Features write speech verbs in the present ("warns chef Ana Lopes"). These, and verbs as
	// often used of things or play (boasted, countered), are as often ordinary verbs and nouns
	// before a quote (The hotel boasts a “world-class” spa, Toyota recalls 1m cars over “faulty”
	// airbags, Jones countered with a “cheeky” chip), so they credit a speaker only in the
	// attribution that follows a quote. So do the verbs that say how words were said, or that
	// a speaker went along with others' (“Never,” she laughed; “Absolutely,” Yusuf agreed), which
	// before a quote are as often whatever else the speaker did (the board agreed a “reset”).
	trailingSpeech: {
		"warns", "explains", "insists", "argues", "recalls", "admits", "jokes", "replies", "claims",
		"concedes", "urges", "quips", "vows", "complains", "boasts", "boasted", "countered",
		"agreed", "laughed", "sighed", "snapped", "observed", "suggested", "predicted", "mused",
	},
	// Helping verbs may stand between a name and its verb ("Delgado has said"); each also shows
	// that the name before it is a sentence's subject.
	helperVerb: {
		"has", "have", "had", "is", "was", "were", "will", "would", "could", "can", "did", "does",
		"may", "might", "must", "should",
	},
	// Fillers are the adverbs that may stand between a name and its verb ("Delgado also said").
	// Other adverbs ending in -ly are fillers too.
	fillerWord: {"also", "later", "then", "once", "again", "still", "never", "often", "soon"},
	// Pronouns are resolved to the most recent name; "they" and "we" are left alone because they
	// more often stand for a group than for one speaker.
	pronounWord: {"he", "she"},
	// Stopwords are capitalized at the start of a sentence without being names, so they are
	// dropped from the front of a run of capitalized words.
	stopWord: {
		"the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "of", "to", "and", "or",
		"but", "yet", "so", "if", "as", "when", "while", "after", "before", "since", "then",
		"there", "here", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
		"i", "you", "his", "her", "their", "our", "my", "your", "however", "meanwhile", "still",
		"also", "although", "though", "because", "during", "despite", "last", "next", "today",
		"yesterday", "tomorrow", "according", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "what", "who", "whom", "whose", "which", "where", "why",
		"how", "later", "earlier", "afterwards", "afterward", "separately", "finally", "instead",
		"now", "elsewhere", "similarly", "likewise",
	},
	// Quantifiers open a sentence capitalized like a name (Others said:, Both said:, Many Tory MPs
	// said), yet open names too (All Saints Church, Many Hands Charity): see credit.
	quantifierWord: {
		"another", "others", "several", "both", "each", "either", "neither", "many", "some", "most",
		"all", "none", "few",
	},
	// Titles are the capitalized roles written before a name ("Mexican President Claudia
	// Sheinbaum"); everything up to the last of them is dropped from the name.
	titleWord: {
		"president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep",
		"representative", "congressman", "congresswoman", "governor", "gov", "mayor", "mr", "mrs",
		"ms", "dr", "prof", "professor", "judge", "justice", "general", "gen", "chancellor",
		"chief", "director", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman",
		"chair", "ceo", "king", "queen", "prince", "princess", "pope", "commissioner",
		"ambassador", "officer", "sheriff", "coach", "captain", "capt", "lt", "sgt", "col", "adm",
		"rev", "sir", "dame", "lord", "lady", "deputy", "press", "attorney", "detective",
		"inspector", "pastor", "rabbi", "imam", "state", "mp", "mep", "msp", "councillor",
		"councilor", "cllr", "alderman", "assemblyman", "assemblywoman", "executive", "constable",
		"superintendent", "commander", "leader", "det", "insp", "supt", "cpl", "pte", "maj",
		"brig", "cmdr", "recorder", "prosecutor", "resident", "witness", "neighbour", "neighbor",
		"shopper", "passenger", "survivor", "pensioner", "headteacher", "striker", "midfielder",
		"goalkeeper", "owner", "farmer", "teacher", "nurse", "driver", "student", "volunteer",
		"shopkeeper", "landlord", "campaigner", "fisherman", "paramedic", "parent", "mother",
		"father", "grandmother", "grandfather", "voter", "commuter", "customer", "cyclist",
		"motorist", "homeowner", "businessman", "businesswoman", "trader", "economist",
		"historian", "author", "journalist", "organiser", "organizer", "chef", "actor", "actress",
		"photographer", "lecturer", "defender", "jockey", "solicitor", "barrister", "vicar",
		"lawmaker", "activist", "founder", "researcher", "scientist", "engineer", "firefighter",
		"pilot", "critic", "novelist", "poet", "playwright", "composer", "conductor",
		"artist", "curator", "designer", "architect", "presenter", "broadcaster", "comedian",
		"virologist", "epidemiologist", "physicist", "biologist", "psychologist", "surgeon",
		"referee", "umpire", "forecaster", "meteorologist",
	},
	// Prepositions end the name after a speech verb ("said Kelly on Tuesday") and show that a name
	// after them is not a sentence's subject ("relations with Mexico improved").
	prepositionWord: {
		"to", "of", "in", "on", "at", "by", "for", "from", "with", "about", "against", "into",
		"over", "under", "between", "than", "like", "during", "after", "before", "since",
		"without", "toward", "towards", "among", "across", "through", "via", "per", "including",
		"aboard", "amid", "outside", "inside", "near", "around", "within", "beyond",
	},
	// Particles join the parts of a name in lowercase: Rosa de la Cruz, Ludwig van Beethoven, Erik
	// ten Hag.
	particleWord: {
		"de", "la", "del", "da", "di", "do", "dos", "das", "van", "von", "der", "den", "bin", "al",
		"le", "du", "los", "las", "della", "delle", "degli", "dei", "zu", "ter", "ten",
	},
	// Elisions are the words English and Dutch write with a leading apostrophe. A mark before one
	// of them is an apostrophe even where a quotation could open ('Tis the season, rock 'n roll,
	// 's Avonds, 's-Hertogenbosch, 't Hooft).
	elisionWord: {"em", "n", "tis", "twas", "til", "bout", "cause", "nuff", "s", "t"},
	// Joiners make one name of the capitalized words on each side of them when the first is a
	// single word: the Bank of England, Transport for Wales, Secretary of State for Health.
	// Post-nominals are the titles written after a name as well as before it (Jess Phillips MP,
	// Local MP Daniel Moor), or after a party with a determiner for a member left unnamed (one
	// Conservative MP said), and the letters of counsel, written after a name only (Simon Clegg
	// KC), which no party comes before.
	postNominal: {"mp", "mep", "msp", "kc", "qc"},
	joinerWord:  {"of", "for"},
	// Irregular pasts are a subject's verb as a verb in -ed is (Vance gave evidence, Reid spoke
	// to us). Those spelt as their present (put, set, cut, let) or as a common noun or adjective
	// (left, saw, felt) are not here.
	pastWord: {
		"gave", "spoke", "went", "came", "took", "made", "got", "found", "met", "led", "won",
		"lost", "held", "kept", "ran", "sat", "stood", "began", "became", "brought", "bought",
		"knew", "thought", "heard", "paid", "sent", "spent", "built", "fell", "wore", "drove",
		"flew", "grew", "threw", "chose", "broke", "taught", "caught", "fought", "sought",
		"forgot", "understood", "meant", "rang", "swam", "woke", "hid", "shook", "struck", "rose",
	},
	// Bodies are named by a word that "of" or "for" runs on (the Bank of England, Transport for
	// Wales, Friends of the Earth); a surname before them is a person's, and the words after it
	// are whom or what they spoke of (said Guardiola of Haaland, said Kane for England).
	bodyWord: {
		"bank", "transport", "friends", "university", "college", "school", "institute", "department",
		"ministry", "office", "council", "house", "chamber", "board", "court", "church", "museum",
		"society", "league", "association", "federation", "union", "commission", "committee",
		"agency", "trust", "foundation", "fund", "academy", "centre", "center", "bureau", "port",
		"city", "county", "borough", "republic", "kingdom", "people", "save", "doctors", "campaign",
		"group", "company", "club", "police", "service", "parliament", "assembly", "region",
	},
	// Firms' words end the names of teams and companies (Manchester United, Bristol Rovers, Acme
	// Ltd), which win, lose and make things as people do, but are nobody a pronoun stands for.
	firmWord: {
		"united", "rovers", "athletic", "wanderers", "albion", "rangers", "hotspur", "villa",
		"town", "fc", "afc", "inc", "ltd", "plc", "corp", "airways", "airlines", "motors",
		"electric", "mills", "dynamics", "foods",
	},
	// Groups are what a they may stand for rather than one person named before it: a number,
	// a plural not spelt with -s, a word for many people taken as one, a plural pronoun (Jamie
	// Lee was attacked by two men, Sam Fisher was signed by the club, a couple walking their dog).
	groupWord: {
		"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
		"hundreds", "thousands", "men", "women", "people", "children", "police", "family", "crew",
		"staff", "jury", "team", "council", "band", "club", "crowd", "couple", "board", "coastguard",
		"squad", "audience", "public", "government", "committee", "company", "group", "gang",
		"party", "choir", "army", "their", "them", "themselves", "we", "us", "our",
	},
	// Proxies speak for a person or of one, whose name an "of" or "for" puts after them: a
	// spokesman for the Chair of the Joint Chiefs of Staff Dan Caine, neighbours of Dan Caine,
	// the mother of striker Marcus Rashford. The proxies speak, not the one named.
	proxyWord: {
		"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
		"neighbours", "neighbors", "friends", "parents", "lawyers", "lawyer", "aides", "aide",
		"relatives", "family", "supporters", "allies", "critics", "opponents", "fans", "advisers",
		"colleagues", "mother", "father", "son", "daughter", "brother", "sister", "wife",
		"husband", "widow", "children", "killer", "attacker",
	},
	accordingWord: {"according"},
	toWord:        {"to"},
	// Possessive pronouns stand for the speaker in a lead ending with a colon: "Her message was
	// simple: …".
	possessiveWord: {"his", "her"},
	// Utterances are the things said or written that a possessive pronoun before a colon owns
	// (His answer was short:, His letter read:); with the documents and the words a term cue
	// names, they are the only things whose owner the pronoun makes the speaker.
	utteranceWord: {
		"answer", "answers", "reply", "replies", "response", "responses", "advice", "view", "views",
		"warning", "warnings", "plea", "point", "comment", "comments", "reaction", "retort",
		"explanation", "excuse", "argument", "request", "demand", "demands", "promise", "pledge",
		"vow", "prediction", "assessment", "conclusion", "mantra", "motto", "philosophy", "pitch",
		"take", "thoughts", "opinion", "apology", "verdict", "remark", "remarks", "speech", "toast",
		"farewell", "greeting", "instruction", "instructions", "complaint", "defence", "defense",
		"question", "offer", "joke", "boast", "summary", "reasoning", "thought", "letter", "letters",
		"email", "emails", "tweet", "tweets", "memo", "memos", "note", "notes",
	},
	// Cues stand right before the opening mark: the sign read “Closed”, the so-called “reform”.
	// Things written up for all to read, as signs and labels are, and written messages say words
	// but speak for nobody (the placard said, said the note pinned to the till, the menu says, the
	// email said): whose words they carry is for the copy to say.
	titleCue: {
		"titled", "entitled", "sign", "signs", "banner", "banners", "slogan", "slogans", "motto",
		"note", "notes", "notice", "notices", "placard", "placards", "poster", "posters", "plaque",
		"plaques", "leaflet", "leaflets", "flyer", "flyers", "caption", "captions", "inscription",
		"graffiti", "billboard", "billboards", "menu", "menus", "ticket", "tickets", "sticker",
		"stickers", "packet", "packets", "packaging", "brochure", "brochures", "email", "emails",
		"tweet", "tweets", "memo", "memos", "letter", "letters", "advert", "adverts",
		"advertisement", "petition", "petitions", "tagline", "website", "chalkboard", "blackboard",
		"screen", "screens",
		"headline", "hashtag", "book", "novel", "film", "movie", "song", "album", "show", "series",
		"play", "poem", "read", "reads", "reading", "chanting", "chanted",
	},
	// Documents report or lay down words that a body issued, found or agreed (the statement said,
	// said a report from the trust, the law states, the message said), and devices, figures and
	// printed things show them (said the satnav, the figures say, the bottle says): like a sign or
	// a memo they speak for nobody, and whose words they carry is for the copy to say. They are no
	// title cue: the school's statement “…” is still speech.
	documentWord: {
		"statement", "statements", "report", "reports", "release", "study", "studies", "survey",
		"surveys", "document", "documents", "filing", "filings", "article", "articles",
		"editorial", "ruling", "judgment", "judgement", "verdict", "law", "laws", "bill", "bills",
		"act", "treaty", "contract", "agreement", "motion", "plan", "plans", "policy", "guidance",
		"rule", "rules", "manifesto", "forecast", "warrant", "obituary", "citation", "minutes",
		"page", "message", "messages", "text", "texts", "voicemail", "card", "cards",
		"invitation", "question", "questions", "ballot", "newsletter", "bulletin", "update", "updates",
		"notification", "alert", "alerts", "announcement", "blog", "post", "posts", "lyrics",
		"lyric", "chorus", "verse", "script", "manual", "instructions", "constitution", "map",
		"receipt", "figures", "data", "numbers", "statistics", "stats", "satnav", "app", "clock",
		"scoreboard", "display", "box", "bottle", "tin", "jar", "bag", "tag",
		"mug", "cake", "tattoo", "headstone", "gravestone", "certificate", "form",
		"indictment", "indictments", "affidavit", "affidavits", "lawsuit", "lawsuits",
		"transcript", "transcripts", "submission", "submissions", "dossier", "dossiers",
		"memorandum", "complaint", "complaints",
	},
	// Nouns in -ly are no adverbs to pass over between a name and its verb: the victim’s family
	// said is the family's words, not the victim's.
	// Some adjectives follow the person they describe and open a phrase that says what the
	// person knows or is near to: an official familiar with the talks, a source close to him.
	afterNounWord: {"familiar", "close", "closer", "knowledgeable", "privy", "loyal", "sympathetic", "opposed", "aware"},
	lyNoun:        {"family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "bully", "reply"},
	// Determiners open the body that speaks after a quote ("the hospital said"); a conjunction or a
	// pronoun there opens another clause ("and he said"), which names nobody.
	determinerWord: {
		"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
		"those",
	},
	termCue: {
		"so-called", "dubbed", "termed", "word", "words", "term", "phrase", "label", "labeled",
		"labelled", "labeling", "labelling", "nicknamed", "branded",
	},
})

// buildLexicon merges word lists into one table, so that reading a word costs one lookup.
func buildLexicon(lists map[wordClass][]string) map[string]wordClass {
	m := make(map[string]wordClass)
	for class, words := range lists {
		for _, w := range words {
			m[w] |= class
		}
	}
	return m
}
