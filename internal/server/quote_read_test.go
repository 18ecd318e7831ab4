package server_test

import (
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteChangesOnTheWordsReadAPI: over the API, a verdict, a waiver or a finding of no
// quotation sent with the words its client read is refused with 409, naming the words now in
// its message and details, once an edit changed the quote's words, and nothing is written; sent
// with the words as they read now, it is made.
func TestQuoteChangesOnTheWordsReadAPI(t *testing.T) {
	const before, after = "the ferry will run all winter", "the ferry may run in winter"
	cases := []struct {
		name, path, body string
		read             string
		status           int
	}{
		{"VerdictOnOldWords", "", `{"status":"verified","text":%q}`, before, 409},
		{"VerdictOnNewWords", "", `{"status":"verified","text":%q}`, after, 200},
		{"DisputeOnOldWords", "", `{"status":"disputed","note":"Not on the tape.","text":%q}`, before, 409},
		{"WaiverOnOldWords", "/waive", `{"note":"Both wordings are on the record.","text":%q}`, before, 409},
		{"WaiverOnNewWords", "/waive", `{"note":"Both wordings are on the record.","text":%q}`, after, 200},
		{"NotQuoteOnOldWords", "/not-quote", `{"note":"A sign's words.","text":%q}`, before, 409},
		{"NotQuoteOnNewWords", "/not-quote", `{"note":"A sign's words.","text":%q}`, after, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			base := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			wantStatus(t, a.do("editor", "PUT", base, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, before, d.Version)), 200)
			qid := a.firstQuote(d.ID)
			wantStatus(t, a.do("editor", "PUT", base, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, after, d.Version+1)), 200)
			if c.path == "/waive" {
				wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("%s/quotes/%d", base, qid), fmt.Sprintf(`{"status":"disputed","note":"Not on the tape.","text":%q}`, after)), 200)
			}
			was := a.do("editor", "GET", base+"/quotes", "").Body.String()
			res := a.do("editor", map[bool]string{true: "PUT", false: "POST"}[c.path == ""], fmt.Sprintf("%s/quotes/%d%s", base, qid, c.path), fmt.Sprintf(c.body, c.read))
			wantStatus(t, res, c.status)
			if c.status == 200 {
				if q := decode[newsroom.Quote](t, res); q.ID != qid || q.Text != after {
					t.Errorf("the change was made on %+v", q)
				}
				return
			}
			e := decode[struct {
				Error struct {
					Code, Message string
					Details       map[string]any
				}
			}](t, res).Error
			if e.Code != newsroom.ECONFLICT || !strings.Contains(e.Message, "“"+after+"”") || e.Details["text"] != after || e.Details["quote_id"] != float64(qid) {
				t.Errorf("refused with %+v, want the words now, %q, named", e, after)
			}
			if now := a.do("editor", "GET", base+"/quotes", "").Body.String(); now != was {
				t.Errorf("the refused change wrote the ledger: %s, was %s", now, was)
			}
		})
	}
}

// TestQuoteFormsOnTheWordsRead: the draft page's quote forms send the words their page showed;
// sent after an edit changed them, the form is refused with the page again, which shows the words
// now, says what changed, and has the form back with its typing and the words now, so that sent
// again it is a verdict on what the checker has seen. Sent on the words as they are, it is made.
func TestQuoteFormsOnTheWordsRead(t *testing.T) {
	const before, after = "the ferry will run all winter", "the ferry may run in winter"
	cases := []struct {
		name, path string
		form       url.Values
		read       string
		wantStatus int
		wantBody   []string
	}{
		{"VerdictOnOldWords", "", url.Values{"status": {"disputed"}, "note": {"Not on the tape."}, "source": {"council recording"}}, before, 409, []string{
			"This quotation changed since you opened the page: it now reads “" + after + "”. Your note is kept below; check the new words.",
			`data-keep-with="text speaker" data-retried>`, `value="Not on the tape."`, `value="council recording"`}},
		{"VerifiedWithNothingTyped", "", url.Values{"status": {"verified"}}, before, 409, []string{
			"This quotation changed since you opened the page: it now reads “" + after + "”. Check the new words.", `data-retried`}},
		{"VerdictOnNewWords", "", url.Values{"status": {"verified"}}, after, 303, nil},
		{"WaiverOnOldWords", "/waive", url.Values{"note": {"Both wordings are on the record."}}, before, 409, []string{
			"it now reads “" + after + "”. Your note is kept below", `value="Both wordings are on the record."`}},
		{"WaiverOnNewWords", "/waive", url.Values{"note": {"Both wordings are on the record."}}, after, 303, nil},
		{"NotQuoteOnOldWords", "/not-quote", url.Values{"note": {"A sign's words."}}, before, 409, []string{
			"it now reads “" + after + "”. Your note is kept below", `value="A sign&#39;s words."`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			api := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, before, d.Version)), 200)
			qid := a.firstQuote(d.ID)
			wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, after, d.Version+1)), 200)
			if c.path == "/waive" {
				wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("%s/quotes/%d", api, qid), `{"status":"disputed","note":"Not on the tape."}`), 200)
			}
			was := a.do("editor", "GET", api+"/quotes", "").Body.String()
			c.form.Set("text", c.read)
			res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/quotes/%d%s", d.ID, qid, c.path), c.form)
			if res.Code != c.wantStatus {
				t.Fatalf("answer %d, want %d: %s", res.Code, c.wantStatus, res.Body.String())
			}
			if c.wantStatus != 409 {
				return
			}
			wantBody(t, res, append(c.wantBody, `<blockquote dir="auto">“`+after+`”</blockquote>`, `<input type="hidden" name="text" value="`+after+`">`)...)
			if strings.Contains(res.Body.String(), `value="`+before+`"`) {
				t.Error("a form of the page answering the refusal still carries the words read before")
			}
			if now := a.do("editor", "GET", api+"/quotes", "").Body.String(); now != was {
				t.Errorf("the refused form wrote the ledger: %s, was %s", now, was)
			}
		})
	}
}

// TestQuoteFormGoneAfterItsWordsChanged: a quote form refused because the quote's words changed,
// whose form the page then no longer has for the quote (a waiver on a quote the change took back
// to unchecked, a finding of no quotation on one marked so meanwhile), is answered with a message
// saying so and that nothing was recorded, holding what was typed as text to copy, escaped; it
// never says the note is kept below.
func TestQuoteFormGoneAfterItsWordsChanged(t *testing.T) {
	const before, after = "the ferry will run all winter", "the ferry may run in winter"
	cases := []struct {
		name, path string
		disputed   bool   // whether the quote was disputed on its words before they changed
		marked     string // the finding of no quotation made on the words after, if any
		note       string
		wantGone   string
	}{
		{"WaiverOnQuoteNoLongerDisputed", "/waive", true, "", "Both wordings <b>stand</b> & per counsel.",
			"it is no longer disputed, so there is nothing to waive"},
		{"NotQuoteOnQuoteMarkedMeanwhile", "/not-quote", false, "A sign's words.", "It is a headline's words.",
			"it is already marked as no quotation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			api := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, before, d.Version)), 200)
			qid := a.firstQuote(d.ID)
			read, err := a.store.Quotes(ctxAs(a, "editor"), d.ID)
			if err != nil || len(read) != 1 {
				t.Fatalf("the ledger is %d quotes (%v), want one", len(read), err)
			}
			quote := fmt.Sprintf("%s/quotes/%d", api, qid)
			if c.disputed {
				wantStatus(t, a.do("editor", "PUT", quote, fmt.Sprintf(`{"status":"disputed","note":"Not on the tape.","text":%q}`, before)), 200)
			}
			wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"The mayor said “%s” on Tuesday.","version":%d}`, after, d.Version+1)), 200)
			if c.marked != "" {
				wantStatus(t, a.do("editor", "POST", quote+"/not-quote", fmt.Sprintf(`{"note":%q,"text":%q}`, c.marked, after)), 200)
			}
			was := a.do("editor", "GET", api+"/quotes", "").Body.String()
			action := fmt.Sprintf("/drafts/%d/quotes/%d%s", d.ID, qid, c.path)
			res := a.page("editor", "POST", action, url.Values{"note": {c.note}, "text": {before}, "speaker": {read[0].Speaker}})
			if res.Code != 409 {
				t.Fatalf("answer %d, want 409: %s", res.Code, res.Body.String())
			}
			want := "This quotation changed since you opened the page: it now reads “" + after + "”, and " + c.wantGone + "; nothing was recorded. Your note: “" + c.note + "”."
			wantBody(t, res, `<p class="error" role="alert" id="form-error">`+html.EscapeString(want)+`</p>`, fmt.Sprintf(`id="quote-%d" data-retried>`, qid))
			body := res.Body.String()
			if strings.Contains(body, "kept below") || strings.Contains(body, `action="`+action+`"`) {
				t.Errorf("the answer promises or shows the form it came from, which the quote no longer has")
			}
			if now := a.do("editor", "GET", api+"/quotes", "").Body.String(); now != was {
				t.Errorf("the refused form wrote the ledger: %s, was %s", now, was)
			}
		})
	}
}

// TestQuoteFormOnWordsOverParagraphs: a browser sends the line break inside a quote that runs
// over two paragraphs as "\r\n"; the quote's words hold "\n", and a verdict sent on them as the
// page showed them is made.
func TestQuoteFormOnWordsOverParagraphs(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	api := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"The mayor said: “The ferry runs all winter.\n“And the fares stay,” she added.","version":%d}`, d.Version)), 200)
	qs := decode[[]newsroom.Quote](t, a.do("editor", "GET", api+"/quotes", ""))
	if len(qs) != 1 || !strings.Contains(qs[0].Text, "\n") {
		t.Fatalf("the ledger is %+v, want one quote over two paragraphs", qs)
	}
	sent := url.Values{"status": {"verified"}, "text": {strings.ReplaceAll(qs[0].Text, "\n", "\r\n")}}
	if res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qs[0].ID), sent); res.Code != 303 {
		t.Fatalf("the verdict on the words shown was answered %d: %s", res.Code, res.Body.String())
	}
}

// TestQuoteChangesForTheSpeakerRead: a verdict is on who said the words too. Sent for the speaker
// the ledger credited when its maker read it, it is refused once an edit credits someone else,
// over the API and from the page, which says who is credited now and keeps the note; sent for
// the speaker credited now, it is made.
func TestQuoteChangesForTheSpeakerRead(t *testing.T) {
	const words = "the ferry will run all winter"
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	api := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"“%s” said Rosa Delgado on Tuesday.","version":%d}`, words, d.Version)), 200)
	qid := a.firstQuote(d.ID)
	wantStatus(t, a.do("editor", "PUT", api, fmt.Sprintf(`{"body":"“%s” said Marco Ruiz on Tuesday.","version":%d}`, words, d.Version+1)), 200)
	quote := fmt.Sprintf("%s/quotes/%d", api, qid)
	was := a.do("editor", "GET", api+"/quotes", "").Body.String()

	res := a.do("editor", "PUT", quote, fmt.Sprintf(`{"status":"verified","text":%q,"speaker":"Rosa Delgado"}`, words))
	wantStatus(t, res, 409)
	e := decode[struct {
		Error struct {
			Message string
			Details map[string]any
		}
	}](t, res).Error
	if e.Details["speaker"] != "Marco Ruiz" || fmt.Sprint(e.Details["changed"]) != "[speaker]" || !strings.Contains(e.Message, "credited to “Marco Ruiz”") {
		t.Errorf("refused with %+v, want the speaker now named", e)
	}
	page := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qid),
		url.Values{"status": {"verified"}, "note": {"On the tape."}, "text": {words}, "speaker": {"Rosa Delgado"}})
	if page.Code != 409 {
		t.Fatalf("the page's verdict for the speaker read before was answered %d", page.Code)
	}
	wantBody(t, page, "This quotation changed since you opened the page: it is now credited to “Marco Ruiz”. Your note is kept below; check who said it.",
		`value="On the tape."`, `<input type="hidden" name="speaker" value="Marco Ruiz">`)
	if now := a.do("editor", "GET", api+"/quotes", "").Body.String(); now != was {
		t.Errorf("the refused verdicts wrote the ledger: %s, was %s", now, was)
	}
	wantStatus(t, a.do("editor", "PUT", quote, fmt.Sprintf(`{"status":"verified","text":%q,"speaker":"Marco Ruiz"}`, words)), 200)
}
