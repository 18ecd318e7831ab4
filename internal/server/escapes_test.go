package server_test

import (
	"bytes"
	"net/http"
	"testing"
)

// TestEscapedUnreservedLettersAreThePage: a letter, digit, '-', '.', '_' or '~' written
// percent-encoded (/%61rticles/piece-1, /page/%32) names the same resource as the character
// itself (RFC 3986, 6.2.2.2), as a crawler that encodes too much or a link another site
// mangled gives it; only an escape in a slug reached its page, one anywhere else in the path
// was a 404. Each is now the page, and an escape of anything else keeps its meaning: an
// escaped slash is not a slash.
func TestEscapedUnreservedLettersAreThePage(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 40)
	for _, tc := range []struct{ path, same string }{
		{"/%61rticles/piece-1", "/articles/piece-1"},
		{"/%41rticles/piece-1", ""},
		{"/articles/piece-1%2Etxt", "/articles/piece-1.txt"},
		{"/%62riefs/piece-1.txt", "/briefs/piece-1.txt"},
		{"/%74opics", "/topics"},
		{"/topics/%6dexico", "/topics/mexico"},
		{"/topics/mexico/%66eed.atom", "/topics/mexico/feed.atom"},
		{"/%70age/%32", "/page/2"},
		{"/page/%32", "/page/2"},
		{"/authors/sarah%2djohnson", "/authors/sarah-johnson"},
		{"/%66eed.atom", "/feed.atom"},
		{"/%73itemap.xml", "/sitemap.xml"},
		{"/api/v1/%61rticles/piece-1", "/api/v1/articles/piece-1"},
		{"/articles%2Fpiece-1", ""},
		{"/topics/mexico%2Ffeed.atom", ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := a.do("", http.MethodGet, tc.path, "")
			if tc.same == "" {
				wantStatus(t, res, http.StatusNotFound)
				return
			}
			wantStatus(t, res, http.StatusOK)
			if want := a.do("", http.MethodGet, tc.same, ""); !bytes.Equal(res.Body.Bytes(), want.Body.Bytes()) {
				t.Errorf("%s is not the page %s is", tc.path, tc.same)
			}
		})
	}
}
