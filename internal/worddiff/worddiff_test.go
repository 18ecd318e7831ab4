package worddiff

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// eq, del and ins build expected chunks compactly.
func eq(s string) Chunk  { return Chunk{Equal, s} }
func del(s string) Chunk { return Chunk{Delete, s} }
func ins(s string) Chunk { return Chunk{Insert, s} }

// wordsCases is the specification of Words as a table; every case is also checked for the
// reconstruction property.
var wordsCases = []struct {
	name string
	a, b string
	want []Chunk
}{
	{"BothEmpty", "", "", []Chunk{}},
	{"Identical", "The cat sat.", "The cat sat.", []Chunk{eq("The cat sat.")}},
	{"EmptyToText", "", "Hello, world.", []Chunk{ins("Hello, world.")}},
	{"TextToEmpty", "Hello, world.", "", []Chunk{del("Hello, world.")}},
	{"WordInserted", "the cat sat", "the black cat sat",
		[]Chunk{eq("the "), ins("black "), eq("cat sat")}},
	{"WordDeleted", "the black cat sat", "the cat sat",
		[]Chunk{eq("the "), del("black "), eq("cat sat")}},
	{"WordReplaced", "the cat sat", "the dog sat",
		[]Chunk{eq("the "), del("cat"), ins("dog"), eq(" sat")}},
	{"WordBeforePunctuation", "the cat, then", "the cats, then",
		[]Chunk{eq("the "), del("cat"), ins("cats"), eq(", then")}},
	{"PunctuationOnly", "Stop, he said.", "Stop; he said!",
		[]Chunk{eq("Stop"), del(","), ins(";"), eq(" he said"), del("."), ins("!")}},
	{"WhitespaceOnly", "one two", "one  two",
		[]Chunk{eq("one"), del(" "), ins("  "), eq("two")}},
	{"ParagraphAdded", "First para.\nLast para.", "First para.\nMiddle para.\nLast para.",
		[]Chunk{eq("First para.\n"), ins("Middle para.\n"), eq("Last para.")}},
	{"ParagraphSplit", "One. Two.", "One.\nTwo.",
		[]Chunk{eq("One."), del(" "), ins("\n"), eq("Two.")}},
	{"PhraseReplaced", "a quick brown fox", "a slow red fox",
		[]Chunk{eq("a "), del("quick brown"), ins("slow red"), eq(" fox")}},
	{"ChangesAcrossParagraphsStayApart", "old\nold", "new\nnew",
		[]Chunk{del("old"), ins("new"), eq("\n"), del("old"), ins("new")}},
	{"Accents", "café crème brûlée", "café crème brulée",
		[]Chunk{eq("café crème "), del("brûlée"), ins("brulée")}},
	{"DecomposedAccentStaysInWord", "cafe\u0301 noir", "cafe noir",
		[]Chunk{del("cafe\u0301"), ins("cafe"), eq(" noir")}},
	{"Emoji", "ship it 🚀 now", "ship it 🎉 now",
		[]Chunk{eq("ship it "), del("🚀"), ins("🎉"), eq(" now")}},
	{"EmojiSequenceKeptWhole", "by 👩‍💻 today", "by 👩‍🔬 today",
		[]Chunk{eq("by "), del("👩‍💻"), ins("👩‍🔬"), eq(" today")}},
	{"FlagKeptWhole", "🇫🇷!", "🇫🇮!", []Chunk{del("🇫🇷"), ins("🇫🇮"), eq("!")}},
	{"RepeatedWords", "the the the", "the the the the",
		[]Chunk{eq("the the the"), ins(" the")}},
	{"RepeatedWordRemovedFromMiddle", "a b a b a", "a b a",
		[]Chunk{eq("a b a"), del(" b a")}},
	{"InvalidUTF8", "a\xff b", "a\xfe b", []Chunk{eq("a"), del("\xff"), ins("\xfe"), eq(" b")}},
	{"TotallyDifferent", "alpha", "omega", []Chunk{del("alpha"), ins("omega")}},
}

func TestWords(t *testing.T) {
	for _, tc := range wordsCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Words(tc.a, tc.b)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Words(%q, %q)\n got %q\nwant %q", tc.a, tc.b, got, tc.want)
			}
			checkChunks(t, tc.a, tc.b, got)
		})
	}
}

func TestWordsProperty(t *testing.T) {
	for _, tc := range wordsCases {
		t.Run(tc.name, func(t *testing.T) {
			checkChunks(t, tc.a, tc.b, Words(tc.a, tc.b))
			checkChunks(t, tc.b, tc.a, Words(tc.b, tc.a))
		})
	}
}

func TestChunkJSON(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"", "", `[]`},
		{"a cat", "a dog", `[{"op":"equal","text":"a "},{"op":"delete","text":"cat"},{"op":"insert","text":"dog"}]`},
	} {
		got, err := json.Marshal(Words(tc.a, tc.b))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("json of Words(%q, %q) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestTrimmingChangesNothing checks that skipping the common ends before tokenizing gives the
// very chunks that diffing every token would, on texts full of repeats where ties abound.
func TestTrimmingChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "b", "the", " ", " ", "  ", "\n", ",", "é", "🚀", "\u00a0"}
	text := func() string {
		var s strings.Builder
		for range r.IntN(30) {
			s.WriteString(pieces[r.IntN(len(pieces))])
		}
		return s.String()
	}
	for range 5000 {
		a := text()
		b := a
		for range 1 + r.IntN(3) {
			i := r.IntN(len(b) + 1)
			j := i + r.IntN(len(b)-i+1)
			b = b[:i] + text() + b[j:]
		}
		checkSameAsUntrimmed(t, a, b)
	}
}

// checkSameAsUntrimmed asserts that Words(a, b) equals the diff of every token of a and b.
func checkSameAsUntrimmed(t *testing.T, a, b string) {
	t.Helper()
	if got, want := Words(a, b), diffMiddle(a, b, 0, 0); !reflect.DeepEqual(got, want) {
		t.Fatalf("Words(%q, %q)\n got %q\nwant %q (untrimmed)", a, b, got, want)
	}
}

// checkChunks asserts the invariants every diff must keep: the chunks rebuild both texts, no
// chunk is empty, no two neighbours share an op, and an insert never comes straight before a
// delete.
func checkChunks(t *testing.T, a, b string, chunks []Chunk) {
	t.Helper()
	if chunks == nil {
		t.Fatalf("Words(%q, %q) = nil, want a non-nil slice", a, b)
	}
	var ra, rb strings.Builder
	for k, c := range chunks {
		switch c.Op {
		case Equal:
			ra.WriteString(c.Text)
			rb.WriteString(c.Text)
		case Delete:
			ra.WriteString(c.Text)
		case Insert:
			rb.WriteString(c.Text)
		default:
			t.Fatalf("chunk %d has unknown op %q", k, c.Op)
		}
		if c.Text == "" {
			t.Errorf("chunk %d (%s) is empty", k, c.Op)
		}
		if k > 0 && chunks[k-1].Op == c.Op {
			t.Errorf("chunks %d and %d share op %s", k-1, k, c.Op)
		}
		if k > 0 && chunks[k-1].Op == Insert && c.Op == Delete {
			t.Errorf("chunk %d is a delete after an insert", k)
		}
	}
	if ra.String() != a {
		t.Errorf("equal+delete = %q, want %q", ra.String(), a)
	}
	if rb.String() != b {
		t.Errorf("equal+insert = %q, want %q", rb.String(), b)
	}
}
