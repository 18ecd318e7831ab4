package worddiff

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"Empty", "", []string{}},
		{"WordsAndSpaces", "the  cat\n\nsat", []string{"the", "  ", "cat", "\n\n", "sat"}},
		{"PunctuationIsSingle", "cat,\"!", []string{"cat", ",", "\"", "!"}},
		{"RepeatedPunctuationSplits", "...", []string{".", ".", "."}},
		{"Digits", "in 2024, 3.5%", []string{"in", " ", "2024", ",", " ", "3", ".", "5", "%"}},
		{"Apostrophe", "don't", []string{"don", "'", "t"}},
		{"Accented", "Müller naïve", []string{"Müller", " ", "naïve"}},
		{"CombiningMark", "e\u0301t\u00e9", []string{"e\u0301t\u00e9"}},
		{"NonLatin", "Привет, 世界", []string{"Привет", ",", " ", "世界"}},
		{"EmojiWithSelector", "❤️x", []string{"❤️", "x"}},
		{"SkinTone", "👍🏽👍", []string{"👍🏽", "👍"}},
		{"ZWJSequence", "👨‍👩‍👧!", []string{"👨‍👩‍👧", "!"}},
		{"TrailingZWJ", "👩\u200d", []string{"👩\u200d"}},
		{"Flags", "🇫🇷🇩🇪🇮", []string{"🇫🇷", "🇩🇪", "🇮"}},
		{"InvalidBytes", "a\xff\xfeb", []string{"a", "\xff", "\xfe", "b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Tokens(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTokenizeRange(t *testing.T) {
	s := "skip this, then"
	if got, want := tokenize(s, 5, 10), []int{9, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize(%q, 5, 10) = %v, want %v", s, got, want)
	}
}

func TestIntern(t *testing.T) {
	a, b := intern("..x y x", []int{3, 4, 5, 6, 7}, "..yz", []int{3, 4}, 2)
	if want := []int32{0, 1, 2, 1, 0}; !reflect.DeepEqual(a, want) {
		t.Errorf("a ids = %v, want %v", a, want)
	}
	if want := []int32{2, 3}; !reflect.DeepEqual(b, want) {
		t.Errorf("b ids = %v, want %v", b, want)
	}
}
