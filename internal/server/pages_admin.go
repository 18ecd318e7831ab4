package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

func (s *Server) usersPage(c echo.Context) error {
	users, err := s.store.Users(c.Request().Context())
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "users", view{Title: "Users and roles", Data: struct {
		Users []newsroom.User
		Roles []newsroom.Role
	}{users, s.roles()}})
}

func (s *Server) addUserPage(c echo.Context) error {
	_, err := s.store.CreateUser(c.Request().Context(), store.NewUser{Username: c.FormValue("username"), Name: c.FormValue("name"),
		Role: newsroom.Role(c.FormValue("role")), Password: c.FormValue("password"), Email: c.FormValue("email")})
	return s.afterAction(c, err, "/admin/users", "User "+c.FormValue("username")+" added.")
}

func (s *Server) updateUserPage(c echo.Context) error {
	id, err := idParam(c, "uid")
	if err != nil {
		return err
	}
	var ch store.UserChange
	if r := c.FormValue("role"); r != "" {
		role := newsroom.Role(r)
		ch.Role = &role
	}
	switch c.FormValue("disabled") {
	case "true":
		ch.Disabled = new(bool)
		*ch.Disabled = true
	case "false":
		ch.Disabled = new(bool)
	}
	u, err := s.store.UpdateUser(c.Request().Context(), id, ch)
	if err != nil {
		return s.afterAction(c, err, "/admin/users", "")
	}
	return s.afterAction(c, nil, "/admin/users", "User "+u.Username+" updated.")
}

// roles are the workflow's roles, in desk order, for the users page's choices.
func (s *Server) roles() []newsroom.Role {
	var out []newsroom.Role
	for _, r := range s.store.Policy().Roles() {
		out = append(out, r.Name)
	}
	return out
}
