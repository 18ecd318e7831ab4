package server_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/store/storetest"
)

// topicAnchor is a link on a public page to a topic's or an author's page, with its text.
var topicAnchor = regexp.MustCompile(`<a href="` + regexp.QuoteMeta(crawlBase) + `(/(?:topics|authors)/[^"]+)"[^>]*>([^<]*)</a>`)

// TestTopicAndAuthorAddresses publishes pieces whose topics and bylines slug awkwardly: topics an
// older version stored that show nothing (spaces, a zero-width space, a no-break space and a word
// joiner) with a byline of a no-break space, topics of punctuation, emoji or marks alone, "C++",
// "C#" and "C", and one place spelled "İstanbul" and "Istanbul". Every page the site reaches
// answers 200; each topic and author link of a piece leads to a page listing that piece; one that
// shows nothing is linked and listed nowhere; and /topics lists each page once, with a count of
// every piece its link names.
func TestTopicAndAuthorAddresses(t *testing.T) {
	a := crawlApp(t)
	pieces := []struct {
		title, byline string
		topics        []string
		stored        string // the topics as an older version wrote them, with a byline of a no-break space, or ""
	}{
		{"Symbols And Names", "Ayşe Işık", []string{"C++", "C#", "C", "🔥", "..", "\u0301", "İstanbul"}, ""},
		{"Plain Istanbul", "Tom Reed", []string{"Istanbul", "Floods"}, ""},
		{"Blank Topics", "Tom Reed", []string{"Floods"}, `["Floods", "  ", "\u200b", "\u00a0\u2060"]`},
	}
	for _, p := range pieces {
		d := importAndApprove(t, a, housePiece(p.title, p.byline, "About "+p.title+".", []string{"The body."}, p.topics, ""))
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
		wantStatus(t, res, http.StatusOK)
		if p.stored != "" {
			storeOlder(t, a, decode[pubResponse](t, res).Slug, p.stored)
		}
	}
	c := crawlSite(t, a, "/", "/topics", "/authors")
	for path, body := range c.bodies {
		if !strings.HasPrefix(path, "/articles/") {
			continue
		}
		title := regexp.MustCompile(`<h1[^>]*>([^<]*)</h1>`).FindStringSubmatch(body)
		for _, m := range topicAnchor.FindAllStringSubmatch(body, -1) {
			if strings.TrimSpace(strings.Trim(m[2], "\u200b\u2060\u00a0")) == "" {
				t.Errorf("%s links %s under a name that shows nothing: %q", path, m[1], m[2])
			}
			if page, ok := c.bodies[m[1]]; ok && title != nil && !strings.Contains(page, title[1]) {
				t.Errorf("%s links %s (%q), which does not list it", path, m[1], m[2])
			}
		}
	}
	listed := map[string]int{}
	for _, m := range regexp.MustCompile(`<li><a href="`+regexp.QuoteMeta(crawlBase)+`(/topics/[^"]+)"[^>]*>([^<]*)</a> \((\d+)\)`).FindAllStringSubmatch(c.bodies["/topics"], -1) {
		if strings.TrimSpace(strings.Trim(m[2], "\u200b\u2060\u00a0")) == "" {
			t.Errorf("/topics lists %s under a name that shows nothing: %q", m[1], m[2])
		}
		listed[m[1]]++
		var n int
		fmt.Sscan(m[3], &n)
		if got := strings.Count(c.bodies[m[1]], `<li class="brief"`); got != n {
			t.Errorf("/topics counts %d pieces for %s, whose page lists %d", n, m[1], got)
		}
	}
	for path, n := range listed {
		if n > 1 {
			t.Errorf("/topics lists %s %d times", path, n)
		}
	}
}

// storeOlder writes into the publication of the article slug names topics (JSON) and a byline of
// a no-break space, and its article_tags rows as the version that took them wrote them: a row for
// each topic with something left once spaces are trimmed, under the slug of its characters.
// Publications cannot change, so it drops the trigger that keeps them so on this test's database.
// It then forgets that the backfills have run and migrates, as a newer version's start does.
func storeOlder(t *testing.T, a *testApp, slug, topics string) {
	t.Helper()
	drop := "DROP TRIGGER publications_append_only_update"
	if storetest.Postgres() {
		drop = "DROP TRIGGER publications_append_only ON publications"
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{drop, nil},
		{"DELETE FROM backfills", nil},
		{"UPDATE publications SET topics = $1, byline = $2 WHERE article_id = (SELECT id FROM articles WHERE slug = $3)", []any{topics, "\u00a0", slug}},
		{"DELETE FROM article_tags WHERE kind = 'author' AND article_id = (SELECT id FROM articles WHERE slug = $1)", []any{slug}},
		{"INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) " +
			"SELECT article_id, publication_id, 'topic', $1, $2, first_published_at FROM article_tags WHERE article_id = (SELECT id FROM articles WHERE slug = $3)",
			[]any{"_200b", "\u200b", slug}},
		{"INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) " +
			"SELECT article_id, publication_id, 'topic', $1, $2, first_published_at FROM article_tags WHERE article_id = (SELECT id FROM articles WHERE slug = $3) AND slug = 'floods'",
			[]any{"_2060", "\u2060", slug}},
	} {
		if _, err := a.store.DB().Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.store.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
