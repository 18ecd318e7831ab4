// Package sentences knows what ends a sentence and what does not: the stops of every script,
// and the abbreviations whose full stop ends none. It is pure.
package sentences

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// IsTerminal reports whether r ends a sentence: a full stop, question or exclamation mark or an
// ellipsis, in any script, such as Chinese and Japanese 。 and ！, Arabic ؟ and Hindi's danda ।.
// ASCII, most of any English text, is answered without the Unicode tables.
func IsTerminal(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '.' || r == '!' || r == '?'
	}
	return r == '…' || unicode.Is(unicode.Sentence_Terminal, r)
}

// abbreviations are the words, lowercased, whose full stop does not end a sentence: "Sen.
// Ortiz", "Acme Inc.", "No. 5".
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "sgt": true, "col": true, "capt": true, "adm": true, "rev": true, "st": true,
	"jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true, "vs": true, "no": true,
	"mt": true, "ft": true,
}

// maxAbbreviation is the longest abbreviation, in bytes, lowercased.
const maxAbbreviation = 4

// Abbreviation reports whether word, without the full stop after it, takes a full stop that
// does not end a sentence: an initial (F.), a dotted abbreviation (U.S.) or a listed one (Sen.).
func Abbreviation(word []rune) bool {
	if len(word) == 1 {
		return unicode.IsUpper(word[0])
	}
	if slices.Contains(word, '.') {
		return true
	}
	if len(word) > maxAbbreviation {
		return false
	}
	var buf [maxAbbreviation]byte
	for i, r := range word {
		if r >= utf8.RuneSelf {
			return false
		}
		buf[i] = byte(unicode.ToLower(r))
	}
	return abbreviations[string(buf[:len(word)])]
}
