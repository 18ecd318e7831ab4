package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestBrowserEmail drives the email pages in headless Chromium: the writer gives an address
// and chooses the daily digest; the admin gives theirs, sets the mail server on the email
// settings page and sends themself a test email, which a real SMTP server receives.
func TestBrowserEmail(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	mail := smtptest.Start(t, smtptest.Options{})
	b := startBrowser(t, "writer", "admin")
	b.signIn("writer")
	b.setEmail("writer@example.org")
	b.run(chromedp.Click(`input[name=email][value=published]`, chromedp.ByQuery), chromedp.Click(`input[name=digest]`, chromedp.ByQuery))
	b.submit(`form[action="/account/notifications"] button`)
	if got := b.flash(); got != "Your email choices are saved." {
		t.Fatalf("flash %q", got)
	}
	if b.count(`input[name=email][value=published]:checked`) != 0 || b.count(`input[name=digest]:checked`) != 1 {
		t.Fatal("the account page does not show the choices saved")
	}
	b.shotWidths("account-email")
	b.signOut()

	b.signIn("admin")
	b.setEmail("admin@example.org")
	b.setMailServer(mail)
	b.submit(`form[action="/admin/email/test"] button`)
	if got := b.flash(); !strings.HasPrefix(got, "Test email sent to admin@example.org") {
		t.Fatalf("flash %q", got)
	}
	b.shotWidths("admin-email")
	if got := mail.Wait(t, 1); got[0].To[0] != "admin@example.org" || got[0].Subject != "Copydesk: a test email" {
		t.Fatalf("the mail server got %+v", got[0])
	}
}

// setEmail gives the signed-in user the email address addr on their account page.
func (b *browser) setEmail(addr string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+"/account#email"), chromedp.WaitVisible(`form[action="/account/email"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/account/email"] input[name=email]`, addr, chromedp.ByQuery))
	b.submit(`form[action="/account/email"] button`)
	if got := b.flash(); got != "Email goes to "+addr+" now." {
		b.t.Fatalf("setting the address %s: %q", addr, got)
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
