package quotes

import (
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/sentences"
)

// Kind is what a quotation is doing in the text. All kinds stay in the ledger; the kind only
// helps the fact-checker, who decides.
type Kind string

// The kinds of quotation.
const (
	Statement Kind = "statement" // words someone said or wrote
	Term      Kind = "term"      // scare quotes, or a word used as a word
	Title     Kind = "title"     // the name of a work, a sign or a slogan
)

// maxTermWords is the most words a quotation credited to nobody may have and still be read as a
// term rather than a statement.
const maxTermWords = 3

// kind tags q, whose speaker is already known, with its kind and a short reason. The word before
// the opening mark says most (so-called “reform”, the sign read “Closed”); failing that, the
// words' shape does.
func (a *attributor) kind(q Quote, floor int) (Kind, string) {
	toks := a.tokenize(a.toks[:0], max(floor, q.Start-maxCueRunes), q.Start, false)
	a.toks = toks
	if n := len(toks); n > 0 && a.onlySpaces(toks[n-1].end, q.Start) {
		cue := toks[n-1]
		if n > 1 && cue.joined && objectPronouns[a.word(cue)] {
			cue = toks[n-2] // dubbed it “the wobbly one”
		}
		switch c := a.lookup(cue.start, cue.end); {
		case c&titleCue != 0:
			return Title, "follows “" + a.word(cue) + "”"
		case c&termCue != 0:
			return Term, "follows “" + a.word(cue) + "”"
		}
	}
	words := strings.Fields(q.Text)
	bare := !endsSpeech(q.Text)
	switch {
	case q.Speaker != "":
		return Statement, "credited to " + q.Speaker
	case bare && len(words) > 1 && titleCase(words):
		return Title, "capitalised like a title"
	case bare && wordCount(q.Text, words) <= maxTermWords:
		return Term, "a few words credited to no one"
	}
	return Statement, "reads as speech"
}

// wordCount counts the words of text, whose space-separated fields are words: Chinese and
// Japanese write no spaces between words, which run about two characters long, so every two of
// their characters count as a word more (「賃上げを最優先に取り組む」 is a clause, 「改革」 a word).
func wordCount(text string, words []string) int {
	unspaced := 0
	for _, r := range text {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			unspaced++
		}
	}
	return len(words) + unspaced/2
}

// objectPronouns may stand between a cue and the quote it introduces.
var objectPronouns = map[string]bool{"it": true, "them": true, "him": true, "her": true}

// word returns the word t as written.
func (a *attributor) word(t token) string { return string(a.rs[t.start:t.end]) }

// onlySpaces reports whether rs[from:to] holds nothing but spaces, one or two of them.
func (a *attributor) onlySpaces(from, to int) bool {
	if to-from < 1 || to-from > 2 {
		return false
	}
	for _, r := range a.rs[from:to] {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// maxCueRunes is how far before a quote its cue word is looked for.
const maxCueRunes = 24

// endsSpeech reports whether the quoted words end the way spoken words do: with a sentence's
// punctuation or the comma that hands over to an attribution.
func endsSpeech(text string) bool {
	return strings.HasSuffix(lastWords(text), ",") || strings.IndexFunc(text, sentences.IsTerminal) >= 0
}

// titleCase reports whether most words of a title begin with a capital, small words aside.
func titleCase(words []string) bool {
	caps := 0
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsUpper(r) || lexicon[strings.ToLower(w)]&stopWord != 0 {
			caps++
		}
	}
	return unicode.IsUpper([]rune(words[0])[0]) && caps == len(words)
}
