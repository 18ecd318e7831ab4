package server_test

import (
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestSubmitNeedsWholePiece submits a draft that has only a title: the answer names every part
// it lacks, and the draft stays with its writer.
func TestSubmitNeedsWholePiece(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Only a title","body":" \n "}`)
	wantStatus(t, res, http.StatusCreated)
	id := decode[struct{ ID int64 }](t, res).ID
	res = a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"submit"}`)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	e := decode[apiError](t, res).Error
	if e.Code != "invalid" || !reflect.DeepEqual(e.Details["missing"], []any{"byline", "brief", "body"}) {
		t.Fatalf("error = %+v, want invalid with details.missing [byline brief body]", e)
	}
	if got := decode[struct{ Stage string }](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "")).Stage; got != "draft" {
		t.Fatalf("stage = %s after a refused submit", got)
	}
}

// TestCorrectionHeldUntilQuotesChecked corrects the published seed with a new quote: the
// correction is held, with the quote to check, and readers see nothing of it until the
// fact-checker has verified the quote and the editor has sent the correction again.
func TestCorrectionHeldUntilQuotesChecked(t *testing.T) {
	a := newTestApp(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	slug := decode[pubResponse](t, res).Slug
	text := "/articles/" + slug + ".txt"
	before := a.do("", "GET", text, "").Body.String()

	const added = "“Nobody asked us,” a cartel spokesman told reporters."
	body := d.Body + "\n" + added
	correction := fmt.Sprintf(`{"note":"A cartel's answer was added.","body":%q}`, body)
	res = a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", correction)
	wantStatus(t, res, http.StatusConflict)
	e := decode[apiError](t, res).Error
	quotes, _ := e.Details["quotes"].([]any)
	if len(quotes) != 1 || e.Details["draft_id"] != float64(d.ID) || e.Details["version"] != float64(d.Version+1) {
		t.Fatalf("details = %v, want one quote, draft %d, version %d", e.Details, d.ID, d.Version+1)
	}
	res = a.do("factchecker", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes", d.ID), "")
	if !strings.Contains(res.Body.String(), fmt.Sprintf(`{"id":%v,"field":"body","text":"Nobody asked us,"`, quotes[0])) {
		t.Fatalf("the held quote is not in the ledger: %s", res.Body.String())
	}
	for _, url := range []string{text, "/articles/" + slug, "/articles/" + slug + ".json", "/feed.atom"} {
		if got := a.do("", "GET", url, "").Body.String(); strings.Contains(got, "Nobody asked us") {
			t.Fatalf("%s shows the held correction", url)
		}
	}
	if got := a.do("", "GET", text, "").Body.String(); got != before {
		t.Fatal("the text changed while the correction was held")
	}

	a.verifyQuotes(d.ID)
	res = a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", `{"note":"A cartel's answer was added."}`)
	wantStatus(t, res, http.StatusCreated)
	after := a.do("", "GET", text, "").Body.String()
	if !strings.Contains(after, added+"\nTopics\n") || !strings.Contains(after, "A cartel's answer was added.") {
		t.Fatalf("the corrected text lacks the quote or the note:\n%s", after)
	}
}

// TestApproveNamesBriefMisquotes approves a draft whose brief words a quote otherwise than its
// body: the answer is a conflict whose details.brief_quotes gives both versions.
func TestApproveNamesBriefMisquotes(t *testing.T) {
	a := newTestApp(t)
	draft := `{"title":"Pier","byline":"Writer","brief":"The mayor vowed: “We will rebuild the harbour.”","body":"“We will rebuild the pier,” Mayor Ana Ruiz said."}`
	res := a.do("writer", "POST", "/api/v1/drafts", draft)
	wantStatus(t, res, http.StatusCreated)
	id := decode[struct{ ID int64 }](t, res).ID
	transitions := fmt.Sprintf("/api/v1/drafts/%d/transitions", id)
	wantStatus(t, a.do("writer", "POST", transitions, `{"action":"submit"}`), http.StatusOK)
	a.verifyQuotes(id)
	wantStatus(t, a.do("factchecker", "POST", transitions, `{"action":"clear"}`), http.StatusOK)

	res = a.do("editor", "POST", transitions, `{"action":"approve"}`)
	wantStatus(t, res, http.StatusConflict)
	e := decode[apiError](t, res).Error
	quotes, _ := e.Details["brief_quotes"].([]any)
	if len(quotes) != 1 {
		t.Fatalf("details = %v, want one brief quote", e.Details)
	}
	q, _ := quotes[0].(map[string]any)
	if q["text"] != "We will rebuild the harbour." || q["body_text"] != "We will rebuild the pier," || q["found"] != false {
		t.Fatalf("brief quote = %v, want the brief's and the body's words", q)
	}
}
