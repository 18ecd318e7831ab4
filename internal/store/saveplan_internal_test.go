package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// planDesk is a newsroom with one draft in editing, whose body holds a checked quote and is
// commented on, as the tests of planned saves start from.
type planDesk struct {
	s                       *Store
	writer, checker, editor context.Context
	draft                   *newsroom.Draft
}

// planBody is the draft's body in editing.
const planBody = "The council met on Tuesday. “We will build the bridge,” said the mayor.\n\nThe vote is next week, and the budget is tight."

// newPlanDesk opens a store on a SQLite file of its own, with a fake clock, and walks a draft to
// editing with its quote checked and a comment on "the budget".
func newPlanDesk(t *testing.T) *planDesk {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "plan.db"), Options{Clock: clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)), PasswordCost: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	p := &planDesk{s: s}
	for _, who := range []struct {
		ctx  *context.Context
		name string
		role newsroom.Role
	}{{&p.writer, "sarah", newsroom.RoleWriter}, {&p.checker, "fiona", newsroom.RoleFactChecker}, {&p.editor, "ed", newsroom.RoleEditor}} {
		u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: who.name, Role: who.role, Password: "pw-" + who.name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		*who.ctx = newsroom.WithUser(context.Background(), u)
	}
	d, err := s.CreateDraft(p.writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A vote.", Body: planBody})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Transition(p.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	p.draft = d
	p.checkQuotes(t, p.checker, newsroom.QuoteVerified)
	if d, err = s.Transition(p.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	p.draft = d
	p.comment(t, "the budget")
	return p
}

// checkQuotes gives every quote of the draft status, as who.
func (p *planDesk) checkQuotes(t *testing.T, who context.Context, status newsroom.QuoteStatus) {
	t.Helper()
	qs, err := p.s.Quotes(who, p.draft.ID)
	if err != nil || len(qs) == 0 {
		t.Fatalf("Quotes = %v, %v", qs, err)
	}
	for _, q := range qs {
		if _, err := p.s.CheckQuote(who, p.draft.ID, q.ID, newsroom.QuoteCheck{Status: status, Note: "Checked by phone."}); err != nil {
			t.Fatal(err)
		}
	}
}

// comment makes a comment of the fact-checker's on words of the body.
func (p *planDesk) comment(t *testing.T, words string) {
	t.Helper()
	if _, err := p.s.CreateComment(p.checker, p.draft.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: words}, Body: "Source?"}); err != nil {
		t.Fatal(err)
	}
}

// save makes the editor's save upd as UpdateDraft does, from plan.
func (p *planDesk) save(upd newsroom.DraftUpdate, plan *savePlan) (*newsroom.Draft, error) {
	return p.s.save(p.editor, newsroom.UserFrom(p.editor), p.draft.ID, upd, plan)
}

// state is everything a save leaves behind that a reader can see, as JSON: the answer, the
// draft, its history with every revision's text, its comments and its quote ledger.
func (p *planDesk) state(t *testing.T, answer *newsroom.Draft, err error) string {
	t.Helper()
	var b strings.Builder
	put := func(name string, v any) {
		j, jerr := json.Marshal(v)
		if jerr != nil {
			t.Fatal(jerr)
		}
		fmt.Fprintf(&b, "%s: %s\n", name, j)
	}
	put("answer", answer)
	put("error", newsroom.ErrorMessage(err))
	d, gerr := p.s.GetDraft(p.editor, p.draft.ID)
	put("draft", d)
	put("get error", newsroom.ErrorMessage(gerr))
	h, herr := p.s.History(p.editor, p.draft.ID, newsroom.HistoryFilter{})
	if herr != nil {
		t.Fatal(herr)
	}
	put("history", h)
	for _, r := range h.Revisions {
		if r.Unmerged {
			continue
		}
		rev, rerr := p.s.Revision(p.editor, p.draft.ID, r.Version)
		if rerr != nil {
			t.Fatal(rerr)
		}
		put(fmt.Sprintf("version %d", r.Version), rev)
	}
	cs, cerr := p.s.Comments(p.editor, p.draft.ID)
	put("comments", cs)
	put("comments error", newsroom.ErrorMessage(cerr))
	qs, qerr := p.s.Quotes(p.editor, p.draft.ID)
	put("quotes", qs)
	put("quotes error", newsroom.ErrorMessage(qerr))
	return b.String()
}

// TestStalePlanSavesAsANewPlan checks that a save whose plan went stale between the read it was
// made on and the writer's lock, because something else got in first, leaves exactly what the
// save planned after the change leaves: the same answer or refusal, text, revisions, comments
// and quote ledger. Each case runs twice, on two databases set up alike with the same clock:
// once saving from a plan made before the change, once from a plan made after it.
func TestStalePlanSavesAsANewPlan(t *testing.T) {
	edited := "The council met on Monday. “We will build the bridge,” said the mayor.\n\nThe vote is next week, and the budget is tight."
	for _, tc := range []struct {
		name  string
		other func(t *testing.T, p *planDesk)
	}{
		{"NothingElse", func(*testing.T, *planDesk) {}},
		{"AnotherSaveMerges", func(t *testing.T, p *planDesk) {
			body := strings.Replace(planBody, "next week", "on Friday", 1)
			if _, err := p.s.UpdateDraft(p.editor, p.draft.ID, newsroom.DraftUpdate{Body: &body, Version: p.draft.Version}); err != nil {
				t.Fatal(err)
			}
		}},
		{"AnotherSaveConflicts", func(t *testing.T, p *planDesk) {
			body := strings.Replace(planBody, "on Tuesday", "on Wednesday", 1)
			if _, err := p.s.UpdateDraft(p.editor, p.draft.ID, newsroom.DraftUpdate{Body: &body, Version: p.draft.Version}); err != nil {
				t.Fatal(err)
			}
		}},
		{"Transition", func(t *testing.T, p *planDesk) {
			if _, err := p.s.Transition(p.editor, p.draft.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Force: true, Note: "The comment can wait."}); err != nil {
				t.Fatal(err)
			}
		}},
		{"NewComment", func(t *testing.T, p *planDesk) { p.comment(t, "the mayor") }},
		{"QuoteChecked", func(t *testing.T, p *planDesk) { p.checkQuotes(t, p.editor, newsroom.QuoteDisputed) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			upd := newsroom.DraftUpdate{Body: &edited, Version: 0}
			var states [2]string
			for i, before := range []bool{true, false} {
				p := newPlanDesk(t)
				upd.Version = p.draft.Version
				var plan *savePlan
				if before {
					if plan = p.s.planSave(p.editor, newsroom.UserFrom(p.editor), p.draft.ID, upd); plan == nil || plan.next == nil {
						t.Fatalf("planSave = %+v, want a whole plan", plan)
					}
				}
				tc.other(t, p)
				if !before {
					plan = p.s.planSave(p.editor, newsroom.UserFrom(p.editor), p.draft.ID, upd)
				}
				d, err := p.save(upd, plan)
				states[i] = p.state(t, d, err)
			}
			if states[0] != states[1] {
				t.Errorf("saved from a stale plan:\n%s\nsaved from a new plan:\n%s", states[0], states[1])
			}
		})
	}
}

// TestPlannedSaveAnswersAsARead checks that the draft a planned save answers with, built from
// what the save holds, is the draft as read back afterwards, on every field.
func TestPlannedSaveAnswersAsARead(t *testing.T) {
	p := newPlanDesk(t)
	body, lang := planBody+"\n\nA third paragraph.", "de"
	upd := newsroom.DraftUpdate{Body: &body, Language: &lang, Version: p.draft.Version}
	plan := p.s.planSave(p.editor, newsroom.UserFrom(p.editor), p.draft.ID, upd)
	saved, err := p.save(upd, plan)
	if err != nil {
		t.Fatal(err)
	}
	read, err := p.s.draftWithWork(p.s.read(p.editor), newsroom.UserFrom(p.editor), p.draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(saved)
	want, _ := json.Marshal(read)
	if string(got) != string(want) || saved.Version != p.draft.Version+1 {
		t.Errorf("answer = %s\nread back = %s", got, want)
	}
}

// TestPlannedSavesRace races editors' saves, made on the version each last saw, against new
// comments and quote checks on one draft in a real database, and then checks what they left:
// versions one after another, each revision rebuilding the text saved, the draft at the last
// one, every attached comment on its words and the quote ledger the quotes of the text.
func TestPlannedSavesRace(t *testing.T) {
	p := newPlanDesk(t)
	var mu sync.Mutex
	version := p.draft.Version
	race := func(n int, fn func(i int)) {
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() { defer wg.Done(); fn(i) }()
		}
		wg.Wait()
	}
	race(24, func(i int) {
		switch i % 3 {
		case 0, 1:
			mu.Lock()
			seen := version
			mu.Unlock()
			body := fmt.Sprintf("Update %d. %s", i, planBody)
			d, err := p.s.UpdateDraft(p.editor, p.draft.ID, newsroom.DraftUpdate{Body: &body, Version: seen})
			if code := newsroom.ErrorCode(err); code != "" && code != newsroom.ECONFLICT {
				t.Errorf("save %d: %v", i, err)
			}
			if err == nil {
				mu.Lock()
				version = max(version, d.Version)
				mu.Unlock()
			}
		default:
			if _, err := p.s.CreateComment(p.checker, p.draft.ID, newsroom.NewComment{Field: "body",
				Quote: &newsroom.TextQuote{Exact: "the budget"}, Body: "Which?"}); err != nil {
				t.Errorf("comment %d: %v", i, err)
			}
			qs, err := p.s.Quotes(p.editor, p.draft.ID)
			for _, q := range qs {
				if _, err = p.s.CheckQuote(p.editor, p.draft.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
					break
				}
			}
			if err != nil {
				t.Errorf("check %d: %v", i, err)
			}
		}
	})
	d, err := p.s.GetDraft(p.editor, p.draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= d.Version; v++ {
		r, err := p.s.Revision(p.editor, d.ID, v)
		if err != nil {
			t.Fatalf("version %d of %d: %v", v, d.Version, err)
		}
		if v == d.Version && !sameFields(*r.Text, d.Text()) {
			t.Errorf("version %d rebuilds as %q, the draft holds %q", v, r.Text.Body, d.Body)
		}
	}
	cs, err := p.s.Comments(p.editor, d.ID)
	if err != nil || len(cs) < 9 {
		t.Fatalf("Comments = %d, %v", len(cs), err)
	}
	runes := []rune(d.Body)
	for _, c := range cs {
		if c.Detached || string(runes[c.Anchor.Start:c.Anchor.End]) != "the budget" {
			t.Errorf("comment %d at [%d,%d) detached=%v, not on its words", c.ID, c.Anchor.Start, c.Anchor.End, c.Detached)
		}
	}
	qs, err := p.s.Quotes(p.editor, d.ID)
	news, _ := findQuotes(d.Text())
	if err != nil || len(qs) != len(news) {
		t.Fatalf("Quotes = %d, %v; the text has %d", len(qs), err, len(news))
	}
	for i, q := range qs {
		if q.Text != news[i].Text || q.Start != news[i].Start {
			t.Errorf("quote %d = %q at %d, the text has %q at %d", i, q.Text, q.Start, news[i].Text, news[i].Start)
		}
	}
}

// TestLockedStaleSaveIsKept checks that a save made on an older version that is worked out
// under the lock (with no plan, or when its last plan no longer held) is kept as an unmerged
// revision and refused even where it would merge, since merging there holds the writer; the
// same save planned merges.
func TestLockedStaleSaveIsKept(t *testing.T) {
	p := newPlanDesk(t)
	normal := func(body string) string { return newsroom.Text{Body: body}.Normalize().Body }
	theirs := normal(strings.Replace(planBody, "next week", "on Friday", 1))
	cur, err := p.s.UpdateDraft(p.editor, p.draft.ID, newsroom.DraftUpdate{Body: &theirs, Version: p.draft.Version})
	if err != nil {
		t.Fatal(err)
	}
	mine := normal(strings.Replace(planBody, "on Tuesday", "on Monday", 1))
	upd := newsroom.DraftUpdate{Body: &mine, Version: p.draft.Version}
	if d, err := p.save(upd, nil); d != nil || newsroom.ErrorCode(err) != newsroom.ECONFLICT {
		t.Fatalf("save under the lock = %v, %v; want it refused as a conflict", d, err)
	}
	h, err := p.s.History(p.editor, p.draft.ID, newsroom.HistoryFilter{UnmergedText: true})
	if err != nil {
		t.Fatal(err)
	}
	last := h.Revisions[0]
	if !last.Unmerged || last.Text == nil || last.Text.Body != mine {
		t.Errorf("newest revision = %+v, want the save's text kept unmerged", last)
	}
	if d, err := p.s.GetDraft(p.editor, p.draft.ID); err != nil || d.Version != cur.Version || d.Body != theirs {
		t.Fatalf("draft after the refusal = %v, %v; want it as it was", d, err)
	}
	d, err := p.save(upd, p.s.planSave(p.editor, newsroom.UserFrom(p.editor), p.draft.ID, upd))
	if want := strings.Replace(theirs, "on Tuesday", "on Monday", 1); err != nil || d.Body != want || d.Version != cur.Version+1 {
		t.Fatalf("planned save = %v, %v; want the merge at version %d", d, err, cur.Version+1)
	}
}
