package notify_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestDisputeFlipsReachEveryChannelOnce: a fact-checker flipping one quote between disputed and
// verified fifty times, then disputing another quote, reaches a real mail server and a real
// webhook receiver with one email and one post for each quote, not one for each flip.
func TestDisputeFlipsReachEveryChannelOnce(t *testing.T) {
	var mu sync.Mutex
	posts := map[string]int{}
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p struct{ Kind, Link string }
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			t.Errorf("a post that is not JSON: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		posts[p.Kind+" "+p.Link]++
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	f := newFixture(t, hook.URL)
	mail := smtptest.Start(t, smtptest.Options{})
	email := &notify.Email{Flags: newsroom.MailSettings{Host: mail.Host, Port: mail.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"},
		BaseURL: "https://desk.example.org"}
	if _, err := f.s.SetEmail(f.admin, newsroom.UserFrom(f.writer).ID, "sarah@example.org"); err != nil {
		t.Fatal(err)
	}
	checker := f.user(t, "fiona", newsroom.RoleFactChecker, "pw-fiona-staple")
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood wall", Byline: "Sarah", Brief: "A brief.", Topics: []string{"Floods"},
		Body: "The mayor said “the wall will hold” on Monday.\n\nThe engineer said “it might not” later."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(checker, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes = %+v, %v", qs, err)
	}
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelEmail: email, newsroom.ChannelWebhook: localWebhooks(f.s, "https://desk.example.org/")}))
	defer stop()
	check := func(q int64, status newsroom.QuoteStatus) {
		c := newsroom.QuoteCheck{Status: status}
		if status == newsroom.QuoteDisputed {
			c.Note = "The recording says otherwise."
		}
		if _, err := f.s.CheckQuote(checker, d.ID, q, c); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 50 {
		check(qs[0].ID, []newsroom.QuoteStatus{newsroom.QuoteDisputed, newsroom.QuoteVerified}[i%2])
	}
	check(qs[1].ID, newsroom.QuoteDisputed)
	waitFor(t, "every delivery sent", func() bool {
		var pending int
		if err := f.s.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE status <> 'sent'").Scan(&pending); err != nil {
			t.Fatal(err)
		}
		return pending == 0
	})
	stop()
	link := func(q newsroom.Quote) string { return fmt.Sprintf("/drafts/%d#quote-%d", d.ID, q.ID) }
	emails := map[string]int{}
	for _, m := range mail.Messages() {
		for _, q := range qs {
			if strings.Contains(m.Text, link(q)) && strings.Contains(m.Subject, "disputed a quote") {
				emails[link(q)]++
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, q := range qs {
		if emails[link(q)] != 1 {
			t.Errorf("%d emails of the dispute of quote %d, want 1 (all: %d)", emails[link(q)], q.ID, len(mail.Messages()))
		}
		if n := posts["disputed https://desk.example.org"+link(q)]; n != 1 {
			t.Errorf("%d webhook posts of the dispute of quote %d, want 1 (all: %v)", n, q.ID, posts)
		}
	}
}
