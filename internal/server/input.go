package server

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// checkText refuses, before any handler or query runs, a request carrying text no database
// should be asked to store or look up: invalid UTF-8 or a NUL byte in a path parameter (404,
// since such a path names nothing), in a query parameter or in a form field (400). PostgreSQL
// answers such text with an error and SQLite takes it as it is; either way the client, not the
// database, is at fault. JSON bodies get the same check in bindJSON.
func checkText(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		for _, v := range c.ParamValues() {
			if !storable(v) {
				return newsroom.Errorf(newsroom.ENOTFOUND, "there is nothing at this address")
			}
		}
		var values url.Values
		if c.QueryString() != "" {
			values = c.QueryParams()
		}
		if isForm(c.Request()) {
			form, err := c.FormParams()
			if err != nil {
				return formError(err)
			}
			values = form
		}
		for name, vs := range values {
			if !storable(name) {
				return newsroom.Errorf(newsroom.EMALFORMED, "a parameter's name is not valid UTF-8 or holds a NUL byte")
			}
			for _, v := range vs {
				if !storable(v) {
					return newsroom.Errorf(newsroom.EMALFORMED, "parameter %q is not valid UTF-8 or holds a NUL byte", name)
				}
			}
		}
		return next(c)
	}
}

// storable reports whether s is valid UTF-8 without NUL bytes.
func storable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// isForm reports whether the request's body is a form, which Echo reads into its form values.
func isForm(r *http.Request) bool {
	ct := r.Header.Get(echo.HeaderContentType)
	if ct == "" {
		return false
	}
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == echo.MIMEApplicationForm || mt == echo.MIMEMultipartForm
}

// formError explains why a form could not be read: too large (413), or malformed (400).
func formError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return newsroom.Errorf(newsroom.ETOOLARGE, "request body is larger than %d bytes", tooLarge.Limit)
	}
	return newsroom.Errorf(newsroom.EMALFORMED, "the form or its query string is malformed")
}
