package newsroom_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestQuoteCheckValidate(t *testing.T) {
	tests := []struct {
		check newsroom.QuoteCheck
		ok    bool
	}{
		{newsroom.QuoteCheck{Status: newsroom.QuoteVerified}, true},
		{newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "tape, 00:14:02"}, true},
		{newsroom.QuoteCheck{Status: newsroom.QuoteDisputed}, false},
		{newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "Not on the tape."}, true},
		{newsroom.QuoteCheck{Status: newsroom.QuoteUnverifiable, Note: " "}, false},
		{newsroom.QuoteCheck{Status: newsroom.QuoteUnverifiable, Note: "Source unreachable."}, true},
		{newsroom.QuoteCheck{Status: newsroom.QuoteUnchecked}, false},
		{newsroom.QuoteCheck{Status: "fine"}, false},
	}
	for _, tt := range tests {
		if err := tt.check.Validate(); (err == nil) != tt.ok {
			t.Errorf("Validate(%+v) = %v, want ok=%v", tt.check, err, tt.ok)
		}
	}
}

func TestQuoteGate(t *testing.T) {
	q := func(id int64, st newsroom.QuoteStatus, waived bool) newsroom.Quote {
		x := newsroom.Quote{ID: id, Text: "Our territory is inalienable.", Status: st}
		if waived {
			x.Waiver = &newsroom.Waiver{Note: "on the record elsewhere"}
		}
		return x
	}
	unchecked, verified := q(1, newsroom.QuoteUnchecked, false), q(2, newsroom.QuoteVerified, false)
	disputed, waived, unverifiable := q(3, newsroom.QuoteDisputed, false), q(4, newsroom.QuoteDisputed, true), q(5, newsroom.QuoteUnverifiable, false)
	notQuote := func(x newsroom.Quote) newsroom.Quote {
		x.NotQuote = &newsroom.Dismissal{Note: "the name of a ship"}
		return x
	}
	tests := []struct {
		name    string
		gate    newsroom.Gate
		quotes  []newsroom.Quote
		blocked string
	}{
		{"CheckedAllChecked", newsroom.GateQuotesChecked, []newsroom.Quote{verified, disputed, unverifiable}, ""},
		{"CheckedUnchecked", newsroom.GateQuotesChecked, []newsroom.Quote{verified, unchecked}, "#1"},
		{"ClearedDisputed", newsroom.GateQuotesCleared, []newsroom.Quote{verified, disputed}, `cannot approve yet: quote #3 "Our territory is inalienable." is disputed; a fact-checker checks it (an editor may waive a disputed quote, with a note)`},
		{"ClearedWaived", newsroom.GateQuotesCleared, []newsroom.Quote{verified, waived, unverifiable}, ""},
		{"ClearedUnchecked", newsroom.GateQuotesCleared, []newsroom.Quote{unchecked}, `cannot approve yet: quote #1 "Our territory is inalienable." is unchecked; a fact-checker checks it`},
		{"ClearedDisputedAndUnchecked", newsroom.GateQuotesCleared, []newsroom.Quote{disputed, unchecked},
			`cannot approve yet: 2 quotes are not cleared: #3 "Our territory is inalienable." (disputed); #1 "Our territory is inalienable." (unchecked)`},
		{"OtherGateIgnoresQuotes", newsroom.GateNote, []newsroom.Quote{unchecked, disputed}, ""},
		{"NoQuotes", newsroom.GateQuotesCleared, nil, ""},
		{"CheckedNotQuote", newsroom.GateQuotesChecked, []newsroom.Quote{verified, notQuote(unchecked)}, ""},
		{"ClearedNotQuoteDisputed", newsroom.GateQuotesCleared, []newsroom.Quote{notQuote(disputed), unchecked}, "#1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.QuoteGate("approve", tt.gate, tt.quotes)
			if tt.blocked == "" {
				if err != nil {
					t.Fatalf("QuoteGate = %v, want nil", err)
				}
				return
			}
			if newsroom.ErrorCode(err) != newsroom.ECONFLICT || !strings.Contains(newsroom.ErrorMessage(err), tt.blocked) {
				t.Fatalf("QuoteGate = %v, want a conflict naming %s", err, tt.blocked)
			}
		})
	}
}

func TestCorrectionGate(t *testing.T) {
	verified := newsroom.Quote{ID: 1, Text: "Our territory is inalienable.", Status: newsroom.QuoteVerified}
	added := newsroom.Quote{ID: 2, Text: "We never said that.", Status: newsroom.QuoteUnchecked}
	disputed := newsroom.Quote{ID: 3, Text: "Not before 2030.", Status: newsroom.QuoteDisputed}
	waived := disputed
	waived.Waiver = &newsroom.Waiver{Note: "Both wordings are on the record."}
	tests := []struct {
		name   string
		quotes []newsroom.Quote
		held   []int64
	}{
		{"AllCleared", []newsroom.Quote{verified, waived}, nil},
		{"NoQuotes", nil, nil},
		{"NewQuoteUnchecked", []newsroom.Quote{verified, added}, []int64{2}},
		{"DisputedNotWaived", []newsroom.Quote{disputed, added}, []int64{3, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CorrectionGate(7, 4, tt.quotes)
			if tt.held == nil {
				if err != nil {
					t.Fatalf("CorrectionGate = %v, want nil", err)
				}
				return
			}
			var e *newsroom.Error
			if !errors.As(err, &e) || e.Code != newsroom.ECONFLICT {
				t.Fatalf("CorrectionGate = %v, want a conflict", err)
			}
			if !reflect.DeepEqual(e.Details, map[string]any{"quotes": tt.held, "draft_id": int64(7), "version": 4}) {
				t.Fatalf("details = %#v, want quotes %v, draft 7, version 4", e.Details, tt.held)
			}
			if !strings.Contains(e.Message, "version 4 of draft 7") || !strings.Contains(e.Message, fmt.Sprintf("#%d", tt.held[0])) {
				t.Fatalf("message %q does not say where the correction waits and what holds it", e.Message)
			}
		})
	}
}

func TestCommentGate(t *testing.T) {
	open := []newsroom.Comment{{ID: 4, Quote: "robust cooperation"}}
	two := append(open, newsroom.Comment{ID: 9, Quote: "the figures"})
	tests := []struct {
		name       string
		unresolved []newsroom.Comment
		force      bool
		note       string
		code       string
		message    string
	}{
		{"NoneOpen", nil, false, "", "", ""},
		{"Open", open, false, "", newsroom.ECONFLICT,
			`cannot approve: 1 unresolved comment, #4 on "robust cooperation" (resolve it, or approve over it with a note saying why)`},
		{"TwoOpen", two, false, "", newsroom.ECONFLICT,
			`cannot approve: 2 unresolved comments: #4 on "robust cooperation"; #9 on "the figures" (resolve them, or approve over them with a note saying why)`},
		{"ForceWithoutNote", open, true, " ", newsroom.EINVALID, "to approve over unresolved comments, give a note saying why"},
		{"ForceWithNote", open, true, "The writer answered on the phone.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CommentGate("approve", tt.unresolved, tt.force, tt.note)
			if newsroom.ErrorCode(err) != tt.code {
				t.Fatalf("CommentGate = %v, want code %q", err, tt.code)
			}
			if got := newsroom.ErrorMessage(err); err != nil && got != tt.message {
				t.Fatalf("message %q, want %q", got, tt.message)
			}
		})
	}
}

func TestTextField(t *testing.T) {
	x := newsroom.Text{Title: "T", Brief: "B", Body: "p1\np2", EditorComment: "E"}
	for field, want := range map[string]string{"title": "T", "brief": "B", "body": "p1\np2", "editor_comment": "E"} {
		if got, err := x.Field(field); err != nil || got != want {
			t.Errorf("Field(%s) = %q, %v", field, got, err)
		}
	}
	if _, err := x.Field("byline"); newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Errorf("Field(byline) = %v", err)
	}
}

// TestQuoteGateNamesTheWaiverOnlyForADispute: an unchecked quote waits for a check alone; the
// waiver is named only when a disputed quote holds the step back.
func TestQuoteGateNamesTheWaiverOnlyForADispute(t *testing.T) {
	unchecked := newsroom.Quote{ID: 1, Text: "We never said that.", Status: newsroom.QuoteUnchecked}
	disputed := newsroom.Quote{ID: 2, Text: "Not before 2030.", Status: newsroom.QuoteDisputed}
	for _, tt := range []struct {
		name   string
		quotes []newsroom.Quote
		waiver bool
	}{
		{"Unchecked", []newsroom.Quote{unchecked}, false},
		{"Disputed", []newsroom.Quote{disputed}, true},
		{"Both", []newsroom.Quote{unchecked, disputed}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := newsroom.ErrorMessage(newsroom.QuoteGate("publish", newsroom.GateQuotesCleared, tt.quotes))
			if strings.Contains(msg, "waive") != tt.waiver {
				t.Fatalf("message %q names the waiver: %v, want %v", msg, !tt.waiver, tt.waiver)
			}
		})
	}
}

// TestCheckQuoteCount: a text may hold MaxQuotes quotations, or as many as the version before it
// held when that was more, and no more.
func TestCheckQuoteCount(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, had  int
		refused bool
	}{
		{"UnderTheCap", newsroom.MaxQuotes - 1, 0, false},
		{"AtTheCap", newsroom.MaxQuotes, newsroom.MaxQuotes, false},
		{"PastTheCap", newsroom.MaxQuotes + 1, 0, true},
		{"PastTheCapFromIt", newsroom.MaxQuotes + 1, newsroom.MaxQuotes, true},
		{"OverItAsBefore", newsroom.MaxQuotes + 5, newsroom.MaxQuotes + 5, false},
		{"OverItFewerThanBefore", newsroom.MaxQuotes + 5, newsroom.MaxQuotes + 9, false},
		{"OverItMoreThanBefore", newsroom.MaxQuotes + 6, newsroom.MaxQuotes + 5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := newsroom.CheckQuoteCount(tc.n, tc.had)
			if (err != nil) != tc.refused || err != nil && newsroom.ErrorCode(err) != newsroom.EINVALID {
				t.Errorf("CheckQuoteCount(%d, %d) = %v, want refused %v", tc.n, tc.had, err, tc.refused)
			}
		})
	}
}

// TestCheckQuoteRead: a verdict stands on the words and the speaker its checker read, the words
// compared in NFC and as they are otherwise, the speaker's name as the ledger reads names; a
// refusal names the quote, what changed and what it is now.
func TestCheckQuoteRead(t *testing.T) {
	read := func(s string) *string { return &s }
	const words, speaker = "the harbour café stays open", "Rosa Delgado"
	tests := []struct {
		name          string
		read          newsroom.QuoteRead
		text, speaker string
		changed       []string
		says          string
	}{
		{"SameWords", newsroom.QuoteRead{Text: read(words)}, words, speaker, nil, ""},
		{"Decomposed", newsroom.QuoteRead{Text: read(norm.NFD.String(words))}, words, speaker, nil, ""},
		{"StoredDecomposed", newsroom.QuoteRead{Text: read(words)}, norm.NFD.String(words), speaker, nil, ""},
		{"StoredAndSentDecomposed", newsroom.QuoteRead{Text: read(norm.NFD.String(words))}, norm.NFD.String(words), speaker, nil, ""},
		{"SpeakerStoredDecomposed", newsroom.QuoteRead{Text: read(words), Speaker: read("José Núñez")}, words, norm.NFD.String("José Núñez"), nil, ""},
		{"SpeakerSentDecomposed", newsroom.QuoteRead{Speaker: read(norm.NFD.String("José Núñez"))}, words, "José Núñez", nil, ""},
		{"NothingSent", newsroom.QuoteRead{}, words, speaker, nil, ""},
		{"EmptyQuote", newsroom.QuoteRead{Text: read("")}, "", "", nil, ""},
		{"SameSpeaker", newsroom.QuoteRead{Text: read(words), Speaker: read(speaker)}, words, speaker, nil, ""},
		{"SpeakerCaseAndSpaces", newsroom.QuoteRead{Speaker: read("rosa  delgado")}, words, speaker, nil, ""},
		{"OtherWords", newsroom.QuoteRead{Text: read("the harbour café closes")}, words, speaker, []string{"text"}, "it now reads “" + words + "”; check the new words"},
		{"OneLetter", newsroom.QuoteRead{Text: read("the harbour cafe stays open")}, words, speaker, []string{"text"}, "“" + words + "”"},
		{"Spacing", newsroom.QuoteRead{Text: read("the harbour café  stays open")}, words, speaker, []string{"text"}, "“" + words + "”"},
		{"WordsForAnEmptyQuote", newsroom.QuoteRead{Text: read(words)}, "", "", []string{"text"}, "it now reads “”"},
		{"OtherSpeaker", newsroom.QuoteRead{Text: read(words), Speaker: read("Marco Ruiz")}, words, speaker, []string{"speaker"},
			"it is now credited to “" + speaker + "”; check who said it"},
		{"SpeakerGone", newsroom.QuoteRead{Speaker: read("Marco Ruiz")}, words, "", []string{"speaker"}, "it is now credited to nobody"},
		{"OtherWordsStoredDecomposed", newsroom.QuoteRead{Text: read("the harbour café closes")}, norm.NFD.String(words), speaker, []string{"text"}, "check the new words"},
		{"Both", newsroom.QuoteRead{Text: read("the café closes"), Speaker: read("Marco Ruiz")}, words, speaker, []string{"text", "speaker"},
			"it now reads “" + words + "”, credited to “" + speaker + "”; check the new words and who said them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckQuoteRead(7, tt.read.Normalize(), tt.text, tt.speaker)
			if tt.changed == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			c, ok := newsroom.QuoteChanged(err)
			msg := newsroom.ErrorMessage(err)
			if newsroom.ErrorCode(err) != newsroom.ECONFLICT || !ok || !reflect.DeepEqual(c.Changed, tt.changed) || c.Text != tt.text || c.Speaker != tt.speaker ||
				!strings.Contains(msg, "#7") || !strings.Contains(msg, tt.says) {
				t.Fatalf("refused with %q, %+v (%v), want a conflict on #7 with %v saying %q", msg, c, ok, tt.changed, tt.says)
			}
		})
	}
}

// TestQuoteCleared: a quote is cleared, and the ledger folds its forms away, when no gate that
// approve, schedule or publish applies waits on it. quotes_cleared lets it through when it is
// checked as verified or unverifiable, disputed with an editor's waiver, or marked as no quotation
// whatever its check; brief_matches_body holds back a brief quote, however checked, whose words
// the body does not quote or quotes in a body quote that is not cleared. Each row's quote is the
// last of its ledger, and what the gates refuse is asked of the gates themselves.
func TestQuoteCleared(t *testing.T) {
	waiver := &newsroom.Waiver{Note: "Both wordings are on the record."}
	dismissal := &newsroom.Dismissal{Note: "A banner, not speech."}
	text := newsroom.Text{Brief: "The mayor said “Fares stay as they were.”", Body: "“Fares stay as they are,” the mayor added."}
	body := func(st newsroom.QuoteStatus) newsroom.Quote {
		return newsroom.Quote{ID: 1, Field: "body", Text: "Fares stay as they are,", Status: st}
	}
	brief := func(words string, st newsroom.QuoteStatus, d *newsroom.Dismissal) newsroom.Quote {
		return newsroom.Quote{ID: 2, Field: "brief", Text: words, Status: st, NotQuote: d}
	}
	for _, tt := range []struct {
		name   string
		ledger []newsroom.Quote
		want   bool
	}{
		{"Unchecked", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteUnchecked}}, false},
		{"Verified", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteVerified}}, true},
		{"Unverifiable", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteUnverifiable}}, true},
		{"Disputed", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteDisputed}}, false},
		{"DisputedWaived", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteDisputed, Waiver: waiver}}, true},
		{"UncheckedNotQuote", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteUnchecked, NotQuote: dismissal}}, true},
		{"DisputedNotQuote", []newsroom.Quote{{ID: 1, Field: "body", Status: newsroom.QuoteDisputed, NotQuote: dismissal}}, true},
		{"BriefBackedVerified", []newsroom.Quote{body(newsroom.QuoteVerified), brief("Fares stay as they are.", newsroom.QuoteVerified, nil)}, true},
		{"BriefMisquotedVerified", []newsroom.Quote{body(newsroom.QuoteVerified), brief("Fares stay as they were.", newsroom.QuoteVerified, nil)}, false},
		{"BriefMisquotedNotQuote", []newsroom.Quote{body(newsroom.QuoteVerified), brief("Fares stay as they were.", newsroom.QuoteUnchecked, dismissal)}, true},
		{"BriefOnUncheckedBody", []newsroom.Quote{body(newsroom.QuoteUnchecked), brief("Fares stay as they are.", newsroom.QuoteVerified, nil)}, false},
		{"BriefUnchecked", []newsroom.Quote{body(newsroom.QuoteVerified), brief("Fares stay as they are.", newsroom.QuoteUnchecked, nil)}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.ledger[len(tt.ledger)-1]
			check := newsroom.CheckBrief(text, tt.ledger)
			if got := check.Cleared(q); got != tt.want {
				t.Errorf("Cleared() = %v, want %v", got, tt.want)
			}
			held := false
			var refusal *newsroom.Error
			if errors.As(newsroom.QuoteGate("approve", newsroom.GateQuotesCleared, tt.ledger), &refusal) {
				held = slices.Contains(refusal.Details["quotes"].([]int64), q.ID)
			}
			if errors.As(newsroom.BriefGate("approve", check), &refusal) {
				held = held || slices.ContainsFunc(refusal.Details["brief_quotes"].([]newsroom.BriefQuote), func(b newsroom.BriefQuote) bool { return b.QuoteID == q.ID })
			}
			if held == tt.want {
				t.Errorf("the gates approve applies hold it back: %v, Cleared says %v", held, tt.want)
			}
		})
	}
}
