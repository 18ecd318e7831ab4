package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestRequiredNotes(t *testing.T) {
	rules := []struct {
		name  string
		check func(string) error
	}{
		{"Waiver", newsroom.CheckWaiverNote},
		{"Correction", newsroom.CheckCorrectionNote},
		{"Dismissal", newsroom.CheckDismissalNote},
	}
	tests := []struct {
		name, note, want string // want is part of the error message; "" for none
	}{
		{"OK", "The minister's office confirmed the wording.", ""},
		{"Empty", "", "needs a"},
		{"Blank", " \t\n ", "needs a"},
		{"AtMaxNote", strings.Repeat("é", newsroom.MaxNote), ""},
		{"OverMaxNote", strings.Repeat("é", newsroom.MaxNote+1), "note is 5001 characters long"},
		{"NUL", "why\x00", "must not contain NUL bytes"},
		{"InvalidUTF8", "why\xff", "not valid UTF-8"},
	}
	for _, r := range rules {
		for _, tt := range tests {
			t.Run(r.name+"/"+tt.name, func(t *testing.T) {
				err := r.check(tt.note)
				wantInvalid(t, "check", err, tt.want)
			})
		}
	}
}

// TestCorrectionNoteCharacters: a correction's note goes out in every public format, the house
// text format and HTML among them, so it is held to the characters a piece's text is.
func TestCorrectionNoteCharacters(t *testing.T) {
	tests := []struct {
		name, note, want string // want is part of the error message; "" for none
	}{
		{"LineBreaks", "The vote was 7-2,\r\nnot 6-3.\nSorry.", ""},
		{"Tab", "The vote\twas 7-2.", ""},
		{"Bell", "The vote was 7-2.\a", "the correction's note must not contain the control character U+0007"},
		{"TerminalEscape", "\x1b[1mThe vote was 7-2.", "control character U+001B"},
		{"NextLine", "The vote\u0085was 7-2.", "control character U+0085"},
		{"Noncharacter", "The vote was 7-2.\ufdd0", "noncharacter U+FDD0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckCorrectionNote(tt.note)
			wantInvalid(t, "CheckCorrectionNote", err, tt.want)
		})
	}
}

func TestCheckWaivable(t *testing.T) {
	tests := []struct {
		status   newsroom.QuoteStatus
		wantCode string
	}{
		{newsroom.QuoteDisputed, ""},
		{newsroom.QuoteUnchecked, newsroom.ECONFLICT},
		{newsroom.QuoteVerified, newsroom.ECONFLICT},
		{newsroom.QuoteUnverifiable, newsroom.ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(string(tt.status), func(t *testing.T) {
			if got := newsroom.ErrorCode(newsroom.CheckWaivable(7, tt.status)); got != tt.wantCode {
				t.Fatalf("CheckWaivable(%s) code = %q, want %q", tt.status, got, tt.wantCode)
			}
		})
	}
}
