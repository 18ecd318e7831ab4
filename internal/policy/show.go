package policy

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the workflow for people: its stages (who sees them, who edits what, who
// checks quotes, who may waive a disputed one and who may be assigned there), its actions (from, to, who, gates) and its
// grants.
func (p *Policy) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Workflow %s\n\n", p.name)
	fmt.Fprintln(tw, "STAGE\tLABEL\tKIND\tSEEN BY\tEDITED BY\tQUOTES CHECKED BY\tWAIVED BY\tASSIGNED")
	for _, s := range p.stages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Name, s.Label, dash(s.Kind), list(p.subjects(draftSee, string(s.Name))),
			list(p.editors(string(s.Name))), list(p.subjects(quoteCheck, string(s.Name))), list(p.subjects(quoteWaive, string(s.Name))),
			list(p.subjects(deskHold, string(s.Name))))
	}
	fmt.Fprintln(tw, "\nACTION\tLABEL\tFROM\tTO\tBY\tGATES")
	for _, a := range p.actions {
		from := make([]string, len(a.From))
		for i, s := range a.From {
			from[i] = string(s)
		}
		gates := make([]string, len(a.Gates))
		for i, g := range a.Gates {
			gates[i] = string(g)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Name, a.Label, strings.Join(from, ", "), a.To, list(a.By), list(gates))
	}
	fmt.Fprintln(tw, "\nGRANT\tBY")
	for _, act := range grantActs {
		fmt.Fprintf(tw, "%s\t%s\n", act, list(p.grants[act]))
	}
	return tw.Flush()
}

// WriteMermaid prints the workflow's stages and actions as a Mermaid state diagram.
func (p *Policy) WriteMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	fmt.Fprintf(&b, "    [*] --> %s\n", p.initial)
	for _, s := range p.stages {
		fmt.Fprintf(&b, "    %s: %s\n", s.Name, s.Label)
	}
	for _, a := range p.actions {
		for _, from := range a.From {
			fmt.Fprintf(&b, "    %s --> %s: %s (%s)\n", from, a.To, a.Name, strings.Join(a.By, ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDOT prints the workflow's stages and actions as a Graphviz graph.
func (p *Policy) WriteDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph workflow {\n    rankdir=LR;\n")
	for _, s := range p.stages {
		shape := "box"
		if s.Kind == KindPublished {
			shape = "doublecircle"
		}
		fmt.Fprintf(&b, "    %q [label=%q, shape=%s];\n", s.Name, s.Label, shape)
	}
	for _, a := range p.actions {
		for _, from := range a.From {
			fmt.Fprintf(&b, "    %q -> %q [label=%q];\n", from, a.To, string(a.Name)+" ("+strings.Join(a.By, ", ")+")")
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// subjects lists who the compiled rules let take act in stage, as the file writes them.
func (p *Policy) subjects(act, stage string) []string {
	var out []string
	for _, r := range p.roles {
		role := string(r.Name)
		switch {
		case p.rules.allowed(role, act, RelOther, stage):
			out = append(out, role)
		case p.rules.allowed(role, act, RelOwner, stage):
			out = append(out, role+":own")
		}
	}
	return out
}

// editors lists who may edit drafts in stage, with the fields each may change.
func (p *Policy) editors(stage string) []string {
	var out []string
	for _, who := range p.subjects(draftEdit, stage) {
		role, own := strings.CutSuffix(who, ":own")
		rel := RelOther
		if own {
			rel = RelOwner
		}
		var fields []string
		for _, f := range Fields {
			if p.rules.allowed(role, fieldAct(f), rel, stage) {
				fields = append(fields, f)
			}
		}
		out = append(out, who+" ("+strings.Join(fields, " ")+")")
	}
	return out
}

func list(ss []string) string {
	if len(ss) == 0 {
		return "-"
	}
	return strings.Join(ss, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
