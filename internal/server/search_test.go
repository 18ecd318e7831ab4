package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// createAs creates a draft over the API as actor and returns it.
func createAs(a *testApp, actor, title, body string) newsroom.Draft {
	a.t.Helper()
	res := a.do(actor, "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":%q,"byline":"W","brief":"B.","body":%q}`, title, body))
	wantStatus(a.t, res, http.StatusCreated)
	return decode[newsroom.Draft](a.t, res)
}

func TestSearchAPI(t *testing.T) {
	a := newTestApp(t)
	mine := createAs(a, "writer", "Flood defences hold", "The river rose.")
	createAs(a, "writer", "Council budget", "The flood defences were paid for.")
	createAs(a, "writer", "Harbour", "Defences and a flood of letters.")
	createAs(a, "other", "Otto's flood", "Flood defences again.")
	search := func(actor, query string) newsroom.SearchPage {
		t.Helper()
		res := a.do(actor, "GET", "/api/v1/drafts?"+query, "")
		wantStatus(t, res, http.StatusOK)
		return decode[newsroom.SearchPage](t, res)
	}
	tests := []struct {
		name, actor, query string
		want               int
	}{
		{"Words", "writer", "q=flood+defences", 3},
		{"Phrase", "writer", "q=%22flood+defences%22", 2},
		{"Prefix", "writer", "q=defen*", 3},
		{"OtherWriterSeesOwn", "other", "q=flood", 1},
		{"Editor", "editor", "q=flood", 4},
		{"FactCheckerSeesNoDrafts", "factchecker", "q=flood", 0},
		{"WithStage", "editor", "q=flood&stage=fact_check", 0},
		{"SyntaxIsWords", "editor", "q=flood+NEAR+(defences)+OR+title:x", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search(tt.actor, tt.query); len(got.Items) != tt.want {
				t.Errorf("%s found %d drafts, want %d: %+v", tt.query, len(got.Items), tt.want, got.Items)
			}
		})
	}
	t.Run("RankAndSnippet", func(t *testing.T) {
		got := search("writer", "q=flood")
		if got.Items[0].ID != mine.ID || got.Items[0].Rank <= got.Items[1].Rank || !strings.Contains(got.Items[0].Snippet, "<mark>Flood</mark>") {
			t.Errorf("first hit %+v", got.Items[0])
		}
	})
	t.Run("Pages", func(t *testing.T) {
		first := search("writer", "q=flood&limit=2")
		rest := search("writer", "q=flood&limit=2&cursor="+first.Next)
		if len(first.Items) != 2 || len(rest.Items) != 1 || rest.Next != "" || rest.Items[0].ID == first.Items[0].ID {
			t.Errorf("pages %+v then %+v", first, rest)
		}
	})
}

func TestDeskSearch(t *testing.T) {
	a := newTestApp(t)
	for i := 0; i < 26; i++ {
		a.draft(newsroom.StageDraft)
	}
	createAs(a, "writer", "Roads", "Crews said <script>alert(1)</script> flood & storm damage was light.")
	createAs(a, "other", "Otto's flood", "Flood.")
	res := a.page("writer", "GET", "/desk?stage=&q=flood", nil)
	wantBody(t, res, `<a href="/drafts/`, "Roads", "<mark>flood</mark>", "&amp; storm")
	if body := res.Body.String(); strings.Contains(body, "<script>alert") || strings.Contains(body, "Otto") {
		t.Fatalf("the desk shows raw HTML or another writer's piece:\n%s", body)
	}
	res = a.page("writer", "GET", "/desk?stage=&q=quote", nil)
	if n := strings.Count(res.Body.String(), `<mark>quote</mark>`); n != 25 || !strings.Contains(res.Body.String(), `rel="next"`) {
		t.Fatalf("first page of results shows %d", n)
	}
	next := res.Body.String()
	next = next[strings.Index(next, `<p><a href="`)+len(`<p><a href="`):]
	next = strings.ReplaceAll(next[:strings.Index(next, `"`)], "&amp;", "&")
	res = a.page("writer", "GET", next, nil)
	if n := strings.Count(res.Body.String(), `<mark>quote</mark>`); n != 1 || !strings.Contains(next, "q=quote") {
		t.Fatalf("the next page (%s) shows %d", next, n)
	}
	res = a.page("writer", "GET", "/desk?stage=fact_check&q=quote", nil)
	wantBody(t, res, "Nothing found.")
}
