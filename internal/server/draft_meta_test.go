package server_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftMetaLine: the line under a draft's title names its writer as a byline does, and its
// version with who saved that version and when, so that a version an editor saved does not read
// as the writer's.
func TestDraftMetaLine(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "Europe/London"); err != nil {
		t.Fatal(err)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	meta := func(t *testing.T, actor string, id int64) string {
		t.Helper()
		res := a.page(actor, "GET", "/drafts/"+itoa(id), nil)
		wantStatus(t, res, http.StatusOK)
		m := regexp.MustCompile(`<p class="meta">(.*?)</p>`).FindStringSubmatch(res.Body.String())
		if m == nil {
			t.Fatalf("the draft page has no meta line:\n%s", res.Body.String())
		}
		return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")
	}
	d := a.draft(newsroom.StageEditing)
	created := a.clock.Now().In(london).Format("Mon Jan 2, 2006 15:04 MST")
	t.Run("WritersVersion", func(t *testing.T) {
		if got, want := meta(t, "editor", d.ID), "Editing · by Writer · version 1 saved by Writer, "+created; got != want {
			t.Fatalf("meta line = %q, want %q", got, want)
		}
	})
	a.clock.Add(90 * time.Minute)
	body := "Body with a “quote”, edited."
	if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
		t.Fatal(err)
	}
	edited := a.clock.Now().In(london).Format("Mon Jan 2, 2006 15:04 MST")
	t.Run("EditorsVersion", func(t *testing.T) {
		got := meta(t, "writer", d.ID)
		if want := "Editing · by Writer · version 2 saved by Editor, " + edited; got != want {
			t.Fatalf("meta line = %q, want %q", got, want)
		}
		if strings.Contains(got, created) {
			t.Fatalf("meta line %q shows the first version's time", got)
		}
	})
	// An older page of the history does not hold the version as saved; the line still does.
	for v := 2; v <= draftHistoryPage+1; v++ {
		body := "Body with a “quote”, edited again " + itoa(int64(v)) + "."
		if _, err := a.store.UpdateDraft(ctxAs(a, "editor"), d.ID, newsroom.DraftUpdate{Body: &body, Version: v}); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("OlderHistoryPage", func(t *testing.T) {
		res := a.page("writer", "GET", "/drafts/"+itoa(d.ID), nil)
		older := regexp.MustCompile(`\?history=([^"#&]+)`).FindStringSubmatch(res.Body.String())
		if older == nil {
			t.Fatal("the draft page links to no older history")
		}
		res = a.page("writer", "GET", "/drafts/"+itoa(d.ID)+"?history="+older[1], nil)
		wantStatus(t, res, http.StatusOK)
		m := regexp.MustCompile(`<p class="meta">(.*?)</p>`).FindStringSubmatch(res.Body.String())
		if want := "version " + itoa(int64(draftHistoryPage+2)) + " saved by <bdi>Editor</bdi>"; m == nil || !strings.Contains(m[1], want) {
			t.Fatalf("on an older page of the history the meta line is %q, want %q", m, want)
		}
	})
}

// draftHistoryPage is how many revisions the draft page's history shows at once.
const draftHistoryPage = 20
