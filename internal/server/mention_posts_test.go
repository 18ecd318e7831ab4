package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/store"
)

// postCounter is a webhook's receiver: it answers every post and keeps the mention posts' bodies.
type postCounter struct {
	mu       sync.Mutex
	mentions []store.WebhookPayload
}

func (c *postCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var p store.WebhookPayload
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if p.Kind == string(newsroom.NotifyMentioned) {
		c.mu.Lock()
		c.mentions = append(c.mentions, p)
		c.mu.Unlock()
	}
	w.WriteHeader(http.StatusNoContent)
}

func (c *postCounter) posts() []store.WebhookPayload {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.mentions)
}

// TestMentionPosts checks that a comment naming many people cannot flood a webhook: one comment,
// or one edit of it, is at most one mention post to each webhook, counting the people it
// mentioned, while each person is still told, and emailed, as before. What a real receiver and a
// real mail server got is counted once the worker has sent everything. Taking one @name out of
// a comment and putting it back fifty times is one email and one post, as newsroom.RepeatQuiet
// holds the rounds after the first, whether the name was the post's first or not. Deleting the
// webhook then deletes its posts with what they hold.
func TestMentionPosts(t *testing.T) {
	names := func(from, to int) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			fmt.Fprintf(&b, "@p%02d ", i)
		}
		return b.String()
	}
	type step struct {
		edit, del bool // edits or deletes the last comment rather than writing a new one
		body      string
	}
	// toggle writes a comment naming others and then p01, and edits it fifty times, taking
	// @p01 out and putting it back.
	toggle := func(others string) []step {
		steps := []step{{body: others + "@p01 look"}}
		for i := range 50 {
			body := others + "look"
			if i%2 == 1 {
				body = others + "@p01 look"
			}
			steps = append(steps, step{edit: true, body: body})
		}
		return steps
	}
	var rewritten []step
	for range 5 {
		rewritten = append(rewritten, step{body: names(1, 30)}, step{del: true})
	}
	for _, tc := range []struct {
		name  string
		steps []step
		// wantPeople is the people count of each mention post the receiver got, in order of size, wantEmails the
		// emails p01 got, wantNotices p01's mention notifications.
		wantPeople              []int
		wantEmails, wantNotices int
	}{
		{"OneName", []step{{body: names(1, 1)}}, []int{1}, 1, 1},
		{"ThirtyNames", []step{{body: names(1, 30)}}, []int{30}, 1, 1},
		{"ThirtyNamesWrittenFiftyTimesEach", []step{{body: strings.Repeat(names(1, 30), 50)}}, []int{30}, 1, 1},
		{"EditAddsNames", []step{{body: names(1, 30)}, {edit: true, body: names(1, 35)}}, []int{5, 30}, 1, 1},
		{"EditKeepsTheNames", []step{{body: names(1, 30)}, {edit: true, body: names(1, 30) + "again"}}, []int{30}, 1, 1},
		{"TwoComments", []step{{body: names(1, 3)}, {body: names(4, 6)}}, []int{3, 3}, 1, 1},
		{"OneNameToggledFiftyTimes", toggle(""), []int{1}, 1, 26},
		{"SecondNameToggledFiftyTimes", toggle("@p02 "), []int{2}, 1, 26},
		{"ThirtyNamesDeletedAndWrittenAgain", rewritten, []int{30}, 1, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, actorRoles)
			a.allowLocalWebhooks()
			for i := 1; i <= 35; i++ {
				name := fmt.Sprintf("p%02d", i)
				if _, err := a.store.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: newsroom.RoleEditor, Password: "pw-" + name + "-staple"}); err != nil {
					t.Fatal(err)
				}
			}
			var p01 int64
			if err := a.store.DB().QueryRow("SELECT id FROM users WHERE username = 'p01'").Scan(&p01); err != nil {
				t.Fatal(err)
			}
			if _, err := a.store.SetEmail(ctxAs(a, "admin"), p01, "p01@example.org"); err != nil {
				t.Fatal(err)
			}
			receiver := &postCounter{}
			srv := httptest.NewServer(receiver)
			t.Cleanup(srv.Close)
			hook, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: "Chat", URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			mail := smtptest.Start(t, smtptest.Options{})
			email := &notify.Email{Flags: newsroom.MailSettings{Host: mail.Host, Port: mail.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"},
				Saved: a.store.MailSettings, SiteName: "Copydesk", BaseURL: "https://desk.example.org"}
			hooks := notify.NewWebhooks(a.store, "https://desk.example.org", a.clock)
			hooks.AllowLocal = true
			stop := notify.Start(a.store, notify.Config{Channels: map[string]notify.Channel{newsroom.ChannelEmail: email, newsroom.ChannelWebhook: hooks},
				Clock: a.clock, Node: "test", Every: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			t.Cleanup(stop)

			d := a.draft(newsroom.StageFactCheck).ID
			var comment int64
			for _, s := range tc.steps {
				body, _ := json.Marshal(s.body)
				switch {
				case s.del:
					wantStatus(t, a.do("factchecker", "DELETE", fmt.Sprintf("/api/v1/comments/%d", comment), ""), http.StatusNoContent)
				case s.edit:
					wantStatus(t, a.do("factchecker", "PATCH", fmt.Sprintf("/api/v1/comments/%d", comment), `{"body":`+string(body)+`}`), http.StatusOK)
				default:
					res := a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":0,"end":4,"body":`+string(body)+`}`)
					wantStatus(t, res, http.StatusCreated)
					comment = decode[newsroom.Comment](t, res).ID
				}
				a.clock.Add(time.Second)
			}

			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				var pending int
				if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").Scan(&pending); err != nil {
					t.Fatal(err)
				}
				if pending == 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%d deliveries still pending", pending)
				}
			}
			var people []int
			for _, p := range receiver.posts() {
				people = append(people, p.People)
				want := "Factchecker mentioned someone on"
				if p.People > 1 {
					want = fmt.Sprintf("Factchecker mentioned %d people on", p.People)
				}
				if !strings.HasPrefix(p.Text, want) {
					t.Errorf("post %q does not start %q", p.Text, want)
				}
			}
			slices.Sort(people)
			emails := 0
			for _, m := range mail.Messages() {
				if slices.Contains(m.To, "p01@example.org") {
					emails++
				}
			}
			var notices int
			if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = $2", p01, string(newsroom.NotifyMentioned)).Scan(&notices); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(people, tc.wantPeople) || emails != tc.wantEmails || notices != tc.wantNotices {
				t.Errorf("the webhook got mention posts counting %v people, p01 %d emails and %d notifications; want %v, %d and %d",
					people, emails, notices, tc.wantPeople, tc.wantEmails, tc.wantNotices)
			}

			wantStatus(t, a.do("admin", "DELETE", fmt.Sprintf("/api/v1/webhooks/%d", hook.ID), ""), http.StatusNoContent)
			var keys int
			if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM delivery_repeat_keys").Scan(&keys); err != nil || keys != 0 {
				t.Errorf("deleting the webhook left %d of its posts' repeat keys (%v)", keys, err)
			}
		})
	}
}

// TestMentionManyPeople checks that a comment naming any number of people is saved and tells
// each of them, however many webhooks there are: its emails, its one mention post to each
// webhook and the repeat keys those posts hold for every further person go in statements of a
// bounded size, not one statement passing the bound variables the database allows, and the
// keys are one a further person, not one a person and webhook, so that their writing grows with
// the people alone. The same comment written again is then held (newsroom.RepeatQuiet) by the
// keys the first one wrote.
// Short names let thousands of them fit in one comment.
func TestMentionManyPeople(t *testing.T) {
	for _, tc := range []struct {
		name          string
		people, hooks int
		emailed       bool
	}{
		{"AThousandNamesFiftyWebhooks", 1000, 50, false},
		{"ThousandsEmailed", 2100, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, actorRoles)
			a.allowLocalWebhooks()
			for i := range tc.hooks {
				if _, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: fmt.Sprintf("Chat%d", i), URL: "http://127.0.0.1:9/hook"}); err != nil {
					t.Fatal(err)
				}
			}
			var b strings.Builder
			for i := range tc.people {
				name := shortName(i)
				u := store.NewUser{Username: name, Name: name, Role: newsroom.RoleEditor, Password: "pw-" + name + "-staple"}
				if tc.emailed {
					u.Email = name + "@example.org"
				}
				if _, err := a.store.CreateUser(store.AsOperator(context.Background()), u); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "@%s ", name)
			}
			body, _ := json.Marshal(b.String())
			d := a.draft(newsroom.StageFactCheck).ID
			comment := `{"field":"body","start":0,"end":4,"body":` + string(body) + `}`
			for round := range 2 {
				wantStatus(t, a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), comment), http.StatusCreated)
				a.clock.Add(time.Minute)

				var notices, emails, keys int
				if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM notifications WHERE kind = $1", string(newsroom.NotifyMentioned)).Scan(&notices); err != nil {
					t.Fatal(err)
				}
				if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1", newsroom.ChannelEmail).Scan(&emails); err != nil {
					t.Fatal(err)
				}
				if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM delivery_repeat_keys").Scan(&keys); err != nil {
					t.Fatal(err)
				}
				rows, err := a.store.DB().Query("SELECT payload FROM deliveries WHERE channel = $1", newsroom.ChannelWebhook)
				if err != nil {
					t.Fatal(err)
				}
				var posts []int
				for rows.Next() {
					var raw string
					var p store.WebhookPayload
					if err := rows.Scan(&raw); err != nil {
						t.Fatal(err)
					}
					if err := json.Unmarshal([]byte(raw), &p); err != nil {
						t.Fatal(err)
					}
					if p.Kind == string(newsroom.NotifyMentioned) {
						posts = append(posts, p.People)
					}
				}
				if err := rows.Close(); err != nil {
					t.Fatal(err)
				}
				wantEmails := 0
				if tc.emailed {
					wantEmails = tc.people
				}
				if notices != (round+1)*tc.people || emails != wantEmails || keys != tc.people-1 ||
					len(posts) != tc.hooks || slices.ContainsFunc(posts, func(n int) bool { return n != tc.people }) {
					t.Fatalf("after comment %d: %d mention notifications, %d emails, %d repeat keys, mention posts counting %v people; want %d, %d, %d and %d posts of %d",
						round+1, notices, emails, keys, posts, (round+1)*tc.people, wantEmails, tc.people-1, tc.hooks, tc.people)
				}
			}
		})
	}
}

// TestRepeatKeysPruned checks that the expiry sweep deletes the repeat keys of mention posts
// older than newsroom.RepeatQuiet, more than one batch of them, and keeps the newer ones, which
// still hold a repeated mention: a comment naming fifty people to twenty-five webhooks, then
// half an hour later one naming five, then the sweep half an hour after that. A person of the
// second comment named again is not posted of again; one of the first is, its quiet being over.
func TestRepeatKeysPruned(t *testing.T) {
	const hooks = 25
	a := newWorkflowApp(t, nil, actorRoles)
	a.allowLocalWebhooks()
	for i := range hooks {
		if _, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: fmt.Sprintf("Chat%d", i), URL: "http://127.0.0.1:9/hook"}); err != nil {
			t.Fatal(err)
		}
	}
	names := func(from, to int) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			fmt.Fprintf(&b, "@k%02d ", i)
		}
		return b.String()
	}
	for i := range 55 {
		name := fmt.Sprintf("k%02d", i)
		if _, err := a.store.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: newsroom.RoleEditor, Password: "pw-" + name + "-staple"}); err != nil {
			t.Fatal(err)
		}
	}
	d := a.draft(newsroom.StageFactCheck).ID
	comment := func(body string) {
		t.Helper()
		wantStatus(t, a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":0,"end":4,"body":"`+body+`"}`), http.StatusCreated)
	}
	count := func(query string) int {
		t.Helper()
		var n int
		if err := a.store.DB().QueryRow(query).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const keys = "SELECT COUNT(*) FROM delivery_repeat_keys"
	const mentionPosts = `SELECT COUNT(*) FROM deliveries WHERE channel = 'webhook' AND payload LIKE '%"kind":"mentioned"%'`

	comment(names(0, 49))
	firstKeys, lastOfFirst := count(keys), count("SELECT MAX(event_id) FROM deliveries")
	a.clock.Add(newsroom.RepeatQuiet / 2)
	comment(names(50, 54))
	secondKeys := count(keys) - firstKeys
	a.clock.Add(newsroom.RepeatQuiet/2 + time.Minute)
	if err := a.store.Prune(context.Background()); err != nil {
		t.Fatal(err)
	}
	left, oldLeft := count(keys), count(fmt.Sprintf("SELECT COUNT(*) FROM delivery_repeat_keys WHERE event_id <= %d", lastOfFirst))
	if firstKeys != 49 || left != secondKeys || oldLeft != 0 {
		t.Fatalf("the sweep left %d of the first comment's %d repeat keys and %d in all; want none of them and the second's %d", oldLeft, firstKeys, left, secondKeys)
	}

	posts := count(mentionPosts)
	comment(names(54, 54))
	if n := count(mentionPosts); n != posts {
		t.Errorf("naming a person of the second comment again made %d mention posts; want none, the kept keys hold them", n-posts)
	}
	comment(names(49, 49))
	if n := count(mentionPosts); n != posts+hooks {
		t.Errorf("naming a person of the first comment again made %d mention posts; want one to each of the %d webhooks", n-posts, hooks)
	}
}

// shortName is the i-th of the usernames made of digits and lowercase letters, shortest first.
func shortName(i int) string {
	for width, n := 1, 36; ; width, n = width+1, n*36 {
		if i < n {
			s := strconv.FormatInt(int64(i), 36)
			return strings.Repeat("0", width-len(s)) + s
		}
		i -= n
	}
}

// TestRepeatKeysPerWebhook checks that a post's repeat keys, written once for every webhook
// posted of the same mentions, still hold each webhook by its own last post: a person one
// webhook was posted of lately, and so left out of its post of a later comment, is not taken as
// posted of again to it by the other webhook's post. Chat1 is added after a comment naming k1
// went to Chat0 alone; a comment naming k0, k1 and k2 then posts all three to Chat1 and k0 and
// k2 to Chat0; an hour after the first comment, k1 named again goes to Chat0, whose quiet is
// over, and not to Chat1, which was posted of k1 within the hour. Deleting Chat0 keeps the keys
// Chat1's posts still hold; deleting Chat1 too leaves none.
func TestRepeatKeysPerWebhook(t *testing.T) {
	a := newWorkflowApp(t, nil, actorRoles)
	a.allowLocalWebhooks()
	for i := range 3 {
		name := fmt.Sprintf("k%d", i)
		if _, err := a.store.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: newsroom.RoleEditor, Password: "pw-" + name + "-staple"}); err != nil {
			t.Fatal(err)
		}
	}
	var hooks []int64
	addHook := func() {
		t.Helper()
		h, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: fmt.Sprintf("Chat%d", len(hooks)), URL: "http://127.0.0.1:9/hook"})
		if err != nil {
			t.Fatal(err)
		}
		hooks = append(hooks, h.ID)
	}
	d := a.draft(newsroom.StageFactCheck).ID
	comment := func(body string) {
		t.Helper()
		wantStatus(t, a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":0,"end":4,"body":"`+body+`"}`), http.StatusCreated)
	}
	people := func(hook int64, after int64) []int {
		t.Helper()
		rows, err := a.store.DB().Query("SELECT payload FROM deliveries WHERE channel = $1 AND webhook_id = $2 AND id > $3 ORDER BY id", newsroom.ChannelWebhook, hook, after)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var counts []int
		for rows.Next() {
			var raw string
			var p store.WebhookPayload
			if err := rows.Scan(&raw); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(raw), &p); err != nil {
				t.Fatal(err)
			}
			if p.Kind == string(newsroom.NotifyMentioned) {
				counts = append(counts, max(p.People, 1))
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return counts
	}
	lastID := func() int64 {
		t.Helper()
		var id int64
		if err := a.store.DB().QueryRow("SELECT COALESCE(MAX(id), 0) FROM deliveries").Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}

	addHook()
	comment("@k1 ")
	addHook()
	a.clock.Add(10 * time.Minute)
	before := lastID()
	comment("@k0 @k1 @k2 ")
	if got0, got1 := people(hooks[0], before), people(hooks[1], before); !slices.Equal(got0, []int{2}) || !slices.Equal(got1, []int{3}) {
		t.Fatalf("the comment naming three posted counting %v people to Chat0 and %v to Chat1; want [2] and [3]", got0, got1)
	}
	a.clock.Add(newsroom.RepeatQuiet - 5*time.Minute)
	before = lastID()
	comment("@k1 ")
	if got0, got1 := people(hooks[0], before), people(hooks[1], before); !slices.Equal(got0, []int{1}) || len(got1) != 0 {
		t.Errorf("k1 named again posted counting %v people to Chat0 and %v to Chat1; want [1] and none", got0, got1)
	}

	keys := func() int {
		t.Helper()
		var n int
		if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM delivery_repeat_keys").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	kept := keys()
	wantStatus(t, a.do("admin", "DELETE", fmt.Sprintf("/api/v1/webhooks/%d", hooks[0]), ""), http.StatusNoContent)
	if n := keys(); n != kept {
		t.Errorf("deleting Chat0 left %d of the %d repeat keys; want all, as Chat1's posts hold them", n, kept)
	}
	wantStatus(t, a.do("admin", "DELETE", fmt.Sprintf("/api/v1/webhooks/%d", hooks[1]), ""), http.StatusNoContent)
	if n := keys(); n != 0 {
		t.Errorf("deleting both webhooks left %d repeat keys; want none", n)
	}
}
