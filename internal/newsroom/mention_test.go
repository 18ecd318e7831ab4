package newsroom_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// mentionCases are texts and the usernames they mention.
var mentionCases = []struct {
	name string
	text string
	want []string
}{
	{"None", "no one is called on here", nil},
	{"One", "@sam please check", []string{"sam"}},
	{"InSentence", "Could @maria.lopez look at this?", []string{"maria.lopez"}},
	{"TrailingFullStop", "Thanks, @sam.", []string{"sam"}},
	{"TrailingPunctuation", "@sam, @ana; @ben! @eve? (@joe) @kim: @lee-- @max_", []string{"sam", "ana", "ben", "eve", "joe", "kim", "lee", "max"}},
	{"EachOnce", "@sam and @Sam and @SAM again", []string{"sam"}},
	{"Order", "@ben then @ana", []string{"ben", "ana"}},
	{"Email", "write to ana@example.com", nil},
	{"EmailAfterAt", "write to @ana@example.com", nil},
	{"InsideWord", "x@sam and sam@", nil},
	{"DoubleAt", "@@sam", nil},
	{"BareAt", "@ alone, and @. and @-", nil},
	{"AfterNewline", "first line\n@sam second", []string{"sam"}},
	{"AfterNonASCII", "é@sam", []string{"sam"}},
	{"StopsAtNonASCII", "@samé", []string{"sam"}},
	{"Digits", "@w1 @2x", []string{"w1", "2x"}},
	{"TooLong", "@" + strings.Repeat("a", newsroom.MaxUsername+1), nil},
	{"Longest", "@" + strings.Repeat("a", newsroom.MaxUsername), []string{strings.Repeat("a", newsroom.MaxUsername)}},
}

// TestMentions holds which @names in a text are mentions.
func TestMentions(t *testing.T) {
	for _, tt := range mentionCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := newsroom.Mentions(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Mentions(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for _, m := range newsroom.MentionsIn(tt.text) {
				if tt.text[m.Start:m.End] != "@"+m.Name {
					t.Errorf("MentionsIn(%q) puts %q at %d:%d", tt.text, m.Name, m.Start, m.End)
				}
			}
		})
	}
}

// FuzzMentions feeds Mentions arbitrary text and checks what must hold for every input: each
// name is one a user could have, written in the text right after an @ that starts it or follows
// a character no username holds, and no name comes twice.
func FuzzMentions(f *testing.F) {
	for _, tt := range mentionCases {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range newsroom.MentionsIn(text) {
			if text[m.Start:m.End] != "@"+m.Name {
				t.Fatalf("MentionsIn puts %q at %d:%d of %q", m.Name, m.Start, m.End, text)
			}
		}
		seen := map[string]bool{}
		for _, name := range newsroom.Mentions(text) {
			if name == "" || len(name) > newsroom.MaxUsername || strings.ContainsFunc(name, func(r rune) bool { return !newsroom.UsernameRune(r) }) {
				t.Fatalf("%q is no username", name)
			}
			if strings.ContainsAny(name[len(name)-1:], "._-") {
				t.Fatalf("%q ends in punctuation", name)
			}
			if !strings.Contains(text, "@"+name) {
				t.Fatalf("%q is not written after an @ in %q", name, text)
			}
			key := strings.ToLower(name)
			if seen[key] {
				t.Fatalf("%q comes twice", name)
			}
			seen[key] = true
		}
	})
}
