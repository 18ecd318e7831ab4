package server

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// accountPage shows the viewer where they are signed in: their web sessions and API tokens,
// each with a button to revoke it.
func (s *Server) accountPage(c echo.Context) error {
	list, err := s.store.Credentials(c.Request().Context(), presented(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "account", view{Title: "Your account", Data: struct {
		Credentials []newsroom.Credential
	}{list}})
}

// revokeCredentialPage revokes one of the viewer's sessions or tokens. One that has gone
// already (a second click) is no error.
func (s *Server) revokeCredentialPage(c echo.Context) error {
	err := s.store.RevokeCredential(c.Request().Context(), c.Param("credential"))
	if newsroom.ErrorCode(err) == newsroom.ENOTFOUND {
		return s.afterAction(c, nil, "/account", "That had been signed out already.")
	}
	return s.afterAction(c, err, "/account", "Signed out: it no longer works.")
}

// revokeOthersPage revokes every session and token of the viewer but this browser's session.
func (s *Server) revokeOthersPage(c echo.Context) error {
	n, err := s.store.RevokeOtherCredentials(c.Request().Context(), presented(c))
	return s.afterAction(c, err, "/account", fmt.Sprintf("Signed out everywhere else (%d revoked).", n))
}
