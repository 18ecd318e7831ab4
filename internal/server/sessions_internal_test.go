package server

import "testing"

// TestLocalPath keeps the sign-in redirect on this site.
func TestLocalPath(t *testing.T) {
	tests := map[string]string{
		"/drafts/7":           "/drafts/7",
		"/desk?stage=draft":   "/desk?stage=draft",
		"":                    "/desk",
		"https://evil.test/":  "/desk",
		"//evil.test/":        "/desk",
		"/\\evil.test":        "/desk",
		"/\t/evil.test":       "/desk",
		"desk":                "/desk",
		"javascript:alert(1)": "/desk",
	}
	for next, want := range tests {
		if got := localPath(next); got != want {
			t.Errorf("localPath(%q) = %q, want %q", next, got, want)
		}
	}
}
