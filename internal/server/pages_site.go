package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// siteSettingsData is what the site settings page shows: the settings an admin saved (or typed,
// when a save was refused), the command line's (which win, and are shown read-only), and the
// settings in force, which come of both and the defaults.
type siteSettingsData struct {
	Saved   newsroom.SiteSettings
	Flags   newsroom.SiteSettings
	InForce publish.Site
	// Footer is the footer's lines as its box holds them: the saved ones, or else those in force.
	Footer string
}

// siteSettingsPage shows the site settings, for admins.
func (s *Server) siteSettingsPage(c echo.Context) error {
	if err := s.mayManageSettings(c); err != nil {
		return err
	}
	saved, err := s.store.SiteSettings(c.Request().Context())
	if err != nil {
		return err
	}
	return s.renderSiteSettings(c, http.StatusOK, saved, "")
}

// renderSiteSettings shows the page with set in the form, and problem when a save was refused.
func (s *Server) renderSiteSettings(c echo.Context, status int, set newsroom.SiteSettings, problem string) error {
	d := siteSettingsData{Saved: set, Flags: s.cfg.Site, InForce: s.site()}
	footer := set.Footer
	if footer == nil {
		footer = d.InForce.Footer
	}
	d.Footer = strings.Join(footer, "\n")
	return s.render(c, status, "site_settings", view{Title: "Site settings", Error: problem, Data: d})
}

// saveSiteSettingsPage saves the site settings from the page's form. A refused setting shows
// the page again with everything typed and why, and saves nothing.
func (s *Server) saveSiteSettingsPage(c echo.Context) error {
	if err := s.mayManageSettings(c); err != nil {
		return err
	}
	set := newsroom.SiteSettings{Name: c.FormValue("name"), BaseURL: c.FormValue("base_url"), Logo: c.FormValue("logo"),
		Language: c.FormValue("language"), Description: c.FormValue("description"),
		Footer: strings.Split(strings.ReplaceAll(c.FormValue("footer"), "\r\n", "\n"), "\n")}
	err := s.store.SaveSiteSettings(c.Request().Context(), set)
	if newsroom.ErrorCode(err) == newsroom.EINVALID {
		return s.renderSiteSettings(c, http.StatusUnprocessableEntity, set, "Not saved: "+newsroom.ErrorMessage(err))
	}
	return s.afterAction(c, err, "/admin/site", "Site settings saved. The public pages show them now.")
}
