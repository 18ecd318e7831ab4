package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestImport(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"COPYDESK_DB": filepath.Join(dir, "news.db")}
	if r := runCmd(t, vars, "tulip-lantern\n", "user", "add", "sarah", "--role", "writer"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	r := runCmd(t, vars, "", "import", "testdata/seed.txt", "--author", "sarah")
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	var d struct {
		ID    int64  `json:"id"`
		Stage string `json:"stage"`
		Date  string `json:"date"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || d.ID == 0 || d.Stage != "draft" || d.Date != "2025-05-07" {
		t.Fatalf("import printed %q (%v)", r.stdout, err)
	}

	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("A title\n\nByline\nnot a date\nBrief\n"), 0o644)
	if r := runCmd(t, vars, "", "import", bad, "--author", "sarah"); r.code != 1 || !strings.Contains(r.stderr, "line 4") {
		t.Fatalf("bad import: %+v", r)
	}

	// A site with its own footer recognises that footer instead of the house one.
	footer := filepath.Join(dir, "footer.txt")
	os.WriteFile(footer, []byte("Read more at the Gazette.\n"), 0o644)
	seed, _ := os.ReadFile("testdata/seed.txt")
	lines := strings.Split(string(seed), "\n")
	own := filepath.Join(dir, "own.txt")
	os.WriteFile(own, []byte(strings.Join(append(lines[:len(lines)-3], "Read more at the Gazette."), "\n")), 0o644)
	vars["COPYDESK_FOOTER_FILE"] = footer
	if r := runCmd(t, vars, "", "import", own, "--author", "sarah"); r.code != 0 {
		t.Fatalf("import with own footer: %+v", r)
	}
	if r := runCmd(t, vars, "", "import", "testdata/seed.txt", "--author", "sarah"); r.code != 1 {
		t.Fatalf("the house footer was accepted under another footer: %+v", r)
	}
	if r := runCmd(t, vars, "", "import", "testdata/seed.txt"); r.code != 1 || !strings.Contains(r.stderr, "usage") {
		t.Fatalf("import without --author: %+v", r)
	}
}

// TestImportOversizedFile: a file larger than the API takes for an import (newsroom.MaxTextBytes)
// is refused by its size, naming the limit, before it is read whole: a mistaken file (a disk
// image, a log) would otherwise be read into memory in full, and nothing is imported.
func TestImportOversizedFile(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"COPYDESK_DB": filepath.Join(dir, "news.db")}
	if r := runCmd(t, vars, "tulip-lantern\n", "user", "add", "sarah", "--role", "writer"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		size int
		code int
		want string
	}{
		{"AtTheLimit", newsroom.MaxTextBytes, 1, "not in the house format"},
		{"ErrOverTheLimit", newsroom.MaxTextBytes + 1, 1, fmt.Sprintf("larger than %d bytes", newsroom.MaxTextBytes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			big := filepath.Join(dir, tt.name+".txt")
			if err := os.WriteFile(big, append(seed, strings.Repeat("x", tt.size-len(seed))...), 0o644); err != nil {
				t.Fatal(err)
			}
			r := runCmd(t, vars, "", "import", big, "--author", "sarah")
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("import of %d bytes: %+v, want %q", tt.size, r, tt.want)
			}
		})
	}
}
