package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// bindJSON decodes the request body into v strictly: JSON only, no unknown fields, one value.
// The raw body must be valid UTF-8 without NUL bytes (422): encoding/json would silently turn
// invalid bytes in a string into U+FFFD and store something the client never sent.
func bindJSON(c echo.Context, v any) error {
	if ct := c.Request().Header.Get(echo.HeaderContentType); ct != "" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != echo.MIMEApplicationJSON {
			return newsroom.Errorf(newsroom.EMALFORMED, "send JSON with Content-Type: application/json, not %q", mt)
		}
	}
	data, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return decodeError(err)
	}
	if !utf8.Valid(data) {
		return newsroom.Errorf(newsroom.EINVALID, "request body is not valid UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return newsroom.Errorf(newsroom.EINVALID, "request body must not contain NUL bytes")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return newsroom.Errorf(newsroom.EMALFORMED, "request body holds more than one JSON value")
	}
	return nil
}

func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return newsroom.Errorf(newsroom.ETOOLARGE, "request body is larger than %d bytes", tooLarge.Limit)
	case errors.Is(err, io.EOF):
		return newsroom.Errorf(newsroom.EMALFORMED, "request body is empty; send a JSON object")
	case errors.As(err, &syntax):
		return newsroom.Errorf(newsroom.EMALFORMED, "malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return newsroom.Errorf(newsroom.EMALFORMED, "field %q must be %s, not %s", typ.Field, typ.Type, typ.Value)
	}
	// The remaining decoder errors (unknown field, unexpected end) carry plain-English text that
	// names the field and never any internals.
	return newsroom.Errorf(newsroom.EMALFORMED, "malformed JSON: %s", err.Error())
}

// idParam reads a positive id from the path. Ids that cannot exist are simply not found.
func idParam(c echo.Context, name string) (int64, error) {
	raw := c.Param(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	var num *strconv.NumError
	if errors.As(err, &num) && errors.Is(num.Err, strconv.ErrSyntax) {
		return 0, newsroom.Errorf(newsroom.EMALFORMED, "%s %q is not a number", name, raw)
	}
	if err != nil || id <= 0 {
		return 0, newsroom.Errorf(newsroom.ENOTFOUND, "%s %s not found", name, raw)
	}
	return id, nil
}

// limitParam reads a page's size from the query: 0 when absent (the store's default), else a
// number from 1 to 200.
func limitParam(c echo.Context) (int, error) {
	l := c.QueryParam("limit")
	if l == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(l)
	if err != nil || n < 1 || n > 200 {
		return 0, newsroom.Errorf(newsroom.EINVALID, "limit must be a number from 1 to 200")
	}
	return n, nil
}
