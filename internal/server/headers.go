package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// securityHeaders are sent with every response. The policy allows scripts and styles only from
// the site's own files, so that text which slipped through escaping still could not run, and
// no other site may frame a page (clickjacking) or learn more than the origin of the referrer.
// Each is a sharedHeader, under its canonical name.
var securityHeaders = http.Header{
	"Content-Security-Policy": sharedHeader("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
	"X-Content-Type-Options": sharedHeader("nosniff"),
	"Referrer-Policy":        sharedHeader("same-origin"),
	"X-Frame-Options":        sharedHeader("DENY"),
}

// hsts tells browsers to reach the site over https only, for a year, once they have seen it
// there: sent when cookies are secure, since the site is then served over https.
var hsts = sharedHeader("max-age=31536000")

// sharedHeader is a header's value made once and given to every response that sends it, in
// place of the slice that Header.Set makes for each: the headers every request sends took a
// tenth of a cached page's CPU time, most of it in such slices and in canonicalizing names.
// Its capacity is its length, so that Header.Add copies it rather than writing into it; nothing
// writes into a header's value in place.
func sharedHeader(value string) []string {
	return []string{value}
}

// secureHeaders sets securityHeaders, and HSTS when cookies are secure, before the handler
// runs, so that error pages, static files and not-found answers carry them too.
func (s *Server) secureHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		for k, v := range securityHeaders {
			h[k] = v
		}
		if s.cfg.SecureCookies {
			h["Strict-Transport-Security"] = hsts
		}
		return next(c)
	}
}
