package quotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindKinds checks the kind and reason of each quotation, one row per pattern.
func TestFindKinds(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		kind       quotes.Kind
		why        string
	}{
		{"CreditedStatement", "“The bridge will reopen in May,” said Hana Sato.", quotes.Statement, "credited to Hana Sato"},
		{"PartialQuoteWithSpeaker", "Hana Sato praised the “steady progress” on the bridge.", quotes.Statement, "credited to Hana Sato"},
		{"UncreditedSentence", "A voice in the crowd: “We waited six years for this bridge.”", quotes.Statement, "reads as speech"},
		{"SoCalledScareQuote", "The so-called “temporary” closure lasted a decade.", quotes.Term, "follows “so-called”"},
		{"WordUsedAsWord", "Engineers avoid the word “collapse” in reports.", quotes.Term, "follows “word”"},
		{"DubbedNickname", "Locals dubbed it “the wobbly one” within a week.", quotes.Term, "follows “dubbed”"},
		{"ShortUncredited", "The plan was “ambitious” at best.", quotes.Term, "a few words credited to no one"},
		{"SignReads", "A sign on the gate read “No Entry After Dark” all winter.", quotes.Title, "follows “read”"},
		{"BookTitled", "Her memoir, titled “A River Between Us,” sold well.", quotes.Title, "follows “titled”"},
		{"SloganByShape", "Marchers carried placards with “Bridges Not Walls” across town.", quotes.Title, "capitalised like a title"},
		{"NestedQuoteHandsOver", "“We have ‘concerns,’” said one of them.", quotes.Statement, "reads as speech"},
		{"ChineseSentence", "他说：“我不知道。”然后离开了。", quotes.Statement, "reads as speech"},
		{"JapaneseExclamation", "彼女は「やめて！」と叫んだ。", quotes.Statement, "reads as speech"},
		{"ArabicQuestion", "سأل الوزير: «هل ستبنون المدرسة؟»", quotes.Statement, "reads as speech"},
		{"HindiSentence", "उन्होंने कहा, “मुझे नहीं पता।”", quotes.Statement, "reads as speech"},
		{"JapaneseClauseWithoutPunctuation", "岸田首相は記者団に対し「賃上げを最優先に取り組む」と述べた。", quotes.Statement, "reads as speech"},
		{"ChineseClauseWithoutPunctuation", "他说，“我们会继续补贴公共交通”，并称预算已经到位。", quotes.Statement, "reads as speech"},
		{"JapaneseShortTerm", "いわゆる「改革」は進まない。", quotes.Term, "a few words credited to no one"},
		{"GermanTerm", "Die sogenannte „Brückensteuer“ kam nie.", quotes.Term, "a few words credited to no one"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := quotes.Find(tt.text)
			if len(qs) != 1 {
				t.Fatalf("Find() = %+v, want one quote", qs)
			}
			if qs[0].Kind != tt.kind || qs[0].Why != tt.why {
				t.Errorf("kind = %q (%q), want %q (%q)", qs[0].Kind, qs[0].Why, tt.kind, tt.why)
			}
		})
	}
}
