package quotes

import (
	"strings"
	"unicode"
)

// givenSex is the sex of given names that nearly always tell it, for a pronoun of the other sex
// to pass over: “…,” she said is not Grahame Morris's. Names given to both, in one language or
// across languages, are in givenBoth instead. A name here also marks where a name starts after a
// title's place (see placedName); a name missing here costs only a credit left to the other rules.
var givenSex = map[string]string{
	"adam": "m", "alan": "m", "andrew": "m", "anthony": "m", "ben": "m", "brian": "m", "carl": "m",
	"charles": "m", "colin": "m", "craig": "m", "daniel": "m", "david": "m", "dennis": "m",
	"derek": "m", "edward": "m", "gareth": "m", "gary": "m", "geoffrey": "m", "george": "m",
	"gordon": "m", "graham": "m", "grahame": "m", "harold": "m", "harry": "m", "henry": "m",
	"ian": "m", "jack": "m", "james": "m", "jeremy": "m", "john": "m", "jonathan": "m",
	"joseph": "m", "keith": "m", "kevin": "m", "mark": "m", "martin": "m", "matthew": "m",
	"michael": "m", "neil": "m", "nigel": "m", "oliver": "m", "patrick": "m", "paul": "m",
	"peter": "m", "philip": "m", "richard": "m", "robert": "m", "roger": "m", "simon": "m",
	"stephen": "m", "steven": "m", "stuart": "m", "thomas": "m", "timothy": "m", "tom": "m",
	"trevor": "m", "william": "m",
	"alice": "f", "alison": "f", "amanda": "f", "angela": "f", "ann": "f", "anna": "f",
	"barbara": "f", "caroline": "f", "catherine": "f", "claire": "f", "deborah": "f",
	"diane": "f", "elizabeth": "f", "emily": "f", "emma": "f", "helen": "f", "jane": "f",
	"janet": "f", "jennifer": "f", "judith": "f", "julie": "f", "kate": "f", "katherine": "f",
	"laura": "f", "linda": "f", "lisa": "f", "louise": "f", "margaret": "f", "maria": "f",
	"mary": "f", "michelle": "f", "patricia": "f", "rachel": "f", "rebecca": "f", "ruth": "f",
	"sarah": "f", "sharon": "f", "sophie": "f", "susan": "f", "victoria": "f", "wendy": "f",
}

// givenBoth are given names of men and of women, in one language (Alex, Chris, Jordan) or in
// different ones: Nicola and Andrea are Italian men's names and English women's, Jean a French
// man's and an English woman's, Joan a Catalan man's, Karen an Armenian man's, Carol a
// Romanian man's, Anne a Frisian man's and Kim a Korean man's. They tell no sex, but they mark
// where a name starts as givenSex's names do.
var givenBoth = map[string]bool{
	"alex": true, "sam": true, "jo": true, "chris": true, "jordan": true, "taylor": true,
	"jamie": true, "robin": true, "charlie": true, "ashley": true, "kim": true, "sasha": true,
	"alexis": true, "jean": true, "andrea": true, "nicola": true, "simone": true, "michele": true,
	"joan": true, "karen": true, "carol": true, "anne": true, "mo": true,
}

// givenNameSex returns the sex the first word of the name c tells, or "".
func (a *attributor) givenNameSex(c credit) string { return givenSex[a.givenName(c)] }

// givenName returns the first word of the name c in lowercase, or "" when c is one word alone,
// which is as often a surname: Ruth, Mark, Alan.
func (a *attributor) givenName(c credit) string {
	end := c.start
	for end < c.end && unicode.IsLetter(a.rs[end]) {
		end++
	}
	if end == c.end {
		return ""
	}
	return strings.ToLower(string(a.rs[c.start:end]))
}
