package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// quoteRowsBody has six quotations, to be left in six states.
const quoteRowsBody = "“The ferry runs all winter,” said Mayor Ana Ruiz.\n“Fares stay as they are,” the mayor added.\n" +
	"“We will watch the costs,” said councillor Lee.\n“It is too late,” said Tom Ward.\n“Nobody asked us,” said Mia Lund.\n" +
	"A banner read “Keep the Harbour Open” all week."

// quoteRow is the row of quote qid in a draft page's ledger, or a failure.
func quoteRow(t *testing.T, page string, qid int64) *html.Node {
	t.Helper()
	row := find(parseHTML(t, page), func(n *html.Node) bool { return n.Data == "li" && attr(n, "id") == fmt.Sprintf("quote-%d", qid) })
	if row == nil {
		t.Fatalf("the ledger has no row for quote %d", qid)
	}
	return row
}

// folded is the row's fold of its forms ("Change the verdict"), or nil when its forms show.
func folded(row *html.Node) *html.Node {
	return find(row, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "quote-change") })
}

// TestQuoteRowsFoldWhenCleared: the ledger keeps open the forms of a quote something waits on (a
// fact-checker's check, an editor's waiver) and folds those of a cleared one behind "Change the
// verdict", under a line saying its verdict, who gave it and when; a quote marked as no quotation
// says so on its status line and folds them behind "It is a quotation after all". A verdict
// refused because the quote changed comes back with its row's fold open and what was typed in it.
func TestQuoteRowsFoldWhenCleared(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	api := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":%q,"version":%d}`, quoteRowsBody, d.Version)), 200)
	qs := decode[[]newsroom.Quote](t, a.do("editor", "GET", api+"/quotes", ""))
	if len(qs) != 6 {
		t.Fatalf("the ledger has %d quotes, want 6", len(qs))
	}
	quote := func(i int) string { return fmt.Sprintf("%s/quotes/%d", api, qs[i].ID) }
	wantStatus(t, a.do("editor", "PUT", quote(1), `{"status":"verified","source":"council recording"}`), 200)
	wantStatus(t, a.do("editor", "PUT", quote(2), `{"status":"disputed","note":"Not on the tape."}`), 200)
	wantStatus(t, a.do("editor", "PUT", quote(3), `{"status":"unverifiable","note":"No recording."}`), 200)
	wantStatus(t, a.do("editor", "PUT", quote(4), `{"status":"disputed","note":"Not on the tape."}`), 200)
	wantStatus(t, a.do("editor", "POST", quote(4)+"/waive", `{"note":"Both wordings are on the record."}`), 200)
	wantStatus(t, a.do("editor", "POST", quote(5)+"/not-quote", `{"note":"A banner, not speech."}`), 200)
	qs = decode[[]newsroom.Quote](t, a.do("editor", "GET", api+"/quotes", ""))
	target := fmt.Sprintf("/drafts/%d", d.ID)
	page := a.page("editor", "GET", target, nil).Body.String()

	for i, q := range qs {
		t.Run(fmt.Sprintf("Quote%d", i), func(t *testing.T) {
			row := quoteRow(t, page, q.ID)
			form := find(row, func(n *html.Node) bool { return n.Data == "form" && hasClass(n, "quote-check") })
			if form == nil {
				t.Fatal("the row has no verdict form")
			}
			fold := folded(row)
			if (fold != nil) != q.Cleared() {
				t.Fatalf("status %s, waived %v, no quotation %v: folded %v", q.Status, q.Waiver != nil, q.NotQuote != nil, fold != nil)
			}
			if fold == nil {
				return
			}
			if _, open := attrOK(fold, "open"); open {
				t.Error("the fold of a cleared quote is open")
			}
			if find(fold, func(n *html.Node) bool { return n == form }) == nil {
				t.Error("the verdict form is outside the fold")
			}
			summary := fold.FirstChild
			if summary == nil || summary.Data != "summary" {
				t.Fatal("the fold does not start with its summary")
			}
			// A verdict is what takes back a finding of no quotation, so that fold offers it as that.
			holds := "Change the verdict"
			if q.NotQuote != nil {
				holds = "It is a quotation after all"
			}
			if got := textOf(summary); !strings.HasPrefix(got, holds) || !strings.Contains(got, fmt.Sprintf("#%d", q.ID)) {
				t.Errorf("the fold reads %q, not %q on its quote", got, holds)
			}
			verdict := find(row, func(n *html.Node) bool { return hasClass(n, "quote-verdict") })
			if q.NotQuote != nil {
				if got := textOf(verdict); !strings.HasPrefix(got, "Status: – Not a quotation, says "+q.NotQuote.By.Name) ||
					!strings.Contains(got, q.NotQuote.Note) || strings.Contains(got, "Unchecked") {
					t.Errorf("the status line of a quote marked as no quotation reads %q", got)
				}
				return
			}
			if q.CheckedAt != nil {
				at := find(verdict, func(n *html.Node) bool { return n.Data == "time" })
				if at == nil || attr(at, "datetime") != q.CheckedAt.UTC().Format("2006-01-02T15:04:05Z") {
					t.Errorf("the verdict line %q does not say when it was given", textOf(verdict))
				}
			}
			if q.CheckedBy != nil && !strings.Contains(textOf(verdict), "by "+q.CheckedBy.Name) {
				t.Errorf("the verdict line %q does not say who gave it", textOf(verdict))
			}
		})
	}

	t.Run("RefusedComesBackOpen", func(t *testing.T) {
		const note, source = "The tape has “as they were”.", "tape, 00:14:02"
		said, now := qs[1].Text, strings.Replace(qs[1].Text, "as they are", "where they are", 1)
		cur := decode[newsroom.Draft](t, a.do("editor", "GET", api, ""))
		wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":%q,"version":%d}`, strings.Replace(quoteRowsBody, said, now, 1), cur.Version)), 200)
		wantStatus(t, a.do("editor", "PUT", quote(1), fmt.Sprintf(`{"status":"verified","text":%q}`, now)), 200)
		res := a.page("editor", "POST", target+fmt.Sprintf("/quotes/%d", qs[1].ID),
			url.Values{"status": {"disputed"}, "note": {note}, "source": {source}, "text": {said}, "speaker": {qs[1].Speaker}})
		if res.Code != 409 {
			t.Fatalf("the verdict on the words before was answered %d, want 409", res.Code)
		}
		fold := folded(quoteRow(t, res.Body.String(), qs[1].ID))
		if fold == nil {
			t.Fatal("the quote, verified again meanwhile, is not folded")
		}
		if _, open := attrOK(fold, "open"); !open {
			t.Error("the refused verdict's form comes back folded away")
		}
		for field, typed := range map[string]string{"note": note, "source": source} {
			in := find(fold, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == field })
			if in == nil || attr(in, "value") != typed {
				t.Errorf("the %s typed is not kept in the form shown again", field)
			}
		}
	})
}

// TestQuoteRowsFoldNothingApprovalWaitsOn: a brief quote whose words the body quotes otherwise
// holds approval back though a fact-checker verified it, so its row keeps its forms open, as the
// body quote's, verified and quoted rightly, folds them.
func TestQuoteRowsFoldNothingApprovalWaitsOn(t *testing.T) {
	a := newTestApp(t)
	draft := `{"title":"Fares","byline":"Writer","brief":"The mayor said “Fares stay as they were.”","body":"“Fares stay as they are,” the mayor added."}`
	res := a.do("writer", "POST", "/api/v1/drafts", draft)
	wantStatus(t, res, 201)
	id := decode[struct{ ID int64 }](t, res).ID
	transitions := fmt.Sprintf("/api/v1/drafts/%d/transitions", id)
	wantStatus(t, a.do("writer", "POST", transitions, `{"action":"submit"}`), 200)
	a.verifyQuotes(id)
	wantStatus(t, a.do("factchecker", "POST", transitions, `{"action":"clear"}`), 200)
	res = a.do("editor", "POST", transitions, `{"action":"approve"}`)
	wantStatus(t, res, 409)
	held, _ := decode[apiError](t, res).Error.Details["brief_quotes"].([]any)
	if len(held) != 1 {
		t.Fatalf("approve is held back by %v, want one brief quote", held)
	}
	briefID := int64(held[0].(map[string]any)["quote_id"].(float64))
	page := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", id), nil).Body.String()
	for _, q := range decode[[]newsroom.Quote](t, a.do("editor", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", id), "")) {
		if fold := folded(quoteRow(t, page, q.ID)); (fold == nil) != (q.ID == briefID) {
			t.Errorf("quote #%d (%s, %s): folded %v, while approve waits on quote #%d", q.ID, q.Field, q.Status, fold != nil, briefID)
		}
	}
}
