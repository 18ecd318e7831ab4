package search_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/search"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, fts4, tsquery string
	}{
		{"Words", "flood defences", `"flood" "defences"`, `'flood' & 'defences'`},
		{"Phrase", `"flood defences" council`, `"flood defences" "council"`, `('flood' <-> 'defences') & 'council'`},
		{"Prefix", "defen*", `"defen*"`, `'defen':*`},
		{"ShortPrefixIsAWord", "re* ab*", `"re" "ab"`, `'re' & 'ab'`},
		{"PrefixInPhrase", `"flood defen*"`, `"flood defen*"`, `('flood' <-> 'defen':*)`},
		{"Exclude", "flood -river", `"flood" NOT "river"`, `'flood' & !'river'`},
		{"ExcludeFirst", "-river flood", `"flood" NOT "river"`, `!'river' & 'flood'`},
		{"ExcludePhrase", `flood -"river bank"`, `"flood" NOT "river bank"`, `'flood' & !('river' <-> 'bank')`},
		{"ExcludeAloneIsAWord", "-river", `"river"`, `'river'`},
		{"HyphenInWord", "flood-defences", `"flood" "defences"`, `'flood' & 'defences'`},
		{"Operators", "flood NEAR/3 river OR NOT x AND y", `"flood" "NEAR" "3" "river" "OR" "NOT" "x" "AND" "y"`,
			`'flood' & 'NEAR' & '3' & 'river' & 'OR' & 'NOT' & 'x' & 'AND' & 'y'`},
		{"ColumnFilter", "title:flood", `"title" "flood"`, `'title' & 'flood'`},
		{"Brackets", "(flood) & !river | 'x'", `"flood" "river" "x"`, `'flood' & 'river' & 'x'`},
		{"UnclosedQuote", `"flood defences`, `"flood defences"`, `('flood' <-> 'defences')`},
		{"EmptyQuotes", `"" flood`, `"flood"`, `'flood'`},
		{"LoneStar", "* flood **", `"flood"`, `'flood'`},
		{"Punctuation", `¿¡!?.,;:'"`, "", ""},
		{"Empty", "  ", "", ""},
		{"NFC", "Cafe\u0301", `"Café"`, `'Café'`},
		{"MarkCannotStartAWord", "\u0301x", `"x"`, `'x'`},
		{"Apostrophe", "don't", `"don" "t"`, `'don' & 't'`},
		{"Underscore", "a_b", `"a" "b"`, `'a' & 'b'`},
		{"Backslash", `a\b`, `"a" "b"`, `'a' & 'b'`},
		{"OtherScripts", "Москва 東京", `"Москва" "東京"`, `'Москва' & '東京'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := search.Parse(tt.in)
			if got := q.FTS4(); got != tt.fts4 {
				t.Errorf("FTS4() = %s, want %s", got, tt.fts4)
			}
			if got := q.TSQuery(); got != tt.tsquery {
				t.Errorf("TSQuery() = %s, want %s", got, tt.tsquery)
			}
			if q.Empty() != (tt.fts4 == "") {
				t.Errorf("Empty() = %v", q.Empty())
			}
		})
	}
}

func TestTSQueryWords(t *testing.T) {
	q := search.Parse(`"flood defen*" council -river -"sea wall"`)
	if got, want := q.TSQueryWords(), `'flood' & 'defen':* & 'council'`; got != want {
		t.Errorf("TSQueryWords() = %s, want %s", got, want)
	}
}

func TestParseCapsTerms(t *testing.T) {
	q := search.Parse(strings.Repeat("word ", 100))
	if len(q.Terms) != search.MaxTerms {
		t.Errorf("%d terms, want %d", len(q.Terms), search.MaxTerms)
	}
}

func TestParseCapsWords(t *testing.T) {
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	capped := `"` + words(search.MaxWords, "the") + `"`
	tests := []struct{ name, in, fts4 string }{
		{"LongPhrase", `"` + words(5000, "the") + `"`, capped},
		{"LongPhraseUnclosed", `"` + words(5000, "the"), capped},
		{"PhraseCutLosesItsPrefix", `"` + words(search.MaxWords, "the") + ` def*"`, capped},
		{"LaterTermsIgnored", `"` + words(search.MaxWords, "the") + `" river`, capped},
		{"WordsBeforeAPhraseCount", "river " + `"` + words(5000, "the") + `"`,
			`"river" "` + words(search.MaxWords-1, "the") + `"`},
		{"PhraseCutKeepsItsLastWordsPrefix", `"` + words(search.MaxWords-1, "the") + ` defen* more"`,
			`"` + words(search.MaxWords-1, "the") + ` defen*"`},
		{"PhraseAtTheCap", `"` + words(search.MaxWords-1, "the") + ` def*"`,
			`"` + words(search.MaxWords-1, "the") + ` def*"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.Parse(tt.in).FTS4(); got != tt.fts4 {
				t.Errorf("FTS4() = %s, want %s", got, tt.fts4)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Marks", "the \x02flood\x03 held", "the <mark>flood</mark> held"},
		{"Escapes", "<b>\x02a&b\x03</b>", "&lt;b&gt;<mark>a&amp;b</mark>&lt;/b&gt;"},
		{"UnclosedMark", "\x02flood", "<mark>flood</mark>"},
		{"StrayClose", "flood\x03 \x02\x02x\x03", "flood <mark>x</mark>"},
		{"NoMarks", "plain", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.HTML(tt.in); got != tt.want {
				t.Errorf("HTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIndexText(t *testing.T) {
	if got := search.IndexText("Cafe\u0301 \x02x\x03"); got != "Café x" {
		t.Errorf("IndexText = %q", got)
	}
}

func TestSnippet(t *testing.T) {
	body := "The river rose overnight. Crews checked the flood defences at dawn, and the defences held until noon, officials said."
	tests := []struct {
		name, query string
		texts       []string
		want        string
	}{
		{"Word", "flood", []string{body}, "…checked the \x02flood\x03 defences at dawn, and the…"},
		{"Phrase", `"flood defences"`, []string{body}, "…checked the \x02flood\x03 \x02defences\x03 at dawn, and the…"},
		{"Prefix", "defen*", []string{body}, "…the flood \x02defences\x03 at dawn, and the \x02defences\x03…"},
		{"CaseFolds", "RIVER", []string{body}, "The \x02river\x03 rose overnight. Crews checked the flood…"},
		{"MostTermsWin", "river noon", []string{"A river.", "The river rose at noon."}, "The \x02river\x03 rose at \x02noon\x03."},
		{"EarlierTextOnATie", "flood", []string{"A flood.", "Another flood."}, "A \x02flood\x03."},
		{"NoneFound", "zebra", []string{"", body}, "The river rose overnight. Crews checked the flood…"},
		{"ExcludedNotMarked", "flood -river", []string{body}, "…checked the \x02flood\x03 defences at dawn, and the…"},
		{"Nothing", "x", []string{""}, ""},
		{"LaterWindowWithMoreTerms", "river noon", []string{"river river a b c d e f g h i j k l river noon m n o p"},
			"…k l \x02river\x03 \x02noon\x03 m n o p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.Snippet(search.Parse(tt.query), 8, tt.texts...); got != tt.want {
				t.Errorf("Snippet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSnippetManyHits holds Snippet to time that grows with a text's words, not with the square
// of its hits: a body of one short word repeated, the longest a draft may have, has every word
// a hit, and scoring each hit's window by counting every hit took minutes.
func TestSnippetManyHits(t *testing.T) {
	body := strings.Repeat("zq ", 130_000)
	done := make(chan string)
	go func() { done <- search.Snippet(search.Parse("zq zqx -river"), 24, body) }()
	select {
	case got := <-done:
		if !strings.HasPrefix(got, "\x02zq\x03 \x02zq\x03") {
			t.Errorf("Snippet = %.40q…", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Snippet of 130,000 hits took more than 5 s")
	}
}

// BenchmarkIndexText measures IndexText on a comment's worth of text: SQLite's triggers call it
// for every draft and comment written, over the draft's whole text and all its comments.
func BenchmarkIndexText(b *testing.B) {
	text := strings.Repeat("Is this figure right? The minister said “Café” twice. ", 20)
	b.ReportAllocs()
	for b.Loop() {
		search.IndexText(text)
	}
}
