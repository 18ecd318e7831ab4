package server_test

import (
	"fmt"
	"net/http"
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
