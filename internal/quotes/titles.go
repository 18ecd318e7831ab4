package quotes

import (
	"slices"
	"strings"
)

// titled is a name the text writes after a title it holds, as in Home Secretary Yvette Cooper.
type titled struct {
	name     credit
	disputed bool // the title is written before another name earlier in the text too
}

// titleHolder returns the person the text names earlier with the title in the run toks[k:m],
// which names nobody itself and opens with "the" or follows it: “…,” the Leader of the House
// said credits Lucy Powell when the piece wrote Leader of the House Lucy Powell before it. A
// title written before different names up to there, or before none, credits nobody.
func (a *attributor) titleHolder(toks []token, k, m int) credit {
	determined := k > 0 && toks[k].joined && a.word(toks[k-1]) == "the"
	for k < m && toks[k].is(stopWord) {
		determined = determined || a.word(toks[k]) == "the" || a.word(toks[k]) == "The"
		k++
	}
	if !determined || k == m || !a.capital(toks[k]) || !a.holdsTitle(toks, k, m) {
		return credit{}
	}
	a.learnTitles()
	held := a.titles[a.titleKey(toks, k, m)]
	i, _ := slices.BinarySearchFunc(held, toks[k].start, func(t titled, pos int) int { return t.name.start - pos })
	if i == 0 || held[i-1].disputed {
		return credit{}
	}
	return held[i-1].name
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

// titleKey returns the words of toks[k:m] with one space between each.
func (a *attributor) titleKey(toks []token, k, m int) string {
	var b strings.Builder
	for j, t := range toks[k:m] {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(a.rs[t.start:t.end]))
	}
	return b.String()
}

// learnTitles reads the text once, the first time a title asks, for the names written with the
// titles they hold, in the order they come: after the title (Home Secretary Yvette Cooper,
// Chief Constable Sir Andy Marsh) or before it in commas (Lucy Powell, the Leader of the House,).
func (a *attributor) learnTitles() {
	if a.titles != nil {
		return
	}
	a.titles = make(map[string][]titled)
	toks := a.tokenize(nil, 0, len(a.rs), false)
	for k := 0; k < len(toks); k++ {
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
		for p > first+1 && honorifics[strings.ToLower(strings.TrimSuffix(a.word(toks[p-1]), "."))] {
			p-- // Chief Constable Sir Andy Marsh holds the title Chief Constable.
		}
		switch {
		case !c.found():
		case p > first && a.holdsTitle(toks, first, p):
			a.hold(a.titleKey(toks, first, p), c)
		case p == first && a.rs[toks[m-1].end] == ',' && m+1 < len(toks) && a.word(toks[m]) == "the" && toks[m+1].joined && a.capital(toks[m+1]):
			n := a.runEnd(toks, m+1)
			if !a.credit(toks, m+1, n).found() && a.holdsTitle(toks, m+1, n) && a.rs[toks[n-1].end] == ',' {
				a.hold(a.titleKey(toks, m+1, n), c)
			}
		}
		k = m - 1
	}
}

// hold records that the text names c as the holder of the title key, disputed when an earlier
// name held it too.
func (a *attributor) hold(key string, c credit) {
	held := a.titles[key]
	disputed := len(held) > 0 && (held[len(held)-1].disputed || a.name(held[len(held)-1].name) != a.name(c))
	a.titles[key] = append(held, titled{name: c, disputed: disputed})
}
