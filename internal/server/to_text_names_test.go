package server_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestShowInTextLinksNameTheirQuoteOrThread: every "Show in the text" link of the draft page, on a
// quote row or a comment thread, has a name of its own that says which quote or thread it shows
// (a screen reader's list of links read "Show in the text" once for each), and starts with the
// words it shows, which speech input says.
func TestShowInTextLinksNameTheirQuoteOrThread(t *testing.T) {
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Two quotes", Byline: "Writer", Brief: "Brief.",
		Body: "The mayor said “we will rebuild the bridge before the winter comes”.\nThe minister said “no money is left for bridges this year”."})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = a.store.Transition(ctxAs(a, "writer"), d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	for _, at := range [][2]int{{0, 9}, {10, 14}} {
		if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &at[0], End: &at[1], Body: "Check this."}); err != nil {
			t.Fatal(err)
		}
	}
	res := a.page("factchecker", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantStatus(t, res, http.StatusOK)
	links := regexp.MustCompile(`(?s)<a class="to-text"[^>]*>(.*?)</a>`).FindAllStringSubmatch(res.Body.String(), -1)
	if len(links) != 4 {
		t.Fatalf("%d links to the text, want 4 (two quotes, two threads)", len(links))
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	names := map[string]bool{}
	for _, l := range links {
		name := strings.Join(strings.Fields(tags.ReplaceAllString(l[1], "")), " ")
		if !strings.HasPrefix(name, "Show in the text") {
			t.Errorf("the link %q does not start with the words it shows", name)
		}
		if names[name] {
			t.Errorf("two links are named %q", name)
		}
		names[name] = true
	}
	for name := range names {
		if !strings.Contains(name, "“we will rebuild") && !strings.Contains(name, "“no money is left") && !strings.Contains(name, "“The mayor") && !strings.Contains(name, "“said”") {
			t.Errorf("the link %q does not say which quote or thread it shows", name)
		}
	}
}
