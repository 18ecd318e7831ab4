package merge

import (
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// body is a text with only a body, the field most merges are about.
func body(paras ...string) newsroom.Text {
	return newsroom.Text{Title: "T", Body: strings.Join(paras, "\n"), Topics: []string{}}
}

func TestTextsMergeBody(t *testing.T) {
	base := body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it.")
	cases := []struct {
		name         string
		theirs, mine newsroom.Text
		want         newsroom.Text
	}{
		{"OneSideOnly", base, body("The quick brown fox leaps.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The quick brown fox leaps.", "The lazy dog sleeps.", "Nobody saw it.")},
		{"DifferentParagraphs",
			body("The quick red fox jumps.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy dog sleeps.", "Everybody saw it."),
			body("The quick red fox jumps.", "The lazy dog sleeps.", "Everybody saw it.")},
		{"DifferentWordsOfOneParagraph",
			body("The slow brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps high.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The slow brown fox jumps high.", "The lazy dog sleeps.", "Nobody saw it.")},
		{"SameChangeOnBothSidesCountsOnce",
			body("The quick brown fox jumps.", "The lazy cat sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy cat sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy cat sleeps.", "Nobody saw it.")},
		{"ParagraphAddedAndParagraphEdited",
			body("A new opening.", "The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it at all."),
			body("A new opening.", "The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it at all.")},
		{"ParagraphDeletedAndAnotherEdited",
			body("The quick brown fox jumps.", "Nobody saw it."),
			body("The quick brown fox jumps over.", "The lazy dog sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps over.", "Nobody saw it.")},
		{"NeighbouringParagraphsEdited",
			body("The quick brown fox jumps.", "The lazy old dog sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody heard it."),
			body("The quick brown fox jumps.", "The lazy old dog sleeps.", "Nobody heard it.")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Texts(base, tc.theirs, tc.mine).Merged()
			if !ok {
				t.Fatalf("conflicts: %+v", Texts(base, tc.theirs, tc.mine).Conflicts)
			}
			if got.Body != tc.want.Body {
				t.Errorf("body = %q, want %q", got.Body, tc.want.Body)
			}
		})
	}
}

func TestTextsConflicts(t *testing.T) {
	base := body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it.")
	cases := []struct {
		name         string
		theirs, mine newsroom.Text
		want         []Conflict
	}{
		{"SameWordsChanged",
			body("The quick brown fox jumps.", "The lazy cat sleeps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy cow sleeps.", "Nobody saw it."),
			[]Conflict{{Field: "body", Paragraph: 2, Place: "paragraph 2", Base: "The lazy dog sleeps.",
				Theirs: "The lazy cat sleeps.", Mine: "The lazy cow sleeps."}}},
		{"DeletedAndEdited",
			body("The quick brown fox jumps.", "Nobody saw it."),
			body("The quick brown fox jumps.", "The lazy dog sleeps soundly.", "Nobody saw it."),
			[]Conflict{{Field: "body", Paragraph: 2, Place: "paragraph 2", Base: "The lazy dog sleeps.",
				Theirs: "", Mine: "The lazy dog sleeps soundly."}}},
		{"DifferentParagraphsAddedInOnePlace",
			body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it.", "Theirs ends here."),
			body("The quick brown fox jumps.", "The lazy dog sleeps.", "Nobody saw it.", "Mine ends here."),
			[]Conflict{{Field: "body", Paragraph: 4, Place: "new paragraphs after paragraph 3", Base: "",
				Theirs: "Theirs ends here.", Mine: "Mine ends here."}}},
		{"TwoParagraphs",
			body("The slow brown fox jumps.", "The lazy cat sleeps.", "Nobody saw it."),
			body("The sly brown fox jumps.", "The lazy cow sleeps.", "Nobody saw it."),
			[]Conflict{
				{Field: "body", Paragraph: 1, Place: "paragraph 1", Base: "The quick brown fox jumps.", Theirs: "The slow brown fox jumps.", Mine: "The sly brown fox jumps."},
				{Field: "body", Paragraph: 2, Place: "paragraph 2", Base: "The lazy dog sleeps.", Theirs: "The lazy cat sleeps.", Mine: "The lazy cow sleeps."},
			}},
		{"TitleIsOneLine",
			newsroom.Text{Title: "Fox seen", Body: base.Body}, newsroom.Text{Title: "Fox spotted", Body: base.Body},
			[]Conflict{{Field: "title", Base: "T", Theirs: "Fox seen", Mine: "Fox spotted"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Texts(base, tc.theirs, tc.mine)
			if !reflect.DeepEqual(r.Conflicts, tc.want) {
				t.Fatalf("conflicts = %+v\nwant %+v", r.Conflicts, tc.want)
			}
			if _, ok := r.Merged(); ok {
				t.Error("Merged reports a clean merge despite conflicts")
			}
		})
	}
}

// TestTextsMovedTwice merges saves that moved the same paragraph to different places, or moved
// it and an edited copy of it: a merge that took each side's move would print the paragraph
// twice, so the body is one conflict, theirs against mine, for the user to settle. A paragraph
// moved by one side alone still merges with the other's edits.
func TestTextsMovedTwice(t *testing.T) {
	a := "The council met on Tuesday to discuss the bridge."
	b := "Residents packed the hall to hear the engineers' report."
	c := "The engineers said the bridge could stand for ten more years."
	d := "The vote is due next month."
	base := body(a, b, c, d)
	whole := func(theirs, mine newsroom.Text) []Conflict {
		return []Conflict{{Field: "body", Paragraph: 1, Place: "paragraphs 1 to 4", Base: base.Body, Theirs: theirs.Body, Mine: mine.Body}}
	}
	cases := []struct {
		name         string
		theirs, mine newsroom.Text
		want         []Conflict
	}{
		{"DownOneAndToTheEnd", body(b, a, c, d), body(b, c, d, a), whole(body(b, a, c, d), body(b, c, d, a))},
		{"DownTwoAndDownOne", body(b, c, a, d), body(b, a, c, d), whole(body(b, c, a, d), body(b, a, c, d))},
		{"EditedAndMovedDownOneMovedToTheEnd", body(b, "The council met on Monday to discuss the bridge.", c, d), body(b, c, d, a),
			whole(body(b, "The council met on Monday to discuss the bridge.", c, d), body(b, c, d, a))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Texts(base, tc.theirs, tc.mine)
			if !reflect.DeepEqual(r.Conflicts, tc.want) {
				got, _ := r.Merged()
				t.Fatalf("conflicts = %+v (merged %q)\nwant %+v", r.Conflicts, got.Body, tc.want)
			}
		})
	}
	// A short paragraph both moved and one also edited keeps no run of four words whole; the
	// merge is left to the user, never printed with the paragraph twice.
	t.Run("ShortParagraphMovedByBothAndEditedByOne", func(t *testing.T) {
		for _, edited := range []string{"No vote yet.", "No vote was taken.", "A vote."} {
			base := body(a, "No vote.", c, d)
			for _, sides := range [][2]newsroom.Text{{body(a, c, edited, d), body(a, c, d, "No vote.")}, {body("No vote.", a, c, d), body(a, c, d, edited)}} {
				for _, s := range [][2]newsroom.Text{sides, {sides[1], sides[0]}} {
					if got, ok := Texts(base, s[0], s[1]).Merged(); ok {
						t.Fatalf("merge(%q, %q) = %q, want a conflict", s[0].Body, s[1].Body, got.Body)
					}
				}
			}
		}
	})
	// One side moves a paragraph and the other edits it where it was: the edit goes with the
	// paragraph to its new place, whichever side is which, as diff3 alone would read the move as
	// a deletion that the edit collides with.
	t.Run("MovedByOneEditedByTheOther", func(t *testing.T) {
		edited := "The engineers said the bridge could stand for twenty more years."
		for _, tc := range []struct {
			name        string
			moved, edit newsroom.Text
			want        newsroom.Text
		}{
			{"ToTheStart", body(c, a, b, d), body(a, b, edited, d), body(edited, a, b, d)},
			{"ToTheEnd", body(a, b, d, c), body(a, b, edited, d), body(a, b, d, edited)},
			{"UpOne", body(a, c, b, d), body(a, b, edited, d), body(a, edited, b, d)},
			{"DownOneOtherEditsToo", body(a, b, d, c), body(a, "Residents packed the hall.", edited, d), body(a, "Residents packed the hall.", d, edited)},
			{"ToTheStartMovedAlsoEditsAnother", body(c, a, b, "The vote is due next week."), body(a, b, edited, d), body(edited, a, b, "The vote is due next week.")},
		} {
			for _, sides := range [][2]newsroom.Text{{tc.moved, tc.edit}, {tc.edit, tc.moved}} {
				got, ok := Texts(base, sides[0], sides[1]).Merged()
				if !ok || got.Body != tc.want.Body {
					t.Errorf("%s: merge(%q, %q) = %q, %v; want %q", tc.name, sides[0].Body, sides[1].Body, got.Body, ok, tc.want.Body)
				}
			}
		}
	})
	t.Run("MovedByOneSideMerges", func(t *testing.T) {
		got, ok := Texts(base, body(a, c, b, d), body(a, b, c, "The vote is due next month, the mayor said.")).Merged()
		if want := body(a, c, b, "The vote is due next month, the mayor said."); !ok || got.Body != want.Body {
			t.Fatalf("merged = %q, %v; want %q", got.Body, ok, want.Body)
		}
	})
	// Edits in place on both sides make no repeat, even where the merged words of one paragraph
	// make a run another paragraph holds ("said on Tuesday that").
	t.Run("EditsInPlaceMakeNoRepeat", func(t *testing.T) {
		base := body("Officials said on Monday it would reopen the bridge.", "The mayor said on Tuesday that the vote was fair.")
		theirs := body("Officials said on Tuesday it would reopen the bridge.", "The mayor said on Tuesday that the vote was fair.")
		mine := body("Officials said on Monday that it would reopen the bridge.", "The mayor said on Tuesday that the vote was fair.")
		want := body("Officials said on Tuesday that it would reopen the bridge.", "The mayor said on Tuesday that the vote was fair.")
		if got, ok := Texts(base, theirs, mine).Merged(); !ok || got.Body != want.Body {
			t.Fatalf("merged = %q, %v; want %q", got.Body, ok, want.Body)
		}
	})
	t.Run("RepeatedPhrasesMerge", func(t *testing.T) {
		theirs := body(a, b, c, d, "The council said the bridge would stay open.")
		mine := body("The council said the bridge would stay open, the mayor added.", a, b, c, d)
		want := body("The council said the bridge would stay open, the mayor added.", a, b, c, d, "The council said the bridge would stay open.")
		if got, ok := Texts(base, theirs, mine).Merged(); !ok || got.Body != want.Body {
			t.Fatalf("merged = %q, %v; want %q", got.Body, ok, want.Body)
		}
	})
}

// TestTextsDeletedParagraphStaysDeleted merges a save that deleted a paragraph with one that
// deleted the paragraph before it and wrote a new one after it ending as the first did: the
// word diff pairs the new words with the first paragraph's and keeps the deleted paragraph as
// the new one's start. Whichever side made which save, the merge never brings it back.
func TestTextsDeletedParagraphStaysDeleted(t *testing.T) {
	base := body("The council met on Tuesday to discuss the old bridge, the mayor said", "No vote was taken.", "The bridge closed in May.")
	rewrote := body("No vote was taken.", "A vote is due, the mayor said", "The bridge closed in May.")
	deleted := body("The council met on Tuesday to discuss the old bridge, the mayor said", "The bridge closed in May.")
	for _, sides := range [][2]newsroom.Text{{rewrote, deleted}, {deleted, rewrote}} {
		if got, ok := Texts(base, sides[0], sides[1]).Merged(); ok && strings.Contains(got.Body, "No vote was taken.") {
			t.Fatalf("merge = %q: the deleted paragraph is back", got.Body)
		}
	}
}

func TestResolve(t *testing.T) {
	base := body("One two three.", "Four five six.", "Seven eight.")
	theirs := body("One two three!", "Four cinq six.", "Seven eight.")
	mine := body("One two three.", "Four fünf six.", "Seven eight nine.")
	r := Texts(base, theirs, mine)
	if len(r.Conflicts) != 1 || r.Conflicts[0].Paragraph != 2 {
		t.Fatalf("conflicts = %+v, want one in paragraph 2", r.Conflicts)
	}
	cases := []struct {
		name   string
		choice string
		want   string
	}{
		{"Theirs", r.Conflicts[0].Theirs, "One two three!\nFour cinq six.\nSeven eight nine."},
		{"Mine", r.Conflicts[0].Mine, "One two three!\nFour fünf six.\nSeven eight nine."},
		{"Edited", "Four, five, six.\nA paragraph more.", "One two three!\nFour, five, six.\nA paragraph more.\nSeven eight nine."},
		{"Removed", "", "One two three!\nSeven eight nine."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Resolve([]string{tc.choice})
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want || got.Title != "T" {
				t.Errorf("resolved to %q (title %q), want %q", got.Body, got.Title, tc.want)
			}
		})
	}
	t.Run("ErrWrongNumberOfChoices", func(t *testing.T) {
		if _, err := r.Resolve(nil); err == nil {
			t.Error("Resolve took no choice for one conflict")
		}
	})
}

func TestMergeTopics(t *testing.T) {
	cases := []struct {
		name                     string
		base, theirs, mine, want []string
	}{
		{"MineUnchanged", []string{"a", "b"}, []string{"b", "a", "c"}, []string{"a", "b"}, []string{"b", "a", "c"}},
		{"TheirsUnchanged", []string{"a", "b"}, []string{"a", "b"}, []string{"b"}, []string{"b"}},
		{"BothAdd", []string{"a"}, []string{"a", "b"}, []string{"a", "c"}, []string{"a", "b", "c"}},
		{"BothAddTheSame", []string{"a"}, []string{"a", "b"}, []string{"b", "a", "b"}, []string{"a", "b"}},
		{"OneRemovesOneAdds", []string{"a", "b"}, []string{"a", "b", "c"}, []string{"b"}, []string{"b", "c"}},
		{"BothRemove", []string{"a", "b", "c"}, []string{"b", "c"}, []string{"a", "c"}, []string{"c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := mergeTopics(tc.base, tc.theirs, tc.mine); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("mergeTopics(%q, %q, %q) = %q, want %q", tc.base, tc.theirs, tc.mine, got, tc.want)
			}
		})
	}
}

func TestTextsMergeEveryField(t *testing.T) {
	base := newsroom.Text{Title: "Fox seen", Byline: "By Sarah", Brief: "A fox.", Body: "It ran.", Topics: []string{"wildlife"}, EditorComment: "Check it."}
	theirs := newsroom.Text{Title: "Fox seen in town", Byline: "By Sarah", Brief: "A red fox.", Body: "It ran.", Topics: []string{"wildlife", "city"}, EditorComment: "Check it."}
	mine := newsroom.Text{Title: "Fox seen", Byline: "By Sarah Lee", Brief: "A fox was seen.", Body: "It ran off.", Topics: []string{}, EditorComment: "Checked."}
	got, ok := Texts(base, theirs, mine).Merged()
	want := newsroom.Text{Title: "Fox seen in town", Byline: "By Sarah Lee", Brief: "A red fox was seen.", Body: "It ran off.", Topics: []string{"city"}, EditorComment: "Checked."}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("merged = %+v, %v\nwant %+v", got, ok, want)
	}
}

func TestChoose(t *testing.T) {
	base := body("One two.", "Three four.")
	r := Texts(base, body("One deux.", "Three quatre."), body("One zwei.", "Three vier."))
	cases := []struct {
		name    string
		choices []Choice
		want    string
		wantErr bool
	}{
		{"EachSide", []Choice{{Keep: KeepTheirs}, {Keep: KeepMine}}, "One deux.\nThree vier.", false},
		{"Edit", []Choice{{Keep: KeepEdit, Text: "One, two."}, {Keep: KeepTheirs, Text: "ignored"}}, "One, two.\nThree quatre.", false},
		{"ErrMissing", []Choice{{Keep: KeepTheirs}}, "", true},
		{"ErrUnknown", []Choice{{Keep: KeepTheirs}, {Keep: "both"}}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Choose(tc.choices)
			if tc.wantErr {
				if newsroom.ErrorCode(err) != newsroom.EINVALID {
					t.Fatalf("Choose = %v, want EINVALID", err)
				}
				return
			}
			if err != nil || got.Body != tc.want {
				t.Errorf("Choose = %q, %v; want %q", got.Body, err, tc.want)
			}
		})
	}
}
