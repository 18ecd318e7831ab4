package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// headAsGet answers HEAD on every GET route as GET does, with the same status and headers
// (Content-Length and ETag included) and no body, as RFC 9110 (9.3.2) has it. Link checkers,
// uptime monitors and feed readers send HEAD, and the routes are registered for GET alone.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method != http.MethodHead {
			return next(c)
		}
		req.Method = http.MethodGet
		res := c.Response()
		w := res.Writer
		res.Writer = headResponse{w}
		defer func() { res.Writer = w }()
		return next(c)
	}
}

// headResponse drops the body of an answer to HEAD and keeps its status and headers.
type headResponse struct{ http.ResponseWriter }

func (w headResponse) Write(b []byte) (int, error) { return len(b), nil }

// Unwrap gives http.ResponseController the writer underneath.
func (w headResponse) Unwrap() http.ResponseWriter { return w.ResponseWriter }
