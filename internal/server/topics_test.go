package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftSaveDropsInvisibleTopics: a topic line of nothing but zero-width characters, pasted
// into the edit form or sent over the API, is no topic, and the save goes through with the
// others; a draft that stored such a topic before they counted as blank still saves, whether
// the save sends its topics again or leaves them.
func TestDraftSaveDropsInvisibleTopics(t *testing.T) {
	a := newTestApp(t)
	topics := func(t *testing.T, path string) []string {
		t.Helper()
		res := a.do("writer", "GET", "/api/v1"+path, "")
		wantStatus(t, res, http.StatusOK)
		return decode[newsroom.Draft](t, res).Topics
	}
	t.Run("APICreate", func(t *testing.T) {
		res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Floods","topics":["Floods","\u200b","\u2060\u00a0"]}`)
		wantStatus(t, res, http.StatusCreated)
		if got := decode[newsroom.Draft](t, res).Topics; !slices.Equal(got, []string{"Floods"}) {
			t.Fatalf("topics = %+q, want [Floods]", got)
		}
	})
	t.Run("PageSave", func(t *testing.T) {
		path := fmt.Sprintf("/drafts/%d", a.draft(newsroom.StageDraft).ID)
		res := a.page("writer", "POST", path+"/edit", url.Values{"version": {"1"}, "title": {"A draft"}, "topics": {"Floods\r\n\u200b\r\nRivers"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.Code, res.Body.String())
		}
		if got := topics(t, path); !slices.Equal(got, []string{"Floods", "Rivers"}) {
			t.Fatalf("topics = %+q, want [Floods Rivers]", got)
		}
	})
	t.Run("StoredBeforeTheRule", func(t *testing.T) {
		d := a.draft(newsroom.StageDraft)
		path := fmt.Sprintf("/drafts/%d", d.ID)
		if _, err := a.store.DB().Exec("UPDATE drafts SET topics = $1 WHERE id = $2", `["Floods","\u200b"]`, d.ID); err != nil {
			t.Fatal(err)
		}
		wantStatus(t, a.do("writer", "PUT", "/api/v1"+path, `{"body":"A new body.","version":1}`), http.StatusOK)
		res := a.page("writer", "POST", path+"/edit", url.Values{"version": {"2"}, "title": {"A draft"}, "topics": {"Floods\n\u200b"}})
		if res.Code != http.StatusSeeOther {
			t.Fatalf("save with the stored topics: %d %s", res.Code, res.Body.String())
		}
		if got := topics(t, path); !slices.Equal(got, []string{"Floods"}) {
			t.Fatalf("topics = %+q, want [Floods]", got)
		}
	})
}

// TestTopicsOverTheCapKeepTheText: the edit form and the new-draft form sent with more topic lines
// than the limit are refused with the form again, its text and its topic lines as typed kept in it
// and the message saying how many topics came: past the most items any list of a request may
// hold (1,000), which are counted before they are split, as at 51; and the topics field is marked
// as the one at fault either way.
func TestTopicsOverTheCapKeepTheText(t *testing.T) {
	const body = "My long-typed paragraph about the harbour ferry."
	for _, form := range []string{"Edit", "New"} {
		for _, n := range []int{newsroom.MaxTopics + 1, 1000, 1001, 5000} {
			t.Run(fmt.Sprintf("%s/%d", form, n), func(t *testing.T) {
				a := newTestApp(t)
				var ts []string
				for i := range n {
					ts = append(ts, fmt.Sprintf("topic %d", i))
				}
				sent := url.Values{"title": {"Ferries"}, "body": {body}, "topics": {strings.Join(ts, "\r\n")}}
				path := "/drafts"
				if form == "Edit" {
					d := a.draft(newsroom.StageDraft)
					sent = editForm(d, body, d.Version)
					sent.Set("topics", strings.Join(ts, "\r\n"))
					path = fmt.Sprintf("/drafts/%d/edit", d.ID)
				}
				res := a.page("writer", "POST", path, sent)
				if res.Code < 400 {
					t.Fatalf("%d topics were answered %d, want the form refused", n, res.Code)
				}
				wantBody(t, res, `<p class="error" role="alert"`, fmt.Sprintf("at most %d topics, got %d", newsroom.MaxTopics, n), body,
					`name="topics"`, ts[0]+"\n"+ts[1]+"\n", ts[n-1]+"</textarea>")
				if tag := regexp.MustCompile(`<textarea name="topics"[^>]*>`).FindString(res.Body.String()); !strings.Contains(tag, `aria-invalid="true"`) {
					t.Errorf("the topics field reads %s, want it marked invalid", tag)
				}
			})
		}
	}
}
