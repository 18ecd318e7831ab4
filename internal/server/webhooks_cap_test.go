package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestWebhookCap checks that a newsroom holds newsroom.MaxWebhooks webhooks at most, over the
// API and the admin page alike, with a message naming the limit: every notifiable change writes
// a post to each webhook in its own transaction, and with thousands of them every transition
// failed as an internal error. The workflow goes on at the cap, and a deleted webhook makes room.
func TestWebhookCap(t *testing.T) {
	a := newTestApp(t)
	add := func(i int) *httptest.ResponseRecorder {
		return a.do("admin", "POST", "/api/v1/webhooks", fmt.Sprintf(`{"name":"Hook %d","url":"https://chat.example.com/h%d"}`, i, i))
	}
	var first newsroom.Webhook
	for i := range newsroom.MaxWebhooks {
		res := add(i)
		wantStatus(t, res, http.StatusCreated)
		if i == 0 {
			first = decode[newsroom.Webhook](t, res)
		}
	}
	limit := fmt.Sprintf("at most %d webhooks", newsroom.MaxWebhooks)
	t.Run("API", func(t *testing.T) {
		res := add(newsroom.MaxWebhooks)
		wantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(res.Body.String(), limit) {
			t.Errorf("refusal = %s; want it to say %q", res.Body.String(), limit)
		}
	})
	t.Run("Page", func(t *testing.T) {
		res := a.page("admin", "POST", "/admin/webhooks", url.Values{"name": {"One more"}, "url": {"https://chat.example.com/more"}})
		wantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(res.Body.String(), limit) {
			t.Errorf("the page does not say %q", limit)
		}
	})
	t.Run("WorkflowGoesOn", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`), http.StatusOK)
	})
	t.Run("DeleteMakesRoom", func(t *testing.T) {
		wantStatus(t, a.do("admin", "DELETE", fmt.Sprintf("/api/v1/webhooks/%d", first.ID), ""), http.StatusNoContent)
		wantStatus(t, add(newsroom.MaxWebhooks), http.StatusCreated)
	})
	hooks, err := a.store.Webhooks(ctxAs(a, "admin"))
	if err != nil || len(hooks) != newsroom.MaxWebhooks {
		t.Errorf("webhooks = %d, %v; want %d", len(hooks), err, newsroom.MaxWebhooks)
	}
}
