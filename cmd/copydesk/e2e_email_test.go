package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestBrowserEmail drives the email pages in headless Chromium: the admin sets the mail server on
// the email settings page, gives their address, confirms it by the link a real SMTP server
// received, and sends themself a test email; the writer does the same with theirs and chooses
// the daily digest.
func TestBrowserEmail(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	mail := smtptest.Start(t, smtptest.Options{})
	b := startBrowser(t, "writer", "admin")
	b.signIn("admin")
	b.setMailServer(mail)
	b.setEmail(mail, "admin@example.org")
	b.run(chromedp.Navigate(b.base+"/admin/email"), chromedp.WaitVisible(`form[action="/admin/email/test"]`, chromedp.ByQuery))
	b.submit(`form[action="/admin/email/test"] button`)
	if got := b.flash(); !strings.HasPrefix(got, "Test email sent to admin@example.org") {
		t.Fatalf("flash %q", got)
	}
	b.shotWidths("admin-email")
	if got := mail.Wait(t, 2); got[1].To[0] != "admin@example.org" || got[1].Subject != "Copydesk: a test email" {
		t.Fatalf("the mail server got %+v", got[1])
	}
	b.signOut()

	b.signIn("writer")
	b.setEmail(mail, "writer@example.org")
	b.run(chromedp.Click(`input[name=email][value=published]`, chromedp.ByQuery), chromedp.Click(`input[name=digest]`, chromedp.ByQuery))
	b.submit(`form[action="/account/notifications"] button`)
	if got := b.flash(); got != "Your email choices are saved." {
		t.Fatalf("flash %q", got)
	}
	if b.count(`input[name=email][value=published]:checked`) != 0 || b.count(`input[name=digest]:checked`) != 1 {
		t.Fatal("the account page does not show the choices saved")
	}
	b.shotWidths("account-email")
}

// confirmPath finds the path of the link that confirms an address in the email that carries it.
var confirmPath = regexp.MustCompile(`/account/email/confirm\?token=[A-Za-z0-9_%-]+`)

// setEmail gives the signed-in user the email address addr on their account page, which waits
// for its link, and confirms it by following the link mail received and pressing Confirm.
func (b *browser) setEmail(mail *smtptest.Server, addr string) {
	b.t.Helper()
	before := len(mail.Messages())
	b.run(chromedp.Navigate(b.base+"/account#email"), chromedp.WaitVisible(`form[action="/account/email"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/account/email"] input[name=email]`, addr, chromedp.ByQuery))
	b.submit(`form[action="/account/email"] button`)
	if got := b.flash(); !strings.HasPrefix(got, "We sent a link to "+addr+": ") {
		b.t.Fatalf("setting the address %s: %q", addr, got)
	}
	if b.count(`form[action="/account/email/cancel"]`) != 1 {
		b.t.Fatalf("the account page shows no address pending")
	}
	b.shotWidths("account-email-pending")
	got := mail.Wait(b.t, before+1)[before]
	link := confirmPath.FindString(got.Text)
	if got.To[0] != addr || link == "" {
		b.t.Fatalf("the mail server got %+v", got)
	}
	b.run(chromedp.Navigate(b.base+link), chromedp.WaitVisible(`form[action="/account/email/confirm"]`, chromedp.ByQuery))
	b.shotWidths("account-email-confirm")
	b.submit(`form[action="/account/email/confirm"] button`)
	if got := b.flash(); got != "Email goes to "+addr+" now." {
		b.t.Fatalf("confirming the address %s: %q", addr, got)
	}
}

// setMailServer has the signed-in admin send the newsroom's email through mail, from the users
// page's link to the email settings.
func (b *browser) setMailServer(mail *smtptest.Server) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+"/admin/users"), chromedp.WaitVisible(`table`, chromedp.ByQuery))
	b.submit(`a[href="/admin/email"]`)
	b.run(chromedp.SendKeys(`input[name=host]`, mail.Host, chromedp.ByQuery), chromedp.SendKeys(`input[name=port]`, fmt.Sprint(mail.Port), chromedp.ByQuery),
		chromedp.SetValue(`select[name=starttls]`, "off", chromedp.ByQuery), chromedp.SendKeys(`input[name=from]`, "desk@example.org", chromedp.ByQuery))
	b.submit(`form[action="/admin/email"] button`)
	if got := b.flash(); got != "Email settings saved." {
		b.t.Fatalf("saving the email settings: %q", got)
	}
}
