package publish

import "testing"

func TestPagePath(t *testing.T) {
	tests := []struct {
		path string
		n    int
		want string
	}{
		{"/", 1, "/"},
		{"/", 2, "/page/2"},
		{"/topics/mexico", 1, "/topics/mexico"},
		{"/topics/mexico", 3, "/topics/mexico/page/3"},
	}
	for _, tt := range tests {
		if got := PagePath(tt.path, tt.n); got != tt.want {
			t.Errorf("PagePath(%q, %d) = %q, want %q", tt.path, tt.n, got, tt.want)
		}
	}
}

// TestNewsLanguage writes a piece's language as Google News takes it: an ISO 639 code, zh-cn
// or zh-tw.
func TestNewsLanguage(t *testing.T) {
	tests := []struct{ site, piece, want string }{
		{"", "", "en"},
		{"fr", "", "fr"},
		{"en", "pt-BR", "pt"},
		{"en", "ES", "es"},
		{"en", "zh-Hans", "zh-cn"},
		{"en", "zh-Hant-TW", "zh-tw"},
		{"en", "zh-TW", "zh-tw"},
		{"en", "zh", "zh-cn"},
	}
	for _, tt := range tests {
		if got := newsLanguage(Site{Language: tt.site}, Article{Language: tt.piece}); got != tt.want {
			t.Errorf("newsLanguage(site %q, piece %q) = %q, want %q", tt.site, tt.piece, got, tt.want)
		}
	}
}
