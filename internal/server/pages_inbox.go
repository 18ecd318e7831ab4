package server

import (
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// inboxPage is the inbox as its page shows it: the entries in groups of one kind, in the order
// of newsroom.InboxKinds, each group newest first.
type inboxPage struct {
	Groups []inboxGroup
	// Pools are the desks the viewer may be assigned at where pieces wait with nobody assigned,
	// in workflow order: not theirs alone, so not entries, but work nobody has taken.
	Pools []pool
}

// pool is how many pieces wait at a desk with nobody assigned, and the desk's list of them.
type pool struct {
	Stage newsroom.Stage
	N     int
	Link  string
}

// inboxGroup is the entries of one kind, under a heading.
type inboxGroup struct {
	Kind    newsroom.InboxKind
	Heading string
	Entries []newsroom.InboxEntry
}

// inboxHeadings head the inbox page's groups.
var inboxHeadings = map[newsroom.InboxKind]string{
	newsroom.InboxAssigned:  "Assigned to you",
	newsroom.InboxReturned:  "Returned to you",
	newsroom.InboxQuotes:    "Quotes to check",
	newsroom.InboxThreads:   "Threads waiting for your answer",
	newsroom.InboxMentions:  "Mentions",
	newsroom.InboxScheduled: "Going out today",
}

// inboxPageView shows the viewer's inbox.
func (s *Server) inboxPageView(c echo.Context) error {
	es, err := s.viewerInbox(c)
	if err != nil {
		return err
	}
	var p inboxPage
	for _, k := range newsroom.InboxKinds {
		g := inboxGroup{Kind: k, Heading: inboxHeadings[k]}
		for _, e := range es {
			if e.Kind == k {
				g.Entries = append(g.Entries, e)
			}
		}
		if len(g.Entries) > 0 {
			p.Groups = append(p.Groups, g)
		}
	}
	pools, err := s.store.Pools(c.Request().Context())
	if err != nil {
		return err
	}
	for _, desk := range s.store.Policy().Desks() {
		if n := pools[desk]; n > 0 {
			p.Pools = append(p.Pools, pool{Stage: desk, N: n, Link: "/desk?" + queryString("stage", string(desk), "assignee", "none")})
		}
	}
	return s.render(c, http.StatusOK, "inbox", view{Title: "Inbox", Data: p})
}

// inboxDonePage marks an entry of the viewer's inbox done and goes back to the inbox.
func (s *Server) inboxDonePage(c echo.Context) error {
	err := s.store.MarkInboxDone(c.Request().Context(), c.FormValue("entry"))
	switch newsroom.ErrorCode(err) {
	case "":
		flash(c, "Marked done. It comes back if anything new happens there.")
	case newsroom.ENOTFOUND:
		warn(c, "That entry has already left your inbox.")
	default:
		return err
	}
	return redirect(c, "/inbox")
}

// inboxKey is where a request keeps the viewer's inbox once read, so that a page showing it
// (the desk's counts) and the header's count read it once.
const inboxKey = "inbox"

// viewerInbox reads the viewer's inbox, once a request.
func (s *Server) viewerInbox(c echo.Context) ([]newsroom.InboxEntry, error) {
	if es, ok := c.Get(inboxKey).([]newsroom.InboxEntry); ok {
		return es, nil
	}
	es, err := s.store.Inbox(c.Request().Context())
	if err == nil {
		c.Set(inboxKey, es)
	}
	return es, err
}

// inboxCount is how many entries wait in the viewer's inbox, or 0 without a viewer or when the
// inbox cannot be read: the header's count is a convenience, and a page must not fail for it.
// It comes from s.inboxCounts while that holds (see its invariant), else from the inbox.
func (s *Server) inboxCount(c echo.Context) int {
	u := newsroom.UserFrom(c.Request().Context())
	if u == nil {
		return 0
	}
	now := s.store.Now()
	if n, ok := s.inboxCounts.get(u.ID, now); ok {
		return n
	}
	mark := s.inboxCounts.begin()
	es, err := s.viewerInbox(c)
	if err != nil {
		slog.WarnContext(c.Request().Context(), "inbox count", "err", err)
		return 0
	}
	s.inboxCounts.put(u.ID, len(es), mark, now)
	return len(es)
}

// mentionHTML is text, escaped, with each @name in it set apart as a mention.
func mentionHTML(text string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range newsroom.MentionsIn(text) {
		b.WriteString(template.HTMLEscapeString(text[last:m.Start]))
		b.WriteString(`<span class="mention">`)
		b.WriteString(template.HTMLEscapeString(text[m.Start:m.End]))
		b.WriteString(`</span>`)
		last = m.End
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}
