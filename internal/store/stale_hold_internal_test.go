package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStaleSaveMergesOffTheWriter checks that a save made on an older version is merged before
// its transaction, not while it holds SQLite's writer: a merge of two long bodies changed all
// over takes a good part of a second, which every other save in the newsroom would wait for,
// and anyone who may save a draft can send such saves one after another. The merge is timed
// on its own, and no transaction of the save may hold the writer for half of that.
func TestStaleSaveMergesOffTheWriter(t *testing.T) {
	words := func(seed uint64, n int, vary func(i int) bool, from []string) []string {
		r := rand.New(rand.NewPCG(seed, seed))
		out := make([]string, n)
		for i := range out {
			if from != nil && !vary(i) {
				out[i] = from[i]
				continue
			}
			out[i] = string(rune('a' + r.IntN(10)))
		}
		return out
	}
	const n = newsroom.MaxBody / 2
	base := words(1, n, nil, nil)
	all := func(int) bool { return true }
	for _, tc := range []struct {
		name         string
		theirs, mine []string
		want         string
	}{
		{"Conflicts", words(2, n, all, base), words(3, n, all, base), newsroom.ECONFLICT},
		{"Merges", words(2, n, func(i int) bool { return i < n/2 && i%5 == 0 }, base),
			words(3, n, func(i int) bool { return i >= n/2 && i%5 == 0 }, base), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, logged, ctx := loggedWriter(t)
			text := func(w []string) newsroom.Text {
				return newsroom.Text{Title: "Long", Body: strings.Join(w, " ")}
			}
			d, err := s.CreateDraft(ctx, text(base))
			if err != nil {
				t.Fatal(err)
			}
			theirs, mine := text(tc.theirs).Body, text(tc.mine).Body
			if _, err := s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &theirs, Version: 1}); err != nil {
				t.Fatal(err)
			}
			began := time.Now()
			merge.Texts(text(base), text(tc.theirs), text(tc.mine))
			merging := time.Since(began)
			logged.Reset()
			s.slowHolds.least, s.slowHolds.every = shortestTold(t, merging), 0
			_, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &mine, Version: 1})
			if got := newsroom.ErrorCode(err); got != tc.want {
				t.Fatalf("stale save: %v, want code %q", err, tc.want)
			}
			heldUnder(t, logged, merging/2, "the merge alone takes "+merging.String())
		})
	}
}

// TestTwinQuotesDiffOffTheWriter checks that the word diff which tells a ledger's twin quotes
// apart is made before a save's transaction, not while it holds SQLite's writer: on a long body
// changed all over it takes a good part of a second, and anyone who may save a draft quoting
// the same words twice could otherwise stall every write in the newsroom with such saves.
func TestTwinQuotesDiffOffTheWriter(t *testing.T) {
	body := func(seed uint64) string {
		r := rand.New(rand.NewPCG(seed, seed))
		words := make([]string, newsroom.MaxBody/4)
		for i := range words {
			words[i] = string(rune('a' + r.IntN(10)))
		}
		return "The mayor said: “No comment.”\n" + strings.Join(words, " ") + "\nThe minister said: “No comment.”"
	}
	s, logged, ctx := loggedWriter(t)
	before := newsroom.Text{Title: "Long", Body: body(1)}
	d, err := s.CreateDraft(ctx, before)
	if err != nil {
		t.Fatal(err)
	}
	after := newsroom.Text{Title: "Long", Body: body(2)}
	news, _ := findQuotes(after)
	began := time.Now()
	quotedEdit(before, after, news)
	diffing := time.Since(began)
	logged.Reset()
	s.slowHolds.least, s.slowHolds.every = shortestTold(t, diffing), 0
	if _, err := s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &after.Body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	heldUnder(t, logged, diffing/2, "the diff alone takes "+diffing.String())
}

// shortestTold is the shortest hold of the writer a test of work that took took has logged: a
// quarter of it, so that a transaction holding the writer through the work is logged however
// fast the machine (on a fast one the work takes less than slowHold, which would log nothing),
// while one that leaves it out holds the writer for a small part of it. It fails t when took is
// too short to tell from a transaction's own time.
func shortestTold(t *testing.T, took time.Duration) time.Duration {
	t.Helper()
	if took < 20*time.Millisecond {
		t.Fatalf("the work took %s, too short to tell from a write", took)
	}
	return took / 4
}

// loggedWriter opens a store whose slow holds of the writer are logged to the buffer it
// returns, with a writer signed in to the context it returns.
func loggedWriter(t *testing.T) (*Store, *bytes.Buffer, context.Context) {
	t.Helper()
	logged := &bytes.Buffer{}
	s := openLogged(t, logged)
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	return s, logged, newsroom.WithUser(context.Background(), u)
}

// heldUnder fails t for each hold of the writer logged with statements of limit or longer;
// why says what limit stands for.
func heldUnder(t *testing.T, logged *bytes.Buffer, limit time.Duration, why string) {
	t.Helper()
	for _, line := range heldOver(t, logged, limit) {
		t.Errorf("the save held the writer for %s", line+", "+why)
	}
}

// heldOver describes each hold of the writer logged with statements of limit or longer.
func heldOver(t *testing.T, logged *bytes.Buffer, limit time.Duration) []string {
	t.Helper()
	var over []string
	for line := range strings.Lines(logged.String()) {
		var hold struct{ Statements time.Duration }
		if err := json.Unmarshal([]byte(line), &hold); err != nil {
			t.Fatal(err)
		}
		if hold.Statements >= limit {
			over = append(over, fmt.Sprintf("%s of statements (%s)", hold.Statements, strings.TrimSpace(line)))
		}
	}
	return over
}
