package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"
	"sync"
)

// Fingerprinted is the name a static file is served under for good: its name with a short hash
// of body, its content, before the extension ("style.css" → "style.3f2a9c1b7d.css"). A change to
// the file changes the name, so browsers may keep a file under it for a year.
func Fingerprinted(name string, body []byte) string {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// staticPaths maps each file under static/ to its fingerprinted URL path, read once: the files
// are embedded, so their content, and with it each path, is fixed for the binary's life.
var staticPaths = sync.OnceValue(func() map[string]string {
	paths := map[string]string{}
	fs.WalkDir(FS, "static", func(name string, d fs.DirEntry, err error) error { // the embedded tree cannot fail to walk
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(FS, name)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(name, "static/")
		paths[rel] = "/static/" + Fingerprinted(rel, body)
		return nil
	})
	return paths
})

// StaticPath is the URL path templates name the static file name by (such as "style.css"): its
// fingerprinted path, or the plain one for a name that is not a static file.
func StaticPath(name string) string {
	if p, ok := staticPaths()[name]; ok {
		return p
	}
	return "/static/" + name
}
