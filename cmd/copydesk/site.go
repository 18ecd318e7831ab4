package main

import (
	"flag"
	"fmt"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// siteFlags are the serve command's site settings, each winning over the one an admin saves on
// the site settings page, which then shows it read-only.
type siteFlags struct {
	name, logo, language, description *string
}

// addSiteFlags declares the site settings' flags on fs, with their environment defaults.
func addSiteFlags(fs *flag.FlagSet, e env) siteFlags {
	return siteFlags{
		name:        fs.String("site-name", e.getenv("COPYDESK_SITE_NAME"), "the publication's name, on every public page, the feed and emails (env COPYDESK_SITE_NAME; default: the site settings page's, or Copydesk)"),
		logo:        fs.String("site-logo", e.getenv("COPYDESK_SITE_LOGO"), "the publication's logo, a full URL or a path on the site (env COPYDESK_SITE_LOGO; default: the site settings page's)"),
		language:    fs.String("language", e.getenv("COPYDESK_LANGUAGE"), "the language of pieces that name none, a BCP 47 tag such as en-GB (env COPYDESK_LANGUAGE; default: the site settings page's, or en)"),
		description: fs.String("site-description", e.getenv("COPYDESK_SITE_DESCRIPTION"), "a sentence saying what the publication is, for search and social sites (env COPYDESK_SITE_DESCRIPTION; default: the site settings page's)"),
	}
}

// settings reads the site flags, with --base-url and --footer-file, as the operator's site
// settings, checked as the site settings page checks them. A footer file not given leaves the
// footer to the page, or the house footer.
func (f siteFlags) settings(baseURL, footerFile string) (newsroom.SiteSettings, error) {
	set := newsroom.SiteSettings{Name: *f.name, BaseURL: baseURL, Logo: *f.logo, Language: *f.language, Description: *f.description}
	if footerFile != "" {
		footer, err := loadFooter(footerFile)
		if err != nil {
			return newsroom.SiteSettings{}, err
		}
		set.Footer = footer
	}
	set = set.Normalize()
	if err := set.Check(); err != nil {
		return newsroom.SiteSettings{}, fmt.Errorf("site settings: %s", newsroom.ErrorMessage(err))
	}
	return set, nil
}
