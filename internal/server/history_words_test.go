package server_test

import (
	"html"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestHistoryReadsInWords: every kind of entry the store writes in a piece's history reads on
// the History tab in the workflow's words (its actions' labels) or in plain words for the steps
// that are not actions; none shows its raw name ("correct", "create", "resolve comment").
func TestHistoryReadsInWords(t *testing.T) {
	a := newTestApp(t)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d := a.draft(newsroom.StageDraft)
	resolved, changed := a.comment(d.ID), a.comment(d.ID)
	must(a.store.ResolveComment(ctxAs(a, "editor"), resolved))
	must(a.store.ReopenComment(ctxAs(a, "editor"), resolved))
	must(a.store.EditComment(ctxAs(a, "editor"), changed, "Check this again."))
	must(a.store.DeleteComment(ctxAs(a, "editor"), changed))
	title, body := "A draft, retitled", "Body with a “quote”, and more."
	must(a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Title: &title, Version: 1}))
	must(a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}))
	must(a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: "submit"}))
	must(a.store.Transition(ctxAs(a, "factchecker"), d.ID, newsroom.TransitionRequest{Action: "return", Note: "Name the source."}))
	must(a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: "submit"}))
	a.verifyQuotes(d.ID)
	must(a.store.Transition(ctxAs(a, "factchecker"), d.ID, newsroom.TransitionRequest{Action: "clear"}))
	page := "/drafts/" + itoa(d.ID)
	claim := url.Values{"claim": {"Crime doubled last year."}, "claimed_by": {"City Hall"}, "claimant_kind": {"organization"}, "rating": {"mostly_false"}}
	wantStatus(t, a.page("editor", "POST", page+"/claim", claim), http.StatusSeeOther)
	must(a.store.ResolveComment(ctxAs(a, "editor"), resolved))
	must(a.store.Transition(ctxAs(a, "editor"), d.ID, newsroom.TransitionRequest{Action: "approve"}))
	must(a.store.Transition(ctxAs(a, "editor"), d.ID, newsroom.TransitionRequest{Action: "reopen"}))
	must(a.store.Transition(ctxAs(a, "editor"), d.ID, newsroom.TransitionRequest{Action: "approve"}))
	must(a.store.Publish(ctxAs(a, "editor"), d.ID, a.clock.Now().Add(time.Hour), 0))
	must(a.store.Transition(ctxAs(a, "editor"), d.ID, newsroom.TransitionRequest{Action: "unschedule"}))
	pub, err := a.store.Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0)
	must(pub, err)
	must(a.store.Correct(ctxAs(a, "editor"), pub.Slug, newsroom.CorrectionRequest{Note: "The council met on Monday."}))
	unchecked := "Body with a “quote”, and “a new one”."
	a.store.Correct(ctxAs(a, "editor"), pub.Slug, newsroom.CorrectionRequest{Body: &unchecked, Note: "A quote added."}) // held: its new quote is unchecked

	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := uploadImport(t, a, "editor", "writer", seed)
	wantStatus(t, res, http.StatusSeeOther)
	imported := res.Header().Get("Location")

	history := auditText(t, a.page("editor", "GET", page, nil).Body.String())
	tests := []struct{ step, want string }{
		{newsroom.StepCreate, "Writer: Created (Draft)"},
		{newsroom.StepResolveComment, "Editor: Resolved a comment"},
		{newsroom.StepReopenComment, "Editor: Reopened a comment"},
		{newsroom.StepEditComment, "Editor: Edited a comment"},
		{newsroom.StepDeleteComment, "Editor: Deleted a comment"},
		{newsroom.StepMerge, "Writer: Merged a save made on an older version"},
		{"submit", "Writer: Send to fact-check (Draft → Fact-check)"},
		{"return", "Factchecker: Return to writer with a note (Fact-check → Draft) — “Name the source.”"},
		{"clear", "Factchecker: Clear for editing (Fact-check → Editing)"},
		{newsroom.StepRateClaim, "Editor: Changed the claim this piece checks — “Mostly false: a claim by City Hall”"},
		{"approve", "Editor: Approve (Editing → Approved)"},
		{"reopen", "Editor: Reopen for editing (Approved → Editing)"},
		{"schedule", "Editor: Schedule (Approved → Scheduled)"},
		{"unschedule", "Editor: Unschedule (Scheduled → Approved)"},
		{"publish", "Editor: Publish (Approved → Published)"},
		{newsroom.StepCorrect, "Editor: Corrected after publishing — “The council met on Monday.”"},
		{newsroom.StepHoldCorrection, "Editor: Correction held until its quotes are checked — “A quote added.”"},
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			if !strings.Contains(history, tt.want) {
				t.Fatalf("the history lacks %q:\n%s", tt.want, history)
			}
		})
	}
	t.Run(newsroom.StepImport, func(t *testing.T) {
		got := auditText(t, a.page("editor", "GET", imported, nil).Body.String())
		if want := "Editor: Imported (Draft)"; !strings.Contains(got, want) {
			t.Fatalf("the imported piece's history lacks %q:\n%s", want, got)
		}
	})
	t.Run("NoRawNames", func(t *testing.T) {
		if raw := regexp.MustCompile(`(?m)^.* — \w+: [a-z_ ]+\b.*$`).FindAllString(history, -1); len(raw) > 0 {
			t.Fatalf("entries show a step's raw name:\n%s", strings.Join(raw, "\n"))
		}
	})
}

// auditText is the text of a draft page's list of history entries, one entry a line.
func auditText(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<ol class="audit">(.*?)</ol>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no history on the page:\n%s", page)
	}
	lines := strings.ReplaceAll(m[1], "</li>", "\n")
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(lines, ""))
}
