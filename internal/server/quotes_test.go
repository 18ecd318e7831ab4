package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteLedgerAPI takes a draft with two quotes through the ledger's gates over the API: the
// check, the refusal to approve a disputed quote, the reset when an edit changes a quote's words,
// and the editor's waiver.
func TestQuoteLedgerAPI(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Border","byline":"Sarah Johnson","brief":"Brief.","body":"“We can work together,” she told Trump.\nKelly praised the “robust cooperation” of both."}`)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	quotes := func(actor string) map[string]newsroom.Quote {
		t.Helper()
		res := a.do(actor, "GET", base+"/quotes", "")
		wantStatus(t, res, 200)
		m := map[string]newsroom.Quote{}
		for _, q := range decode[[]newsroom.Quote](t, res) {
			m[q.Text] = q
		}
		return m
	}
	qs := quotes("writer")
	work, coop := qs["We can work together,"], qs["robust cooperation"]
	if len(qs) != 2 || work.Status != "unchecked" || coop.Speaker != "Kelly" {
		t.Fatalf("ledger = %+v", qs)
	}
	wantStatus(t, a.do("writer", "POST", base+"/transitions", `{"action":"submit"}`), 200)
	put := func(actor string, q newsroom.Quote, body string, status int) {
		t.Helper()
		wantStatus(t, a.do(actor, "PUT", fmt.Sprintf("%s/quotes/%d", base, q.ID), body), status)
	}
	put("factchecker", coop, `{"status":"disputed"}`, 422)
	put("factchecker", coop, `{"status":"bogus"}`, 422)
	put("writer", coop, `{"status":"verified"}`, 403)
	put("factchecker", coop, `{"status":"disputed","note":"Kelly said “close”, not “robust”."}`, 200)
	put("factchecker", work, `{"status":"verified","source":"pool recording"}`, 200)
	wantStatus(t, a.do("factchecker", "POST", base+"/transitions", `{"action":"clear"}`), 200)

	res = a.do("editor", "POST", base+"/transitions", `{"action":"approve"}`)
	wantStatus(t, res, 409)
	if !strings.Contains(res.Body.String(), "robust cooperation") || !strings.Contains(res.Body.String(), "disputed") {
		t.Fatalf("approve refusal does not list the disputed quote: %s", res.Body.String())
	}
	// The editor rewords the verified quote: it loses its check.
	res = a.do("editor", "PUT", base, `{"body":"“We can work together, side by side,” she told Trump.\nKelly praised the “robust cooperation” of both.","version":1}`)
	wantStatus(t, res, 200)
	qs = quotes("editor")
	if q := qs["We can work together, side by side,"]; q.ID != work.ID || q.Status != "unchecked" {
		t.Fatalf("edited quote = %+v", q)
	}
	if q := qs["robust cooperation"]; q.Status != "disputed" {
		t.Fatalf("unchanged quote lost its check: %+v", q)
	}
	put("editor", qs["We can work together, side by side,"], `{"status":"verified","source":"pool recording, 00:12"}`, 200)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("%s/quotes/%d/waive", base, coop.ID), `{"note":""}`), 422)
	res = a.do("editor", "POST", fmt.Sprintf("%s/quotes/%d/waive", base, coop.ID), `{"note":"Both wordings are on the record."}`)
	wantStatus(t, res, 200)
	if w := decode[newsroom.Quote](t, res).Waiver; w == nil || w.Note != "Both wordings are on the record." || w.By.Username != "editor" {
		t.Fatalf("waiver = %+v", w)
	}
	wantStatus(t, a.do("editor", "POST", base+"/transitions", `{"action":"approve"}`), 200)
	wantStatus(t, a.do("editor", "POST", base+"/publish", ""), 200)

	res = a.do("editor", "GET", base+"/history", "")
	h := decode[newsroom.History](t, res)
	var events []string
	for _, e := range h.Quotes {
		events = append(events, e.Event+":"+string(e.Status))
	}
	want := "found:unchecked found:unchecked check:disputed check:verified reset:verified check:verified waive:disputed"
	if strings.Join(events, " ") != want {
		t.Fatalf("quote history = %q, want %q", strings.Join(events, " "), want)
	}
	for _, u := range []string{"/articles/border", "/articles/border.json", "/articles/border.txt"} {
		if body := a.do("", "GET", u, "").Body.String(); strings.Contains(body, "Both wordings") || strings.Contains(body, "pool recording") {
			t.Fatalf("%s leaks a quote check or waiver", u)
		}
	}
}
