package server_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// articleElement is one <article> element of a page, up to its end (the pages nest none).
var articleElement = regexp.MustCompile(`(?s)<article\b[^>]*>(.*?)</article>`)

// nestedSection is a sectioning element inside an article, whose headings head it, not the
// article.
var nestedSection = regexp.MustCompile(`(?s)<section\b.*?</section>`)

// heading is an element of heading content.
var heading = regexp.MustCompile(`<h[1-6]\b`)

// TestAppArticlesHaveHeadings: each comment thread on the draft page was an <article> whose
// first line said what it is on in a <p>, and the unmerged save's text an <article> whose only
// headings headed its sections, so the Nu Html Checker warned "Article lacks heading" 82 times
// over the app's pages, and a screen reader listing headings skipped every thread. Right: every
// article has a heading of its own (a thread's is the words it is on), or is not an article.
func TestAppArticlesHaveHeadings(t *testing.T) {
	a := newTestApp(t)
	editing := a.draft(newsroom.StageEditing)
	a.comment(editing.ID)
	resolved := a.comment(editing.ID)
	wantStatus(t, a.do("writer", "POST", fmt.Sprintf("/api/v1/comments/%d/resolve", resolved), ""), http.StatusOK)
	draft := a.draft(newsroom.StageDraft)
	unmerged := a.staleSave(draft.ID, "My own words, with a “quote” of mine.")
	for _, path := range []string{
		fmt.Sprintf("/drafts/%d", editing.ID),
		fmt.Sprintf("/drafts/%d?from=1&to=2", editing.ID),
		fmt.Sprintf("/drafts/%d/unmerged/%d", draft.ID, unmerged),
	} {
		t.Run(path, func(t *testing.T) {
			res := a.page("writer", "GET", path, nil)
			wantStatus(t, res, http.StatusOK)
			found := articleElement.FindAllStringSubmatch(res.Body.String(), -1)
			for _, m := range found {
				if own := nestedSection.ReplaceAllString(m[1], ""); !heading.MatchString(own) {
					t.Errorf("an article without a heading of its own: %.200s", strings.TrimSpace(m[0]))
				}
			}
		})
	}
}
