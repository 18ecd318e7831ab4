package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// statusOf is the one map from error codes to HTTP statuses.
var statusOf = map[string]int{
	newsroom.EMALFORMED:    http.StatusBadRequest,
	newsroom.EUNAUTHORIZED: http.StatusUnauthorized,
	newsroom.EFORBIDDEN:    http.StatusForbidden,
	newsroom.EPASSWORD:     http.StatusForbidden,
	newsroom.ENOTFOUND:     http.StatusNotFound,
	newsroom.ECONFLICT:     http.StatusConflict,
	newsroom.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	newsroom.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	newsroom.ETOOMANY:      http.StatusTooManyRequests,
	newsroom.EINVALID:      http.StatusUnprocessableEntity,
	newsroom.EUNAVAILABLE:  http.StatusServiceUnavailable,
	newsroom.EFULL:         http.StatusInsufficientStorage,
	newsroom.ECANCELED:     statusClientClosedRequest,
	newsroom.EINTERNAL:     http.StatusInternalServerError,
}

// statusClientClosedRequest is the status of a request that ended before its answer was ready,
// nginx's 499: nobody reads it, but the request's log line says that the client left, not that
// the server failed (a 5xx, logged as an error).
const statusClientClosedRequest = 499

// retryAfter is the Retry-After, in seconds, of an answer that the database is unavailable:
// about as long as PostgreSQL takes to restart or fail over.
const retryAfter = "10"

// bearerChallenge is the WWW-Authenticate of every 401, which RFC 9110 requires: the server
// takes bearer tokens (RFC 6750) from the API's clients.
const bearerChallenge = `Bearer realm="copydesk"`

// codeOf is the reverse, for errors Echo raises itself (unknown route, wrong method).
var codeOf = map[int]string{
	http.StatusBadRequest:       newsroom.EMALFORMED,
	http.StatusUnauthorized:     newsroom.EUNAUTHORIZED,
	http.StatusForbidden:        newsroom.EFORBIDDEN,
	http.StatusNotFound:         newsroom.ENOTFOUND,
	http.StatusMethodNotAllowed: "method_not_allowed",
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

// handleError is the one place errors become responses: {"error": {"code", "message"}} with the
// code's status. Internal errors and database faults are logged with the request id, and
// internal errors are shown as "internal error".
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := s.errorResponse(err, c)
	switch status {
	case http.StatusServiceUnavailable:
		c.Response().Header().Set("Retry-After", retryAfter)
	case http.StatusUnauthorized:
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, bearerChallenge)
	}
	setThrottled(c, err)
	switch {
	case c.Request().Method == http.MethodHead:
		err = c.NoContent(status)
	case s.wantsPage(c) && s.appPages[c.Path()]:
		err = s.render(c, status, "error", view{Title: http.StatusText(status), Error: body.Error.Message, Data: errorPage{Back: formFrom(c)}})
	case s.wantsPage(c):
		err = s.readerError(c, status, body.Error.Message)
	default:
		err = c.JSON(status, body)
	}
	if err != nil {
		s.log.ErrorContext(c.Request().Context(), "writing error response", "err", err)
	}
}

// errorPage is what an error page shows besides the error: for a form, the page it was sent
// from, where what was typed waits to be sent again (a draft's page offers its typing back).
type errorPage struct {
	Back string
}

// formFrom is the page a form that failed was sent from, or "" for any other request.
func formFrom(c echo.Context) string {
	if c.Request().Method != http.MethodPost {
		return ""
	}
	return cameFrom(c)
}

func (s *Server) errorResponse(err error, c echo.Context) (int, errorBody) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code, ok := codeOf[he.Code]
		if !ok {
			code = newsroom.EINTERNAL
		}
		return he.Code, errorBody{errorDetail{Code: code, Message: http.StatusText(he.Code)}}
	}
	code := newsroom.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok || code == newsroom.EINTERNAL {
		s.log.ErrorContext(c.Request().Context(), "internal error", "err", err, "method", c.Request().Method, "path", c.Path())
		return http.StatusInternalServerError, errorBody{errorDetail{Code: newsroom.EINTERNAL, Message: "internal error"}}
	}
	if code == newsroom.EUNAVAILABLE || code == newsroom.EFULL {
		s.log.ErrorContext(c.Request().Context(), "database fault", "err", err, "method", c.Request().Method, "path", c.Path())
	}
	var e *newsroom.Error
	errors.As(err, &e)
	return status, errorBody{errorDetail{Code: code, Message: e.Message, Details: e.Details}}
}

// setThrottled sets Retry-After on the answer to an attempt the store throttled (ETOOMANY), to
// the seconds it said to wait, for the JSON API and the forms that show the refusal alike.
func setThrottled(c echo.Context, err error) {
	var e *newsroom.Error
	if !errors.As(err, &e) || e.Code != newsroom.ETOOMANY {
		return
	}
	if secs, ok := e.Details["retry_after"].(int); ok {
		c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	}
}

// wantsPage reports whether an error should be shown as a page: a browser asking for anything
// but a route that answers JSON.
func (s *Server) wantsPage(c echo.Context) bool {
	return !s.answersJSON(c) && strings.Contains(c.Request().Header.Get("Accept"), "text/html")
}

// answersJSON reports whether the request is for a route that answers JSON, whoever calls it and
// whatever it accepts: the API, or a page route that a page's script calls (see routes). The
// route is the router's, so that an error raised before the handler runs is answered alike.
func (s *Server) answersJSON(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/") || s.jsonPages[c.Path()]
}
