package conformance

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The XML Schemas ValidXSD checks against, shipped under testdata/ as published (copied from
// the test schemas of github.com/kjvarga/sitemap_generator at 12d81b6c): the sitemaps.org
// protocol's urlset (sitemap.xsd) and sitemap index (siteindex.xsd), and a Google News sitemap:
// sitemap-news-urlset.xsd only imports sitemap.xsd and Google's sitemap-news.xsd, since xmllint
// takes one schema.
const (
	SitemapXSD      = "sitemap.xsd"
	SitemapIndexXSD = "siteindex.xsd"
	NewsSitemapXSD  = "sitemap-news-urlset.xsd"
)

// ValidXSD fails t unless doc is valid against schema (one of the names above), as libxml2's
// xmllint judges it. Without xmllint (Debian's libxml2-utils) the test is skipped, except under
// CI=true, where every checker must run.
func ValidXSD(t testing.TB, schema string, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true, but xmllint is missing: install libxml2-utils")
		}
		t.Skip("xmllint is missing (apt-get install libxml2-utils)")
	}
	file := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", testdata(schema), file).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: not valid: %v\n%s", schema, err, out)
	}
}
