package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) login(c echo.Context) error {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	token, u, err := s.store.Login(c.Request().Context(), in.Username, in.Password, c.RealIP())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"token": token, "user": u})
}

// logout revokes the token the request came with, and no other.
func (s *Server) logout(c echo.Context) error {
	if err := s.store.Logout(c.Request().Context(), presented(c).Secret); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) listCredentials(c echo.Context) error {
	list, err := s.store.Credentials(c.Request().Context(), presented(c))
	if err != nil {
		return err
	}
	if list == nil {
		list = []newsroom.Credential{}
	}
	return c.JSON(http.StatusOK, map[string]any{"items": list})
}

func (s *Server) revokeCredential(c echo.Context) error {
	if err := s.store.RevokeCredential(c.Request().Context(), c.Param("credential")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) revokeOtherCredentials(c echo.Context) error {
	n, err := s.store.RevokeOtherCredentials(c.Request().Context(), presented(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int{"revoked": n})
}
