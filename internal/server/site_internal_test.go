package server

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/web"
)

// TestSiteTagCoversEveryEmbeddedFile: a build that changes any template or static file, the
// partials that write an article's topic and byline links among them, gives every public
// rendition a new ETag, so a reader revalidating a page the build before made gets the new one
// and not a 304.
func TestSiteTagCoversEveryEmbeddedFile(t *testing.T) {
	files := fstest.MapFS{}
	err := fs.WalkDir(web.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.FS, name)
		files[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	site := publish.Site{Name: "Copydesk", BaseURL: "https://news.example.org"}
	built := siteTag(site, web.FS)
	if siteTag(site, files) != built {
		t.Fatal("a copy of the embedded files tags differently")
	}
	for _, name := range []string{"templates/public/archive_partials.html", "templates/public/article.html", "templates/layout.html", "static/style.css"} {
		t.Run(name, func(t *testing.T) {
			was := files[name]
			if was == nil {
				t.Fatalf("web.FS has no %s", name)
			}
			files[name] = &fstest.MapFile{Data: append([]byte(" "), was.Data...)}
			defer func() { files[name] = was }()
			if siteTag(site, files) == built {
				t.Errorf("a build with %s changed keeps the tag of the build before", name)
			}
		})
	}
}
