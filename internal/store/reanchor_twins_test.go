package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// marked removes the ⟦ and ⟧ markers from s and returns the text and the marked code-point
// range, or -1, -1 when s has none.
func marked(t *testing.T, s string) (text string, start, end int) {
	t.Helper()
	i, j := strings.Index(s, "⟦"), strings.Index(s, "⟧")
	if i < 0 || j < i {
		return s, -1, -1
	}
	start = utf8.RuneCountInString(s[:i])
	inner := s[i+len("⟦") : j]
	return s[:i] + inner + s[j+len("⟧"):], start, start + utf8.RuneCountInString(inner)
}

// TestSaveCarriesCommentsThroughEdits saves edits that, found by their quote alone, sent
// comments to an identical phrase elsewhere, and checks that each comment ends on the words
// the new body holds between markers, moved when they changed, or detached when there are
// none.
func TestSaveCarriesCommentsThroughEdits(t *testing.T) {
	cases := []struct {
		name, body, edited      string
		wantMoved, wantDetached bool
	}{
		{"CorrectedFigureTwinLater",
			"Turnout in the northern wards reached ⟦40 percent of voters⟧ at the last election, the clerk said.\nIn the south, 40 percent of voters stayed home.",
			"Turnout in the northern wards reached ⟦41 percent of voters⟧ at the last election, the clerk said.\nIn the south, 40 percent of voters stayed home.",
			true, false},
		{"EditedPhraseTwinEarlier",
			"After the city council met, residents asked whether ⟦the city council⟧ would publish its minutes.",
			"After the city council met, residents asked whether ⟦the county council⟧ would publish its minutes.",
			true, false},
		{"NewLedeRepeatsFigure",
			"The repairs, which began in May, cost ⟦$12 million⟧ and closed the bridge for weeks.",
			"The bridge reopened after $12 million of repairs.\nThe repairs, which began in May, cost ⟦$14 million⟧ and closed the bridge for weeks.",
			true, false},
		{"DeletedWordsDetach",
			"The pension fund lost ⟦40 percent⟧ of its value.\nLater that year shares of the utility fell 40 percent.",
			"The pension fund lost much of its value.\nLater that year shares of the utility fell 40 percent.",
			false, true},
		{"ContextRewrittenTwinParagraphKept",
			"Alpha said the plan would work in May.\nBeta said ⟦the plan would work⟧ in June.\nGamma said the plan would work in July.",
			"Alpha said the plan would work in May.\nZeta told us ⟦the plan would work⟧ last week.\nGamma said the plan would work in July.",
			false, false},
		{"EditedParagraphMovedPastTwinParagraph",
			"Alpha said the plan would work in May.\nBeta said ⟦the plan would work⟧ in June.\nGamma said the plan would work in July.",
			"Alpha said the plan would work in May.\nGamma said the plan would work in July.\nBeta now says ⟦the plan would work⟧ in August.",
			false, false},
		{"ContextRewrittenTwinSentenceKept",
			"Alpha said the plan would work in May. Beta said ⟦the plan would work⟧ in June. Gamma said the plan would work in July.",
			"Alpha said the plan would work in May. Zeta told us ⟦the plan would work⟧ last week. Gamma said the plan would work in July.",
			false, false},
		{"UnchangedWordsStay",
			"Rents went up 40 percent in 2019. Wages went up ⟦40 percent⟧ over ten years.",
			"In a new report, rents went up 40 percent in 2019. Wages went up ⟦40 percent⟧ over ten years.",
			false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			body, start, end := marked(t, tc.body)
			edited, wantStart, wantEnd := marked(t, tc.edited)
			text := sampleText("Twins")
			text.Body = body
			d, err := f.s.CreateDraft(f.writer, text)
			if err != nil {
				t.Fatal(err)
			}
			d = f.walk(t, d, newsroom.StageEditing)
			c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(start), End: intp(end), Body: "Check this."})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &edited, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			cs, err := f.s.Comments(f.editor, d.ID)
			if err != nil || len(cs) != 1 {
				t.Fatalf("Comments = %+v, %v", cs, err)
			}
			got := cs[0]
			if got.Quote != c.Quote || got.Detached != tc.wantDetached || got.Moved != tc.wantMoved {
				t.Fatalf("comment quote %q detached=%v moved=%v, want quote %q detached=%v moved=%v",
					got.Quote, got.Detached, got.Moved, c.Quote, tc.wantDetached, tc.wantMoved)
			}
			if tc.wantDetached {
				return
			}
			want := string([]rune(edited)[wantStart:wantEnd])
			if got.Anchor.Start != wantStart || got.Anchor.End != wantEnd || got.Anchor.Exact != want {
				t.Errorf("comment on [%d,%d) %q, want [%d,%d) %q",
					got.Anchor.Start, got.Anchor.End, got.Anchor.Exact, wantStart, wantEnd, want)
			}
		})
	}
}
