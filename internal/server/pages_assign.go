package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// workPanel is the draft page's head on who works the piece and by when: each desk with whoever
// holds it, and the due times.
type workPanel struct {
	Desks       []deskSlot
	Due         *time.Time // the due time that counts now
	Piece       *time.Time // the whole piece's due time
	MayAssign   bool
	MayDeadline bool
	Stages      []newsroom.Stage // the stages a due time may be set for
}

// deskSlot is one desk of a piece: who holds it, who could, whether the viewer may claim it, and
// its own due time.
type deskSlot struct {
	Stage    newsroom.Stage
	Holder   *newsroom.Person
	Eligible []newsroom.Person // for those who assign; nil otherwise
	MayClaim bool
	Due      *time.Time
	Current  bool // the piece is at this desk now
	Ahead    bool // the piece is at this desk or can still come to it (a published piece comes to none)
}

// loadWork gathers the draft page's work panel for viewer u, or nil when it would say nothing:
// a workflow without desks, a piece without due times and a viewer who may set none.
func (s *Server) loadWork(ctx context.Context, u *newsroom.User, d *newsroom.Draft) (*workPanel, error) {
	pol := s.store.Policy()
	w := &workPanel{Due: d.Due(), Piece: newsroom.DueAt(d.Deadlines, ""), MayAssign: pol.MayAssign(u, d.Writer.ID),
		MayDeadline: pol.CheckDeadline(u, d.Writer.ID, "") == nil}
	if len(pol.Desks()) == 0 && len(d.Deadlines) == 0 && !w.MayDeadline {
		return nil, nil
	}
	var eligible map[newsroom.Stage][]newsroom.Person
	if w.MayAssign {
		var err error
		if eligible, err = s.store.Assignable(ctx, d.ID); err != nil {
			return nil, err
		}
	}
	for _, desk := range pol.Desks() {
		slot := deskSlot{Stage: desk, Eligible: eligible[desk], Current: desk == d.Stage}
		if p, ok := d.Assignees[desk]; ok {
			slot.Holder = &p
		}
		slot.Ahead = pol.Reaches(d.Stage, desk)
		slot.MayClaim = slot.Ahead && slot.Holder == nil && pol.MayClaim(u, d.Writer.ID, desk)
		for i, dl := range d.Deadlines {
			if dl.Stage == desk {
				slot.Due = &d.Deadlines[i].DueAt
			}
		}
		w.Desks = append(w.Desks, slot)
	}
	// A desk the piece will not come to again is given to nobody, but whoever holds it can
	// still be taken off it, to free their list.
	w.MayAssign = w.MayAssign && slices.ContainsFunc(w.Desks, func(d deskSlot) bool { return d.Ahead || d.Holder != nil })
	for _, st := range pol.Stages() {
		w.Stages = append(w.Stages, st.Name)
	}
	return w, nil
}

// assignPage gives a desk of a piece to the person the form names, to nobody when it names
// none, and back to the page the form was on: the desk's list as it was filtered (back, which
// may name only the desk) or the draft's.
func (s *Server) assignPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a := newsroom.Assignment{DraftID: id, Stage: newsroom.Stage(c.Param("stage"))}
	if raw := c.FormValue("user_id"); raw != "" {
		if a.UserID, err = strconv.ParseInt(raw, 10, 64); err != nil {
			return newsroom.Errorf(newsroom.EMALFORMED, "user_id %q is not a number", raw)
		}
	}
	back := draftURL(id)
	if desk, err := url.Parse(c.FormValue("back")); err == nil && desk.Scheme == "" && desk.Host == "" && desk.Path == "/desk" {
		back = desk.String()
	}
	d, err := s.store.Assign(c.Request().Context(), a)
	if err != nil {
		return s.afterAction(c, err, back, "")
	}
	msg := s.label(a.Stage) + " is left to nobody: the piece waits in the desk's pool."
	if p, ok := d.Assignees[a.Stage]; ok {
		msg = p.Name + " holds " + d.Title + " at " + s.label(a.Stage) + "."
	}
	return s.afterAction(c, nil, back, msg)
}

// deadlinePage sets or clears (an empty time) a due time of a piece from the draft page's
// form, whose time is read in the newsroom's zone. A refused form comes back with what was typed.
func (s *Server) deadlinePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	stage := newsroom.Stage(c.FormValue("stage"))
	at, err := parseLocal("due time", c.FormValue("due"), s.zone(ctx))
	if err == nil {
		_, err = s.store.SetDeadline(ctx, newsroom.DeadlineChange{DraftID: id, Stage: stage, At: at})
	}
	if err != nil {
		return s.refusedForm(c, id, err, &retryForm{Form: "due", Values: url.Values{"stage": {string(stage)}, "due": {c.FormValue("due")}}})
	}
	msg := "Due time cleared."
	if at != nil {
		msg = "Due " + at.Format(zoneTime) + "."
	}
	return s.afterAction(c, nil, draftURL(id), msg)
}

// budgetPage is the story budget: a day's or a week's pieces by due time, with links to the
// days before and after.
func (s *Server) budgetPage(c echo.Context) error {
	days, err := daysParam(c)
	if err != nil {
		return err
	}
	b, err := s.store.Budget(c.Request().Context(), c.QueryParam("from"), days)
	if err != nil {
		return err
	}
	zone := b.From.Location()
	return s.render(c, http.StatusOK, "budget", view{Title: "Story budget", Zone: zone, Data: budgetView{
		Budget: b,
		Prev:   "/budget?" + queryString("from", b.From.AddDate(0, 0, -days).Format(time.DateOnly), "days", strconv.Itoa(days)),
		Next:   "/budget?" + queryString("from", b.From.AddDate(0, 0, days).Format(time.DateOnly), "days", strconv.Itoa(days)),
		Other:  "/budget?" + queryString("from", b.From.Format(time.DateOnly), "days", strconv.Itoa(8-days)),
	}})
}

// budgetView is the budget page: the budget and its links to the span before, the span after,
// and the same first day as a week (or a day).
type budgetView struct {
	*newsroom.Budget
	Prev, Next, Other string
}

// DayTitle names a budget day as the page heads it, "Monday 30 March".
func (b budgetView) DayTitle(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Format("Monday 2 January")
}

// settingsView is the settings page: the time zone in force and what was typed in its form.
type settingsView struct {
	TimeZone string
	Typed    string
}

// settingsPage shows the newsroom's settings to whoever may change them.
func (s *Server) settingsPage(c echo.Context) error {
	ctx := c.Request().Context()
	if err := s.mayManageSettings(c); err != nil {
		return err
	}
	zone := s.zone(ctx).String()
	return s.render(c, http.StatusOK, "settings", view{Title: "Settings", Data: settingsView{TimeZone: zone, Typed: zone}})
}

// saveSettingsPage sets the newsroom's time zone; a refused zone shows the page again with what
// was typed and why.
func (s *Server) saveSettingsPage(c echo.Context) error {
	ctx := c.Request().Context()
	typed := c.FormValue("time_zone")
	err := s.store.SetTimeZone(ctx, typed)
	if code := newsroom.ErrorCode(err); code == newsroom.EINVALID {
		return s.render(c, http.StatusUnprocessableEntity, "settings", view{Title: "Settings", Error: newsroom.ErrorMessage(err),
			Data: settingsView{TimeZone: s.zone(ctx).String(), Typed: typed}})
	} else if err != nil {
		return err
	}
	return s.afterAction(c, nil, "/admin/settings", "The newsroom's time zone is now "+typed+".")
}

// mayManageSettings refuses the settings page to whoever may not change them.
func (s *Server) mayManageSettings(c echo.Context) error {
	return s.store.Policy().Check(newsroom.UserFrom(c.Request().Context()), policy.SettingsManage, 0)
}
