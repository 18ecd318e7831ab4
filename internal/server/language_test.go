package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftLanguageAPI sets a piece's language over the API, has a tag that is no language
// refused, and follows the piece to its public page: a slug of its own Arabic words, its
// language on the article, and every piece of its text marked dir="auto".
func TestDraftLanguageAPI(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"مصر ترفض عرض القوات","byline":"سارة أحمد","brief":"رفضت الرئيسة العرض.","body":"الفقرة الأولى.\n\nالفقرة الثانية."}`)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	if d.Language != "" {
		t.Fatalf("a new draft's language = %q, want empty (the site's)", d.Language)
	}
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	for _, tc := range []struct {
		name, body string
		status     int
		contains   string
	}{
		{"NotALanguage", `{"language":"Arabic!","version":1}`, 422, `"code":"invalid"`},
		{"Canonical", `{"language":"AR","version":1}`, 200, `"language":"ar"`},
		{"KeptBySave", `{"brief":"موجز.","version":2}`, 200, `"language":"ar"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.do("writer", "PUT", path, tc.body)
			wantStatus(t, res, tc.status)
			if !strings.Contains(res.Body.String(), tc.contains) {
				t.Fatalf("body lacks %s: %s", tc.contains, res.Body.String())
			}
		})
	}
	wantStatus(t, a.do("writer", "POST", path+"/transitions", `{"action":"submit"}`), 200)
	wantStatus(t, a.do("factchecker", "POST", path+"/transitions", `{"action":"clear"}`), 200)
	wantStatus(t, a.do("editor", "POST", path+"/transitions", `{"action":"approve"}`), 200)
	res = a.do("editor", "POST", path+"/publish", "")
	wantStatus(t, res, 200)
	if slug := decode[pubResponse](t, res).Slug; slug != "مصر-ترفض-عرض-القوات" {
		t.Fatalf("slug = %q, want the title's own words", slug)
	}
	page := a.do("", "GET", "/articles/"+url.PathEscape("مصر-ترفض-عرض-القوات"), "")
	wantStatus(t, page, 200)
	wantBody(t, page, `<html lang="en">`, `<article class="story" lang="ar">`, `<h1 dir="auto">مصر ترفض عرض القوات</h1>`,
		`<p dir="auto">الفقرة الأولى.</p>`, `"inLanguage":"ar"`, `<meta property="og:locale" content="ar_EG">`)
	json := a.do("", "GET", "/articles/"+url.PathEscape("مصر-ترفض-عرض-القوات")+".json", "")
	wantStatus(t, json, 200)
	wantBody(t, json, `"language": "ar"`)
	feed := a.do("", "GET", "/feed.atom", "")
	wantBody(t, feed, `<entry xml:lang="ar">`)
}

// TestDraftPageLanguage sets the language with the draft page's control, without JavaScript, and
// shows the page's user-written text marked dir="auto".
func TestDraftPageLanguage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	res := a.page("writer", "GET", target+"?edit=1", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<input name="language" form="edit"`, `<span class="muted">the site's</span>`,
		`<h1 class="ws-title ws-title-editing" dir="auto">`, `<textarea id="edit-title" name="title" form="edit" class="ws-field doc" dir="auto"`, `<p data-start="0" dir="auto">`)
	t.Run("Refused", func(t *testing.T) {
		res := a.page("writer", "POST", target+"/edit", url.Values{"version": {"1"}, "language": {"no such language"}})
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, `is not a BCP 47 language tag`, `value="no such language"`)
	})
	t.Run("Saved", func(t *testing.T) {
		res := a.page("writer", "POST", target+"/edit", url.Values{"version": {"1"}, "language": {"he"}})
		wantStatus(t, res, http.StatusSeeOther)
		got, err := a.store.GetDraft(ctxAs(a, "writer"), d.ID)
		if err != nil || got.Language != "he" {
			t.Fatalf("draft language = %q, %v; want he", got.Language, err)
		}
		wantBody(t, a.page("writer", "GET", target, nil), `<p data-read>he</p>`)
	})
}

// TestStaleSaveKeepsLanguageSetSince has the writer set the language in one tab and then save a
// body edit from another tab, opened before: the stale save merges its words and leaves the
// language as the first tab set it, since the second tab's form only showed the old one.
func TestStaleSaveKeepsLanguageSetSince(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d", d.ID)
	wantBody(t, a.page("writer", "GET", target+"?edit=1", nil), `<input type="hidden" name="language_was" form="edit" class="ws-field" value="">`)
	form := func(language, body string) url.Values {
		return url.Values{"version": {"1"}, "language": {language}, "language_was": {""}, "title": {d.Title}, "byline": {d.Byline},
			"brief": {d.Brief}, "body": {body}}
	}
	wantStatus(t, a.page("writer", "POST", target+"/edit", form("fr", d.Body)), http.StatusSeeOther)
	wantStatus(t, a.page("writer", "POST", target+"/edit", form("", d.Body+" More.")), http.StatusSeeOther)
	got, err := a.store.GetDraft(ctxAs(a, "writer"), d.ID)
	if err != nil || got.Version != 3 || got.Language != "fr" || got.Body != d.Body+" More." {
		t.Fatalf("draft = version %d, language %q, body %q, %v; want version 3 in fr with the words added", got.Version, got.Language, got.Body, err)
	}
	t.Run("RefusedFormKeepsWhatItShowed", func(t *testing.T) {
		res := a.page("writer", "POST", target+"/edit", url.Values{"version": {"3"}, "language": {"no such language"}, "language_was": {"fr"}})
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, `value="no such language"`, `name="language_was" form="edit" class="ws-field" value="fr"`)
	})
}
