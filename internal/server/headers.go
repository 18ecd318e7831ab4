package server

import "github.com/labstack/echo/v4"

// securityHeaders are sent with every response. The policy allows scripts and styles only from
// the site's own files, so that text which slipped through escaping still could not run, and
// no other site may frame a page (clickjacking) or learn more than the origin of the referrer.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "same-origin",
	"X-Frame-Options":        "DENY",
}

// hsts tells browsers to reach the site over https only, for a year, once they have seen it
// there: sent when cookies are secure, since the site is then served over https.
const hsts = "max-age=31536000"

// secureHeaders sets securityHeaders, and HSTS when cookies are secure, before the handler
// runs, so that error pages, static files and not-found answers carry them too.
func (s *Server) secureHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		if s.cfg.SecureCookies {
			h.Set("Strict-Transport-Security", hsts)
		}
		return next(c)
	}
}
