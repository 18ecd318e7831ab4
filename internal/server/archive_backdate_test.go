package server_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"
)

// briefHeading is the link of one brief on a page of briefs.
var briefHeading = regexp.MustCompile(`<h2 dir="auto"><a href="[^"]*/articles/([^"]+)">`)

// archivePages lists the slugs of every page of the archive, from the front page on.
func archivePages(t *testing.T, a *testApp) [][]string {
	t.Helper()
	var pages [][]string
	for n := 1; ; n++ {
		path := "/"
		if n > 1 {
			path = fmt.Sprintf("/page/%d", n)
		}
		res := a.do("", "GET", path, "")
		if n > 1 && res.Code == http.StatusNotFound {
			return pages
		}
		wantStatus(t, res, http.StatusOK)
		var slugs []string
		for _, m := range briefHeading.FindAllStringSubmatch(res.Body.String(), -1) {
			slugs = append(slugs, m[1])
		}
		pages = append(pages, slugs)
	}
}

// TestArchiveBackdatedPublishBounded: the archive's pages are numbered from the newest, as
// WordPress's and Ghost's are, so a publish moves pieces between pages; what holds whatever the
// new piece's date (now, backdated among the listed pieces, older than all of them): the pages
// of pieces newer than it keep their pieces, every other page gains at most one piece and loses
// at most one, each to its neighbour, and every piece is on exactly one page, so a crawler
// walking the pages meanwhile meets a piece twice at worst and never misses one.
func TestArchiveBackdatedPublishBounded(t *testing.T) {
	for _, tc := range []struct {
		name  string
		after int // the seeded piece the new one is dated just after; 0 for now
	}{
		{"Now", 0},
		{"AmongTheSecondPage", 40},
		{"OnTheLastPage", 3},
		{"BeforeEveryPiece", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			const n = 95
			seedPublished(t, a, n)
			start := a.clock.Now().UTC().Add(-time.Hour - n*time.Minute).Truncate(time.Second)
			before := archivePages(t, a)
			body := ""
			if tc.after != 0 {
				at := start.Add(time.Duration(tc.after)*time.Minute + 30*time.Second)
				body = `{"at":"` + at.Format(time.RFC3339) + `"}`
			}
			d := importAndApprove(t, a, housePiece("Late Filed Story", "Ana Pérez", "A story filed late.", []string{"Its body."}, []string{"Courts"}, ""))
			wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), body), http.StatusOK)
			after := archivePages(t, a)

			// The archive in order, with the new piece at its date's place.
			want := slices.Concat(before...)
			place := 0 // newest first: the new piece goes before the one it is dated just after
			switch {
			case tc.after > 0:
				place = slices.Index(want, fmt.Sprintf("piece-%d", tc.after))
			case tc.after < 0:
				place = len(want)
			}
			want = slices.Insert(want, place, "late-filed-story")
			if got := slices.Concat(after...); !slices.Equal(got, want) {
				t.Fatalf("the pages list %v, want %v", got, want)
			}
			for i, page := range before {
				switch {
				case (i+1)*len(before[0]) <= place:
					if !slices.Equal(after[i], page) {
						t.Errorf("page %d, of pieces newer than the new one, went from %v to %v", i+1, page, after[i])
					}
				default:
					gained := 0
					for _, s := range after[i] {
						if !slices.Contains(page, s) {
							gained++
						}
					}
					if gained > 1 {
						t.Errorf("page %d gained %d pieces in one publish: %v to %v", i+1, gained, page, after[i])
					}
				}
			}
		})
	}
}
