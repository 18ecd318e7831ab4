package server

import (
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// importPage imports a house-format file sent from the desk's form, through the same store call
// as the API's import route, and opens the new draft. A file or author the store refuses is
// reported on the desk, with the author as typed.
func (s *Server) importPage(c echo.Context) error {
	author := c.FormValue("author")
	d, err := s.importUpload(c, author)
	switch code := newsroom.ErrorCode(err); code {
	case "":
		flash(c, "Imported “"+d.Title+"”.")
		return redirect(c, draftURL(d.ID))
	case newsroom.EINVALID, newsroom.EFORBIDDEN:
		p, lerr := s.loadDesk(c)
		if lerr != nil {
			return lerr
		}
		p.ImportAuthor = author
		status := http.StatusUnprocessableEntity
		if code == newsroom.EFORBIDDEN {
			status = http.StatusForbidden
		}
		return s.render(c, status, "desk", view{Title: "Desk", Error: "Not imported: " + newsroom.ErrorMessage(err), Data: p})
	}
	return err
}

// importUpload reads the form's file and imports it as a draft of author.
func (s *Server) importUpload(c echo.Context, author string) (*newsroom.Draft, error) {
	// Whoever may not import hears so before being asked for a file.
	if err := s.store.Policy().Check(newsroom.UserFrom(c.Request().Context()), policy.DraftImport, 0); err != nil {
		return nil, err
	}
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, newsroom.Errorf(newsroom.EINVALID, "choose a file in the house format to import")
	} else if err != nil {
		return nil, formError(err)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, formError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, formError(err)
	}
	return s.store.Import(c.Request().Context(), author, data, s.site().Footer)
}
