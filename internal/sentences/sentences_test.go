package sentences_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/sentences"
)

// TestSpans: each text is cut into the sentences listed, and no others. A full stop after an
// honorific, an initial, a dotted abbreviation or a listed one, inside a number, in an ellipsis
// or followed by a lowercase word ends no sentence; a closing quotation mark or bracket after a
// stop belongs to the sentence it ends; a line's end always ends one; Chinese and Japanese stops
// end one with no space after them.
func TestSpans(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"Plain", "The vote is on Monday. Critics disagreed! Why?", []string{"The vote is on Monday.", "Critics disagreed!", "Why?"}},
		{"Honorific", "Smith met Mr. Jones on Friday. Later, she called Mr. Jones.",
			[]string{"Smith met Mr. Jones on Friday.", "Later, she called Mr. Jones."}},
		{"Initials", "J. R. R. Tolkien wrote it. He agreed.", []string{"J. R. R. Tolkien wrote it.", "He agreed."}},
		{"DottedAbbreviation", "The U.S. envoy spoke. U.S.-Mexico talks ended.", []string{"The U.S. envoy spoke.", "U.S.-Mexico talks ended."}},
		{"Number", "See No. 5 on the list. It rose 3.5 percent.", []string{"See No. 5 on the list.", "It rose 3.5 percent."}},
		{"ShortMonthBeforeADay", "He is sworn in on Jan. 6 in Washington. The vote was on Sept. 12. Critics left. “Fine,” said Jan. Mar. Others left.",
			[]string{"He is sworn in on Jan. 6 in Washington.", "The vote was on Sept. 12.", "Critics left.", "“Fine,” said Jan.", "Mar.", "Others left."}},
		{"Ellipsis", "The plan would work... eventually. Then... Nothing.", []string{"The plan would work... eventually.", "Then...", "Nothing."}},
		{"ClosingMarks", "He said: “It works.” (She did not.) They left.", []string{"He said: “It works.”", "(She did not.)", "They left."}},
		{"LowercaseAfterStop", "“Would it work?” she asked. It did, e.g. in the north.", []string{"“Would it work?” she asked.", "It did, e.g. in the north."}},
		{"Lines", "First line\nSecond. Third.\n\nFourth", []string{"First line", "Second.", "Third.", "Fourth"}},
		{"Chinese", "市长说计划会成功。他同意了！ The vote is on Monday.", []string{"市长说计划会成功。", "他同意了！", "The vote is on Monday."}},
		{"Hindi", "योजना सफल होगी। उन्होंने कहा।", []string{"योजना सफल होगी।", "उन्होंने कहा।"}},
		{"Spaces", "  One.   Two.  ", []string{"One.", "Two."}},
		{"NoSpaceAfterLatinStop", "Visit example.com.Then leave.", []string{"Visit example.com.Then leave."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runes := []rune(tc.text)
			var got []string
			for _, s := range sentences.Spans(runes) {
				got = append(got, string(runes[s[0]:s[1]]))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Spans(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestAbbreviation: the words whose full stop ends no sentence, given without it.
func TestAbbreviation(t *testing.T) {
	for word, want := range map[string]bool{
		"Mr": true, "dr": true, "No": true, "J": true, "U.S": true, "a.m": true, "Sen": true,
		"Jones": false, "a": false, "5": false, "work": false, "Straße": false, "": false,
	} {
		if got := sentences.Abbreviation([]rune(word)); got != want {
			t.Errorf("Abbreviation(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestAround: a range is in the sentence that holds it whole, and in none when it reaches past
// one sentence or lies in the spaces between two.
func TestAround(t *testing.T) {
	runes := []rune("Smith met Mr. Jones. “No comment,” she said.")
	spans := sentences.Spans(runes)
	for _, tc := range []struct {
		name  string
		s, e  int
		want  string
		found bool
	}{
		{"First", 0, 5, "Smith met Mr. Jones.", true},
		{"AfterHonorific", 14, 19, "Smith met Mr. Jones.", true},
		{"WholeSecond", 21, 44, "“No comment,” she said.", true},
		{"EmptyAtEnd", 44, 44, "“No comment,” she said.", true},
		{"AcrossTwo", 14, 25, "", false},
		{"BetweenTwo", 20, 21, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, ok := sentences.Around(spans, tc.s, tc.e)
			if ok != tc.found || ok && string(runes[spans[k][0]:spans[k][1]]) != tc.want {
				t.Errorf("Around(%d, %d) = %d %v, want %q %v", tc.s, tc.e, k, ok, tc.want, tc.found)
			}
		})
	}
}

// TestOnce: a text is found once only when no other occurrence, overlapping or inside a longer
// stretch, follows it.
func TestOnce(t *testing.T) {
	for _, tc := range []struct {
		str, text string
		at        int
		ok        bool
	}{
		{"He left. “No,” she said.", "“No,” she said.", 9, true},
		{"“No,” she said. Asked, “No,” she said.", "“No,” she said.", 0, false},
		{"aaa", "aa", 0, false},
		{"He left.", "She left.", 0, false},
	} {
		if at, ok := sentences.Once(tc.str, tc.text); ok != tc.ok || ok && at != tc.at {
			t.Errorf("Once(%q, %q) = %d %v, want %d %v", tc.str, tc.text, at, ok, tc.at, tc.ok)
		}
	}
}
