package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// login is POST /api/v1/login: a new bearer token, and a new device token for the client to
// send with its next sign-in (see store.Login).
func (s *Server) login(c echo.Context) error {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
		Device   string `json:"device"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	req := store.SignInRequest{Username: in.Username, Password: in.Password, Addr: c.RealIP(), Device: in.Device}
	token, u, device, err := s.store.Login(c.Request().Context(), req)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]any{"token": token, "user": u, "device": device})
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
