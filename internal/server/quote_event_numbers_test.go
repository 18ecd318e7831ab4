package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// quoteHistorySizes are the lengths of a quote's history the tests below read: fewer events
// than the draft page shows, exactly as many, one more, and enough for several pages of the
// quote's own history.
var quoteHistorySizes = []int{3, newsroom.QuoteEventsShown, newsroom.QuoteEventsShown + 1,
	2*newsroom.QuoteEventsShown + 7, 130}

// TestQuoteEventNumbers: an event of a quote's history has one number wherever it is listed,
// its place in the quote's whole history, the oldest 1: in the draft page's ledger, on every
// page of the quote's history, and in the API's answers.
func TestQuoteEventNumbers(t *testing.T) {
	for _, total := range quoteHistorySizes {
		t.Run(fmt.Sprintf("%d events", total), func(t *testing.T) {
			a, d, qid := quoteWithEvents(t, total)
			shown := draftQuoteEvents(t, a, d, qid)
			if len(shown) != min(total, newsroom.QuoteEventsShown) {
				t.Errorf("the draft page lists %d events, want %d", len(shown), min(total, newsroom.QuoteEventsShown))
			}

			history := fmt.Sprintf("/drafts/%d/quotes/%d/history", d, qid)
			seen := walkQuoteHistory(t, a, history)
			if want := positions(total, total); !slices.Equal(seen, want) {
				t.Errorf("the quote's history pages list %s, want %s", span(seen), span(want))
			}

			res := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/history", d), "")
			wantStatus(t, res, http.StatusOK)
			var h struct{ Quotes []apiQuoteEvent }
			if err := json.Unmarshal(res.Body.Bytes(), &h); err != nil {
				t.Fatal(err)
			}
			for _, e := range h.Quotes {
				e.check(t, "the draft's history")
			}
			api := fmt.Sprintf("/api/v1/drafts/%d/quotes/%d/events?limit=%d", d, qid, newsroom.QuoteEventsShown)
			for page := api; page != ""; {
				var p struct {
					Events []apiQuoteEvent
					Next   string
				}
				res := a.do("writer", "GET", page, "")
				wantStatus(t, res, http.StatusOK)
				if err := json.Unmarshal(res.Body.Bytes(), &p); err != nil {
					t.Fatal(err)
				}
				for _, e := range p.Events {
					e.check(t, "the quote's events")
				}
				if page = ""; p.Next != "" {
					page = api + "&cursor=" + p.Next
				}
			}
		})
	}
}

// TestQuoteOlderEventsLink: the draft page's link to a quote's older events opens its history
// at the newest event the draft page does not show, and its pages hold every older event once;
// the API starts at the same place given the oldest shown event's id (a start that is no event
// of the quote is refused as invalid: see TestQuoteHistoryBadCursor).
func TestQuoteOlderEventsLink(t *testing.T) {
	for _, total := range quoteHistorySizes {
		t.Run(fmt.Sprintf("%d events", total), func(t *testing.T) {
			a, d, qid := quoteWithEvents(t, total)
			older := total - min(total, newsroom.QuoteEventsShown)
			res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d), nil)
			wantStatus(t, res, http.StatusOK)
			link := olderEventsLink(t, res.Body.String(), qid)
			if older == 0 {
				if link != "" {
					t.Errorf("a quote with no older events links %s", link)
				}
				return
			}
			if link == "" {
				t.Fatalf("the draft page links no older events of a quote that has %d", older)
			}
			if seen, want := walkQuoteHistory(t, a, link), positions(older, older); !slices.Equal(seen, want) {
				t.Errorf("the link %s leads to %s, want %s", link, span(seen), span(want))
			}

			res = a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/history", d), "")
			wantStatus(t, res, http.StatusOK)
			var h struct{ Quotes []apiQuoteEvent }
			if err := json.Unmarshal(res.Body.Bytes(), &h); err != nil || len(h.Quotes) == 0 {
				t.Fatalf("the draft's history: %v %s", err, res.Body.String())
			}
			res = a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d/events?cursor=%d", d, qid, h.Quotes[0].ID), "")
			wantStatus(t, res, http.StatusOK)
			var p struct{ Events []apiQuoteEvent }
			if err := json.Unmarshal(res.Body.Bytes(), &p); err != nil || len(p.Events) == 0 {
				t.Fatalf("the events older than the history's oldest: %v %s", err, res.Body.String())
			}
			if got := p.Events[0].position(t); got != older {
				t.Errorf("the API's events older than the history's oldest start at event %d, want %d", got, older)
			}
		})
	}
}

// TestQuoteHistoryBadCursor: a start that names no event of the quote is refused as invalid on
// the page and in the API, never answered as a server error nor as the quote's newest events:
// neither a malformed one nor the id of no event, nor that of another quote's event, as a link
// copied from another quote's history would carry.
func TestQuoteHistoryBadCursor(t *testing.T) {
	a, d, qid := quoteWithEvents(t, 3)
	other, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Other", Byline: "Writer", Brief: "Brief.",
		Body: "“Not today,” said Bo Lee."})
	if err != nil {
		t.Fatal(err)
	}
	var foreign int64
	if err := a.store.DB().QueryRow(fmt.Sprintf("SELECT MAX(id) FROM quote_events WHERE draft_id = %d", other.ID)).Scan(&foreign); err != nil {
		t.Fatal(err)
	}
	for _, cursor := range []string{"abc", "0", "-5", "1.5", "99999999999999999999", "%20", "424242", "9223372036854775807",
		strconv.FormatInt(foreign, 10)} {
		t.Run(cursor, func(t *testing.T) {
			page := a.page("writer", "GET", fmt.Sprintf("/drafts/%d/quotes/%d/history?cursor=%s", d, qid, cursor), nil)
			wantStatus(t, page, http.StatusUnprocessableEntity)
			wantBody(t, page, "invalid cursor")
			wantStatus(t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/quotes/%d/events?cursor=%s", d, qid, cursor), ""),
				http.StatusUnprocessableEntity)
		})
	}
}

// quoteWithEvents makes a draft whose one quote has total events: its finding, the first, and
// checks whose notes say their place, "event 2" and on.
func quoteWithEvents(t *testing.T, total int) (*testApp, int64, int64) {
	t.Helper()
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Counted", Byline: "Writer", Brief: "Brief.",
		Body: "“We will see,” said Ana Ruiz."})
	if err != nil {
		t.Fatal(err)
	}
	qid := a.firstQuote(d.ID)
	checks := fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, note, at, seq)
SELECT %d, %d, 1, 'check', 'We will see,', 'verified', 'event ' || CAST(i AS TEXT), CURRENT_TIMESTAMP, i FROM n`, total, qid, d.ID)
	if _, err := a.store.DB().Exec(checks); err != nil {
		t.Fatal(err)
	}
	return a, d.ID, qid
}

// positions is n places of a history counted down from the newest, first.
func positions(first, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = first - i
	}
	return out
}

// span says in brief which events a list holds: how many, its first and its last.
func span(places []int) string {
	if len(places) == 0 {
		return "no events"
	}
	return fmt.Sprintf("%d events, from event %d to event %d", len(places), places[0], places[len(places)-1])
}

// apiQuoteEvent is what the tests read of an event in the API's answers.
type apiQuoteEvent struct {
	ID     int64
	Number int
	Event  string
	Note   string
}

// position is the event's place in its quote's history, as its note or its finding says.
func (e apiQuoteEvent) position(t *testing.T) int {
	t.Helper()
	if e.Event == "found" {
		return 1
	}
	n, err := strconv.Atoi(strings.TrimPrefix(e.Note, "event "))
	if err != nil {
		t.Fatalf("an event %q with the note %q", e.Event, e.Note)
	}
	return n
}

// check fails t unless the event's number is its place.
func (e apiQuoteEvent) check(t *testing.T, where string) {
	t.Helper()
	if want := e.position(t); e.Number != want {
		t.Errorf("%s numbers event %d as %d", where, want, e.Number)
	}
}

// draftQuoteEvents reads the events the draft page lists under quote qid, failing t unless
// each is numbered as its place; it returns their places in the page's order.
func draftQuoteEvents(t *testing.T, a *testApp, d, qid int64) []int {
	t.Helper()
	res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d), nil)
	wantStatus(t, res, http.StatusOK)
	doc := parseHTML(t, res.Body.String())
	row := find(doc, func(n *html.Node) bool { return attr(n, "id") == fmt.Sprintf("quote-%d", qid) })
	hist := find(row, func(n *html.Node) bool { return hasClass(n, "quote-history") })
	if hist == nil {
		t.Fatalf("the draft page shows no history of quote %d", qid)
	}
	return numberedEvents(t, "the draft page", find(hist, func(n *html.Node) bool { return n.Data == "ol" }))
}

// walkQuoteHistory follows a quote's history from the page at path through its "next" links,
// failing t unless every page numbers each event as its place; it returns their places in the
// order the pages list them.
func walkQuoteHistory(t *testing.T, a *testApp, path string) []int {
	t.Helper()
	var seen []int
	for pages := 0; path != ""; pages++ {
		if pages > 20 {
			t.Fatalf("the quote's history goes on past %d pages", pages)
		}
		res := a.page("writer", "GET", path, nil)
		wantStatus(t, res, http.StatusOK)
		doc := parseHTML(t, res.Body.String())
		if list := find(doc, func(n *html.Node) bool { return hasClass(n, "quote-events") }); list != nil {
			seen = append(seen, numberedEvents(t, path, list)...)
		}
		path = ""
		if next := find(doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "rel") == "next" }); next != nil {
			path = attr(next, "href")
		}
	}
	return seen
}

// olderEventsLink is the href of the draft page's link to quote qid's older events, "" if none.
func olderEventsLink(t *testing.T, page string, qid int64) string {
	t.Helper()
	doc := parseHTML(t, page)
	row := find(doc, func(n *html.Node) bool { return attr(n, "id") == fmt.Sprintf("quote-%d", qid) })
	link := find(row, func(n *html.Node) bool {
		return n.Data == "a" && strings.Contains(attr(n, "href"), fmt.Sprintf("/quotes/%d/history", qid))
	})
	if link == nil {
		return ""
	}
	return attr(link, "href")
}

var eventNote = regexp.MustCompile(`— event (\d+)\b`)

// numberedEvents fails t unless list is an ordered list whose items a browser numbers as the
// places of the events they show (by start, reversed and value, as HTML counts them); it returns
// the places in the list's order.
func numberedEvents(t *testing.T, where string, list *html.Node) []int {
	t.Helper()
	if list == nil || list.Data != "ol" {
		t.Fatalf("%s lists the quote's events in no numbered list", where)
	}
	var items []*html.Node
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "li" {
			items = append(items, c)
		}
	}
	_, reversed := attrOK(list, "reversed")
	step, number := 1, 1
	if reversed {
		step, number = -1, len(items)
	}
	if s, ok := attrOK(list, "start"); ok {
		number, _ = strconv.Atoi(s)
	}
	var places []int
	misnumbered := false
	for _, li := range items {
		if v, ok := attrOK(li, "value"); ok {
			number, _ = strconv.Atoi(v)
		}
		text := textOf(li)
		place := 1
		if m := eventNote.FindStringSubmatch(text); m != nil {
			place, _ = strconv.Atoi(m[1])
		} else if !strings.Contains(text, "found in the text") {
			t.Fatalf("%s lists an event that is neither a check nor the finding: %q", where, text)
		}
		if number != place && !misnumbered {
			t.Errorf("%s numbers event %d as %d", where, place, number)
			misnumbered = true
		}
		places = append(places, place)
		number += step
	}
	return places
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find is the first element under n, n included, that match accepts, in document order.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
