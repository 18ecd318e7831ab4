package server

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/web"
)

// pageFuncs are the helpers every app template may call (times are the view's: see view.Local,
// which writes them in the newsroom's zone). label names a stage, role or action
// as the workflow labels it, and anything else (a field name) in words; has
// reports whether a list (such as the fields a viewer may edit) holds a name.
func pageFuncs(p *policy.Policy) template.FuncMap {
	return template.FuncMap{
		"label": func(v any) string { return labelOf(p, v) },
		// step names an audit entry's action: the workflow's label for one of its actions, or
		// the plain words for a step of the history that is not one (see stepLabel).
		"step": func(name string) string { return stepLabel(p, name) },
		// stageLabels are the workflow's labels of its stages by name, for a page's script to
		// name a stage the page was not shown at.
		"stageLabels": func() map[newsroom.Stage]string {
			labels := map[newsroom.Stage]string{}
			for _, st := range p.Stages() {
				labels[st.Name] = st.Label
			}
			return labels
		},
		// query writes a URL's query from names and values, leaving out the empty ones. It is
		// already escaped, and marked so: escaped again as a plain string, its '=' and '&'
		// became part of one parameter's name, and the link lost every filter it carried.
		"query": func(kv ...string) template.URL { return template.URL(queryString(kv...)) },
		// dict gathers names and values into a map, to give a part template more than one value.
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		// work reports whether an audit entry's action is about who works a piece or by when.
		"work": func(name string) bool {
			return slices.Contains([]string{newsroom.StepAssign, newsroom.StepClaim, newsroom.StepUnassign, newsroom.StepDue}, name)
		},
		// imageStep reports whether an audit entry's action changed the lead image, whose note
		// finishes the entry's sentence.
		"imageStep": newsroom.ImageStep,
		// isolates splits an image step's note at the labels of its images (see isolates).
		"isolates": isolates,
		"lines":    func(ss []string) string { return strings.Join(ss, "\n") },
		// static is the fingerprinted URL path of a file under /static, which browsers keep.
		"static": web.StaticPath,
		"has":    func(list []string, s string) bool { return slices.Contains(list, s) },
		// plus adds two counts, and count writes one with its thousands grouped ("1,234").
		"plus":  func(a, b int) int { return a + b },
		"count": groupThousands,
		// clip shortens the words a thread is on (see clipWords).
		"clip": clipWords,
		// firstWords names a quote or a thread by its first words (see firstWords).
		"firstWords": firstWords,
		// mentions shows text with each @name in it highlighted.
		"mentions": mentionHTML,
		// isolated keeps a line stored before the direction rule from turning the words after it
		// where no element can isolate it, as in the page's <title> (see newsroom.Isolated).
		"isolated": newsroom.Isolated,
		// kinds are the kinds of quotation the ledger panel can be filtered to.
		"kinds": func() []newsroom.QuoteKind { return newsroom.QuoteKinds },
		// confirm is the question the workflow asks before action, if any.
		"confirm": func(action string) string {
			a, _ := p.Action(newsroom.Action(action))
			return a.Confirm
		},
	}
}

// labelOf is the words a page shows for v: the workflow's label of a stage, role or action it
// declares, or v's name with spaces for underscores.
func labelOf(p *policy.Policy, v any) string {
	switch v := v.(type) {
	case newsroom.Stage:
		if st, ok := p.Stage(v); ok {
			return st.Label
		}
	case newsroom.Role:
		if r, ok := p.Role(v); ok {
			return r.Label
		}
	case newsroom.Action:
		if a, ok := p.Action(v); ok {
			return a.Label
		}
	}
	return strings.ReplaceAll(fmt.Sprint(v), "_", " ")
}

// stepLabel is the words a piece's history shows for the step name of an entry: the workflow's
// label of one of its actions, or the plain words for a step the store records that is not an
// action ("Created", "Corrected after publishing"), or the name with spaces for underscores.
func stepLabel(p *policy.Policy, name string) string {
	if a, ok := p.Action(newsroom.Action(name)); ok {
		return a.Label
	}
	if w, ok := newsroom.StepWords(name); ok {
		return w
	}
	return strings.ReplaceAll(name, "_", " ")
}

// pages holds every app page, each put together from the layout, the partials (partials.html,
// and the parts of pages in parts/, one file per part) and its own file. The templates are
// embedded and the workflow their functions read never changes while the program runs, so a page
// put together is the page for the binary's life; what a page shows comes from the store on
// every request.
type pages map[string]*page

// page is one app page, put together the first time it is shown: the layout and the partials
// are parsed once and cloned for each page, and the clones (a copy of every shared parse tree)
// were most of the server's start-up, paid before its first answer for pages nobody had asked for
// yet. Each page's own file is parsed at start-up all the same, so that a broken template stops
// the server before it serves anything; parsed again on the clone, it cannot fail.
type page struct {
	once  sync.Once
	build func() (*template.Template, error)
	t     *template.Template
	err   error
}

// template is the page, put together on its first use.
func (p *page) template() (*template.Template, error) {
	p.once.Do(func() { p.t, p.err = p.build() })
	return p.t, p.err
}

func parsePages(p *policy.Policy) (pages, error) {
	names, err := fs.Glob(web.FS, "templates/app/*.html")
	if err != nil {
		return nil, err
	}
	funcs := pageFuncs(p)
	shared, err := template.New("layout.html").Funcs(funcs).ParseFS(web.FS, "templates/layout.html", "templates/app/partials.html", "templates/app/parts/*.html")
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	out := pages{}
	for _, name := range names {
		base := path.Base(name)
		if base == "partials.html" {
			continue
		}
		if _, err := template.New(base).Funcs(funcs).ParseFS(web.FS, name); err != nil {
			return nil, fmt.Errorf("server: template %s: %w", name, err)
		}
		out[strings.TrimSuffix(base, ".html")] = &page{build: func() (*template.Template, error) {
			t, err := shared.Clone()
			if err != nil {
				return nil, err
			}
			return t.New(base).ParseFS(web.FS, name)
		}}
	}
	return out, nil
}

// view is what every app page gets: the viewer, the CSRF token for its forms, a message carried
// over from the last action (Flash when it was done, Warning when it was not), and the page's
// own data.
type view struct {
	Title   string
	User    *newsroom.User
	CSRF    string
	Flash   string
	Warning string
	Error   string
	Data    any
	// Answered is the key under which the browser kept a copy of the form whose send Flash says
	// was done (see flash), for the page to forget that copy and no other.
	Answered string
	// FlashLink is an address Flash names, which the page makes a link (see flashLink).
	FlashLink string
	// MayWrite and MayManage say whether the viewer may write drafts and manage users, for the
	// links in the page header.
	MayWrite, MayManage bool
	// Unread is how many of the viewer's notifications are unread, for the bell in the header.
	Unread int64
	// MayBudget and MaySettings say whether the viewer may read the story budget and change the
	// newsroom's settings, for the links in the page header.
	MayBudget, MaySettings bool
	// Zone is the newsroom's time zone and Now the page's moment, for the times it shows (see
	// Local and Due).
	Zone *time.Location
	Now  time.Time
	// Inbox is how many entries wait in the viewer's inbox, for the header's link to it.
	Inbox int
}

// render writes an app page, with the data every page needs filled in.
func (s *Server) render(c echo.Context, status int, name string, v view) error {
	pg, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("server: no page %q", name)
	}
	t, err := pg.template()
	if err != nil {
		return fmt.Errorf("server: page %q: %w", name, err)
	}
	v.User = newsroom.UserFrom(c.Request().Context())
	pol := s.store.Policy()
	v.MayWrite, v.MayManage = pol.Can(v.User, policy.DraftCreate, 0), pol.Can(v.User, policy.UserManage, 0)
	v.MayBudget, v.MaySettings = pol.Can(v.User, policy.BudgetRead, 0), pol.Can(v.User, policy.SettingsManage, 0)
	if v.Zone == nil && v.User != nil {
		v.Zone = s.zone(c.Request().Context())
	}
	v.Now = s.store.Now()
	v.CSRF, _ = c.Get(csrfKey).(string)
	if v.User != nil {
		// A bell that cannot be counted shows none rather than failing the page.
		v.Unread, _ = s.store.UnreadCount(c.Request().Context())
	}
	v.Inbox = s.inboxCount(c)
	if v.Flash == "" && v.Warning == "" {
		v.Flash, v.Warning, v.Answered = takeMessage(c, flashCookie), takeMessage(c, warningCookie), takeMessage(c, answeredCookie)
		v.FlashLink = s.articleLink(takeMessage(c, flashLinkCookie))
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", v); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, b.Bytes())
}

const (
	flashCookie     = "copydesk_flash"
	warningCookie   = "copydesk_warning"
	answeredCookie  = "copydesk_answered"
	flashLinkCookie = "copydesk_flash_link"
)

// flash carries a short message to the page the redirect that answers the request lands on,
// saying the form posted was done; with it the key under which the browser kept a copy of that
// form (its kept_as field, see leaving.js), so that the page, wherever it is, forgets that copy.
func flash(c echo.Context, msg string) {
	carry(c, flashCookie, msg)
	if key := keptAs(c); key != "" {
		carry(c, answeredCookie, key)
	}
}

// maxKeptAs is the longest key of a kept copy a form may name.
const maxKeptAs = 200

// keptAs is the key under which the browser kept a copy of the form posted, when it names one.
func keptAs(c echo.Context) string {
	if c.Request().Method != http.MethodPost {
		return ""
	}
	key := c.FormValue("kept_as")
	if len(key) > maxKeptAs || !strings.HasPrefix(key, "copydesk:") {
		return ""
	}
	return key
}

// flashLink carries, with the message of a flash, an address the message names, which the page
// the redirect lands on shows as a link: the message is a cookie's text, which the page escapes,
// so the link is the template's to make.
func flashLink(c echo.Context, href string) { carry(c, flashLinkCookie, href) }

// articleLink is href when it is the address of one of the site's own articles, as publishing
// gives it, and "" otherwise: the flash link is read back from a cookie, which anyone who can set
// a cookie for the site writes as they like, and must not make the page link elsewhere.
func (s *Server) articleLink(href string) string {
	site := s.site()
	escaped, ok := strings.CutPrefix(href, publish.URLs(site, "")["html"])
	slug, err := url.PathUnescape(escaped)
	if !ok || err != nil || slug == "" || slug == "." || slug == ".." || href != publish.URLs(site, slug)["html"] {
		return ""
	}
	return href
}

// FlashParts is Flash split around the first place it names FlashLink, for the page to make that
// a link; the whole of Flash as Before when it names none.
func (v view) FlashParts() (parts struct{ Before, Link, After string }) {
	before, after, ok := strings.Cut(v.Flash, v.FlashLink)
	if v.FlashLink == "" || !ok {
		parts.Before = v.Flash
		return parts
	}
	parts.Before, parts.Link, parts.After = before, v.FlashLink, after
	return parts
}

// warn carries to the page the redirect that answers the request lands on a message saying
// what was not done, shown as a warning rather than as news.
func warn(c echo.Context, msg string) { carry(c, warningCookie, msg) }

// carry keeps msg for the redirect that answers the request (see redirect), which sends it in
// cookie name with the path it leads to.
func carry(c echo.Context, name, msg string) { c.Set(carryKey+name, msg) }

const carryKey = "carry:"

// maxCarried is the most bytes of a message a cookie carries: browsers drop a cookie over 4,096
// bytes, name and attributes included, and base64 makes three bytes four, so a longer message (a
// refusal naming dozens of quotes) would show nothing at all.
const maxCarried = 2400

// carried is msg as a cookie can carry it: whole when it fits in maxCarried bytes, else cut at
// the last space that fits, with "…".
func carried(msg string) string {
	if len(msg) <= maxCarried {
		return msg
	}
	cut := strings.ToValidUTF8(msg[:maxCarried-len("…")], "")
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// takeMessage reads the message a redirect carried in cookie name, once, on the page it led
// to. Any other page drops it unread: the browser did not show that redirect's answer (the
// connection dropped, the tab was closed), and the next page opened would say "Done" of an
// action it knows nothing of.
func takeMessage(c echo.Context, name string) string {
	ck, err := c.Cookie(name)
	if err != nil {
		return ""
	}
	c.SetCookie(&http.Cookie{Name: name, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isTLS(c)})
	to, msg, ok := strings.Cut(decodeFlash(ck.Value), "\n")
	if !ok || to != c.Request().URL.Path {
		return ""
	}
	return msg
}

// redirect answers a form post with 303 See Other, so a reload does not post again, carrying
// the messages the request left (see carry) to the page at to, and to no other.
func redirect(c echo.Context, to string) error {
	at := to
	if u, err := url.Parse(to); err == nil {
		at = u.Path
	}
	for _, name := range []string{flashCookie, warningCookie, answeredCookie, flashLinkCookie} {
		if msg, ok := c.Get(carryKey + name).(string); ok {
			c.SetCookie(&http.Cookie{Name: name, Value: encodeFlash(at + "\n" + carried(msg)), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isTLS(c), MaxAge: 60})
		}
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// isTLS reports whether the client reached us over TLS, directly or through a proxy that says so.
func isTLS(c echo.Context) bool {
	return c.Request().TLS != nil || c.Request().Header.Get("X-Forwarded-Proto") == "https"
}

// groupThousands writes n, a count, with a comma between each group of three digits: 1234567 as
// "1,234,567".
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// isolateRun is a part of a line: one of its outermost isolates, with the characters that open
// and close it, or the words between them.
type isolateRun struct {
	Text     string
	Isolated bool
}

// isolates splits line at its outermost isolates (from U+2066, U+2067 or U+2068 to the U+2069
// that closes it, or to the line's end), such as the labels newsroom.ImageLabel makes, so that a
// page shows each in its own <bdi>: the isolate's characters isolate it only in plain text, and
// an element around it keeps it apart where they are not read as the page's own.
func isolates(line string) []isolateRun {
	var runs []isolateRun
	depth, start := 0, 0
	add := func(end int, isolated bool) {
		if end > start {
			runs = append(runs, isolateRun{Text: line[start:end], Isolated: isolated})
		}
		start = end
	}
	for i, r := range line {
		switch {
		case r >= '\u2066' && r <= '\u2068':
			if depth == 0 {
				add(i, false)
			}
			depth++
		case r == '\u2069' && depth > 0:
			if depth--; depth == 0 {
				add(i+utf8.RuneLen(r), true)
			}
		}
	}
	add(len(line), depth > 0)
	return runs
}
