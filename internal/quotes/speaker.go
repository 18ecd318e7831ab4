package quotes

import (
	"slices"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/sentences"
)

// The windows of text read around a quote for its speaker, in runes. Attribution sits next to
// the quote; bounding the windows keeps Find linear however long a paragraph runs.
const (
	leadWindow = 400
	tailWindow = 200
)

// credit is who a passage names as a quote's source: a name, or a pronoun still to resolve. It
// holds the name's place rather than the name, so that the many names read and passed over on
// the way cost no string.
type credit struct {
	start, end int // rune span of the name or the pronoun
	pronoun    bool
	body       bool // a body that speaks (the hospital said), which no pronoun stands for
	unwritten  bool // a title the text never wrote with a name (the Prince of Wales added)
}

// found reports whether the passage named anyone.
func (c credit) found() bool { return c.end > c.start }

// name returns the name c credits.
func (a *attributor) name(c credit) string { return string(a.rs[c.start:c.end]) }

// speaker guesses who said qs[i], whose earlier quotes already have their speakers. The
// attribution right after the quote (“…,” said Rosa Delgado) wins, except that a quote ending its
// sentence with a full stop belongs to the sentence before it when that sentence names someone
// (Delgado said: “No.” Trump disagreed.). A quote that credits nobody goes on in the voice of the
// quote before it when it shares that quote's sentence or opens the next one in its paragraph
// (“A,” Ortiz said. “B.”), unless an attribution of its own follows it, naming no one the finder
// knows for a name (“Yes,” said one of them.). Failing all that, a quote of spoken words opening
// a transcript's line belongs to the speaker its label names (SMITH: “Yes.”).
//
// The words read around a quote reach back no further than the quote before it and on no further
// than the second quote after it, so that however densely a text is quoted each rune is read a
// bounded number of times.
func (a *attributor) speaker(qs []Quote, i int) string {
	q, floor, ceiling := qs[i], 0, len(a.rs)
	var prev *Quote
	if i > 0 {
		prev = &qs[i-1]
		floor = prev.Start
	}
	if i+2 < len(qs) {
		ceiling = qs[i+2].Start
	}
	c, own := a.after(q, ceiling)
	goesOn := own && c.found() && a.verbGoesOn(a.toks)
	if own && endsWithTerminal(q.Text) && a.startsCapital(q.End, ceiling) && i+1 < len(qs) && a.sentenceStart(qs[i+1].Start, q.End) <= c.start &&
		!(a.opensSentence(q.Start) && (prev == nil || prev.Paragraph != q.Paragraph)) {
		// … the government is “ready to help.” Daniel Moor said: “Pumps would be better.”: the
		// attribution opens the sentence of the quote after, whose words it introduces. A quote
		// that is a whole sentence of its own, the first of its paragraph, is the same speaker's
		// first words (“Stop!” Ian Cross shouted: “Get back!”); after another quote it goes on
		// in that one's voice (“Go,” said Ada. “Now.” Ben said: “Wait.”).
		c, own = credit{}, false
	}
	if own && endsSentence(q.Text) && a.startsCapital(q.End, ceiling) {
		// “We have the votes.” According to aides, …: a full stop ended the quote's sentence, so
		// the attribution opening the next one is not the quote's own.
		own = false
	}
	before, start := a.before(q, floor)
	shared := prev != nil && start == floor // The sentence holds the quote before.
	if !c.found() || before.found() && (endsSentence(q.Text) || goesOn && !a.opensSentence(q.Start)) {
		c = before
	}
	if !c.found() && !own {
		c = a.actedBefore(q, prev)
	}
	switch {
	case c.pronoun:
		return a.resolve(c, q.Text)
	case c.unwritten:
		if prev != nil && prev.Paragraph == q.Paragraph && a.opensSentence(q.Start) && a.soleSpeaker(qs, i) &&
			a.titledBefore(prev.Speaker, c, prev.Start-leadWindow, q.Start) {
			return prev.Speaker // “…,” Prince William said. “…,” the Prince of Wales added.
		}
		return a.label(q)
	case c.found():
		if c.body {
			c = a.ageHolder(c) // the 21-year-old said, after Emma Raducanu, 21,
		}
		if !c.body && unicode.IsUpper(a.rs[c.start]) {
			a.note(c) // A body that speaks (the hospital said) is nobody a pronoun stands for.
		}
		return a.name(c)
	case prev != nil && !own && prev.Paragraph == q.Paragraph && (shared || a.opensSentence(q.Start)):
		return prev.Speaker
	}
	return a.label(q)
}

// soleSpeaker reports whether the quotes before qs[i] in its paragraph credit one person by name,
// and no one else: a title that follows them may describe no one else (Mr Starmer said …, Mr
// Macron said …, “…,” the Prime Minister said could be either; the Secretary of State said is no
// one's name).
func (a *attributor) soleSpeaker(qs []Quote, i int) bool {
	sole := ""
	for j := i - 1; j >= 0 && qs[j].Paragraph == qs[i].Paragraph; j-- {
		switch {
		case qs[j].Speaker == "":
		case !unicode.IsUpper([]rune(qs[j].Speaker)[0]):
			return false
		case sole == "":
			sole = qs[j].Speaker
		case sole != qs[j].Speaker:
			return false
		}
	}
	return sole != ""
}

// actedBefore returns the person named as the subject of the sentence right before q, in its
// paragraph, when that sentence is the person's action and nothing else and q opens the next
// one: Lindqvist laughed. “Never.” — the words are the one who laughed, as newspapers write it.
// It reads only a short sentence with no quote in it, the name the first words of its last
// clause (After a long pause, Lindqvist nodded) and no other name after them, and an action
// from actionWords right after the name (an adverb may come between): Lindqvist turned to the
// window, not Lindqvist turned to Kai Lund.
func (a *attributor) actedBefore(q Quote, prev *Quote) credit {
	e := q.Start - 1
	for e >= 0 && isSpace(a.rs[e]) && a.rs[e] != '\n' {
		e--
	}
	if e < 1 || a.rs[e] != '.' || a.quoted[e] {
		return credit{}
	}
	floor := 0
	if prev != nil {
		floor = prev.End
	}
	s := a.sentenceStart(e, floor)
	for i := s; i < e; i++ {
		if a.quoted[i] {
			return credit{}
		}
	}
	toks := a.tokenize(a.toks[:0], s, e, false)
	a.toks = toks
	k := len(toks) - 1
	for k > 0 && toks[k].joined {
		k-- // After a long pause, Lindqvist nodded: the last clause is the action.
	}
	if len(toks)-k < 2 || len(toks)-k > 12 || len(toks) > 20 || !a.capital(toks[k]) {
		return credit{}
	}
	m := a.runEnd(toks, k)
	c := a.credit(toks, k, m)
	if !c.found() || !a.person(toks, k, m) || a.namesBody(toks[k:m], c) || m == len(toks) || !toks[m].joined {
		return credit{}
	}
	v := m
	if v+1 < len(toks) && (toks[v].is(fillerWord) || a.hasSuffix(toks[v], "ly")) {
		v++ // Lindqvist only smiled, Lindqvist laughed softly
	}
	if !toks[v].joined || !a.gesture(toks, v) {
		return credit{}
	}
	for _, t := range toks[v+1:] {
		if a.capital(t) {
			return credit{}
		}
	}
	return c
}

// namesBody reports whether the name c credits, among run, holds a word the finder knows for a
// body's, a team's or a firm's (Manchester United, Acme Ltd): such a subject acts, but its
// gesture is no one's voice. A body in a title before the name (Bank of England Governor Andrew
// Bailey) is not in the name.
func (a *attributor) namesBody(run []token, c credit) bool {
	for _, t := range run {
		if t.start >= c.start && t.end <= c.end && t.is(bodyWord|firmWord) {
			return true
		}
	}
	return false
}

// gesture reports whether toks[v] is the verb of a speaker's gesture or pause. Turned is one
// unless it turns something (Lindqvist turned, turned round, turned to the window are gestures;
// a side that turned it around or a firm that turned a profit made none).
func (a *attributor) gesture(toks []token, v int) bool {
	w := strings.ToLower(a.word(toks[v]))
	if w == "turned" {
		return v+1 == len(toks) || !toks[v+1].joined || !turnedObjects[strings.ToLower(a.word(toks[v+1]))]
	}
	return actionWords[w]
}

// turnedObjects are the words after turned that make it turn something rather than someone
// turn: turned it around, turned the game, turned a profit, turned his chair.
var turnedObjects = map[string]bool{"it": true, "the": true, "a": true, "an": true, "them": true, "this": true, "that": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// actionWords are the verbs of a speaker's gesture or pause, after which a newspaper writes the
// speaker's words with no speech verb: Lindqvist laughed. “Never.”
var actionWords = map[string]bool{
	"laughed": true, "smiled": true, "shrugged": true, "paused": true, "sighed": true,
	"nodded": true, "grinned": true, "frowned": true, "winced": true, "chuckled": true,
	"leaned": true, "leant": true, "hesitated": true, "shook": true,
	"gestured": true, "pointed": true, "beamed": true, "laughs": true, "smiles": true,
	"shrugs": true, "pauses": true, "sighs": true, "nods": true, "grins": true, "shakes": true,
}

// titledBefore reports whether rs[from:to] writes name, outside the quotes, right after a word of
// the title c: Prince William before “…,” the Prince of Wales added may be the one who holds it.
// A title whose words the name was never written with may be anyone's (“…,” said Kai Lund. “…,”
// the Chief Constable said), and the piece does not say whose.
func (a *attributor) titledBefore(name string, c credit, from, to int) bool {
	n := []rune(name)
	if len(n) == 0 {
		return false
	}
	for i := max(from, 0); i+len(n) <= to; i++ {
		if a.quoted[i] || i+len(n) < len(a.rs) && isWord(a.rs[i+len(n)]) || !slices.Equal(a.rs[i:i+len(n)], n) {
			continue
		}
		e := i
		for e > 0 && isSpace(a.rs[e-1]) {
			e--
		}
		w := e
		for w > 0 && isWord(a.rs[w-1]) {
			w--
		}
		if w < e && e < i && unicode.IsUpper(a.rs[w]) && a.titleHasWord(c, a.rs[w:e]) {
			return true
		}
	}
	return false
}

// titleHasWord reports whether word is one of the words of the title c.
func (a *attributor) titleHasWord(c credit, word []rune) bool {
	for i := c.start; i+len(word) <= c.end; i++ {
		if (i == c.start || !isWord(a.rs[i-1])) && (i+len(word) == c.end || !isWord(a.rs[i+len(word)])) &&
			slices.Equal(a.rs[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// opensSentence reports whether the quote opening at pos starts a sentence: only spaces stand
// between it and a full stop, or a quote whose words end in one.
func (a *attributor) opensSentence(pos int) bool {
	i := pos - 1
	for i >= 0 && a.rs[i] != '\n' && isSpace(a.rs[i]) {
		i--
	}
	switch {
	case i < 0 || a.rs[i] == '\n':
		return true
	case a.quoted[i]:
		return i > 0 && a.quoted[i-1] && sentences.IsTerminal(a.rs[i-1])
	}
	return sentences.IsTerminal(a.rs[i])
}

// startsCapital reports whether the first word after pos, before ceiling, starts with a capital.
func (a *attributor) startsCapital(pos, ceiling int) bool {
	for i := pos; i < min(ceiling, len(a.rs)); i++ {
		if isWord(a.rs[i]) {
			return unicode.IsUpper(a.rs[i])
		}
	}
	return false
}

// endsSentence reports whether the quoted words end with a full stop.
func endsSentence(text string) bool {
	return strings.HasSuffix(lastWords(text), ".")
}

// endsWithTerminal reports whether the quoted words end as a sentence does, with a full stop, a
// question or an exclamation mark.
func endsWithTerminal(text string) bool {
	w := []rune(lastWords(text))
	return len(w) > 0 && sentences.IsTerminal(w[len(w)-1])
}

// lastWords returns text without the spaces and the closing marks of quotes inside it at its
// end, where the quoted words' own punctuation is: “It was ‘a disaster.’” ends its sentence as
// “It was a disaster.” does, and “We have ‘concerns,’” hands over to an attribution.
func lastWords(text string) string {
	return strings.TrimRightFunc(text, func(r rune) bool { return isSpace(r) || isMark(r) })
}

// after reads the start of the sentence after q: “…,” she told Trump / said Rosa Delgado /
// Delgado said / according to Delgado / — Delgado, as a pull quote ends. It reports too whether that sentence opens as an
// attribution (said, according to), whoever it names.
func (a *attributor) after(q Quote, ceiling int) (credit, bool) {
	toks := a.tokenize(a.toks[:0], a.pastFootnotes(q.End, ceiling), min(ceiling, q.End+tailWindow), true)
	a.toks = toks
	if len(toks) == 0 {
		return credit{}, false
	}
	t := toks[0]
	switch {
	case t.is(pronounWord):
		if a.speechAfter(toks, 1) {
			return credit{start: t.start, end: t.end, pronoun: true}, true
		}
	case a.group(t):
		// “We deserved better,” they said: a group's words, or one person's the finder cannot
		// tell from a group's, and no longer the voice of the quote before; resolve tells a
		// singular they (see singular).
		if a.word(t) == "they" && a.speechAfter(toks, 1) {
			return credit{start: t.start, end: t.end, pronoun: true}, true
		}
		return credit{}, a.speechAfter(toks, 1)
	case a.speechVerb(t):
		if len(toks) > 1 && toks[1].joined && toks[1].is(pronounWord) {
			return credit{start: toks[1].start, end: toks[1].end, pronoun: true}, true // said she
		}
		return a.nameOrBody(toks, 1), true
	case a.according(toks, 0):
		return a.nameOrBody(toks, 2), true
	case a.capital(t) || a.particled(toks, 0):
		m := a.runEnd(toks, 0)
		if a.speechAfter(toks, m) || a.appositiveSpeech(toks, m) {
			return a.credit(toks, 0, m), true
		}
		if m+1 < len(toks) && a.paired(toks, m+1) {
			if n := a.runEnd(toks, m+1); a.speechAfter(toks, n) || a.appositiveSpeech(toks, n) {
				return credit{}, true // “…,” Smith and Jones said: the two together, neither alone.
			}
		}
		if c := a.ownedRole(toks, m); c.found() {
			return c, true
		}
		if c := a.speakingBody(toks, 0); c.found() && !endsWithTerminal(q.Text) {
			return c, true // Hale’s barrister said; “We go again.” The striker said: opens a sentence
		}
		described := m < len(toks) && a.rs[toks[m-1].end] == ','
		if (m == len(toks) || !toks[m].joined) && a.dashBetween(q.End, t.start) && a.pullQuote(q, described) {
			return a.credit(toks, 0, m), true // “Great game.” — Kate Dunn, Rovers manager
		}
	default:
		return a.describedAfter(toks, endsSpeech(q.Text))
	}
	return credit{}, false
}

// particled reports whether toks[k] is a lowercase particle opening a name, before the
// capitalized word it joins: de Vries, van der Berg. Do is an English verb, and opens none; ten
// is an English number first (ten Britons said, ten Labour MPs said, ten Chelsea players said),
// and opens a name only before one capitalized word, no plural, that a speech verb or the end
// of the clause follows (ten Hag said, said ten Hag). A particle joined to its name by a hyphen
// or an apostrophe opens it too, one word alone: al-Safadi said, said el-Sisi.
func (a *attributor) particled(toks []token, k int) bool {
	if a.prefixedName(toks[k]) {
		return true
	}
	if w := a.word(toks[k]); !toks[k].is(particleWord) || w == "do" || w == "ten" && !a.tenName(toks, k) {
		return false
	}
	j := k
	for j < len(toks) && j < k+3 && (j == k || toks[j].joined) && toks[j].is(particleWord) && !a.capital(toks[j]) {
		j++
	}
	return j > k && j < len(toks) && toks[j].joined && a.capital(toks[j])
}

// tenName reports whether "ten" at toks[k] opens a name, as particled has it, before one
// capitalized word, no plural. A speech verb or the end of the clause after that word makes it a
// name (ten Hag said, said ten Hag), and so does a given name before "ten", a capitalized word
// the lexicon does not know, whatever follows unless it is capitalized too (Erik ten Hag later
// said, said Corrie ten Boom in 1971): a known word there (On Tuesday ten Labour MPs, Later ten
// Chelsea players) leaves "ten" a number.
func (a *attributor) tenName(toks []token, k int) bool {
	n := k + 1
	if n >= len(toks) || !toks[n].joined || !a.capital(toks[n]) || a.plural(toks[n]) {
		return false
	}
	if n+1 == len(toks) || !toks[n+1].joined || a.speechVerb(toks[n+1]) {
		return true
	}
	given := k > 0 && toks[k].joined && a.capital(toks[k-1]) && toks[k-1].class == 0
	return given && !a.capital(toks[n+1])
}

// paired reports whether the run of capitalized words at toks[k] comes after "and" and a name
// of two capitalized words or more, the second of two people's names: Kai Lund and Mira Holm. A
// place before the "and" (Mayor of London and Andy Burnham, Holborn and St Pancras MP Keir
// Starmer) is no name of a person. A name of one word before the "and" is the first of two too
// (Barack and Michelle Obama, Smith and Jones) where it opens its clause, follows the "that"
// opening one (a decision that Smith and Jones said was brave) or follows a speech verb, so that
// the two are the clause's subject: never one of them alone. After a speech verb it is not, when
// the second name has its own speech verb (said Holm and Lund added, told Reuters and Smith
// said): then two clauses, each with its speaker. A preposition may follow the second name
// (said Ant and Dec after the final): the two still speak together; so may a helping verb
// (Adams and Rogers were charged): the two are still its subject.
func (a *attributor) paired(toks []token, k int) bool {
	if k < 2 || !toks[k].joined || !toks[k-1].joined || !a.conjunction(toks[k-1]) {
		return false
	}
	if k >= 3 && a.fullName(toks, k-1) && !a.possessive(toks[k-2]) {
		return true
	}
	m := a.runEnd(toks, k)
	if m-k > 2 || m < len(toks) && toks[m].joined && !a.speechVerb(toks[m]) && !toks[m].is(prepositionWord|helperVerb) || !a.plainName(toks[k]) || !a.plainName(toks[m-1]) {
		return false // Hammersmith and Fulham Council leader Stephen Cowan: a place owning a role.
	}
	if !a.loneName(toks, k-2) {
		return false
	}
	// said Holm and Lund added: a name heading its clause only by following a speech verb is that
	// verb's subject alone when the name after "and" has a speech verb of its own.
	afterVerb := toks[k-2].joined && !a.that(toks[k-3])
	return !afterVerb || m == len(toks) || !toks[m].joined || !a.speechVerb(toks[m])
}

// loneName reports whether toks[j] is a capitalized word standing alone as a person's name at the
// head of its clause: it opens the clause, follows the "that" opening one (a decision that Smith
// and Jones said was brave) or follows a speech verb (said Smith).
func (a *attributor) loneName(toks []token, j int) bool {
	t := toks[j]
	if !a.plainName(t) || a.describedWord(t) {
		return false
	}
	return j == 0 || !t.joined || a.speechVerb(toks[j-1]) && !a.capital(toks[j-1]) || a.that(toks[j-1])
}

// plainName reports whether t may be a word of a person's name: capitalized, and no title's,
// body's, firm's or possessive.
func (a *attributor) plainName(t token) bool {
	return a.capital(t) && !t.is(stopWord|titleWord|bodyWord|firmWord) && !a.styled(t) && !a.possessive(t)
}

// pairs reports whether "and" and a name of two capitalized words or more follow the run ending
// at toks[m], a person's name of two words or more, which is then the first of two people's
// names: Kai Lund and Mira Holm. A place of one word before the "and" is none (said Hammersmith
// and Fulham Council leader Stephen Cowan).
func (a *attributor) pairs(toks []token, m int) bool {
	if m+2 >= len(toks) || !toks[m].joined || !a.conjunction(toks[m]) || !a.fullName(toks, m) {
		return false
	}
	return toks[m+1].joined && toks[m+2].joined && a.capital(toks[m+1]) && a.capital(toks[m+2]) && !toks[m+1].is(stopWord)
}

// fullName reports whether the run of capitalized words ending at toks[m-1] ends with a person's
// name: two words or more, none a title's, a rank's or a stopword, or one after a title (Kai Lund,
// Prince William, Mr Justice Fordham, not Holborn, Former Holborn or Mayor of London).
func (a *attributor) fullName(toks []token, m int) bool {
	j := m - 1
	for ; j >= 0 && m-j <= 2 && a.capital(toks[j]) && !toks[j].is(stopWord|titleWord) && !a.styled(toks[j]) && ranks[strings.ToLower(a.word(toks[j]))] == 0; j-- {
		if !toks[j].joined {
			return m-j >= 2
		}
	}
	switch n := m - 1 - j; {
	case n >= 2:
		return true
	case n == 1 && j >= 0 && toks[j+1].joined && a.capital(toks[j]) && (toks[j].is(titleWord) || a.styled(toks[j])):
		return ranks[strings.ToLower(a.word(toks[j]))] == 0
	}
	return false
}

// verbGoesOn reports whether the speech verb of the attribution toks read after a quote opens
// words of its own, a clause with its subject (Raza said it would, Raza said that): then the
// sentence is another speaker's report, not the quote's attribution, and a speaker named in the
// quote's own sentence before it said the quote (Butler said the tower was “out of scale,” Raza
// said it would “…”). A verb before its speaker (said Raza) and one that takes whom it
// addresses (Raza told reporters) open none.
func (a *attributor) verbGoesOn(toks []token) bool {
	for v := 1; v < len(toks) && v < 8 && toks[v].joined; v++ {
		if !a.speechVerb(toks[v]) {
			continue
		}
		if a.addressing(toks[v]) || v+1 == len(toks) || !toks[v+1].joined {
			return false
		}
		return clauseOpeners[a.word(toks[v+1])]
	}
	return false
}

// clauseOpeners are the words that open a clause of its own after a speech verb, its subject or
// the that before it.
var clauseOpeners = map[string]bool{"that": true, "it": true, "he": true, "she": true, "they": true, "we": true, "there": true}

// group reports whether t is a pronoun that stands for a group more often than for one speaker,
// which the finder leaves unresolved: they, we.
func (a *attributor) group(t token) bool {
	w := a.word(t)
	return w == "they" || w == "we"
}

// pullQuote reports whether q stands as a pull quote does, whose dash credits the name after
// it: the quote opens its line and its words are spoken, ending as speech does, or written in
// sentence case before a name that a description follows (— Phil Norris, United manager). A
// quote inside a sentence (described it as “horrific” — Ahmed arrived) or a work's title in a
// list (“Prophet Song” — Paul Lynch, “Bad habits” — Ed Sheeran) is followed by a dash for other
// reasons: titles are written in sentence case too.
func (a *attributor) pullQuote(q Quote, described bool) bool {
	i := q.Start - 1
	for i >= 0 && a.rs[i] != '\n' && isSpace(a.rs[i]) {
		i--
	}
	if i >= 0 && a.rs[i] != '\n' {
		return false
	}
	words := strings.Fields(q.Text)
	return endsSpeech(q.Text) || described && len(words) > 1 && !titleCase(words)
}

// dashBetween reports whether rs[from:to] is one dash between spaces, as a pull quote puts
// before the name it credits.
func (a *attributor) dashBetween(from, to int) bool {
	dashes := 0
	for _, r := range a.rs[from:to] {
		switch {
		case r == '—' || r == '–':
			dashes++
		case !isSpace(r) || r == '\n':
			return false
		}
	}
	return dashes == 1
}

// describedAfter reads an attribution that opens with a lowercase word: a role before the name
// in commas (the store’s owner, Lena Park, said) or a body that speaks (the hospital said). It
// reports too whether it read one, whoever it names: a document that says the words (the
// statement said, his letter said) reports them for nobody.
func (a *attributor) describedAfter(toks []token, speech bool) (credit, bool) {
	if w := a.word(toks[0]); a.conjunction(toks[0]) || w == "but" || w == "while" || w == "whereas" {
		// “…,” and the chair, Peter Lowe, said: a clause of its own, whose speaker says what
		// follows it, as after but, while or whereas.
		return credit{}, false
	}
	if (a.determiner(toks[0]) || toks[0].is(quantifierWord)) && a.speechAfter(toks, 1) {
		// “…,” another said: someone else, whom the words do not name, and no longer the voice
		// of the quote before.
		return credit{}, true
	}
	if toks[0].is(determinerWord) || a.determiner(toks[0]) && len(toks) > 1 && !toks[1].is(prepositionWord) {
		// one senior official said, as a senior official said; one of them said is nobody named.
		for v := 2; v < len(toks) && v <= 4 && toks[v].joined && !a.capital(toks[v]); v++ {
			if !a.speechVerb(toks[v]) {
				continue
			}
			e := v - 1
			for e > 1 && (toks[e].is(fillerWord) || a.hasSuffix(toks[e], "ly") && !toks[e].is(lyNoun)) {
				e-- // “…,” the former president once said: once is no part of the body.
			}
			if toks[e].is(titleCue | termCue | documentWord) {
				return credit{}, true
			}
			if e == 1 && a.capital(toks[1]) {
				if h, _ := a.titleHolder(toks, 1, 2); h.found() {
					return h, true // the President said, after President Donald Trump
				}
			}
			return credit{start: toks[0].start, end: toks[e].end, body: true}, true
		}
		if c := a.speakingBody(toks, 0); c.found() {
			return c, true // a Downing Street spokesman said, a spokesperson for Thames Water said
		}
		for v := 2; v < len(toks) && v < 10 && toks[v].joined && !a.capital(toks[v-1]); v++ {
			if a.speechVerb(toks[v]) && !a.hasSuffix(toks[v], "ing") {
				// a spokeswoman for the council said: someone the finder cannot name, and no
				// longer the voice of the quote before.
				return credit{}, true
			}
		}
	}
	for k := 1; k < len(toks) && k < 12; k++ {
		if !a.capital(toks[k]) {
			continue
		}
		m := a.runEnd(toks, k)
		if c := a.credit(toks, k, m); c.found() && (a.commaSpeech(toks, k, m) || speech && a.roleSpeech(toks, k, m)) {
			return c, true
		} else if !c.found() && k == 1 && a.speechAfter(toks, m) {
			if h, written := a.titleHolder(toks, k, m); written {
				return h, true // the Leader of the House said
			}
			// The Prince of Wales added, a title the text never wrote with a name: nobody the
			// finder can name, unless the quote before named the one person who spoke.
			return credit{start: toks[0].start, end: toks[m-1].end, body: true, unwritten: true}, true
		}
		k = m - 1
	}
	return credit{}, false
}

// maxRoleWords is the most lowercase words a role written before a name may have.
const maxRoleWords = 4

// roleSpeech reports whether the name toks[k:m] comes right after the lowercase role it fills
// and before its speech verb: campaign chair Ana Ruiz said, the city’s fire chief Ada Obi said.
func (a *attributor) roleSpeech(toks []token, k, m int) bool {
	return k <= maxRoleWords && toks[k].joined && a.speechAfter(toks, m) && a.role(toks[:k], true)
}

// ownedRole reads the name after the capitalized owner toks[:m] of a lowercase role, before its
// speech verb: Rovers manager Kate Dunn said, Apple chief executive Tim Cook said.
func (a *attributor) ownedRole(toks []token, m int) credit {
	k := m
	for k < len(toks) && k-m <= maxRoleWords && toks[k].joined && !a.capital(toks[k]) {
		k++
	}
	if k == m || k-m > maxRoleWords || k == len(toks) || !toks[k].joined || !a.role(toks[m:k], false) {
		return credit{}
	}
	if n := a.runEnd(toks, k); a.speechAfter(toks, n) {
		return a.credit(toks, k, n)
	}
	return credit{}
}

// role reports whether the joined lowercase words are a role: words that name a thing, with no
// conjunction, preposition, pronoun or verb among them, which would make them a clause of their
// own (and then Ana Ruiz said). A determiner may open it when determined is set: the city’s fire
// chief.
func (a *attributor) role(words []token, determined bool) bool {
	for j, t := range words {
		if j > 0 && !t.joined || a.capital(t) || t.is(speechWord|helperVerb) || a.hasSuffix(t, "ing") ||
			t.is(stopWord|prepositionWord) && !(determined && j == 0 && t.is(determinerWord)) {
			return false
		}
	}
	return true
}

// commaSpeech reports whether the name toks[k:m] stands between commas before its speech verb,
// after the role it fills, an age written before it in the commas or not: The bakery’s owner,
// Lena Park, said; The victim's brother, 29-year-old Liam Jones, said.
func (a *attributor) commaSpeech(toks []token, k, m int) bool {
	if k > 1 && toks[k].joined && a.ageBefore(toks[k-1]) {
		k--
	}
	k = a.roleInCommas(toks, k)
	if k == 0 || toks[k].joined || m >= len(toks) || toks[m].joined {
		return false
	}
	if a.speechVerb(toks[m]) {
		return true
	}
	// The prime minister, Keir Starmer, has said: a helping verb may come first, not a passive,
	// after a name that stands where a subject does (not Police, who questioned the suspect,
	// Tom Hale, have said).
	return a.subjectPlace(toks, k) && toks[m].is(helperVerb) && m+1 < len(toks) && toks[m+1].joined && a.speechVerb(toks[m+1]) && !a.passive(toks[m], toks[m+1])
}

// roleInCommas returns where the lowercase role written before the name at toks[k] opens, a
// determiner first or not, when the commas hold both: Her former assistant, the conductor Marin
// Alsop, said. It returns k when no role comes before the name.
func (a *attributor) roleInCommas(toks []token, k int) int {
	j := k
	for j > 0 && k-j < maxRoleWords && toks[j].joined && !a.capital(toks[j-1]) {
		j--
	}
	for j < k && !a.role(toks[j:k], true) {
		j++
	}
	return j
}

// ageBefore reports whether t is an age written before a name: 29-year-old.
func (a *attributor) ageBefore(t token) bool {
	return isDigit(a.rs[t.start]) && a.hasSuffix(t, "year-old")
}

// before reads the sentence leading up to q. A name or pronoun with a speech verb (Rosa Delgado
// said:, Ellery told reporters:, she added) credits the quote, the one nearest the quote
// winning; failing that, a body that speaks (The judge said:) does, and failing that the
// sentence's subject (Sheinbaum emphasized …, declaring, “…”). A body credits only a quote in its
// own clause: after a clause of another, the quote is that clause's subject's (The minister said
// the deal was dead, and Harris branded it “…”) or nobody's (…, but critics called it “…”).
//
// It reads from no earlier than floor, and returns where its sentence starts too.
func (a *attributor) before(q Quote, floor int) (credit, int) {
	from, to := a.sentenceStart(q.Start, floor), q.Start
	start := from
	if from == to {
		from, to = a.leadParagraph(q.Start)
	}
	toks := a.tokenize(a.toks[:0], from, to, false)
	a.toks = toks
	lead := a.colonLead(to)
	var said, body, subject credit
	broke, late := false, false // a clause opened after the body; the subject is in such a clause
	verb, reports := -1, false  // the body's speech verb; the words after it make the quote not its own
	named := [2]int{}           // the last run of capitalized words read, toks[named[0]:named[1]]
	relayed := -1               // where the last speech verb stands whose subject is a common noun (see relays)
	resumed := false            // ", and added" ended the relay, and the sentence's speaker speaks again
	relayer := a.relayer        // the speaker the quote before, in this sentence, relayed others' words for
	heard := false              // a speech verb in the passive came before (was told), whose words are another's
	pair := false               // two people's names spoke together (Kai Lund and Mira Holm said), and none alone
	spoke := -1                 // the speech verb after a name's commas (Ben Wood, an analyst, said), which is the name's
	a.relayer = credit{}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		heard = heard || k > 0 && t.joined && a.speechVerb(t) && a.passive(toks[k-1], t)
		broke = broke || body.found() && !t.joined && !(a.speechVerb(t) && a.hasSuffix(t, "ing")) // …, adding: the body goes on.
		if a.relays(toks, k) {
			relayed = t.start
		} else if !t.joined && (a.conjunction(t) || a.word(t) == "but") && a.speechAfter(toks, k+1) {
			relayed, resumed = -1, true // Hale said rivals called it “mad”, and added: “…”: Hale speaks again.
		}
		if start == from && a.otherClause(toks, k) {
			// Lee said it was “sound”, but critics called it “…”: the quote is the clause's, not
			// in the voice of the quote before, whose sentence it no longer shares.
			start = t.start
		}
		if c := a.speakingBody(toks, k); c.found() {
			body, verb, reports = c, a.bodyVerb(toks, k, c), false // The judge said: “…”
			for k+1 < len(toks) && toks[k+1].end <= c.end {
				k++ // The body's own names speak for it (A spokesperson for Thames Water said).
			}
			if v := a.apposedVerb(toks, k+1); v >= 0 {
				k, verb = v, v // A spokesman for Orbit Homes, the developer, said: the commas describe it.
			}
			continue
		}
		reports = reports || verb >= 0 && k > verb && a.reported(toks, k, lead)
		switch {
		case lead && t.is(possessiveWord) && !said.found() && a.ownWords(toks, k):
			said = credit{start: t.start, end: t.end, pronoun: true} // Her message was simple: “…”
		case t.is(pronounWord):
			if a.speechAfter(toks, k+1) {
				said = credit{start: t.start, end: t.end, pronoun: true}
			}
		case a.according(toks, k):
			if c := a.nameOrBody(toks, k+2); c.found() {
				said = c
			}
		case subject.found() && !t.joined && (a.conjunction(t) || a.word(t) == "but") && !a.sharedSubject(toks, k+1):
			subject = credit{} // Millbrook have lost six, and fans were chanting “…”: the fans' words.
		case a.speechVerb(t) && !t.joined && !a.addressing(t) && k != spoke:
			// “Yes,” said Delgado, “…”: a verb opening a clause credits the name after it. Only
			// right after a quote is a body after it the verb's subject; elsewhere it is whom the
			// verb addresses or names (Smith, 34, told the jury:).
			c := a.nameInClause(toks, k+1)
			if !c.found() && a.afterQuote(t.start) {
				c = a.nameOrBody(toks, k+1)
			}
			if c.found() {
				said = c
			}
		case a.capital(t) || a.particled(toks, k):
			m := a.runEnd(toks, k)
			c, from := a.credit(toks, k, m), k
			if a.affiliation(toks, named, k) {
				if p := a.credit(toks, named[0], named[1]); p.found() {
					// John Smith of Reuters said: Smith's words, and in commas after a role too (The
					// author, Ann Lee of the Red Cross, said). A title's office is none (Secretary of State).
					c, from = p, named[0]
				}
			}
			if a.placeOfNamed(toks, named, k) && a.speechAfter(toks, m) {
				// Jones in Cardiff said: Jones speaks, not Cardiff, but only where the name opens
				// its clause; a name inside one (A fan of Jones in Cardiff, Brown in Paris and
				// Green in Rome) is not the speech verb's subject, so nobody is credited.
				p, head := a.credit(toks, named[0], named[1]), named[0] == 0 || !toks[named[0]].joined || a.capital(toks[named[0]-1])
				switch {
				case !head:
					c, from = credit{}, named[0]
				case p.found() && !p.body:
					c, from = p, named[0]
				}
			}
			if !c.found() && a.speechAfter(toks, m) {
				c, _ = a.titleHolder(toks, k, m) // The Home Secretary said:
			}
			if a.placeOfDescribed(toks, from) {
				c = credit{} // A Western diplomat in Kyiv, who asked not to be named, said: the diplomat's.
			}
			if a.paired(toks, k) || a.pairs(toks, m) {
				c = credit{} // Kai Lund and Mira Holm said: two speakers, neither the quote's alone.
				pair = pair || a.paired(toks, k) && a.speechAfter(toks, m)
			}
			named = [2]int{k, m}
			if c.found() && (a.speechAfter(toks, m) || a.commaSpeech(toks, from, m) || a.relativeSpeech(toks, m)) {
				said, spoke = c, m // Lena Park, 45, said Tesco was “…”: the verb's subject is Park, not Tesco.
			} else if v := a.pastApposition(toks, m); c.found() && v >= 0 && a.speechVerb(toks[v]) {
				said, m, spoke = c, v, v // The description's words are the name's, none another speaker.
			} else if c.found() && !subject.found() && !heard && (a.speakerSubject(toks, k, m, true) || lead && a.describedSubject(toks, k, m)) && !a.spokenTo(toks, m) && !a.passiveBy(toks, m) && !a.addressed(toks, k) && a.person(toks, k, m) && (k > 0 || m > 1 || lead || a.named(t)) &&
				!(k > 0 && t.joined && (a.that(toks[k-1]) || a.speechVerb(toks[k-1]) || a.objectOfVerb(toks, k))) {
				subject, late = c, broke
			}
			k = m - 1
		}
	}
	switch {
	case pair && !said.found():
		return credit{}, start // Wrexham co-owners Ryan Reynolds and Rob McElhenney said: not Wrexham.
	case said.found() && relayed > said.end:
		a.relayer = said
		return credit{}, start // PC Hines said the defendant shouted “…”: the defendant's words.
	case !said.found() && resumed && relayed < 0 && relayer.found() && floor > 0 && start == floor:
		return relayer, start
	case said.found():
		return said, start
	case body.found() && !broke && reports:
		return credit{}, start // The police said the suspect told officers: “…”
	case body.found() && !broke:
		return body, start
	case body.found() && !late:
		return credit{}, start // The minister said the deal was dead, but critics called it “…”.
	case !subject.found():
		return a.sayingBody(toks), start
	case relayed > subject.end && a.predicate(toks, subject.end, relayed):
		return credit{}, start // Shares of Tesla fell after the company said deliveries would be “…”
	}
	return subject, start
}

// objectOfVerb reports whether the name at toks[k] comes after "the" right after a verb in the
// past, as the subject of a clause that verb reports: The report found the NHS was “…”.
func (a *attributor) objectOfVerb(toks []token, k int) bool {
	return k > 1 && toks[k-1].joined && a.spelled(toks[k-1], "the") && a.verb(toks[k-2])
}

// spelled reports whether the word t is w, a word in lowercase ASCII, in any case, without
// making a string of it: the checks run on every word read.
func (a *attributor) spelled(t token, w string) bool {
	if t.end-t.start != len(w) {
		return false
	}
	for i, r := range a.rs[t.start:t.end] {
		if unicode.ToLower(r) != rune(w[i]) {
			return false
		}
	}
	return true
}

// otherClause reports whether toks[k] opens a clause of its own after a comma or a quote, with a
// subject and a speech or labelling verb of its own: but critics called it, while opponents
// described it as, and critics branded it, but residents insist. A clause that goes on with the subject before (and
// added that), has no verb (and the money “…”) or a plain one (and the critics were “…”, but
// inflation had “…”) goes on with the words reported, in the same voice.
func (a *attributor) otherClause(toks []token, k int) bool {
	t := toks[k]
	if t.joined || k+2 >= len(toks) {
		return false
	}
	if !a.conjunction(t) && !a.spelled(t, "but") && !a.spelled(t, "while") && !a.spelled(t, "whereas") || a.sharedSubject(toks, k+1) {
		return false
	}
	for _, u := range toks[k+2:] {
		if !u.joined {
			return false
		}
		if present := a.speechPresent(u); present || a.verb(u) && !u.is(helperVerb) {
			return present || a.speechVerb(u) || u.is(trailingSpeech|termCue)
		}
	}
	return false
}

// speechPresent reports whether t is a speech verb in the present of many, whose past the
// lexicon knows: critics insist, opponents argue, residents call it.
func (a *attributor) speechPresent(t token) bool {
	w := strings.ToLower(a.word(t))
	return !a.capital(t) && (lexicon[w+"ed"]|lexicon[w+"d"])&speechWord != 0
}

// predicate reports whether a verb of the subject ending at offset from stands among toks before
// offset to, where another clause's speech verb is: Shares of Tesla fell after the company said,
// not Citi analysts said, where the subject owns the speech verb's.
func (a *attributor) predicate(toks []token, from, to int) bool {
	for _, t := range toks {
		if t.start >= from && t.start < to && (a.verb(t) || t.is(helperVerb)) {
			return true
		}
	}
	return false
}

// sayingBody returns the body that opens the sentence toks as the subject of its verb and goes on
// to speak in a clause of a speech verb in -ing after a comma, which runs on to the quote: A
// federal judge on Friday blocked the plan, saying it was “arbitrary.” Another clause between
// the two has a subject of its own, who says the words (The board rejected the bid, and
// shareholders were furious, saying), and so does another speech verb or a pronoun.
func (a *attributor) sayingBody(toks []token) credit {
	if len(toks) < 4 || !toks[0].is(determinerWord) || !a.capital(toks[0]) {
		return credit{}
	}
	r := a.modifierEnd(toks, 1)
	e := r
	for e < len(toks) && e-r < maxRoleWords && toks[e].joined && !a.capital(toks[e]) && !a.verb(toks[e]) && !toks[e].is(prepositionWord) {
		e++
	}
	if e == r || !a.role(toks[r:e], false) || toks[e-1].is(titleCue|termCue|documentWord) {
		return credit{}
	}
	v := e
	if v+2 < len(toks) && toks[v].joined && toks[v].is(prepositionWord) && toks[v+1].joined {
		v += 2 // on Friday
	}
	if v >= len(toks) || !toks[v].joined || !a.verb(toks[v]) || a.speechVerb(toks[v]) {
		return credit{}
	}
	for j := v + 1; j < len(toks); j++ {
		t := toks[j]
		switch {
		case !t.joined && a.speechVerb(t) && a.hasSuffix(t, "ing"):
			for _, u := range toks[j+1:] {
				if !u.joined {
					return credit{}
				}
			}
			return credit{start: toks[0].start, end: toks[e-1].end, body: true}
		case a.conjunction(t) || a.word(t) == "but" || t.is(pronounWord|speechWord):
			return credit{}
		}
	}
	return credit{}
}

// verb reports whether t reads as a verb in the past: a speech verb, a word in -ed or an
// irregular past.
func (a *attributor) verb(t token) bool {
	return t.is(speechWord|pastWord) || a.hasSuffix(t, "ed")
}

// sharedSubject reports whether the clause a conjunction opens at toks[k] goes on with the subject
// before it, opening on its verb (and then said, and later told, but added) rather than a
// subject of its own (and fans were chanting, but the club said).
func (a *attributor) sharedSubject(toks []token, k int) bool {
	if k >= len(toks) || !toks[k].joined {
		return false
	}
	t := toks[k]
	return t.is(speechWord|helperVerb|pastWord|fillerWord|trailingSpeech) || a.hasSuffix(t, "ed") || a.hasSuffix(t, "ly") && !t.is(lyNoun)
}

// addressing reports whether the speech verb t takes whom it addresses right after it, and never
// its subject: told, tells. “…,” said Delgado puts the speaker after the verb; Nadia Whittome,
// Labour MP for Nottingham East, told the Guardian: does not.
func (a *attributor) addressing(t token) bool {
	w := a.word(t)
	return w == "told" || w == "tells"
}

// ownedByName reports whether the run of capitalized words toks[k:m] holds a name owned by a
// person's name of two words or more before it: Sarah Jackson's Lady Macbeth, Mr Tom Hale's
// Hamlet. A pronoun after it may stand for the owner or for what the owner has, a part played,
// and the finder cannot tell which. An owner that is not told to be a person, by a title or a
// given name, is as often a club or a firm (Real Madrid's Jude Bellingham), which no pronoun
// stands for.
func (a *attributor) ownedByName(toks []token, k, m int) bool {
	for j := k + 1; j < m-1; j++ {
		if a.possessive(toks[j]) && toks[j].joined && a.capital(toks[j-1]) {
			return a.personOwner(toks, k, j)
		}
	}
	return false
}

// personOwner reports whether the words toks[k:j] before a possessive toks[j] tell a person: a
// title among them (Mr Tom Hale's), or a given name opening them, one the finder knows (Sarah
// Jackson's) or two joined by a hyphen (Saoirse-Monica Jackson's).
func (a *attributor) personOwner(toks []token, k, j int) bool {
	for k < j && toks[k].is(stopWord) {
		k++
	}
	for _, t := range toks[k:j] {
		if t.is(titleWord) {
			return true
		}
	}
	w := strings.ToLower(a.word(toks[k]))
	return givenSex[w] != "" || givenBoth[w] || a.doubleGiven(toks[k])
}

// doubleGiven reports whether t is two capitalized words joined by a hyphen, as a double given
// name is: Saoirse-Monica, Jean-Paul.
func (a *attributor) doubleGiven(t token) bool {
	for i := t.start + 1; i+1 < t.end; i++ {
		if a.rs[i] == '-' && unicode.IsUpper(a.rs[i+1]) {
			return true
		}
	}
	return false
}

// addressed reports whether the name at toks[k] is whom a speech verb addresses, right after it
// or its determiner: told the BBC prices were “…” is the teller's, not the BBC's.
func (a *attributor) addressed(toks []token, k int) bool {
	j := k - 1
	if j > 0 && toks[k].joined && toks[j].is(determinerWord) {
		j--
	}
	return j >= 0 && toks[j+1].joined && a.addressing(toks[j])
}

// relativeSpeech reports whether a name ending at toks[m-1] is followed by a clause of "who" and
// a speech verb that runs on to the quote, which makes it the speaker whoever the sentence began
// with: She said she had asked Vance, who replied: “…”. A clause closed before the quote only
// describes the name (Speaking after Kerr, who had described the attack, the detective said:).
func (a *attributor) relativeSpeech(toks []token, m int) bool {
	if m+1 >= len(toks) || toks[m].joined || a.word(toks[m]) != "who" || !a.speechAfter(toks, m+1) {
		return false
	}
	for _, t := range toks[m+1:] {
		if !t.joined {
			return false
		}
	}
	return true
}

// describedWord reports whether t is a word for people described and not named, one or more:
// official, officials, residents, police.
func (a *attributor) describedWord(t token) bool {
	w := strings.ToLower(a.word(t))
	_, one := describedSex[w]
	_, many := describedSex[strings.TrimSuffix(w, "s")]
	return one || many && a.plural(t) || w == "police" || w == "people"
}

// peopleWord reports whether t is a word for people described and not named: one describedWord
// knows (officials, residents) or one of peoplePlurals (fans, supporters, villagers). A fixed
// list, not the endings such words share, as many surnames end the same way (Summers, Waters,
// Connors, Sanders).
func (a *attributor) peopleWord(t token) bool {
	return a.describedWord(t) || peoplePlurals[strings.ToLower(a.word(t))]
}

// peoplePlurals are plural nouns for the people of a place or a side, whom a place after them
// (Fans in Leeds) does not make a name.
var peoplePlurals = map[string]bool{
	"fans": true, "supporters": true, "protesters": true, "protestors": true, "demonstrators": true,
	"villagers": true, "locals": true, "tourists": true, "visitors": true, "holidaymakers": true,
	"migrants": true, "refugees": true, "civilians": true, "medics": true, "rescuers": true,
	"commuters": true, "travellers": true, "travelers": true, "motorists": true, "pupils": true,
	"tenants": true, "homeowners": true, "families": true, "campaigners": true, "activists": true,
	"traders": true, "shopkeepers": true, "spectators": true, "onlookers": true, "mourners": true,
	"worshippers": true, "firefighters": true, "soldiers": true, "troops": true, "ministers": true,
	"lawmakers": true, "investigators": true, "prosecutors": true, "negotiators": true,
}

// placeOfDescribed reports whether the name at toks[k] is the place of a person described and
// not named before it, after a preposition of place, with or without "the" (workers at the Port
// of Rotterdam), or an adjective that places the person near it: A Western diplomat in Kyiv, a
// nurse at St Mary's, a source close to Downing Street. What the sentence goes on to say of it
// (, who asked not to be named, said) is said of that person, whom the finder cannot name.
func (a *attributor) placeOfDescribed(toks []token, k int) bool {
	p := k - 1 // the preposition
	if p > 0 && toks[p].joined && a.spelled(toks[p], "the") {
		p--
	}
	near := p > 1 && toks[p].is(prepositionWord) && toks[p-1].is(afterNounWord) // a source close to Downing Street
	if p < 1 || !toks[k].joined || !toks[p+1].joined || !toks[p].joined || !placePrepositions[a.word(toks[p])] && !near {
		return false
	}
	if w := toks[p-1]; a.peopleWord(w) && a.allCounted(toks[:p-1]) &&
		(a.word(toks[p]) == "in" || a.describedWord(w) && !a.spelled(w, "analysts")) {
		// Officials in Beijing said, Fans in Leeds said, Two workers at Paris de la Défense
		// said, Residents from Stoke said: the people, not the place. Fans at Anfield are named
		// by the word for them, and analysts at Goldman Sachs are the firm's, whose name stands
		// for them.
		return true
	}
	if p < 2 {
		return false
	}
	for j := p - 1; j >= 0 && j >= p-4; j-- {
		if toks[j].is(determinerWord) && !toks[j].is(possessiveWord) && (j == 0 || !a.capital(toks[j])) {
			return j < p-1 && !a.capital(toks[p-1])
		}
		if j == 0 && near && a.describedWord(toks[0]) {
			return true // Sources close to Ann Lee said: the sources, not Ann Lee.
		}
		if !toks[j].joined {
			return false
		}
	}
	return false
}

// allCounted reports whether toks, at most three words, together tell how many of the people
// after them there are, or are none: Three hundred, Two, 40.
func (a *attributor) allCounted(toks []token) bool {
	if len(toks) > 3 {
		return false
	}
	for i, t := range toks {
		if !a.counted(t) || i > 0 && !t.joined {
			return false
		}
	}
	return true
}

// counted reports whether t tells how many of the people after it there are: Two, Twelve, 40,
// Many, Dozens.
func (a *attributor) counted(t token) bool {
	return isDigit(a.rs[t.start]) || t.is(quantifierWord|groupWord) || a.numberWord(t)
}

// numberWord reports whether t is a number written as a word: two, twelve, fifty, or tens and
// a unit joined by a hyphen of any kind, twenty-five.
func (a *attributor) numberWord(t token) bool {
	w := strings.ToLower(a.word(t))
	if numberWords[w] {
		return true
	}
	for _, hyphen := range []string{"-", "‐", "‑"} {
		if tens, unit, ok := strings.Cut(w, hyphen); ok {
			return tensWords[tens] && unitWords[unit]
		}
	}
	return false
}

// numberWords are the numbers written as words before a group: Two students, Twelve workers,
// Fifty passengers.
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "hundred": true,
}

// tensWords and unitWords make the numbers written with a hyphen: twenty-one to ninety-nine.
var (
	tensWords = map[string]bool{
		"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
		"seventy": true, "eighty": true, "ninety": true,
	}
	unitWords = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
		"seven": true, "eight": true, "nine": true,
	}
)

// placePrepositions put a place after a person: a diplomat in Kyiv, a nurse at St Mary's.
var placePrepositions = map[string]bool{"in": true, "at": true, "from": true, "near": true, "outside": true}

// relays reports whether toks[k] is a speech verb in the active voice whose subject is a common
// noun in the clause before it, run on from the words before with no comma, as in a report of
// what others said (said the defendant shouted, said rivals called it): not a name, a part of
// one (al-Turabi, d'Estaing), an adverb (famously said), a pronoun, or words a speaker owns (his
// email said), which stand for the speaker themselves.
func (a *attributor) relays(toks []token, k int) bool {
	t := toks[k]
	if k == 0 || !t.joined || !a.speechVerb(t) || a.hasSuffix(t, "ing") || a.passive(toks[k-1], t) {
		return false
	}
	j := k - 1
	for j > 0 && toks[j].joined && toks[j].is(helperVerb|fillerWord) {
		j--
	}
	s, first := toks[j], j
	if j > 0 && toks[j-1].is(determinerWord) {
		first = j - 1
	}
	return first > 0 && toks[first].joined && s.joined && !a.hasSuffix(s, "ly") && a.word(s) != "been" &&
		!s.is(pronounWord|stopWord|helperVerb|fillerWord|speechWord|prepositionWord|titleCue|documentWord|utteranceWord|possessiveWord) &&
		!strings.ContainsFunc(a.word(s), unicode.IsUpper)
}

// ownWords reports whether the possessive pronoun toks[k] owns words, said or written, within
// the few words after it (Her message was simple:, His final answer:), which stands the pronoun
// for the quote's speaker. A possessive owning anything else, a person above all (His sous-chef,
// Anna Weber, put it differently:, Her lawyer was blunt:), speaks for nobody the pronoun names.
func (a *attributor) ownWords(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+3 && toks[j].joined && !a.capital(toks[j]); j++ {
		if toks[j].is(utteranceWord | documentWord | termCue) {
			return true
		}
	}
	return false
}

// affiliation reports whether the run of capitalized words opening at toks[k] is where the run
// toks[named[0]:named[1]] before it works, joined to it by "of" or "for": John Smith of Reuters,
// Ana Li of the Red Cross. The words the two say are the person's, not the place's.
func (a *attributor) affiliation(toks []token, named [2]int, k int) bool {
	m := named[1]
	return m > 0 && m < k && toks[m].joined && toks[k].joined && a.pastJoiner(toks, m) == k
}

// placeOfNamed reports whether the run of capitalized words opening at toks[k] is a place written
// right after the run toks[named[0]:named[1]] before it and a preposition of place, with or without
// "the": Jones in Cardiff, Sarah Jones from Swansea, Ana Costa at the Port of Rotterdam. The place is where the person is, and says nothing. People
// described and not named before it (Residents in Leeds, Analysts at Goldman Sachs) are no name,
// nor are the people of a place "in" it (Fans in Leeds), whom placeOfDescribed credits to nobody;
// a run that only opens with such a word names someone (Families Minister Janet Daby in Lewisham).
// People at, outside or from a place (Fans at Anfield, Families from Grenfell) are still the
// ones who speak, not the place.
func (a *attributor) placeOfNamed(toks []token, named [2]int, k int) bool {
	m, w := named[1], toks[named[0]]
	if k == m+2 && toks[m+1].joined && a.spelled(toks[m+1], "the") {
		k-- // Ana Costa at the Port of Rotterdam
	}
	return m > named[0] && m+1 == k && toks[m].joined && toks[k].joined && placePrepositions[a.word(toks[m])] &&
		!a.describedWord(w) && !(m == named[0]+1 && a.peopleWord(w) && a.word(toks[m]) == "in") && a.person(toks, named[0], m)
}

// afterQuote reports whether only spaces and a comma stand between a quote's closing mark and
// pos: “Yes,” said the minister, “Yes”, said the minister.
func (a *attributor) afterQuote(pos int) bool {
	i := pos - 1
	for i >= 0 && isSpace(a.rs[i]) && a.rs[i] != '\n' {
		i--
	}
	if i >= 0 && a.rs[i] == ',' {
		i--
	}
	for i >= 0 && a.rs[i] == ']' && !a.quoted[i] {
		j := i - 1
		for j >= 0 && j > i-4 && isDigit(a.rs[j]) {
			j--
		}
		if j == i-1 || j < 0 || a.rs[j] != '[' {
			break
		}
		i = j - 1 // “Yes”[4], said Bo Chen: the footnote's marker stands between.
	}
	return i >= 0 && a.quoted[i] && isMark(a.rs[i])
}

// pastFootnotes returns the offset after the footnote markers, like [3] or [2][5], that open the
// text at pos, before ceiling: the attribution after a quote follows them (“Yes,”[3] said Ana Li).
func (a *attributor) pastFootnotes(pos, ceiling int) int {
	for pos < ceiling && a.rs[pos] == '[' {
		j := pos + 1
		for j < ceiling && j < pos+4 && isDigit(a.rs[j]) {
			j++
		}
		if j == pos+1 || j >= ceiling || a.rs[j] != ']' {
			break
		}
		pos = j + 1
	}
	return pos
}

// speakingBody reads a body that speaks in a clause opening at toks[k]: a determiner or a name's
// possessive, up to maxRoleWords lowercase words that name a thing (see role) and a speech verb,
// as in The judge said, the victim’s mother told reporters, Hale’s barrister said. Capitals
// after the determiner and before the role are its owner (a Downing Street spokesman said), and
// a body named after the role with "for" or "of" is part of it (a spokesperson for Thames Water
// said). A capital after the determiner with no role after it is a name's, which the capital
// runs read (The Kremlin said); a sign or a
// headline says, and a statement or a report reports, but speaks for nobody. A speech verb in
// -ing right after the body is no verb of it but a noun or an adjective: Jones’s favourite saying
// was, the mayor’s telling remark.
func (a *attributor) speakingBody(toks []token, k int) credit {
	owner := a.determiner(toks[k]) || a.capital(toks[k]) && a.possessive(toks[k])
	if !owner || k > 0 && toks[k].joined {
		return credit{}
	}
	r := k + 1
	if a.determiner(toks[k]) {
		r = a.modifierEnd(toks, r) // A Downing Street spokesman, the Chelsea boss
	}
	for m := r + 1; m < len(toks) && m <= r+maxRoleWords && toks[m-1].joined && !a.capital(toks[m-1]); m++ {
		if !a.role(toks[r:m], false) || toks[m-1].is(titleCue|termCue|documentWord) {
			break
		}
		end := m
		if n := a.bodyNameEnd(toks, m); n > m && a.bodySpeaks(toks, n) {
			end = n // a spokesperson for West Yorkshire Fire and Rescue Service said
		}
		if a.bodySpeaks(toks, end) && !a.hasSuffix(toks[end], "ing") {
			return credit{start: toks[k].start, end: toks[end-1].end, body: true}
		}
	}
	return credit{}
}

// bodySpeaks reports whether a body ending at toks[n-1] is the subject of a speech verb, right
// after it or after words in commas that describe it: a spokesman for Orbit Homes, the
// developer, said.
func (a *attributor) bodySpeaks(toks []token, n int) bool {
	return a.speechAfter(toks, n) || a.apposedVerb(toks, n) >= 0
}

// apposedVerb returns where the speech verb stands after the words in commas that describe a
// body ending at toks[n-1] (, the developer, said), or -1. They must be a noun's, opening on a
// determiner: a clause (, who asked not to be named,) leaves the body as unnamed as before,
// and a name in the commas is the one who speaks (his friend, the actor Tom Hanks, said).
func (a *attributor) apposedVerb(toks []token, n int) int {
	if n >= len(toks) || toks[n].joined || a.capital(toks[n]) || !toks[n].is(determinerWord) {
		return -1
	}
	v := a.pastApposition(toks, n)
	if v < 0 || !a.speechVerb(toks[v]) {
		return -1
	}
	for _, t := range toks[n:v] {
		if a.capital(t) {
			return -1
		}
	}
	return v
}

// modifierEnd returns where the capitalized words that a determiner may put before a role end,
// from toks[r]: the owner of the role, a place, a body or a firm (a Downing Street spokesman, a
// Tesla spokesperson, the Chelsea boss). Up to three are read, and only before a lowercase word
// that goes on with them.
func (a *attributor) modifierEnd(toks []token, r int) int {
	j := r
	for j < len(toks) && j < r+3 && toks[j].joined && a.capital(toks[j]) && !toks[j].is(stopWord) && !a.possessive(toks[j]) {
		j++
	}
	if j == r || j == len(toks) || !toks[j].joined || a.capital(toks[j]) {
		return r
	}
	return j
}

// bodyNameEnd returns where the name of the body a role belongs to ends, the name after "for" or
// "of" at toks[m] with its capitalized words and the "and", "of" and "the" between them (a
// spokesperson for West Yorkshire Fire and Rescue Service), or m when none follows.
func (a *attributor) bodyNameEnd(toks []token, m int) int {
	if m >= len(toks) || !toks[m].joined || !toks[m].is(joinerWord) {
		return m
	}
	j := a.pastJoiner(toks, m)
	if j >= len(toks) || !toks[j].joined || !a.capital(toks[j]) {
		return m
	}
	for j < len(toks) && toks[j].joined {
		switch {
		case a.capital(toks[j]) && !a.possessive(toks[j]):
			j++
		case (a.conjunction(toks[j]) || toks[j].is(joinerWord) || a.word(toks[j]) == "the") && j+1 < len(toks) && toks[j+1].joined && a.capital(toks[j+1]):
			j++
		default:
			return j
		}
	}
	return j
}

// bodyVerb returns the index of the speech verb of the body c that speakingBody read at toks[k].
func (a *attributor) bodyVerb(toks []token, k int, c credit) int {
	for k < len(toks) && toks[k].end <= c.end {
		k++
	}
	return a.verbAfter(toks, k, true)
}

// reported reports whether toks[k], after a body's speech verb, shows that the quote is not the
// body's words: a second speech verb makes them another's (The police said the suspect told
// officers:), and a cue makes them a word or a title the body mentions (The judge said the word
// “sorry” was missing). So does a subject opening a clause of its own when a colon hands the
// quote to that clause (A witness said she heard a man scream:, The coroner said the pilot
// radioed:); without one the quote is the body's words in its report (The judge said Hale had
// shown “a breathtaking contempt”). Whom the verb addresses is no subject (The judge told the
// jury:, The minister told MPs:), nor is a phrase after a preposition (said in a statement:).
func (a *attributor) reported(toks []token, k int, lead bool) bool {
	t := toks[k]
	switch {
	case !t.joined && a.hasSuffix(t, "ing") && a.speechVerb(t):
		return false // The hospital confirmed the death, adding that staff were “…”: the body goes on.
	case t.is(speechWord|termCue|titleCue) && !a.capital(t):
		return true
	case !lead:
		return false
	case a.capital(t):
		return a.subject(toks, k, a.runEnd(toks, k))
	case t.is(pronounWord):
		return true
	case t.is(determinerWord) && t.joined && !toks[k-1].is(prepositionWord):
		for j := k + 2; j < len(toks) && j <= k+3 && toks[j].joined && !a.capital(toks[j]); j++ {
			if toks[j].is(helperVerb) || a.participle(toks[j]) {
				return true
			}
		}
	}
	return false
}

// colonLead reports whether the text right before offset to ends with a colon, which hands the
// quote that follows to the sentence it ends.
func (a *attributor) colonLead(to int) bool {
	i := to - 1
	for i >= 0 && isSpace(a.rs[i]) {
		i--
	}
	return i >= 0 && a.rs[i] == ':'
}

// leadParagraph returns the last sentence of the paragraph before a quote opening a paragraph at
// pos, when that paragraph ends with a colon that introduces the quote (Petrov released a
// statement:); otherwise the empty span at pos.
func (a *attributor) leadParagraph(pos int) (from, to int) {
	i := pos - 1
	for i >= 0 && a.rs[i] != '\n' && isSpace(a.rs[i]) {
		i--
	}
	if i < 0 || a.rs[i] != '\n' || !a.colonLead(i) {
		return pos, pos
	}
	return a.sentenceStart(i, 0), i
}

// person reports whether the run toks[k:m], found as a sentence's subject, may be a person. A
// single word opening the sentence is capitalised for that alone, so it counts only when the
// text never writes it in lowercase and it has no common noun's ending (Conditions worsened).
func (a *attributor) person(toks []token, k, m int) bool {
	if k > 0 || m-k > 1 {
		return true
	}
	return !a.commonNoun(toks[k]) && !a.lowercase(toks[k])
}

// commonNoun reports whether t has a common noun's ending, which names rarely have.
func (a *attributor) commonNoun(t token) bool {
	for _, suffix := range nounSuffixes {
		if a.hasSuffix(t, suffix) {
			return true
		}
	}
	return false
}

// nounSuffixes are endings of common nouns that names rarely have.
var nounSuffixes = []string{"tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ances", "ence", "ences", "ship", "ships"}

// lowercase reports whether the word t appears anywhere in the text written in lowercase.
func (a *attributor) lowercase(t token) bool {
	a.learnWords()
	word := []rune(string(a.rs[t.start:t.end]))
	word[0] = unicode.ToLower(word[0])
	return a.lower[string(word)]
}

// named reports whether the word t appears somewhere in the text capitalised inside a sentence,
// where only a name is: a quote credited to a sentence's first word for want of a speech verb
// (Locals dubbed it “…”) needs that to credit it.
func (a *attributor) named(t token) bool {
	a.learnWords()
	return a.inner[string(a.rs[t.start:t.end])]
}

// learnWords reads the text once, the first time it is needed, for the words it writes in
// lowercase and the capitalised words it writes inside a sentence.
func (a *attributor) learnWords() {
	if a.lower != nil {
		return
	}
	a.lower, a.inner = make(map[string]bool), make(map[string]bool)
	inside := false // a word came before in this sentence
	for i := 0; i < len(a.rs); {
		r := a.rs[i]
		if !isWord(r) {
			if sentences.IsTerminal(r) || r == '\n' || familyOf(r) != 0 {
				inside = false
			}
			i++
			continue
		}
		j := i + 1
		for j < len(a.rs) && isWord(a.rs[j]) {
			j++
		}
		switch {
		case j-i > maxKey:
		case unicode.IsLower(r):
			a.lower[string(a.rs[i:j])] = true
		case inside && unicode.IsUpper(r):
			a.inner[string(a.rs[i:j])] = true
		}
		inside, i = true, j
	}
}

// resolve returns whom a pronoun at pos stands for: the most recent name before it, whether a
// quote's speaker or a sentence's subject. It reads back one sentence at a time, stopping at the
// first subject or where the previous pronoun was resolved, so the text is read at most once
// however many pronouns there are, and usually only a sentence or two of it.
//
// A pronoun of the other sex read on the way, between the subject and the pronoun, most likely
// stands for that subject (Watanabe relied on his interpreter. She said he had found it funny.
// “…,” she said.), so the pronoun resolves to nobody rather than to it; unless a person of that
// sex is named before it, whom it may stand for instead (Sarah Jones said her husband had been
// ill. He was taken to hospital. “…,” she said.).
func (a *attributor) resolve(p credit, said string) string {
	pos, other := p.start, false
	sex := pronounSex[strings.ToLower(a.name(p))]
	for end := pos; end > a.cursor; {
		start := a.sentenceStart(end, a.cursor)
		c, unnamed := a.lastSubject(start, end, sex)
		other = a.otherSex(p, c.end, other) && !a.ownedByOther(c, sex)
		if c.found() {
			a.note(c)
			if known := a.sexOf(c, p); known != "" && sex != "" && a.last == c {
				other = known != sex // Ruth Davidson recalled her campaign. She said he had told her to quit.
			}
			if given := a.givenNameSex(c); given != "" && sex != "" && given != sex {
				other = true // Grahame Morris said she had … “…,” she said: not his words.
			}
			break
		}
		if unnamed {
			a.last = credit{} // The coach said Tom Hale had been brilliant. “…,” he said: the coach's.
			break
		}
		if d := a.describedPerson(sex); d >= 0 {
			if d > a.last.start {
				a.last = credit{} // The nearest speaker is described, not named; the pronoun is that one's.
			}
			break
		}
		if d := a.unreadSubject(); d >= 0 {
			if d > a.last.start {
				a.last = credit{} // Keir Starmer hit back. “…,” he said: not whoever was named before him.
			}
			break
		}
		end = start - 1 // Step over the full stop that ended the sentence before.
	}
	a.cursor = max(a.cursor, pos)
	if !a.last.found() || other || sex == "" && !a.singular(a.last, p, said) {
		return ""
	}
	return a.name(a.last)
}

// describedPerson returns where a person described and not named stands as the subject of the
// sentence lastSubject read last, or right after a speech verb opening it, whom a pronoun of the
// sex given may stand for, or -1 when none does: A spokeswoman for the council said …, said a
// police officer at the scene, A woman who lives nearby disagreed. A pronoun after such a
// sentence speaks of that person, whom the finder cannot name, and not of anyone named before,
// even where the person speaks of someone of the pronoun's sex (A nurse said she had seen
// nothing like it): the "she" after may be either, and a wrong name misleads more than none.
// Only a person who says nothing and acts on someone of that sex (A police officer found her)
// leaves the pronoun to the one named before. The object of a speech verb (Staff praised the
// patient) is no such subject, and one whom things befall (the victim, the patient) is only when
// a speech verb follows: The victim remains in hospital is about the victim, and the quote after
// it is still the officer's. A person described by whose they are is described as much as one
// after "a" or "the" when they speak (Her neighbour said, said his wife), unless a name follows
// in commas (His lawyer, Helen Moss, said), who is then the subject lastSubject reads; one only
// told of (Her mother was a nurse; Her mother, she said, was) is a part of the named person's
// story, who still speaks (see describedSpeaks). The roles in newcomerSex describe a person only
// after "a", "an" or "one", and "one" only right before its word (One juror, not One year on the
// widow).
func (a *attributor) describedPerson(sex string) int {
	for j, t := range a.seen {
		one := a.spelled(t, "one")
		if !t.is(determinerWord) && !one {
			continue
		}
		inverted := j > 0 && t.joined && a.speechVerb(a.seen[j-1]) && (j == 1 || !a.seen[j-1].joined)
		if j > 0 && !inverted {
			continue
		}
		indefinite := one || a.spelled(t, "a") || a.spelled(t, "an")
		for i, n := range a.seen[j+1 : min(len(a.seen), j+5)] {
			if !n.joined || one && i > 0 {
				break // One year on the widow: "one" introduces only the word right after it.
			}
			if n.is(determinerWord) {
				indefinite = false // A day later the striker: the striker is the one named before.
			}
			w := strings.ToLower(a.word(n))
			s, ok := describedSex[w]
			if !ok && indefinite {
				s, ok = newcomerSex[w]
			}
			if ok && (s == "" || sex == "" || s == sex) {
				rest := a.seen[j+i+2:]
				if t.is(possessiveWord) && len(rest) > 0 && !rest[0].joined && a.capital(rest[0]) {
					break // His lawyer, Helen Moss, said: named in the commas after.
				}
				if t.is(possessiveWord) && !inverted && !a.describedSpeaks(a.seen, j+i+2, sex) {
					break // Her mother was a nurse: told of, and the pronoun after is still the name's.
				}
				if s == "" && a.speaksOfSex(rest, sex) && !inverted && !slices.ContainsFunc(rest, a.speechVerb) {
					return -1 // A police officer found her in the road: she is another, named before.
				}
				if befallen[strings.ToLower(a.word(n))] && !inverted && !slices.ContainsFunc(a.seen[j+i+2:], a.speechVerb) {
					return -1
				}
				return t.start
			}
		}
	}
	return -1
}

// describedSpeaks reports whether the person described by the words ending at toks[k-1] is the
// subject of a speech verb of their own, right after the words (Her sister told the BBC) or past
// a description between commas (Her neighbour, who saw it, said), and speaks to nobody of the sex
// given. A speech verb of another (Her mother, she said, was a nurse; His father was a miner who
// told him) says nothing of the person's own, and one told of speaking to a pronoun of that sex
// (His manager told him to rest) is speaking to the one the pronoun after stands for.
func (a *attributor) describedSpeaks(toks []token, k int, sex string) bool {
	v := -1
	switch {
	case a.speechAfter(toks, k):
		v = a.verbAfter(toks, k, true)
	case a.appositiveSpeech(toks, k):
		v = a.pastApposition(toks, k)
	default:
		return false
	}
	if v+1 >= len(toks) || !toks[v+1].joined {
		return true
	}
	w := strings.ToLower(a.word(toks[v+1]))
	return !objectPronouns[w] || sex == "" || objectSex[w] != sex
}

// speaksToPronoun reports whether the person or pair named in toks up to toks[m-1] speaks, with a
// speech verb right after the name, to a pronoun of the sex given (His son Jack told him to
// rest, Smith and Jones told him): such a speaker is speaking to the one the pronoun after
// stands for, and is not that one.
func (a *attributor) speaksToPronoun(toks []token, m int, sex string) bool {
	return a.speechAfter(toks, m) && a.toPronoun(toks, a.verbAfter(toks, m, true), sex)
}

// toPronoun reports whether the speech verb toks[v] speaks to a pronoun of the sex given: told
// him, asked her to, warned her that. Her before a lowercase word owns it (said her coach,
// recalled her first campaign), and is nobody spoken to.
func (a *attributor) toPronoun(toks []token, v int, sex string) bool {
	if sex == "" || v < 0 || v+1 >= len(toks) || !toks[v+1].joined {
		return false
	}
	switch strings.ToLower(a.word(toks[v])) {
	case "told", "tells", "tell", "telling", "asked", "asks", "ask", "asking", "warned", "warns", "urged", "urges", "reminded", "reminds", "assured", "informed", "advised", "begged", "ordered", "instructed", "promised":
	default:
		return false // praised him, called him a liar, described him as: no one spoken to
	}
	w := strings.ToLower(a.word(toks[v+1]))
	if !objectPronouns[w] || objectSex[w] != sex {
		return false
	}
	if w != "her" || v+2 >= len(toks) || !toks[v+2].joined {
		return true
	}
	n := toks[v+2]
	return n.is(pronounWord|prepositionWord) || a.word(n) == "that"
}

// unreadSubject returns where the full name opening the sentence lastSubject read last stands,
// when a word the finder does not know for a verb follows it (Keir Starmer hit back, Kai Lund
// hits out), or -1. The name is likely the subject a pronoun after it stands for, whom the finder
// cannot vouch for; passing over it to a name before would credit someone the pronoun may not
// speak of. A known verb was weighed by lastSubject already (Real Madrid won is a team's).
func (a *attributor) unreadSubject() int {
	if len(a.seen) < 3 || a.seen[0].is(stopWord) || !a.capital(a.seen[0]) {
		return -1
	}
	m := a.runEnd(a.seen, 0)
	if m < 2 || m >= len(a.seen) || !a.seen[m].joined || a.capital(a.seen[m]) {
		return -1
	}
	t := a.seen[m]
	if a.verb(t) || t.is(helperVerb|fillerWord|prepositionWord|stopWord) || a.hasSuffix(t, "ly") || !a.credit(a.seen, 0, m).found() {
		return -1
	}
	return a.seen[0].start
}

// speaksOfSex reports whether a pronoun of the sex given, "m" or "f", stands among toks.
func (a *attributor) speaksOfSex(toks []token, sex string) bool {
	if sex == "" {
		return false
	}
	for _, t := range toks {
		if objectSex[strings.ToLower(a.word(t))] == sex {
			return true
		}
	}
	return false
}

// objectSex is the sex of the pronouns a sentence may speak of a person with.
var objectSex = map[string]string{"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

// befallen are the people describedSex tells whom news tells of more often than it quotes.
var befallen = map[string]bool{"victim": true, "patient": true}

// describedSex is the sex, "" when open, of the people the words describe as the subject of a
// sentence: a spokeswoman for the council, a police officer.
var describedSex = map[string]string{
	"spokesman": "m", "spokeswoman": "f", "spokesperson": "", "man": "m", "woman": "f",
	"boy": "m", "girl": "f", "official": "", "officer": "", "source": "", "aide": "",
	"resident": "", "witness": "", "neighbour": "", "neighbor": "", "lawyer": "", "executive": "",
	"director": "", "manager": "", "doctor": "", "nurse": "", "teacher": "", "worker": "",
	"passenger": "", "driver": "", "student": "", "colleague": "", "friend": "", "diplomat": "",
	"analyst": "", "employee": "", "owner": "", "farmer": "", "paramedic": "", "survivor": "",
	"mother": "f", "father": "m", "wife": "f", "husband": "m", "daughter": "f", "son": "m",
	"sister": "f", "brother": "m", "grandmother": "f", "grandfather": "m", "widow": "f",
	"widower": "m", "mum": "f", "dad": "m", "aunt": "f", "uncle": "m", "businessman": "m",
	"businesswoman": "f", "parent": "", "patient": "", "pensioner": "", "volunteer": "",
	"customer": "", "shopper": "", "voter": "", "relative": "", "victim": "",
}

// newcomerSex gives the sex of the roles that describe a person only after "a", "an" or "one"
// (A second researcher was less sure, One player was sent off), which bring in someone new.
// After "the" they stand for the person named before far more often (Harry Kane scored twice.
// The striker limped off), and a pronoun after them still reads back to the name.
var newcomerSex = map[string]string{
	"defendant": "", "juror": "", "foreman": "m", "forewoman": "f", "player": "", "striker": "",
	"goalkeeper": "", "midfielder": "", "defender": "", "referee": "", "umpire": "",
	"researcher": "", "scientist": "", "actor": "", "actress": "f", "singer": "", "cyclist": "",
	"pedestrian": "",
}

// singular reports whether the pronoun p, they, plainly stands for the one person named by c
// before it, which only the quote it credits, said, can show: it must speak as one person (I, my)
// and never as many (we, us). c must name a person whose sex the finder cannot tell, by a given
// name of either sex or an age after it (Alex Morgan; Robin Tate, 29,), and no one else: its
// paragraph names nobody else before the pronoun but places after a preposition (of Leeds), and
// nothing between the two names a group, a plural or another pronoun that they may stand for
// instead (Alex Morgan and Sam Lee, The players left in silence, the club had let fans down,
// attacked by two men, a couple walking their dog), nor anyone after a preposition that relates
// the name to others (was stopped by staff, spoke to people, named in the squad by England). It
// reads no more than a sentence's window back from the name, so a name further back tells
// nothing.
func (a *attributor) singular(c, p credit, said string) bool {
	if c.body || p.start-c.end > leadWindow || !givenBoth[a.givenName(c)] && !a.aged(c) || !firstPersonSingular(said) {
		return false
	}
	from := c.start
	for from > 0 && from > c.start-leadWindow && a.rs[from-1] != '\n' {
		from--
	}
	a.seen = a.tokenize(a.seen[:0], from, p.start, false)
	words, placed := 0, false
	for k, t := range a.seen {
		inName := t.start >= c.start && t.end <= c.end
		placed = a.capital(t) && !inName && (placed || k > 0 && t.joined && a.seen[k-1].is(prepositionWord))
		switch {
		case inName:
			if t.is(bodyWord | firmWord) {
				return false
			}
			words++
		case t.end <= c.start && k+1 < len(a.seen) && a.seen[k+1].start == c.start && a.seen[k+1].joined && a.conjunction(t):
			return false // Alex Morgan and Sam Lee said
		case a.capital(t) && !t.is(stopWord) && !placed && !a.sameName(t, c):
			return false
		case t.start >= c.end && (t.is(pronounWord|quantifierWord|groupWord) || !a.capital(t) && a.pluralWord(t)):
			return false
		case t.start >= c.end && k+1 < len(a.seen) && a.seen[k+1].joined && (relating[a.word(t)] || a.counts(t, a.seen[k+1])):
			return false // attacked by someone, 2 men
		}
	}
	return words > 1
}

// relating holds the prepositions that relate a person to others, whom a they after them may stand
// for: attacked by two men, spoke to people, played for the team.
var relating = map[string]bool{"by": true, "with": true, "to": true, "from": true, "of": true, "for": true, "among": true, "against": true}

// counts reports whether t is a number in figures that counts the word next after it: 2 men.
func (a *attributor) counts(t, next token) bool {
	return isDigit(a.rs[t.start]) && !a.capital(next)
}

// firstPersonSingular reports whether the quoted words speak as one person, with I, me, my, mine
// or myself, and never as many, with we, us (not the US), our or ours.
func firstPersonSingular(said string) bool {
	one := false
	for _, w := range strings.FieldsFunc(said, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch strings.ToLower(w) {
		case "we", "our", "ours", "ourselves":
			return false
		case "us":
			if w != "US" {
				return false
			}
		case "me", "my", "mine", "myself":
			one = true
		case "i":
			one = one || w == "I"
		}
	}
	return one
}

// aged reports whether the name c is followed by an age between commas: Robin Tate, 29,.
func (a *attributor) aged(c credit) bool {
	if c.end >= len(a.rs) || a.rs[c.end] != ',' {
		return false
	}
	i := c.end + 1
	for i < len(a.rs) && a.rs[i] == ' ' {
		i++
	}
	j := i
	for j < len(a.rs) && j < i+3 && isDigit(a.rs[j]) {
		j++
	}
	return j > i && j < len(a.rs) && a.rs[j] == ','
}

// sameName reports whether the word t is one of the words of the name c: Morgan after Alex
// Morgan.
func (a *attributor) sameName(t token, c credit) bool {
	w := string(a.rs[t.start:t.end])
	for _, part := range strings.Fields(a.name(c)) {
		if part == w {
			return true
		}
	}
	return false
}

// pluralWord reports whether the lowercase word t may be a plural that they stands for, a word of
// four letters or more in -s but not -ss, -us or -is, and no verb the lexicon knows (was, says):
// fans, players, officials. A verb in -s (lives, runs) is taken for one too, which costs a credit
// only.
func (a *attributor) pluralWord(t token) bool {
	return t.end-t.start > 3 && a.plural(t) && !a.hasSuffix(t, "us") && !a.hasSuffix(t, "is") &&
		!t.is(speechWord|helperVerb|pastWord|trailingSpeech)
}

// otherSex reports whether, reading back from the pronoun p, a subject pronoun of the other sex
// than p's (he for she or her, she for he or his) stands in the words lastSubject read last, from
// offset from on, or pending says one stood in the sentences read before, with no person of that
// sex named before it: her husband, the boy. His and her there may stand for anyone, a ship that
// he towed among them.
func (a *attributor) otherSex(p credit, from int, pending bool) bool {
	sex := pronounSex[strings.ToLower(a.name(p))]
	if sex == "" {
		return false
	}
	for i := len(a.seen) - 1; i >= 0; i-- {
		t := a.seen[i]
		if t.start < from || t.start >= p.start {
			continue
		}
		w := strings.ToLower(a.word(t))
		switch {
		case t.is(pronounWord) && pronounSex[w] != sex:
			pending = true
		case personSex[w] != "" && personSex[w] != sex:
			pending = false // Her husband … He was taken to hospital: he is the husband.
		}
	}
	return pending
}

// ownedByOther reports whether the name c, which lastSubject read last, fills a role a possessive
// of the other sex than the one given owns: His lawyer, Helen Moss, said he would appeal. That
// owner is a person of the other sex, whom a pronoun of that sex may stand for instead of c.
func (a *attributor) ownedByOther(c credit, sex string) bool {
	for k, t := range a.seen {
		if t.start == c.start && k > 0 {
			owner, ok := a.rolePossessive(a.seen, k)
			return ok && sex != "" && pronounSex[owner] != "" && pronounSex[owner] != sex
		}
	}
	return false
}

// sexOf returns the sex the sentence lastSubject read last gives its subject c, before the
// pronoun p: by a title that tells it (Mr Collins, Dame Judi Dench) or by the first possessive
// pronoun after the name (Ruth Davidson recalled her first campaign, Watanabe relied on his
// interpreter); a her that owns nothing is whom the verb acts on (Hank Brennan pressed her on
// the timeline) and tells nothing. It returns "" when the sentence does not tell.
//
// A possessive of the sex of the one who owns c's role may be that owner's (Her producer, Martin
// Loewe, recalled the recording of her album), and tells nothing.
func (a *attributor) sexOf(c, p credit) string {
	owner := ""
	for i, t := range a.seen {
		switch {
		case t.start == c.start && i > 0:
			if w, ok := a.rolePossessive(a.seen, i); ok {
				owner = pronounSex[w]
			}
		case t.end <= c.start && i+1 < len(a.seen) && a.seen[i+1].start == c.start && a.seen[i+1].joined:
			if s := titleSex[strings.ToLower(strings.TrimSuffix(a.word(t), "."))]; s != "" {
				return s
			}
		case t.start >= c.end && t.start < p.start && t.is(possessiveWord) && a.owns(a.seen, i):
			if s := pronounSex[strings.ToLower(a.word(t))]; s != owner {
				return s
			}
			return ""
		}
	}
	return ""
}

// titleSex is the sex of the titles that tell it.
var titleSex = map[string]string{
	"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
	"mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
}

// pronounSex is the sex each pronoun the finder resolves speaks of.
var pronounSex = map[string]string{"he": "m", "his": "m", "she": "f", "her": "f"}

// personSex is the sex of the people the words name, whom a pronoun of that sex may stand for.
var personSex = map[string]string{
	"husband": "m", "son": "m", "father": "m", "brother": "m", "boy": "m", "man": "m",
	"boyfriend": "m", "uncle": "m", "nephew": "m", "grandson": "m", "grandfather": "m",
	"dad": "m", "stepfather": "m", "stepson": "m",
	"wife": "f", "daughter": "f", "mother": "f", "sister": "f", "girl": "f", "woman": "f",
	"girlfriend": "f", "aunt": "f", "niece": "f", "granddaughter": "f", "grandmother": "f",
	"mum": "f", "mom": "f", "stepmother": "f", "stepdaughter": "f",
}

// lastSubject returns the last sentence subject in rs[from:to] that a pronoun of the sex given,
// if any, may stand for. The subject of an irregular past stands for it only as far as vouch
// vouches for it, and otherwise is passed over for the subjects before it: Erling Haaland scored
// twice. Real Madrid won 3-1. “…,” he said. One vouched for only as a person whose sex is open
// stands for it only when the sentence names nobody else the pronoun may stand for: Chris Evans
// won the race, but not Aleksandra Nowak met Tomasz Lis in Warsaw. A name after the speech verb
// of one person the pronoun may stand for, with a verb of its own, is in the words reported (The
// coach said Tom Hale had been brilliant), and stands for no pronoun after them: the speaker
// does, and when the speaker is described and not named (the coach) unnamed is set, for nobody
// the pronoun may be found to stand for. Many or a body (Witnesses said, The club said) are
// nobody "he" or "she" stands for, and the name in their words is who it does.
func (a *attributor) lastSubject(from, to int, sex string) (c credit, unnamed bool) {
	var last, open credit
	names := 0
	spoken, speaker := false, false // a speech verb was read; a name or pronoun came before it
	a.seen = a.tokenize(a.seen[:0], from, to, false)
	for k := 0; k < len(a.seen); k++ {
		if spoken && k > 0 && !a.seen[k].joined {
			spoken = false // Arteta said little, but Saka was: a comma ends the words reported.
		}
		if !a.capital(a.seen[k]) {
			if !spoken && a.speechVerb(a.seen[k]) {
				j := a.subjectBefore(a.seen, k)
				named := last.found() && a.oneNamed(a.seen, last) || open.found() && a.oneNamed(a.seen, open) ||
					j >= 0 && a.seen[j].is(pronounWord) && mayStandFor(sex, pronounSex[strings.ToLower(a.word(a.seen[j]))])
				spoken, speaker = named || j >= 0 && a.onePerson(a.seen[j], sex), named
			}
			continue
		}
		m := a.runEnd(a.seen, k)
		c := a.credit(a.seen, k, m)
		if c.found() && a.speaksToPronoun(a.seen, m, sex) {
			k = m - 1 // His son Jack told him, Smith and Jones told him: they speak to the one "he" is.
			continue
		}
		if !spoken && c.found() && a.paired(a.seen, k) && a.pairSpeaks(a.seen, k, m) {
			// Smith and Jones said: two people, for either of whom "he" may stand, and neither
			// the one named before them. Named before the last speaker, they are not the nearest.
			// A pair in the words a speaker reports (Arteta said Saka and Rice told him) is read
			// below as those words' subject, and the speaker still stands for the pronoun.
			if !a.last.found() || a.seen[k].start > a.last.start {
				last, open, unnamed = credit{}, credit{}, true
				// Smith and Jones said Tom Hale had been brilliant: the words the pair reports,
				// whose subject is no more the pronoun's than the pair's words are the speaker's.
				spoken, speaker = a.speechAfter(a.seen, m), false
			}
			k = m - 1
			continue
		}
		if spoken && c.found() && a.subject(a.seen, k, m) {
			unnamed = unnamed || !speaker
			k = m - 1 // said Tom Hale had been: the reported words' subject, not the speaker.
			continue
		}
		if c.found() && a.ownedByName(a.seen, k, m) {
			unnamed = true // Sarah Jackson's Lady Macbeth is …: the actor or the part.
			k = m - 1
			continue
		}
		if c.found() {
			names++
		}
		if c.found() && a.person(a.seen, k, m) && !a.work(a.seen, k) {
			switch {
			case a.appositiveSubject(a.seen, m) || a.commaSubject(a.seen, k, m) && a.roleOfSex(a.seen, k, sex) &&
				(!a.irregular(a.seen[m]) || a.vouch(a.seen, k, c, sex) == sexVouched),
				a.appositivePast(a.seen, m) && a.vouch(a.seen, k, c, sex) == sexVouched,
				a.commaSubject(a.seen, k, m) && a.irregular(a.seen[m]) && a.roleOfMany(a.seen, k) &&
					a.vouch(a.seen, k, c, sex) == sexVouched:
				last = c
			case !a.speakerSubject(a.seen, k, m, false):
			case !a.irregularPast(a.seen, m):
				last = c
			default:
				switch a.vouch(a.seen, k, c, sex) {
				case sexVouched:
					last = c
				case personVouched:
					open = c
				}
			}
		}
		k = m - 1
	}
	if open.found() && names == 1 {
		return open, unnamed
	}
	return last, unnamed
}

// pairSpeaks reports whether the pair whose second name is the run toks[k:m] is the subject of a
// speech verb, after it (Smith and Jones said) or before it where the verb opens its clause
// (“…,” said Smith and Jones), or opens the sentence toks holds, whatever its verb and the words
// between commas after it (Adams and Rogers, both 19, said nothing; Smith and Jones were
// charged): a pronoun after may stand for either. A pair the sentence only tells of (Arteta
// praised Saka and Rice) leaves a pronoun to its subject.
func (a *attributor) pairSpeaks(toks []token, k, m int) bool {
	if a.speechAfter(toks, m) {
		return true
	}
	j := k - 2 // the last word of the first name, before "and"
	for j > 0 && toks[j].joined && a.capital(toks[j-1]) {
		j--
	}
	if j == 0 {
		return true
	}
	// The verb opens its clause, as after a quote: Arteta praised Saka and Rice has a subject.
	return j > 0 && toks[j].joined && a.speechVerb(toks[j-1]) && !a.capital(toks[j-1]) && (j == 1 || !toks[j-1].joined)
}

// oneNamed reports whether the name c, read in toks, is one person's, and not a word for many
// capitalized at the start of a sentence (Witnesses, Sources, Reports, Police said). Such a
// word of one run is read as many when it is a word for a group, a body, a document or people
// described, or ends in a plural's "s", as a surname may (Jones said): the name in the words
// reported is then who the pronoun stands for, as it is after many.
func (a *attributor) oneNamed(toks []token, c credit) bool {
	if c.body {
		return false
	}
	k := slices.IndexFunc(toks, func(t token) bool { return t.start == c.start })
	if k != 0 || len(toks) < 2 || toks[1].start < c.end {
		return true
	}
	t := toks[0]
	return !t.is(groupWord|bodyWord|proxyWord|documentWord) && !a.describedWord(t) && !a.pluralWord(t)
}

// subjectBefore returns where the word stands that the speech verb at toks[k] follows in its
// clause, past the helping verbs and adverbs between them (the coach has also said), or -1.
func (a *attributor) subjectBefore(toks []token, k int) int {
	j := k - 1
	for j > 0 && toks[j+1].joined && (toks[j].is(helperVerb|fillerWord) || a.hasSuffix(toks[j], "ly") && !toks[j].is(lyNoun)) {
		j--
	}
	if j < 0 || !toks[j+1].joined {
		return -1
	}
	return j
}

// onePerson reports whether t is a word for one person described and not named, whom a pronoun
// of the sex given may stand for: the coach, a spokeswoman for she; not the club, witnesses, or
// a spokeswoman for he.
func (a *attributor) onePerson(t token, sex string) bool {
	w := strings.ToLower(a.word(t))
	if s, ok := describedSex[w]; ok {
		return mayStandFor(sex, s)
	}
	s := titleSex[w]
	if strings.HasSuffix(w, "woman") {
		s = "f"
	}
	return t.is(titleWord) && !a.plural(t) && mayStandFor(sex, s)
}

// mayStandFor reports whether a pronoun of the sex given may stand for a person of sex s, either
// being "" when open.
func mayStandFor(sex, s string) bool { return sex == "" || s == "" || sex == s }

// vouching is how far the words vouch for a name as the one a pronoun stands for.
type vouching int8

const (
	unvouched     vouching = iota // a team, a country, a firm or a band as well as a person
	personVouched                 // a person, of either sex
	sexVouched                    // a person of the pronoun's sex
)

// vouch tells how far the words vouch for the name c, the subject of an irregular past in the
// run opening at toks[k], as the one a pronoun of the sex given stands for. A title of that sex
// (Mr Patel, Dame Judi Dench), a given name of it (Peter Hall) or, failing both, a possessive of
// it after the verb (Grace Dent gave her verdict) vouch for it; one of the other sex rules it out. A given name of both sexes (Chris Evans), or a name credited as a speaker
// before, vouch for a person whose sex is open. Any other name may be a team's, a country's, a
// firm's or a band's as well as a person's, or a person's of the other sex: Real Madrid won,
// New Zealand lost, Goldman Sachs paid, Pearl Jam made, Aleksandra Nowak met.
func (a *attributor) vouch(toks []token, k int, c credit, sex string) vouching {
	told := a.givenNameSex(c)
	for _, t := range toks[k:] {
		if t.start >= c.start {
			break
		}
		if s := titleSex[strings.ToLower(strings.TrimSuffix(a.word(t), "."))]; s != "" {
			told = s
		}
	}
	if told == "" {
		told = a.ownerSex(toks, c)
	}
	switch {
	case told != "" && told == sex:
		return sexVouched
	case told != "":
		return unvouched
	case givenBoth[a.givenName(c)] || a.spoke[a.name(c)]:
		return personVouched
	}
	return unvouched
}

// work reports whether the words ending right before toks[k] call the name there a work, which
// no pronoun stands for: one song on it, Dark Water Rising, was taken up by the unions.
func (a *attributor) work(toks []token, k int) bool {
	for j := k - 1; j >= 0; j-- {
		if toks[j].is(titleCue) {
			return true
		}
		if !toks[j].joined {
			break
		}
	}
	return false
}

// note remembers the name c credits for the pronouns after it, unless a later one is known.
func (a *attributor) note(c credit) {
	if !a.last.found() || c.start >= a.last.start {
		a.last = c
	}
}

// runEnd returns where the run of capitalized words starting at toks[k] ends. Lowercase
// particles inside a name belong to it (Rosa de la Cruz), though "ten" is one only where
// particled has it (Erik ten Hag said) and a number before a group otherwise (On Tuesday ten
// Labour MPs, Later ten Chelsea players). So does "of" or "for" after an office, with "the" after it, and "and" in a place followed by at least three more capitalised
// words (Secretary of State for Health and Social Care Wes Streeting), and so do the parts of a
// place listed with commas before that "and" (see listedPlace) and every "of" or "for" after the
// first (Chair of the Joint Chiefs of Staff Dan Caine): the Bank of England, Transport for Wales, Friends of the Earth,
// Mayor of London Sadiq Khan are each one name, not a word and another name after it. After a
// speech verb, spokenOf cuts the run at a surname's joiner: said Guardiola of Haaland.
func (a *attributor) runEnd(toks []token, k int) int {
	m, words, placed := k+1, 0, false
	if !toks[k].is(stopWord) {
		words = 1
	}
	for m < len(toks) && (toks[m].joined || placed && a.listedPlace(toks, m)) {
		if a.capital(toks[m]) || a.prefixedName(toks[m]) {
			m++
			words++
			continue
		}
		j := m
		for j < len(toks) && toks[j].joined && toks[j].is(particleWord) && (a.word(toks[j]) != "ten" || a.tenName(toks, j)) {
			j++
		}
		if j == m && placed && a.conjunction(toks[m]) && a.capitalsAfter(toks, m+1) > 2 {
			j = m + 1 // Secretary of State for Health and Social Care Wes Streeting
		} else if j == m && (placed && toks[m].is(joinerWord) || a.office(toks, m, words)) {
			// Chair of the Joint Chiefs of Staff Dan Caine: a place, once begun, runs on through
			// its own "of" (Speaker of the House of Representatives Mike Johnson).
			j = a.pastJoiner(toks, m)
			words, placed = 0, true
		}
		if j == m || j == len(toks) || !toks[j].joined || !a.capital(toks[j]) {
			return m
		}
		m = j + 1
		words++
	}
	return m
}

// listedPlace reports whether toks[m], after a comma and a title's place, goes on with that place
// as the next of its parts, listed with commas up to an "and" and at least three capitalized
// words after it, the last of them the name: Secretary of State for Science, Innovation and
// Technology Peter Kyle; Culture, Media and Sport.
func (a *attributor) listedPlace(toks []token, m int) bool {
	if m == 0 || a.rs[toks[m-1].end] != ',' || !a.capital(toks[m]) {
		return false
	}
	for j := m + 1; j < len(toks); j++ {
		switch {
		case a.capital(toks[j]) && (toks[j].joined || a.rs[toks[j-1].end] == ','):
		case toks[j].joined && a.conjunction(toks[j]):
			return a.capitalsAfter(toks, j+1) > 2
		default:
			return false
		}
	}
	return false
}

// capitalsAfter returns how many capitalized words run on from toks[j].
func (a *attributor) capitalsAfter(toks []token, j int) int {
	n := 0
	for j+n < len(toks) && toks[j+n].joined && a.capital(toks[j+n]) {
		n++
	}
	return n
}

// office reports whether the words of a run before toks[m], the last words of them since its
// start or its last joiner, may name an office, a body or a group that "of" or "for" runs on: one
// word (Mayor of London, Bank of England, Residents of Grenfell Tower), two titles (Chief
// Executive of Tesco, Prime Minister of Japan), a rank and a title (First Minister of Wales) or
// a body of two words (Reserve Bank of Australia).
func (a *attributor) office(toks []token, m, words int) bool {
	switch words {
	case 1:
		return true
	case 2:
		return toks[m-1].is(titleWord) && (toks[m-2].is(titleWord) || officeRanks[strings.ToLower(a.word(toks[m-2]))]) ||
			toks[m-1].is(bodyWord) && a.capital(toks[m-2])
	}
	return false
}

// officesOf are the words that are titles only before the place or body they hold office over,
// and words of other names elsewhere (Premier Inn, Speaker's Corner, Ryan Bishop): Premier of Ontario Doug
// Ford, Speaker of the House Mike Johnson.
var officesOf = map[string]bool{
	"premier": true, "speaker": true, "leader": true, "bishop": true, "archbishop": true, "cardinal": true,
}

// officeOf reports whether toks[j] is one of officesOf before the place it holds office over and
// a name of two words or more after the place (Bishop of Leeds Nick Baines), or right before such
// a name with no body's or firm's word in it (House Speaker Mike Johnson, Premier Doug Ford, not
// Premier League Darts). Without the name it is the office's name alone (said the Bishop of
// Leeds), or a name's first or last word (Premier Inn, Ryan Bishop).
func (a *attributor) officeOf(toks []token, j, m int) bool {
	if !officesOf[strings.ToLower(a.word(toks[j]))] {
		return false
	}
	if toks[j+1].is(joinerWord) {
		return a.pastJoiner(toks, j+1)+2 < m
	}
	for _, t := range toks[j+1 : m] {
		if t.is(bodyWord | firmWord) {
			return false
		}
	}
	return j+2 < m
}

// officeRanks are the words that open an office of two words with a title, no title themselves:
// First Minister of Scotland, High Commissioner for Canada.
var officeRanks = map[string]bool{"first": true, "high": true, "grand": true, "permanent": true, "principal": true, "supreme": true}

// spokenOf returns where the name in the run toks[k:m] after a speech verb ends: at its "of" or
// "for" when its first word is a bare surname, neither a title's or a body's word nor after a
// determiner, since a surname there is followed by whom or what the speaker spoke of (said
// Guardiola of Haaland, said Kane for England), not by the rest of one name (said the Duke of
// Sussex, said Transport for Wales, said Mayor of London Sadiq Khan).
func (a *attributor) spokenOf(toks []token, k, m int) int {
	if k > 0 && toks[k].joined && toks[k-1].is(determinerWord) || toks[k].is(stopWord) {
		return m
	}
	if k+1 < m && toks[k+1].is(joinerWord) && !toks[k].is(titleWord|bodyWord) {
		return k + 1
	}
	return m
}

// prefixedName reports whether t is a name after a lowercase particle joined to it by a hyphen
// or an apostrophe, which a name runs on through: Abdul-Rahman al-Sayed, Abdel Fattah el-Sisi,
// Jean d’Alembert. Other prefixes make a description of the word (ex-MP, pro-Brexit, non-EU).
func (a *attributor) prefixedName(t token) bool {
	for i := t.start + 1; i < min(t.end-1, t.start+5); i++ {
		if r := a.rs[i]; r == '-' || r == '\'' || r == rightSingle {
			return unicode.IsUpper(a.rs[i+1]) && nameParticles[string(a.rs[t.start:i])]
		}
	}
	return false
}

// partyTag reports whether t is the party and state an American politician's name is followed by
// between commas: Sen. Mark Delaney, R-Ohio, said; Sen. Patricia Nunez, D-N.M., said.
func (a *attributor) partyTag(t token) bool { return a.partyTagAt(t.start, t.end) }

// partyTagAt reports whether a.rs[start:end] is a party and state: R-Ohio, D-Ariz, I-Vt. Only a
// state makes it one: D-Day and I-Pace are words like any other, and their full stop ends a
// sentence.
func (a *attributor) partyTagAt(start, end int) bool {
	if end-start < 3 || a.rs[start+1] != '-' {
		return false
	}
	switch a.rs[start] {
	case 'R', 'D', 'I':
		return usStates[strings.TrimSuffix(string(a.rs[start+2:end]), ".")]
	}
	return false
}

// usStates are the 50 states and the District of Columbia as a party tag writes them: by name,
// by the news agencies' abbreviation (without its last full stop) or by postal code.
var usStates = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range strings.Fields(`
		Alabama Ala AL Alaska AK Arizona Ariz AZ Arkansas Ark AR California Calif CA
		Colorado Colo CO Connecticut Conn CT Delaware Del DE Florida Fla FL Georgia Ga GA
		Hawaii HI Idaho ID Illinois Ill IL Indiana Ind IN Iowa IA Kansas Kan KS
		Kentucky Ky KY Louisiana La LA Maine ME Maryland Md MD Massachusetts Mass MA
		Michigan Mich MI Minnesota Minn MN Mississippi Miss MS Missouri Mo MO Montana Mont MT
		Nebraska Neb NE Nevada Nev NV N.H NH N.J NJ N.M NM N.Y NY N.C NC N.D ND Ohio OH
		Oklahoma Okla OK Oregon Ore OR Pennsylvania Pa PA R.I RI S.C SC S.D SD
		Tennessee Tenn TN Texas Tex TX Utah UT Vermont Vt VT Virginia Va VA
		Washington Wash WA W.Va WV Wisconsin Wis WI Wyoming Wyo WY D.C DC`) {
		m[s] = true
	}
	return m
}()

// nameParticles are the lowercase particles joined to the name after them by a hyphen or an
// apostrophe.
var nameParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true, "at": true,
	"az": true, "d": true, "l": true, "bin": true, "bint": true, "ibn": true, "abu": true,
	"ben": true, "ould": true,
}

// pastJoiner returns the index after "of" or "for" at toks[m] and a "the" after it, or m when
// toks[m] is neither.
func (a *attributor) pastJoiner(toks []token, m int) int {
	if !toks[m].is(joinerWord) {
		return m
	}
	j := m + 1
	if j < len(toks) && toks[j].joined && a.word(toks[j]) == "the" {
		j++
	}
	return j
}

// describesGroup reports whether the capitalized words ending at toks[m] describe the people of
// the plural noun right after them, who speak as a group the finder cannot name: Two US
// officials, Israeli officials, Several Western diplomats.
func (a *attributor) describesGroup(toks []token, m int) bool {
	if m >= len(toks) || !toks[m].joined || a.capital(toks[m]) || !a.pluralWord(toks[m]) {
		return false
	}
	return describedPlural[strings.ToLower(a.word(toks[m]))]
}

// describedPlural are the plural nouns of people whom capitalized words before them describe
// without naming whom they speak for; a firm's analysts or economists speak for the firm (Citi
// analysts said), and are left out.
var describedPlural = map[string]bool{
	"officials": true, "diplomats": true, "sources": true, "officers": true, "residents": true,
	"ministers": true, "lawmakers": true, "legislators": true, "soldiers": true, "troops": true,
	"witnesses": true, "activists": true, "protesters": true, "aides": true, "doctors": true,
	"negotiators": true, "investigators": true, "prosecutors": true, "commanders": true,
}

// credit names the run of capitalized words toks[k:m], without the stopwords in front of it
// (The, Yet, She) and without the titles up to the last of them (Mexican President), unless
// the last title and one common noun or a firm's word after it name a body or a firm (US State
// Department, General Motors). A possessive
// (Trump’s) or a bare title names nobody. A post-nominal ending the run is dropped from a name
// (Jess Phillips MP); after a determiner it and the party before it are the member the quote
// belongs to, a body no pronoun stands for (a Tory MP said).
func (a *attributor) credit(toks []token, k, m int) credit {
	if a.possessive(toks[m-1]) || a.describesGroup(toks, m) {
		return credit{}
	}
	first := k
	for first < m && toks[first].is(stopWord) {
		first++
	}
	for first < m-1 && a.hyphenedDescription(toks[first]) && !a.numberWord(toks[first]) {
		// Mum-of-two Kelly Brown: the description opening the run is no part of the name. A
		// number (Twenty-five Labour MPs) tells how many, as Ten does, and is read below.
		first++
	}
	if first < m && a.partyTag(toks[first]) {
		return credit{} // R-Ohio describes a senator, and names nobody.
	}
	if first == k && (k == 0 || !toks[k].joined) && (toks[k].is(quantifierWord) || a.numberWord(toks[k])) {
		if first+1 == m {
			return credit{} // Others said:, Another, the former minister, said:, Two students said: a group or one of it.
		}
		// Before a person's name the quantifier is no part of it (Another Mark Thompson said).
		// Before a group's, one that tells how many of the group spoke stays with it (Several
		// MPs, Many Tory MPs, Most MPs); some, the plural of a, tells no more than a does before
		// one member (a Tory MP said), and goes as a does (Some Tory MPs said).
		if a.namesPerson(toks, first+1, m) || a.plural(toks[m-1]) && strings.EqualFold(a.word(toks[first]), "some") {
			first++
		}
	}
	for j := m - 2; j >= first; j-- {
		if a.possessive(toks[j]) {
			if a.namesPerson(toks, j+1, m) {
				first = j + 1 // Labour's Angela Rayner, Capital Economics' Paul Ashworth: the owner is no part of the name.
			}
			break
		}
	}
	if m-first > 1 && toks[m-1].is(postNominal) {
		if a.determined(toks, k, first) {
			return credit{start: toks[first].start, end: toks[m-1].end, body: true}
		}
		if m-first < 3 && toks[m-1].is(titleWord) {
			return credit{} // Labour MP: a party is no name; Clegg KC is one.
		}
		m--
	}
	if toks[m-1].is(titleWord) && !a.titledSurname(toks, first, m) {
		return credit{}
	}
	k, last := first, m-2
	if m-first > 2 && toks[m-2].is(titleWord) && generational[strings.ToLower(strings.TrimSuffix(a.word(toks[m-1]), "."))] {
		last = m - 3 // Martin Luther King Jr.: a suffix follows a surname, never a title.
	}
	for j := last; j >= k; j-- {
		if toks[j].is(titleWord) || a.officeOf(toks, j, m) {
			if j+2 < m || !a.commonNoun(toks[m-1]) && !toks[m-1].is(firmWord) {
				k = j + 1 // A title before one common noun or a firm's word names it (State Department, General Motors).
			}
			break
		}
	}
	placed := false
	for k < m && toks[k].is(joinerWord) {
		k, placed = a.pastJoiner(toks, k)+1, true // The title's place or office goes with it (Mayor of London).
	}
	if k >= m || placed && k == m-1 {
		return credit{} // MP for Nottingham North: one word left may be the place's last.
	}
	if placed {
		k = a.placedName(toks, k, m)
	}
	if k >= m || a.spokenFor(toks, k) {
		// Secretary of A A of A: a place of its own "of" may run to the run's end, with no name
		// left after it.
		return credit{}
	}
	return credit{start: toks[k].start, end: toks[m-1].end}
}

// maxChainWords is the most words read back from a name for the proxy whose "of" or "for" it
// ends: A spokesman for the Chair of the Joint Chiefs of Staff Dan Caine.
const maxChainWords = 16

// spokenFor reports whether the name opening at toks[k] ends a chain of "of" or "for" that runs on
// from a proxy (see proxyWord) without a break but the commas of a listed place: a spokesman for
// the Chair of the Joint Chiefs of Staff Dan Caine said, Neighbours of … Dan Caine said. The
// proxies speak and whom they speak for is unsaid, so the name is nobody's credit. A proxy
// written as a title, capitalized and alone before its name, is the name's own (Spokesman for
// Essex, Kent and Sussex Police Mark Jones said), and so is a name between commas after the chain
// (The lawyer for Tom Hale, Sarah Lane, said).
func (a *attributor) spokenFor(toks []token, k int) bool {
	if !toks[k].joined {
		return false
	}
	for j := k - 1; j > 0 && j >= k-maxChainWords; j-- {
		if !toks[j+1].joined && a.rs[toks[j].end] != ',' {
			return false
		}
		p := toks[j-1]
		if toks[j].is(joinerWord) && toks[j].joined && p.is(proxyWord) &&
			(!a.capital(p) || a.plural(p) || j > 1 && p.joined && toks[j-2].is(determinerWord)) {
			return true
		}
	}
	return false
}

// hyphenedDescription reports whether the capitalized word t is a description of words joined by
// hyphens, a lowercase one among them (Mum-of-two, Father-of-three, Ex-captain), which a name
// joined by hyphens is not (Ocasio-Cortez, Jean-Pierre).
func (a *attributor) hyphenedDescription(t token) bool {
	for i := t.start + 1; i+1 < t.end; i++ {
		if a.rs[i] == '-' && unicode.IsLower(a.rs[i+1]) {
			return true
		}
	}
	return false
}

// titledSurname reports whether the title ending the run toks[first:m] is a surname: after a
// given name the finder knows (John Bishop, David King) or after a word that follows a title
// written only before a name (Sen. Angus King, Mr Stephen Judge). A word between two other
// titles is an office's (Deputy Health Secretary).
func (a *attributor) titledSurname(toks []token, first, m int) bool {
	if m-first < 2 || toks[m-2].is(titleWord) {
		return false
	}
	if w := strings.ToLower(a.word(toks[m-2])); givenSex[w] != "" || givenBoth[w] {
		return true
	}
	if m-first < 3 || !toks[m-3].is(titleWord) {
		return false
	}
	w := a.word(toks[m-3])
	return strings.HasSuffix(w, ".") || honorifics[strings.ToLower(w)]
}

// generational are the suffixes written after a name to tell a father from a son: Jr., Sr., III.
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// honorifics are the titles written before a name and never for an office alone.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true}

// namesPerson reports whether the words toks[k:m] after a possessive or a quantifier name a
// person, which leaves the word before out of the name: a title (Apple's CEO Tim Cook) or two
// words of a personal name (Labour's Angela Rayner, Another Mark Thompson). Other words after it
// go on with it to one name, a body's, a team's or a firm's: King's College London, Queen's Park
// Rangers, Lloyd's Banking Group, Many Hands Charity.
func (a *attributor) namesPerson(toks []token, k, m int) bool {
	if toks[k].is(titleWord) {
		return true
	}
	if m-k != 2 {
		return false
	}
	for _, t := range toks[k:m] {
		if t.is(bodyWord) || a.hasSuffix(t, "ing") || a.commonNoun(t) {
			return false
		}
	}
	w := strings.ToLower(a.word(toks[k]))
	return givenSex[w] != "" || givenBoth[w] || !a.plural(toks[m-1]) // Brentford’s Keith Andrews
}

// plural reports whether t reads as a plural noun, ending in -s but not -ss: MPs, Democrats; a
// quantifier before a name in the singular is part of it (All Saints Church).
func (a *attributor) plural(t token) bool {
	return a.hasSuffix(t, "s") && !a.hasSuffix(t, "ss")
}

// placedName returns where the name starts in toks[k:m], the words after a title's place or
// office and its first word, toks[k-1]. Everything after the place is the name, however many
// words it has (President of Ireland Michael D. Higgins, President of Mexico Andrés Manuel López
// Obrador); the place runs on to a second word only where that word reads as part of it, a body's
// word or a common noun (European Commission, Public Prosecutions) or one after a place's
// qualifier (Greater Manchester, New York, New York City, Homeland Security). A place listing its
// parts with "and" (Health and Social Care) leaves the name to be read from its end, and a place
// of its own "of" (Joint Chiefs of Staff) runs at least to the word after it, and one whose first
// word a lowercase particle follows runs on to the capital after it (Rio de Janeiro), as one
// whose first word is a particle capitalized does (Den Haag, La Paz). A given name the finder
// knows marks the name's start whatever the place, and its sex need not be known: Chief
// Executive of NHS England Amanda Pritchard, Chair of NHS England Nicola Blackwood.
func (a *attributor) placedName(toks []token, k, m int) int {
	for j := m - 2; j >= k; j-- {
		if toks[j].is(joinerWord) {
			k = a.pastJoiner(toks, j) + 1 // Chair of the Joint Chiefs of Staff: the place runs to its last "of".
			break
		}
	}
	for k < m-2 && toks[k].is(particleWord) && !a.capital(toks[k]) {
		j := k
		for j < m-2 && toks[j].is(particleWord) && !a.capital(toks[j]) {
			j++
		}
		if !a.capital(toks[j]) {
			break
		}
		k = j + 1 // Mayor of Rio de Janeiro Eduardo Paes: the particle and the word it leads are the place's.
	}
	for j := k; j < m-1; j++ {
		if w := strings.ToLower(a.word(toks[j])); a.capital(toks[j]) && (givenSex[w] != "" || givenBoth[w]) {
			return j
		}
	}
	listed := false
	for j := m - 4; j >= k; j-- {
		if a.conjunction(toks[j]) {
			k, listed = j+2, true // Health and Social Care: the words to the last "and" and one after it are the place's.
			break
		}
	}
	for m-k > 2 {
		t := toks[k]
		if !a.capital(t) || !t.is(bodyWord) && !a.commonNoun(t) && !placeQualifiers[strings.ToLower(a.word(toks[k-1]))] && !toks[k-1].is(particleWord) {
			break
		}
		k++
	}
	if listed && m-k > 2 {
		return a.nameFromEnd(toks, k, m)
	}
	return k
}

// nameFromEnd returns where the name ending at toks[m-1] starts among toks[k:m], words of a
// place listing its parts ahead of it: a surname and the word before it, and before them only
// initials and given names the finder knows (Energy Security and Net Zero Ed Miliband).
func (a *attributor) nameFromEnd(toks []token, k, m int) int {
	j := m - 2
	for j > k {
		w := a.word(toks[j-1])
		lw := strings.ToLower(w)
		if !(len([]rune(w)) == 2 && strings.HasSuffix(w, ".")) && givenSex[lw] == "" && !givenBoth[lw] {
			break
		}
		j--
	}
	return j
}

// placeQualifiers are the words that open a place or an office of two words: Greater Manchester,
// New York, Foreign Affairs, United States, El Paso.
var placeQualifiers = map[string]bool{
	"greater": true, "upper": true, "lower": true, "inner": true, "north": true, "south": true,
	"east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "new": true, "european": true, "public": true,
	"national": true, "federal": true, "royal": true, "foreign": true, "home": true,
	"international": true, "social": true, "united": true, "los": true, "las": true, "el": true, "san": true,
	"santa": true, "st": true, "saint": true, "fort": true, "port": true,
}

// determined reports whether a determiner opens the run toks[k:first] before its first word
// that is no stopword, or stands before it with at most two lowercase words that describe
// between: A Tory MP, one Conservative MP, a senior Tory MP.
func (a *attributor) determined(toks []token, k, first int) bool {
	if first > k {
		return toks[first-1].is(determinerWord)
	}
	j := k - 1
	for j >= 0 && j >= k-2 && toks[j+1].joined && !a.capital(toks[j]) && !a.determiner(toks[j]) &&
		!toks[j].is(stopWord|prepositionWord|speechWord|helperVerb) {
		j--
	}
	return j >= 0 && toks[j+1].joined && a.determiner(toks[j])
}

// determiner reports whether t opens a noun phrase for one member of a group: a, the, one,
// another.
func (a *attributor) determiner(t token) bool {
	return t.is(determinerWord) || a.spelled(t, "one") || a.spelled(t, "another")
}

// nameInClause returns the last name among the words from toks[k] to the end of their clause,
// which ends at punctuation or a preposition: said White House deputy press secretary Anna
// Kelly, said Kelly on Tuesday. A clause ending in a lowercase role hands over to the name after
// its comma, which the role describes: said the U.N. secretary-general, António Guterres. A
// clause opening with "that" is what was said (adding that Hale had …), and names nobody.
func (a *attributor) nameInClause(toks []token, k int) credit {
	var c credit
	if k < len(toks) && toks[k].joined && a.that(toks[k]) {
		return c // said that Hale had …: the name opens the words said, not their speaker's.
	}
	first := k
	for k < len(toks) && toks[k].joined {
		if !a.capital(toks[k]) && !a.particled(toks, k) { // said van Dijk: the particle opens the name
			if toks[k].is(prepositionWord|pronounWord) || a.that(toks[k]) || toks[k].is(stopWord) && a.group(toks[k]) {
				// told reporters that Britain was …, said she saw Corr …: what was said, not its
				// speaker.
				return c
			}
			k++
			continue
		}
		m := a.spokenOf(toks, k, a.runEnd(toks, k))
		if a.paired(toks, k) || a.pairs(toks, m) {
			return credit{} // said Kai Lund and Mira Holm: two speakers, neither the quote's alone.
		}
		if c.found() && a.conjunction(toks[k-1]) && m < len(toks) && toks[m].joined && a.speechVerb(toks[m]) {
			return c // said Holm and Lund added: Lund opens a clause of his own.
		}
		if n := a.credit(toks, k, m); n.found() {
			c = n
		}
		k = m
	}
	if k > first && k < len(toks) && !a.capital(toks[k-1]) && a.capital(toks[k]) {
		m := a.spokenOf(toks, k, a.runEnd(toks, k))
		if n := a.credit(toks, k, m); n.found() && (m == len(toks) || !toks[m].joined || toks[m].is(prepositionWord)) {
			return n // said the study’s senior author, Prof Karen Ritchie of the University of Edinburgh
		}
	}
	return c
}

// nameOrBody returns the name in the clause after a speech verb at toks[k-1] (said Delgado), or
// failing one the body that speaks named there, to the clause's end (said the minister, said a
// former colleague, who …). Words that go on as a clause of their own (said the minister was
// wrong) or name a sign name nobody, and so does a body described by a participle after its noun
// (said the man arrested on Tuesday), which is no name for it.
func (a *attributor) nameOrBody(toks []token, k int) credit {
	c := a.nameInClause(toks, k)
	if k < len(toks) && toks[k].joined && a.determiner(toks[k]) {
		p := k + 1 // a senior White House official: lowercase words may describe the owner first.
		for p < len(toks) && p < k+3 && toks[p].joined && !a.capital(toks[p]) && a.role(toks[k+1:p+1], false) {
			p++
		}
		if r := a.modifierEnd(toks, p); r > p {
			// said one European diplomat: the capital describes the role and names nobody,
			// unless a name follows the role (said the UN secretary-general, António Guterres).
			if b := a.roleBody(toks, k, r); b.found() && (!c.found() || c.start < b.end) {
				return b
			}
		}
	}
	if !c.found() && k+1 < len(toks) && toks[k].joined && toks[k+1].joined && a.capital(toks[k+1]) {
		m := a.runEnd(toks, k+1)
		if m == len(toks) || !toks[m].joined || toks[m].is(prepositionWord) {
			if h, _ := a.titleHolder(toks, k+1, m); h.found() {
				return h // said the Home Secretary, said the President after President Donald Trump
			}
		}
	}
	if a.describedOne(toks, k) {
		// said the Italian, said the Kremlin, said the Chancellor: a determiner and one
		// capitalized word describe the speaker, as in the Italian said, and Italian alone is
		// nobody's name, a title alone nobody's at all.
		return credit{start: toks[k].start, end: toks[k+1].end, body: true}
	}
	if c.found() || k >= len(toks) || !toks[k].joined ||
		!a.determiner(toks[k]) && !(a.capital(toks[k]) && a.possessive(toks[k])) {
		return c // A name's possessive owns a body as a determiner does: said Smith's spokesman.
	}
	return a.roleBody(toks, k, k+1)
}

// describedOne reports whether the clause at toks[k] opens with a lowercase determiner and one
// capitalized word, which end it or a preposition follows: the Italian, the Kremlin on Monday.
func (a *attributor) describedOne(toks []token, k int) bool {
	n := k + 2
	return n <= len(toks) && toks[k].joined && toks[k].is(determinerWord) && !a.capital(toks[k]) &&
		toks[k+1].joined && a.capital(toks[k+1]) && a.runEnd(toks, k+1) == n &&
		(n == len(toks) || !toks[n].joined || toks[n].is(prepositionWord))
}

// roleBody returns the body opened by toks[k] whose role starts at toks[r], running to the end of
// its clause, or none when those words are no role.
func (a *attributor) roleBody(toks []token, k, r int) credit {
	m := r
	for m < len(toks) && toks[m].joined && !a.capital(toks[m]) && !toks[m].is(prepositionWord) {
		if toks[m].is(afterNounWord) && m+1 < len(toks) && toks[m+1].joined && toks[m+1].is(prepositionWord) {
			break // said a senior official familiar with the talks: the official, as described.
		}
		if toks[m].is(titleCue | termCue | documentWord) {
			return credit{} // said the note pinned to the till, said a statement from the school
		}
		m++
	}
	if m == r || m-r > maxRoleWords || !a.role(toks[r:m], false) || m-r > 1 && a.participle(toks[m-1]) {
		return credit{}
	}
	return credit{start: toks[k].start, end: toks[m-1].end, body: true}
}

// participle reports whether t reads as a past participle, ending in -ed after four letters or
// more: arrested, accused, named; not shed or seed.
func (a *attributor) participle(t token) bool {
	return t.end-t.start > 4 && a.hasSuffix(t, "ed")
}

// subject reports whether the run toks[k:m] is the subject of a verb: a lowercase verb follows
// it and no preposition comes before it (relations with Mexico improved). A word in -s right
// after the run with a helping verb or an irregular past after it is a plural, the subject
// itself, which the run describes: Aid trucks have been blocked, Flood waters rose. An adverb
// in -s there is no plural (Jones always was).
func (a *attributor) subject(toks []token, k, m int) bool {
	if k > 0 && toks[k].joined && toks[k-1].is(prepositionWord) {
		return false
	}
	v := a.verbAfter(toks, m, false)
	if v < 0 {
		return false
	}
	t := toks[v]
	if t.is(speechWord|helperVerb|pastWord) || a.hasSuffix(t, "ed") {
		return true
	}
	if !a.hasSuffix(t, "s") || a.hasSuffix(t, "ss") {
		return false
	}
	return v > m || v+1 == len(toks) || !toks[v+1].joined || a.sAdverb(t) ||
		!toks[v+1].is(helperVerb) && !a.irregular(toks[v+1])
}

// sAdverbs are the adverbs spelt with a final s that stand between a name and its verb, which
// subject must not take for a plural: Jones always was a fighter, Ann Cole perhaps was right.
var sAdverbs = []string{"always", "perhaps", "sometimes", "nevertheless", "nonetheless"}

// sAdverb reports whether t is one of sAdverbs.
func (a *attributor) sAdverb(t token) bool {
	for _, w := range sAdverbs {
		if a.spelled(t, w) {
			return true
		}
	}
	return false
}

// ownerSex returns the sex of the first possessive pronoun after the name c in toks, before any
// other name, which owns what the name's verb acts on: Grace Dent gave her verdict, Rishi Sunak
// made his speech. Her with no noun after it is whom the verb acts on (Tom Hale met her in
// Leeds), and tells nothing of the name.
func (a *attributor) ownerSex(toks []token, c credit) string {
	for j, t := range toks {
		switch {
		case t.start < c.end:
		case a.capital(t):
			return ""
		case t.is(possessiveWord) && a.owns(toks, j):
			return pronounSex[strings.ToLower(a.word(t))]
		}
	}
	return ""
}

// owns reports whether the possessive pronoun toks[j] owns the word after it, a lowercase one
// that is neither a stopword nor a preposition (her verdict, his first campaign), rather than
// standing for whom a verb acts on (met her in Leeds, pressed her on the timeline).
func (a *attributor) owns(toks []token, j int) bool {
	return j+1 < len(toks) && toks[j+1].joined && !a.capital(toks[j+1]) && !toks[j+1].is(stopWord|prepositionWord)
}

// speakerSubject reports whether the run toks[k:m] is the subject of a verb, as subject does, that
// may speak the quote or be the one a pronoun stands for. An irregular past (gave, heard, won) is
// as often a group's, a team's or a firm's verb as a person's (Jurors heard, Liverpool lost,
// Manchester United won), so its subject must be clearly a person's name, or, when spoken is
// set, go on to speak in its sentence (Harrison lost the final, but still said:), which makes it
// the speaker whoever it is.
func (a *attributor) speakerSubject(toks []token, k, m int, spoken bool) bool {
	if !a.subject(toks, k, m) {
		return false
	}
	if !a.irregularPast(toks, m) {
		return true
	}
	return a.personal(toks, k, m) || spoken && a.speaksOn(toks, a.verbAfter(toks, m, false))
}

// irregularPast reports whether the verb after a subject ending at toks[m-1] is an irregular past
// (gave, won, met), neither a speech verb nor a helping one.
func (a *attributor) irregularPast(toks []token, m int) bool {
	v := a.verbAfter(toks, m, false)
	return v >= 0 && a.irregular(toks[v])
}

// irregular reports whether t is an irregular past (gave, won, met), neither a speech verb nor a
// helping one.
func (a *attributor) irregular(t token) bool {
	return t.is(pastWord) && !t.is(speechWord|helperVerb) && !a.hasSuffix(t, "ed") && !a.hasSuffix(t, "s")
}

// speaksOn reports whether the clause of the verb toks[v] goes on, after and or but, to a speech
// verb in the active voice with no subject of its own: … lost the final, but still said:.
func (a *attributor) speaksOn(toks []token, v int) bool {
	for j := v + 1; j+1 < len(toks); j++ {
		if w := a.word(toks[j]); (w == "and" || w == "but") && a.speechAfter(toks, j+1) {
			return true
		}
	}
	return false
}

// personal reports whether the run toks[k:m] clearly names a person, as the subject of an
// irregular past must (gave, won, heard), a verb groups, teams and firms are as often the subject
// of as people: a title (Mr Khan), or two words or more of a personal name (Deborah Vance), none
// of them a body's, a team's or a firm's word (Manchester United, Lloyds Bank) or in capitals
// (Reform UK). A single word opening a sentence is as often a group's (Jurors, Neighbours) or a
// club's (Liverpool).
func (a *attributor) personal(toks []token, k, m int) bool {
	for k < m && toks[k].is(stopWord) {
		k++
	}
	for _, t := range toks[k:m] {
		if t.is(titleWord) {
			return true
		}
	}
	if m-k < 2 {
		return false
	}
	for _, t := range toks[k:m] {
		if t.is(bodyWord|firmWord) || t.end-t.start > 1 && unicode.IsUpper(a.rs[t.start+1]) {
			return false
		}
	}
	return true
}

// spokenTo reports whether the verb after a name ending at toks[m-1] is a speech verb in the
// passive, whose words are the asker's, not the name's: Hart was asked by Delaney whether she
// would “…”. One that goes on with "and" or "but" and a speech verb of its own in the active
// has the name speak after all: Smith was asked if he would resign and replied: “…”.
func (a *attributor) spokenTo(toks []token, m int) bool {
	v := a.verbAfter(toks, m, true)
	return v > m && a.speechVerb(toks[v]) && a.passive(toks[v-1], toks[v]) && !a.speaksOn(toks, v)
}

// speechAfter reports whether a speech verb follows a name ending at toks[k], in the active
// voice: one that was told or asked (The jury was told: “…”) heard the words, not said them.
func (a *attributor) speechAfter(toks []token, k int) bool {
	v := a.verbAfter(toks, k, true)
	return v >= 0 && a.speechVerb(toks[v]) && !(v > k && a.passive(toks[v-1], toks[v]))
}

// passiveBy reports whether the name ending at toks[m-1] is the subject of a passive whose
// agent "by" names: Rachel Reeves was accused by Kemi Badenoch of “…”, has been called by critics.
// The words are the agent's, not the subject's, unless the clause goes on with a speech verb of
// the subject's own: Ann Lee was interviewed by the BBC and said: “…”.
func (a *attributor) passiveBy(toks []token, m int) bool {
	v := a.verbAfter(toks, m, false)
	if v < 0 || v+2 >= len(toks) {
		return false
	}
	if w := a.word(toks[v]); (w == "has" || w == "have" || w == "had") && a.word(toks[v+1]) == "been" {
		v++
	}
	return v+2 < len(toks) && toks[v+1].joined && toks[v+2].joined &&
		(a.word(toks[v]) == "been" || a.passive(toks[v], toks[v+1])) && !a.hasSuffix(toks[v+1], "ing") && a.word(toks[v+2]) == "by" &&
		!a.speaksOn(toks, v+2)
}

// passive reports whether the helping verb be and the verb after it make a passive: was told,
// were asked, is quoted; was saying is not.
func (a *attributor) passive(helper, verb token) bool {
	switch string(a.rs[helper.start:helper.end]) {
	case "is", "was", "were":
		return !a.hasSuffix(verb, "ing")
	}
	return false
}

// verbAfter returns the index of the word that should be the verb of a name ending at toks[k],
// passing over up to two adverbs (also, firmly; not family) and, when aux is set, helping verbs
// (has). It returns -1 when no lowercase word follows the name directly.
func (a *attributor) verbAfter(toks []token, k int, aux bool) int {
	for skipped := 0; k < len(toks) && toks[k].joined && !a.capital(toks[k]); k++ {
		t := toks[k]
		passable := t.is(fillerWord) || a.hasSuffix(t, "ly") && !t.is(lyNoun) || aux && t.is(helperVerb)
		if !passable || skipped == 2 {
			return k
		}
		skipped++
	}
	return -1
}

// appositiveSpeech reports whether a name ending at toks[k] is described between commas before
// its speech verb: Delgado, the city’s mayor, said; Kowal, 82, said; Reyes, who runs the ferry,
// said.
func (a *attributor) appositiveSpeech(toks []token, k int) bool {
	j := a.pastApposition(toks, k)
	return j >= 0 && a.speechVerb(toks[j])
}

// commaSubject reports whether the name toks[k:m] stands between commas before its verb, after
// the role it fills: The tug’s skipper, Tom Aske, is the bravest man I know. An irregular past
// (The tug’s skipper, Tom Aske, won praise) is a team's or a firm's verb as often as a person's
// (Liverpool’s rivals, Real Madrid, won), and the caller vouches for the name before it.
func (a *attributor) commaSubject(toks []token, k, m int) bool {
	if k == 0 || m == len(toks) || a.rs[toks[m-1].end] != ',' || toks[m].joined {
		return false
	}
	i := toks[k].start - 1
	for i > toks[k-1].end && isSpace(a.rs[i]) {
		i--
	}
	if a.rs[i] != ',' {
		return false
	}
	t := toks[m]
	return !a.capital(t) && (t.is(speechWord|helperVerb) || a.hasSuffix(t, "ed") || a.irregular(t))
}

// roleOfSex reports whether the name at toks[k], after the role that ends right before it, may
// be what a pronoun of the sex given stands for. A role a possessive pronoun owns is another's,
// whom the next pronoun more likely means (Her previous coach, Tom Reid, was sacked. “…,” she
// said.), unless that owner's sex is not the pronoun's (His neighbour, Giulia Russo, disagreed.
// “…,” she said.). A role's word may tell the sex too: The boy's father, Tom Reid, is no she.
func (a *attributor) roleOfSex(toks []token, k int, sex string) bool {
	if owner, ok := a.rolePossessive(toks, k); ok {
		return sex != "" && pronounSex[owner] != "" && pronounSex[owner] != sex
	}
	w := personSex[strings.ToLower(a.word(toks[k-1]))]
	return sex == "" || w == "" || w == sex
}

// roleOfMany reports whether the role that ends right before the name at toks[k] is owned by
// "their" or "its", whom no "he" or "she" stands for: Their lawyer, Tom Reed, spoke to reporters.
// roleOfSex passes such a holder over before any verb, keeping the pronoun for someone named
// before (Their chief, Neil Archer, praised her); lastSubject takes the holder of an irregular
// past whose given name vouches for the pronoun's sex, as it does after a role nobody owns.
func (a *attributor) roleOfMany(toks []token, k int) bool {
	owner, ok := a.rolePossessive(toks, k)
	return ok && (owner == "their" || owner == "its")
}

// rolePossessive returns the possessive pronoun that opens or stands in the words ending right
// before toks[k] (her previous coach, their son), and whether there is one.
func (a *attributor) rolePossessive(toks []token, k int) (string, bool) {
	for j := k - 1; j >= 0; j-- {
		switch w := strings.ToLower(a.word(toks[j])); w {
		case "his", "her", "their", "its":
			return w, true
		}
		if !toks[j].joined {
			break
		}
	}
	return "", false
}

// appositiveSubject reports whether a name ending at toks[k] is described between commas before
// its verb, which makes it the sentence's subject: Kowal, who lives by the dam, said the water
// rose.
func (a *attributor) appositiveSubject(toks []token, k int) bool {
	j := a.pastApposition(toks, k)
	if j < 0 || a.capital(toks[j]) {
		return false
	}
	t := toks[j]
	return t.is(speechWord|helperVerb) || a.hasSuffix(t, "ed") || a.hasSuffix(t, "s") && !a.hasSuffix(t, "ss")
}

// appositivePast reports whether a name ending at toks[k] is described between commas before an
// irregular past (Tom Reed, the lawyer, spoke outside), which a team's or a firm's name may be
// the subject of as well as a person's (Real Madrid, the champions, won): the caller vouches.
func (a *attributor) appositivePast(toks []token, k int) bool {
	j := a.pastApposition(toks, k)
	return j >= 0 && a.irregular(toks[j])
}

// describedSubject reports whether the name toks[k:m] is the subject of the verb after a
// description between commas, in the active voice: Dr Emily Stone, a virologist at Imperial, was
// cautious:, but not Tom Reid, a teacher, was told by the head:. The name must open its clause as
// a subject does (see subjectPlace): in Tesco, which employs Sarah Cole, 41, has said: it is
// whom the clause is about, and Tesco speaks.
func (a *attributor) describedSubject(toks []token, k, m int) bool {
	if !a.subjectPlace(toks, k) || !a.appositiveSubject(toks, m) {
		return false
	}
	v := a.pastApposition(toks, m)
	return v+1 >= len(toks) || !toks[v+1].joined || !a.speechVerb(toks[v+1]) || !a.passive(toks[v], toks[v+1])
}

// subjectPlace reports whether the name at toks[k] stands where a subject does: first in its
// sentence, or right after the comma that ends the role it fills (The victim, Paul Green, 61, was
// blunt:). A verb, a relative pronoun or a preposition before that comma, back to the comma or the
// sentence start before it, makes the words a clause, and the name in it whom the clause is about
// (Police, asked about Tom Hale, 34, would only say:; The school, which expelled Sam Lee, 15, would
// say only:); the of or for of a role is none (The mayor of London, Sadiq Khan, has said).
func (a *attributor) subjectPlace(toks []token, k int) bool {
	if k == 0 {
		return true
	}
	if toks[k].joined {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		t := toks[j]
		if t.is(speechWord|helperVerb|pastWord|trailingSpeech) || t.is(prepositionWord) && !t.is(joinerWord) || relativeWords[a.word(t)] ||
			!a.capital(t) && (a.hasSuffix(t, "ing") || a.hasSuffix(t, "ed")) {
			return false
		}
		if !t.joined {
			break
		}
	}
	return true
}

// relativeWords open a clause that describes the word before them: Tesco, which employs.
var relativeWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true, "when": true, "where": true, "while": true}

// pastApposition returns the index of the word after a description between commas that follows
// a name ending at toks[k], or -1. The description must begin in lowercase, with a number or
// with a title (Alex Norris, MP for Nottingham North, said; Nadia Whittome, Labour MP for
// Nottingham East, told), so that a list of places or names
// is not mistaken for one. It may run over up to maxAppositions
// parts, each beginning so or naming the town of an address (Pike, 71, of Mill Lane, Eastbridge,
// said), when a speech verb follows the last.
func (a *attributor) pastApposition(toks []token, k int) int {
	first, place := -1, false
	for range maxAppositions {
		// A part opening with "and" adds the next name of a list, and describes none.
		if k >= len(toks) || toks[k].joined || a.capital(toks[k]) && !place && !toks[k].is(titleWord) && !a.partyTag(toks[k]) && !a.titled(toks, k) || a.conjunction(toks[k]) {
			break
		}
		place = toks[k].is(prepositionWord)
		next := -1
		for j := k + 1; j < len(toks) && j <= k+maxAppositionWords; j++ {
			if !toks[j].joined {
				next = j
				break
			}
		}
		if next < 0 {
			break
		}
		if first < 0 {
			first = next
		}
		if a.speechVerb(toks[next]) {
			return next
		}
		k = next
	}
	return first
}

// titled reports whether the capitalized word toks[k] comes before a title joined to it, as a
// party or a place before its member's title does: Labour MP for Nottingham East, Tory MP.
func (a *attributor) titled(toks []token, k int) bool {
	return k+1 < len(toks) && toks[k+1].joined && toks[k+1].is(titleWord)
}

// maxAppositions is the most parts between commas a description after a name may have.
const maxAppositions = 4

// maxAppositionWords is the most words one part of a description may have: a clause such as
// "who trained in Paris and runs a small restaurant in Lisbon’s Alfama district" runs to 13.
const maxAppositionWords = 20

// conjunction reports whether t is the "and" or "or" that adds the last item of a list: Amy
// Cole, 29, of Leeds, and Sam Hill, 40, told the court.
func (a *attributor) conjunction(t token) bool {
	w := string(a.rs[t.start:t.end])
	return w == "and" || w == "or"
}

// that reports whether t is the "that" opening a reported clause (adding that Hale had …), whose
// subject is what was said about, not who said it.
func (a *attributor) that(t token) bool { return string(a.rs[t.start:t.end]) == "that" }

// speechVerb reports whether t is a lowercase speech verb.
func (a *attributor) speechVerb(t token) bool { return !a.capital(t) && t.is(speechWord) }

// according reports whether toks[k:] begins with "according to".
func (a *attributor) according(toks []token, k int) bool {
	return k+1 < len(toks) && toks[k+1].joined && toks[k].is(accordingWord) && toks[k+1].is(toWord)
}

// isDigit reports whether r is an ASCII digit, as a footnote's number is written.
func isDigit(r rune) bool { return '0' <= r && r <= '9' }
