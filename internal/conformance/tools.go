package conformance

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Doc is one output to check: its name in reports (a URL path, say) and its bytes.
type Doc struct {
	Name string
	Body []byte
}

// Problem is one thing a checker found wrong in a document.
type Problem struct {
	Doc     string
	Line    int // 0 when the checker names no line
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Doc, p.Line, p.Message)
	}
	return p.Doc + ": " + p.Message
}

// Pass fails the test with every problem, one line each.
func Pass(t testing.TB, what string, problems []Problem) {
	t.Helper()
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
}

// ValidatorsDir is where .ci/validators.sh installs the npm packages: $COPYDESK_VALIDATORS, or
// $HOME/.cache/copydesk/validators.
func ValidatorsDir() string {
	if dir := os.Getenv("COPYDESK_VALIDATORS"); dir != "" {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "copydesk-validators")
	}
	return filepath.Join(home, ".cache", "copydesk", "validators")
}

// need returns the path of a tool, or skips the test saying how to install it; under CI=true a
// missing tool fails the test instead, so that CI never passes by checking nothing.
func need(t testing.TB, name, path, install string) string {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	msg := fmt.Sprintf("conformance check skipped: %s is missing (%s, or run .ci/validators.sh)", name, install)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// command returns the absolute path of a command on PATH, or "" when there is none.
func command(name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return p
}

// npmFile is a file of an installed npm package, under ValidatorsDir.
func npmFile(parts ...string) string {
	return filepath.Join(append([]string{ValidatorsDir(), "node_modules"}, parts...)...)
}

// writeDocs writes docs into a new temporary folder, each under a numbered name with ext, and
// returns the paths and a map from path back to the document's name.
func writeDocs(t testing.TB, docs []Doc, ext string) ([]string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	paths := make([]string, len(docs))
	names := make(map[string]string, len(docs))
	for i, d := range docs {
		paths[i] = filepath.Join(dir, fmt.Sprintf("%04d%s", i, ext))
		names[paths[i]] = d.Name
		if err := os.WriteFile(paths[i], d.Body, 0o644); err != nil {
			t.Fatalf("conformance: write %s: %v", d.Name, err)
		}
	}
	return paths, names
}

// run runs a checker and returns its standard output and error. A non-zero exit is not an
// error here: checkers exit 1 when they find problems, which their output then lists.
func run(name string, args ...string) (stdout, stderr []byte, err error) {
	cmd := exec.Command(name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		err = nil
	}
	return out.Bytes(), errOut.Bytes(), err
}

// testdata is the path of a file in this package's testdata, wherever the calling test runs.
func testdata(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", name)
}

// trimLines drops empty lines and those a tool prints about itself rather than the documents.
func trimLines(out []byte, skip func(string) bool) []string {
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" && !skip(l) {
			lines = append(lines, l)
		}
	}
	return lines
}
