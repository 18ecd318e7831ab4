package server

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// statusOf is the one map from error codes to HTTP statuses.
var statusOf = map[string]int{
	newsroom.EMALFORMED:    http.StatusBadRequest,
	newsroom.EUNAUTHORIZED: http.StatusUnauthorized,
	newsroom.EFORBIDDEN:    http.StatusForbidden,
	newsroom.ENOTFOUND:     http.StatusNotFound,
	newsroom.ECONFLICT:     http.StatusConflict,
	newsroom.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	newsroom.EINVALID:      http.StatusUnprocessableEntity,
	newsroom.EINTERNAL:     http.StatusInternalServerError,
}

// codeOf is the reverse, for errors Echo raises itself (unknown route, wrong method, body limit).
var codeOf = map[int]string{
	http.StatusBadRequest:            newsroom.EMALFORMED,
	http.StatusUnauthorized:          newsroom.EUNAUTHORIZED,
	http.StatusForbidden:             newsroom.EFORBIDDEN,
	http.StatusNotFound:              newsroom.ENOTFOUND,
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusRequestEntityTooLarge: newsroom.ETOOLARGE,
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
// code's status. Internal errors are logged with the request id and shown as "internal error".
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := s.errorResponse(err, c)
	if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else {
		err = c.JSON(status, body)
	}
	if err != nil {
		s.log.Error("writing error response", "err", err, "request_id", requestID(c))
	}
}

func (s *Server) errorResponse(err error, c echo.Context) (int, errorBody) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code, ok := codeOf[he.Code]
		if !ok {
			code = newsroom.EINTERNAL
		}
		msg := http.StatusText(he.Code)
		if code == newsroom.ETOOLARGE {
			msg = "request body is larger than the limit"
		}
		return he.Code, errorBody{errorDetail{Code: code, Message: msg}}
	}
	code := newsroom.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok || code == newsroom.EINTERNAL {
		s.log.Error("internal error", "err", err, "request_id", requestID(c), "method", c.Request().Method, "path", c.Path())
		return http.StatusInternalServerError, errorBody{errorDetail{Code: newsroom.EINTERNAL, Message: "internal error"}}
	}
	var e *newsroom.Error
	errors.As(err, &e)
	return status, errorBody{errorDetail{Code: code, Message: e.Message, Details: e.Details}}
}

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}
