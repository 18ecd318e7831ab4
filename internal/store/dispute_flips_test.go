package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// twoQuotes is a body with two quotations.
const twoQuotes = "The mayor said “the wall will hold” on Monday.\n\nThe engineer said “it might not” later."

// verdict is a check of status, with the note a dispute needs.
func verdict(status newsroom.QuoteStatus) newsroom.QuoteCheck {
	c := newsroom.QuoteCheck{Status: status}
	if status == newsroom.QuoteDisputed {
		c.Note = "The recording says otherwise."
	}
	return c
}

// toldOfDisputes counts what the disputes on draft id told: the writer's disputed
// notifications, the emails to their address and the posts to webhooks of the disputed kind.
func toldOfDisputes(t *testing.T, s *store.Store, id int64) (notices, emails, posts int) {
	t.Helper()
	err := s.DB().QueryRow(`SELECT
		(SELECT COUNT(*) FROM notifications WHERE draft_id = $1 AND kind = 'disputed'),
		(SELECT COUNT(*) FROM deliveries d JOIN notifications n ON n.id = d.notification_id
			WHERE d.draft_id = $1 AND d.channel = 'email' AND n.kind = 'disputed' AND d.recipient = 'sarah@example.com'),
		(SELECT COUNT(*) FROM deliveries WHERE draft_id = $1 AND channel = 'webhook' AND payload LIKE '%"kind":"disputed"%')`, id).
		Scan(&notices, &emails, &posts)
	if err != nil {
		t.Fatal(err)
	}
	return notices, emails, posts
}

// disputeFixture is a newsroom whose writer has an address and a webhook that hears of every
// kind, with a piece of two quotes at fact-check.
func disputeFixture(t *testing.T, s *store.Store, f *newsroomFixture) (*newsroom.Draft, []newsroom.Quote) {
	t.Helper()
	mustExec(t, s, "UPDATE users SET email = 'sarah@example.com' WHERE username = 'sarah'")
	if _, err := s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "newsroom chat", URL: "https://chat.example.com/hook"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.CreateDraft(f.writer, newsroom.Text{Title: "Flood wall", Byline: "Sarah Johnson", Brief: "A brief.", Body: twoQuotes})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(f.checker, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes = %+v, %v", qs, err)
	}
	return d, qs
}

// TestDisputeFlipsToldOnce: a fact-checker flipping one quote's verdict between verified and
// disputed fifty times tells the writer once, in the app, by email and to the webhook; a
// dispute of the other quote is told, and so is one of the first after the quiet, or after its
// words were edited. Each step's counts are the totals so far.
func TestDisputeFlipsToldOnce(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d, qs := disputeFixture(t, f.s, f)
	check := func(t *testing.T, q int64, status newsroom.QuoteStatus) {
		t.Helper()
		if _, err := f.s.CheckQuote(f.checker, d.ID, q, verdict(status)); err != nil {
			t.Fatal(err)
		}
	}
	flips := func(q int64, n int) func(t *testing.T) {
		return func(t *testing.T) {
			for i := range n {
				status := newsroom.QuoteDisputed
				if i%2 == 1 {
					status = newsroom.QuoteVerified
				}
				check(t, q, status)
				clk.Add(time.Second)
			}
		}
	}
	steps := []struct {
		name string
		do   func(t *testing.T)
		want int
	}{
		{"FiftyFlipsOfOneQuote", flips(qs[0].ID, 50), 1},
		{"TheOtherQuote", flips(qs[1].ID, 1), 2},
		{"TheFirstJustBeforeTheQuietEnds", func(t *testing.T) {
			clk.Add(newsroom.DisputeQuiet - 52*time.Second)
			flips(qs[0].ID, 1)(t)
		}, 2},
		{"TheFirstAfterTheQuiet", func(t *testing.T) {
			clk.Add(newsroom.DisputeQuiet)
			flips(qs[0].ID, 4)(t)
		}, 3},
		{"TheFirstWithItsWordsEdited", func(t *testing.T) {
			back, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Check the engineer's words."})
			if err != nil {
				t.Fatal(err)
			}
			body := "The mayor said “the wall will hold up” on Monday.\n\nThe engineer said “it might not” later."
			if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: back.Version}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
				t.Fatal(err)
			}
			check(t, qs[0].ID, newsroom.QuoteDisputed)
		}, 4},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do(t)
			if n, e, p := toldOfDisputes(t, f.s, d.ID); n != st.want || e != st.want || p != st.want {
				t.Fatalf("%d notifications, %d emails, %d webhook posts of disputes; want %d of each", n, e, p, st.want)
			}
		})
	}
}

// TestDisputeFlipsOnTwoServers: two servers on one database, each taking half of twenty
// verdicts on one quote at once, half of them disputes, tell the writer of the dispute once.
func TestDisputeFlipsOnTwoServers(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{Clock: clk})}
	other := openMigrated(t, dsn, store.Options{Clock: clk})
	stores := []*store.Store{f.s, other}
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, f.s, "fiona", newsroom.RoleFactChecker)
	f.admin, _ = mustUser(t, f.s, "ada", newsroom.RoleAdmin)
	d, qs := disputeFixture(t, f.s, f)
	race(20, func(i int) {
		status := newsroom.QuoteDisputed
		if i/2%2 == 1 {
			status = newsroom.QuoteVerified
		}
		if _, err := stores[i%2].CheckQuote(f.checker, d.ID, qs[0].ID, verdict(status)); err != nil {
			t.Errorf("check %d: %v", i, err)
		}
	})
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 1 || e != 1 || p != 1 {
		t.Fatalf("%d notifications, %d emails, %d webhook posts of disputes; want 1 of each", n, e, p)
	}
	if _, err := other.CheckQuote(f.checker, d.ID, qs[1].ID, verdict(newsroom.QuoteDisputed)); err != nil {
		t.Fatal(err)
	}
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 2 || e != 2 || p != 2 {
		t.Fatalf("after the other quote's dispute: %d notifications, %d emails, %d webhook posts; want 2 of each", n, e, p)
	}
}

// TestDisputeByAnotherIsTold: the quiet is for one person's repeats. The fact-checker's
// dispute is told; once the piece has moved on to editing, the editor's dispute of the same
// quote for a new reason, six minutes later, is news of its own and is told too.
func TestDisputeByAnotherIsTold(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d, qs := disputeFixture(t, f.s, f)
	if _, err := f.s.CheckQuote(f.checker, d.ID, qs[0].ID, verdict(newsroom.QuoteDisputed)); err != nil {
		t.Fatal(err)
	}
	clk.Add(3 * time.Minute)
	for _, q := range qs {
		if _, err := f.s.CheckQuote(f.checker, d.ID, q.ID, verdict(newsroom.QuoteVerified)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	clk.Add(3 * time.Minute)
	c := newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "The minister, not the mayor, said this."}
	if _, err := f.s.CheckQuote(f.editor, d.ID, qs[0].ID, c); err != nil {
		t.Fatal(err)
	}
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 2 || e != 2 || p != 2 {
		t.Fatalf("%d notifications, %d emails, %d webhook posts of disputes; want 2 of each", n, e, p)
	}
}

// TestDisputeToldToNobodyStartsNoQuiet: a dispute that tells nobody (the writer, since made an
// editor, disputing their own quote, with no webhook to hear it) does not start the quiet: once
// a webhook is added, their next dispute of the quote a minute later is posted to it.
func TestDisputeToldToNobodyStartsNoQuiet(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood wall", Byline: "Sarah Johnson", Brief: "A brief.", Body: twoQuotes})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.checker, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	role := newsroom.RoleEditor
	sarah, err := f.s.UpdateUser(f.admin, newsroom.UserFrom(f.writer).ID, store.UserChange{Role: &role})
	if err != nil {
		t.Fatal(err)
	}
	asSarah := newsroom.WithUser(t.Context(), sarah)
	if _, err := f.s.CheckQuote(asSarah, d.ID, qs[0].ID, verdict(newsroom.QuoteDisputed)); err != nil {
		t.Fatal(err)
	}
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n+e+p != 0 {
		t.Fatalf("the writer's dispute of their own quote told %d, %d, %d; want nobody", n, e, p)
	}
	if _, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "newsroom chat", URL: "https://chat.example.com/hook"}); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Minute)
	c := newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "The recording has the engineer saying it."}
	if _, err := f.s.CheckQuote(asSarah, d.ID, qs[0].ID, c); err != nil {
		t.Fatal(err)
	}
	if _, _, p := toldOfDisputes(t, f.s, d.ID); p != 1 {
		t.Fatalf("%d webhook posts of disputes, want 1: the dispute told to nobody silenced the next", p)
	}
}

// TestDisputeAfterSpeakerEditIsTold: a quote disputed, then found to be no quotation, then
// credited by the writer to someone else: the fact-checker's dispute of the words as now
// credited, two minutes later, is of a new claim and is told.
func TestDisputeAfterSpeakerEditIsTold(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d, qs := disputeFixture(t, f.s, f)
	if _, err := f.s.CheckQuote(f.checker, d.ID, qs[0].ID, verdict(newsroom.QuoteDisputed)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.MarkNotQuote(f.checker, d.ID, qs[0].ID, newsroom.QuoteNote{Note: "A paraphrase, not his words."}); err != nil {
		t.Fatal(err)
	}
	back, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Who said it?"})
	if err != nil {
		t.Fatal(err)
	}
	body := "The governor said “the wall will hold” on Monday.\n\nThe engineer said “it might not” later."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: back.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	now, err := f.s.Quotes(f.checker, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(now, func(q newsroom.Quote) bool { return q.ID == qs[0].ID }); i < 0 || newsroom.SameSpeaker(now[i].Speaker, qs[0].Speaker) {
		t.Fatalf("the edit did not credit quote %d to someone else: %+v", qs[0].ID, now)
	}
	clk.Add(2 * time.Minute)
	c := newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "The governor never said this."}
	if _, err := f.s.CheckQuote(f.checker, d.ID, qs[0].ID, c); err != nil {
		t.Fatal(err)
	}
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 2 || e != 2 || p != 2 {
		t.Fatalf("%d notifications, %d emails, %d webhook posts of disputes; want 2 of each", n, e, p)
	}
}

// TestDisputeStampFromAClockFarAhead: a stamp written by a server whose clock runs an hour
// ahead silences nothing on a server with the right clock: the fact-checker's dispute there
// five minutes later is told, and its stamp, by the right clock, quiets their next flip.
func TestDisputeStampFromAClockFarAhead(t *testing.T) {
	base := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	ahead, right := clock.NewFake(base.Add(time.Hour)), clock.NewFake(base)
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{Clock: ahead})}
	other := openMigrated(t, dsn, store.Options{Clock: right})
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, f.s, "fiona", newsroom.RoleFactChecker)
	f.admin, _ = mustUser(t, f.s, "ada", newsroom.RoleAdmin)
	d, qs := disputeFixture(t, f.s, f)
	check := func(t *testing.T, s *store.Store, status newsroom.QuoteStatus) {
		t.Helper()
		if _, err := s.CheckQuote(f.checker, d.ID, qs[0].ID, verdict(status)); err != nil {
			t.Fatal(err)
		}
	}
	check(t, f.s, newsroom.QuoteDisputed)
	check(t, f.s, newsroom.QuoteVerified)
	right.Add(5 * time.Minute)
	check(t, other, newsroom.QuoteDisputed)
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 2 || e != 2 || p != 2 {
		t.Fatalf("after the dispute on the right clock: %d notifications, %d emails, %d webhook posts; want 2 of each", n, e, p)
	}
	check(t, other, newsroom.QuoteVerified)
	right.Add(time.Minute)
	check(t, other, newsroom.QuoteDisputed)
	if n, e, p := toldOfDisputes(t, f.s, d.ID); n != 2 || e != 2 || p != 2 {
		t.Fatalf("after the next flip a minute later: %d notifications, %d emails, %d webhook posts; want 2 of each", n, e, p)
	}
}
