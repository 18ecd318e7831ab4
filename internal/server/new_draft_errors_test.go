package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestNewDraftRefusalNamesItsField: a new draft refused for one of its fields shows the form
// again with the reason next to that field and tied to it (aria-invalid, and aria-describedby the
// message), the keyboard taken there, so that a screen reader reaching the field hears what is
// wrong with it; the message alone, at the top of the page, did not say which field it was about
// to anyone who had moved on from it.
func TestNewDraftRefusalNamesItsField(t *testing.T) {
	a := newTestApp(t)
	fields := []string{"title", "byline", "brief", "body", "topics"}
	for _, tt := range []struct {
		name  string
		set   map[string]string
		field string
	}{
		{"BlankTitle", map[string]string{"title": "   "}, "title"},
		{"LongBrief", map[string]string{"brief": strings.Repeat("é", newsroom.MaxBrief+1)}, "brief"},
		{"LongBody", map[string]string{"body": strings.Repeat("é", newsroom.MaxBody+1)}, "body"},
		{"LongTopic", map[string]string{"topics": strings.Repeat("x", newsroom.MaxTopic+1)}, "topics"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"title": {"Ferry fares rise"}, "byline": {"Sarah Johnson"}, "brief": {"Fares rise."}, "body": {"Fares rise in May."}, "form_token": {a.newDraftForm("writer")}}
			for k, v := range tt.set {
				form.Set(k, v)
			}
			res := a.page("writer", http.MethodPost, "/drafts", form)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, `<p class="error" role="alert" id="form-error">`)
			for _, f := range fields {
				tag := regexp.MustCompile(`<(?:input|textarea)\b[^>]*\bname="` + f + `"[^>]*>`).FindString(res.Body.String())
				invalid := strings.Contains(tag, `aria-invalid="true"`) && strings.Contains(tag, `aria-describedby="error-`+f+`"`) && strings.Contains(tag, " autofocus")
				if tag == "" || invalid != (f == tt.field) {
					t.Errorf("the %s field reads %s; want it marked invalid: %v", f, tag, f == tt.field)
				}
			}
			next := regexp.MustCompile(`\bname="` + tt.field + `"[^>]*>(?:[^<]*</textarea>)?</label><p class="field-error" id="error-` + tt.field + `">[^<]+</p>`)
			if !next.MatchString(res.Body.String()) {
				t.Errorf("no message next to the %s field", tt.field)
			}
		})
	}
}

// TestSaveRefusalNamesItsField: a save of the draft page's text refused for one of its fields
// shows the text again in its form with the reason next to that field and tied to it (its
// description, beside what the field's own description already says: its count, its hint), and
// the keyboard there; the message at the top of the page is far from a field low on it.
func TestSaveRefusalNamesItsField(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	fields := []string{"title", "byline", "brief", "body", "topics", "language"}
	for _, tt := range []struct {
		name   string
		set    map[string]string
		field  string
		before bool // the field may run far below the screen: its message stands above it
	}{
		{"BlankTitle", map[string]string{"title": "   "}, "title", false},
		{"BadLanguage", map[string]string{"language": "not a tag!"}, "language", false},
		{"LongByline", map[string]string{"byline": strings.Repeat("é", newsroom.MaxByline+1)}, "byline", false},
		{"LongBrief", map[string]string{"brief": strings.Repeat("é", newsroom.MaxBrief+1)}, "brief", true},
		{"LongBody", map[string]string{"body": strings.Repeat("é", newsroom.MaxBody+1)}, "body", true},
		{"LongTopic", map[string]string{"topics": strings.Repeat("x", newsroom.MaxTopic+1)}, "topics", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"version": {fmt.Sprint(d.Version)}, "title": {d.Title}, "byline": {d.Byline}, "brief": {d.Brief}, "body": {d.Body}}
			for k, v := range tt.set {
				form.Set(k, v)
			}
			res := a.page("writer", http.MethodPost, fmt.Sprintf("/drafts/%d/edit", d.ID), form)
			wantStatus(t, res, http.StatusConflict)
			wantBody(t, res, `<p class="error" role="alert" id="form-error">`)
			for _, f := range fields {
				tag := regexp.MustCompile(`<(?:input|textarea)\b[^>]*\bname="` + f + `"[^>]*>`).FindString(res.Body.String())
				described := regexp.MustCompile(`aria-describedby="(?:[^"]* )?error-` + f + `[ "]`).MatchString(tag)
				invalid := strings.Contains(tag, `aria-invalid="true"`) && described && strings.Contains(tag, " autofocus")
				if tag == "" || invalid != (f == tt.field) {
					t.Errorf("the %s field reads %s; want it marked invalid: %v", f, tag, f == tt.field)
				}
			}
			// The message stands right after the field it is about, before any other field, or
			// right before a field that may be far longer than the screen.
			next := regexp.MustCompile(`\bname="` + tt.field + `"[^>]*>(?:[^<]*</textarea>)?(?:<span class="hint"[^>]*>[^<]*</span>)?<p class="field-error" id="error-` + tt.field + `">[^<]+</p>`)
			if tt.before {
				next = regexp.MustCompile(`<p class="field-error" id="error-` + tt.field + `">[^<]+</p><textarea name="` + tt.field + `"`)
			}
			if !next.MatchString(res.Body.String()) {
				t.Errorf("no message next to the %s field", tt.field)
			}
		})
	}
}
