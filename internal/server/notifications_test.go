package server_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// newestNotification returns the id of actor's newest notification.
func (a *testApp) newestNotification(actor string) int64 {
	a.t.Helper()
	page, err := a.store.Notifications(ctxAs(a, actor), false, 0, 1)
	if err != nil || len(page.Notifications) == 0 {
		a.t.Fatalf("%s has no notification: %+v, %v", actor, page, err)
	}
	return page.Notifications[0].ID
}

// webhook adds a webhook as the admin and returns its id.
func (a *testApp) webhook() int64 {
	a.t.Helper()
	w, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: "Chat", URL: "https://chat.example.com/hook"})
	if err != nil {
		a.t.Fatal(err)
	}
	return w.ID
}

// TestNotificationPages: the bell counts the unread on every page; the list shows them newest
// first, marked; following one marks it read and lands on its exact place; "Mark all read"
// empties the bell.
func TestNotificationPages(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	cid := a.comment(d.ID)
	desk := a.page("writer", "GET", "/desk", nil)
	wantStatus(t, desk, http.StatusOK)
	if body := desk.Body.String(); !strings.Contains(body, `aria-label="Notifications, 1 unread"`) || !strings.Contains(body, `<span class="count" aria-hidden="true">1</span>`) {
		t.Fatalf("the desk's bell shows no unread notification:\n%s", body)
	}
	if body := a.page("other", "GET", "/desk", nil).Body.String(); strings.Contains(body, "unread") {
		t.Fatal("another writer's bell counts the writer's notification")
	}
	list := a.page("writer", "GET", "/notifications", nil)
	wantStatus(t, list, http.StatusOK)
	nid := a.newestNotification("writer")
	if body := list.Body.String(); !strings.Contains(body, `<li class="unread"><a href="/notifications/`) || !strings.Contains(body, "Editor commented on “A draft”") || !strings.Contains(body, "Mark all read") {
		t.Fatalf("the list does not show the unread notification:\n%s", body)
	}
	open := a.page("writer", "GET", "/notifications/"+itoa(nid), nil)
	wantStatus(t, open, http.StatusSeeOther)
	if got, want := open.Header().Get("Location"), newsroom.ThreadLink(d.ID, cid); got != want {
		t.Fatalf("the notification leads to %q, want %q", got, want)
	}
	if body := a.page("writer", "GET", "/notifications", nil).Body.String(); !strings.Contains(body, `<li class="read">`) || strings.Contains(body, "Notifications, 1 unread") {
		t.Fatalf("the followed notification is not read:\n%s", body)
	}
	a.comment(d.ID)
	wantStatus(t, a.page("writer", "POST", "/notifications/read-all", nil), http.StatusSeeOther)
	if body := a.page("writer", "GET", "/notifications", nil).Body.String(); strings.Contains(body, "unread") {
		t.Fatalf("unread notifications after marking all read:\n%s", body)
	}
}

// TestWebhookPages: an admin adds a webhook and sees its secret once; a refused form keeps its
// input and says why; the delivery log shows each delivery; pausing and deleting work.
func TestWebhookPages(t *testing.T) {
	a := newTestApp(t)
	bad := a.page("admin", "POST", "/admin/webhooks", url.Values{"name": {"Chat"}, "url": {"ftp://chat.example.com/h"}, "kinds": {"published"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	if body := bad.Body.String(); !strings.Contains(body, "http or https") || !strings.Contains(body, `value="ftp://chat.example.com/h"`) || !strings.Contains(body, `value="published" checked`) {
		t.Fatalf("the refused form lost its input or reason:\n%s", body)
	}
	made := a.page("admin", "POST", "/admin/webhooks", url.Values{"name": {"Chat"}, "url": {"https://chat.example.com/h"}})
	wantStatus(t, made, http.StatusOK)
	hooks, err := a.store.Webhooks(ctxAs(a, "admin"))
	if err != nil || len(hooks) != 1 {
		t.Fatalf("webhooks = %+v, %v", hooks, err)
	}
	if body := made.Body.String(); !strings.Contains(body, `<code class="secret">whsec_`) {
		t.Fatalf("the new webhook's secret is not shown:\n%s", body)
	}
	if body := a.page("admin", "GET", "/admin/webhooks", nil).Body.String(); strings.Contains(body, "whsec_") || !strings.Contains(body, "every kind") {
		t.Fatalf("the list shows a secret, or not the kinds:\n%s", body)
	}
	d := a.draft(newsroom.StageFactCheck)
	id := itoa(hooks[0].ID)
	log := a.page("admin", "GET", "/admin/webhooks/"+id, nil)
	wantStatus(t, log, http.StatusOK)
	if body := log.Body.String(); !strings.Contains(body, "<strong>pending</strong>") || !strings.Contains(body, "Writer moved “A draft” to Fact-check") {
		t.Fatalf("the log does not show the delivery of draft %d:\n%s", d.ID, body)
	}
	wantStatus(t, a.page("admin", "POST", "/admin/webhooks/"+id+"/active", url.Values{"active": {"false"}}), http.StatusSeeOther)
	if w, _ := a.store.Webhook(ctxAs(a, "admin"), hooks[0].ID); w.Active {
		t.Fatal("the webhook was not paused")
	}
	wantStatus(t, a.page("admin", "POST", "/admin/webhooks/"+id+"/delete", nil), http.StatusSeeOther)
	wantStatus(t, a.page("admin", "GET", "/admin/webhooks/"+id, nil), http.StatusNotFound)
}

// TestDraftPageNotificationLog: the History tab says who was told, to the writer and editors,
// and not to a fact-checker.
func TestDraftPageNotificationLog(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	a.comment(d.ID)
	for actor, shown := range map[string]bool{"writer": true, "editor": true, "admin": true, "factchecker": false} {
		res := a.page(actor, "GET", "/drafts/"+itoa(d.ID), nil)
		wantStatus(t, res, http.StatusOK)
		body := res.Body.String()
		if got := strings.Contains(body, "Who was told"); got != shown {
			t.Errorf("%s sees the log: %v, want %v", actor, got, shown)
		}
		if shown && !strings.Contains(body, "<bdi>Writer</bdi> in the app: Editor commented on “A draft” · <strong>delivered</strong>") {
			t.Errorf("%s's log does not say the writer was told:\n%s", actor, body)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
