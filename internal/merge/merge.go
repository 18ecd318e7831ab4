// Package merge merges two saves made on the same version of a draft's text: base is the
// version both started from, theirs is what the draft became meanwhile, and mine is the save
// that arrived late. Paragraphs are matched first, then the words inside paragraphs both sides
// changed, so that edits in different places combine and only edits to the same words conflict.
// A paragraph one side moved and the other edited in place is merged in its new place with the
// edit. What both sides added in one place is kept once, and a paragraph both moved to different
// places is a conflict of the whole field. Words a side deleted are not brought back: a place
// where the merge would hold a word base holds once more often than the sides' changes allow is
// a conflict. The merge compares words, not meaning: the same sentence both added where it cannot
// tell it is one addition (in different paragraphs, or edited by one side) is kept as each wrote
// it, so a merge can read twice. It is pure: no I/O, no HTTP, no database.
package merge

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Conflict is a place where both sides changed the same words differently. Paragraph is the
// first paragraph of the place in the base, numbered from 1, and 0 in a field of one line;
// Place says the same in words ("paragraph 3", "new paragraphs after paragraph 2"). Base,
// Theirs and Mine are the place's whole paragraphs in each text, joined by "\n".
type Conflict struct {
	Field     string `json:"field"`
	Paragraph int    `json:"paragraph,omitempty"`
	Place     string `json:"place,omitempty"`
	Base      string `json:"base"`
	Theirs    string `json:"theirs"`
	Mine      string `json:"mine"`
}

// Field is one text field after the merge, in order: runs of merged paragraphs and conflicts.
type Field struct {
	Name  string
	Parts []Part
}

// Part is a run of merged paragraphs or, when Conflict is above 0, the conflict of that number
// in Result.Conflicts (from 1), whose text the user chooses.
type Part struct {
	Paragraphs []string
	Conflict   int
}

// Result is a merge: every text field in parts, the merged topics, and the conflicts left.
type Result struct {
	Fields    []Field
	Topics    []string
	Conflicts []Conflict
}

// textFields are the text's string fields, in the order the workflow file lists them.
var textFields = []struct {
	name string
	of   func(*newsroom.Text) *string
}{
	{"title", func(t *newsroom.Text) *string { return &t.Title }},
	{"byline", func(t *newsroom.Text) *string { return &t.Byline }},
	{"brief", func(t *newsroom.Text) *string { return &t.Brief }},
	{"body", func(t *newsroom.Text) *string { return &t.Body }},
	{"editor_comment", func(t *newsroom.Text) *string { return &t.EditorComment }},
}

// Texts merges mine into theirs, both made from base. A side that left a field as it was in
// base takes the other side's field whole, so merging with an unchanged side gives the other.
func Texts(base, theirs, mine newsroom.Text) *Result {
	r := &Result{Topics: mergeTopics(base.Topics, theirs.Topics, mine.Topics)}
	for _, f := range textFields {
		r.Fields = append(r.Fields, r.mergeField(f.name, *f.of(&base), *f.of(&theirs), *f.of(&mine)))
	}
	return r
}

// Merged returns the merged text, and false when conflicts are left to choose.
func (r *Result) Merged() (newsroom.Text, bool) {
	if len(r.Conflicts) > 0 {
		return newsroom.Text{}, false
	}
	t, err := r.Resolve(nil)
	return t, err == nil
}

// Resolve returns the merged text with choices[i] in place of conflict i+1: the text the user
// chose for its paragraphs (theirs, mine, or their own), "" for none.
func (r *Result) Resolve(choices []string) (newsroom.Text, error) {
	if len(choices) != len(r.Conflicts) {
		return newsroom.Text{}, fmt.Errorf("merge: %d choices for %d conflicts", len(choices), len(r.Conflicts))
	}
	t := newsroom.Text{Topics: r.Topics}
	for i, f := range r.Fields {
		var paras []string
		for _, p := range f.Parts {
			if p.Conflict > 0 {
				paras = append(paras, paragraphs(choices[p.Conflict-1])...)
			} else {
				paras = append(paras, p.Paragraphs...)
			}
		}
		*textFields[i].of(&t) = strings.Join(paras, "\n")
	}
	return t, nil
}

// paragraphs splits a field into its paragraphs; an empty field has none.
func paragraphs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
