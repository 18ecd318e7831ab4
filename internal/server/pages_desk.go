package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// deskStages are the stages each role's desk offers as filters, its own queue first.
var deskStages = map[newsroom.Role][]newsroom.Stage{
	newsroom.RoleWriter:      {newsroom.StageDraft, newsroom.StageFactCheck, newsroom.StageEditing, newsroom.StageApproved, newsroom.StagePublished, newsroom.StageSpiked},
	newsroom.RoleFactChecker: {newsroom.StageFactCheck, newsroom.StageEditing, newsroom.StageApproved, newsroom.StagePublished},
	newsroom.RoleEditor:      {newsroom.StageEditing, newsroom.StageApproved, newsroom.StageScheduled, newsroom.StagePublished, newsroom.StageFactCheck, newsroom.StageDraft, newsroom.StageSpiked},
	newsroom.RoleAdmin:       newsroom.Stages,
}

type deskPage struct {
	Stages []newsroom.Stage
	Stage  string
	Query  string
	Page   *newsroom.DraftPage
	Next   string
}

// desk lists the drafts the viewer works on: a fact-checker's queue, an editor's editing queue,
// a writer's own drafts; filtered by stage, searched by title, a page at a time.
func (s *Server) desk(c echo.Context) error {
	u := newsroom.UserFrom(c.Request().Context())
	stage := c.QueryParam("stage")
	if _, set := c.QueryParams()["stage"]; !set {
		switch u.Role {
		case newsroom.RoleFactChecker:
			stage = string(newsroom.StageFactCheck)
		case newsroom.RoleEditor:
			stage = string(newsroom.StageEditing)
		}
	}
	f := newsroom.DraftFilter{Query: c.QueryParam("q"), Cursor: c.QueryParam("cursor"), Limit: 25}
	if stage != "" {
		st, err := newsroom.ParseStage(stage)
		if err != nil {
			return err
		}
		f.Stage = st
	}
	page, err := s.store.ListDrafts(c.Request().Context(), f)
	if err != nil {
		return err
	}
	d := deskPage{Stages: deskStages[u.Role], Stage: stage, Query: f.Query, Page: page}
	if page.Next != "" {
		d.Next = "/desk?" + queryString("stage", stage, "q", f.Query, "cursor", page.Next)
	}
	return s.render(c, http.StatusOK, "desk", view{Title: "Desk", Data: d})
}
