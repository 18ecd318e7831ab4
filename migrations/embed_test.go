package migrations

import (
	"io/fs"
	"slices"
	"testing"
)

// TestSameFilesPerDialect checks that every migration exists for both databases under the same
// name, so that goose records the same versions whichever database a newsroom runs on.
func TestSameFilesPerDialect(t *testing.T) {
	sqlite, err := fs.Glob(FS, "sqlite/*.sql")
	if err != nil || len(sqlite) == 0 {
		t.Fatalf("sqlite migrations: %v, %v", sqlite, err)
	}
	pg, err := fs.Glob(FS, "postgres/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	names := func(paths []string, dir string) []string {
		out := make([]string, len(paths))
		for i, p := range paths {
			out[i] = p[len(dir)+1:]
		}
		return out
	}
	if a, b := names(sqlite, "sqlite"), names(pg, "postgres"); !slices.Equal(a, b) {
		t.Fatalf("sqlite/ has %v, postgres/ has %v", a, b)
	}
}
