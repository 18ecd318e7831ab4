package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// config is what one run of the benchmark does, from its flags.
type config struct {
	Drafts     int
	Duration   time.Duration
	Clients    int
	Quick      bool
	Only       map[string]bool // scenario ids to run; nil runs them all
	CPUProfile string
	Keep       bool // keep the temp dir or schema with the database, to look at it afterwards
	// Setups are the setups measured, in turn (see parseDB).
	Setups []setup
}

// Quick mode's sizes: small enough for a CI smoke run well under a minute, big enough that every
// scenario has its pools.
const (
	quickDrafts   = 300
	quickDuration = time.Second
	quickClients  = 8
)

// parseFlags reads the command line into a valid config. Flags given explicitly win over the
// sizes -quick chooses.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("copydesk-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: copydesk-bench [-db sqlite,postgres://…] [-drafts N] [-duration D] [-clients N] [-quick] [-only 1,3,7] [-cpuprofile FILE]\n\n"+
			"Seeds a newsroom in a fresh temp database (or a throwaway schema on PostgreSQL), starts the real\n"+
			"server on loopback and drives it with concurrent clients, one scenario after another, against\n"+
			"a bare Echo baseline.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	c := config{}
	fs.IntVar(&c.Drafts, "drafts", 10000, "drafts in the seeded newsroom (a fifth of them published)")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "how long each scenario runs")
	fs.IntVar(&c.Clients, "clients", 32, "concurrent HTTP clients")
	fs.BoolVar(&c.Quick, "quick", false, fmt.Sprintf("CI smoke run: -drafts %d -duration %s -clients %d unless given; exit 1 on any error",
		quickDrafts, quickDuration, quickClients))
	only := fs.String("only", "", "comma-separated scenario ids to run (e.g. 1,3,6a); the baseline always runs")
	fs.StringVar(&c.CPUProfile, "cpuprofile", "", "write a CPU profile of the scenarios (not the seeding) to this file")
	fs.BoolVar(&c.Keep, "keep", false, "keep the temp directory or PostgreSQL schema with the seeded database")
	db := fs.String("db", "sqlite", "comma-separated setups, measured in turn: sqlite, and a PostgreSQL server's URL for one app server\n"+
		"and two on a throwaway schema the run creates there and drops (a database whose own schema holds a newsroom is refused)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if c.Quick {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["drafts"] {
			c.Drafts = quickDrafts
		}
		if !set["duration"] {
			c.Duration = quickDuration
		}
		if !set["clients"] {
			c.Clients = quickClients
		}
	}
	var err error
	if c.Only, err = parseOnly(*only); err != nil {
		return config{}, err
	}
	if c.Setups, err = parseDB(*db); err != nil {
		return config{}, err
	}
	return c, c.validate()
}

// parseOnly reads the -only list against the known scenario ids.
func parseOnly(s string) (map[string]bool, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	known := map[string]bool{}
	for _, id := range scenarioIDs {
		known[id] = true
	}
	only := map[string]bool{}
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if id == "6" {
			only["6a"], only["6b"], only["6c"], only["6d"], only["6e"] = true, true, true, true, true
			continue
		}
		if !known[id] {
			return nil, fmt.Errorf("-only: unknown scenario %q (known: %s)", id, strings.Join(scenarioIDs, ", "))
		}
		only[id] = true
	}
	return only, nil
}

// validate checks that the sizes make sense together: every client of the save and transition
// scenarios needs a draft of its own in the right stage.
func (c config) validate() error {
	switch {
	case c.Clients < 1 || c.Clients > 1024:
		return errors.New("-clients must be from 1 to 1024")
	case c.Duration < 100*time.Millisecond || c.Duration > time.Hour:
		return errors.New("-duration must be from 100ms to 1h")
	case c.Drafts < 1 || c.Drafts > 1_000_000:
		return errors.New("-drafts must be from 1 to 1,000,000")
	}
	m := mixFor(c.Drafts)
	if m[newsroom.StageDraft] < c.Clients {
		return fmt.Errorf("-drafts %d gives %d drafts in stage draft, fewer than the %d clients that each save their own; use at least -drafts %d",
			c.Drafts, m[newsroom.StageDraft], c.Clients, minDrafts(c.Clients))
	}
	if m[newsroom.StageEditing] < 2*c.Clients {
		return fmt.Errorf("-drafts %d gives %d drafts in stage editing, fewer than twice the %d clients; use at least -drafts %d",
			c.Drafts, m[newsroom.StageEditing], c.Clients, minDrafts(c.Clients))
	}
	return nil
}

// minDrafts is the smallest newsroom validate accepts for n clients.
func minDrafts(n int) int {
	d := n
	for mix := mixFor(d); mix[newsroom.StageDraft] < n || mix[newsroom.StageEditing] < 2*n; mix = mixFor(d) {
		d++
	}
	return d
}

// describe sums up the config for the report's header.
func (c config) describe() string {
	s := "-drafts " + strconv.Itoa(c.Drafts) + " -duration " + c.Duration.String() + " -clients " + strconv.Itoa(c.Clients)
	if c.Quick {
		s += " -quick"
	}
	dbs := make([]string, 0, len(c.Setups))
	for _, st := range c.Setups {
		if d := cmp.Or(store.Redact(st.DB), "sqlite"); !slices.Contains(dbs, d) {
			dbs = append(dbs, d)
		}
	}
	return s + " -db " + strings.Join(dbs, ",")
}
