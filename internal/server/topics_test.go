package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
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
