package server

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// readyTimeout bounds the readiness check, so a wedged database makes /readyz fail rather than
// hang the load balancer's probe.
const readyTimeout = 2 * time.Second

// readyz answers 200 while the database answers and has room, 503 when it does not answer, and
// 507 when the last write found its disk full (see store.Ping). /healthz only says the process
// is up; this says it can serve.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), readyTimeout)
	defer cancel()
	err := s.store.Ping(ctx)
	switch newsroom.ErrorCode(err) {
	case "":
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	case newsroom.EFULL:
		s.log.ErrorContext(c.Request().Context(), "not ready: database disk full", "err", err)
		return c.JSON(statusOf[newsroom.EFULL], errorBody{errorDetail{Code: newsroom.EFULL, Message: newsroom.ErrorMessage(err)}})
	}
	s.log.ErrorContext(c.Request().Context(), "not ready: database unreachable", "err", err)
	return c.JSON(http.StatusServiceUnavailable, errorBody{errorDetail{Code: newsroom.EUNAVAILABLE, Message: "the database is unreachable"}})
}
