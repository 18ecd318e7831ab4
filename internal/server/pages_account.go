package server

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// accountData is what the account page shows: where the viewer is signed in, a token just
// made (shown this once), and the name typed for one that could not be made; where their email
// goes and what comes by email (see pages_email.go); and the field a refusal is about, if any.
type accountData struct {
	Credentials []newsroom.Credential
	NewToken    string
	TokenName   string
	Email       accountEmail
	Invalid     string
}

// accountPage shows the viewer where they are signed in: their web sessions and API tokens,
// each with a button to revoke it, and the forms to change their password and make a token.
func (s *Server) accountPage(c echo.Context) error {
	return s.renderAccount(c, http.StatusOK, accountData{}, "")
}

func (s *Server) renderAccount(c echo.Context, status int, data accountData, problem string) error {
	list, err := s.store.Credentials(c.Request().Context(), presented(c))
	if err != nil {
		return err
	}
	data.Credentials = list
	if data.Email, err = s.accountEmail(c, data.Email); err != nil {
		return err
	}
	return s.render(c, status, "account", view{Title: "Your account", Error: problem, Data: data})
}

// createTokenPage makes a named API token for the viewer once they give their password again
// (the same check and throttle as a password change), and shows it on the page this once: only
// its hash is kept.
func (s *Server) createTokenPage(c echo.Context) error {
	name := c.FormValue("name")
	token, err := s.store.MakeToken(c.Request().Context(), c.FormValue("password"), name)
	switch newsroom.ErrorCode(err) {
	case "":
		return s.renderAccount(c, http.StatusCreated, accountData{NewToken: token}, "")
	case newsroom.EINVALID, newsroom.EUNAUTHORIZED:
		return s.renderAccount(c, http.StatusUnprocessableEntity, accountData{TokenName: name, Invalid: invalidField(err)}, "No token made: "+newsroom.ErrorMessage(err))
	case newsroom.ETOOMANY:
		setThrottled(c, err)
		return s.renderAccount(c, http.StatusTooManyRequests, accountData{TokenName: name}, "No token made: "+newsroom.ErrorMessage(err))
	}
	return err
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
