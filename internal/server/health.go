package server

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// readyTimeout bounds the readiness check, so a wedged database makes /readyz fail rather than
// hang the load balancer's probe.
const readyTimeout = 2 * time.Second

// readyz answers 200 while the database answers, and 503 otherwise. /healthz only says the
// process is up; this says it can serve.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), readyTimeout)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.ErrorContext(c.Request().Context(), "not ready: database unreachable", "err", err)
		return c.JSON(http.StatusServiceUnavailable, errorBody{errorDetail{Code: "unavailable", Message: "the database is unreachable"}})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}
