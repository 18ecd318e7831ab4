package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestBrowserWhoDoesWhat drives issue 16's whole path in headless Chromium, with a real SMTP
// server: an editor assigns the fact-checker with a due time; the fact-checker finds the piece
// in her inbox, disputes a quote and, in a thread on it, mentions the writer, picking his name
// from the completion list; the writer gets the email and the in-app notification, follows it to
// the thread and answers; the fact-checker, whose inbox now holds the answer, resolves the
// thread, and it leaves both inboxes.
func TestBrowserWhoDoesWhat(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	mail := smtptest.Start(t, smtptest.Options{})
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	b.signIn("admin")
	b.setMailServer(mail)
	b.signOut()
	b.signIn("writer")
	b.setEmail(mail, "writer@example.org")
	b.signOut()

	writer := b.apiToken("writer")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Harbour council backs ferry plan","byline":"Sarah Johnson","brief":"The council voted for the ferry.","body":"The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n“We waited ten years for this,” said Mayor Ana Ruiz."}`, &d)
	b.api(writer, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`, nil)
	draftURL := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)

	// The editor assigns the fact-checker, due in three hours.
	due := time.Now().UTC().Add(3 * time.Hour).Truncate(time.Minute)
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`.ws-work`, chromedp.ByQuery))
	b.run(chromedp.Click(`.ws-work summary`, chromedp.ByQuery),
		chromedp.SetValue(`form[action$="/assignees/fact_check"] select[name=user_id]`, b.userID("factchecker"), chromedp.ByQuery))
	b.submit(`form[action$="/assignees/fact_check"] button[type=submit]`)
	b.run(chromedp.Click(`.ws-work summary`, chromedp.ByQuery),
		chromedp.SetValue(`form.due-form input[name=due]`, due.Format("2006-01-02T15:04"), chromedp.ByQuery))
	b.submit(`form.due-form button[type=submit]`)
	b.signOut()

	// The fact-checker finds it in her inbox, due soon, and goes to it from there.
	b.signIn("factchecker")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-assigned`, chromedp.ByQuery))
	if got := b.text(`#inbox-assigned`); !strings.Contains(got, "Harbour council backs ferry plan") || !strings.Contains(got, "Editor") {
		t.Fatalf("the fact-checker's inbox says %q", got)
	}
	b.shotWidths("who-inbox-assigned")
	b.submit(`#inbox-assigned a[href^="/drafts/"]`)

	// She disputes the mayor's quote, then asks the writer about it in a thread on its words,
	// completing his name from the list.
	b.run(chromedp.WaitVisible(`#quotes`, chromedp.ByQuery),
		chromedp.SendKeys(`#quotes li:nth-of-type(1) input[name=note]`, "The recording has the mayor saying twelve years.", chromedp.ByQuery))
	b.submit(`#quotes li:nth-of-type(1) button[value=disputed]`)
	if n := b.count(`mark.quote-disputed`); n != 1 {
		t.Fatalf("%d disputed quotes marked, want 1", n)
	}
	b.settle()
	b.selectWords("body", "We waited ten years for this")
	b.run(chromedp.Click(`.ws-pop`, chromedp.ByQuery), chromedp.WaitVisible(`.ws-float #comment-form textarea[name=body]`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "@wri", chromedp.ByQuery),
		chromedp.WaitVisible(`#mention-list [role=option]`, chromedp.ByQuery))
	if got := b.text(`#mention-list`); !strings.Contains(got, "Writer") {
		t.Fatalf("the list offers %q, want the writer", got)
	}
	b.run(chromedp.KeyEvent(kb.Enter), chromedp.SendKeys(`#comment-form textarea[name=body]`, "can you send me the recording of the mayor?", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	var thread string
	b.run(chromedp.Evaluate(`(() => { const m = document.querySelector("#threads .comment .mention"); return m ? m.closest(".comment").id : ""; })()`, &thread))
	if !strings.HasPrefix(thread, "comment-") {
		t.Fatalf("no thread shows the mention (%q)", thread)
	}
	b.signOut()

	// The writer gets the email, with a link to the thread.
	var mention smtptest.Message
	for deadline := time.Now().Add(15 * time.Second); mention.Subject == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		for _, m := range mail.Messages() {
			if strings.Contains(m.Subject, "mentioned you") {
				mention = m
			}
		}
	}
	if mention.Subject == "" {
		t.Fatalf("no mention reached the mail server; it has %d messages", len(mail.Messages()))
	}
	if len(mention.To) != 1 || mention.To[0] != "writer@example.org" || !strings.Contains(mention.Subject, "Harbour council backs ferry plan") {
		t.Fatalf("the mention went to %v as %q", mention.To, mention.Subject)
	}
	var cid int64
	fmt.Sscanf(thread, "comment-%d", &cid)
	if link, want := regexp.MustCompile(`https?://\S+`).FindString(mention.Text), b.base+newsroom.ThreadLink(d.ID, cid); link != want {
		t.Fatalf("the email links to %q, want %q", link, want)
	}

	// In the app he has it too: the bell counts it, the list names it, and the inbox holds the
	// thread. He follows the notification to the thread and answers.
	b.signIn("writer")
	if got := b.text(`nav.app .bell .count`); got == "" || got == "0" {
		t.Fatalf("the writer's bell counts %q", got)
	}
	b.run(chromedp.Navigate(b.base+"/notifications"), chromedp.WaitVisible(`ol.notifications`, chromedp.ByQuery))
	if got := b.text(`ol.notifications li.unread`); !strings.Contains(got, "Factchecker mentioned you") {
		t.Fatalf("the writer's newest notification says %q", got)
	}
	if got := b.text(`ol.notifications`); strings.Contains(got, "Factchecker commented") {
		t.Fatalf("the writer is told of the thread as well as the mention in it: %q", got)
	}
	b.shotWidths("who-notifications")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-mentions`, chromedp.ByQuery))
	if got := b.text(`#inbox-mentions`); !strings.Contains(got, "can you send me the recording") {
		t.Fatalf("the writer's inbox mentions say %q", got)
	}
	b.shotWidths("who-inbox-writer")
	b.run(chromedp.Navigate(b.base+"/notifications"), chromedp.WaitVisible(`ol.notifications`, chromedp.ByQuery))
	b.submit(`ol.notifications li.unread a`)
	var at string
	b.run(chromedp.Location(&at))
	if !strings.HasSuffix(at, "#"+thread) {
		t.Fatalf("the notification led to %s, want the thread %s", at, thread)
	}
	reply := fmt.Sprintf(`#%s form[action$="/reply"] input[name=body]`, thread)
	b.settle()
	b.run(chromedp.Focus("#"+thread, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(reply, chromedp.ByQuery),
		chromedp.SendKeys(reply, "Sent: it is twelve years, I will fix the quote.", chromedp.ByQuery))
	b.submit(fmt.Sprintf(`#%s form[action$="/reply"] button[type=submit]`, thread))
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	if b.has(`#inbox-mentions`) || strings.Contains(b.text(`main`), "can you send me the recording") {
		t.Fatalf("the answered thread stays in the writer's inbox: %q", b.text(`main`))
	}
	b.signOut()

	// The answer waits on the fact-checker; she resolves the thread and it leaves her inbox.
	b.signIn("factchecker")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-threads`, chromedp.ByQuery))
	if got := b.text(`#inbox-threads`); !strings.Contains(got, "Harbour council backs ferry plan") {
		t.Fatalf("the fact-checker's inbox threads say %q", got)
	}
	b.run(chromedp.Navigate(draftURL+"#"+thread), chromedp.WaitVisible("#"+thread, chromedp.ByQuery))
	b.settle()
	b.submit(fmt.Sprintf(`#%s form[action$="/resolve"] button[type=submit]`, thread))
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	if b.has(`#inbox-threads`) {
		t.Fatalf("the resolved thread stays in the fact-checker's inbox: %q", b.text(`#inbox-threads`))
	}
	b.shotWidths("who-inbox-done")
	b.signOut()
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	if b.has(`#inbox-threads`) || b.has(`#inbox-mentions`) {
		t.Fatalf("the resolved thread is in the writer's inbox: %q", b.text(`main`))
	}
}
