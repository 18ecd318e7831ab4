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

// TestReviewFeedStaysXMLWithNoncharacters: a body may hold any UTF-8 but NUL and control
// characters, so a noncharacter such as U+FFFE (which pasted or converted text can carry, and
// which XML 1.0 forbids) is stored and published. The feed's title and summary are character
// data, where encoding/xml writes such a character as U+FFFD, but the content added by issue 17
// is CDATA (atomHTML), which encoding/xml writes as it is: one such piece makes /feed.atom (and
// its topic's and author's feeds) not XML at all, and feed readers drop the whole feed. Right:
// the feed stays well-formed XML (characters XML 1.0 does not allow replaced or refused on
// save, in the content as in the summary).
func TestReviewFeedStaysXMLWithNoncharacters(t *testing.T) {
	a := newTestApp(t)
	in, _ := json.Marshal(map[string]any{"title": "Council vote", "byline": "Writer", "brief": "The vote.",
		"body": "The council voted\uFFFEseven to two.", "topics": []string{"Council"}})
	res := a.do("writer", "POST", "/api/v1/drafts", string(in))
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
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
