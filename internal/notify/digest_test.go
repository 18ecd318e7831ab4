package notify_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// digestRig is a newsroom in Paris on a real database, with a mail server, a fake clock and
// one server's digest job (more with another).
type digestRig struct {
	t     *testing.T
	dsn   string
	clock *clock.Fake
	st    *store.Store
	mail  *smtptest.Server
	email *notify.Email
	users map[string]int64
	event int64
	zone  *time.Location // the --time-zone of the servers open opens
}

func newDigestRig(t *testing.T, start time.Time, opts smtptest.Options) *digestRig {
	r := &digestRig{t: t, dsn: storetest.DSN(t), clock: clock.NewFake(start), users: map[string]int64{}}
	r.st = r.open()
	if _, err := r.st.DB().Exec(`INSERT INTO settings (key, value, updated_at) VALUES ('time_zone', 'Europe/Paris', $1)`, start); err != nil {
		t.Fatal(err)
	}
	r.mail = smtptest.Start(t, opts)
	set := newsroom.MailSettings{Host: r.mail.Host, Port: r.mail.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"}
	r.email = &notify.Email{Flags: set, BaseURL: "https://desk.example.org"}
	for _, name := range []string{"sarah", "fiona"} {
		u, err := r.st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Role: newsroom.RoleWriter,
			Password: "pw-" + name + "-staple", Email: name + "@example.org"})
		if err != nil {
			t.Fatal(err)
		}
		r.users[name] = u.ID
	}
	return r
}

// open opens another store on the rig's database, as another app server would.
func (r *digestRig) open() *store.Store {
	st, err := store.Open(r.dsn, store.Options{Clock: r.clock, PasswordCost: bcrypt.MinCost, TimeZone: r.zone})
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		r.t.Fatal(err)
	}
	return st
}

// setAside writes what the outbox planner writes for someone who chose the digest: a
// notification and its email delivery in status 'digest'.
func (r *digestRig) setAside(user, subject, link string) {
	r.t.Helper()
	r.event++
	now := r.clock.Now()
	var nid int64
	err := r.st.DB().QueryRow(`INSERT INTO notifications (user_id, event_id, kind, subject, link, created_at) VALUES ($1, $2, 'commented', $3, $4, $5) RETURNING id`,
		r.users[user], r.event, subject, link, now).Scan(&nid)
	if err != nil {
		r.t.Fatal(err)
	}
	payload := fmt.Sprintf(`{"subject":%q,"text":"","link":%q}`, subject, link)
	_, err = r.st.DB().Exec(`INSERT INTO deliveries (channel, notification_id, event_id, recipient, payload, status, next_at, created_at) VALUES ('email', $1, $2, $3, $4, 'digest', $5, $5)`,
		nid, r.event, user+"@example.org", payload, now)
	if err != nil {
		r.t.Fatal(err)
	}
}

// waiting counts the deliveries still set aside for a digest, and the attempts logged.
func (r *digestRig) waiting() (digest, attempts int) {
	r.t.Helper()
	if err := r.st.DB().QueryRow(`SELECT (SELECT COUNT(*) FROM deliveries WHERE status = 'digest'), (SELECT COUNT(*) FROM delivery_attempts)`).Scan(&digest, &attempts); err != nil {
		r.t.Fatal(err)
	}
	return digest, attempts
}

func (r *digestRig) run(d *notify.Digest) {
	r.t.Helper()
	if err := d.Run(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}

// paris is 06:59 on a winter day in Paris: 05:59 UTC.
var paris = time.Date(2026, 1, 14, 5, 59, 0, 0, time.UTC)

// TestDigestAtTheHour: the digest goes once, at 07:00 in the newsroom's zone (not UTC's), one
// email per person listing each thing with its link, and its deliveries are marked sent.
func TestDigestAtTheHour(t *testing.T) {
	r := newDigestRig(t, paris, smtptest.Options{})
	d := notify.NewDigest(r.st, r.email, r.clock)
	r.run(d) // yesterday's digest, with nothing in it
	for i := range 5 {
		r.setAside("sarah", fmt.Sprintf("Ana commented on “Café %d”", i), fmt.Sprintf("/drafts/%d#comment-%d", i+1, i+10))
	}
	r.setAside("fiona", "Ed mentioned you", "/drafts/9#comment-3")
	r.run(d)
	if got := r.mail.Messages(); len(got) != 0 {
		t.Fatalf("%d emails before 07:00 in Paris", len(got))
	}
	r.clock.Add(90 * time.Second) // 07:00:30 in Paris, 06:00:30 UTC
	r.run(d)
	got := r.mail.Messages()
	if len(got) != 2 {
		t.Fatalf("%d emails at 07:00, want one for each of 2 people", len(got))
	}
	byTo := map[string]smtptest.Message{}
	for _, m := range got {
		byTo[m.To[0]] = m
	}
	sarah := byTo["sarah@example.org"]
	if sarah.Subject != "Copydesk: 5 things since yesterday" || byTo["fiona@example.org"].Subject != "Copydesk: 1 thing since yesterday" {
		t.Fatalf("subjects %q and %q", sarah.Subject, byTo["fiona@example.org"].Subject)
	}
	for _, want := range []string{"- Ana commented on “Café 0”\n  https://desk.example.org/drafts/1#comment-10\n", "“Café 4”", "one email a day instead"} {
		if !strings.Contains(sarah.Text, want) {
			t.Errorf("sarah's digest lacks %q:\n%s", want, sarah.Text)
		}
	}
	if id := sarah.Header.Get("Message-Id"); id != fmt.Sprintf("<copydesk.digest-%d-20260114@desk.example.org>", r.users["sarah"]) {
		t.Errorf("Message-ID %q", id)
	}
	if waiting, attempts := r.waiting(); waiting != 0 || attempts != 6 {
		t.Fatalf("%d deliveries still waiting and %d attempts logged, want 0 and 6", waiting, attempts)
	}
	r.clock.Add(5 * time.Minute)
	r.run(d)
	if n := len(r.mail.Messages()); n != 2 {
		t.Fatalf("%d emails after running again the same day, want 2", n)
	}
	t.Run("NextDay", func(t *testing.T) {
		r.setAside("fiona", "Your piece was published", "/drafts/9")
		r.clock.Add(24 * time.Hour)
		r.run(d)
		if got := r.mail.Messages(); len(got) != 3 || got[2].Subject != "Copydesk: 1 thing since yesterday" {
			t.Fatalf("next day: %d emails", len(got))
		}
	})
}

// TestDigestAtTheFlagsHour: with no zone set by an admin, the digest's hour is in the server's
// --time-zone (Options.TimeZone), as every other time the newsroom shows.
func TestDigestAtTheFlagsHour(t *testing.T) {
	r := newDigestRig(t, paris, smtptest.Options{})
	if _, err := r.st.DB().Exec(`DELETE FROM settings WHERE key = 'time_zone'`); err != nil {
		t.Fatal(err)
	}
	zone, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	r.zone = zone
	d := notify.NewDigest(r.open(), r.email, r.clock)
	r.run(d) // yesterday's digest, with nothing in it
	r.setAside("sarah", "Ana commented on “Café”", "/drafts/1#comment-10")
	r.run(d)
	if got := r.mail.Messages(); len(got) != 0 {
		t.Fatalf("%d emails before 07:00 in Paris", len(got))
	}
	r.clock.Add(90 * time.Second) // 07:00:30 in Paris, 06:00:30 UTC
	r.run(d)
	if got := r.mail.Messages(); len(got) != 1 {
		t.Fatalf("%d emails at 07:00 in Paris, want 1", len(got))
	}
}

// TestDigestTwoServers: two servers running the job at once send each person's digest once.
func TestDigestTwoServers(t *testing.T) {
	r := newDigestRig(t, paris.Add(2*time.Minute), smtptest.Options{})
	r.setAside("sarah", "One", "/drafts/1")
	r.setAside("fiona", "Two", "/drafts/2")
	jobs := []*notify.Digest{notify.NewDigest(r.st, r.email, r.clock), notify.NewDigest(r.open(), r.email, r.clock)}
	var wg sync.WaitGroup
	for _, d := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := d.Run(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := r.mail.Messages(); len(got) != 2 {
		t.Fatalf("%d emails from two servers, want 2", len(got))
	}
}

// TestDigestSlowRunKeepsItsLease: a server whose run outlasts the digest's lease, each
// person's email slow to go, still holds the run while it sends, so another server asking in
// the meantime does not take it over and send the same digests again.
func TestDigestSlowRunKeepsItsLease(t *testing.T) {
	r := newDigestRig(t, paris.Add(2*time.Minute), smtptest.Options{})
	r.setAside("sarah", "One", "/drafts/1")
	r.setAside("fiona", "Two", "/drafts/2")
	other := notify.NewDigest(r.open(), r.email, r.clock)
	sends := 0
	slow := *r.email
	slow.Saved = func(context.Context) (newsroom.MailSettings, error) { // asked at each send
		sends++
		r.clock.Add(notify.DigestLease * 6 / 10)
		if sends == 2 { // the lease taken at the start has run out by now
			r.run(other)
		}
		return newsroom.MailSettings{}, nil
	}
	r.run(notify.NewDigest(r.st, &slow, r.clock))
	if got := r.mail.Messages(); len(got) != 2 {
		var to []string
		for _, m := range got {
			to = append(to, m.To...)
		}
		t.Fatalf("%d emails (%v), want one for each of 2 people", len(got), to)
	}
}

// TestDigestTakenOverStops: a server paused longer than the lease in the middle of a send
// finds, before its next email, that another server took the digest over, and stops there: the
// one digest it was sending goes twice, as after a crash, and no other.
func TestDigestTakenOverStops(t *testing.T) {
	r := newDigestRig(t, paris.Add(2*time.Minute), smtptest.Options{})
	r.setAside("sarah", "One", "/drafts/1")
	r.setAside("fiona", "Two", "/drafts/2")
	other := notify.NewDigest(r.open(), r.email, r.clock)
	paused := *r.email
	paused.Saved = func(context.Context) (newsroom.MailSettings, error) {
		paused.Saved = nil
		r.clock.Add(notify.DigestLease + time.Minute)
		r.run(other)
		return newsroom.MailSettings{}, nil
	}
	if err := notify.NewDigest(r.st, &paused, r.clock).Run(context.Background()); err == nil || !strings.Contains(err.Error(), "took it over") {
		t.Fatalf("a run taken over = %v, want it to say so", err)
	}
	if got := r.mail.Messages(); len(got) != 3 {
		t.Fatalf("%d emails, want 3: both from the server that took over, and the one under way", len(got))
	}
}

// TestDigestTakeOver: a server that took the digest and died holds it until its lease runs
// out; then another sends it.
func TestDigestTakeOver(t *testing.T) {
	r := newDigestRig(t, paris.Add(2*time.Minute), smtptest.Options{})
	r.setAside("sarah", "One", "/drafts/1")
	slot := time.Date(2026, 1, 14, 6, 0, 0, 0, time.UTC)
	if got, err := r.st.ClaimDigest(context.Background(), slot, "dead-server", notify.DigestLease); err != nil || !got {
		t.Fatalf("ClaimDigest = %v, %v", got, err)
	}
	d := notify.NewDigest(r.open(), r.email, r.clock)
	r.run(d)
	if n := len(r.mail.Messages()); n != 0 {
		t.Fatalf("%d emails while the dead server's lease holds", n)
	}
	r.clock.Add(notify.DigestLease + time.Second)
	r.run(d)
	if n := len(r.mail.Messages()); n != 1 {
		t.Fatalf("%d emails after the lease ran out, want 1", n)
	}
}

// TestDigestRefused: a digest the mail server refuses stays waiting with the attempt logged,
// and is tried again once the lease runs out, not before.
func TestDigestRefused(t *testing.T) {
	r := newDigestRig(t, paris.Add(2*time.Minute), smtptest.Options{Refuse: 451})
	r.setAside("sarah", "One", "/drafts/1")
	d := notify.NewDigest(r.st, r.email, r.clock)
	if err := d.Run(context.Background()); err == nil {
		t.Fatal("a refused digest is no error")
	}
	var status int
	if err := r.st.DB().QueryRow(`SELECT status_code FROM delivery_attempts`).Scan(&status); err != nil || status != 451 {
		t.Fatalf("attempt logged with status %d, %v", status, err)
	}
	if waiting, _ := r.waiting(); waiting != 1 {
		t.Fatalf("%d deliveries waiting, want 1", waiting)
	}
	for _, step := range []struct {
		wait         time.Duration
		wantAttempts int
	}{{time.Minute, 1}, {notify.DigestLease, 2}} {
		r.clock.Add(step.wait)
		d.Run(context.Background())
		if _, attempts := r.waiting(); attempts != step.wantAttempts {
			t.Fatalf("after %v more: %d attempts, want %d", step.wait, attempts, step.wantAttempts)
		}
	}
}
