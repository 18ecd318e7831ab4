package server_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// formTokenField finds the new-draft form's token in a page.
var formTokenField = regexp.MustCompile(`name="form_token" value="([^"]+)"`)

// newDraftForm fetches the new-draft form as actor and returns its token.
func (a *testApp) newDraftForm(actor string) string {
	a.t.Helper()
	res := a.page(actor, http.MethodGet, "/drafts/new", nil)
	wantStatus(a.t, res, http.StatusOK)
	m := formTokenField.FindStringSubmatch(res.Body.String())
	if m == nil {
		a.t.Fatalf("the new-draft form carries no token:\n%s", res.Body)
	}
	return html.UnescapeString(m[1])
}

// draftCount is how many drafts editors see.
func (a *testApp) draftCount() int {
	a.t.Helper()
	var page struct{ Items []newsroom.DraftSummary }
	res := a.do("editor", http.MethodGet, "/api/v1/drafts?limit=100", "")
	wantStatus(a.t, res, http.StatusOK)
	if err := json.Unmarshal(res.Body.Bytes(), &page); err != nil {
		a.t.Fatal(err)
	}
	return len(page.Items)
}

// TestNewDraftFormMakesOneDraft checks that the new-draft form sent twice (a double click, a form
// sent again after a network hiccup, Back and send again) makes one draft and shows it both
// times; that sent again with other text it is refused with that text kept in the form and a
// new token, so that sending it once more makes a second draft; and that a form sent by two
// people, or two forms, make a draft each.
func TestNewDraftFormMakesOneDraft(t *testing.T) {
	a := newTestApp(t)
	form := func(token, body string) url.Values {
		return url.Values{"form_token": {token}, "title": {"Flood"}, "byline": {"Sarah"}, "body": {body}}
	}
	token := a.newDraftForm("writer")
	first := a.page("writer", http.MethodPost, "/drafts", form(token, "The river rose."))
	wantStatus(t, first, http.StatusSeeOther)
	where := first.Header().Get("Location")
	again := a.page("writer", http.MethodPost, "/drafts", form(token, "The river rose."))
	wantStatus(t, again, http.StatusSeeOther)
	if got := again.Header().Get("Location"); got != where || a.draftCount() != 1 {
		t.Fatalf("sent again: to %q (first %q), %d drafts; want the first draft, and one", got, where, a.draftCount())
	}

	other := a.page("writer", http.MethodPost, "/drafts", form(token, "The river rose overnight."))
	wantStatus(t, other, http.StatusConflict)
	page := other.Body.String()
	m := formTokenField.FindStringSubmatch(page)
	if !regexp.MustCompile(`already made draft \d+`).MatchString(page) || !regexp.MustCompile(`The river rose overnight\.`).MatchString(page) || m == nil || m[1] == token {
		t.Fatalf("sent again with other text: the page does not say so, keep the text and give a new token:\n%s", page)
	}
	wantStatus(t, a.page("writer", http.MethodPost, "/drafts", form(html.UnescapeString(m[1]), "The river rose overnight.")), http.StatusSeeOther)
	if n := a.draftCount(); n != 2 {
		t.Fatalf("%d drafts after the refused form was sent as a new one, want 2", n)
	}

	wantStatus(t, a.page("writer", http.MethodPost, "/drafts", form(a.newDraftForm("writer"), "The river rose.")), http.StatusSeeOther)
	wantStatus(t, a.page("other", http.MethodPost, "/drafts", form(token, "The river rose.")), http.StatusSeeOther)
	if n := a.draftCount(); n != 4 {
		t.Fatalf("%d drafts after a new form and another person's, want 4", n)
	}
}

// TestCreateDraftIdempotencyKey checks the API's way of the same: a request with an
// Idempotency-Key makes one draft however often it is sent, answering 201 and then 200 with
// it, refuses the key with other text (409) or a malformed key (422), and requests without
// one make a draft each.
func TestCreateDraftIdempotencyKey(t *testing.T) {
	a := newTestApp(t)
	key := http.Header{"Idempotency-Key": {"0f8fad5b-d9cb-469f-a165-70867728950e"}}
	body := `{"title":"Flood","byline":"Sarah","body":"The river rose."}`
	var ids []int64
	for _, want := range []int{http.StatusCreated, http.StatusOK} {
		res := a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", body, key)
		wantStatus(t, res, want)
		var d newsroom.Draft
		if err := json.Unmarshal(res.Body.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	if ids[0] != ids[1] || ids[0] == 0 {
		t.Fatalf("the same request made drafts %v, want one", ids)
	}
	wantStatus(t, a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", `{"title":"Flood","byline":"Sarah","body":"Other."}`, key), http.StatusConflict)
	wantStatus(t, a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", body, http.Header{"Idempotency-Key": {"short"}}), http.StatusUnprocessableEntity)
	wantStatus(t, a.do("writer", http.MethodPost, "/api/v1/drafts", body), http.StatusCreated)
	wantStatus(t, a.do("writer", http.MethodPost, "/api/v1/drafts", body), http.StatusCreated)
	if n := a.draftCount(); n != 3 {
		t.Fatalf("%d drafts, want 3", n)
	}

	// The same request sent side by side, as a client retrying on a timeout does: on
	// PostgreSQL the sendings run at once, and the one that records its draft second answers
	// with the first's.
	key = http.Header{"Idempotency-Key": {"side-by-side-0000000001"}}
	var wg sync.WaitGroup
	answers := make([]*httptest.ResponseRecorder, 6)
	for i := range answers {
		wg.Go(func() {
			answers[i] = a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", body, key)
		})
	}
	wg.Wait()
	made := map[int64]bool{}
	for _, res := range answers {
		var d newsroom.Draft
		if err := json.Unmarshal(res.Body.Bytes(), &d); err != nil || res.Code != http.StatusCreated && res.Code != http.StatusOK {
			t.Fatalf("side by side: %d %s", res.Code, res.Body)
		}
		made[d.ID] = true
	}
	if n := a.draftCount(); len(made) != 1 || n != 4 {
		t.Fatalf("side by side: answered with drafts %v, %d drafts in all; want one new draft", made, n)
	}
}

// TestCreateDraftAgainAnswersAsGet checks that a request sent again with its Idempotency-Key
// answers with the draft as GET has it now, not a bare reading of its row: what was set on it
// since the first sending (here an editor's deadline) is in the answer.
func TestCreateDraftAgainAnswersAsGet(t *testing.T) {
	a := newTestApp(t)
	key := http.Header{"Idempotency-Key": {"2c1d6a0e-0b1f-4d3c-9a57-5e0c9d1f7a42"}}
	body := `{"title":"Flood","byline":"Sarah","body":"The river rose."}`
	first := a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", body, key)
	wantStatus(t, first, http.StatusCreated)
	var d newsroom.Draft
	if err := json.Unmarshal(first.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	place := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	wantStatus(t, a.do("editor", http.MethodPut, place+"/deadlines", `{"stage":"draft","due_at":"2099-01-01T09:00:00Z"}`), http.StatusOK)

	again := a.send("writer", http.MethodPost, "/api/v1/drafts", "application/json", body, key)
	wantStatus(t, again, http.StatusOK)
	get := a.do("writer", http.MethodGet, place, "")
	wantStatus(t, get, http.StatusOK)
	var sent, read map[string]any
	if err := json.Unmarshal(again.Body.Bytes(), &sent); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(get.Body.Bytes(), &read); err != nil {
		t.Fatal(err)
	}
	delete(read, "image")
	if !reflect.DeepEqual(sent, read) {
		t.Fatalf("sent again, the answer is\n%s\nwhile GET answers\n%s", again.Body, get.Body)
	}
	if deadlines, _ := sent["deadlines"].([]any); len(deadlines) != 1 {
		t.Fatalf("sent again, deadlines = %v, want the editor's", sent["deadlines"])
	}
}
