package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftSaveRefusesDirectionOverrides refuses, through the API, a save whose title, topic or
// body paragraph would show reversed or turn the text after it, naming the field and the
// character; a text stored before the rule still reads, and saves in the fields a save changes.
func TestDraftSaveRefusesDirectionOverrides(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	id := fmt.Sprint(d.ID)
	tests := []struct {
		name, method, url, body, want string
	}{
		{"CreateTitleOverride", "POST", "/api/v1/drafts", `{"title":"\u202erotidE eht morf"}`, "title must not contain U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"CreateTopicUnclosedIsolate", "POST", "/api/v1/drafts", `{"title":"T","topics":["\u2067חדשות"]}`, "topic opens U+2067 RIGHT-TO-LEFT ISOLATE without closing it"},
		{"UpdateTitleOverride", "PUT", "/api/v1/drafts/" + id, `{"title":"\u202dRLO","version":1}`, "title must not contain U+202D LEFT-TO-RIGHT OVERRIDE"},
		{"UpdateBodyParagraphUnclosed", "PUT", "/api/v1/drafts/" + id, `{"body":"One.\n\u202bשתיים","version":1}`, "paragraph 2 of the body opens U+202B RIGHT-TO-LEFT EMBEDDING"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("writer", tt.method, tt.url, tt.body)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			if e := decode[apiError](t, res).Error; e.Code != newsroom.EINVALID || !strings.Contains(e.Message, tt.want) {
				t.Fatalf("error = %+v, want %q", e, tt.want)
			}
		})
	}
	t.Run("ClosedEmbeddingsAndMarksAreText", func(t *testing.T) {
		res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"\u202bשלום\u202c \u2068world\u2069\u200f","byline":"דנה\u200e"}`)
		wantStatus(t, res, http.StatusCreated)
	})
	t.Run("StoredBeforeTheRule", func(t *testing.T) {
		stored := "\u202eeltiT"
		if _, err := a.store.DB().Exec("UPDATE drafts SET title = $1 WHERE id = $2", stored, d.ID); err != nil {
			t.Fatal(err)
		}
		res := a.do("writer", "GET", "/api/v1/drafts/"+id, "")
		wantStatus(t, res, http.StatusOK)
		if got := decode[newsroom.Draft](t, res).Title; got != stored {
			t.Fatalf("title = %q, want %q", got, stored)
		}
		wantStatus(t, a.do("writer", "PUT", "/api/v1/drafts/"+id, `{"body":"A new body.","version":1}`), http.StatusOK)
		res = a.do("writer", "PUT", "/api/v1/drafts/"+id, `{"title":"\u202eeltiT wen","version":2}`)
		wantStatus(t, res, http.StatusUnprocessableEntity)
	})
}

// TestPagesIsolateStoredLines shows a title and names stored before the direction rule, each
// with an embedding it never closes, on the pages that put them next to other text: each stands
// in an element that isolates it (a bdi, an element with dir, or a block of its own), so the
// embedding cannot turn the stage, the date or the name shown after it; where no element can
// isolate it, in the page's <title> and a notification's subject, it stands between U+2068 and
// U+2069.
func TestPagesIsolateStoredLines(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageFactCheck)
	if _, err := a.store.Assign(ctxAs(a, "editor"), newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: a.users["factchecker"].ID}); err != nil {
		t.Fatal(err)
	}
	notQuote := fmt.Sprintf("/api/v1/drafts/%d/quotes/%d/not-quote", d.ID, a.firstQuote(d.ID))
	wantStatus(t, a.do("factchecker", "POST", notQuote, `{"note":"A ship's name"}`), http.StatusOK)
	title, writer, checker := "\u202bכותרת Title", "\u202bכותבת Writer", "\u2067בודק Checker"
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE drafts SET title = $1 WHERE id = $2", []any{title, d.ID}},
		{"UPDATE users SET name = $1 WHERE id = $2", []any{writer, a.users["writer"].ID}},
		{"UPDATE users SET name = $1 WHERE id = $2", []any{checker, a.users["factchecker"].ID}},
	} {
		if _, err := a.store.DB().Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, actor, path string
		lines             []string
	}{
		{"Desk", "editor", "/desk?stage=fact_check", []string{title, writer, checker}},
		{"DeskSearch", "editor", "/desk?stage=&q=quote", []string{title, writer}},
		{"Inbox", "factchecker", "/inbox", []string{title}},
		{"DraftMetaLine", "editor", fmt.Sprintf("/drafts/%d", d.ID), []string{writer, checker}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "GET", tt.path, nil)
			wantStatus(t, res, http.StatusOK)
			body := res.Body.String()
			body = body[strings.Index(body, "<body"):]
			for _, line := range tt.lines {
				if !strings.Contains(body, line) {
					t.Fatalf("the page does not show %+q", line)
				}
				if err := isolatedIn(body, line); err != nil {
					t.Error(err)
				}
			}
		})
	}
	t.Run("PageTitle", func(t *testing.T) {
		res := a.page("editor", "GET", fmt.Sprintf("/drafts/%d", d.ID), nil)
		wantBody(t, res, "<title>\u2068"+title+"\u2069 · Copydesk</title>")
	})
	t.Run("Notification", func(t *testing.T) {
		a.comment(d.ID)
		res := a.do("writer", "GET", "/api/v1/notifications", "")
		wantStatus(t, res, http.StatusOK)
		got := decode[struct{ Notifications []struct{ Subject string } }](t, res).Notifications
		if want := "Editor commented on “\u2068" + title + "\u2069”"; len(got) == 0 || got[0].Subject != want {
			t.Fatalf("notifications = %+q, want the newest to say %+q", got, want)
		}
	})
}

// isolatedIn reports the first place page shows line as text not isolated from the text around
// it: every occurrence must be the whole content of a bdi, of an element with a dir attribute, or
// of a block (a table cell, a paragraph, a list item, a heading). Occurrences inside a tag, in an
// attribute's value, are not shown as text.
func isolatedIn(page, line string) error {
	blocks := []string{"<bdi", "<td", "<th", "<p", "<li", "<h1", "<h2", "<h3", "<option"}
	for at := 0; ; {
		i := strings.Index(page[at:], line)
		if i < 0 {
			return nil
		}
		i += at
		at = i + len(line)
		open := strings.LastIndex(page[:i], "<")
		if strings.LastIndex(page[:i], ">") < open {
			continue
		}
		tag := page[open:i]
		isolating := strings.Contains(tag, ` dir="`) || slices.ContainsFunc(blocks, func(b string) bool {
			return strings.HasPrefix(tag, b+">") || strings.HasPrefix(tag, b+" ")
		})
		if !isolating || !strings.HasSuffix(tag, ">") || !strings.HasPrefix(page[at:], "</") {
			return fmt.Errorf("%+q is shown as %q…%q", line, page[max(0, i-80):i], page[at:min(len(page), at+40)])
		}
	}
}
