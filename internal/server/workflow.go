package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// workflowAnswer is the newsroom's workflow as the API serves it: clients learn the stage,
// action and role names (which the workflow file sets, so the OpenAPI document cannot list
// them) and their labels from here.
type workflowAnswer struct {
	Stages  []policy.Stage  `json:"stages"`
	Actions []policy.Action `json:"actions"`
	Roles   []policy.Role   `json:"roles"`
}

// workflow serves the workflow to any signed-in user.
func (s *Server) workflow(c echo.Context) error {
	if newsroom.UserFrom(c.Request().Context()) == nil {
		return newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in to read the workflow")
	}
	p := s.store.Policy()
	return c.JSON(http.StatusOK, workflowAnswer{Stages: p.Stages(), Actions: p.Actions(), Roles: p.Roles()})
}
