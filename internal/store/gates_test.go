package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestGatesSayEverythingAtOnce: an approval held back by a quote not yet checked and by an open
// comment says both in one refusal, with both details, so the editor clears them in one go
// rather than learning of the comment on the next try.
func TestGatesSayEverythingAtOnce(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	body := d.Body + "\n“We will rebuild the pier,” said Ana Ortiz."
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	c := f.commentOn(t, f.editor, d.ID, 0, 4, "Is this right?")
	_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
	wantCode(t, err, newsroom.ECONFLICT)
	msg := newsroom.ErrorMessage(err)
	for _, want := range []string{`"We will rebuild the pier,"`, "is unchecked", ". Also: cannot approve: 1 unresolved comment"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal %q does not say %q", msg, want)
		}
	}
	var e *newsroom.Error
	if !errors.As(err, &e) || e.Details["quotes"] == nil || e.Details["comments"] == nil {
		t.Fatalf("the refusal's details %+v do not name both the quotes and the comments", e)
	}
	if ids, _ := e.Details["comments"].([]int64); len(ids) != 1 || ids[0] != c.ID {
		t.Errorf("the refusal names comments %v, want [%d]", e.Details["comments"], c.ID)
	}
}

// TestGatesNameAQuoteOnce: a body quote not yet checked that the brief also quotes holds an
// approval back once, by the quotes gate; the brief gate says only what is its own (a brief
// quote the body does not back), so the joined refusal does not name the same quote twice.
func TestGatesNameAQuoteOnce(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	body := d.Body + "\n“We will rebuild the pier,” said Ana Ortiz."
	for _, tc := range []struct {
		name, brief string
		want        []string
		notWant     string
	}{
		{"BackedByTheUncheckedQuote", "Ortiz: “We will rebuild the pier.”",
			[]string{`"We will rebuild the pier," (unchecked)`}, "is body quote"},
		{"AndAMisquote", "Ortiz: “We will rebuild the pier.” Others said “the harbour is gone.”",
			[]string{`"We will rebuild the pier," (unchecked)`, ". Also: cannot approve yet: a brief quote is not backed by the body", "the harbour is gone"}, "is body quote"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur, err := f.s.GetDraft(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			brief := tc.brief
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Brief: &brief, Version: cur.Version}); err != nil {
				t.Fatal(err)
			}
			_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
			wantCode(t, err, newsroom.ECONFLICT)
			msg := newsroom.ErrorMessage(err)
			for _, want := range tc.want {
				if !strings.Contains(msg, want) {
					t.Errorf("the refusal %q does not say %q", msg, want)
				}
			}
			if strings.Contains(msg, tc.notWant) {
				t.Errorf("the refusal %q names the unchecked quote twice", msg)
			}
		})
	}
}
