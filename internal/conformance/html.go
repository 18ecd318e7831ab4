package conformance

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// vnuReport is the Nu Html Checker's JSON output (--format json).
type vnuReport struct {
	Messages []struct {
		Type, SubType, URL, Message, Extract string
		LastLine                             int
	}
}

// HTML checks HTML documents with the Nu Html Checker and returns its errors; its warnings and
// notes are logged. All documents go to one run, since starting Java is most of the cost.
func HTML(t testing.TB, docs ...Doc) []Problem {
	t.Helper()
	java := need(t, "java", command("java"), "apt-get install default-jre-headless")
	jar := need(t, "vnu.jar", npmFile("vnu-jar", "build", "dist", "vnu.jar"), "npm install vnu-jar")
	paths, names := writeDocs(t, docs, ".html")
	out, stderr, err := run(java, append([]string{"-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--also-check-css"}, paths...)...)
	if err != nil {
		t.Fatalf("conformance: the Nu Html Checker did not run: %v: %s", err, stderr)
	}
	var rep vnuReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("conformance: the Nu Html Checker's report does not parse: %v: %s %s", err, out, stderr)
	}
	var problems []Problem
	for _, m := range rep.Messages {
		doc := names[strings.TrimPrefix(m.URL, "file:")]
		if doc == "" {
			doc = m.URL
		}
		p := Problem{Doc: doc, Line: m.LastLine, Message: fmt.Sprintf("%s (in %q)", m.Message, m.Extract)}
		if m.Type == "info" {
			t.Logf("Nu Html Checker %s: %s", m.SubType, p)
			continue
		}
		problems = append(problems, p)
	}
	return problems
}
