package newsroom

import "strings"

// MaxUsername is the most bytes a username may hold.
const MaxUsername = 64

// UsernameRune reports whether r may appear in a username: an ASCII letter or digit, '.', '_'
// or '-'. Usernames hold nothing else, so that they compare by folding ASCII case alone and can
// be written after an @ in running text.
func UsernameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
}

// Mention is one @username in a text: the name, and the byte offsets of the @ (Start) and of
// the end of the name (End).
type Mention struct {
	Name       string
	Start, End int
}

// Mentions returns the usernames text calls on as @username, each once (names that differ
// only in ASCII case are one name), in the order they first appear, as first written.
func Mentions(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range MentionsIn(text) {
		if key := strings.ToLower(m.Name); !seen[key] {
			seen[key] = true
			out = append(out, m.Name)
		}
	}
	return out
}

// MentionsIn returns every @username in text, in order. An @ counts only at the start of the
// text or after a character that cannot be in a username and is not another @, so the at sign
// of an address such as ana@example.com mentions no one; a name followed at once by another @ is
// the first half of an address and mentions no one either. Punctuation that ends a sentence
// after a name ("thanks, @ana.") is not part of it: a name never ends in '.', '_' or '-'. A name
// longer than MaxUsername is no one's and is left out.
func MentionsIn(text string) []Mention {
	var out []Mention
	prev := rune(0)
	for i, r := range text {
		at := r == '@' && !UsernameRune(prev) && prev != '@'
		prev = r
		if !at {
			continue
		}
		if name, ok := mentionAt(text[i+1:]); ok {
			out = append(out, Mention{Name: name, Start: i, End: i + 1 + len(name)})
		}
	}
	return out
}

// mentionAt reads the username at the start of rest, the text after an @, and reports whether
// it is one: not empty once trailing punctuation is dropped, not too long, and not followed by
// another @.
func mentionAt(rest string) (string, bool) {
	end := strings.IndexFunc(rest, func(r rune) bool { return !UsernameRune(r) })
	if end < 0 {
		end = len(rest)
	}
	if strings.HasPrefix(rest[end:], "@") {
		return "", false
	}
	name := strings.TrimRight(rest[:end], "._-")
	return name, name != "" && len(name) <= MaxUsername
}
