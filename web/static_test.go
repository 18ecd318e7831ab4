package web

import (
	"strings"
	"testing"
)

// TestFingerprinted holds the invariant of the fingerprinted names browsers keep a file under
// for a year: a name names one content, so a changed file gets a new name, and the same file
// the same name on every server running the build.
func TestFingerprinted(t *testing.T) {
	tests := []struct {
		name       string
		a, b       string
		sameAsName bool
	}{
		{"SameContentSameName", "body { color: red }", "body { color: red }", true},
		{"ChangedContentNewName", "body { color: red }", "body { color: blue }", false},
		{"OneByteMore", "body { color: red }", "body { color: red } ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := Fingerprinted("style.css", []byte(tt.a)), Fingerprinted("style.css", []byte(tt.b))
			if (x == y) != tt.sameAsName || !strings.HasPrefix(x, "style.") || !strings.HasSuffix(x, ".css") {
				t.Fatalf("Fingerprinted gives %q and %q", x, y)
			}
		})
	}
	for name := range staticPaths() {
		body, err := FS.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := StaticPath(name); got != "/static/"+Fingerprinted(name, body) {
			t.Errorf("StaticPath(%q) = %q, not the fingerprint of the embedded file", name, got)
		}
	}
}
