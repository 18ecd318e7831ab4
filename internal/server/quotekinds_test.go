package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// kindsBody has one quotation of each kind.
const kindsBody = `{"title":"Tides","byline":"Sarah Johnson","brief":"Tides.","body":"“The tide turned at noon,” said harbourmaster Olu Bello.\nThe so-called “safe zone” flooded.\nA banner read “Keep the Harbour Open” all week."}`

// TestQuoteKindsAPI checks that the ledger's answer carries each quotation's kind and reason.
func TestQuoteKindsAPI(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", kindsBody)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	res = a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), "")
	wantStatus(t, res, 200)
	var got []string
	for _, q := range decode[[]newsroom.Quote](t, res) {
		got = append(got, fmt.Sprintf("%s/%s/%s", q.Text, q.Kind, q.Why))
	}
	want := []string{
		"The tide turned at noon,/statement/credited to Olu Bello",
		"safe zone/term/follows “so-called”",
		"Keep the Harbour Open/title/follows “read”",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("ledger kinds:\n got %q\nwant %q", got, want)
	}
}

// TestDraftPageFiltersQuotesByKind checks the ledger panel's ?quotes= filter: each kind shows its
// quotations with their reasons and no others, and an unknown kind is refused.
func TestDraftPageFiltersQuotesByKind(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", kindsBody)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	quoted := map[string]string{"statement": "The tide turned at noon,", "term": "safe zone", "title": "Keep the Harbour Open"}
	for _, tt := range []struct {
		query string
		shown []string
	}{
		{"", []string{"statement", "term", "title"}},
		{"?quotes=statement", []string{"statement"}},
		{"?quotes=term", []string{"term"}},
		{"?quotes=title", []string{"title"}},
	} {
		t.Run("Kind"+tt.query, func(t *testing.T) {
			res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d%s", d.ID, tt.query), nil)
			if res.Code != 200 {
				t.Fatalf("status %d", res.Code)
			}
			panel := res.Body.String()[strings.Index(res.Body.String(), `id="quotes"`):]
			for kind, text := range quoted {
				if shown := strings.Contains(panel, "<blockquote dir=\"auto\">“"+text); shown != contains(tt.shown, kind) {
					t.Errorf("%s quote shown = %v", kind, shown)
				}
			}
			if contains(tt.shown, "term") && !strings.Contains(panel, "(follows “so-called”)") {
				t.Error("the panel does not say why the term is one")
			}
		})
	}
	if res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d?quotes=rumour", d.ID), nil); res.Code != 400 && res.Code != 422 {
		t.Fatalf("unknown kind: status %d, want it refused", res.Code)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNotQuotePage marks a quotation as none from the draft page's ledger: the fact-checker is
// offered the form, the finding shows with its note, and the writer is refused.
func TestNotQuotePage(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", kindsBody)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`), 200)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	qid := a.firstQuote(d.ID)
	action := fmt.Sprintf("%s/quotes/%d/not-quote", target, qid)
	wantBody(t, a.page("factchecker", "GET", target, nil), `action="`+action+`"`)
	a.page("writer", "POST", action, url.Values{"note": {"Mine."}})
	if qs, _ := a.store.Quotes(ctxAs(a, "writer"), d.ID); qs[0].NotQuote != nil {
		t.Fatalf("the writer marked a quote: %+v", qs[0])
	}
	if res := a.page("factchecker", "POST", action, url.Values{"note": {"A banner, not speech."}}); res.Code != 303 {
		t.Fatalf("marking: status %d", res.Code)
	}
	res = a.page("factchecker", "GET", target, nil)
	wantBody(t, res, "Status: <span class=\"quote-status status-not-quote\"><span aria-hidden=\"true\">–</span> Not a quotation</span>, says", "A banner, not speech.")
	if strings.Contains(res.Body.String(), `action="`+action+`"`) {
		t.Error("the page still offers to mark the quote")
	}
}

// TestNotQuoteLeavesNoWork: words a fact-checker marks as no quotation are no work left, so the
// draft page neither marks them in the text as an unchecked quote nor opens on the Quotes tab
// for them, as it does while a quote waits for its check.
func TestNotQuoteLeavesNoWork(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	wantBody(t, a.page("factchecker", "GET", target, nil), `data-tab="quotes"`, `class="quote quote-unchecked"`)
	action := fmt.Sprintf("%s/quotes/%d/not-quote", target, a.firstQuote(d.ID))
	if res := a.page("factchecker", "POST", action, url.Values{"note": {"A word used as a word."}}); res.Code != 303 {
		t.Fatalf("marking: status %d", res.Code)
	}
	body := a.page("factchecker", "GET", target, nil).Body.String()
	if !strings.Contains(body, `data-tab="comments"`) || strings.Contains(body, `class="quote quote-unchecked"`) || !strings.Contains(body, `quote-not-quote`) {
		t.Errorf("after marking its one quote as no quotation the page opens on %q and marks the words %q",
			between(t, body, `data-tab="`, `" `), between(t, body, `<mark class="`, `" `))
	}
}

// TestQuotesTabSaysWhatWaits: the draft page's Quotes tab says how many quotations wait for the
// viewer's check, beside how many there are, so that a fact-checker on a phone (where the page
// opens on the text) sees there is work in the tab; a viewer who may not check quotes, and a
// fact-checker once every quote is checked or marked no quotation, sees the count alone.
func TestQuotesTabSaysWhatWaits(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", kindsBody)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`), 200)
	res = a.do("factchecker", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), "")
	wantStatus(t, res, 200)
	quotes := decode[[]newsroom.Quote](t, res)
	tab := func(user string) string {
		body := a.page(user, "GET", fmt.Sprintf("/drafts/%d", d.ID), nil).Body.String()
		return strings.TrimPrefix(between(t, body, `<a href="#quotes">`, `</a>`), `<a href="#quotes">`)
	}
	for _, tt := range []struct {
		name, user, want string
		check            int
	}{
		{"FactCheckerBeforeAnyCheck", "factchecker", `Quotes <span class="ws-n">(3)</span><b class="ws-due" aria-hidden="true">3</b><span class="visually-hidden"> (3 to check)</span>`, 0},
		{"WriterWhoMayNotCheck", "writer", `Quotes <span class="ws-n">(3)</span>`, 0},
		{"FactCheckerAfterOneCheck", "factchecker", `Quotes <span class="ws-n">(3)</span><b class="ws-due" aria-hidden="true">2</b><span class="visually-hidden"> (2 to check)</span>`, 1},
		{"FactCheckerAfterEveryCheck", "factchecker", `Quotes <span class="ws-n">(3)</span>`, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range quotes[:tt.check] {
				wantStatus(t, a.do("factchecker", "PUT", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", d.ID, q.ID), `{"status":"verified"}`), 200)
			}
			quotes = quotes[tt.check:]
			if got := tab(tt.user); got != tt.want {
				t.Errorf("the Quotes tab reads %q, want %q", got, tt.want)
			}
		})
	}
}
