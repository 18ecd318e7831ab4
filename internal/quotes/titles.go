package quotes

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// titled is a name the text writes after a title it holds, as in Home Secretary Yvette Cooper.
type titled struct {
	name     credit
	disputed bool // the title is written before another name earlier in the text too
	// whole says the text wrote this title as all of its holder's, here or before with the same
	// name: Home Secretary Yvette Cooper, not only the tail of Australian Prime Minister Anthony
	// Albanese, which a bare office label is not (see officeLabel).
	whole bool
}

// ageHolder returns the person the body c, an age after "the" (the 21-year-old said), stands
// for: the one name the text gives that age before it, between commas (Emma Raducanu, 21,).
// Two names of that age, or none, leave c as it is.
func (a *attributor) ageHolder(c credit) credit {
	words := strings.Fields(a.name(c))
	if len(words) != 2 || !strings.EqualFold(words[0], "the") || !strings.HasSuffix(words[1], "-year-old") {
		return c
	}
	a.learnTitles()
	if h, _ := a.heldBefore(append(a.key[:0], words[1]...), c.start); h.name.found() {
		return h.name
	}
	return c
}

// heldBefore returns the one name the text gives the title key before offset pos, with no name
// when it gives none or two, and whether the text wrote the title with anyone before pos.
func (a *attributor) heldBefore(key []byte, pos int) (titled, bool) {
	held := a.titles[string(key)]
	i, _ := slices.BinarySearchFunc(held, pos, func(t titled, pos int) int { return t.name.start - pos })
	if i == 0 {
		return titled{}, false
	}
	if held[i-1].disputed || held[i-1].name.body {
		return titled{}, true
	}
	return held[i-1], true
}

// ageOf returns the age written after the name c between commas (Robin Tate, 29,), or "".
func (a *attributor) ageOf(c credit) string {
	if !c.found() || !a.aged(c) {
		return ""
	}
	i := c.end + 1
	for a.rs[i] == ' ' {
		i++
	}
	j := i
	for isDigit(a.rs[j]) {
		j++
	}
	return string(a.rs[i:j])
}

// titleHolder returns the person the text names earlier with the title in the run toks[k:m],
// which names nobody itself and opens with "the" or follows it: “…,” the Leader of the House
// said credits Lucy Powell when the piece wrote Leader of the House Lucy Powell before it. A
// title written before different names up to there, or before none, credits nobody; it reports
// too whether the text wrote the title with a name before, so that a title it never wrote (the
// Prince of Wales, after Prince William) leaves the quote to whom it credited before titles.
func (a *attributor) titleHolder(toks []token, k, m int) (credit, bool) {
	h, written := a.titleHeld(toks, k, m)
	return h.name, written
}

// titleHeld is titleHolder, telling too whether the text wrote the title as all of the holder's.
func (a *attributor) titleHeld(toks []token, k, m int) (titled, bool) {
	determined := k > 0 && toks[k].joined && a.word(toks[k-1]) == "the"
	for k < m && toks[k].is(stopWord) {
		determined = determined || a.word(toks[k]) == "the" || a.word(toks[k]) == "The"
		k++
	}
	if !determined || k == m || !a.capital(toks[k]) || !a.holdsTitle(toks, k, m) {
		return titled{}, false
	}
	a.learnTitles()
	return a.heldBefore(a.titleKey(toks, k, m), toks[k].start)
}

// holdsTitle reports whether the words toks[k:m] are a title, the first or the last of them a
// title's word and none a possessive: Home Secretary, Leader of the House, Chief Constable.
func (a *attributor) holdsTitle(toks []token, k, m int) bool {
	for _, t := range toks[k:m] {
		if a.possessive(t) {
			return false
		}
	}
	first := strings.ToLower(a.word(toks[k]))
	return toks[m-1].is(titleWord) || toks[k].is(titleWord) || officesOf[first]
}

// titleKey returns the words of toks[k:m] with one space between each, in the scratch a.key: a
// title is looked up many times a piece and recorded seldom, and only a recording needs a string.
func (a *attributor) titleKey(toks []token, k, m int) []byte {
	a.key = a.key[:0]
	for j, t := range toks[k:m] {
		if j > 0 {
			a.key = append(a.key, ' ')
		}
		for _, r := range a.rs[t.start:t.end] {
			a.key = utf8.AppendRune(a.key, r)
		}
	}
	return a.key
}

// learnTitles reads the text once, the first time a title or an age asks, for the names written
// with the titles they hold, in the order they come: after the title (Home Secretary Yvette
// Cooper, Chief Constable Sir Andy Marsh) or before it in commas (Lucy Powell, the Leader of the
// House,), and for the names written with an age (Emma Raducanu, 21,).
func (a *attributor) learnTitles() {
	if a.titles != nil {
		return
	}
	a.titles = make(map[string][]titled)
	for from := 0; from < len(a.rs); {
		to := from
		for to < len(a.rs) && a.rs[to] != '\n' {
			to++
		}
		// A title and its holder share a paragraph, so its words are all that one asks for:
		// read paragraph by paragraph, the scratch is as long as the longest.
		a.para = a.tokenize(a.para[:0], from, to, false)
		a.learnParagraph(a.para)
		from = to + 1
	}
}

// learnParagraph records the titles and ages the words toks of one paragraph give names.
func (a *attributor) learnParagraph(toks []token) {
	for k := 0; k < len(toks); k++ {
		if a.unnamedAge(toks, k) {
			// A 17-year-old boy, who cannot be named: someone of that age the text names nobody,
			// whom the 17-year-old may stand for as well as a name given that age.
			age := credit{start: toks[k-1].start, end: toks[k].end, body: true}
			a.hold(a.titleKey(toks, k, k+1), age, true)
		}
		if !a.capital(toks[k]) {
			continue
		}
		m := a.runEnd(toks, k)
		c := a.credit(toks, k, m)
		first, p := k, k
		for first < m && toks[first].is(stopWord) {
			first++
		}
		for p < m && toks[p].end <= c.start {
			p++
		}
		for p > first+1 && a.styled(toks[p-1]) {
			p-- // Chief Constable Sir Andy Marsh holds the title Chief Constable, Leader of the Opposition Cllr Ann Lee the one before Cllr.
		}
		bare := p // Professor Chris Whitty, the Chief Medical Officer: the name with no title before it but a style.
		if bare == first+1 && a.styled(toks[first]) {
			bare = first
		}
		if age := a.ageOf(c); age != "" {
			a.hold(append(append(a.key[:0], age...), "-year-old"...), c, true) // Emma Raducanu, 21, is the 21-year-old.
		}
		if first > k && a.word(toks[first-1]) == "The" && first < m && a.holdsTitle(toks, first, m) && m+1 < len(toks) && a.rs[toks[m-1].end] == ',' && a.capital(toks[m]) {
			// The Chief Constable of Greater Manchester Police, Stephen Watson, said: the title
			// is the whole run, whatever name its last words may look like.
			n := a.runEnd(toks, m)
			if h := a.credit(toks, m, n); h.found() && n < len(toks) && a.rs[toks[n-1].end] == ',' {
				a.holdTitle(toks, first, m, h)
				k = n - 1
				continue
			}
		}
		switch {
		case !c.found():
		case a.unheld(toks, k): // former President Barack Obama, shadow Chancellor Mel Stride hold no such title.
		case bare > first && a.holdsTitle(toks, first, p):
			a.holdTails(toks, first, p, c)
		case bare == first && m+1 < len(toks) && a.rs[toks[m-1].end] == ',' && a.word(toks[m]) == "the" && toks[m+1].joined && a.capital(toks[m+1]):
			n := a.runEnd(toks, m+1)
			if n < len(toks) && !a.credit(toks, m+1, n).found() && a.holdsTitle(toks, m+1, n) && a.rs[toks[n-1].end] == ',' {
				a.holdTitle(toks, m+1, n, c)
			}
		}
		k = m - 1
	}
}

// unnamedAge reports whether toks[k] is an age that describes someone the text does not name: a
// 17-year-old, an 18-year-old, the 34-year-old taxi driver. The age after "the" and before a verb,
// or no word at all (the 21-year-old said, the 21-year-old, who), stands for someone already met.
func (a *attributor) unnamedAge(toks []token, k int) bool {
	if k == 0 || !toks[k].joined || !a.hasSuffix(toks[k], "-year-old") {
		return false
	}
	switch strings.ToLower(a.word(toks[k-1])) {
	case "a", "an":
		return true
	case "the":
		n := k + 1
		return n < len(toks) && toks[n].joined && !a.capital(toks[n]) &&
			!a.verb(toks[n]) && !toks[n].is(helperVerb|trailingSpeech|fillerWord) && !a.hasSuffix(toks[n], "ly")
	}
	return false
}

// styled reports whether t is an honorific or a style written before a name: Sir, Dr, Cllr.
func (a *attributor) styled(t token) bool {
	return honorifics[strings.ToLower(strings.TrimSuffix(a.word(t), "."))] || styles[strings.ToLower(a.word(t))]
}

// unheld reports whether the run of capitalized words at toks[k] follows a word of rank written
// in lower case, which says its title is no longer, or not yet, held (former President Barack
// Obama, the late Queen Elizabeth, then Home Secretary James Cleverly) or is another office
// (the shadow Chancellor Mel Stride, acting Chief Constable Ian Hay).
func (a *attributor) unheld(toks []token, k int) bool {
	return k > 0 && toks[k].joined && !a.capital(toks[k-1]) && ranks[strings.ToLower(a.word(toks[k-1]))] != 0
}

// rank says how a word written before an office changes it.
type rank int8

const (
	otherOffice rank = iota + 1 // Deputy Prime Minister is another office than Prime Minister
	heldNoMore                  // former Prime Minister is no Prime Minister now
)

// ranks are the words that, written before an office, make it another one or one held no more:
// a title that opens with one of them is no title its last words make.
var ranks = map[string]rank{
	"deputy": otherOffice, "vice": otherOffice, "shadow": otherOffice, "acting": otherOffice, "assistant": otherOffice,
	"interim": otherOffice, "junior": otherOffice, "under": otherOffice, "associate": otherOffice,
	"former": heldNoMore, "ex": heldNoMore, "late": heldNoMore, "then": heldNoMore, "outgoing": heldNoMore,
	"incoming": heldNoMore, "future": heldNoMore,
}

// holdTails records that the text names c as the holder of the title toks[k:m] and of each
// shorter title its last words make up to its place, as the text may call the holder again: Senate
// Majority Leader Chuck Schumer is the Majority Leader, NATO Secretary General Mark Rutte the
// Secretary General. No tail is taken past a word of rank (Deputy Prime Minister is no Prime
// Minister) or into the place after an office (Chief Constable of Greater Manchester Police).
func (a *attributor) holdTails(toks []token, k, m int, c credit) {
	a.hold(a.titleKey(toks, k, m), c, true)
	for j := k; j+1 < m; j++ {
		w := strings.ToLower(a.word(toks[j]))
		if toks[j].is(joinerWord) || ranks[w] != 0 || strings.HasPrefix(w, "ex-") {
			return
		}
		if a.capital(toks[j+1]) && a.holdsTitle(toks, j+1, m) {
			a.hold(a.titleKey(toks, j+1, m), c, false)
		}
	}
}

// styles are the titles written right before a name as its style, after the office it holds:
// Leader of the Opposition Cllr Ann Lee, Minority Leader Sen. Chuck Schumer.
var styles = map[string]bool{"cllr": true, "councillor": true, "prof": true, "professor": true, "rev": true, "sen": true, "rep": true, "lord": true, "lady": true}

// holdTitle records that the text names c, in commas after it or before it, as the holder of the
// title toks[k:m], and of the office that opens it before its place: the Chief Constable of
// Greater Manchester Police is the Chief Constable too. Written before a name with no commas,
// the title's place may run on into the name, and the office is left to the whole title.
func (a *attributor) holdTitle(toks []token, k, m int, c credit) {
	a.holdTails(toks, k, m, c)
	for j := k + 1; j < m; j++ {
		if toks[j].is(joinerWord) {
			a.holdTails(toks, k, j, c)
			return
		}
	}
}

// hold records that the text names c as the holder of the title key, disputed when an earlier
// name held it too; whole when the key is all the title the text writes with c here.
func (a *attributor) hold(key []byte, c credit, whole bool) {
	held := a.titles[string(key)]
	disputed := len(held) > 0 && (held[len(held)-1].disputed || !slices.Equal(a.rs[held[len(held)-1].name.start:held[len(held)-1].name.end], a.rs[c.start:c.end]))
	whole = whole || len(held) > 0 && !disputed && held[len(held)-1].whole
	a.titles[string(key)] = append(held, titled{name: c, disputed: disputed, whole: whole})
}
