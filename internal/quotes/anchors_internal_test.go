package quotes

import (
	"slices"
	"strings"
	"testing"
)

// TestPlaced checks which paragraph after an edit each paragraph before it is taken for (by
// index, -1 for none), each paragraph a letter: T and U repeat, the others are once in a text;
// "T." is a paragraph like T (see similar), edited from it or typed.
func TestPlaced(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		want          []int
	}{
		{"OnceInEachWhereverItWent", "A B C", "C A B", []int{1, 2, 0}},
		{"CopiesBetweenTheSameAnchors", "A T B T C", "A T B X T C", []int{0, 1, 2, 4, 5}},
		{"CopiesBesideAParagraphMovedAndEdited", "A T B T C", "A T Y B T C", []int{0, 1, 3, 4, 5}},
		{"ARunOfCopiesTheSwapLeft", "A T T B", "B T T A", []int{3, 1, 2, 0}},
		{"ARunOfCopiesAnAnchorMovedPast", "A T T B C", "B A T T C", []int{1, 2, 3, 0, 4}},
		{"ACopyTypedBeside", "A T B", "A T T B", []int{0, -1, 3}},
		{"ACopyMovedPastAnother", "T A T B", "T T A B", []int{-1, 2, -1, 3}},
		{"CopiesOnBothSidesOfAMovedAnchor", "T A T B", "A T T B", []int{-1, 0, -1, 3}},
		{"NoAnchors", "T T U U", "U U T T", []int{2, 3, 0, 1}},
		{"ACopyEditedBesideACopyPasted", "A T T B", "A T. T T B", []int{0, -1, -1, 4}},
		{"ARunOfCopiesSwappedWithACopyEditedAndPasted", "A T T B", "B T. T T A", []int{4, -1, -1, 0}},
		{"ACopyCutBesideACopyEdited", "A T T T B", "A T. T T B", []int{0, -1, -1, -1, 4}},
		{"CopiesBelowAnAnchorALikeParagraphTypedAbove", "A T T", "T. A T T", []int{1, 2, 3}},
		{"CopiesBesideAnotherParagraphTyped", "A T T B", "A T T U. B", []int{0, 1, 2, 4}},
		{"ACopyTheOtherSideOfADifferentAnchor", "T A U B T C", "T A U C T B", []int{0, 1, 2, 5, -1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := indexParagraphs(strings.ReplaceAll(tt.before, " ", "\n"))
			after := indexParagraphs(strings.ReplaceAll(tt.after, " ", "\n"))
			var got []int
			for _, at := range before.placed(after, &[2]int{-1, -1}) {
				if at < 0 {
					got = append(got, -1)
				} else {
					got = append(got, after.index(at))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("placed %q in %q: %v, want %v", tt.before, tt.after, got, tt.want)
			}
		})
	}
}
