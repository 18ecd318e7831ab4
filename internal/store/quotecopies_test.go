package store_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteCopyTakesNoCheck checks a quotation, then saves the text with a copy of its sentence
// beside it, in another paragraph, or changed a little, and reads the ledger in reading order:
// the check stays with the quotation it was given to, and a copy is a new quote, unchecked. A
// copy right beside the quotation leaves the same text whichever came first, so neither keeps
// the check there: the word diff used to hand it to whichever copy it paired, often the new one.
func TestQuoteCopyTakesNoCheck(t *testing.T) {
	const (
		u = newsroom.QuoteUnchecked
		v = newsroom.QuoteVerified
	)
	lee := "Dr. Lee said: “No comment.”"
	filler := strings.Repeat("The council met for three hours. ", 8)
	before := "Engineers said the bridge was safe. " + lee + " The council met.\n" + filler
	tests := []struct {
		name  string
		after string
		want  []newsroom.QuoteStatus // the ledger's quotes in reading order
		own   int                    // which of them keeps the checked quote's entry
	}{
		{"CopyBeside", "Engineers said the bridge was safe. " + lee + " " + lee + " The council met.\n" + filler, []newsroom.QuoteStatus{u, u}, -1},
		{"CopyAtTheEnd", before + " " + lee, []newsroom.QuoteStatus{v, u}, 0},
		{"CopyInAParagraphBefore", lee + "\n" + before, []newsroom.QuoteStatus{u, v}, 1},
		{"ChangedCopyBeside", "Engineers said the bridge was safe. " + lee + " Dr. Lee said: “No comment today.” The council met.\n" + filler,
			[]newsroom.QuoteStatus{v, u}, 0},
		{"OtherSpeakerBefore", "Engineers said the bridge was safe. Smith said: “No comment.” " + lee + " The council met.\n" + filler,
			[]newsroom.QuoteStatus{u, v}, 1},
		{"ParagraphMoved", filler + "\nEngineers said the bridge was safe. " + lee + " The council met.", []newsroom.QuoteStatus{v}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			body := before
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ledger = %+v, %v; want Dr. Lee's quote", qs, err)
			}
			checked := qs[0].ID
			if _, err := f.s.CheckQuote(f.editor, d.ID, checked, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
				t.Fatal(err)
			}
			body = tt.after
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			qs, err = f.s.Quotes(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(qs, func(a, b newsroom.Quote) int { return a.Start - b.Start })
			var got []newsroom.QuoteStatus
			own := -1
			for i, q := range qs {
				got = append(got, q.Status)
				if q.ID == checked && tt.own >= 0 {
					own = i
				}
			}
			if !slices.Equal(got, tt.want) || own != tt.own {
				t.Errorf("ledger in reading order %v, the checked entry on quote %d; want %v, on quote %d", got, own, tt.want, tt.own)
			}
		})
	}
}

// TestQuoteCopyUndone pastes a copy of a checked quotation's sentence beside it, which takes the
// check back, then saves again: taking the copy out (an undo) puts the check taken back there
// again, with its note, and a check made while the copy stood is not overwritten by the old one.
func TestQuoteCopyUndone(t *testing.T) {
	lee := "Dr. Lee said: “No comment.”"
	filler := strings.Repeat("The council met for three hours. ", 8)
	before := "Engineers said the bridge was safe. " + lee + " The council met.\n" + filler
	pasted := "Engineers said the bridge was safe. " + lee + " " + lee + " The council met.\n" + filler
	tests := []struct {
		name    string
		between newsroom.QuoteStatus // a check made on the first quote while the copy stands, or ""
		want    newsroom.QuoteStatus
		note    string
	}{
		{"PasteUndone", "", newsroom.QuoteVerified, "on tape"},
		{"CheckedWhileCopied", newsroom.QuoteDisputed, newsroom.QuoteDisputed, "no tape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			save := func(text string) {
				t.Helper()
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &text, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			check := func(status newsroom.QuoteStatus, note string) {
				t.Helper()
				qs, err := f.s.Quotes(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.s.CheckQuote(f.editor, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: status, Note: note}); err != nil {
					t.Fatal(err)
				}
			}
			save(before)
			check(newsroom.QuoteVerified, "on tape")
			save(pasted)
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != 2 || qs[0].Status != newsroom.QuoteUnchecked || qs[1].Status != newsroom.QuoteUnchecked {
				t.Fatalf("with the copy beside it: %+v, want two quotes, unchecked", qs)
			}
			if tt.between != "" {
				check(tt.between, "no tape")
			}
			save(before)
			if qs, err = f.s.Quotes(f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			if len(qs) != 1 || qs[0].Status != tt.want || qs[0].Note != tt.note {
				t.Errorf("with the copy taken out: %+v, want one quote, %s, noted %q", qs, tt.want, tt.note)
			}
		})
	}
}

// TestQuoteCopyOfAPieceRestored checks a quotation in a piece, edits the piece, and then saves a
// text with the piece twice, one copy's stop changed, as restoring a version from after a paste
// of the piece after itself does. Where the quotation's paragraph reads as one copy's and not the
// other's, that copy keeps the check; where the edit changed it, neither copy reads more like
// it, and the word diff used to hand the check to the copy its edits happened to favour: the
// check is taken back, and the ledger says a copy took it.
func TestQuoteCopyOfAPieceRestored(t *testing.T) {
	const (
		u = newsroom.QuoteUnchecked
		v = newsroom.QuoteVerified
	)
	intro := "Residents met. “No comment,” said Dr. Lee.\nMr. Jones spoke. Then he left."
	quote := "Mr. Dr. Jones said: “We will not close the bridge.” The council met."
	piece := intro + "\n" + quote
	stopped := strings.Replace(piece, "spoke.", "spoke?", 1)
	tests := []struct {
		name         string
		before, twin string // the piece checked, and the text with it twice
		want         []newsroom.QuoteStatus
		own          int // which of the two keeps the checked quote's entry, -1 for neither
		event        string
	}{
		{"StopChangedInTheCopy", strings.Replace(piece, "Dr. Jones", "Mr. Jones", 1), piece + "\n" + stopped, []newsroom.QuoteStatus{u, u}, -1, "doubted"},
		{"StopChangedInTheFirst", strings.Replace(piece, "Dr. Jones", "Mr. Jones", 1), stopped + "\n" + piece, []newsroom.QuoteStatus{u, u}, -1, "doubted"},
		{"IntroEditedStopInTheCopy", strings.Replace(piece, "Residents met.", "Residents met on Monday.", 1), piece + "\n" + stopped, []newsroom.QuoteStatus{u, u}, -1, "doubted"},
		{"QuoteParagraphTellsThem", piece, piece + "\n" + strings.Replace(stopped, "council met.", "council met!", 1), []newsroom.QuoteStatus{v, u}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			save := func(text string) {
				t.Helper()
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &text, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			bridge := func() []newsroom.Quote {
				t.Helper()
				qs, err := f.s.Quotes(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				qs = slices.DeleteFunc(qs, func(q newsroom.Quote) bool { return q.Text != "We will not close the bridge." })
				slices.SortFunc(qs, func(a, b newsroom.Quote) int { return a.Start - b.Start })
				return qs
			}
			save(tt.before)
			qs := bridge()
			if len(qs) != 1 {
				t.Fatalf("ledger = %+v, want one quote of the bridge", qs)
			}
			checked := qs[0].ID
			if _, err := f.s.CheckQuote(f.editor, d.ID, checked, newsroom.QuoteCheck{Status: v}); err != nil {
				t.Fatal(err)
			}
			save(tt.twin)
			var got []newsroom.QuoteStatus
			own := -1
			for i, q := range bridge() {
				got = append(got, q.Status)
				if q.ID == checked && q.Status == v {
					own = i
				}
			}
			if !slices.Equal(got, tt.want) || own != tt.own {
				t.Errorf("the bridge's quotes in reading order %v, the check on quote %d; want %v, on quote %d", got, own, tt.want, tt.own)
			}
			if tt.event == "" {
				return
			}
			events, _, err := f.s.QuoteHistory(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			events = slices.DeleteFunc(events, func(e newsroom.QuoteEvent) bool { return e.QuoteID != checked })
			if last := events[len(events)-1]; last.Event != tt.event || last.Status != v {
				t.Errorf("the checked quote's last event is %q, its check %s; want %q, verified", last.Event, last.Status, tt.event)
			}
		})
	}
}

// TestQuoteCheckStaysOffAMovedTwin checks a quotation, then moves another paragraph quoting the
// same words to the top and edits it, leaving a quotation mark open that takes the checked
// quotation, whose paragraph moved down whole, into a quotation running over two paragraphs.
// The word diff kept the moved paragraph's quotation where the checked one stood, and the check
// went to it: words nobody checked. Its own entry goes with the moved quotation, unchecked, and
// the checked one's with its words, edited.
func TestQuoteCheckStaysOffAMovedTwin(t *testing.T) {
	own := "“No comment,” Zoë said. The café owner said the council was late."
	tests := []struct {
		name          string
		moved, edited string
	}{
		{"WordCut", "“No comment,” Zoë said. “No Zoë said.", "“No comment,” Zoë said. “No said."},
		{"WordTyped", "“No comment,” Zoë said. “No Zoë said.", "“No comment,” Zoë Hale said. “No Zoë said."},
		{"StopChanged", "“No comment,” Zoë said. “No Zoë said.", "“No comment,” Zoë said! “No Zoë said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			middle := "The council met on Tuesday."
			before := strings.Join([]string{own, middle, tt.moved}, "\n")
			after := strings.Join([]string{tt.edited, own, middle}, "\n")
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			var checked, twin int64
			for _, q := range qs {
				switch {
				case q.Start == 0:
					checked = q.ID
				case q.Text == "No comment,":
					twin = q.ID
				}
			}
			if checked == 0 || twin == 0 {
				t.Fatalf("ledger = %+v, want the quotation checked and its twin", qs)
			}
			if _, err := f.s.CheckQuote(f.editor, d.ID, checked, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			if qs, err = f.s.Quotes(f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if q.Status == newsroom.QuoteVerified && q.ID != checked {
					t.Errorf("quote %d %q at %d is verified, which nobody checked", q.ID, q.Text, q.Start)
				}
				if q.ID == checked && q.Status == newsroom.QuoteVerified && q.Start < strings.Index(after, own) {
					t.Errorf("the check is on %q at %d, in the paragraph moved, not on its words:\n%s", q.Text, q.Start, after)
				}
				if q.ID == twin && q.Start != 0 {
					t.Errorf("the moved quotation's entry is at %d, want it at 0 with its words", q.Start)
				}
			}
		})
	}
}

// TestQuotePastedBesideItselfKeepsCheck checks the one quotation of a text, then saves the text
// with a copy of it pasted after or before it, a sentence's stop changed in the copy. The text
// checked is still there word for word, and the copy is all that was put in, so the quotation
// keeps its check and its words: a paste that takes it back makes the fact-checker read the
// quote again for nothing.
func TestQuotePastedBesideItselfKeepsCheck(t *testing.T) {
	piece := "The café owner said the council was late. “No comment,” Zoë said.\nSmith said the council met on Tuesday. The council said the bridge was safe."
	long := piece + "\nThe mayor spoke last."
	tests := []struct {
		name, before, after string
		kept                bool // whether the quote keeps its check, or the word diff's pairing is doubted
	}{
		{"StopChangedBeforeTheQuote", piece, piece + "\n" + strings.Replace(piece, "late.", "late?", 1), true},
		{"StopChangedInTheLastParagraph", piece, piece + "\n" + strings.Replace(piece, "Tuesday.", "Tuesday?", 1), true},
		{"StopChangedInAMiddleParagraph", long, long + "\n" + strings.Replace(long, "Tuesday.", "Tuesday?", 1), true},
		{"StopChangedAtTheEnd", long, long + "\n" + strings.Replace(long, "last.", "last!", 1), true},
		{"CopyPastedBefore", long, strings.Replace(long, "Tuesday.", "Tuesday?", 1) + "\n" + long, false},
		{"CopyOfTheFirstParagraphPastedBefore", long, strings.Replace(long, "late.", "late!", 1) + "\n" + long, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			save := func(text string) {
				t.Helper()
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &text, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			save(tt.before)
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil || len(qs) != 1 {
				t.Fatalf("ledger = %+v (%v), want one quote", qs, err)
			}
			checked := qs[0]
			if _, err := f.s.CheckQuote(f.editor, d.ID, checked.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
				t.Fatal(err)
			}
			save(tt.after)
			want := checked.Start // where its words are: in the first copy, or after the copy put before them
			if !strings.HasPrefix(tt.after, tt.before) {
				want += utf8.RuneCountInString(tt.after) - utf8.RuneCountInString(tt.before)
			}
			if qs, err = f.s.Quotes(f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if q.Status == newsroom.QuoteVerified && (q.ID != checked.ID || q.Start != want) {
					t.Errorf("quote %d at %d is verified; only quote %d at %d, where its words are, may be", q.ID, q.Start, checked.ID, want)
				}
				if q.ID == checked.ID && tt.kept && q.Status != newsroom.QuoteVerified {
					t.Errorf("the checked quote is %s at %d, want verified at %d", q.Status, q.Start, want)
				}
			}
		})
	}
}

// TestQuoteTwinInMovedEditedParagraph checks the second of two twin quotations in a paragraph,
// then moves the paragraph to the end and cuts a word between them. Neither the paragraph nor
// its sentences are found whole, and the word diff keeps neither quotation, so nearness pairs
// the entries, and it handed the check to the first quotation: the check must not stand on it.
func TestQuoteTwinInMovedEditedParagraph(t *testing.T) {
	rest := "The café owner said the council was late. Smith said the council met on Tuesday.\nSmith said the council met on Tuesday. The council said the bridge was safe."
	tests := []struct {
		name, para, moved string
	}{
		{"WordCutBetween", "“No comment,” Zoë said. “No comment,” Zoë said.", "“No comment,” Zoë “No comment,” Zoë said."},
		{"WordTypedBetween", "“No comment,” Zoë said. “No comment,” Zoë said.", "“No comment,” Zoë said again. “No comment,” Zoë said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			save := func(text string) {
				t.Helper()
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &text, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			save(tt.para + "\n" + rest)
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil || len(qs) != 2 {
				t.Fatalf("ledger = %+v (%v), want two quotes", qs, err)
			}
			second := qs[0]
			if qs[1].Start > second.Start {
				second = qs[1]
			}
			if _, err := f.s.CheckQuote(f.editor, d.ID, second.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
				t.Fatal(err)
			}
			after := rest + "\n" + tt.moved
			save(after)
			own := utf8.RuneCountInString(after[:strings.LastIndex(after, "“")])
			if qs, err = f.s.Quotes(f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if q.Status == newsroom.QuoteVerified && (q.ID != second.ID || q.Start != own) {
					t.Errorf("quote %d at %d is verified; the check was made on quote %d, its words now at %d", q.ID, q.Start, second.ID, own)
				}
			}
		})
	}
}
