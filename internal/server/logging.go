package server

import (
	"context"
	"crypto/rand"
	"log/slog"

	"github.com/labstack/echo/v4"
)

type requestIDKey struct{}

// requestIDs gives every request an id, sends it back in the response's X-Request-Id, and puts
// it in the request's context, where the logger finds it. The id is the client's own
// X-Request-Id when that is fit to log and send back as it is (see clientRequestID), and a new
// random one otherwise.
func requestIDs() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			id := c.Request().Header.Get(echo.HeaderXRequestID)
			if !clientRequestID(id) {
				id = rand.Text()
			}
			c.Response().Header().Set(echo.HeaderXRequestID, id)
			c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), requestIDKey{}, id)))
			return next(c)
		}
	}
}

// maxRequestID is the longest X-Request-Id taken from a client, in bytes: room for a UUID or a
// trace id with a prefix, not for a client to fill every log line.
const maxRequestID = 64

// clientRequestID reports whether a client's request id may be used: 1 to maxRequestID
// printable ASCII characters without spaces.
func clientRequestID(id string) bool {
	if id == "" || len(id) > maxRequestID {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' {
			return false
		}
	}
	return true
}

// requestIDHandler adds the request id of the context to every record logged with one, so that
// each line about a request (its access line, an internal error, anything a handler logs with
// s.log.…Context) can be found by the id the client saw.
type requestIDHandler struct {
	slog.Handler
}

// withRequestIDs wraps a logger so that its …Context methods log the request id.
func withRequestIDs(l *slog.Logger) *slog.Logger {
	if _, ok := l.Handler().(requestIDHandler); ok {
		return l
	}
	return slog.New(requestIDHandler{l.Handler()})
}

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}
