package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// axeScript is axe-core, the accessibility checker, injected into the pages the browser tests
// visit (see testdata/axe/README.md for its version, source and licence).
//
//go:embed testdata/axe/axe.min.js
var axeScript string

// axeRun runs axe on the whole page against WCAG 2.0, 2.1 and 2.2 at levels A and AA, and keeps
// the serious and critical violations, each with its first few elements, as JSON in
// window.copydeskAxe, which the test polls (chromedp's own Poll builds its predicate with
// new Function, which the pages' Content-Security-Policy forbids).
const axeRun = `(() => {
	window.copydeskAxe = "";
	axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]})
		.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")), nodes: v.nodes.length})))
		.then(vs => { window.copydeskAxe = JSON.stringify(vs); }, e => { window.copydeskAxe = JSON.stringify([{id: "axe-error", help: String(e)}]); });
	return true;
})()`

// axeViolation is one rule the page breaks, as axeRun reports it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
	Nodes   int      `json:"nodes"`
}

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s, %d elements): %s; first at %s", v.ID, v.Impact, v.Nodes, v.Help, strings.Join(v.Targets, " | "))
}

// accessible checks the page in the browser with axe-core at the current width and fails the
// test, naming the page, for every serious or critical violation of WCAG 2.x A or AA.
func (b *browser) accessible(page string) {
	b.t.Helper()
	var loaded bool
	b.run(chromedp.Evaluate(`typeof axe === "object"`, &loaded))
	if !loaded {
		b.run(chromedp.Evaluate(axeScript, nil))
	}
	b.run(chromedp.Evaluate(axeRun, nil))
	var out string
	for deadline := time.Now().Add(30 * time.Second); out == ""; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.t.Fatalf("axe on %s did not finish", page)
		}
		b.run(chromedp.Evaluate(`window.copydeskAxe`, &out))
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		b.t.Fatalf("axe on %s answered %q: %v", page, out, err)
	}
	for _, v := range violations {
		b.t.Errorf("accessibility of %s: %s", page, v)
	}
}
