package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// ldScript finds a page's JSON-LD blocks.
var ldScript = regexp.MustCompile(`(?is)<script[^>]*\btype="?application/ld\+json"?[^>]*>(.*?)</script>`)

// vocabulary is schema.org's: each type's direct superclasses, and each property's domain, range
// and replacement.
type vocabulary struct {
	types map[string][]string
	props map[string]property
}

type property struct {
	domains, ranges []string
	supersededBy    string
}

var (
	vocabOnce sync.Once
	vocab     *vocabulary
	vocabErr  error
)

// schemaOrg loads testdata's copy of schema.org's vocabulary, once.
func schemaOrg() (*vocabulary, error) {
	vocabOnce.Do(func() { vocab, vocabErr = loadVocabulary(testdata("schemaorg-30.0-vocabulary.jsonl")) })
	return vocab, vocabErr
}

// term is one line of the vocabulary file, a schema.org class or property as its JSON-LD states it.
type term struct {
	ID           string          `json:"@id"`
	Type         json.RawMessage `json:"@type"`
	SubClassOf   json.RawMessage `json:"rdfs:subClassOf"`
	Domain       json.RawMessage `json:"schema:domainIncludes"`
	Range        json.RawMessage `json:"schema:rangeIncludes"`
	SupersededBy json.RawMessage `json:"schema:supersededBy"`
}

func loadVocabulary(path string) (*vocabulary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conformance: open schema.org vocabulary: %w", err)
	}
	defer f.Close()
	v := &vocabulary{types: map[string][]string{}, props: map[string]property{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var tm term
		if err := json.Unmarshal(sc.Bytes(), &tm); err != nil {
			return nil, fmt.Errorf("conformance: schema.org vocabulary: %w", err)
		}
		name, ok := strings.CutPrefix(tm.ID, "schema:")
		if !ok {
			continue
		}
		kinds := strs(tm.Type)
		switch {
		case slices.Contains(kinds, "rdfs:Class"):
			v.types[name] = ids(tm.SubClassOf)
		case slices.Contains(kinds, "rdf:Property"):
			p := property{domains: ids(tm.Domain), ranges: ids(tm.Range)}
			if by := ids(tm.SupersededBy); len(by) > 0 {
				p.supersededBy = by[0]
			}
			v.props[name] = p
		}
	}
	return v, sc.Err()
}

// strs reads a JSON string or array of strings.
func strs(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

// ids reads a JSON-LD reference or list of references, keeping schema.org's own names.
func ids(raw json.RawMessage) []string {
	type ref struct {
		ID string `json:"@id"`
	}
	var refs []ref
	var one ref
	if json.Unmarshal(raw, &one) == nil && one.ID != "" {
		refs = []ref{one}
	} else {
		_ = json.Unmarshal(raw, &refs)
	}
	var out []string
	for _, r := range refs {
		if name, ok := strings.CutPrefix(r.ID, "schema:"); ok {
			out = append(out, name)
		}
	}
	return out
}

// is reports whether type t is want or a subclass of it.
func (v *vocabulary) is(t, want string) bool {
	if t == want {
		return true
	}
	for _, super := range v.types[t] {
		if v.is(super, want) {
			return true
		}
	}
	return false
}

// anyIs reports whether one of types is, or descends from, one of wants.
func (v *vocabulary) anyIs(types, wants []string) bool {
	for _, t := range types {
		for _, w := range wants {
			if v.is(t, w) {
				return true
			}
		}
	}
	return false
}

// JSONLD checks the JSON-LD blocks of HTML documents against schema.org's vocabulary. A document
// with none passes: call LDTypes to require some.
func JSONLD(t testing.TB, docs ...Doc) []Problem {
	t.Helper()
	v, err := schemaOrg()
	if err != nil {
		t.Fatal(err)
	}
	var problems []Problem
	for _, d := range docs {
		for i, block := range ldBlocks(d.Body) {
			c := ldCheck{v: v, doc: d.Name}
			var node any
			if err := json.Unmarshal(block, &node); err != nil {
				c.fail("block %d: JSON does not parse: %v", i+1, err)
			} else {
				c.top(node, fmt.Sprintf("block %d", i+1))
			}
			problems = append(problems, c.problems...)
		}
	}
	return problems
}

// LDTypes lists the top-level @types of a document's JSON-LD blocks, in order.
func LDTypes(body []byte) []string {
	var types []string
	for _, block := range ldBlocks(body) {
		var node map[string]any
		if json.Unmarshal(block, &node) == nil {
			types = append(types, typesOf(node)...)
		}
	}
	return types
}

func ldBlocks(body []byte) [][]byte {
	var out [][]byte
	for _, m := range ldScript.FindAllSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// ldCheck gathers the problems of one document's JSON-LD.
type ldCheck struct {
	v        *vocabulary
	doc      string
	problems []Problem
}

func (c *ldCheck) fail(format string, args ...any) {
	c.problems = append(c.problems, Problem{Doc: c.doc, Message: fmt.Sprintf(format, args...)})
}

// top checks a block: one node or a list of them, each stating schema.org as its context.
func (c *ldCheck) top(node any, at string) {
	if list, ok := node.([]any); ok {
		for i, n := range list {
			c.top(n, fmt.Sprintf("%s[%d]", at, i))
		}
		return
	}
	obj, ok := node.(map[string]any)
	if !ok {
		c.fail("%s: not an object", at)
		return
	}
	if ctx := obj["@context"]; ctx != "https://schema.org" && ctx != "http://schema.org" {
		c.fail("%s: @context is %v, want https://schema.org", at, ctx)
	}
	if graph, ok := obj["@graph"].([]any); ok {
		for i, n := range graph {
			c.node(n, fmt.Sprintf("%s.@graph[%d]", at, i))
		}
		return
	}
	c.node(obj, at)
}

// node checks an object's types, then each property against them and each value against the
// property's range.
func (c *ldCheck) node(n any, at string) {
	obj, ok := n.(map[string]any)
	if !ok {
		return
	}
	types := typesOf(obj)
	if len(types) == 0 {
		c.fail("%s: no @type", at)
		return
	}
	for _, t := range types {
		if _, ok := c.v.types[t]; !ok {
			c.fail("%s: @type %q is not a schema.org type", at, t)
			return
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasPrefix(k, "@") {
			continue
		}
		c.property(types, k, obj[k], at+"."+k)
	}
}

func (c *ldCheck) property(types []string, name string, value any, at string) {
	if base, ok := actionAnnotation(name); ok {
		c.annotation(types, name, base, value, at)
		return
	}
	p, ok := c.v.props[name]
	switch {
	case !ok:
		c.fail("%s: %q is not a schema.org property", at, name)
		return
	case p.supersededBy != "":
		c.fail("%s: %q is superseded by %q", at, name, p.supersededBy)
	case !c.v.anyIs(types, p.domains):
		c.fail("%s: %s has no property %q (schema.org gives it to %s)", at, strings.Join(types, ", "), name, strings.Join(p.domains, ", "))
	}
	values, ok := value.([]any)
	if !ok {
		values = []any{value}
	}
	for i, val := range values {
		obj, ok := val.(map[string]any)
		if !ok {
			continue
		}
		where := at
		if len(values) > 1 {
			where = fmt.Sprintf("%s[%d]", at, i)
		}
		if vt := typesOf(obj); len(vt) > 0 && !c.v.anyIs(vt, p.ranges) {
			c.fail("%s: a %s is not a value %q takes (schema.org allows %s)", where, strings.Join(vt, ", "), name, strings.Join(p.ranges, ", "))
		}
		c.node(obj, where)
	}
}

// actionAnnotation reports whether name is one of the annotations schema.org's Actions give a
// property ("query-input", "result-output": https://schema.org/docs/actions.html), and names
// the property it annotates.
func actionAnnotation(name string) (string, bool) {
	for _, suffix := range []string{"-input", "-output"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && base != "" {
			return base, true
		}
	}
	return "", false
}

// annotation checks an Action's input or output annotation: the property it annotates must be
// one the node's type has, and its value a PropertyValueSpecification, written out as one or in
// the short text form ("required name=search_term_string").
func (c *ldCheck) annotation(types []string, name, base string, value any, at string) {
	p, ok := c.v.props[base]
	if !ok || !c.v.anyIs(types, p.domains) {
		c.fail("%s: %q annotates %q, which %s does not have", at, name, base, strings.Join(types, ", "))
		return
	}
	switch v := value.(type) {
	case string:
	case map[string]any:
		if vt := typesOf(v); !c.v.anyIs(vt, []string{"PropertyValueSpecification"}) {
			c.fail("%s: %q takes a PropertyValueSpecification", at, name)
			return
		}
		c.node(v, at)
	default:
		c.fail("%s: %q takes a PropertyValueSpecification or its short text form", at, name)
	}
}

// typesOf reads a node's @type, a name or a list of names, without a "schema:" prefix.
func typesOf(obj map[string]any) []string {
	var out []string
	switch t := obj["@type"].(type) {
	case string:
		out = []string{t}
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	for i, s := range out {
		out[i] = strings.TrimPrefix(s, "schema:")
	}
	return out
}
