package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReopenedCommentFindsItsWords resolves a comment on the second of three occurrences of a
// phrase, saves an edit while it is resolved, and reopens it: it must be on its own words in the
// text as it is now, or detached when they are gone, both in the reopening's answer and after
// the next save; never at its old offsets, which are other words now, and never on a twin.
func TestReopenedCommentFindsItsWords(t *testing.T) {
	const phrase = "the plan would work"
	alpha, beta, gamma := "Alpha said "+phrase+" in May.", "Beta said "+phrase+" in June.", "Gamma said "+phrase+" in July."
	body := alpha + "\n" + beta + "\n" + gamma
	cases := []struct {
		name, edited string
		after        string // what comes right before the comment's words in edited; "" when they are gone
	}{
		{"ShiftedByNewParagraph", "A new first paragraph.\n" + body, "Beta said "},
		{"ParagraphDeleted", alpha + "\n" + gamma, ""},
		{"SentenceRewrittenAroundWords", alpha + "\nZeta told us " + phrase + " last week.\n" + gamma, "Zeta told us "},
		{"ParagraphMovedToEnd", alpha + "\n" + gamma + "\n" + beta, "Beta said "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Twins", Byline: "Writer", Brief: "Brief.", Body: body})
			if err != nil {
				t.Fatal(err)
			}
			url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
			start := utf8.RuneCountInString(alpha + "\nBeta said ")
			in, _ := json.Marshal(map[string]any{"field": "body", "start": start, "end": start + len(phrase), "body": "Which plan?"})
			res := a.do("editor", "POST", url+"/comments", string(in))
			wantStatus(t, res, 201)
			cid := fmt.Sprintf("/api/v1/comments/%d", decode[newsroom.Comment](t, res).ID)
			wantStatus(t, a.do("editor", "POST", cid+"/resolve", ""), 200)
			in, _ = json.Marshal(map[string]any{"body": tc.edited, "version": d.Version})
			res = a.do("writer", "PUT", url, string(in))
			wantStatus(t, res, 200)
			version := decode[newsroom.Draft](t, res).Version

			check := func(when string, c newsroom.Comment, text string) {
				t.Helper()
				if tc.after == "" {
					if !c.Detached {
						t.Errorf("%s: comment on %+v, want it detached", when, c.Anchor)
					}
					return
				}
				want := utf8.RuneCountInString(text[:strings.Index(text, tc.after)+len(tc.after)])
				if c.Detached || c.Anchor.Start != want || c.Anchor.Exact != phrase {
					t.Errorf("%s: comment on %+v (detached %v), want it on %q at %d", when, c.Anchor, c.Detached, phrase, want)
				}
			}
			res = a.do("editor", "POST", cid+"/reopen", "")
			wantStatus(t, res, 200)
			check("reopened", decode[newsroom.Comment](t, res), tc.edited)

			next := tc.edited + "\nA last paragraph."
			in, _ = json.Marshal(map[string]any{"body": next, "version": version})
			wantStatus(t, a.do("writer", "PUT", url, string(in)), 200)
			res = a.do("editor", "GET", url+"/comments", "")
			wantStatus(t, res, 200)
			check("saved again", decode[[]newsroom.Comment](t, res)[0], next)
		})
	}
}
