package notify_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
)

// TestWebhookTextEscaped: a post's text is Slack's message text, where "<" opens a mention of
// the whole channel (<!channel>) or a link shown under any label (<url|label>), and "&" an
// entity. A title holding them reaches the chat as the words typed, "&", "<" and ">" escaped
// as Slack asks, with the link to the piece after it as ever; the title field, which no chat
// reads as markup, keeps the words as typed.
func TestWebhookTextEscaped(t *testing.T) {
	var mu sync.Mutex
	var posts []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var p map[string]any
		json.Unmarshal(body, &p)
		mu.Lock()
		posts = append(posts, p)
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	f := newFixture(t, srv.URL+"/hook")
	stop := notify.Start(f.s, fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: localWebhooks(f.s, "https://copydesk.example.com")}))
	defer stop()
	title := "<!channel> Sign in again: <https://evil.example/login|copydesk.example.com> & <@U024BE7LH>"
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: title, Byline: "Sarah", Brief: "A brief.", Body: "A paragraph.", Topics: []string{"Floods"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the post", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(posts) > 0
	})
	stop()
	p := posts[0]
	text, _ := p["text"].(string)
	escaped := "&lt;!channel&gt; Sign in again: &lt;https://evil.example/login|copydesk.example.com&gt; &amp; &lt;@U024BE7LH&gt;"
	if !strings.Contains(text, escaped) || strings.ContainsAny(strings.ReplaceAll(text, escaped, ""), "<>") {
		t.Errorf("text = %q, want the title escaped: %q", text, escaped)
	}
	if link, _ := p["link"].(string); !strings.HasSuffix(text, " "+link) || !strings.HasPrefix(link, "https://copydesk.example.com/drafts/") {
		t.Errorf("text = %q does not end with the link %q", text, link)
	}
	if p["title"] != title {
		t.Errorf("title = %q, want it as typed", p["title"])
	}
}
