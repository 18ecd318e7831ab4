package newsroom_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestTextNormalize(t *testing.T) {
	in := newsroom.Text{Title: "  Title ", Body: "one\r\n\n  \ntwo\n", Topics: []string{" politics "}}
	got := in.Normalize()
	if got.Title != "Title" || got.Body != "one\ntwo" || got.Topics[0] != "politics" {
		t.Fatalf("Normalize() = %+v", got)
	}
	if ps := got.Paragraphs(); len(ps) != 2 || ps[1] != "two" {
		t.Fatalf("Paragraphs() = %q", ps)
	}
}

// TestTextNormalizeOneLine shows the house format's shape: a piece's one-line fields hold no
// line break, and its body no line end but the "\n" between paragraphs.
func TestTextNormalizeOneLine(t *testing.T) {
	in := newsroom.Text{
		Title:         "\uFEFF\u00a0Two\r\nlines ",
		Byline:        "Sarah\nJohnson",
		Brief:         "A brief\rin parts.",
		Body:          "Old Mac\rline ends\r\rand Windows\r\n ones\n\u3000\n\u200b\u00a0\n\u2060\u200d\n  indented",
		Topics:        []string{"\tMexico\n"},
		EditorComment: "Line\none.",
	}
	want := newsroom.Text{
		Title: "Two lines", Byline: "Sarah Johnson", Brief: "A brief in parts.",
		Body:   "Old Mac\nline ends\nand Windows\n ones\n  indented",
		Topics: []string{"Mexico"}, EditorComment: "Line one.",
	}
	if got := in.Normalize(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Normalize() = %#v\nwant %#v", got, want)
	}
}

// TestTextNormalizeInvisibleFields: a one-line field of nothing but zero-width characters shows
// nothing and is stored empty, as a blank one is, so that an optional field such as the editor's
// comment is no field at all rather than an empty one published under its heading.
func TestTextNormalizeInvisibleFields(t *testing.T) {
	invisible := "\u200b\u2060 \u200d\ufe0f\u00ad"
	in := newsroom.Text{Title: invisible, Byline: invisible, Brief: invisible, Body: "One.", Topics: []string{invisible}, EditorComment: invisible}
	want := newsroom.Text{Body: "One.", Topics: []string{}}
	if got := in.Normalize(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Normalize() = %+q\nwant %+q", got, want)
	}
	kept := newsroom.Text{Title: "\u200fשלום", EditorComment: "\U0001F469\u200d\U0001F467", Topics: []string{}}
	if got := kept.Normalize(); !reflect.DeepEqual(got, kept) {
		t.Fatalf("Normalize() = %+q\nwant %+q", got, kept)
	}
}

// TestTextNormalizeTopics: a topic that shows nothing, blank or of zero-width characters only,
// is dropped as a body line of them is, so that a stray line pasted among the topics, or one a
// draft stored before such lines were blank, never refuses a save; the others keep their order.
func TestTextNormalizeTopics(t *testing.T) {
	tests := []struct {
		name       string
		topics     []string
		wantTopics []string
	}{
		{"None", []string{}, []string{}},
		{"Empty", []string{""}, []string{}},
		{"Spaces", []string{" \t\u00a0"}, []string{}},
		{"ZeroWidthSpace", []string{"\u200b"}, []string{}},
		{"Invisible", []string{"\u2060\u200d\ufeff\u00ad\ufe0f"}, []string{}},
		{"AmongOthers", []string{"Floods", "\u200b", " Rivers ", "\u200b\u00a0\u200c"}, []string{"Floods", "Rivers"}},
		{"ZeroWidthInside", []string{"Zero\u200bWidth"}, []string{"Zero\u200bWidth"}},
		{"MarkBeforeText", []string{"\u200fשלום"}, []string{"\u200fשלום"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newsroom.Text{Title: "T", Topics: tt.topics}.Normalize()
			if !reflect.DeepEqual(got.Topics, tt.wantTopics) {
				t.Fatalf("Normalize().Topics = %+q, want %+q", got.Topics, tt.wantTopics)
			}
			if err := got.Validate(); err != nil {
				t.Fatalf("Validate() after Normalize = %v", err)
			}
		})
	}
}

// TestTextNormalizeUnicodeLineBreaks: Unicode's line and paragraph separators are line breaks
// to whoever splits the house text format's lines as Unicode does, so they are treated as "\n"
// is: a space in a one-line field, a paragraph break in the body.
func TestTextNormalizeUnicodeLineBreaks(t *testing.T) {
	in := newsroom.Text{
		Title: "Two\u2028lines", Byline: "Sarah\u2029Johnson", Brief: "A brief\u2028\u2029in parts.\u2028",
		Body: "One\u2028two\u2029\u2029three", Topics: []string{"Mexico\u2028City"}, EditorComment: "\u2029Line\u2028one.",
	}
	want := newsroom.Text{
		Title: "Two lines", Byline: "Sarah Johnson", Brief: "A brief  in parts.",
		Body: "One\ntwo\nthree", Topics: []string{"Mexico City"}, EditorComment: "Line one.",
	}
	if got := in.Normalize(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Normalize() = %+q\nwant %+q", got, want)
	}
}

// TestTextNormalizeNFC shows letters typed with separate accents stored composed, in every field.
func TestTextNormalizeNFC(t *testing.T) {
	nfd := "Cafe\u0301 Mu\u0308ller"
	in := newsroom.Text{Title: nfd, Byline: nfd, Brief: nfd, Body: nfd + "\n" + nfd, Topics: []string{nfd}, EditorComment: nfd}
	nfc := "Café Müller"
	want := newsroom.Text{Title: nfc, Byline: nfc, Brief: nfc, Body: nfc + "\n" + nfc, Topics: []string{nfc}, EditorComment: nfc}
	if got := in.Normalize(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Normalize() = %+q\nwant %+q", got, want)
	}
}

func TestTextValidate(t *testing.T) {
	ok := newsroom.Text{Title: "Mexico’s Sheinbaum — “no”", Body: "Café ünïcode 👍🏽"}
	tests := []struct {
		name    string
		mutate  func(*newsroom.Text)
		wantErr string
	}{
		{"OK", func(*newsroom.Text) {}, ""},
		{"EmptyTitle", func(x *newsroom.Text) { x.Title = "" }, "title must not be empty"},
		{"LongTitle", func(x *newsroom.Text) { x.Title = strings.Repeat("é", newsroom.MaxTitle+1) }, "title is 301 characters long"},
		{"TitleAtLimit", func(x *newsroom.Text) { x.Title = strings.Repeat("é", newsroom.MaxTitle) }, ""},
		{"InvalidUTF8", func(x *newsroom.Text) { x.Brief = "bad \xff byte" }, "brief is not valid UTF-8"},
		{"NUL", func(x *newsroom.Text) { x.Body = "a\x00b" }, "body must not contain NUL"},
		{"EmptyTopic", func(x *newsroom.Text) { x.Topics = []string{""} }, "topics must not be empty"},
		{"InvisibleTopic", func(x *newsroom.Text) { x.Topics = []string{"\u200b"} }, "topics must not be empty or show nothing"},
		{"TooManyTopics", func(x *newsroom.Text) { x.Topics = make([]string, newsroom.MaxTopics+1) }, "at most 50 topics"},
		{"ScriptIsJustText", func(x *newsroom.Text) { x.Title = "<script>alert(1)</script>" }, ""},
		{"TabIsText", func(x *newsroom.Text) { x.Body = "Col\tumn\nTwo" }, ""},
		{"UnfinishedIsValid", func(x *newsroom.Text) { x.Body = "" }, ""},
		{"ControlCharacterWhileWriting", func(x *newsroom.Text) { x.Body = "Ding\a" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ok
			tt.mutate(&x)
			err := x.Validate()
			wantInvalid(t, "Validate()", err, tt.wantErr)
		})
	}
}

// TestTextCheckLimits shows the limits without the rule that a title is required, for text still
// being typed.
func TestTextCheckLimits(t *testing.T) {
	tests := []struct {
		name    string
		text    newsroom.Text
		wantErr string
	}{
		{"NoTitleYet", newsroom.Text{Body: "Typing."}, ""},
		{"LongBody", newsroom.Text{Body: strings.Repeat("é", newsroom.MaxBody+1)}, "body is 400001 characters long; the limit is 400000"},
		{"EmptyTopic", newsroom.Text{Topics: []string{""}}, "topics must not be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.text.CheckLimits()
			wantInvalid(t, "CheckLimits()", err, tt.wantErr)
		})
	}
}

// TestTextCheckParagraphs: a body may hold MaxParagraphs paragraphs, or as many as the body it
// replaces when that held more, and no more; lines that show nothing are no paragraphs.
func TestTextCheckParagraphs(t *testing.T) {
	body := func(n int) string { return strings.Repeat("a\n", n-1) + "a" }
	tests := []struct {
		name      string
		body, was string
		wantErr   string
	}{
		{"AtTheCap", body(newsroom.MaxParagraphs), "", ""},
		{"BlankLinesAreNoParagraphs", strings.Repeat("a\n\n", newsroom.MaxParagraphs-1) + "a", "", ""},
		{"PastTheCap", body(newsroom.MaxParagraphs + 1), "", "body has 10001 paragraphs; the limit is 10000"},
		{"PastTheCapFromIt", body(newsroom.MaxParagraphs + 1), body(newsroom.MaxParagraphs), "body has 10001 paragraphs; the limit is 10000"},
		{"OverItAsBefore", body(2 * newsroom.MaxParagraphs), body(2 * newsroom.MaxParagraphs), ""},
		{"OverItFewerThanBefore", body(newsroom.MaxParagraphs + 1), body(2 * newsroom.MaxParagraphs), ""},
		{"OverItMoreThanBefore", body(2*newsroom.MaxParagraphs + 1), body(2 * newsroom.MaxParagraphs), "body has 20001 paragraphs; the limit is 10000"},
		{"CarriageReturnsEndParagraphs", strings.Repeat("a\r", newsroom.MaxParagraphs) + "a", "", "body has 10001 paragraphs"},
		{"CRLFEndsOneParagraph", strings.Repeat("a\r\n", newsroom.MaxParagraphs-1) + "a", "", ""},
		{"LineSeparatorsEndParagraphs", strings.Repeat("a\u2028", newsroom.MaxParagraphs) + "a", "", "body has 10001 paragraphs"},
		{"ParagraphSeparatorsEndParagraphs", strings.Repeat("a\u2029", newsroom.MaxParagraphs) + "a", "", "body has 10001 paragraphs"},
		{"MixedLineEnds", strings.Repeat("a\ra\u2028a\u2029a\n", newsroom.MaxParagraphs/4) + "a", "", "body has 10001 paragraphs"},
		{"StoredBodyCountedAlike", body(newsroom.MaxParagraphs + 1), strings.Repeat("a\r", newsroom.MaxParagraphs+1) + "a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.Text{Body: tt.body}.CheckParagraphs(newsroom.Text{Body: tt.was})
			wantInvalid(t, "CheckParagraphs()", err, tt.wantErr)
		})
	}
}

func TestTextCheckWhole(t *testing.T) {
	whole := newsroom.Text{Title: "T", Byline: "B", Brief: "Brief.", Body: "One paragraph."}
	tests := []struct {
		name    string
		mutate  func(*newsroom.Text)
		missing []string
		code    string
	}{
		{"Whole", func(*newsroom.Text) {}, nil, ""},
		{"NoByline", func(x *newsroom.Text) { x.Byline = "" }, []string{"byline"}, newsroom.EINVALID},
		{"BlankBrief", func(x *newsroom.Text) { x.Brief = " \t" }, []string{"brief"}, newsroom.EINVALID},
		{"BlankBody", func(x *newsroom.Text) { x.Body = "\u00a0\n " }, []string{"body"}, newsroom.EINVALID},
		{"InvisibleTitle", func(x *newsroom.Text) { x.Title = "\u200b\u200d" }, []string{"title"}, newsroom.EINVALID},
		{"InvisibleByline", func(x *newsroom.Text) { x.Byline = "\u2060\u200e\ufe0f" }, []string{"byline"}, newsroom.EINVALID},
		{"SoftHyphenBrief", func(x *newsroom.Text) { x.Brief = "\u00ad \u00a0" }, []string{"brief"}, newsroom.EINVALID},
		{"InvisibleBody", func(x *newsroom.Text) { x.Body = "\u200b\n\ufeff\u200c" }, []string{"body"}, newsroom.EINVALID},
		{"JoinedEmojiIsText", func(x *newsroom.Text) { x.Body = "\U0001F469\u200d\U0001F467" }, nil, ""},
		{"ArabicNumberSignIsText", func(x *newsroom.Text) { x.Brief = "\u0600" }, nil, ""},
		{"Nothing", func(x *newsroom.Text) { *x = newsroom.Text{} }, []string{"title", "byline", "brief", "body"}, newsroom.EINVALID},
		{"WholeButInvalid", func(x *newsroom.Text) { x.Brief = "a\x00b" }, nil, newsroom.EINVALID},
		{"TabIsText", func(x *newsroom.Text) { x.Body = "Col\tumn\nTwo" }, nil, ""},
		{"BellInTitle", func(x *newsroom.Text) { x.Title = "Ding\a" }, nil, newsroom.EINVALID},
		{"EscapeInBody", func(x *newsroom.Text) { x.Body = "one\n\x1b[31mred" }, nil, newsroom.EINVALID},
		{"NextLineInBrief", func(x *newsroom.Text) { x.Brief = "a\u0085b" }, nil, newsroom.EINVALID},
		{"LineBreakInComment", func(x *newsroom.Text) { x.EditorComment = "a\nb" }, nil, newsroom.EINVALID},
		{"DeleteInTopic", func(x *newsroom.Text) { x.Topics = []string{"a\x7f"} }, nil, newsroom.EINVALID},
		{"NoncharacterInBody", func(x *newsroom.Text) { x.Body = "one\n\ufffftwo" }, nil, newsroom.EINVALID},
		{"ReversedMarkInTitle", func(x *newsroom.Text) { x.Title = "\ufffeTitle" }, nil, newsroom.EINVALID},
		{"ArabicBlockNoncharacterInTitle", func(x *newsroom.Text) { x.Title = "Title\ufdd0" }, nil, newsroom.EINVALID},
		{"LastArabicBlockNoncharacterInBrief", func(x *newsroom.Text) { x.Brief = "a\ufdefb" }, nil, newsroom.EINVALID},
		{"AstralNoncharacterInTopic", func(x *newsroom.Text) { x.Topics = []string{"a\U0001fffe"} }, nil, newsroom.EINVALID},
		{"LastNoncharacterInComment", func(x *newsroom.Text) { x.EditorComment = "\U0010ffff" }, nil, newsroom.EINVALID},
		{"PrivateUseIsText", func(x *newsroom.Text) { x.Body = "a\ue000b\U000ffffdc" }, nil, ""},
		{"BesideTheNoncharactersIsText", func(x *newsroom.Text) { x.Body = "a\ufdcfb\ufdf0c\U0001fffdd" }, nil, ""},
		{"ReplacementCharIsText", func(x *newsroom.Text) { x.Body = "a\ufffdb" }, nil, ""},
		{"OverrideInTitle", func(x *newsroom.Text) { x.Title = "\u202eeltiT" }, nil, newsroom.EINVALID},
		{"UnclosedIsolateInTopic", func(x *newsroom.Text) { x.Topics = []string{"\u2068a"} }, nil, newsroom.EINVALID},
		{"UnclosedEmbeddingInParagraph", func(x *newsroom.Text) { x.Body = "one\n\u202btwo\nthree\u202c" }, nil, newsroom.EINVALID},
		{"ClosedEmbeddingsAndMarksAreText", func(x *newsroom.Text) { x.Body = "\u202bאחת\u202c\u200f\n\u2067שתיים\u2069\u200e" }, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := whole
			tt.mutate(&x)
			if got := x.Missing(); !reflect.DeepEqual(got, tt.missing) {
				t.Fatalf("Missing() = %q, want %q", got, tt.missing)
			}
			err := x.CheckWhole()
			if code := newsroom.ErrorCode(err); code != tt.code {
				t.Fatalf("CheckWhole() = %v, want code %q", err, tt.code)
			}
			var e *newsroom.Error
			if tt.missing != nil && (!errors.As(err, &e) || !reflect.DeepEqual(e.Details["missing"], tt.missing)) {
				t.Fatalf("CheckWhole() = %v, want details.missing %q", err, tt.missing)
			}
		})
	}
	t.Run("MessageNamesTheControlCharacter", func(t *testing.T) {
		x := whole
		x.Topics = []string{"ok", "a\x7f"}
		if want := "topic must not contain the control character U+007F"; newsroom.ErrorMessage(x.CheckWhole()) != want {
			t.Fatalf("message = %q, want %q", newsroom.ErrorMessage(x.CheckWhole()), want)
		}
	})
	t.Run("MessageNamesEveryPart", func(t *testing.T) {
		err := newsroom.Text{Title: "T"}.CheckWhole()
		if want := "the piece has no byline, brief and body yet"; newsroom.ErrorMessage(err) != want {
			t.Fatalf("message = %q, want %q", newsroom.ErrorMessage(err), want)
		}
	})
}

// TestCheckLine refuses in one-line text what CheckString refuses, and control characters too.
func TestCheckLine(t *testing.T) {
	tests := []struct {
		name, s string
		want    string // part of the error message; "" for none
	}{
		{"Plain", "Ana María Ortiz", ""},
		{"Emoji", "Ed 📰", ""},
		{"AtTheLimit", strings.Repeat("a", 20), ""},
		{"OverTheLimit", strings.Repeat("a", 21), "the limit is 20"},
		{"NUL", "Ed\x00", "NUL"},
		{"InvalidUTF8", "Ed\xff", "not valid UTF-8"},
		{"LineBreak", "Ed\nDirector", "must be one line"},
		{"Tab", "Ed\tDirector", "must be one line"},
		{"Escape", "Ed\x1b[31m", "must be one line"},
		{"C1Control", "Ed\u0085", "must be one line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckLine("name", tt.s, 20)
			wantInvalid(t, "CheckLine("+tt.s+")", err, tt.want)
		})
	}
}

// TestTextOutgrows: a text outgrows the one it was edited from when a field of it holds more
// characters over the other's than the field may hold, counted in characters, not bytes.
func TestTextOutgrows(t *testing.T) {
	base := newsroom.Text{Title: "Bridge", Brief: "A brief.", Body: "The council met."}
	tests := []struct {
		name string
		edit func(*newsroom.Text)
		want bool
	}{
		{"Unchanged", func(*newsroom.Text) {}, false},
		{"BodyGrownToTheLimit", func(t *newsroom.Text) { t.Body += strings.Repeat("a", newsroom.MaxBody) }, false},
		{"BodyGrownPastTheLimit", func(t *newsroom.Text) { t.Body += strings.Repeat("a", newsroom.MaxBody+1) }, true},
		{"BodyOverTheLimitGrownLess", func(t *newsroom.Text) { t.Body = strings.Repeat("a", newsroom.MaxBody+1) }, false},
		{"BriefGrownPastTheLimit", func(t *newsroom.Text) { t.Brief += strings.Repeat("b", newsroom.MaxBrief+1) }, true},
		{"TitleInCharactersNotBytes", func(t *newsroom.Text) { t.Title += strings.Repeat("é", newsroom.MaxTitle) }, false},
		{"EditorCommentGrownPastTheLimit", func(t *newsroom.Text) { t.EditorComment = strings.Repeat("c", newsroom.MaxEditorComment+1) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := base
			tt.edit(&edited)
			if got := edited.Outgrows(base); got != tt.want {
				t.Fatalf("Outgrows = %v, want %v", got, tt.want)
			}
		})
	}
}
