package publish

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestJSONLDHeadlineLength: a title may be 300 characters, and JSON-LD's headline carried it
// whole, where Google's article rich results take at most 110 and report the page. Right: the
// headline is the title cut at a word within 110 characters, and the whole title is the name.
func TestJSONLDHeadlineLength(t *testing.T) {
	long := strings.Repeat("Council votes to keep the river wall ", 8)
	exact := strings.Repeat("x", maxHeadline)
	for _, tc := range []struct {
		name, title, headline, fullName string
	}{
		{"short", "Council votes", "Council votes", ""},
		{"exactly the limit", exact, exact, ""},
		{"long", long, "Council votes to keep the river wall Council votes to keep the river wall Council votes to keep the river…", strings.TrimSpace(long)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{Slug: "s", Title: strings.TrimSpace(tc.title), Byline: "Ana Pérez"}
			ld := jsonLD(testSite, a)
			if n := utf8.RuneCountInString(ld.Headline); n > maxHeadline {
				t.Errorf("headline of %d characters, over %d", n, maxHeadline)
			}
			if ld.Headline != tc.headline || ld.Name != tc.fullName {
				t.Errorf("headline %q, name %q; want %q, %q", ld.Headline, ld.Name, tc.headline, tc.fullName)
			}
		})
	}
}
