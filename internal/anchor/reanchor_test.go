package anchor_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/anchor"
)

// reanchorCases are the edits where a search alone misplaced comments: the commented words
// were edited or deleted and an identical phrase elsewhere, with weaker context, could take
// the comment. Reanchor must follow the edit instead. Each old text holds the commented span
// between markers; each new text holds where the comment must be, without markers when it
// must detach.
var reanchorCases = []struct {
	name, old, new string
	want           anchor.Status
}{
	// A paragraph moved past one that repeats its phrase and ends alike: the word diff pairs
	// the phrase with the twin in the paragraph that took its place, with its context after
	// intact; the paragraph, unchanged and found once in each text, keeps its own words.
	{"ParagraphMovedPastTwin",
		"On Tuesday the council said the bridge is safe.\nThe mayor said ⟦the council said⟧ the bridge is safe.\nThe vote is in May.",
		"The mayor said ⟦the council said⟧ the bridge is safe.\nOn Tuesday the council said the bridge is safe.\nThe vote is in May.",
		anchor.Exact},
	{"ParagraphMovedAboveTwin",
		"Residents said the bridge is safe.\nThe mayor said the bridge is safe.\nThe engineers said ⟦the bridge is safe⟧.",
		"The engineers said ⟦the bridge is safe⟧.\nResidents said the bridge is safe.\nThe mayor said the bridge is safe.",
		anchor.Exact},
	// A sentence edited where it stands while a copy of it as it read is pasted into another
	// paragraph: the copy, found whole and once, is new words, and the comment stays.
	{"SentenceEditedWhileItsCopyIsPastedElsewhere",
		"The vote is in May.\n⟦“The⟧ plan would work,” said Mr. Jones. The café owner 👍🏽 agreed.\nSmith said: “No comment.”",
		"The vote is in May.\n⟦“The⟧ plan would work,” said Jones. The café owner 👍🏽 agreed.\nSmith said: “No comment.” “The plan would work,” said Mr. Jones.",
		anchor.Exact},
	{"CorrectedFigureTwinLater",
		"Turnout in the northern wards rose ⟦40 percent⟧ from the last election, the clerk said. In the south it rose 40 percent too.",
		"Turnout in the northern wards rose ⟦41 percent⟧ from the last election, the clerk said. In the south it rose 40 percent too.",
		anchor.Moved},
	{"CorrectedFigureTwinEarlier",
		"Rents went up 40 percent in 2019. Wages, meanwhile, went up ⟦40 percent⟧ over ten years, a report found.",
		"Rents went up 40 percent in 2019. Wages, meanwhile, went up ⟦14 percent⟧ over ten years, a report found.",
		anchor.Moved},
	{"EditedPhraseTwinInSameSentence",
		"After the city council met, residents asked whether ⟦the city council⟧ would publish its minutes.",
		"After the city council met, residents asked whether ⟦the county council⟧ would publish its minutes.",
		anchor.Moved},
	{"NewLedeRepeatsCorrectedFigure",
		"The repairs, which began in May, cost ⟦$12 million⟧ and closed the bridge for weeks.",
		"The bridge reopened after $12 million of repairs. The repairs, which began in May, cost ⟦$14 million⟧ and closed the bridge for weeks.",
		anchor.Moved},
	{"NewLedeRepeatsUnchangedFigure",
		"The repairs, which began in May, cost ⟦$12 million⟧ and closed the bridge for weeks.",
		"The bridge reopened after $12 million of repairs. The repairs, which began in May, cost ⟦$12 million⟧ and closed the bridge for weeks.",
		anchor.Exact},
	{"DeletedWordsDetachDespiteTwin",
		"The pension fund lost ⟦40 percent⟧ of its value. Later that year shares of the utility fell 40 percent.",
		"The pension fund lost much of its value. Later that year shares of the utility fell 40 percent.",
		anchor.Detached},
	{"DeletedSentenceDetachesDespiteTwin",
		"Officials met on Monday. ⟦The mayor said the plan would work.⟧ Critics disagreed. Later, the mayor said the plan would work.",
		"Officials met on Monday. Critics disagreed. Later, the mayor said the plan would work.",
		anchor.Detached},
	// Deleting the second of two parallel sentences or lines leaves the first with the deleted
	// one's context, in full on one side; but the diff saw the first kept where it was, so its
	// words were never the comment's.
	{"DeletedParallelSentenceDetaches",
		"The mayor said the plan would work. The governor said ⟦the plan would work⟧. Nobody else agreed with either of them at all.",
		"The mayor said the plan would work. Nobody else agreed with either of them at all.",
		anchor.Detached},
	{"DeletedListLineDetaches",
		"Results:\nSmith: 12 votes.\nJones: ⟦12 votes⟧.\nBrown: 7 votes.",
		"Results:\nSmith: 12 votes.\nBrown: 7 votes.",
		anchor.Detached},
	{"DeletedEditedListLineDetaches",
		"Results:\nSmith: 12 votes.\nJones: ⟦13 votes⟧.\nBrown: 7 votes, and the count ended late on Sunday after a recount.",
		"Results:\nSmith: 12 votes.\nBrown: 7 votes, and the count ended late on Sunday after a recount.",
		anchor.Detached},
	{"ShortNumberCorrected", "The report runs to page ⟦12⟧ of the appendix, said the auditor.",
		"The report runs to page ⟦13⟧ of the appendix, said the auditor.", anchor.Moved},
	{"ShortPriceCorrected", "Tickets cost ⟦$40⟧ at the door this year, organisers said.",
		"Tickets cost ⟦$45⟧ at the door this year, organisers said.", anchor.Moved},
	{"ShortSpanTwoEditsDetaches", "Tickets cost ⟦$40⟧ at the door this year, organisers said.",
		"Tickets cost €55 at the door this year, organisers said.", anchor.Detached},
	{"ShortSpanContextEditedDetaches", "The report runs to page ⟦12⟧ of the appendix, said the auditor.",
		"The report runs to chapter 13 in the appendix, said the auditor.", anchor.Detached},
	// Text that repeats itself cannot say which copy an edit inserted or deleted; the diff keeps
	// the comment on the same words, at the first place it can, every time.
	{"RepeatedTextInsert", "echo echo echo ⟦echo⟧ echo echo", "echo echo echo ⟦echo⟧ echo echo echo echo", anchor.Exact},
	{"RepeatedTextDelete", "one two one two ⟦one two⟧ one two", "one two one two ⟦one two⟧", anchor.Exact},
	{"DecomposedAccents", "An interview with ⟦Jos\u00e9 Mart\u00ednez⟧ about the strike.",
		"An interview with ⟦Jose\u0301 Marti\u0301nez⟧ about the strike.", anchor.Exact},
	// The quote's code points at the mapped place are not its words when they run on into a
	// longer word: "the plan" in "the planners", "the mayor" in "the mayors".
	{"QuoteRunsIntoLongerWordSurvivorWins", "He said ⟦the plan⟧ would work.",
		"He said the planners thought ⟦the plan⟧ would work.", anchor.Exact},
	{"QuoteRunsIntoLongerWordMoves", "Reporters asked whether ⟦the mayor⟧ would resign over the audit.",
		"Reporters asked whether ⟦the mayors⟧ would resign over the audit.", anchor.Moved},
	// A paragraph found unchanged and once in each text, which was not the comment's, never
	// takes it: its words were there before, and were another paragraph's. The paragraph moved
	// and edited past it keeps the comment where its own diff keeps the words.
	{"ContextRewrittenTwinParagraphKept",
		"Alpha said the plan would work in May.\nBeta said ⟦the plan would work⟧ in June.\nGamma said the plan would work in July.",
		"Alpha said the plan would work in May.\nZeta told us ⟦the plan would work⟧ last week.\nGamma said the plan would work in July.",
		anchor.Exact},
	{"EditedParagraphMovedPastTwinParagraph",
		"Alpha said the plan would work in May.\nBeta said ⟦the plan would work⟧ in June.\nGamma said the plan would work in July.",
		"Alpha said the plan would work in May.\nGamma said the plan would work in July.\nBeta now says ⟦the plan would work⟧ in August.",
		anchor.Exact},
	// A twin sentence the edit kept, whose context is no closer to the comment's than before,
	// was a twin all along: rewriting the commented sentence around its words leaves the comment
	// on them. A twin the diff paired across a swap gains the comment's context, and is taken.
	{"ContextRewrittenTwinSentenceKept",
		"Alpha said the plan would work in May. Beta said ⟦the plan would work⟧ in June. Gamma said the plan would work in July.",
		"Alpha said the plan would work in May. Zeta told us ⟦the plan would work⟧ last week. Gamma said the plan would work in July.",
		anchor.Exact},
	{"SentencesSwappedTwinsPairedCrosswise",
		"Alpha said the plan would work in May. Beta said ⟦the plan would work⟧ in June. Critics disagreed.",
		"Beta said ⟦the plan would work⟧ in June. Alpha said the plan would work in May. Critics disagreed.",
		anchor.Exact},
	// Two sentences that swap places pass each other their twin phrases in the word diff, the
	// one now in the commented sentence's place with its context on one side intact; a sentence
	// found whole, unchanged and once in each text keeps its own words, as a paragraph does,
	// however many abbreviations its neighbours hold.
	{"TwinSentencesSwapped",
		"Mr. Jones told reporters ⟦the plan would work⟧ in June. Critics doubted it. Gov. Hale insisted the plan would work in June.\nThe vote is on Friday.",
		"Gov. Hale insisted the plan would work in June. Critics doubted it. Mr. Jones told reporters ⟦the plan would work⟧ in June.\nThe vote is on Friday.",
		anchor.Exact},
	{"AdjacentTwinSentencesSwapped",
		"Dr. Lee insisted the plan would work in June? Gov. Hale wrote that ⟦the plan would work⟧ in June?",
		"Gov. Hale wrote that ⟦the plan would work⟧ in June? Dr. Lee insisted the plan would work in June?",
		anchor.Exact},
	{"EditedSentenceMovedPastTwinSentence",
		"Alpha said the plan would work in May. Beta said ⟦the plan would work⟧ in June. Dr. Gamma said the plan would work in July.",
		"Alpha said the plan would work in May. Dr. Gamma said the plan would work in July. Beta now says the plan would work in August.",
		anchor.Detached},
	// A sentence typed again right after itself, while an edit above changes the diff's middle:
	// the diff may pair the old sentence with the copy typed after it, inserting the new one
	// before; the words keep their place, as they do when the diff inserts after them.
	{"TwinTypedAfterItWithEditAbove",
		"“No comment,” said Zoë Hale. Residents wrote.\nZoë Hale said: “No comment.” The café ⟦owner 👍🏽 agreed⟧.",
		"“No comment,” said Zoë. Residents wrote.\nZoë Hale said: “No comment.” The café ⟦owner 👍🏽 agreed⟧. The café owner 👍🏽 agreed.",
		anchor.Exact},
	{"TwinTypedAfterItDeletedWithEditAbove",
		"“No comment,” said Zoë. Residents wrote.\nZoë Hale said: “No comment.” The café owner 👍🏽 agreed. The café ⟦owner 👍🏽 agreed⟧.",
		"“No comment,” said Zoë Hale. Residents wrote.\nZoë Hale said: “No comment.” The café owner 👍🏽 agreed.",
		anchor.Detached},
	// A word typed into the commented words and a sentence ending in them typed after: the
	// diff keeps the quote's first word before the insertion and its last after, and the words
	// are as likely the edit at the start as the copy at the end.
	{"WordTypedIntoQuoteTwinTypedAfter",
		"The council met, “No comment,” ⟦said Smith⟧.\nThe council? Smith said: “We will not close the bridge.”",
		"The council met, “No comment,” said Dr. Smith. “The plan would work,” said Smith.\nThe council? Smith said: “We will not close the bridge.”",
		anchor.Detached},
	{"WordsKeptEverythingAroundRewritten", "Yesterday the board said ⟦the budget is balanced⟧ and left.",
		"In a statement on Friday, a spokesman insisted ⟦the budget is balanced⟧ despite the deficit.", anchor.Exact},
}

// reanchorKnowsBetter holds the new text and status of the cases of locateCases where the diff
// tells Reanchor more than the selector tells Locate: "Intro " was inserted before the tenth
// echo, which is still the tenth, not the ninth that is now at its old offset; and "budget"
// became "budgets", an edit of the quote's last word, as "the mayor" becoming "the mayors" is.
var reanchorKnowsBetter = map[string]struct {
	new  string
	want anchor.Status
}{
	"DuplicateHintPicks": {"Intro Start: " + strings.Repeat("echo ", 9) + "⟦echo⟧ " + strings.Repeat("echo ", 10), anchor.Exact},
	"SuffixGlued":        {"⟦Council approves budgets⟧", anchor.Moved},
}

// TestReanchor checks reanchorCases, and every case of locateCases, with Reanchor.
func TestReanchor(t *testing.T) {
	type tcase = struct {
		name, old, new string
		want           anchor.Status
	}
	all := append(append([]tcase{}, reanchorCases...), locateCases...)
	for _, tc := range all {
		if better, ok := reanchorKnowsBetter[tc.name]; ok {
			tc.new, tc.want = better.new, better.want
		}
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
			if got := anchor.Reanchor(old, text, []anchor.Selector{sel}); len(got) != 1 || got[0] != want {
				t.Errorf("Reanchor = %+v, want [%+v]", got, want)
			}
		})
	}
}

// TestReanchorStaleSelector checks that a selector which does not hold in the old text, made
// on an older revision, is searched for as Locate would.
func TestReanchorStaleSelector(t *testing.T) {
	older := "Draft one: the council approved the budget on Tuesday."
	sel, err := anchor.New(older, 15, 42)
	if err != nil {
		t.Fatal(err)
	}
	old := "A newer draft: the council approved the budget on Tuesday."
	text := strings.Replace(old, "Tuesday", "Wednesday", 1)
	want := anchor.Locate(text, sel)
	if want.Status != anchor.Exact || want.Exact != sel.Exact {
		t.Fatalf("Locate = %+v, want the quote found", want)
	}
	if got := anchor.Reanchor(old, text, []anchor.Selector{sel}); got[0] != want {
		t.Errorf("Reanchor = %+v, want %+v", got[0], want)
	}
}

// TestReanchorKeepsWordsThroughCopyEdits: ordinary copy edits of a sentence around a comment's
// words (a phrase cut or added, a sentence added after it), in texts that repeat the words
// elsewhere or hold abbreviations and short sentences, keep the comment on its own words: it
// neither detaches nor moves to the repeat. A rule that took each sentence found once and
// unchanged in both texts as a fixed point cut "Mr. Jones" into "Mr." and "Jones." and moved
// comments onto whatever fragment matched.
func TestReanchorKeepsWordsThroughCopyEdits(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"PhraseCutBesideATwin",
			"Smith met Mr. ⟦Jones⟧ on Friday. Later, she called Mr. Jones.\nThe vote is on Monday.",
			"Smith met Mr. ⟦Jones⟧. Later, she called Mr. Jones again.\nThe vote is on Monday."},
		{"TwinAddedInAnotherParagraph",
			"Smith met Mr. ⟦Jones⟧. They talked.\nThe vote is on Monday.",
			"Smith met Mr. ⟦Jones⟧ on Friday. They talked.\nThe vote is on Monday. Later, she called Mr. Jones."},
		{"ShortSentenceRepeatedLater",
			"Asked about the plan, Lee paused. He ⟦agreed⟧. Then he left.",
			"Asked about the plan, Lee paused. He ⟦agreed⟧ at once. Then he left. Kim asked too. He agreed."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, s, e := mark(t, tc.old)
			text, ws, we := mark(t, tc.new)
			sel, err := anchor.New(old, s, e)
			if err != nil {
				t.Fatal(err)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if got.Status == anchor.Detached || got.Start != ws || got.End != we {
				t.Errorf("Reanchor = %v at %d-%d, want %d-%d", got.Status, got.Start, got.End, ws, we)
			}
		})
	}
}
