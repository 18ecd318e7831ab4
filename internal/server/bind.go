package server

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// bindJSON decodes the request body into v strictly: JSON only (Content-Type: application/json,
// 415 otherwise), an object (not null), no unknown fields, one value.
// The raw body must be valid UTF-8 without NUL bytes, escaped or not, and without lone surrogate
// escapes (422): encoding/json would silently turn invalid bytes and lone surrogates in a string
// into U+FFFD and store something the client never sent.
func bindJSON(c echo.Context, v any) error {
	if err := wantBody(c, echo.MIMEApplicationJSON, "send JSON"); err != nil {
		return err
	}
	data, err := readBody(c.Request())
	if err != nil {
		return decodeError(err)
	}
	if !utf8.Valid(data) {
		return newsroom.Errorf(newsroom.EINVALID, "request body is not valid UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return newsroom.Errorf(newsroom.EINVALID, "request body must not contain NUL bytes")
	}
	if esc := badEscape(data); esc == `\u0000` {
		return newsroom.Errorf(newsroom.EINVALID, "request body must not contain NUL characters (\\u0000)")
	} else if esc != "" {
		return newsroom.Errorf(newsroom.EINVALID, "request body holds %s, half of a surrogate pair without the other half", esc)
	}
	if longList(data, maxListItems) {
		return newsroom.Errorf(newsroom.EINVALID, "request body holds a list or object of more than %d items; no field takes so many", maxListItems)
	}
	if key, ok := duplicateKey(data); ok {
		return newsroom.Errorf(newsroom.EMALFORMED, "request body names %q twice in one object; send each field once", key)
	}
	// encoding/json takes null as "leave v as it is", which would make a null body the empty
	// object and, for an optional body, a request nobody meant to send.
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return newsroom.Errorf(newsroom.EMALFORMED, "request body must be a JSON object, not null")
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

// presizedBody is the most of a request body's declared length that readBody takes on trust
// before any of it arrives: enough for a save of a long piece.
const presizedBody = 256 << 10

// readBody reads req's body whole. A signed-in user's body that declares its length is read
// into a buffer of that size (up to presizedBody), allocated once, where io.ReadAll grows one
// from 512 bytes and, for the 10 kB of a save, allocates ten buffers of 45 kB in all. Anyone
// else's is read as it comes: a client that signs in with nothing could otherwise declare a
// length, send nothing, and hold a quarter of a megabyte a connection until the read times out.
func readBody(req *http.Request) ([]byte, error) {
	size := int64(0)
	if req.ContentLength > 0 && newsroom.UserFrom(req.Context()) != nil {
		size = min(req.ContentLength, presizedBody)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(req.Body)
	return buf.Bytes(), err
}

// maxListItems is the most items a list, or members an object, in a request body may hold. No
// field takes nearly so many (a draft's topics are the longest list, at newsroom.MaxTopics), and
// encoding/json would build every item of a longer one before anything could count them: the
// five megabytes of a draft's text, sent as a million empty topics, took 200 MB.
const maxListItems = 1000

// longList reports whether the JSON text data holds an array or an object of more than max
// items. It counts the commas at each depth outside strings, in one pass that allocates only
// the stack of the containers open. What is not JSON is left to the decoder to refuse, as is
// nesting deeper than its limit of 10,000, where the count stops.
func longList(data []byte, max int) bool {
	var counts []int
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if len(counts) == 10000 {
				return false
			}
			counts = append(counts, 0)
		case (c == ']' || c == '}') && len(counts) > 0:
			counts = counts[:len(counts)-1]
		case c == ',' && len(counts) > 0:
			if counts[len(counts)-1]++; counts[len(counts)-1] >= max {
				return true
			}
		}
	}
	return false
}

// bindOptionalJSON is bindJSON for a body the client may leave out: an empty body, whether it
// comes with Content-Length: 0 or chunked with nothing in it, leaves v as it is.
func bindOptionalJSON(c echo.Context, v any) error {
	req := c.Request()
	data, err := readBody(req)
	if err != nil {
		return decodeError(err)
	}
	if len(data) == 0 {
		return nil
	}
	req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(data)), int64(len(data))
	return bindJSON(c, v)
}

// wantBody refuses a request body of any media type but want (415), saying what to send. A
// request without a body passes, to be told that it needs one.
func wantBody(c echo.Context, want, what string) error {
	req := c.Request()
	mt, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	if mt == want || req.ContentLength == 0 {
		return nil
	}
	if mt == "" {
		return newsroom.Errorf(newsroom.EUNSUPPORTED, "%s with Content-Type: %s", what, want)
	}
	return newsroom.Errorf(newsroom.EUNSUPPORTED, "%s with Content-Type: %s, not %s", what, want, mt)
}

// duplicateKey returns the first key of the JSON text data that an object of it holds twice, as
// encoding/json matches keys to fields: unescaped, and whatever their case (its folding, which
// makes "ſ" an "s" and "K", the Kelvin sign, a "k"). encoding/json would silently take the last,
// so that whatever read the first (a proxy's check, a log) saw another request than the one
// done. What is not JSON is left to the decoder, as in longList; so is nesting deeper than
// its limit, where the check stops.
func duplicateKey(data []byte) (string, bool) {
	type container struct {
		object  bool
		wantKey bool
		keys    map[string]bool
	}
	var open []container
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			end := stringEnd(data, i+1)
			if end < 0 {
				return "", false
			}
			if n := len(open); n > 0 && open[n-1].object && open[n-1].wantKey {
				top := &open[n-1]
				top.wantKey = false
				key := string(data[i+1 : end])
				if bytes.IndexByte(data[i+1:end], '\\') >= 0 && json.Unmarshal(data[i:end+1], &key) != nil {
					return "", false
				}
				folded := foldKey(key)
				if top.keys[folded] {
					return key, true
				}
				if top.keys == nil {
					top.keys = map[string]bool{}
				}
				top.keys[folded] = true
			}
			i = end
		case c == '{' || c == '[':
			if len(open) == 10000 {
				return "", false
			}
			open = append(open, container{object: c == '{', wantKey: c == '{'})
		case (c == '}' || c == ']') && len(open) > 0:
			open = open[:len(open)-1]
		case c == ',' && len(open) > 0:
			open[len(open)-1].wantKey = open[len(open)-1].object
		}
	}
	return "", false
}

// stringEnd returns the index of the quote that ends the JSON string whose text starts at
// from in data, or -1 when it does not end: the first quote after an even run of backslashes.
func stringEnd(data []byte, from int) int {
	for i := from; i < len(data); {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return -1
		}
		end, escaped := i+j, false
		for k := end - 1; k >= from && data[k] == '\\'; k-- {
			escaped = !escaped
		}
		if !escaped {
			return end
		}
		i = end + 1
	}
	return -1
}

// foldKey returns key with each letter replaced by the least of the letters that fold to it
// (unicode.SimpleFold's orbit), so that two keys fold alike exactly when strings.EqualFold
// says they are equal, as encoding/json compares a key with a field's name.
func foldKey(key string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, key)
}

// badEscape returns the first \u escape in the JSON text data that encoding/json would not
// decode to what was sent, or "": \u0000, a NUL no database stores, or one half of a surrogate
// pair without the other, which it would decode to U+FFFD. A backslash outside a string is a
// syntax error that the decoder reports, so every backslash here starts an escape.
func badEscape(data []byte) string {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\\')
		if j < 0 {
			return ""
		}
		i += j
		r := escapedRune(data[i:])
		switch {
		case r < 0:
			i += 2 // \n, \\ and the like
		case r == 0:
			return string(data[i : i+6])
		case utf16.IsSurrogate(r):
			if utf16.DecodeRune(r, escapedRune(data[i+6:])) == unicode.ReplacementChar {
				return string(data[i : i+6])
			}
			i += 12
		default:
			i += 6
		}
	}
	return ""
}

// escapedRune reads a \uXXXX escape at the start of b, or returns -1 if there is none.
func escapedRune(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	n, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	if err != nil {
		return -1
	}
	return rune(n)
}

func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooLarge *http.MaxBytesError
	var badTime *time.ParseError
	switch {
	case errors.As(err, &tooLarge):
		return newsroom.Errorf(newsroom.ETOOLARGE, "request body is larger than %d bytes", tooLarge.Limit)
	case errors.Is(err, io.EOF):
		return newsroom.Errorf(newsroom.EMALFORMED, "request body is empty; send a JSON object")
	case errors.As(err, &syntax):
		return newsroom.Errorf(newsroom.EMALFORMED, "malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &typ) && typ.Field == "":
		return newsroom.Errorf(newsroom.EMALFORMED, "request body must be a JSON %s, not %s", jsonKind(typ.Type), typ.Value)
	case errors.As(err, &typ):
		return newsroom.Errorf(newsroom.EMALFORMED, "field %q must be %s, not %s", typ.Field, jsonKind(typ.Type), typ.Value)
	case errors.As(err, &badTime):
		return newsroom.Errorf(newsroom.EMALFORMED, "%q is not a time: send one in RFC 3339, such as %s", badTime.Value, timeExample)
	case err.Error() == timeNotString:
		return newsroom.Errorf(newsroom.EMALFORMED, "times are strings in RFC 3339, such as %s", timeExample)
	}
	// The remaining decoder errors (unknown field, unexpected end) carry plain-English text that
	// names the field and never any internals. Times decode themselves, so their errors, which
	// name Go's layouts and methods, are put in words above.
	return newsroom.Errorf(newsroom.EMALFORMED, "malformed JSON: %s", err.Error())
}

// jsonKind names the JSON value a Go type is decoded from, as a client sees it, so that an
// error about a value of the wrong type says what to send and no Go type leaks into it.
func jsonKind(t reflect.Type) string {
	if t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	}
	return "object"
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// timeExample is the time that errors about times show as an example.
const timeExample = "2026-03-30T17:00:00Z"

// timeNotString is the text of the error time.Time gives a JSON value that is not a string,
// which the time package does not export.
var timeNotString = new(time.Time).UnmarshalJSON([]byte("0")).Error()

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

// savedAtParam reads field, when the request names it, as the time a working copy was kept, as
// the working copy's saved_at gives it; ok is false when the request does not name it. An empty
// value is the zero time: no copy (see newsroom.DraftUpdate).
func savedAtParam(c echo.Context, field string) (at time.Time, ok bool, err error) {
	if err := c.Request().ParseForm(); err != nil {
		return time.Time{}, false, newsroom.Errorf(newsroom.EMALFORMED, "the form cannot be read: %v", err)
	}
	values, ok := c.Request().Form[field]
	if !ok || values[0] == "" {
		return time.Time{}, ok, nil
	}
	at, err = time.Parse(time.RFC3339Nano, values[0])
	if err != nil {
		return time.Time{}, true, newsroom.Errorf(newsroom.EINVALID, "%s is not a time such as 2026-12-08T09:30:00.123456Z, the saved_at of a working copy", field).With("field", field)
	}
	return at, true, nil
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
