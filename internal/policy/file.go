package policy

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The workflow file is read from YAML nodes rather than decoded into structs, so that every
// mistake can name the line it is on, and so that stages, actions and roles keep the order the
// file gives them (a YAML mapping has none once decoded into a Go map).

// file is a workflow file as written, before it is checked.
type file struct {
	name    string
	roles   []roleDef
	stages  []stageDef
	actions []actionDef
	grants  []grantDef
}

type roleDef struct {
	name, label string
	desk        []item
	home        item
	line        int
}

type stageDef struct {
	name, label, kind string
	see               []who
	edit              []fieldGrant
	checkQuotes       []who
	waiveQuotes       []who
	assign            []who
	line              int
}

type fieldGrant struct {
	who    who
	fields []item
}

type actionDef struct {
	name, label, confirm string
	to                   item
	explain              item
	from                 []item
	by                   []who
	gates                []item
	line                 int
}

// item is a name the file gives as a value, and the line it is on.
type item struct {
	value string
	line  int
}

type grantDef struct {
	act  string
	by   []who
	line int
}

// who is a subject as the file names it: a role, and what the user must be to the object
// ("owner" for ROLE:own, "author" for ROLE:author, "" for anyone holding the role).
type who struct {
	role string
	rel  string
	line int
}

func (w who) String() string {
	switch w.rel {
	case RelOwner:
		return w.role + ":own"
	case RelAuthor:
		return w.role + ":author"
	}
	return w.role
}

// lineError is a mistake in the workflow file, at a line.
type lineError struct {
	file string
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

// reader walks the file's nodes and keeps the first mistake it meets.
type reader struct {
	name string
	err  error
}

func (r *reader) fail(line int, format string, args ...any) {
	if r.err == nil {
		r.err = &lineError{file: r.name, line: line, msg: fmt.Sprintf(format, args...)}
	}
}

// parseFile reads the workflow file src, called name in messages.
func parseFile(name string, src []byte) (*file, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r := &reader{name: name}
	if len(doc.Content) == 0 {
		return nil, &lineError{file: name, line: 1, msg: "the file is empty: it needs roles, stages, actions and grants"}
	}
	f := &file{name: name}
	top := doc.Content[0]
	seen := map[string]bool{}
	r.eachPair(top, "the file", func(key string, line int, v *yaml.Node) {
		seen[key] = true
		switch key {
		case "roles":
			r.eachPair(v, "roles", func(name string, line int, v *yaml.Node) { f.roles = append(f.roles, r.role(name, line, v)) })
		case "stages":
			r.eachPair(v, "stages", func(name string, line int, v *yaml.Node) { f.stages = append(f.stages, r.stage(name, line, v)) })
		case "actions":
			r.eachPair(v, "actions", func(name string, line int, v *yaml.Node) { f.actions = append(f.actions, r.action(name, line, v)) })
		case "grants":
			r.eachPair(v, "grants", func(act string, line int, v *yaml.Node) {
				f.grants = append(f.grants, grantDef{act: act, by: r.whos(v, act), line: line})
			})
		default:
			r.fail(line, "unknown section %q: want roles, stages, actions or grants", key)
		}
	})
	for _, section := range []string{"roles", "stages", "actions"} {
		if !seen[section] {
			r.fail(top.Line, "no %s section", section)
		}
	}
	return f, r.err
}

// eachPair calls fn for every key of the mapping n, in the file's order.
func (r *reader) eachPair(n *yaml.Node, what string, fn func(key string, line int, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		r.fail(n.Line, "%s must be a mapping of names to settings", what)
		return
	}
	keys := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, dup := keys[k.Value]; dup {
			r.fail(k.Line, "%s names %q twice (first on line %d)", what, k.Value, prev)
			continue
		}
		keys[k.Value] = k.Line
		fn(k.Value, k.Line, v)
	}
}

func (r *reader) role(name string, line int, v *yaml.Node) roleDef {
	d := roleDef{name: name, line: line}
	r.eachPair(v, "role "+name, func(key string, line int, v *yaml.Node) {
		switch key {
		case "label":
			d.label = r.scalar(v, key)
		case "desk":
			d.desk = r.list(v, key)
		case "home":
			d.home = item{r.scalar(v, key), v.Line}
		default:
			r.fail(line, "role %s: unknown setting %q: want label, desk or home", name, key)
		}
	})
	return d
}

func (r *reader) stage(name string, line int, v *yaml.Node) stageDef {
	d := stageDef{name: name, line: line}
	r.eachPair(v, "stage "+name, func(key string, line int, v *yaml.Node) {
		switch key {
		case "label":
			d.label = r.scalar(v, key)
		case "kind":
			d.kind = r.scalar(v, key)
		case "see":
			d.see = r.whos(v, key)
		case "check_quotes":
			d.checkQuotes = r.whos(v, key)
		case "waive_quotes":
			d.waiveQuotes = r.whos(v, key)
		case "assign":
			d.assign = r.whos(v, key)
		case "edit":
			r.eachPair(v, "stage "+name+" edit", func(subject string, line int, v *yaml.Node) {
				d.edit = append(d.edit, fieldGrant{who: r.who(subject, line), fields: r.list(v, "fields")})
			})
		default:
			r.fail(line, "stage %s: unknown setting %q: want label, kind, see, edit, check_quotes, waive_quotes or assign", name, key)
		}
	})
	return d
}

func (r *reader) action(name string, line int, v *yaml.Node) actionDef {
	d := actionDef{name: name, line: line}
	r.eachPair(v, "action "+name, func(key string, line int, v *yaml.Node) {
		switch key {
		case "label":
			d.label = r.scalar(v, key)
		case "from":
			d.from = r.list(v, key)
		case "to":
			d.to = item{r.scalar(v, key), v.Line}
		case "by":
			d.by = r.whos(v, key)
		case "gates":
			d.gates = r.list(v, key)
		case "confirm":
			d.confirm = r.scalar(v, key)
		case "explain":
			d.explain = item{r.scalar(v, key), v.Line}
		default:
			r.fail(line, "action %s: unknown setting %q: want label, from, to, by, gates, confirm or explain", name, key)
		}
	})
	return d
}

func (r *reader) scalar(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		r.fail(n.Line, "%s must be a single value", what)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// empty reports a setting written with nothing after it, like "gates:": YAML reads it as
// null, which means no names, not one name that is empty.
func empty(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// list reads a sequence of names, each with its line; a single name is a list of one, and an
// empty setting a list of none.
func (r *reader) list(n *yaml.Node, what string) []item {
	if empty(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []item{{strings.TrimSpace(n.Value), n.Line}}
	}
	if n.Kind != yaml.SequenceNode {
		r.fail(n.Line, "%s must be a list", what)
		return nil
	}
	out := make([]item, 0, len(n.Content))
	for _, node := range n.Content {
		out = append(out, item{r.scalar(node, what), node.Line})
	}
	return out
}

func (r *reader) whos(n *yaml.Node, what string) []who {
	items := []*yaml.Node{n}
	if empty(n) {
		items = nil
	} else if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	out := make([]who, 0, len(items))
	for _, item := range items {
		out = append(out, r.who(r.scalar(item, what), item.Line))
	}
	return out
}

// who reads "ROLE", "ROLE:own" or "ROLE:author".
func (r *reader) who(s string, line int) who {
	role, qual, _ := strings.Cut(s, ":")
	w := who{role: strings.TrimSpace(role), line: line}
	switch strings.TrimSpace(qual) {
	case "":
	case "own":
		w.rel = RelOwner
	case "author":
		w.rel = RelAuthor
	default:
		r.fail(line, "%q: after the role, write :own (their own drafts) or :author (their own comments)", s)
	}
	return w
}
