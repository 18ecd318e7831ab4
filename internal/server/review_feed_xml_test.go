package server_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReviewFeedStaysXMLWithNoncharacters: a draft may hold any UTF-8 but NUL while it is
// written, and a noncharacter such as U+FFFE (which pasted or converted text can carry, and
// which XML 1.0 forbids) used to be published with it: the feed then had to say U+FFFD where the
// page said U+FFFE, and before that its CDATA content was not XML at all. Right: the draft keeps
// the character, submitting it is refused with the character named, and the feeds stay
// well-formed XML (publish's TestXMLOutputsDropForbiddenCharacters holds the renderers to it for
// pieces published before the rule).
func TestReviewFeedStaysXMLWithNoncharacters(t *testing.T) {
	a := newTestApp(t)
	in, _ := json.Marshal(map[string]any{"title": "Council vote", "byline": "Writer", "brief": "The vote.",
		"body": "The council voted\uFFFEseven to two.", "topics": []string{"Council"}})
	res := a.do("writer", "POST", "/api/v1/drafts", string(in))
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	res = a.do("writer", "POST", path+"/transitions", `{"action":"submit"}`)
	wantStatus(t, res, 422)
	if !strings.Contains(res.Body.String(), "U+FFFE") {
		t.Fatalf("the refusal does not name the character: %s", res.Body)
	}
	body := strings.Replace(d.Body, "\uFFFE", " ", 1)
	fixed, _ := json.Marshal(map[string]any{"body": body, "version": d.Version})
	wantStatus(t, a.do("writer", "PUT", path, string(fixed)), 200)
	wantStatus(t, a.do("writer", "POST", path+"/transitions", `{"action":"submit"}`), 200)
	wantStatus(t, a.do("factchecker", "POST", path+"/transitions", `{"action":"clear"}`), 200)
	wantStatus(t, a.do("editor", "POST", path+"/transitions", `{"action":"approve"}`), 200)
	wantStatus(t, a.do("editor", "POST", path+"/publish", ""), 200)
	for _, feed := range []string{"/feed.atom", "/topics/council/feed.atom", "/authors/writer/feed.atom"} {
		t.Run(feed, func(t *testing.T) {
			res := a.do("", "GET", feed, "")
			wantStatus(t, res, 200)
			dec := xml.NewDecoder(strings.NewReader(res.Body.String()))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("the feed is not XML: %v", err)
				}
			}
		})
	}
}
