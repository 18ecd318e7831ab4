package conformance

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// jingLine is one finding of jing: "path:line:column: error: message".
var jingLine = regexp.MustCompile(`^(.+?):(\d+):\d+: (?:error|fatal): (.*)$`)

// Atom checks Atom documents against RFC 4287's RELAX NG schema with jing, in one run.
func Atom(t testing.TB, docs ...Doc) []Problem {
	t.Helper()
	jing := need(t, "jing", command("jing"), "apt-get install jing")
	paths, names := writeDocs(t, docs, ".atom")
	out, stderr, err := run(jing, append([]string{"-c", testdata("atom.rnc")}, paths...)...)
	if err != nil {
		t.Fatalf("conformance: jing did not run: %v: %s", err, stderr)
	}
	// jing reports on standard output; Debian's wrapper warns on standard error about optional
	// jars it does not need.
	var problems []Problem
	for _, l := range trimLines(out, func(string) bool { return false }) {
		m := jingLine.FindStringSubmatch(l)
		if m == nil {
			problems = append(problems, Problem{Doc: "jing", Message: l})
			continue
		}
		line, _ := strconv.Atoi(m[2])
		problems = append(problems, Problem{Doc: names[m[1]], Line: line, Message: m[3]})
	}
	for _, l := range trimLines(stderr, func(l string) bool { return strings.HasPrefix(l, "[warning]") }) {
		problems = append(problems, Problem{Doc: "jing", Message: l})
	}
	return problems
}
