package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLongestTextFitsTheBodyLimit sends a draft as long as the text limits let it be, in the
// scripts whose letters take the most bytes, every way a text reaches the server: JSON with the
// letters as they are and escaped (\uXXXX, a surrogate pair for each letter beyond the BMP), and
// the draft page's urlencoded form, which spells each byte of a letter as %XX. The limits are in
// characters, so that Chinese copy is held to the same length as English: none of these may be
// refused for the request's size, only one letter past a limit for the text's.
func TestLongestTextFitsTheBodyLimit(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	for _, tc := range []struct {
		name, letter string
	}{{"Chinese", "字"}, {"BeyondTheBMP", "𠀀"}} {
		full := newsroom.Text{Title: strings.Repeat(tc.letter, newsroom.MaxTitle), Byline: strings.Repeat(tc.letter, newsroom.MaxByline),
			Brief: strings.Repeat(tc.letter, newsroom.MaxBrief), Body: strings.Repeat(tc.letter, newsroom.MaxBody),
			EditorComment: strings.Repeat(tc.letter, newsroom.MaxEditorComment), Topics: []string{}}
		for range newsroom.MaxTopics {
			full.Topics = append(full.Topics, strings.Repeat(tc.letter, newsroom.MaxTopic))
		}
		plain, err := json.Marshal(full)
		if err != nil {
			t.Fatal(err)
		}
		escaped := asciiJSON(string(plain))
		t.Run(tc.name+"/JSON", func(t *testing.T) {
			res := a.do("writer", "POST", "/api/v1/drafts", string(plain))
			wantStatus(t, res, http.StatusCreated)
		})
		t.Run(tc.name+"/EscapedJSON", func(t *testing.T) {
			res := a.do("writer", "POST", "/api/v1/drafts", escaped)
			wantStatus(t, res, http.StatusCreated)
		})
		t.Run(tc.name+"/Form", func(t *testing.T) {
			cur := decode[newsroom.Draft](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), ""))
			form := url.Values{"version": {fmt.Sprint(cur.Version)}, "title": {full.Title}, "byline": {full.Byline}, "brief": {full.Brief},
				"body": {full.Body}, "topics": {strings.Join(full.Topics, "\n")}}
			res := a.page("writer", http.MethodPost, fmt.Sprintf("/drafts/%d/edit", d.ID), form)
			wantStatus(t, res, http.StatusSeeOther)
		})
		t.Run(tc.name+"/OverTheLimit", func(t *testing.T) {
			over := full
			over.Body += tc.letter
			j, _ := json.Marshal(over)
			res := a.do("writer", "POST", "/api/v1/drafts", asciiJSON(string(j)))
			wantStatus(t, res, http.StatusUnprocessableEntity)
		})
	}
}

// asciiJSON spells every character of the JSON j beyond ASCII as a \u escape, as JSON encoders
// that keep to ASCII do, a surrogate pair for one beyond the BMP.
func asciiJSON(j string) string {
	var b strings.Builder
	for _, r := range j {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		}
	}
	return b.String()
}
