package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

type newsroomFixture struct {
	s                                     *store.Store
	writer, other, checker, editor, admin context.Context
}

func newNewsroom(t testing.TB) *newsroomFixture {
	return newNewsroomAt(t, store.Options{})
}

func newNewsroomAt(t testing.TB, opt store.Options) *newsroomFixture {
	s := mustOpen(t, opt)
	f := &newsroomFixture{s: s}
	f.writer, _ = mustUser(t, s, "sarah", newsroom.RoleWriter)
	f.other, _ = mustUser(t, s, "otto", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, s, "fiona", newsroom.RoleFactChecker)
	f.editor, _ = mustUser(t, s, "ed", newsroom.RoleEditor)
	f.admin, _ = mustUser(t, s, "ada", newsroom.RoleAdmin)
	return f
}

func sampleText(title string) newsroom.Text {
	return newsroom.Text{Title: title, Byline: "Sarah Johnson", Brief: "A brief.", Body: "First “quoted” paragraph.\n\nSecond paragraph.", Topics: []string{"Mexico"}}
}

// draftIn creates a draft by the fixture's writer and walks it through the workflow to stage.
func (f *newsroomFixture) draftIn(t testing.TB, stage newsroom.Stage) *newsroom.Draft {
	t.Helper()
	d, err := f.s.CreateDraft(f.writer, sampleText("Draft in "+string(stage)))
	if err != nil {
		t.Fatal(err)
	}
	return f.walk(t, d, stage)
}

// walk takes draft d from stage draft to stage.
func (f *newsroomFixture) walk(t testing.TB, d *newsroom.Draft, stage newsroom.Stage) *newsroom.Draft {
	t.Helper()
	var err error
	steps := map[newsroom.Stage][]struct {
		ctx    context.Context
		action newsroom.Action
	}{
		newsroom.StageFactCheck: {{f.writer, newsroom.ActionSubmit}},
		newsroom.StageEditing:   {{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}},
		newsroom.StageApproved:  {{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}},
		newsroom.StagePublished: {{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}, {f.editor, newsroom.ActionPublish}},
		newsroom.StageScheduled: {{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}},
		newsroom.StageSpiked:    {{f.editor, newsroom.ActionSpike}},
	}
	for _, st := range steps[stage] {
		if d, err = f.s.Transition(st.ctx, d.ID, newsroom.TransitionRequest{Action: st.action, Note: "walking"}); err != nil {
			t.Fatalf("walk to %s: %s: %v", stage, st.action, err)
		}
		if st.action == newsroom.ActionSubmit {
			f.verifyAll(t, d.ID)
		}
	}
	if stage == newsroom.StageScheduled {
		if _, err := f.s.Publish(f.editor, d.ID, time.Now().Add(time.Hour), 0); err != nil {
			t.Fatal(err)
		}
		d, _ = f.s.GetDraft(f.editor, d.ID)
	}
	if d.Stage != stage {
		t.Fatalf("walked to %s, want %s", d.Stage, stage)
	}
	return d
}

// verifyAll has the fact-checker verify every quote of a draft.
func (f *newsroomFixture) verifyAll(t testing.TB, id int64) {
	t.Helper()
	qs, err := f.s.Quotes(f.checker, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if _, err := f.s.CheckQuote(f.checker, id, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCreateAndGetDraft(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "  Café <script>  ", Body: "one\n\n\ntwo\n", EditorComment: "sneaky"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != 1 || d.Stage != newsroom.StageDraft || d.Body != "one\ntwo" || d.Title != "Café <script>" || d.Writer.Username != "sarah" {
		t.Fatalf("created %+v", d)
	}
	if d.EditorComment != "" {
		t.Fatalf("a writer set editor_comment on create: %q", d.EditorComment)
	}
	_, err = f.s.CreateDraft(f.writer, newsroom.Text{Title: " "})
	wantCode(t, err, newsroom.EINVALID)
	_, err = f.s.CreateDraft(f.editor, sampleText("x"))
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.CreateDraft(context.Background(), sampleText("x"))
	wantCode(t, err, newsroom.EUNAUTHORIZED)

	visible := map[string]context.Context{"owner": f.writer, "editor": f.editor, "admin": f.admin}
	for name, ctx := range visible {
		if got, err := f.s.GetDraft(ctx, d.ID); err != nil || got.ID != d.ID {
			t.Errorf("%s GetDraft = %v, %v", name, got, err)
		}
	}
	for name, ctx := range map[string]context.Context{"other writer": f.other, "factchecker": f.checker} {
		_, err := f.s.GetDraft(ctx, d.ID)
		if newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
			t.Errorf("%s GetDraft on a draft = %v, want not found", name, err)
		}
	}
	_, err = f.s.GetDraft(f.editor, 999999)
	wantCode(t, err, newsroom.ENOTFOUND)
}

func TestListDrafts(t *testing.T) {
	f := newNewsroom(t)
	for i := 0; i < 7; i++ {
		if _, err := f.s.CreateDraft(f.writer, sampleText(fmt.Sprintf("Story %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.CreateDraft(f.other, sampleText("Otto's 100% scoop")); err != nil {
		t.Fatal(err)
	}
	submitted := f.draftIn(t, newsroom.StageFactCheck)

	var titles []string
	cursor := ""
	for pages := 0; ; pages++ {
		page, err := f.s.ListDrafts(f.writer, newsroom.DraftFilter{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page.Items {
			titles = append(titles, d.Title)
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
		if pages > 10 {
			t.Fatal("paging never ends")
		}
	}
	want := []string{submitted.Title, "Story 6", "Story 5", "Story 4", "Story 3", "Story 2", "Story 1", "Story 0"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Fatalf("writer pages = %q, want %q", titles, want)
	}
	cases := []struct {
		name   string
		ctx    context.Context
		filter newsroom.DraftFilter
		want   int
	}{
		{"EditorSeesAll", f.editor, newsroom.DraftFilter{}, 9},
		{"CheckerSeesFactCheck", f.checker, newsroom.DraftFilter{}, 1},
		{"StageFilter", f.editor, newsroom.DraftFilter{Stage: newsroom.StageFactCheck}, 1},
		{"OtherWriterSeesOwn", f.other, newsroom.DraftFilter{}, 1},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			page, err := f.s.ListDrafts(tt.ctx, tt.filter)
			if err != nil || len(page.Items) != tt.want {
				t.Fatalf("ListDrafts = %d items, %v; want %d", len(page.Items), err, tt.want)
			}
		})
	}
	_, err := f.s.ListDrafts(f.editor, newsroom.DraftFilter{Cursor: "not-a-cursor"})
	wantCode(t, err, newsroom.EINVALID)
}

func TestUpdateDraft(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("First"))
	str := func(s string) *string { return &s }
	t.Run("OK", func(t *testing.T) {
		got, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: str("Second"), Version: 1})
		if err != nil || got.Version != 2 || got.Title != "Second" || got.Brief != d.Brief {
			t.Fatalf("UpdateDraft = %+v, %v", got, err)
		}
	})
	t.Run("ErrStaleVersion", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: str("My own title"), Body: str("My precious rewrite."), Version: 1})
		wantCode(t, err, newsroom.ECONFLICT)
		var e *newsroom.Error
		if !asError(err, &e) || e.Details["current_version"] != 2 {
			t.Fatalf("conflict details = %+v", e)
		}
		h, err := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{UnmergedText: true})
		if err != nil {
			t.Fatal(err)
		}
		last := h.Revisions[0]
		if !last.Unmerged || last.BaseVersion != 1 || last.Text == nil || last.Text.Body != "My precious rewrite." || last.Text.Title != "My own title" {
			t.Fatalf("unmerged revision = %+v", last)
		}
		if cur, _ := f.s.GetDraft(f.writer, d.ID); cur.Version != 2 || cur.Body == "My precious rewrite." {
			t.Fatalf("the stale save changed the draft: %+v", cur)
		}
	})
	t.Run("ErrMissingVersion", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: str("x")})
		wantCode(t, err, newsroom.EINVALID)
	})
	t.Run("ErrEmptyTitle", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: str(""), Version: 2})
		wantCode(t, err, newsroom.EINVALID)
	})
	t.Run("ErrWriterSetsEditorComment", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{EditorComment: str("mine"), Version: 2})
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
	t.Run("ErrOtherWriter", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.other, d.ID, newsroom.DraftUpdate{Title: str("x"), Version: 2})
		wantCode(t, err, newsroom.ENOTFOUND)
	})
	t.Run("ErrEditorInDraftStage", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Title: str("x"), Version: 2})
		wantCode(t, err, newsroom.ECONFLICT)
	})
	t.Run("EditorInEditing", func(t *testing.T) {
		e := f.draftIn(t, newsroom.StageEditing)
		_, err := f.s.UpdateDraft(f.writer, e.ID, newsroom.DraftUpdate{Title: str("x"), Version: e.Version})
		wantCode(t, err, newsroom.ECONFLICT)
		got, err := f.s.UpdateDraft(f.editor, e.ID, newsroom.DraftUpdate{EditorComment: str("Sovereignty’s the main dish."), Version: e.Version})
		if err != nil || got.EditorComment != "Sovereignty’s the main dish." || got.Version != e.Version+1 {
			t.Fatalf("editor save = %+v, %v", got, err)
		}
		rev, err := f.s.Revision(f.editor, e.ID, got.Version)
		if err != nil || rev.Text.EditorComment != got.EditorComment {
			t.Fatalf("Revision = %+v, %v", rev, err)
		}
	})
}

// TestTransitionMatrix takes every action on a draft in every stage as every kind of actor, and
// checks that visibility (404), the policy (403) and the state machine (409) answer in that order.
func TestTransitionMatrix(t *testing.T) {
	f := newNewsroom(t)
	actors := []struct {
		name string
		ctx  context.Context
	}{{"owner", f.writer}, {"other_writer", f.other}, {"factchecker", f.checker}, {"editor", f.editor}, {"admin", f.admin}}
	pol := f.s.Policy()
	for _, st := range pol.Stages() {
		for _, ac := range pol.Actions() {
			stage, action := st.Name, ac.Name
			for _, a := range actors {
				t.Run(fmt.Sprintf("%s/%s/%s", stage, action, a.name), func(t *testing.T) {
					d := f.draftIn(t, stage)
					u := newsroom.UserFrom(a.ctx)
					wantCode := ""
					switch {
					case !pol.CanSee(u, d.Writer.ID, stage):
						wantCode = newsroom.ENOTFOUND
					case !slices.Contains(ac.By, string(u.Role)) && !(u.ID == d.Writer.ID && slices.Contains(ac.By, string(u.Role)+":own")):
						wantCode = newsroom.EFORBIDDEN
					case !slices.Contains(ac.From, stage):
						wantCode = newsroom.ECONFLICT
					case action == newsroom.ActionSchedule:
						wantCode = newsroom.EINVALID // scheduling needs a time: Publish takes it
					}
					got, err := f.s.Transition(a.ctx, d.ID, newsroom.TransitionRequest{Action: action, Note: "because"})
					if code := newsroom.ErrorCode(err); code != wantCode {
						t.Fatalf("code = %q (%v), want %q", code, err, wantCode)
					}
					if wantCode == "" {
						if got.Stage != ac.To {
							t.Fatalf("stage = %s, want %s", got.Stage, ac.To)
						}
					}
				})
			}
		}
	}
}

func TestTransitionAudit(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageFactCheck)
	_, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: ""})
	wantCode(t, err, newsroom.EINVALID)
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "The second quote is misattributed."}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.Action("bless"), Note: ""})
	wantCode(t, err, newsroom.EINVALID)
	h, err := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, 0, len(h.Audit))
	for _, a := range h.Audit {
		got = append(got, fmt.Sprintf("%s:%s:%s>%s:%s", a.Actor.Username, a.Action, a.From, a.To, a.Note))
	}
	want := "fiona:return:fact_check>draft:The second quote is misattributed.|sarah:submit:draft>fact_check:walking|sarah:create:>draft:"
	if strings.Join(got, "|") != want {
		t.Fatalf("audit = %q\nwant %q", strings.Join(got, "|"), want)
	}
	if _, err := f.s.DB().Exec("UPDATE audit SET note = 'rewritten'"); err == nil {
		t.Fatal("the database let the audit trail be rewritten")
	}
	if _, err := f.s.DB().Exec("DELETE FROM revisions"); err == nil {
		t.Fatal("the database let revisions be deleted")
	}
}

// TestConcurrentSaves has many clients save one draft at once: each save becomes the next version
// or a conflict with its text kept, versions stay contiguous, and nobody sees "database is locked".
func TestConcurrentSaves(t *testing.T) {
	f := newNewsroom(t)
	d, _ := f.s.CreateDraft(f.writer, sampleText("Contended"))
	const clients = 30
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved, conflicts := 0, 0
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			body := fmt.Sprintf("Client %d's text.", i)
			_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1 + i%3})
			mu.Lock()
			defer mu.Unlock()
			switch newsroom.ErrorCode(err) {
			case "":
				saved++
			case newsroom.ECONFLICT:
				conflicts++
			default:
				t.Errorf("client %d: %v", i, err)
			}
		}(i)
	}
	wg.Wait()
	h, err := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	versions, unmerged := 0, 0
	for _, r := range slices.Backward(h.Revisions) {
		if r.Unmerged {
			unmerged++
			continue
		}
		versions++
		if r.Version != versions {
			t.Fatalf("versions not contiguous: revision %d has version %d", versions, r.Version)
		}
	}
	if saved+conflicts != clients || versions != 1+saved || unmerged != conflicts || saved == 0 {
		t.Fatalf("saved %d, conflicts %d, versions %d, unmerged %d", saved, conflicts, versions, unmerged)
	}
}

// TestFirstSavesDoNotDeadlock races the first saves of fresh stores, more of them than a
// PostgreSQL pool has connections. Each query is prepared on its first use, and with GORM's
// statement cache on that pool a save's read outside its transaction could hold the half-made
// statement while it waited for a connection, and the transactions holding every connection
// waited for the statement: the saves never returned.
func TestFirstSavesDoNotDeadlock(t *testing.T) {
	for round := range 6 {
		f := newNewsroom(t)
		d, err := f.s.CreateDraft(f.writer, sampleText("Contended"))
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			var wg sync.WaitGroup
			for i := range 40 {
				wg.Go(func() {
					body := fmt.Sprintf("Client %d's text.", i)
					_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1 + i%3})
					if code := newsroom.ErrorCode(err); code != "" && code != newsroom.ECONFLICT {
						t.Errorf("client %d: %v", i, err)
					}
				})
			}
			wg.Wait()
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("round %d: 40 saves of a fresh store were still waiting after a minute", round)
		}
	}
}

// TestSaveOverTextStoredBeforeANormalization: a draft stored before a rule of Normalize came in
// (here a Unicode line separator in its editor's comment, kept before those became line ends)
// takes a writer's save of another field. The editor's comment, which a writer may not change,
// is the same words normalized, not a change of theirs, so the save is not refused for it.
func TestSaveOverTextStoredBeforeANormalization(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, sampleText("Stored long ago"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec("UPDATE drafts SET editor_comment = $1 WHERE id = $2", "Kept as it was\u2028written.", d.ID); err != nil {
		t.Fatal(err)
	}
	body := "A new first paragraph.\n\nSecond paragraph."
	saved, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Version: d.Version, Body: &body})
	if err != nil {
		t.Fatalf("the writer's save was refused: %v", err)
	}
	if saved.Body != "A new first paragraph.\nSecond paragraph." || saved.EditorComment != "Kept as it was written." {
		t.Fatalf("saved %q with the editor's comment %q", saved.Body, saved.EditorComment)
	}
}
