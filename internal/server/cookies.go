package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// The cookies of the sign-in, each under its plain name (see cookieName).
const (
	sessionCookie = "copydesk_session"
	loginCSRF     = "copydesk_login_csrf"
	deviceCookie  = "copydesk_device"
	notDoneCookie = "copydesk_notdone"
)

// hostPrefix makes browsers keep a cookie only if it is Secure, for Path=/ and without a
// Domain, so that no other origin (a sibling subdomain, or another port of the same host) can
// set or overwrite it: nobody can plant their own session in a viewer's browser.
const hostPrefix = "__Host-"

// cookieName is the name a sign-in cookie goes by: with the __Host- prefix when cookies are
// secure. Browsers refuse such a cookie over plain http, so otherwise the plain name is used.
func (s *Server) cookieName(name string) string {
	if s.cfg.SecureCookies {
		return hostPrefix + name
	}
	return name
}

// setCookie sends a sign-in cookie for the whole site, HttpOnly and SameSite=Lax, and Secure
// when cookies are secure or the request came over TLS. maxAge is in seconds, 0 for a cookie
// that lasts as long as the browser runs, and negative to delete it.
func (s *Server) setCookie(c echo.Context, name, value string, maxAge int) {
	c.SetCookie(&http.Cookie{Name: s.cookieName(name), Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies || isTLS(c)})
}

// cookie returns the value of the sign-in cookie name that the request carries, or "".
func (s *Server) cookie(c echo.Context, name string) string {
	ck, err := c.Cookie(s.cookieName(name))
	if err != nil {
		return ""
	}
	return ck.Value
}
