package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// logRequests writes one structured line per request, with its request id: at DEBUG, since a
// line for each of millions of page views fills disks with nothing anyone reads, and at ERROR
// for an answer the server failed (5xx), which someone should. The server's own request for a
// page a move leads to (see settle) is no client's, and has no line.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		level, ctx := slog.LevelDebug, c.Request().Context()
		if settling(ctx) {
			return nil
		}
		if c.Response().Status >= http.StatusInternalServerError {
			level = slog.LevelError
		}
		if s.log.Enabled(ctx, level) {
			s.log.Log(ctx, level, "request", "method", c.Request().Method, "path", c.Request().URL.Path,
				"status", c.Response().Status, "duration_ms", float64(time.Since(start).Microseconds())/1000)
		}
		return nil
	}
}

// recoverPanics turns a panic in a handler into a logged internal error instead of a dropped
// connection.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// textPaths are the routes that take a draft's text, or as much of it as a whole body, whose
// bodies may be as large as newsroom.MaxTextBytes: the longest text the limits allow, written
// with composed characters (the limits count characters in NFC), escaped in JSON or
// percent-encoded in a form. Text sent decomposed, as Korean syllables spelled letter by letter,
// takes more bytes a character and may be refused for the request's size. The merge form holds
// the writer's whole body once a field is one conflict (see merge.MaxConflicts), a quote's
// forms its words and a new comment the words selected, either of which may run as long as the
// body (a comment's are then refused for their length, with what was typed).
var textPaths = map[string]bool{
	"/api/v1/drafts": true, "/api/v1/drafts/:id": true, "/api/v1/drafts/:id/working-copy": true,
	"/api/v1/articles/:slug/corrections": true, "/api/v1/import": true,
	"/api/v1/drafts/:id/quotes/:qid": true, "/api/v1/drafts/:id/quotes/:qid/waive": true, "/api/v1/drafts/:id/quotes/:qid/not-quote": true,
	"/drafts": true, "/drafts/:id/edit": true, "/drafts/:id/working-copy": true, "/drafts/:id/correct": true, "/desk/import": true,
	"/drafts/:id/unmerged/:rid/merge": true, "/drafts/:id/quotes/:qid": true, "/drafts/:id/quotes/:qid/waive": true,
	"/drafts/:id/quotes/:qid/not-quote": true, "/drafts/:id/comments": true, "/api/v1/drafts/:id/comments": true,
}

// limitBody caps the request body: a longer one fails with 413 when a handler reads past the
// limit, and at once when Content-Length already says so. A request without a body, as a
// reader's GET is, has nothing to cap. The larger limits of the routes that take an image or a
// draft's text are for a signed-in user only, so it runs after authenticate and webSession: an
// anonymous request to such a route, which is refused anyway, is not read and parsed in full
// first.
func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req, limit := c.Request(), s.cfg.BodyLimit
		if req.Body == nil || req.Body == http.NoBody {
			return next(c)
		}
		switch signedIn := newsroom.UserFrom(req.Context()) != nil; {
		case signedIn && uploadPaths[c.Path()]:
			limit = max(limit, imageBodyLimit)
		case signedIn && textPaths[c.Path()]:
			limit = max(limit, newsroom.MaxTextBytes)
		}
		if req.ContentLength > limit {
			return newsroom.Errorf(newsroom.ETOOLARGE, "request body is larger than %d bytes", limit)
		}
		req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
		return next(c)
	}
}

// authenticate puts the user of a bearer token into the request's context. A request without
// a token goes on as anonymous, and the store refuses whatever needs a user; a bad token is 401.
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		if h == "" {
			return next(c)
		}
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			return newsroom.Errorf(newsroom.EUNAUTHORIZED, "Authorization must be \"Bearer <token>\"")
		}
		u, err := s.store.UserByToken(c.Request().Context(), token)
		if err != nil {
			return err
		}
		c.Set(presentedKey, store.Presented{Kind: newsroom.CredentialToken, Secret: token})
		c.SetRequest(c.Request().WithContext(newsroom.WithUser(c.Request().Context(), u)))
		return next(c)
	}
}

// dropTrailingSlash moves a GET for a path ending in "/" (other than the front page's) permanently
// to the same path without it, where every page is served and every link points: a link another
// site wrote as /articles/slug/ reaches the piece rather than a 404, and a crawler files one URL
// for it. The API is left as its clients call it, and a path whose trimmed form would name
// another host (//host) is left to its 404. The move goes where settle says: straight on when
// the path without its slash moves too, and nowhere when that path is not found.
func (s *Server) dropTrailingSlash(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		path := req.URL.EscapedPath()
		trimmed := strings.TrimRight(path, "/")
		if req.Method != http.MethodGet || trimmed == path || trimmed == "" || strings.HasPrefix(trimmed, "//") || strings.HasPrefix(path, "/api/") {
			return next(c)
		}
		if req.URL.RawQuery != "" {
			trimmed += "?" + req.URL.RawQuery
		}
		to, err := s.settle(c, trimmed)
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusMovedPermanently, to)
	}
}
