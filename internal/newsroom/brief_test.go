package newsroom_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckBriefQuotes(t *testing.T) {
	verified, unchecked, disputed, unverifiable := newsroom.QuoteVerified, newsroom.QuoteUnchecked, newsroom.QuoteDisputed, newsroom.QuoteUnverifiable
	body := func(id int64, text string, st newsroom.QuoteStatus) newsroom.Quote {
		return newsroom.Quote{ID: id, Field: "body", Text: text, Status: st}
	}
	dismissed := body(8, "Zero tolerance,", unchecked)
	dismissed.NotQuote = &newsroom.Dismissal{Note: "a slogan on a banner, not speech"}
	waived := body(9, "The bridge was never safe,", disputed)
	waived.Waiver = &newsroom.Waiver{Note: "on tape, disputed by the council only"}
	tests := []struct {
		name     string
		brief    string
		body     []newsroom.Quote
		notQuote bool // the brief quote is marked as no quotation
		wantHeld bool
		wantBody int64 // the body quote the finding names, 0 for none
		found    bool
	}{
		{"ExactMatch", "We will rebuild the pier.", []newsroom.Quote{body(3, "We will rebuild the pier.", verified)}, false, false, 0, false},
		{"Fragment", "we will rebuild the pier", []newsroom.Quote{body(3, "We will rebuild the pier, whatever it costs,", verified)}, false, false, 0, false},
		{"CurlyVersusStraight", "We don’t “negotiate” with vandals", []newsroom.Quote{body(4, `We don't "negotiate" with vandals.`, verified)}, false, false, 0, false},
		{"CornerBracketsVersusCurly", "他说「不要『改革』」", []newsroom.Quote{body(4, "他说“不要‘改革’”", verified)}, false, false, 0, false},
		{"WhiteSpace", "a  town\u00a0that floods", []newsroom.Quote{body(4, "It is a town that\nfloods every spring.", verified)}, false, false, 0, false},
		{"NFCAccents", "Zoë Ménard was right", []newsroom.Quote{body(5, "Zoe\u0308 Me\u0301nard was right all along.", verified)}, false, false, 0, false},
		{"Waived", "The bridge was never safe", []newsroom.Quote{waived}, false, false, 0, false},
		{"SecondCarrierVerified", "no comment", []newsroom.Quote{body(6, "No comment.", unchecked), body(7, "No comment,", verified)}, false, false, 0, false},
		{"Unverified", "We will rebuild the pier.", []newsroom.Quote{body(3, "We will rebuild the pier.", unchecked)}, false, true, 3, true},
		{"MisquoteByOneWord", "We will rebuild the harbour", []newsroom.Quote{body(2, "Nobody asked us,", verified), body(3, "We will rebuild the pier.", verified)}, false, true, 3, false},
		{"WordOrder", "the pier we will rebuild", []newsroom.Quote{body(3, "We will rebuild the pier.", verified)}, false, true, 3, false},
		{"OnlyInTheBrief", "A disgrace", nil, false, true, 0, false},
		{"Unverifiable", "We will rebuild the pier.", []newsroom.Quote{body(3, "We will rebuild the pier.", unverifiable)}, false, false, 0, false},
		{"DisputedNotWaived", "We will rebuild the pier.", []newsroom.Quote{body(3, "We will rebuild the pier.", disputed)}, false, true, 3, true},
		{"BodyQuoteNotAQuotation", "zero tolerance", []newsroom.Quote{dismissed}, false, false, 0, false},
		{"BriefQuoteNotAQuotation", "A disgrace", nil, true, false, 0, false},
		{"QuestionIsNotAStatement", "We will rebuild?", []newsroom.Quote{body(3, "We will rebuild.", verified)}, false, true, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			brief := newsroom.Quote{ID: 1, Field: "brief", Text: tt.brief, Status: verified}
			if tt.notQuote {
				brief.NotQuote = &newsroom.Dismissal{Note: "a title, not speech"}
			}
			ledger := append([]newsroom.Quote{brief}, tt.body...)
			c := newsroom.CheckBrief(newsroom.Text{}, ledger)
			if held := len(c.Quotes) > 0; held != tt.wantHeld {
				t.Fatalf("CheckBrief held %v, want %v: %+v", held, tt.wantHeld, c.Quotes)
			}
			if !tt.wantHeld {
				return
			}
			q := c.Quotes[0]
			if q.QuoteID != 1 || q.Text != tt.brief || q.BodyQuoteID != tt.wantBody || q.Found != tt.found {
				t.Errorf("finding = %+v, want brief quote 1 %q against body quote %d (found %v)", q, tt.brief, tt.wantBody, tt.found)
			}
			if !strings.Contains(q.Message, tt.brief) || (q.BodyText != "" && !strings.Contains(q.Message, q.BodyText)) {
				t.Errorf("message %q names neither the brief's words nor the body's %q", q.Message, q.BodyText)
			}
		})
	}
}

func TestCheckBriefNumbers(t *testing.T) {
	tests := []struct {
		name, brief, body string
		want              []string
	}{
		{"Percent", "Rents rose 7.5% this year.", "Rents rose 7.5 percent, the council said.", nil},
		{"PercentNotStated", "Rents rose 7.5%.", "Rents rose 7.5 points, or 75 per cent of the cap.", []string{"7.5%"}},
		{"PerCent", "Turnout was 61 per cent.", "Turnout reached 61%.", nil},
		{"CurrencyScale", "A $1.2 million grant", "The grant, $1,200,000 in all, came late.", nil},
		{"CurrencyNamedInWords", "A $1.2 million grant", "A grant of 1.2 million dollars.", nil},
		{"OtherCurrency", "A $1.2 million grant", "A grant of €1.2 million.", []string{"$1.2 million"}},
		{"CurrencyScaleAbbreviated", "It cost $1.2bn, €1.1m and £500k.", "It cost $1.2 billion, €1,100,000 and £500,000.", nil},
		{"CurrencyScaleAbbreviatedInBody", "A $2 trillion plan and a ¥180 million fund.", "A $2tn plan and a ¥180 mn fund.", nil},
		{"CurrencyScaleAbbreviatedWrong", "It cost $1.2bn.", "It cost $1.2 million.", []string{"$1.2bn"}},
		{"MetresAreNoScale", "A 1.2m wall.", "A wall of 1.2 million bricks.", []string{"1.2"}},
		{"HyphenedLetterIsNoScale", "A $5,000 machine.", "A $5 K-cup machine.", []string{"$5,000"}},
		{"AmpersandedLetterIsNoScale", "A $10 million deal.", "A $10 M&A deal.", []string{"$10 million"}},
		{"PercentRange", "Fees rose 10% to 15%.", "Fees rose 10–15%, and 3-4 % in 2024-09.", nil},
		{"PercentAfterSpace", "Pay rose 3.5% and 2%.", "Pay rose 3,5\u00a0% and 2 %.", nil},
		{"DateIsNoPercentRange", "In 2024, 9% voted.", "On 2024-09-29, 9% voted.", nil},
		{"RangeOfPercentIsNoPlainNumber", "In 2024, 9% voted.", "Between 2024–2025% voted 9%.", []string{"2024"}},
		{"ThousandsSeparator", "1,200 homes flooded", "In all 1200 homes were flooded.", nil},
		{"NarrowNoBreakSpace", "1\u202f200 homes", "1,200 homes were flooded.", nil},
		{"DecimalComma", "Prices fell 2,5%", "Prices fell 2.5%.", nil},
		{"WrongFigure", "1,200 homes flooded", "In all 1,300 homes were flooded.", []string{"1,200"}},
		{"NumberWords", "Three schools and 12 roads closed", "3 schools and twelve roads were closed.", nil},
		{"NumberWordMissing", "Seven people were hurt.", "Six people were hurt.", []string{"Seven"}},
		{"FractionWords", "Two-thirds of voters and three quarters of homes.", "67% of voters and 75% of homes.", nil},
		{"NumberWordBeforeCompound", "Two quarter-finals, three half-days and two third‑party bids.", "Five quarter-finals, four half-days and third-party bids.", []string{"Two", "three", "two"}},
		{"NumberWordBeforeOtherWords", "Two thirty-somethings and three tenors.", "A pair of thirty-somethings and tenors.", []string{"Two", "three"}},
		{"SpacedDenominatorWithoutOfIsCounted", "GDP fell for two quarters. She finished with two third places.", "GDP has now fallen for three quarters in a row. She finished with three third places.", []string{"two", "two"}},
		{"SpacedDenominatorCountedInTheBody", "The economy shrank for two consecutive quarters. Rovers won three of the four.", "GDP has fallen for two quarters in a row. Rovers won three of the four quarters.", nil},
		{"OneIsAPronoun", "One of the bridges fell.", "A bridge fell.", nil},
		{"InsideAWord", "The A4 was shut for 2 days.", "The road was shut for two days.", nil},
		{"TrailingZeros", "A 2.50% fee", "A fee of 2.5%.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newsroom.CheckBrief(newsroom.Text{Brief: tt.brief, Body: tt.body}, nil)
			var got []string
			for _, n := range c.Numbers {
				got = append(got, n.Text)
				if []rune(tt.brief)[n.Position] != []rune(n.Text)[0] || !strings.Contains(n.Message, n.Text) {
					t.Errorf("number %+v: wrong position or message", n)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckBrief numbers = %q, want %q", got, tt.want)
			}
			if len(c.Quotes) != 0 {
				t.Errorf("numbers made quote findings: %+v", c.Quotes)
			}
		})
	}
}

func TestBriefGate(t *testing.T) {
	ledger := []newsroom.Quote{
		{ID: 1, Field: "brief", Text: "We will rebuild the harbour", Status: newsroom.QuoteVerified},
		{ID: 2, Field: "body", Text: "We will rebuild the pier.", Status: newsroom.QuoteVerified},
	}
	err := newsroom.BriefGate("approve", newsroom.CheckBrief(newsroom.Text{Brief: "7 boats", Body: "no figure"}, ledger))
	var e *newsroom.Error
	if !errors.As(err, &e) || e.Code != newsroom.ECONFLICT {
		t.Fatalf("BriefGate = %v, want a conflict", err)
	}
	if !strings.Contains(e.Message, "We will rebuild the harbour") || !strings.Contains(e.Message, "We will rebuild the pier.") {
		t.Errorf("message %q does not give both versions", e.Message)
	}
	if qs, ok := e.Details["brief_quotes"].([]newsroom.BriefQuote); !ok || len(qs) != 1 || qs[0].BodyQuoteID != 2 {
		t.Errorf("details = %+v, want the one brief quote against body quote 2", e.Details)
	}
	if err := newsroom.BriefGate("approve", newsroom.CheckBrief(newsroom.Text{Brief: "7 boats", Body: "no figure"}, ledger[1:])); err != nil {
		t.Errorf("a brief number alone held approval: %v", err)
	}
}

// FuzzCheckBrief feeds CheckBrief arbitrary briefs and bodies, each also quoted whole in the
// ledger, and checks what must hold for every input: no panic, every flagged number where the
// brief says it is, and a brief that the body repeats word for word backed in full.
func FuzzCheckBrief(f *testing.F) {
	f.Add("Rents rose 7.5% to $1,200.", "Rents rose 7.5 percent to 1200 dollars.")
	f.Add("Three “quoted” words, 1\u202f200 and 2,5 per cent", "1,2 million “Quoted,” 9.")
	f.Add("$1.2 million, 12 billion, 0.50%", "Twenty ten 3,000,000.000")
	f.Add("$1.2bn, €1.1 m, £5k, 10–15%, 3,5\u00a0% and 1-2-3%", "$1.2 billion, 10-15 percent, 2024-09-29 $5 mn")
	f.Fuzz(func(t *testing.T, brief, body string) {
		ledger := []newsroom.Quote{{ID: 1, Field: "brief", Text: brief}, {ID: 2, Field: "body", Text: body, Status: newsroom.QuoteVerified}}
		c := newsroom.CheckBrief(newsroom.Text{Brief: brief, Body: body}, ledger)
		rs := []rune(brief)
		for _, n := range c.Numbers {
			got := string(rs[n.Position:min(len(rs), n.Position+len([]rune(n.Text)))])
			if got != n.Text {
				t.Fatalf("number %+v: the brief has %q there", n, got)
			}
		}
		if strings.TrimSpace(brief) != "" && brief == body && (len(c.Quotes) != 0 || len(c.Numbers) != 0) {
			t.Fatalf("a body that repeats the brief does not back it: %+v", c)
		}
	})
}

// TestCheckBriefHostile holds CheckBrief to near-linear time on the worst inputs a draft's
// limits allow: it runs inside the approve transaction and on every view of the draft page.
func TestCheckBriefHostile(t *testing.T) {
	oneWords := []newsroom.Quote{}
	for i := range 800 {
		word := fmt.Sprintf("w%d", i*50) // every other one in the body, unchecked
		if i%2 == 1 {
			word = fmt.Sprintf("absent%d", i)
		}
		oneWords = append(oneWords, newsroom.Quote{ID: int64(i + 1), Field: "brief", Text: word})
	}
	for i := range 40000 {
		oneWords = append(oneWords, newsroom.Quote{ID: int64(1000 + i), Field: "body", Text: fmt.Sprintf("w%d", i), Status: newsroom.QuoteUnchecked})
	}
	long := []newsroom.Quote{
		{ID: 1, Field: "brief", Text: strings.Repeat("a ", 2399) + "b"},
		{ID: 2, Field: "body", Text: strings.Repeat("a ", 190000), Status: newsroom.QuoteVerified},
	}
	lengths := []newsroom.Quote{{ID: 1, Field: "body", Text: strings.Repeat("a ", 199000), Status: newsroom.QuoteUnchecked}}
	for k := 2; k < 70; k++ { // as many lengths as MaxBrief allows, each found at every word
		lengths = append(lengths, newsroom.Quote{ID: int64(k), Field: "brief", Text: strings.TrimSpace(strings.Repeat("a ", k))})
	}
	tests := []struct {
		name   string
		text   newsroom.Text
		ledger []newsroom.Quote
		held   int
	}{
		{"ManyOneWordQuotes", newsroom.Text{}, oneWords, 800},
		{"LongQuoteLongBody", newsroom.Text{}, long, 1},
		{"ManyLengthsCarriedUnchecked", newsroom.Text{}, lengths, 68},
		{"ManyNumbers", newsroom.Text{Brief: "7 boats", Body: strings.Repeat("1 ", 199000)}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The CPU time of the cheapest of three runs: other work on a shared machine (CI runs
			// packages side by side) slows the wall clock, not what CheckBrief costs.
			var c newsroom.BriefCheck
			took := time.Hour
			for range 3 {
				start := cputime.Used(t)
				c = newsroom.CheckBrief(tt.text, tt.ledger)
				took = min(took, cputime.Used(t)-start)
			}
			t.Logf("%s: %v", tt.name, took)
			if len(c.Quotes) != tt.held {
				t.Errorf("CheckBrief held %d quotes, want %d", len(c.Quotes), tt.held)
			}
			if took > 250*time.Millisecond {
				t.Errorf("CheckBrief took %v, want well under 250ms", took)
			}
		})
	}
}

// TestBriefCheckUntold: only a finding whose words a told body quote carries is dropped; a
// misquote stays even when its closest body quote was told, since clearing that quote does not
// make the brief match.
func TestBriefCheckUntold(t *testing.T) {
	c := newsroom.BriefCheck{Quotes: []newsroom.BriefQuote{
		{QuoteID: 1, BodyQuoteID: 10, Found: true},
		{QuoteID: 2, BodyQuoteID: 11, Found: true},
		{QuoteID: 3, BodyQuoteID: 10},
		{QuoteID: 4},
	}}
	for _, tc := range []struct {
		told []int64
		want []int64
	}{
		{nil, []int64{1, 2, 3, 4}},
		{[]int64{10}, []int64{2, 3, 4}},
		{[]int64{11, 10}, []int64{3, 4}},
		{[]int64{99}, []int64{1, 2, 3, 4}},
	} {
		var got []int64
		for _, q := range c.Untold(tc.told).Quotes {
			got = append(got, q.QuoteID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Untold(%v) keeps %v, want %v", tc.told, got, tc.want)
		}
	}
	if len(c.Quotes) != 4 {
		t.Errorf("Untold changed the check it was called on: %d findings left", len(c.Quotes))
	}
}
