package server

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// settle says where a permanent move of the request to target (a path and query of this site,
// escaped) should lead, by asking the server for target as the request would, into a response
// that goes nowhere: target itself when it answers, where it moves on to when it moves too (so
// that a reader and a crawler are moved once, not through a chain), or the not-found error
// when nothing is there (so that they are told so at once, not moved to a 404). Any other answer
// leaves the move to target as it was.
func (s *Server) settle(c echo.Context, target string) (string, error) {
	u, err := url.Parse(target)
	if err != nil {
		return target, nil
	}
	req := c.Request().Clone(c.Request().Context())
	req.Method = http.MethodGet
	req.URL.Path, req.URL.RawPath, req.URL.RawQuery = u.Path, u.RawPath, u.RawQuery
	req.RequestURI = target
	// The answer is only looked at, never sent: no coding to make, no version to compare.
	for _, h := range []string{echo.HeaderAcceptEncoding, "If-None-Match", "If-Modified-Since"} {
		req.Header.Del(h)
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
