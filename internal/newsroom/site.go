package newsroom

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// SiteSettings are the public site's settings an admin saves on the site settings page, or an
// operator gives on the command line: what the publication is called, where it is reached, its
// logo, the language its pieces are in unless they say otherwise, the lines closing every piece
// and a sentence saying what it is. An empty field (a nil Footer) is not set: the layer under it
// (the saved settings under the command line's, the defaults under both) decides. The time zone
// public dates are shown in is the newsroom's (SettingTimeZone), kept apart.
type SiteSettings struct {
	Name        string
	BaseURL     string
	Logo        string
	Language    string
	Description string
	Footer      []string // an empty, non-nil Footer is set: no footer
}

// The limits of the site settings, in characters: room for any publication's name and a
// sentence or two about it, not for a page of text in the head of every page.
const (
	MaxSiteName        = 120
	MaxSiteDescription = 300
	MaxSiteURL         = 2000
	MaxFooterLines     = 10
	MaxFooterLine      = 300
)

// Over returns the settings with every field set in s taking the place of base's: the command
// line's settings over the ones an admin saved, or both over the defaults.
func (s SiteSettings) Over(base SiteSettings) SiteSettings {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	base.Name, base.BaseURL, base.Logo = pick(s.Name, base.Name), pick(s.BaseURL, base.BaseURL), pick(s.Logo, base.Logo)
	base.Language, base.Description = pick(s.Language, base.Language), pick(s.Description, base.Description)
	if s.Footer != nil {
		base.Footer = s.Footer
	}
	return base
}

// Normalize trims the settings as a form or a flag gives them: spaces around each field, the
// base URL's trailing slash (absolute URLs are the base URL and a path), the spaces closing each
// footer line and the blank lines closing the footer. A language tag takes its canonical form,
// such as "en-GB" for "EN-gb", when it is one. The name, description and footer are composed
// (NFC), as a draft's text is (Text.Normalize).
func (s SiteSettings) Normalize() SiteSettings {
	s.Name, s.Description = Composed(strings.TrimSpace(s.Name)), Composed(strings.TrimSpace(s.Description))
	s.Logo = strings.TrimSpace(s.Logo)
	s.BaseURL = strings.TrimRight(strings.TrimSpace(s.BaseURL), "/")
	s.Language = strings.TrimSpace(s.Language)
	if tag, err := language.Parse(s.Language); err == nil {
		s.Language = tag.String()
	}
	if s.Footer != nil {
		lines := make([]string, 0, len(s.Footer))
		for _, l := range s.Footer {
			lines = append(lines, Composed(strings.TrimRight(l, " \t\r")))
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		s.Footer = lines
	}
	return s
}

// Check says what is wrong with the settings set, if anything: a base URL that is not an
// absolute http or https address or that carries a path (the router serves the site at the root
// of its host, so every absolute URL made under a path would be dead), a logo that is neither such an address nor a path on the
// site, a language that is not a BCP 47 tag, a field past its limit, or a name, description or
// footer line with a character no public format may carry.
func (s SiteSettings) Check() error {
	if utf8.RuneCountInString(s.Name) > MaxSiteName {
		return Errorf(EINVALID, "the site's name is longer than %d characters", MaxSiteName)
	}
	if s.BaseURL != "" && !absoluteURL(s.BaseURL) {
		return Errorf(EINVALID, "the base URL %q must be a full http or https address with a host, such as https://news.example.org", s.BaseURL)
	}
	if u, err := url.Parse(s.BaseURL); s.BaseURL != "" && err == nil && (u.RawQuery != "" || u.Fragment != "") {
		return Errorf(EINVALID, "the base URL %q must not carry a query or a fragment", s.BaseURL)
	}
	if u, err := url.Parse(s.BaseURL); s.BaseURL != "" && err == nil && strings.Trim(u.Path, "/") != "" {
		return Errorf(EINVALID, "the base URL %q must not carry a path: the site is served at the root of its host, so give only the scheme and host, such as %s://%s", s.BaseURL, u.Scheme, u.Host)
	}
	if s.Logo != "" && !absoluteURL(s.Logo) && !sitePath(s.Logo) {
		return Errorf(EINVALID, "the logo %q must be a full http or https address, or a path on the site starting with /", s.Logo)
	}
	if s.Language != "" {
		if _, err := language.Parse(s.Language); err != nil {
			return Errorf(EINVALID, "%q is not a language tag: use a BCP 47 tag such as en, en-GB, fr or pt-BR", s.Language)
		}
	}
	if utf8.RuneCountInString(s.Description) > MaxSiteDescription {
		return Errorf(EINVALID, "the description is longer than %d characters: a sentence or two is enough", MaxSiteDescription)
	}
	if len(s.Footer) > MaxFooterLines {
		return Errorf(EINVALID, "the footer has %d lines; keep it to %d", len(s.Footer), MaxFooterLines)
	}
	for _, l := range s.Footer {
		if utf8.RuneCountInString(l) > MaxFooterLine {
			return Errorf(EINVALID, "a footer line is longer than %d characters", MaxFooterLine)
		}
		if err := checkControls("a footer line", l, false); err != nil {
			return err
		}
	}
	// The name, the description and the footer go out in every public format, so they are held
	// to the characters a piece's text is (see checkControls); the description's line breaks
	// pass, as its one-line places write them as spaces.
	if err := checkControls("the site's name", s.Name, false); err != nil {
		return err
	}
	return checkControls("the description", lineBreaks.Replace(s.Description), false)
}

// CheckSaved is Check for the settings an admin saves, which must also name the site: a page
// saying nothing in place of its name would title every public page with nothing.
func (s SiteSettings) CheckSaved() error {
	if s.Name == "" {
		return Errorf(EINVALID, "give the site a name: it titles every public page, the feed and the emails")
	}
	return s.Check()
}

// absoluteURL reports whether s is an absolute http or https URL with a host, of a length fit
// for the head of every page.
func absoluteURL(s string) bool {
	if len(s) > MaxSiteURL || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// sitePath reports whether s is a path on the site ("/static/logo.png"), not a protocol-relative
// URL ("//elsewhere.example/logo.png"), which would lead off the site.
func sitePath(s string) bool {
	if len(s) > MaxSiteURL || !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, " \t\r\n\\") {
		return false
	}
	_, err := url.Parse(s)
	return err == nil
}
