package server

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// decodeUnreserved writes a path's percent-encoded letters, digits, '-', '.', '_' and '~' as
// the characters themselves before the path is routed: RFC 3986 (6.2.2.2) makes the two the
// same URI, and the router matches the path as written, so /%61rticles/piece-1 or /page/%32
// was a 404 where the page is. Every other escape is kept as it is: an escaped '/' is not a
// separator, and a slug's escaped letters of other scripts are unescaped where it is read.
func decodeUnreserved(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := c.Request().URL
		if u.RawPath != "" && strings.Contains(u.RawPath, "%") {
			raw := unreservedDecoded(u.RawPath)
			if !strings.Contains(raw, "%") {
				raw = ""
			}
			u.RawPath = raw
		}
		return next(c)
	}
}

// unreservedDecoded is the escaped path p with each escape of an unreserved character decoded.
func unreservedDecoded(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			if ch, ok := unhex(p[i+1], p[i+2]); ok && unreserved(ch) {
				b.WriteByte(ch)
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// unhex is the byte the hex digits h and l write, and whether they are hex digits.
func unhex(h, l byte) (byte, bool) {
	hi, ok1 := hexDigit(h)
	lo, ok2 := hexDigit(l)
	return hi<<4 | lo, ok1 && ok2
}

func hexDigit(d byte) (byte, bool) {
	switch {
	case '0' <= d && d <= '9':
		return d - '0', true
	case 'a' <= d && d <= 'f':
		return d - 'a' + 10, true
	case 'A' <= d && d <= 'F':
		return d - 'A' + 10, true
	}
	return 0, false
}

// unreserved reports whether ch is one of RFC 3986's unreserved characters (2.3).
func unreserved(ch byte) bool {
	return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte("-._~", ch) >= 0
}
