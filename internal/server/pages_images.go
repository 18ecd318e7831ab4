package server

import (
	"cmp"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// imagePage uploads a draft's lead image from the draft page's form. A refused upload shows the
// page again with the refusal and the words typed, so only the file needs choosing again.
func (s *Server) imagePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var up store.NewImage
	if err = s.mayChangeImage(c, id); err == nil {
		up, err = leadUpload(c)
	}
	if err == nil {
		_, err = s.store.SetDraftImage(c.Request().Context(), id, up)
	}
	if err != nil {
		// A refusal that names no field is about the file: its type, its size or its pixels.
		return s.refusedForm(c, id, err, &retryForm{Form: "image", Field: cmp.Or(invalidField(err), "file"),
			Values: url.Values{"alt": {c.FormValue("alt")}, "caption": {c.FormValue("caption")}, "credit": {c.FormValue("credit")}}})
	}
	return s.afterAction(c, nil, draftURL(id)+"#image", "Image saved: readers will see it with the piece when it is published.")
}

// removeImagePage takes a draft's lead image away from the draft page. It asks nothing first:
// the image, with its alt text, caption and credit, stays with the draft, and the page offers
// Undo, which restoreImagePage answers, until the image is changed again.
func (s *Server) removeImagePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.store.RemoveDraftImage(c.Request().Context(), id)
	return s.afterAction(c, err, draftURL(id)+"#image", "Image removed. Undo, under Lead image, brings it back with its words.")
}

// restoreImagePage brings back the lead image last removed or replaced from a draft, from the
// draft page, whose form names the image it showed as taken away and the lead image it showed
// (0 for none): a page older than a colleague's change of either is refused.
func (s *Server) restoreImagePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	image, err := strconv.ParseInt(c.FormValue("image"), 10, 64)
	lead, lerr := strconv.ParseInt(c.FormValue("lead"), 10, 64)
	if err != nil || lerr != nil || image <= 0 || lead < 0 {
		return newsroom.Errorf(newsroom.EINVALID, "the form names no image to bring back; reload the page and try again")
	}
	_, err = s.store.RestoreDraftImage(c.Request().Context(), id, &store.ImageUndo{Image: image, Lead: lead})
	return s.afterAction(c, err, draftURL(id)+"#image", "Image back, with its alt text, caption and credit.")
}

// logoView is what the logo page shows: the logo the setting names, and the alt text typed in a
// refused upload.
type logoView struct {
	Logo  string
	Typed string
}

// logoPage shows the publication's logo and the form to upload a new one.
func (s *Server) logoPage(c echo.Context) error {
	if err := s.mayManageSettings(c); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "logo", view{Title: "Logo", Data: logoView{Logo: s.logoSetting(c)}})
}

// uploadLogoPage stores an uploaded logo, with its sizes and the icons made from it, and makes it
// the publication's logo.
func (s *Server) uploadLogoPage(c echo.Context) error {
	if err := s.mayManageSettings(c); err != nil {
		return err
	}
	up, err := logoUpload(c)
	if err == nil {
		_, err = s.store.SetLogo(c.Request().Context(), up)
	}
	if code := newsroom.ErrorCode(err); fixableUpload(code) {
		return s.render(c, statusOf[code], "logo", view{Title: "Logo", Error: newsroom.ErrorMessage(err),
			Data: logoView{Logo: s.logoSetting(c), Typed: c.FormValue("alt")}})
	} else if err != nil {
		return err
	}
	return s.afterAction(c, nil, "/admin/logo", "The logo is saved: pages, feeds and the favicon use it now.")
}

// logoWidths are the sizes a logo is kept at: Google asks for a publisher logo at most 600 wide.
var logoWidths = []int{160, 320, 600}

// logoUpload reads and checks an uploaded logo and makes its sizes and icons.
func logoUpload(c echo.Context) (store.NewImage, error) {
	text, name, data, err := readUpload(c)
	if err != nil {
		return store.NewImage{}, err
	}
	up, err := makeImage(c, text, data, logoWidths, faviconSize, touchIconSize)
	up.FileName = name
	return up, err
}

// fixableUpload reports whether an upload was refused for something the uploader can change.
func fixableUpload(code string) bool {
	return code == newsroom.EINVALID || code == newsroom.EUNSUPPORTED || code == newsroom.ETOOLARGE
}

// logoSetting is the logo the settings name now, or "" for none.
func (s *Server) logoSetting(c echo.Context) string {
	set, err := s.store.Setting(c.Request().Context(), store.SettingLogo)
	if err != nil {
		return ""
	}
	return set.Value
}
