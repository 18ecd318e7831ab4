package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/publish"
)

// TestSlugCapitalsMovePermanently: every slug is made in lower case, and a link typed or
// written with capitals (/articles/Piece-1, /topics/Climate-Change) answered 404. Right: it
// moves permanently to the same address with the slug in lower case, which serves the piece,
// so that a reader reaches it and a crawler files one URL for it, not two. Each moves once,
// straight to the address that serves it.
func TestSlugCapitalsMovePermanently(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 120)
	for _, p := range [][2]string{{"ΟΔΟΣ", "Nikos Pappas"}, {"Fußball", "İlker Baş"}} {
		d := importAndApprove(t, a, housePiece("On "+p[0], p[1], "A brief.", []string{"A body."}, []string{p[0]}, ""))
		wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), http.StatusOK)
	}
	greek := url.PathEscape(publish.Slug("ΟΔΟΣ"))
	for _, tc := range []struct {
		method, path, want string
		served             bool
	}{
		{"GET", "/articles/Piece-1", "/articles/piece-1", true},
		{"HEAD", "/articles/Piece-1", "/articles/piece-1", true},
		{"GET", "/articles/PIECE-1.txt", "/articles/piece-1.txt", true},
		{"GET", "/articles/Piece-1.json", "/articles/piece-1.json", true},
		{"GET", "/briefs/Piece-1.txt", "/briefs/piece-1.txt", true},
		{"GET", "/topics/Climate-Change", "/topics/climate-change", true},
		{"GET", "/topics/MEXICO/feed.atom", "/topics/mexico/feed.atom", true},
		{"GET", "/topics/Climate-Change/page/2?utm_source=x", "/topics/climate-change/page/2?utm_source=x", true},
		{"GET", "/topics/Climate-Change/page/1", "/topics/climate-change", true},
		{"GET", "/authors/Otto-Weiss", "/authors/otto-weiss", true},
		{"GET", "/authors/Sarah-Johnson/feed.atom", "/authors/sarah-johnson/feed.atom", true},
		{"GET", "/topics/" + url.PathEscape("ΟΔΟΣ"), "/topics/" + greek, true},
		{"GET", "/topics/FU%E1%BA%9EBALL", "/topics/fussball", true},
		{"GET", "/authors/%C4%B0lker-Ba%C5%9F", "/authors/ilker-bas", true},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			res := a.do("", tc.method, tc.path, "")
			wantStatus(t, res, http.StatusMovedPermanently)
			if got := res.Header().Get("Location"); got != tc.want {
				t.Fatalf("Location %q, want %q", got, tc.want)
			}
			if tc.served {
				wantStatus(t, a.do("", "GET", tc.want, ""), http.StatusOK)
			}
		})
	}
	t.Run("a page number that names no page is not found", func(t *testing.T) {
		for _, path := range []string{"/topics/Climate-Change/page/-2", "/topics/Climate-Change/page/02", "/authors/Otto-Weiss/page/x"} {
			wantStatus(t, a.do("", "GET", path, ""), http.StatusNotFound)
			wantStatus(t, a.do("", "GET", strings.ToLower(path), ""), http.StatusNotFound)
		}
	})
	// An address with capitals that names nothing published, in lower case either, is not found
	// at once: a 301 first would send readers and crawlers on to a 404.
	for _, tc := range []struct{ method, path string }{
		{"GET", "/articles/No-Such-Piece"},
		{"HEAD", "/articles/No-Such-Piece"},
		{"GET", "/articles/No-Such-Piece.txt"},
		{"GET", "/articles/Piece-1.pdf"},
		{"GET", "/briefs/No-Such-Piece.txt"},
		{"GET", "/briefs/Piece-1.md"},
		{"GET", "/topics/No-Such-Topic"},
		{"GET", "/topics/No-Such-Topic/feed.atom"},
		{"GET", "/topics/Climate-Change/page/99"},
		{"GET", "/authors/Nobody-Here"},
		{"GET", "/authors/Nobody-Here/page/2"},
		{"HEAD", "/authors/Nobody-Here/feed.atom"},
		{"GET", "/topics/" + url.PathEscape("ΑΓΝΩΣΤΟ")},
	} {
		t.Run("not found "+tc.method+" "+tc.path, func(t *testing.T) {
			res := a.do("", tc.method, tc.path, "")
			wantStatus(t, res, http.StatusNotFound)
			if loc := res.Header().Get("Location"); loc != "" {
				t.Fatalf("a 404 that names Location %q", loc)
			}
		})
	}
	t.Run("lower case is served where it is", func(t *testing.T) {
		wantStatus(t, a.do("", "GET", "/articles/piece-1", ""), http.StatusOK)
	})
}
