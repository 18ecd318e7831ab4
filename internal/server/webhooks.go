package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// webhookLogLimit is how many of its newest deliveries a webhook's log shows.
const webhookLogLimit = 100

// listWebhooks is GET /api/v1/webhooks (admins).
func (s *Server) listWebhooks(c echo.Context) error {
	ws, err := s.store.Webhooks(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]newsroom.Webhook{"webhooks": ws})
}

// createWebhook is POST /api/v1/webhooks (admins): the answer holds the secret, once.
func (s *Server) createWebhook(c echo.Context) error {
	var in newsroom.NewWebhook
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	w, err := s.store.CreateWebhook(c.Request().Context(), in)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusCreated, w)
}

// updateWebhook is PATCH /api/v1/webhooks/{wid} (admins): pause or resume it.
func (s *Server) updateWebhook(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	var in struct {
		Active *bool `json:"active"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if in.Active == nil {
		return newsroom.Errorf(newsroom.EINVALID, "send active: true to resume the webhook or false to pause it")
	}
	w, err := s.store.SetWebhookActive(c.Request().Context(), id, *in.Active)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, w)
}

// deleteWebhook is DELETE /api/v1/webhooks/{wid} (admins).
func (s *Server) deleteWebhook(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	if err := s.store.DeleteWebhook(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// webhookDeliveries is GET /api/v1/webhooks/{wid}/deliveries (admins): its delivery log.
func (s *Server) webhookDeliveries(c echo.Context) error {
	id, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	ds, err := s.store.WebhookDeliveries(c.Request().Context(), id, webhookLogLimit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]newsroom.DeliveryLog{"deliveries": ds})
}
