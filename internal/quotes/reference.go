package quotes

import (
	"slices"
	"strings"
	"unicode"
)

// Newspapers call a speaker by title on second reference: “…,” said Mark Carney. “…,” the Prime
// Minister said. The functions here weigh whether a title the text never wrote with a name is
// the speaker named before it, or may be someone else's.

// maxKnown is the most distinct runs kept for one first word, and roles for one name: the first
// few tell whether the text writes a title before another name or gives a name another role.
const maxKnown = 3

// references is what the text, read once, writes next to names: its runs of capitalised words,
// by their first word, for the titles written before names (Chief Constable Jo Reed), and the
// roles between commas after each name (Kai Lund, a shopkeeper).
type references struct {
	titled map[string][]string
	roles  map[string][][2]int
}

// secondReference reports whether the title c, which the text never wrote with a name, is name,
// the speaker of the quote before the one opening at pos: name is written outside the quotes in
// the sentence before pos, no other person is named between it and pos (said Kai Lund, as Mira
// Holm looked on), and nothing in the text gives the title to anyone else (Chief Constable Jo
// Reed) or gives name another role (said Kai Lund, a shopkeeper).
func (a *attributor) secondReference(name string, c credit, pos int) bool {
	e := pos - 1
	for e > 0 && isSpace(a.rs[e]) {
		e--
	}
	at := a.lastWritten(name, a.sentenceStart(e, 0), e)
	if at < 0 || a.namesAnother(c, at+len([]rune(name)), e) {
		return false
	}
	a.learnReferences()
	return !a.titledOther(name, c) && !a.otherRole(name, c)
}

// lastWritten returns where name last stands outside the quotes, as whole words, in rs[from:to],
// or -1.
func (a *attributor) lastWritten(name string, from, to int) int {
	n := []rune(name)
	for i := to - len(n); i >= from; i-- {
		if a.quoted[i] || i > 0 && isWord(a.rs[i-1]) || i+len(n) < len(a.rs) && isWord(a.rs[i+len(n)]) {
			continue
		}
		if slices.Equal(a.rs[i:i+len(n)], n) {
			return i
		}
	}
	return -1
}

// namesAnother reports whether rs[from:to] names someone, outside the quotes: a capitalised word
// that is not a word of the title c (said Jo Reed, the Chief Constable), nor an acronym (told
// CBC), nor opens a place, an outlet or an audience after a preposition, "the" or "told" (said
// Mark Carney in Ottawa, told the Guardian, told Sky News).
func (a *attributor) namesAnother(c credit, from, to int) bool {
	toks := a.tokenize(a.toks[:0], from, to, false)
	a.toks = toks
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if !a.capital(t) || a.titleHasWord(c, a.rs[t.start:t.end]) {
			continue
		}
		acronym := t.end-t.start > 1 && unicode.IsUpper(a.rs[t.start+1])
		if !acronym && (k == 0 || !t.joined || !toks[k-1].is(prepositionWord) && !audienceWords[a.word(toks[k-1])]) {
			return true
		}
		for k+1 < len(toks) && toks[k+1].joined && a.capital(toks[k+1]) {
			k++ // in New York, told BBC Radio 4: the place or the outlet runs on.
		}
	}
	return false
}

// audienceWords are the words after which a capitalised word is an outlet or an audience rather
// than another person in the story: told Sky News, told the Guardian.
var audienceWords = map[string]bool{"the": true, "told": true}

// titledOther reports whether the text writes the title c, its capitalised words and no others,
// right before a name other than name: Chief Constable Jo Reed gives the Chief Constable to Jo
// Reed, Prince William the Prince of Wales to William; Health Minister Wes Streeting holds another
// title than the Prime Minister.
func (a *attributor) titledOther(name string, c credit) bool {
	for _, word := range strings.Fields(a.name(c)) {
		if !unicode.IsUpper([]rune(word)[0]) {
			continue
		}
		for _, run := range a.refs.titled[word] {
			for {
				first, rest, more := strings.Cut(run, " ")
				if !more || !a.titleHasWord(c, []rune(first)) {
					break
				}
				run = rest // Chief Constable Jo Reed: Chief and Constable are the title's, Jo Reed the name.
			}
			if !a.titleHasWord(c, []rune(run)) && !sameHolder(run, name) {
				return true
			}
		}
	}
	return false
}

// sameHolder reports whether the name run, written after a title, and name are one person's:
// Prime Minister Carney and Mark Carney.
func sameHolder(run, name string) bool {
	return run == name || strings.HasSuffix(name, " "+run) || strings.HasSuffix(run, " "+name)
}

// otherRole reports whether the text writes name with a role between commas after it that has
// none of the title c's words: said Kai Lund, a shopkeeper, but not said Jo Reed, the Chief
// Constable.
func (a *attributor) otherRole(name string, c credit) bool {
	for _, role := range a.refs.roles[name] {
		if !a.hasTitleWord(c, role[0], role[1]) {
			return true
		}
	}
	return false
}

// hasTitleWord reports whether a capitalised word of rs[from:to] is a word of the title c.
func (a *attributor) hasTitleWord(c credit, from, to int) bool {
	for i := from; i < to; {
		j := i
		for j < to && isWord(a.rs[j]) {
			j++
		}
		if j > i && unicode.IsUpper(a.rs[i]) && a.titleHasWord(c, a.rs[i:j]) {
			return true
		}
		i = j + 1
	}
	return false
}

// learnReferences reads the text once, the first time it is needed, for its runs of capitalised
// words and the roles written after each name.
func (a *attributor) learnReferences() {
	if a.refs.titled != nil {
		return
	}
	a.refs = references{titled: make(map[string][]string), roles: make(map[string][][2]int)}
	for i := 0; i < len(a.rs); {
		if a.quoted[i] || !isWord(a.rs[i]) {
			i++
			continue
		}
		if !unicode.IsUpper(a.rs[i]) {
			i = a.wordAt(i)
			continue
		}
		j := a.capitalRun(i)
		run := strings.TrimPrefix(string(a.rs[i:j]), "The ")
		if first, _, more := strings.Cut(run, " "); more {
			if known := a.refs.titled[first]; len(known) < maxKnown && !slices.Contains(known, run) {
				a.refs.titled[first] = append(known, run)
			}
		}
		if j < len(a.rs) && a.rs[j] == ',' {
			a.learnRole(i, j)
		}
		i = j
	}
}

// wordAt returns where the word opening at rs[i] ends.
func (a *attributor) wordAt(i int) int {
	for i < len(a.rs) && isWord(a.rs[i]) && !a.quoted[i] {
		i++
	}
	return i
}

// capitalRun returns where the capitalised words opening at rs[i], one space between each, end.
func (a *attributor) capitalRun(i int) int {
	end := a.wordAt(i)
	for end+1 < len(a.rs) && a.rs[end] == ' ' && !a.quoted[end+1] && unicode.IsUpper(a.rs[end+1]) {
		end = a.wordAt(end + 1)
	}
	return end
}

// learnRole records the role between commas after the capitalised words rs[i:comma], when a
// determiner opens it (Kai Lund, a shopkeeper,), for the name they make and each shorter name
// their last words make (Shopkeeper Kai Lund, Kai Lund, Lund).
func (a *attributor) learnRole(i, comma int) {
	from := comma + 1
	for from < len(a.rs) && a.rs[from] == ' ' {
		from++
	}
	det := a.wordAt(from)
	if w := string(a.rs[from:det]); w != "a" && w != "an" && w != "the" {
		return
	}
	to := det
	for to < len(a.rs) && !a.quoted[to] && !strings.ContainsRune(",.;:!?\n", a.rs[to]) {
		to++
	}
	for start := i; start < comma; start = a.wordAt(start) + 1 {
		name := string(a.rs[start:comma])
		if roles := a.refs.roles[name]; len(roles) < maxKnown {
			a.refs.roles[name] = append(roles, [2]int{det, to})
		}
	}
}
