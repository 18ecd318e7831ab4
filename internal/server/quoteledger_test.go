package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteLedgerPanel shows the ledger panel of a draft whose verified quote an edit reworded:
// the quote's row keeps its id and shows it as the number refusals name it by, says its status in a word beside a symbol hidden from screen
// readers, numbers its paragraph from 1, and keeps its history (the finding, the verdict, and
// the words the verdict was on); the verdict buttons differ by word and symbol.
func TestQuoteLedgerPanel(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	qid := a.firstQuote(d.ID)
	body := "Body with a “quote, reworded”."
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	row := between(t, res.Body.String(), fmt.Sprintf(`id="quote-%d">`, qid), "</li>\n</ol>")
	for _, want := range []string{
		`“quote, reworded”`,
		// The number a refusal names it by ("quote #7 … is unchecked") is on its row.
		fmt.Sprintf(`<p class="meta"><span class="quote-id">#%d</span> · `, qid),
		`body <span class="paragraph"><span aria-hidden="true">¶</span><span class="visually-hidden">paragraph </span>1</span>`,
		`Status: <span class="quote-status status-unchecked"><span aria-hidden="true">○</span> Unchecked</span>`,
		`<details class="quote-history"><summary>History of this quote (3)</summary>`,
		`found in the text <bdi>Writer</bdi> saved</li>`,
		`<span class="quote-status status-verified"><span aria-hidden="true">✓</span> Verified</span>, says <bdi>Factchecker</bdi> (source: recording)</li>`,
		`back to unchecked: <bdi>Editor</bdi>'s edit changed its words. It read <span class="old-words" dir="auto">“quote”</span> and was <span class="quote-status status-verified"><span aria-hidden="true">✓</span> Verified</span> (source: recording)</li>`,
		`value="verified" class="verdict verdict-verified" formnovalidate><span aria-hidden="true">✓</span> Verified</button>`,
		`value="disputed" class="verdict verdict-disputed"><span aria-hidden="true">✗</span> Disputed</button>`,
		`value="unverifiable" class="verdict verdict-unverifiable"><span aria-hidden="true">?</span> Unverifiable</button>`,
	} {
		if !strings.Contains(row, want) {
			t.Errorf("the quote's row lacks %s:\n%s", want, row)
		}
	}
}

// TestQuoteLedgerReattributed shows, in a quote's history, the check an edit took back by
// crediting the quote to someone else, with the speaker the check was made for.
func TestQuoteLedgerReattributed(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	body := "“The bridge opens in May,” said Rosa Delgado."
	d, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	var qid int64
	for _, q := range mustLedger(t, a, d.ID) {
		if q.Speaker == "Rosa Delgado" {
			qid = q.ID
		}
	}
	if _, err := a.store.CheckQuote(ctxAs(a, "editor"), d.ID, qid, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "recording"}); err != nil {
		t.Fatal(err)
	}
	body = strings.Replace(body, "Rosa Delgado", "Marco Ruiz", 1)
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	row := between(t, res.Body.String(), fmt.Sprintf(`id="quote-%d">`, qid), "</li>\n</ol>")
	for _, want := range []string{
		`Status: <span class="quote-status status-unchecked">`,
		`back to unchecked: <bdi>Editor</bdi>'s edit credited it to someone else. It was <span class="old-words" dir="auto">Rosa Delgado</span>'s and was <span class="quote-status status-verified"><span aria-hidden="true">✓</span> Verified</span> (source: recording)</li>`,
	} {
		if !strings.Contains(row, want) {
			t.Errorf("the quote's row lacks %s:\n%s", want, row)
		}
	}
}

// TestQuoteLedgerCopyPasted shows, in a quote's history, the check taken back when a copy of
// the quotation was pasted beside it: the edit changed none of its words, and the history says
// the check is held until it is clear which is the original.
func TestQuoteLedgerCopyPasted(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	lee := "Dr. Lee said: “No comment.”"
	body := "Engineers said the bridge was safe. " + lee + " The council met."
	d, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs := mustLedger(t, a, d.ID)
	if len(qs) != 1 {
		t.Fatalf("ledger = %+v, want Dr. Lee's quote", qs)
	}
	qid := qs[0].ID
	if _, err := a.store.CheckQuote(ctxAs(a, "editor"), d.ID, qid, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "recording"}); err != nil {
		t.Fatal(err)
	}
	body = strings.Replace(body, lee, lee+" "+lee, 1)
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	row := between(t, res.Body.String(), fmt.Sprintf(`id="quote-%d">`, qid), "</li>\n</ol>")
	for _, want := range []string{
		`Status: <span class="quote-status status-unchecked">`,
		`back to unchecked: <bdi>Editor</bdi>'s edit pasted a copy of the quotation beside it, so its check is held until it is clear which is the original. It was <span class="quote-status status-verified"><span aria-hidden="true">✓</span> Verified</span> (source: recording)</li>`,
	} {
		if !strings.Contains(row, want) {
			t.Errorf("the quote's row lacks %s:\n%s", want, row)
		}
	}
	if strings.Contains(row, "changed its words") {
		t.Errorf("the quote's row says an edit changed its words, which no edit did:\n%s", row)
	}
}

func mustLedger(t *testing.T, a *testApp, id int64) []newsroom.Quote {
	t.Helper()
	qs, err := a.store.Quotes(ctxAs(a, "editor"), id)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// between returns the part of s from start up to end, failing the test when start is missing.
func between(t *testing.T, s, start, end string) string {
	t.Helper()
	i := strings.Index(s, start)
	if i < 0 {
		t.Fatalf("no %s in:\n%s", start, s)
	}
	s = s[i:]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return s
}

// paragraphRE finds a ledger row's field and paragraph number.
var paragraphRE = regexp.MustCompile(`(\w+) <span class="paragraph"><span aria-hidden="true">¶</span><span class="visually-hidden">paragraph </span>(\d+)</span>`)

// TestQuoteLedgerParagraphs numbers each quote's paragraph on the page as a reader counts:
// from 1, leaving out the blank lines that space paragraphs apart.
func TestQuoteLedgerParagraphs(t *testing.T) {
	a := newTestApp(t)
	cases := []struct {
		name, brief, body string
		want              []string // each quote's field and paragraph, in the ledger's order
	}{
		{"FirstParagraph", "Brief.", "“One,” she said.\nTwo.", []string{"body ¶1"}},
		{"LaterParagraphs", "Brief.", "One.\n“Two,” she said.\nThree.\n“Four,” he said.", []string{"body ¶2", "body ¶4"}},
		{"BlankLinesBetween", "Brief.", "One.\n\n“Two,” she said.\n\n\n“Three,” he said.", []string{"body ¶2", "body ¶3"}},
		{"BriefAndBody", "The “plan”.", "“One,” she said.", []string{"brief ¶1", "body ¶1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: c.name, Byline: "Writer", Brief: c.brief, Body: c.body})
			if err != nil {
				t.Fatal(err)
			}
			res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
			wantStatus(t, res, http.StatusOK)
			var got []string
			for _, m := range paragraphRE.FindAllStringSubmatch(res.Body.String(), -1) {
				got = append(got, m[1]+" ¶"+m[2])
			}
			if strings.Join(got, ", ") != strings.Join(c.want, ", ") {
				t.Errorf("paragraphs %q, want %q", got, c.want)
			}
		})
	}
}

// TestQuoteFormsKeepTheirPlace returns the viewer from every form about a quote, done or
// refused, to the quote's own row on the draft's page.
func TestQuoteFormsKeepTheirPlace(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	qid := a.firstQuote(d.ID)
	base := fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qid)
	cases := []struct {
		name, path string
		form       url.Values
		flash      string
	}{
		{"Verdict", base, url.Values{"status": {"disputed"}, "note": {"Not on the tape."}}, "marked disputed."},
		{"RefusedVerdict", base, url.Values{"status": {"disputed"}}, "Not done: a disputed quote needs a note saying why"},
		{"Waiver", base + "/waive", url.Values{"note": {"Both wordings are on the record."}}, "Waiver recorded for quote"},
		{"NotAQuote", base + "/not-quote", url.Values{"note": {"A title."}}, "marked as no quotation."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := a.page("editor", "POST", c.path, c.form)
			want := fmt.Sprintf("/drafts/%d#quote-%d", d.ID, qid)
			if res.Code != http.StatusSeeOther || res.Header().Get("Location") != want {
				t.Fatalf("answer %d to %s, want 303 to %s", res.Code, res.Header().Get("Location"), want)
			}
			if got := flashOf(res); !strings.Contains(got, c.flash) {
				t.Errorf("the redirect says %q, want %q", got, c.flash)
			}
		})
	}
}
