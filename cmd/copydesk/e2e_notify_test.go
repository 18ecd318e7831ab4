package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestBrowserNotifications drives the bell in headless Chromium: the writer, whose piece the
// editor commented on, sees one unread on the desk, finds it on the notifications page, and
// following it lands on the thread, read; an admin adds a webhook and reads its secret once.
func TestBrowserNotifications(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "editor", "admin")
	writer, editor := b.apiToken("writer"), b.apiToken("editor")
	var d struct{ ID int64 }
	b.api(writer, "POST", "/api/v1/drafts", `{"title":"Flood defences","body":"The mayor spoke at the river."}`, &d)
	var c struct{ ID int64 }
	b.api(editor, "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), `{"field":"body","quote":{"exact":"mayor"},"body":"Which mayor?"}`, &c)

	b.signIn("writer")
	if got := b.text(`nav.app .bell .count`); got != "1" {
		t.Fatalf("the bell counts %q unread, want 1", got)
	}
	b.shotWidths("bell")
	b.run(chromedp.Navigate(b.base+"/notifications"), chromedp.WaitVisible(`ol.notifications`, chromedp.ByQuery))
	if got := b.text(`ol.notifications li.unread a`); got != "Editor commented on “Flood defences”" {
		t.Fatalf("the unread notification says %q", got)
	}
	b.shotWidths("notifications")
	b.submit(`ol.notifications li.unread a`)
	var at string
	b.run(chromedp.Location(&at))
	if want := newsroom.ThreadLink(d.ID, c.ID); !strings.HasSuffix(at, want) {
		t.Fatalf("the notification led to %s, want %s", at, want)
	}
	if n := b.count(`nav.app .bell .count`); n != 0 {
		t.Fatal("the bell still counts the notification followed")
	}
	b.signOut()

	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/webhooks"), chromedp.WaitVisible(`form[action="/admin/webhooks"]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=name]`, "Newsroom chat", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=url]`, "https://chat.example.com/hooks/1", chromedp.ByQuery))
	b.submit(`form[action="/admin/webhooks"] button[type=submit]`)
	if secret := b.text(`#created code.secret`); !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("the new webhook's secret is %q", secret)
	}
	b.shotWidths("webhooks")
}
