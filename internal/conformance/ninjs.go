package conformance

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// NinJS checks ninjs documents against IPTC's ninjs 2.1 JSON Schema (testdata), with format
// assertions on, so that "uri" and "date-time" values are checked too.
func NinJS(t testing.TB, docs ...Doc) []Problem {
	t.Helper()
	sch := ninjsSchema(t)
	var problems []Problem
	for _, d := range docs {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(d.Body))
		if err == nil {
			err = sch.Validate(inst)
		}
		if err != nil {
			problems = append(problems, Problem{Doc: d.Name, Message: err.Error()})
		}
	}
	return problems
}

func ninjsSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(testdata("ninjs-schema_2.1.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("conformance: ninjs schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	const id = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	// The schema refers to GeoJSON's for places, which Copydesk never emits; an open stand-in
	// keeps the check from fetching it over the network.
	if err := c.AddResource("https://geojson.org/schema/GeoJSON.json", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("conformance: compile the ninjs schema: %v", err)
	}
	return sch
}
