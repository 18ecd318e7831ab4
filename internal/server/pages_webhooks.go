package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// webhooksView is the webhooks page's data: every webhook, the kinds to choose from, the form's
// input after a refusal, and the webhook just made, with its secret, right after making it.
type webhooksView struct {
	Webhooks []newsroom.Webhook
	Kinds    []newsroom.NotificationKind
	Form     newsroom.NewWebhook
	Chosen   []string
	Created  *newsroom.Webhook
}

// webhooksPage is GET /admin/webhooks.
func (s *Server) webhooksPage(c echo.Context) error {
	return s.renderWebhooks(c, http.StatusOK, webhooksView{}, "")
}

func (s *Server) renderWebhooks(c echo.Context, status int, data webhooksView, problem string) error {
	ws, err := s.store.Webhooks(c.Request().Context())
	if err != nil {
		return err
	}
	data.Webhooks, data.Kinds = ws, newsroom.NotificationKinds
	return s.render(c, status, "webhooks", view{Title: "Webhooks", Error: problem, Data: data})
}

// addWebhookPage is POST /admin/webhooks: the page shows the new webhook's secret, once; a
// refused form comes back with its input and the reason.
func (s *Server) addWebhookPage(c echo.Context) error {
	form := newsroom.NewWebhook{Name: c.FormValue("name"), URL: c.FormValue("url")}
	params, _ := c.FormParams()
	for _, k := range params["kinds"] {
		form.Kinds = append(form.Kinds, newsroom.NotificationKind(k))
	}
	chosen := params["kinds"]
	w, err := s.store.CreateWebhook(c.Request().Context(), form)
	if newsroom.ErrorCode(err) == newsroom.EINVALID {
		return s.renderWebhooks(c, http.StatusUnprocessableEntity, webhooksView{Form: form, Chosen: chosen}, newsroom.ErrorMessage(err))
	} else if err != nil {
		return err
	}
	return s.renderWebhooks(c, http.StatusOK, webhooksView{Created: w}, "")
}

// webhookLogPage is GET /admin/webhooks/{wid}: the webhook's delivery log.
func (s *Server) webhookLogPage(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	w, err := s.store.Webhook(c.Request().Context(), id)
	if err != nil {
		return err
	}
	ds, err := s.store.WebhookDeliveries(c.Request().Context(), id, webhookLogLimit)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "webhook_log", view{Title: "Deliveries to " + w.Name, Data: struct {
		Webhook    *newsroom.Webhook
		Deliveries []newsroom.DeliveryLog
	}{w, ds}})
}

// pauseWebhookPage is POST /admin/webhooks/{wid}/active, with active true or false.
func (s *Server) pauseWebhookPage(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "true"
	w, err := s.store.SetWebhookActive(c.Request().Context(), id, active)
	if err != nil {
		return s.afterAction(c, err, "/admin/webhooks", "")
	}
	msg := "Webhook " + w.Name + " paused: it gets nothing new until it is resumed."
	if active {
		msg = "Webhook " + w.Name + " resumed."
	}
	return s.afterAction(c, nil, "/admin/webhooks", msg)
}

// deleteWebhookPage is POST /admin/webhooks/{wid}/delete.
func (s *Server) deleteWebhookPage(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	return s.afterAction(c, s.store.DeleteWebhook(c.Request().Context(), id), "/admin/webhooks", "Webhook deleted, with its delivery log.")
}
