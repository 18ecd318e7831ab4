package quotes

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestReconcile(t *testing.T) {
	e := func(field, text string, start int) Entry {
		return Entry{field, text, start, start + len([]rune(text)) + 2}
	}
	tests := []struct {
		name     string
		old, new []Entry
		want     Plan
	}{
		{"Empty", nil, nil, Plan{}},
		{"AllNew", nil, []Entry{e("body", "a", 0), e("body", "b", 9)}, Plan{Added: []int{0, 1}}},
		{"AllGone", []Entry{e("body", "a", 0)}, nil, Plan{Removed: []int{0}}},
		{"Unchanged", []Entry{e("body", "We can work together", 5)}, []Entry{e("body", "We can work together", 5)}, Plan{Kept: []Pair{{0, 0}}}},
		{"MovedParagraph", []Entry{e("body", "one", 0), e("body", "two", 50)}, []Entry{e("body", "two", 3), e("body", "one", 90)}, Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		{"MovedToBrief", []Entry{e("body", "Our territory is inalienable.", 40)}, []Entry{e("brief", "Our territory is inalienable.", 2)}, Plan{Kept: []Pair{{0, 0}}}},
		{"DuplicateTextNearestWins", []Entry{e("body", "no", 10), e("body", "no", 100)}, []Entry{e("body", "no", 98)}, Plan{Kept: []Pair{{1, 0}}, Removed: []int{0}}},
		// A paragraph inserted above two sources' identical "No comment." shifts both by more
		// than half the distance between them: each keeps its own entry and check.
		{"DuplicateTextShiftedKeepsOrder", []Entry{e("body", "No comment.", 10), e("body", "No comment.", 100)},
			[]Entry{e("body", "No comment.", 90), e("body", "No comment.", 180)}, Plan{Kept: []Pair{{0, 0}, {1, 1}}}},
		{"DuplicateTextShiftedBackKeepsOrder", []Entry{e("body", "No.", 300), e("body", "No.", 20), e("body", "No.", 200)},
			[]Entry{e("body", "No.", 5), e("body", "No.", 185), e("body", "No.", 285)}, Plan{Kept: []Pair{{1, 0}, {2, 1}, {0, 2}}}},
		// One twin reworded away and another added, as many as before: the one that never moved
		// keeps its own entry (the words alone cannot tell the new one from the one gone).
		{"DuplicateTextOneGoneOneAdded", []Entry{e("body", "No comment.", 10), e("body", "No comment.", 100)},
			[]Entry{e("body", "No comment.", 100), e("body", "No comment.", 500)}, Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		// A short paragraph moved above its twin: the distances changed, so nearness decides.
		{"DuplicateTextMovedAcrossTwin", []Entry{e("body", "No comment.", 1), e("body", "No comment.", 324)},
			[]Entry{e("body", "No comment.", 300), e("body", "No comment.", 402)}, Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		{"DuplicateSameFieldWins", []Entry{e("brief", "no", 98), e("body", "no", 10)}, []Entry{e("body", "no", 98)}, Plan{Kept: []Pair{{1, 0}}, Removed: []int{0}}},
		{"Edited", []Entry{e("body", "Our territory is inalienable.", 40)}, []Entry{e("body", "Our territory is not for sale.", 40)}, Plan{Edited: []Pair{{0, 0}}}},
		{"RewrittenIsNew", []Entry{e("body", "Our territory is inalienable.", 40)}, []Entry{e("body", "Cartels must be stopped now.", 40)}, Plan{Added: []int{0}, Removed: []int{0}}},
		{"EditNeedsSameField", []Entry{e("brief", "Our territory is inalienable.", 0)}, []Entry{e("body", "Our territory is not inalienable.", 0)}, Plan{Added: []int{0}, Removed: []int{0}}},
		{"MixedKeepEditAdd", []Entry{e("body", "robust cooperation", 10), e("body", "We can work together, but you in your territory", 60)},
			[]Entry{e("body", "robust cooperation", 12), e("body", "We can work together, but you stay in your territory", 62), e("body", "brand new", 200)},
			Plan{Kept: []Pair{{0, 0}}, Edited: []Pair{{1, 1}}, Added: []int{2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reconcile(tt.old, tt.new, Edit{}); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Reconcile = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestReconcileTwinsByEdit reconciles twins across a real edit: a twin the edit left untouched
// keeps its own entry wherever the edit shifted it, and never the entry of a twin that went, nor
// of one a copy beside it makes a twin of.
func TestReconcileTwinsByEdit(t *testing.T) {
	filler := strings.Repeat("Filler words here. ", 20)
	tests := []struct {
		name          string
		before, after string
		want          Plan
	}{
		// The first twin's paragraph goes, and the second comes up to where the first was:
		// nearness alone would hand it the first twin's entry and check.
		{"FirstGoneSecondComesNear",
			"The mayor said: “No comment.”\n" + filler + "\nThe minister said: “No comment.”",
			"The minister said: “No comment.”",
			Plan{Kept: []Pair{{1, 0}}, Removed: []int{0}}},
		{"SecondGoneFirstStays",
			"The mayor said: “No comment.”\n" + filler + "\nThe minister said: “No comment.”",
			"The mayor said: “No comment.”",
			Plan{Kept: []Pair{{0, 0}}, Removed: []int{1}}},
		{"NewTwinAboveKeepsTheOldOneItsEntry",
			"Filler. The mayor said: “No comment.”",
			"The minister said: “No comment.” The mayor said: “No comment.”",
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		// Two sentences of a paragraph that quote the same words swap places: the word diff
		// pairs each quote with its twin in the sentence that took its place, but each
		// sentence, found whole and once in each text, keeps its own quote's entry.
		{"TwinSentencesSwapped",
			"Asked again, the mayor said “No comment.” Smith met Dr. Lee. The minister said: “No comment.”\n" + filler,
			"The minister said: “No comment.” Smith met Dr. Lee. Asked again, the mayor said “No comment.”\n" + filler,
			Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		{"ShortTwinSentencesSwapped",
			"“No comment,” said Smith. “No comment,” said Jones. He left.\n" + filler,
			"“No comment,” said Jones. “No comment,” said Smith. He left.\n" + filler,
			Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		// A sentence typed before one quoting the same words, in its paragraph: the quote it
		// holds is new, and the one after keeps its entry.
		{"NewTwinSentenceBeforeInSameParagraph",
			"Asked again, “No comment,” said Smith.\n" + filler,
			"“No comment,” she said. Asked again, “No comment,” said Smith.\n" + filler,
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		{"NewTwinSentenceBeforeQuoteOpensSentence",
			"“No comment,” said Smith. He left.\n" + filler,
			"“No comment,” she said. “No comment,” said Smith. He left.\n" + filler,
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		// A sentence cut, and another quoting the same words edited into a copy of it: the copy
		// is the other sentence, and keeps that one's entry, not the entry of the one cut.
		{"TwinSentenceEditedIntoCopyOfOneCut",
			"Filler words here. “No,” he said.\nAsked again, she paused. “No,” he said firmly.",
			"Filler words here.\nAsked again, she paused. “No,” he said.",
			Plan{Kept: []Pair{{1, 0}}, Removed: []int{0}}},
		// A paragraph moved unchanged past one that quotes the same words and ends alike: the
		// word diff pairs the quote with its twin in the paragraph that took its place, but the
		// paragraph, found once in each text, keeps its own quote's entry.
		{"ParagraphMovedPastTwin",
			"On Tuesday she said: “No comment,” and left.\nThe mayor said: “No comment,” and left.\n" + filler,
			"The mayor said: “No comment,” and left.\nOn Tuesday she said: “No comment,” and left.\n" + filler,
			Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		// The same, and the paragraph it moved past was edited as well: the word diff pairs the
		// edited paragraph's quote with the moved one's, where the moved paragraph's own entry
		// is, and the entries of paragraphs left whole claim their quotes first.
		{"ParagraphMovedPastEditedTwin",
			"On Tuesday she said: “No comment,” and left.\nThe mayor said: “No comment,” and left.\n" + filler,
			"The mayor said: “No comment,” and left.\nOn Wednesday she said: “No comment,” and left.\n" + filler,
			Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		// A twin loses its opening mark where it stands while a copy of it is typed elsewhere:
		// the copy is new words, and never takes the check of the quotation left in place.
		{"TwinLosesItsMarkWhileACopyIsTyped",
			"Smith said: “We will not close the bridge.”\nJones said: “We will not close the bridge.”\n" + filler,
			"Smith said: will not close the bridge.”\nJones said: “We will not close the bridge.”\n" + filler + " Lee said: “We will not close the bridge.”",
			Plan{Kept: []Pair{{1, 0}}, Removed: []int{0}, Added: []int{1}}},
		{"TwinEditedInPlaceWhileACopyIsTyped",
			"Smith said: “We will not close the bridge.”\nJones said: “We will not close the bridge.”\n" + filler,
			"Smith said: “We will never close the bridge.”\nJones said: “We will not close the bridge.”\n" + filler + " Lee said: “We will not close the bridge.”",
			Plan{Kept: []Pair{{1, 1}}, Edited: []Pair{{0, 0}}, Added: []int{2}}},
		// A copy of a quoted sentence pasted or typed beside it leaves the same text whichever
		// copy came first: neither keeps the check, and the fact-checker reads both again.
		{"CopyBesideItBefore",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” Dr. Lee said: “No comment.” The council met.\n" + filler,
			Plan{Edited: []Pair{{0, 0}}, Added: []int{1}, Doubted: []int{0}}},
		{"CopyBesideItEndingTheText",
			filler + "\nThe council met. Smith said: “No comment.”",
			filler + "\nThe council met. Smith said: “No comment.” Smith said: “No comment.”",
			Plan{Edited: []Pair{{0, 0}}, Added: []int{1}, Doubted: []int{0}}},
		{"PiecePastedAfterItself",
			"“No comment,” said Smith. He left.\n“The plan would work,” said Dr. Lee.",
			"“No comment,” said Smith. He left.\n“The plan would work,” said Dr. Lee.\n“No comment,” said Smith. He left.\n“The plan would work,” said Dr. Lee.",
			Plan{Edited: []Pair{{0, 0}, {1, 1}}, Added: []int{2, 3}, Doubted: []int{0, 1}}},
		// The copy beside it taken out again, as an undo does: the one left is the quotation
		// whose check the copy took back, and the check stands again.
		{"CopyBesideItUndone",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 0}}, Removed: []int{1}, Undoubted: []int{0}}},
		// Twins apart in the text before: taking one out leaves the other no check to get back.
		{"TwinApartRemoved",
			"Dr. Lee said: “No comment.” The council met.\nDr. Lee said: “No comment.” The council met again.\n" + filler,
			"Dr. Lee said: “No comment.” The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 0}}, Removed: []int{1}}},
		// A copy that reads otherwise around it says which is which: the original keeps its
		// check, wherever the copy went and whatever changed in it.
		// A quotation typed after the sentence that quotes it stands in a sentence of its own:
		// the sentence checked is whole and once in each text, and keeps its check.
		{"QuotationRepeatedInItsSentence",
			"Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Dr. Lee said: “No comment.” “No comment.” The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 0}}, Added: []int{1}}},
		// Another speaker's words typed before the checked sentence: the stretch read twice
		// starts within a sentence, at "he said.", so the texts tell the two apart.
		{"OtherSpeakerAfterHeSaid",
			"“The bridge is safe,” he said. “No comment,” said the mayor.\n" + filler,
			"“The bridge is safe,” he said. “No comment,” he said. “No comment,” said the mayor.\n" + filler,
			Plan{Kept: []Pair{{0, 0}, {1, 2}}, Added: []int{1}}},
		{"OtherSpeakerAfterHeSaidParagraphs",
			"“The bridge is safe,” he said.\n“No comment,” said the mayor.\n" + filler,
			"“The bridge is safe,” he said.\n“No comment,” he said.\n“No comment,” said the mayor.\n" + filler,
			Plan{Kept: []Pair{{0, 0}, {1, 2}}, Added: []int{1}}},
		// A B B made A B A B: the one insertion that makes it leaves the original A first, and
		// taking a copy of "A B" out reads A B, not the A B B there was.
		{"ABBToABAB",
			"“No comment,” she said. “We will not close the bridge,” she said. “We will not close the bridge,” she said. The council met.\n" + filler,
			"“No comment,” she said. “We will not close the bridge,” she said. “No comment,” she said. “We will not close the bridge,” she said. The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 0}, {1, 1}, {2, 3}}, Added: []int{2}}},
		// A pull-quote paragraph put before the paragraph that opens with the quotation, whose
		// paragraph is once in each text.
		{"PullQuoteBefore",
			"Intro.\n“We will not close the bridge.” That was the answer Smith gave.\n" + filler,
			"Intro.\n“We will not close the bridge.”\n“We will not close the bridge.” That was the answer Smith gave.\n" + filler,
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		{"CopyInAnotherParagraphAfter",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler + " Dr. Lee said: “No comment.”",
			Plan{Kept: []Pair{{0, 0}}, Added: []int{1}}},
		{"CopyInAnotherParagraphBefore",
			filler + "\nEngineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.",
			"Dr. Lee said: “No comment.”\n" + filler + "\nEngineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.",
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		{"CopyWithOtherSpeakerBeside",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Engineers said the bridge was safe. Smith said: “No comment.” Dr. Lee said: “No comment.” The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 1}}, Added: []int{0}}},
		{"EditedCopyBeside",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\n" + filler,
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” Dr. Lee said: “No comment today.” The council met.\n" + filler,
			Plan{Kept: []Pair{{0, 0}}, Added: []int{1}}},
		// Two twins, both checked, one of them edited: the other keeps its own check.
		{"OneOfTwoTwinsEdited",
			"Smith said: “No comment.” Jones said: “No comment.”\n" + filler,
			"Smith said: “No comment.” Jones said: “No comment at all.”\n" + filler,
			Plan{Kept: []Pair{{0, 0}}, Edited: []Pair{{1, 1}}}},
		// A quotation cut and the same words typed in another paragraph read as the
		// quotation moved there, as a cut and paste does: nothing in the texts tells them apart.
		{"CutAndTypedElsewhere",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.” The council met.\nResidents wrote to the council.",
			"Engineers said the bridge was safe. The council met.\nResidents wrote to the council. Dr. Lee said: “No comment.”",
			Plan{Kept: []Pair{{0, 0}}}},
		{"ParagraphMoved",
			"Engineers said the bridge was safe. Dr. Lee said: “No comment.”\nResidents wrote to the council.",
			"Residents wrote to the council.\nEngineers said the bridge was safe. Dr. Lee said: “No comment.”",
			Plan{Kept: []Pair{{0, 0}}}},
		// A moved paragraph is deleted and inserted by the diff: its twin stays put and keeps
		// its entry, and the moved one keeps the other.
		{"MovedAcrossItsTwin",
			"The mayor said: “No comment.”\nThe minister said: “No comment.”\n" + filler,
			"The minister said: “No comment.”\n" + filler + "\nThe mayor said: “No comment.”",
			Plan{Kept: []Pair{{1, 0}, {0, 1}}}},
		// Of two copies of a paragraph, the first is edited outside its quotation and a copy is
		// pasted beside them: the edited copy keeps its entry, and of the two copies after, one
		// pasted, neither can be told for the other's, so the second's entry is doubted.
		{"ACopyEditedBesideACopyPasted",
			"The bridge is old.\n“No comment,” Zoë said on Friday.\n“No comment,” Zoë said on Friday.\nThe council met.",
			"The bridge is old.\n“No comment,” Zoë said on Friday morning.\n“No comment,” Zoë said on Friday.\n“No comment,” Zoë said on Friday.\nThe council met.",
			Plan{Kept: []Pair{{0, 0}}, Edited: []Pair{{1, 2}}, Added: []int{1}, Doubted: []int{1}}},
	}
	entries := func(text string) []Entry {
		qs, _ := Find(text)
		out := make([]Entry, len(qs))
		for i, q := range qs {
			out[i] = Entry{"body", q.Text, q.Start, q.End}
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := entries(tt.after)
			ed := PrepareEdit(map[string]string{"body": tt.before}, map[string]string{"body": tt.after}, found)
			if got := Reconcile(entries(tt.before), found, ed); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Reconcile = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestReconcileCopiesPastBudget adds, to a long piece quoting one long statement after each of
// many questions, more questions quoting it, each between two others and beside no copy of it:
// however far the scan for copies reads before its budget is spent, no check is taken back.
func TestReconcileCopiesPastBudget(t *testing.T) {
	stmt := "We will not close the bridge, and " + strings.Repeat("we will keep every lane open for the buses and the lorries that need it, ", 3) + "whatever the council says."
	para := func(i int) string {
		return fmt.Sprintf("Question %d was put to Smith on day %d of the hearing?\nSmith said: “%s”", i, i*7, stmt)
	}
	var b, a []string
	for i := 0; i < 60; i++ {
		b, a = append(b, para(i)), append(a, para(i))
		if i%4 == 2 {
			a = append(a, fmt.Sprintf("Other filler paragraph number %d.", i), para(1000+i))
		}
	}
	before, after := strings.Join(b, "\n"), strings.Join(a, "\n")
	entries := func(text string) []Entry {
		qs, _ := Find(text)
		out := make([]Entry, len(qs))
		for i, q := range qs {
			out[i] = Entry{"body", q.Text, q.Start, q.End}
		}
		return out
	}
	found := entries(after)
	ed := PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
	p := Reconcile(entries(before), found, ed)
	if len(p.Edited) > 0 || len(p.Kept) != len(b) || len(p.Added) != len(found)-len(b) {
		t.Errorf("Reconcile kept %d, took back %d, added %d of %d quotes (%d before); want every one before kept", len(p.Kept), len(p.Edited), len(p.Added), len(found), len(b))
	}
}
