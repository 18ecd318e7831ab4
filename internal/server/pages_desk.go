package server

import (
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

type deskPage struct {
	Title  string
	Stages []newsroom.Stage
	Stage  string
	Query  string
	Page   *newsroom.DraftSummaryPage
	// Results are what a search (Query) found, best first, in place of Page's list, numbered
	// from ResultsStart: on a later page, on from the pages before it.
	Results      []searchResult
	ResultsStart int
	// Next is the address of the page after this one; First, of the list's first page, set on a
	// later page so that whoever paged on can come back to the top of the queue.
	Next, First string
	// MayImport shows the form to import a house-format file; ImportAuthor is what was typed in
	// it when an import failed.
	MayImport    bool
	ImportAuthor string
	// Inbox counts what waits in the viewer's inbox, by kind; waiting is the same entries by
	// piece, for each row to say what waits on the viewer there (see Waiting).
	Inbox   []newsroom.InboxCount
	waiting map[int64][]newsroom.InboxEntry
	// Here is this list's address, as filtered, for a claim from it to come back to.
	Here string
	// Assignee is the assignee filter as the query gave it ("me", "none" or ""), whose tabs show
	// to those who work the desks (AssigneeTabs); the rest is what Work needs to say who holds
	// each piece and when it is due.
	Assignee     string
	AssigneeTabs bool
	viewer       *newsroom.User
	pol          *policy.Policy
	zone         *time.Location
	now          time.Time
}

// rowWork is the line under a piece's title on a desk: whether its stage is a desk, who holds it
// there, whether the viewer may claim it, and when it is due.
type rowWork struct {
	Desk     bool
	Holder   *newsroom.Person
	MayClaim bool
	Due      dueView
}

// Work is the line under draft d's title.
func (p *deskPage) Work(d newsroom.DraftSummary) rowWork {
	w := rowWork{Desk: p.pol.IsDesk(d.Stage), Holder: d.Assignee, Due: dueIn(d.DueAt, p.zone, p.now)}
	w.MayClaim = w.Desk && w.Holder == nil && p.pol.MayClaim(p.viewer, d.Writer.ID, d.Stage)
	return w
}

// searchResult is a draft a desk's search found, with its snippet as the HTML it is.
type searchResult struct {
	newsroom.SearchHit
	Marked template.HTML
}

// desk lists the drafts the viewer works on, opening on their role's own queue as the workflow
// names it (a fact-checker's, an editor's) or on every draft they see (a writer's own);
// filtered by stage, or searched in full text, a page at a time.
func (s *Server) desk(c echo.Context) error {
	d, err := s.loadDesk(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "desk", view{Title: "Desk", Data: d})
}

// loadDesk gathers the desk's list as the query asks for it.
func (s *Server) loadDesk(c echo.Context) (*deskPage, error) {
	u := newsroom.UserFrom(c.Request().Context())
	stages, home := s.store.Policy().Desk(u.Role)
	stage := c.QueryParam("stage")
	if _, set := c.QueryParams()["stage"]; !set {
		stage = string(home)
	}
	f := newsroom.DraftFilter{Query: c.QueryParam("q"), Cursor: c.QueryParam("cursor"), Limit: 25}
	var err error
	if f.Assignee, err = assigneeParam(c); err != nil {
		return nil, err
	}
	if stage != "" {
		st, err := s.store.Policy().ParseStage(stage)
		if err != nil {
			return nil, err
		}
		f.Stage = st
	}
	inbox, err := s.viewerInbox(c)
	if err != nil {
		return nil, err
	}
	d := &deskPage{Title: s.deskTitle(u, home), Stages: stages, Stage: stage, Query: f.Query,
		MayImport: s.store.Policy().Can(u, policy.DraftImport, 0), Assignee: c.QueryParam("assignee"), AssigneeTabs: s.store.Policy().WorksDesks(u), Inbox: newsroom.CountInbox(inbox),
		viewer: u, pol: s.store.Policy(), zone: s.zone(c.Request().Context()), now: s.store.Now()}
	d.waiting = map[int64][]newsroom.InboxEntry{}
	for _, e := range inbox {
		d.waiting[e.Piece.ID] = append(d.waiting[e.Piece.ID], e)
	}
	d.Here = deskLink(stage, "q", f.Query, "assignee", d.Assignee)
	if f.Cursor != "" {
		d.First = d.Here
	}
	next, err := s.loadDeskList(c, f, d)
	if err != nil {
		return nil, err
	}
	if next != "" {
		d.Next = deskLink(stage, "q", f.Query, "assignee", d.Assignee, "cursor", next)
	}
	return d, nil
}

// deskLink is the desk's address for stage and the other parameters kv that are set. The stage
// is always given: an empty one is the All tab, where an absent one opens the viewer's home desk.
func deskLink(stage string, kv ...string) string {
	link := "/desk?stage=" + url.QueryEscape(stage)
	if rest := queryString(kv...); rest != "" {
		link += "&" + rest
	}
	return link
}

// loadDeskList fills the desk's list, or with a query its search results, and returns the
// cursor of the next page.
func (s *Server) loadDeskList(c echo.Context, f newsroom.DraftFilter, d *deskPage) (string, error) {
	ctx := c.Request().Context()
	if f.Query == "" {
		page, err := s.store.ListDraftSummaries(ctx, f)
		if err != nil {
			return "", err
		}
		d.Page = page
		return page.Next, nil
	}
	found, err := s.store.Search(ctx, f)
	if err != nil {
		return "", err
	}
	d.Results = make([]searchResult, len(found.Items))
	d.ResultsStart = found.Before + 1
	for i, h := range found.Items {
		// The store builds each snippet as escaped text with <mark> around the words found.
		d.Results[i] = searchResult{SearchHit: h, Marked: template.HTML(h.Snippet)}
	}
	return found.Next, nil
}

// deskTitle names a desk: its home queue's ("Editing desk"), or for a desk that opens on every
// stage, "My drafts" for one who writes them and "All drafts" otherwise.
func (s *Server) deskTitle(u *newsroom.User, home newsroom.Stage) string {
	switch {
	case home != "":
		return s.label(home) + " desk"
	case s.store.Policy().Can(u, policy.DraftCreate, 0):
		return "My drafts"
	}
	return "All drafts"
}

// waitingLine is one line of what waits on the viewer in a piece, and where it is.
type waitingLine struct{ Text, Link string }

// Waiting is what waits on the viewer in the piece id, a line for each kind of their inbox's
// entries there: the entry as the inbox words it, leading to it, or for several their count
// ("12 mentions"), leading to the inbox, which lists each. An entry a line made a piece
// mentioned in forty comments a wall of links two screens high.
func (d *deskPage) Waiting(id int64) []waitingLine {
	byKind := map[newsroom.InboxKind][]newsroom.InboxEntry{}
	for _, e := range d.waiting[id] {
		byKind[e.Kind] = append(byKind[e.Kind], e)
	}
	var out []waitingLine
	for _, k := range newsroom.InboxKinds {
		switch es := byKind[k]; len(es) {
		case 0:
		case 1:
			out = append(out, waitingLine{Text: es[0].Reason, Link: es[0].Link})
		default:
			out = append(out, waitingLine{Text: newsroom.InboxCount{Kind: k, Count: len(es)}.String(), Link: "/inbox"})
		}
	}
	return out
}
