package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestSiteSettingsCheck(t *testing.T) {
	tests := []struct {
		name    string
		set     newsroom.SiteSettings
		wantErr string
	}{
		{"OK", newsroom.SiteSettings{Name: "The Ledger", BaseURL: "https://news.example.org", Logo: "/static/logo.png", Language: "pt-BR", Description: "News."}, ""},
		{"OKLogoURL", newsroom.SiteSettings{Name: "L", Logo: "https://cdn.example.org/logo.png"}, ""},
		{"OKNothingSet", newsroom.SiteSettings{}, ""},
		{"ErrBaseURLRelative", newsroom.SiteSettings{BaseURL: "news.example.org"}, "full http or https address"},
		{"ErrBaseURLScheme", newsroom.SiteSettings{BaseURL: "ftp://news.example.org"}, "full http or https address"},
		{"ErrBaseURLQuery", newsroom.SiteSettings{BaseURL: "https://news.example.org/?a=1"}, "query or a fragment"},
		{"ErrBaseURLPath", newsroom.SiteSettings{BaseURL: "https://news.example.org/ledger"}, "must not carry a path"},
		{"OKBaseURLPort", newsroom.SiteSettings{BaseURL: "http://127.0.0.1:8080"}, ""},
		{"OKBaseURLRootSlash", newsroom.SiteSettings{BaseURL: "https://news.example.org/"}, ""},
		{"ErrLogoProtocolRelative", newsroom.SiteSettings{Logo: "//evil.example/logo.png"}, "path on the site"},
		{"ErrLogoScript", newsroom.SiteSettings{Logo: "javascript:alert(1)"}, "path on the site"},
		{"ErrLanguage", newsroom.SiteSettings{Language: "english please"}, "not a language tag"},
		{"ErrLanguageTooLong", newsroom.SiteSettings{Language: "en-abcdefghi"}, "not a language tag"},
		{"ErrNameLong", newsroom.SiteSettings{Name: strings.Repeat("n", newsroom.MaxSiteName+1)}, "longer than"},
		{"ErrDescriptionLong", newsroom.SiteSettings{Description: strings.Repeat("d", newsroom.MaxSiteDescription+1)}, "longer than"},
		{"ErrFooterLines", newsroom.SiteSettings{Footer: make([]string, newsroom.MaxFooterLines+1)}, "keep it to"},
		{"ErrNameBell", newsroom.SiteSettings{Name: "The Ledger\a"}, "the site's name must not contain the control character U+0007"},
		{"ErrFooterEscape", newsroom.SiteSettings{Footer: []string{"Thanks", "\x1b[1mShare it"}}, "a footer line must not contain the control character U+001B"},
		{"ErrDescriptionNoncharacter", newsroom.SiteSettings{Description: "News.\ufdd0"}, "the description must not contain the noncharacter U+FDD0"},
		{"OKDescriptionLines", newsroom.SiteSettings{Description: "News from the city.\r\nChecked twice."}, ""},
		{"ErrNameOverride", newsroom.SiteSettings{Name: "\u202eregdeL ehT"}, "the site's name must not contain U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"OKDescriptionClosedOnItsNextLine", newsroom.SiteSettings{Description: "\u202bחדשות\n\u202c"}, ""},
		{"ErrFooterUnclosed", newsroom.SiteSettings{Footer: []string{"\u2067תודה"}}, "a footer line opens U+2067 RIGHT-TO-LEFT ISOLATE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.set.Check()
			wantInvalid(t, "Check", err, tt.wantErr)
		})
	}
	t.Run("ErrSavedWithoutName", func(t *testing.T) {
		if err := (newsroom.SiteSettings{Name: "  "}).Normalize().CheckSaved(); newsroom.ErrorCode(err) != newsroom.EINVALID {
			t.Fatalf("CheckSaved = %v, want EINVALID", err)
		}
	})
}

func TestSiteSettingsOverAndNormalize(t *testing.T) {
	saved := newsroom.SiteSettings{Name: "Saved", BaseURL: "https://saved.example", Language: "fr", Footer: []string{"saved"}}
	flags := newsroom.SiteSettings{Name: "Flag", Footer: []string{}}
	got := flags.Over(saved)
	if got.Name != "Flag" || got.BaseURL != "https://saved.example" || got.Language != "fr" || got.Footer == nil || len(got.Footer) != 0 {
		t.Fatalf("Over = %+v, want the flag's name and empty footer over the saved base URL and language", got)
	}
	n := newsroom.SiteSettings{Name: " N ", BaseURL: "https://x.example/ ", Language: "EN-gb", Footer: []string{"a  ", "", ""}}.Normalize()
	if n.Name != "N" || n.BaseURL != "https://x.example" || n.Language != "en-GB" || len(n.Footer) != 1 || n.Footer[0] != "a" {
		t.Fatalf("Normalize = %+v", n)
	}
}
