package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// Keys of what the middleware that signs a request in (authenticate, webSession) leaves in its
// context: the session's CSRF token, and the credential the request came with.
const (
	csrfKey      = "csrf"
	presentedKey = "presented"
)

// presented returns the token or session the request came with, if any.
func presented(c echo.Context) store.Presented {
	p, _ := c.Get(presentedKey).(store.Presented)
	return p
}

// webSession signs the viewer in from the session cookie, for every route outside the JSON
// API (the API takes bearer tokens only, so a cookie can never be used for it across sites).
func (s *Server) webSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if strings.HasPrefix(c.Request().URL.Path, "/api/") || newsroom.UserFrom(c.Request().Context()) != nil {
			return next(c)
		}
		cookie := s.cookie(c, sessionCookie)
		if cookie == "" {
			return next(c)
		}
		u, csrf, err := s.store.SessionUser(c.Request().Context(), cookie)
		if newsroom.ErrorCode(err) == newsroom.EUNAUTHORIZED {
			s.clearSession(c)
			return next(c)
		} else if err != nil {
			return err
		}
		c.Set(csrfKey, csrf)
		c.Set(presentedKey, store.Presented{Kind: newsroom.CredentialSession, Secret: cookie, Device: s.cookie(c, deviceCookie)})
		c.SetRequest(c.Request().WithContext(newsroom.WithUser(c.Request().Context(), u)))
		return next(c)
	}
}

// signedIn sends anonymous visitors of app pages to the sign-in page (a script calling a page
// route that answers JSON gets 401), and checks the CSRF token of every form posted by a
// signed-in viewer.
func (s *Server) signedIn(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if newsroom.UserFrom(c.Request().Context()) == nil {
			if s.answersJSON(c) {
				return newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in first")
			}
			if c.Request().Method == http.MethodGet {
				return redirect(c, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
			}
			// A form sent from another site was never typed here: nothing to warn of, and
			// nothing to do. It comes without the session cookie (SameSite) from a viewer who
			// may well be signed in, so it must not drop that cookie either: any site could
			// otherwise sign its visitors out of the newsroom.
			if !sentFromHere(c.Request()) {
				return redirect(c, "/login")
			}
			if c.Path() == "/logout" {
				// Signing out once the sign-in has ended is done already, but for the browser's
				// cache; nothing is left undone to warn of.
				return s.logoutPage(c)
			}
			// A form sent after the sign-in ended (it expired, or was signed out elsewhere) is
			// not done, and its sender would otherwise take the sign-in page for a hiccup and
			// land on the desk, away from what they typed. The sign-in page's address says so
			// (notdone), rather than a message read once: the page may be reloaded after its
			// viewer signed in again in another tab, and must still lead back and say so. The
			// address alone can be linked from anywhere, so the browser is given a cookie too,
			// which only a refusal here sets.
			s.setCookie(c, notDoneCookie, "1", int(notDoneTTL/time.Second))
			if back := cameFrom(c); back != "" {
				return redirect(c, "/login?next="+url.QueryEscape(back)+"&notdone=1")
			}
			return redirect(c, "/login?notdone=1")
		}
		if c.Request().Method == http.MethodPost {
			want, _ := c.Get(csrfKey).(string)
			if want == "" || !sameToken(c.FormValue("csrf"), want) {
				return newsroom.Errorf(newsroom.EFORBIDDEN, "this form has expired; reload the page and try again")
			}
		}
		return next(c)
	}
}

// sentFromHere reports whether a form was sent from a page of this site: as the browser says
// (Sec-Fetch-Site), or, from one that does not say, as its Origin does, or, from one that sends
// neither, as its Referer does. The site's Referrer-Policy (same-origin) has its own pages send
// a Referer to it, and no page of another site can make one name this host.
func sentFromHere(req *http.Request) bool {
	if site := req.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin"
	}
	from := req.Header.Get("Origin")
	if from == "" {
		from = req.Referer()
	}
	u, err := url.Parse(from)
	return err == nil && u.Host != "" && u.Host == req.Host
}

// notDoneTTL is how long a browser whose form was refused for want of a sign-in is told so on
// the sign-in page and once signed in again: time to find a password, not to come back a day
// later to a warning of nothing. The cookie is not dropped when the warning is given: several
// tabs may each have had a form refused and each stand on its own sign-in page, and the second
// to be reloaded must still lead back and say so.
const notDoneTTL = 30 * time.Minute

// notDone reports whether the sign-in page at the address saying so (asked) was reached by a
// form of this browser refused for want of a sign-in (see signedIn).
func (s *Server) notDone(c echo.Context, asked string) bool {
	return asked != "" && s.cookie(c, notDoneCookie) != ""
}

// cameFrom is the page of this site a form was sent from (its Referer), or "" when there is
// none to go back to: another site's, or the address the form was sent to, which answers only
// forms (a refused form's page stands there).
func cameFrom(c echo.Context) string {
	req := c.Request()
	from, err := url.Parse(req.Referer())
	if err != nil || from.Host != req.Host || from.Path == req.URL.Path {
		return ""
	}
	if back := from.RequestURI(); localPath(back) == back {
		return back
	}
	return ""
}

func sameToken(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func (s *Server) clearSession(c echo.Context) {
	s.setCookie(c, sessionCookie, "", -1)
}

// loginToken returns the CSRF token of the sign-in form, kept in its own cookie because there
// is no session yet.
func (s *Server) loginToken(c echo.Context) string {
	if tok := s.cookie(c, loginCSRF); len(tok) >= 32 {
		return tok
	}
	b := make([]byte, 32)
	rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	s.setCookie(c, loginCSRF, tok, 0)
	return tok
}

func encodeFlash(msg string) string { return base64.RawURLEncoding.EncodeToString([]byte(msg)) }

func decodeFlash(v string) string {
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// Messages of a form sent after its sender's sign-in ended: on the sign-in page, and on the
// page it leads back to once they are signed in again (here or in another tab).
const (
	signedOutNotDone = "Not done: you had been signed out. Sign in again to go back to the page you were on."
	signedInNotDone  = "Not done: you had been signed out when you sent it. You are signed in again: send it again."
)

func (s *Server) loginPage(c echo.Context) error {
	form := loginForm{Next: c.QueryParam("next"), NotDone: s.notDone(c, c.QueryParam("notdone"))}
	if newsroom.UserFrom(c.Request().Context()) != nil {
		// Signed in meanwhile, in another tab: the way back, and still the word that the form
		// sent was not done, said once.
		if form.NotDone {
			warn(c, signedInNotDone)
		}
		return redirect(c, localPath(form.Next))
	}
	c.Set(csrfKey, s.loginToken(c))
	return s.render(c, http.StatusOK, "login", view{Title: "Sign in", Warning: form.warning(), Data: form})
}

// loginForm is the sign-in form: who signs in, the page to go back to, and whether a form sent
// from it was not done for want of a sign-in.
type loginForm struct {
	Username, Next string
	NotDone        bool
}

func (f loginForm) warning() string {
	if f.NotDone {
		return signedOutNotDone
	}
	return ""
}

func (s *Server) loginSubmit(c echo.Context) error {
	form := loginForm{Username: c.FormValue("username"), Next: c.FormValue("next"), NotDone: s.notDone(c, c.FormValue("notdone"))}
	token := s.cookie(c, loginCSRF)
	if len(token) < 32 || !sameToken(c.FormValue("csrf"), token) {
		return newsroom.Errorf(newsroom.EFORBIDDEN, "this form has expired; reload the page and try again")
	}
	c.Set(csrfKey, token)
	req := store.SignInRequest{Username: form.Username, Password: c.FormValue("password"), Addr: c.RealIP(), Device: s.cookie(c, deviceCookie)}
	ws, err := s.store.SignIn(c.Request().Context(), req)
	switch code := newsroom.ErrorCode(err); code {
	case "":
	case newsroom.EUNAUTHORIZED, newsroom.ETOOMANY, newsroom.EFORBIDDEN:
		setThrottled(c, err)
		return s.render(c, statusOf[code], "login", view{Title: "Sign in", Warning: form.warning(), Error: newsroom.ErrorMessage(err), Data: form})
	default:
		return err
	}
	if old := s.cookie(c, sessionCookie); old != "" {
		_ = s.store.SignOut(c.Request().Context(), old)
	}
	s.setCookie(c, sessionCookie, ws.Cookie, 0)
	s.setCookie(c, deviceCookie, ws.Device, int(store.DeviceTTL/time.Second))
	if form.NotDone {
		warn(c, signedInNotDone)
	}
	return redirect(c, localPath(form.Next))
}

// localPath returns next when it is a path on this site, and the desk otherwise, so that a
// sign-in link cannot send the viewer elsewhere ("//host", "/\host" and control characters,
// which browsers read as another host, are refused).
func localPath(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\") || strings.IndexFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
		return "/desk"
	}
	return next
}

// signOutClears is what a browser is told to drop as its viewer signs out (Clear-Site-Data),
// so that the next person at it finds nothing of theirs: the cache, where the private images
// of drafts are kept a year. Not the storage: it holds typing the server may not have yet (the
// last seconds of it, typing while saves failed, a new draft's form), kept under the viewer's
// own id and offered back only to them. Not the cookies: the device cookie keeps the browser's
// next sign-in its own (see store.DeviceTTL).
const signOutClears = `"cache"`

func (s *Server) logoutPage(c echo.Context) error {
	if cookie := s.cookie(c, sessionCookie); cookie != "" {
		if err := s.store.SignOut(c.Request().Context(), cookie); err != nil {
			return err
		}
	}
	s.clearSession(c)
	c.Response().Header().Set("Clear-Site-Data", signOutClears)
	return redirect(c, "/login")
}
