package anchor_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// mark removes the ⟦ and ⟧ markers from s and returns the text with the marked code-point
// range, or -1, -1 when s has no markers. It lets a test case show its span in place.
func mark(t *testing.T, s string) (text string, start, end int) {
	t.Helper()
	i, j := strings.Index(s, "⟦"), strings.Index(s, "⟧")
	if i < 0 && j < 0 {
		return s, -1, -1
	}
	if i < 0 || j < i {
		t.Fatalf("bad markers in %q", s)
	}
	inner := s[i+len("⟦") : j]
	start = utf8.RuneCountInString(s[:i])
	return s[:i] + inner + s[j+len("⟧"):], start, start + utf8.RuneCountInString(inner)
}

// filler is a paragraph longer than the fuzzy search's window, to move text far away.
var filler = strings.Repeat("Filler words that say nothing. ", 200)

// locateCases is the specification of Locate: old holds the commented span between markers,
// new holds where the comment must be found, without markers when it must detach.
var locateCases = []struct {
	name, old, new string
	want           anchor.Status
}{
	{"Unchanged", "The council ⟦approved the budget⟧ on Tuesday.",
		"The council ⟦approved the budget⟧ on Tuesday.", anchor.Exact},
	{"InsertBefore", "The council ⟦approved the budget⟧ on Tuesday.",
		"After a long night, the council ⟦approved the budget⟧ on Tuesday.", anchor.Exact},
	{"InsertRightBefore", "The council ⟦approved the budget⟧ on Tuesday.",
		"The council finally ⟦approved the budget⟧ on Tuesday.", anchor.Exact},
	{"InsertAfter", "The council ⟦approved the budget⟧ on Tuesday.",
		"The council ⟦approved the budget⟧ on Tuesday, after a long night.", anchor.Exact},
	{"InsertInside", "The council ⟦approved the annual budget⟧ on Tuesday.",
		"The council ⟦approved the annual city budget⟧ on Tuesday.", anchor.Moved},
	{"EditInside", "The council ⟦approved the annual budget on Tuesday⟧ after a debate.",
		"The council ⟦approved the yearly budget on Tuesday⟧ after a debate.", anchor.Moved},
	{"EditFirstWord", "The council approved the ⟦annual budget report⟧ on Tuesday night.",
		"The council approved the ⟦yearly budget report⟧ on Tuesday night.", anchor.Moved},
	{"EditLastWord", "The story: the ⟦quick brown fox⟧ jumps over the lazy dog.",
		"The story: the ⟦quick brown wolf⟧ jumps over the lazy dog.", anchor.Moved},
	{"EditInsideAndMoved", "First.\nThe council ⟦approved the annual budget on Tuesday⟧ after a debate.\nLast.",
		"Last.\nA new paragraph.\nThe council ⟦approved the annual budgets on Tuesday⟧ after a debate.", anchor.Moved},
	{"EditInsideAndMovedFar", "Lead.\nThe council ⟦approved the annual budget on Tuesday⟧ after a debate.\n" + filler,
		filler + "\nThe council ⟦approved the annual budgets on Tuesday⟧ after a debate.\nLead.", anchor.Moved},
	{"DeleteSpan", "Keep this. ⟦Remove this whole sentence, please.⟧ Keep that.",
		"Keep this. Keep that.", anchor.Detached},
	{"LargeRewrite", "The council ⟦approved the annual budget on Tuesday⟧ after a debate.",
		"The council threw out every single proposal this week after a debate.", anchor.Detached},
	{"DuplicateContextPicks", "Alice paid the bill on Monday. Bob ⟦paid the bill⟧ on Friday.",
		"Intro. Alice paid the bill on Monday. Bob ⟦paid the bill⟧ on Friday. Carol paid the bill too.",
		anchor.Exact},
	{"DuplicateRemovedContextPicks", "Alice paid the bill on Monday. Bob ⟦paid the bill⟧ on Friday.",
		"Bob ⟦paid the bill⟧ on Friday. Alice paid the bill on Monday.", anchor.Exact},
	{"DuplicateHintPicks", "Start: " + strings.Repeat("echo ", 9) + "⟦echo⟧ " + strings.Repeat("echo ", 10),
		"Intro Start: " + strings.Repeat("echo ", 8) + "⟦echo⟧ " + strings.Repeat("echo ", 11), anchor.Exact},
	{"ParagraphMoved", "One paragraph here.\nTwo: the ⟦mayor resigned⟧ today.\nThree is last.",
		"Two: the ⟦mayor resigned⟧ today.\nOne paragraph here.\nThree is last.", anchor.Exact},
	{"ShortWordContextGone", "Mayor says ⟦the⟧ plan will fail by June.",
		"Snow fell on the hills all night long, and the roads closed.", anchor.Detached},
	{"ShortWordSameOffset", "Mayor said ⟦the⟧ plan will fail by June.",
		"Snow fell, the hills went white and the roads closed.", anchor.Detached},
	{"AccentsAndEmoji", "Café 👍🏽 niño ⟦budget vote⟧ today.",
		"¡Olé! Café ñandú 👍🏽 señor niño ⟦budget vote⟧ today.", anchor.Exact},
	{"EmojiInsideSpan", "We ⟦love 👍🏽 this idea very much⟧ indeed.",
		"Señor 👍🏽: we ⟦love 👍🏽👍🏽 this idea very much⟧ indeed.", anchor.Moved},
	{"EmptyNewText", "Some ⟦words⟧ here.", "", anchor.Detached},
	{"SpanAtStart", "⟦Budget⟧ vote passes", "⟦Budget⟧ vote passes easily", anchor.Exact},
	{"SpanAtEnd", "Vote on the ⟦budget⟧", "Today: vote on the ⟦budget⟧", anchor.Exact},
	{"WholeTitleEdited", "⟦Council approves budget⟧", "⟦Council approved budget⟧", anchor.Moved},
	{"SuffixGlued", "⟦Council approves budget⟧", "⟦Council approves budget⟧s", anchor.Exact},
	{"EditedAtHintBeatsEarlierTwin",
		"After the city council met, residents asked whether ⟦the city council⟧ would publish its minutes.",
		"After the city council met, residents asked whether ⟦the county council⟧ would publish its minutes.",
		anchor.Moved},
	{"EditedAtHintBeatsLaterTwin",
		"The levy raised ⟦taxes by 40 percent⟧ in the first year of the plan. Later, fees rose: taxes by 40 percent.",
		"The levy raised ⟦taxes by 41 percent⟧ in the first year of the plan. Later, fees rose: taxes by 40 percent.",
		anchor.Moved},
	{"DeletedPhraseTwinNotTaken",
		"On Monday the planning committee of the city met. Later, residents wrote that ⟦the planning committee of the city⟧ had ignored them.",
		"On Monday the planning committee of the city met. Later, residents wrote that the mayor had ignored them.",
		anchor.Detached},
	{"ShortNumberEditedOnce", "The report runs to page ⟦12⟧ of the appendix, said the auditor.",
		"The report runs to page ⟦13⟧ of the appendix, said the auditor.", anchor.Moved},
	{"ShortPriceEditedOnce", "Tickets cost ⟦$40⟧ at the door this year, organisers said.",
		"Tickets cost ⟦$45⟧ at the door this year, organisers said.", anchor.Moved},
	{"DecomposedAccentsRetyped", "The strike, said ⟦Jos\u00e9 Mart\u00ednez⟧ of the union, will go on until Friday.",
		"On Monday the strike, said ⟦Jose\u0301 Marti\u0301nez⟧ of the union, will go on until Friday.", anchor.Exact},
	{"ComposedAccentsRetyped", "The strike, said ⟦Jose\u0301 Marti\u0301nez⟧ of the union, will go on.",
		"Mr. Mart\u00ednez: the strike, said ⟦Jos\u00e9 Mart\u00ednez⟧ of the union, will go on.", anchor.Exact},
	{"ShortSpanContextEdited", "The report runs to page ⟦12⟧ of the appendix, said the auditor.",
		"The report runs to chapter 13 in the appendix, said the auditor.", anchor.Detached},
}

// TestLocate checks each case of locateCases with Locate and LocateAll.
func TestLocate(t *testing.T) {
	for _, tc := range locateCases {
		t.Run(tc.name, func(t *testing.T) {
			old, start, end := mark(t, tc.old)
			text, wantStart, wantEnd := mark(t, tc.new)
			sel, err := anchor.New(old, start, end)
			if err != nil {
				t.Fatal(err)
			}
			want := anchor.Result{Exact: sel.Exact, Status: anchor.Detached}
			if tc.want != anchor.Detached {
				want = withNext(t, text, anchor.Result{Start: wantStart, End: wantEnd,
					Exact: string([]rune(text)[wantStart:wantEnd]), Status: tc.want})
			}
			if got := anchor.Locate(text, sel); got != want {
				t.Errorf("Locate = %+v, want %+v", got, want)
			}
			if got := anchor.LocateAll(text, []anchor.Selector{sel}); len(got) != 1 || got[0] != want {
				t.Errorf("LocateAll = %+v, want [%+v]", got, want)
			}
		})
	}
}

// withNext fills in the selector a found result carries for the next revision: the one New
// builds at the same span of the new text.
func withNext(t testing.TB, text string, r anchor.Result) anchor.Result {
	t.Helper()
	next, err := anchor.New(text, r.Start, r.End)
	if err != nil {
		t.Fatalf("New(%d, %d): %v", r.Start, r.End, err)
	}
	r.Next = next
	return r
}

// TestLocateCountsCodePoints pins one result to literal offsets, so that the markers' own
// counting cannot hide a byte-offset mistake: 👍🏽 is two code points and eight bytes.
func TestLocateCountsCodePoints(t *testing.T) {
	sel, err := anchor.New("Señor: budget vote", 7, 13)
	if err != nil {
		t.Fatal(err)
	}
	want := withNext(t, "👍🏽 Señor: budget vote", anchor.Result{Start: 10, End: 16, Exact: "budget", Status: anchor.Exact})
	if got := anchor.Locate("👍🏽 Señor: budget vote", sel); got != want {
		t.Errorf("Locate = %+v, want %+v", got, want)
	}
}

// TestNew checks the spans New accepts, the context it keeps and the spans it refuses.
func TestNew(t *testing.T) {
	long := strings.Repeat("a", 40) + "X" + strings.Repeat("b", 40)
	cases := []struct {
		name       string
		text       string
		start, end int
		want       anchor.Selector
		wantErr    error
	}{
		{"OK", "the quick fox", 4, 9, anchor.Selector{Exact: "quick", Prefix: "the ", Suffix: " fox", Start: 4, End: 9}, nil},
		{"WholeText", "fox", 0, 3, anchor.Selector{Exact: "fox", Start: 0, End: 3}, nil},
		{"EmojiCountsCodePoints", "👍🏽é quick", 4, 9, anchor.Selector{Exact: "quick", Prefix: "👍🏽é ", Start: 4, End: 9}, nil},
		{"ContextCapped", long, 40, 41, anchor.Selector{Exact: "X", Prefix: strings.Repeat("a", 32), Suffix: strings.Repeat("b", 32), Start: 40, End: 41}, nil},
		{"ErrEmpty", "the fox", 2, 2, anchor.Selector{}, anchor.ErrInvalidSpan},
		{"ErrReversed", "the fox", 3, 1, anchor.Selector{}, anchor.ErrInvalidSpan},
		{"ErrNegative", "the fox", -1, 2, anchor.Selector{}, anchor.ErrInvalidSpan},
		{"ErrPastEnd", "héllo", 1, 6, anchor.Selector{}, anchor.ErrInvalidSpan},
		{"ErrEmptyText", "", 0, 1, anchor.Selector{}, anchor.ErrInvalidSpan},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := anchor.New(tc.text, tc.start, tc.end)
			if !errors.Is(err, tc.wantErr) || got != tc.want {
				t.Errorf("New = %+v, %v; want %+v, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestResolve checks how a client's quote is found, refused as missing or refused as ambiguous.
func TestResolve(t *testing.T) {
	text := "Alice paid the bill. Bob paid the bill. 👍🏽 Carol paid."
	cases := []struct {
		name                  string
		exact, prefix, suffix string
		start, end            int
		wantErr               error
	}{
		{"OK", "Bob", "", "", 21, 24, nil},
		{"EmojiBefore", "Carol", "", "", 43, 48, nil},
		{"OnceIgnoresStaleContext", "Carol", "stale ", " gone", 43, 48, nil},
		{"ByPrefix", "paid the bill", "Bob ", "", 25, 38, nil},
		{"BySuffix", "paid the bill", "", ". Bob", 6, 19, nil},
		{"ByBoth", "paid", "👍🏽 Carol ", ".", 49, 53, nil},
		{"ErrNotFound", "Dave", "", "", 0, 0, anchor.ErrNotFound},
		{"ErrNotFoundLongerThanText", text + "!", "", "", 0, 0, anchor.ErrNotFound},
		{"ErrAmbiguous", "paid the bill", "", "", 0, 0, anchor.ErrAmbiguous},
		{"ErrAmbiguousContextMatchesBoth", "paid the bill", " ", ".", 0, 0, anchor.ErrAmbiguous},
		{"ErrAmbiguousContextMatchesNone", "paid the bill", "Zoe ", "", 0, 0, anchor.ErrAmbiguous},
		{"ErrEmpty", "", "", "", 0, 0, anchor.ErrInvalidSpan},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start, end, err := anchor.Resolve(text, tc.exact, tc.prefix, tc.suffix)
			if !errors.Is(err, tc.wantErr) || start != tc.start || end != tc.end {
				t.Errorf("Resolve = %d, %d, %v; want %d, %d, %v", start, end, err, tc.start, tc.end, tc.wantErr)
			}
		})
	}
}

// TestPick holds the words a client chose at a range of the text it saw to the text as it is
// now: the range stands while it holds them with their context, and otherwise they are found as
// Resolve finds them, never taken from a twin that an edit slid under the old range.
func TestPick(t *testing.T) {
	text := "Alice paid the bill. Bob paid the bill. 👍🏽 Carol paid."
	cases := []struct {
		name                  string
		exact, prefix, suffix string
		start, end            int
		wantStart, wantEnd    int
		wantErr               error
	}{
		{"RangeStands", "paid the bill", "Bob ", ". 👍🏽", 25, 38, 25, 38, nil},
		{"RangeStandsWithoutContext", "paid the bill", "", "", 6, 19, 6, 19, nil},
		{"ContextCutAtTheEnds", "Alice", "", " paid", 0, 5, 0, 5, nil},
		{"TwinUnderTheRangeGivesWayToContext", "paid the bill", "Bob ", ".", 6, 19, 25, 38, nil},
		{"StaleRangeUniqueWords", "Carol", "🏽 ", " paid.", 30, 35, 43, 48, nil},
		{"StaleRangeTwinByContext", "paid the bill", "Bob ", ". 👍🏽", 20, 33, 25, 38, nil},
		{"RangeOutsideTheText", "Carol", "", "", 100, 105, 43, 48, nil},
		{"NegativeRange", "Bob", "", "", -3, 0, 21, 24, nil},
		{"RangeNearMaxInt", "Bob", "", " paid", math.MaxInt - 3, math.MaxInt, 21, 24, nil},
		{"StartNearMaxInt", "Bob", "Alice ", "", math.MaxInt, 3, 21, 24, nil},
		{"RangeOfOtherLength", "Bob", "", "", 21, 30, 21, 24, nil},
		{"ErrAmbiguousContextGone", "paid the bill", "Zoe ", "", 2, 15, 0, 0, anchor.ErrAmbiguous},
		{"ErrNotFoundWordsGone", "Dave", "", "", 21, 25, 0, 0, anchor.ErrNotFound},
		{"ErrEmpty", "", "", "", 0, 0, 0, 0, anchor.ErrInvalidSpan},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start, end, err := anchor.Pick(text, tc.exact, tc.prefix, tc.suffix, tc.start, tc.end)
			if !errors.Is(err, tc.wantErr) || start != tc.wantStart || end != tc.wantEnd {
				t.Errorf("Pick = %d, %d, %v; want %d, %d, %v", start, end, err, tc.wantStart, tc.wantEnd, tc.wantErr)
			}
		})
	}
}

// TestStatusString checks the names the API shows for each status.
func TestStatusString(t *testing.T) {
	for s, want := range map[anchor.Status]string{
		anchor.Exact: "exact", anchor.Moved: "moved", anchor.Detached: "detached", 0: "Status(0)",
	} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}

// TestShift checks how hints follow an edit: moved by the change in length when the edit is
// before them, kept when it is after them or inside their words (keep).
func TestShift(t *testing.T) {
	cases := []struct {
		name, old, new string
		keep           bool
	}{
		{"InsertAtTop", "The mayor ⟦spoke⟧ today.", "Breaking: The mayor ⟦spoke⟧ today.", false},
		{"DeleteAtTop", "Breaking: The mayor ⟦spoke⟧ today.", "The mayor ⟦spoke⟧ today.", false},
		{"EmojiAtTop", "The mayor ⟦spoke⟧ today.", "👍🏽 The mayor ⟦spoke⟧ today.", false},
		{"SharedLastByteOfChangedCodePoint", "aä ⟦xyz⟧", "aaĤ ⟦xyz⟧", false},
		{"EditAfter", "The mayor ⟦spoke⟧ today.", "The mayor ⟦spoke⟧ on Tuesday.", false},
		{"Unchanged", "The mayor ⟦spoke⟧ today.", "The mayor ⟦spoke⟧ today.", false},
		{"EditInside", "The mayor ⟦spoke today⟧.", "The mayor ⟦spoke, today⟧.", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old, start, end := mark(t, tc.old)
			text, wantStart, wantEnd := mark(t, tc.new)
			if tc.keep {
				wantStart, wantEnd = start, end
			}
			sels := []anchor.Selector{{Exact: "x", Start: start, End: end}}
			anchor.Shift(old, text, sels)
			if sels[0].Start != wantStart || sels[0].End != wantEnd {
				t.Errorf("Shift = [%d,%d), want [%d,%d)", sels[0].Start, sels[0].End, wantStart, wantEnd)
			}
		})
	}
}
