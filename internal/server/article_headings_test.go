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

// sectionOrHeading is a section's start or end tag, or a heading's start tag.
var sectionOrHeading = regexp.MustCompile(`<(/?)(section|h[1-6])\b`)

// TestDraftPageHeadingsNest: the threads of comments whose words are gone sit in a section
// headed by an h3 under the Comments h2, and each thread was headed by an h3 as well, so the
// outline put them beside the heading that holds them rather than under it. Right: within a
// section, every heading after the first is below it, and a section's first heading is below
// the heading of the section that holds it.
func TestDraftPageHeadingsNest(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	a.comment(d.ID)
	body := "Entirely different words."
	if _, err := a.store.UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	a.comment(d.ID)
	res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
	wantBody(t, res, "Comments whose words are gone", "(its words are gone)")
	page := res.Body.String()
	var levels []int // the level of the first heading of each open section, 0 until it has one
	for _, m := range sectionOrHeading.FindAllStringSubmatchIndex(page, -1) {
		closing, name := page[m[2]:m[3]] == "/", page[m[4]:m[5]]
		switch {
		case name == "section" && closing:
			levels = levels[:max(len(levels)-1, 0)]
		case name == "section":
			levels = append(levels, 0)
		case !closing && len(levels) > 0:
			level, top := int(name[1]-'0'), len(levels)-1
			above := levels[top]
			if above == 0 && top > 0 {
				above = levels[top-1]
			}
			if level <= above {
				t.Errorf("an h%d inside a section headed by an h%d: %.160s", level, above, page[m[0]:])
			}
			if levels[top] == 0 {
				levels[top] = level
			}
		}
	}
}
