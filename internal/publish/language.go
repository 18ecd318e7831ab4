package publish

import "golang.org/x/text/language"

// lang returns the piece's language, or the site's for a piece that names none.
func (a Article) lang(site Site) string {
	if a.Language != "" {
		return a.Language
	}
	return site.lang()
}

// ogLocale writes a BCP 47 tag the way Open Graph's og:locale wants it, language_TERRITORY
// ("en_US", "ar_EG"): the territory is the tag's own, or the one its language is most likely
// spoken in.
func ogLocale(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return "en_US"
	}
	base, _ := t.Base()
	region, _ := t.Region()
	return base.String() + "_" + region.String()
}
