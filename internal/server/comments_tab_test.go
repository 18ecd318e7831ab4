package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// tabWaitingRe finds the Comments tab's count of threads waiting for the reader's answer.
var tabWaitingRe = regexp.MustCompile(`\((\d+) waiting for your answer\)`)

// commentsTab is the number of threads the Comments tab of actor's view of draft id says wait
// for their answer (0 when it says none).
func commentsTab(t *testing.T, a *testApp, actor string, id int64) int {
	t.Helper()
	res := a.page(actor, http.MethodGet, fmt.Sprintf("/drafts/%d", id), nil)
	wantStatus(t, res, http.StatusOK)
	m := tabWaitingRe.FindStringSubmatch(res.Body.String())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// inboxThreadsOn is the number of draft id's threads that actor's inbox lists, as threads or as
// mentions in them, each thread once, and the keys of those entries.
func inboxThreadsOn(t *testing.T, a *testApp, actor string, id int64) (int, []string) {
	t.Helper()
	es, err := a.store.Inbox(ctxAs(a, actor))
	if err != nil {
		t.Fatal(err)
	}
	threads, keys := map[string]bool{}, []string(nil)
	for _, e := range es {
		if (e.Kind == newsroom.InboxThreads || e.Kind == newsroom.InboxMentions) && strings.HasPrefix(e.Link, fmt.Sprintf("/drafts/%d?comment=", id)) {
			threads[e.Link] = true
			keys = append(keys, e.Entry)
		}
	}
	return len(threads), keys
}

// tabStep is something a test user does to the piece before the Comments tab is read.
type tabStep func(t *testing.T, a *testApp, d *newsroom.Draft, c *newsroom.Comment)

func reply(actor, body string, to ...string) tabStep {
	return func(t *testing.T, a *testApp, _ *newsroom.Draft, c *newsroom.Comment) {
		if _, err := a.store.Reply(ctxAs(a, actor), c.ID, newsroom.NewReply{Body: body, To: to}); err != nil {
			t.Fatal(err)
		}
	}
}

// markDone marks done, through the inbox's form, every entry of actor's inbox on the piece's threads.
func markDone(actor string) tabStep {
	return func(t *testing.T, a *testApp, d *newsroom.Draft, _ *newsroom.Comment) {
		_, keys := inboxThreadsOn(t, a, actor, d.ID)
		for _, k := range keys {
			wantStatus(t, a.page(actor, http.MethodPost, "/inbox/done", url.Values{"entry": {k}}), http.StatusSeeOther)
		}
	}
}

// tabCase is a thread the editor opens on the writer's piece, what follows, and how many of the
// piece's threads then wait on viewer.
type tabCase struct {
	name    string
	comment string
	steps   []tabStep
	viewer  string
	want    int
}

// checkCommentsTab runs each case on a piece of its own and holds the Comments tab to what the
// viewer's inbox lists for the piece's threads.
func checkCommentsTab(t *testing.T, tests []tabCase) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageEditing)
			start, end := 0, 4
			c, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: tt.comment})
			if err != nil {
				t.Fatal(err)
			}
			for _, step := range tt.steps {
				step(t, a, d, c)
			}
			inbox, _ := inboxThreadsOn(t, a, tt.viewer, d.ID)
			if inbox != tt.want {
				t.Fatalf("%s's inbox lists %d of the piece's threads, want %d", tt.viewer, inbox, tt.want)
			}
			if tab := commentsTab(t, a, tt.viewer, d.ID); tab != inbox {
				t.Errorf("the Comments tab counts %d threads waiting on %s, the inbox lists %d", tab, tt.viewer, inbox)
			}
		})
	}
}

// TestCommentsTabAfterInboxDone: a thread marked done in the inbox leaves the Comments tab's count
// as it leaves the inbox, and comes back to both with a new reply.
func TestCommentsTabAfterInboxDone(t *testing.T) {
	checkCommentsTab(t, []tabCase{
		{"OnWritersPiece", "Source?", nil, "writer", 1},
		{"MarkedDone", "Source?", []tabStep{markDone("writer")}, "writer", 0},
		{"NewReplyAfterDone", "Source?", []tabStep{markDone("writer"), reply("editor", "Any news?")}, "writer", 1},
		{"AddressedMarkedDone", "Source?", []tabStep{reply("editor", "Can you check?", "factchecker"), markDone("factchecker")}, "factchecker", 0},
		{"Answered", "Source?", []tabStep{reply("writer", "The minutes.")}, "writer", 0},
	})
}

// TestCommentsTabMention: a thread whose comment or reply mentions someone waits on them on the
// Comments tab as in their inbox, until they answer in it or mark it done.
func TestCommentsTabMention(t *testing.T) {
	checkCommentsTab(t, []tabCase{
		{"MentionedInComment", "@factchecker which source?", nil, "factchecker", 1},
		{"MentionedInReply", "Source?", []tabStep{reply("writer", "@factchecker has it")}, "factchecker", 1},
		{"MentionAnswered", "@factchecker which source?", []tabStep{reply("factchecker", "The minutes.")}, "factchecker", 0},
		{"MentionMarkedDone", "@factchecker which source?", []tabStep{markDone("factchecker")}, "factchecker", 0},
		{"MentionOnWritersPieceCountsOnce", "@writer which source?", nil, "writer", 1},
		{"MentionOfSomeoneElse", "@factchecker which source?", nil, "admin", 0},
	})
}
