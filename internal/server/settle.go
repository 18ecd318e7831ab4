package server

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// settlingKey marks the context of settle's own request, which no client made (see settling).
type settlingKey struct{}

// settling reports whether ctx is that of settle's own request: measure and logRequests leave
// it out, so the metrics and the log count what clients asked for, once each.
func settling(ctx context.Context) bool {
	return ctx.Value(settlingKey{}) != nil
}

// settle says where a permanent move of the request to target (a path and query of this site,
// escaped) should lead. A 301 is kept by browsers and crawlers for every viewer, so it may only
// depend on what every viewer is shown: only a public page is asked for, as an anonymous reader
// would ask, into a response that goes nowhere. The answer is target itself when the page
// answers, where it moves on to when it moves too (so that a reader and a crawler are moved once,
// not through a chain), or the not-found error when nothing is there (so that they are told so
// at once, not moved to a 404). A path no route serves is not found without asking. Any other
// target, the newsroom's own pages among them, is moved to as it is: asking for one would run
// its handler for the viewer (rendering it, or marking a notification read) and answer by who
// the viewer is.
func (s *Server) settle(c echo.Context, target string) (string, error) {
	req, err := http.NewRequestWithContext(context.WithValue(context.Background(), settlingKey{}, true), http.MethodGet, target, nil)
	if err != nil {
		return target, nil
	}
	req.Host, req.RemoteAddr, req.RequestURI = c.Request().Host, c.Request().RemoteAddr, target
	req.Header.Set(echo.HeaderXRequestID, c.Response().Header().Get(echo.HeaderXRequestID))
	route := s.echo.NewContext(req, nil)
	s.echo.Router().Find(http.MethodGet, echo.GetPath(req), route)
	switch {
	case !s.metrics.routes[route.Path()]: // the router matched no registered route
		return "", newsroom.Errorf(newsroom.ENOTFOUND, "nothing is at %s", target)
	case !s.publicPages[route.Path()]:
		return target, nil
	}
	w := &discardResponse{header: http.Header{}}
	s.echo.ServeHTTP(w, req)
	switch {
	case w.status == http.StatusNotFound:
		return "", newsroom.Errorf(newsroom.ENOTFOUND, "nothing is at %s", target)
	case w.status >= 300 && w.status < 400 && w.header.Get(echo.HeaderLocation) != "":
		return w.header.Get(echo.HeaderLocation), nil
	}
	return target, nil
}

// discardResponse is a ResponseWriter that keeps the status and headers written to it and
// drops the body.
type discardResponse struct {
	header http.Header
	status int
}

func (w *discardResponse) Header() http.Header { return w.header }

func (w *discardResponse) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return len(b), nil
}

func (w *discardResponse) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}
