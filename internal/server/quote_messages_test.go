package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteMessagesNameTheQuote: the message after a verdict, a waiver or a "not a quotation"
// names the quote by its number and first words. The page returns to the quote's row, but the
// message stands apart from it (at the top of the text), and "Quote marked disputed." left a
// fact-checker working down twenty rows to guess which one it was about.
func TestQuoteMessagesNameTheQuote(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	qid := a.firstQuote(d.ID)
	base := fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qid)
	tests := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"Verdict", base, url.Values{"status": {"disputed"}, "note": {"Not on the tape."}}, "Quote #%d, “quote”, marked disputed."},
		{"Waiver", base + "/waive", url.Values{"note": {"Both wordings are on the record."}}, "Waiver recorded for quote #%d, “quote”."},
		{"NotAQuote", base + "/not-quote", url.Values{"note": {"A title."}}, "Quote #%d, “quote”, marked as no quotation."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("editor", "POST", tt.path, tt.form)
			wantStatus(t, res, http.StatusSeeOther)
			if got, want := flashOf(res), fmt.Sprintf(tt.want, qid); got != want {
				t.Errorf("the redirect says %q, want %q", got, want)
			}
		})
	}
}

// TestLongUnspacedQuoteNamedShort: a quote in a script written without spaces is named by its
// first characters, not whole. Cutting at the sixth space kept a long Chinese quote entire: a
// "Show in the text" link 787 characters long and a verdict message of 750, near the size a
// flash cookie can carry.
func TestLongUnspacedQuoteNamedShort(t *testing.T) {
	const maxName = 100
	a := newTestApp(t)
	long := strings.Repeat("这是一个非常长的中文引语", 60)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "长引语", Byline: "Writer", Brief: "Brief.",
		Body: "部长说：“" + long + "”。"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qid := a.firstQuote(d.ID)
	res := a.page("factchecker", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	links := regexp.MustCompile(`(?s)<a class="to-text"[^>]*>(.*?)</a>`).FindAllStringSubmatch(res.Body.String(), -1)
	if len(links) == 0 {
		t.Fatal("no link to the text")
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, l := range links {
		name := strings.Join(strings.Fields(tags.ReplaceAllString(l[1], "")), " ")
		if n := utf8.RuneCountInString(name); n > maxName || !strings.Contains(name, "这是一个非常长的中文引语") {
			t.Errorf("the link is named in %d characters, want the quote's start in at most %d: %q", n, maxName, name)
		}
	}
	res = a.page("factchecker", "POST", fmt.Sprintf("/drafts/%d/quotes/%d", d.ID, qid), url.Values{"status": {"verified"}})
	wantStatus(t, res, http.StatusSeeOther)
	msg := flashOf(res)
	if n := utf8.RuneCountInString(msg); n > maxName || !strings.HasPrefix(msg, fmt.Sprintf("Quote #%d, “这是一个非常长的中文引语", qid)) {
		t.Errorf("the message is %d characters, want the quote's start in at most %d: %q", n, maxName, msg)
	}
}
