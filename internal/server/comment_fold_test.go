package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// threadIDs are the ids of the threads a draft page shows, in its order.
func threadIDs(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`<article class="comment[^"]*" id="comment-(\d+)"`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// foldedPiece is a draft in editing with threads open and resolved, as the editor made them:
// open the open ones' ids, resolved the resolved ones', each of which has a reply.
func foldedPiece(t *testing.T, a *testApp, open, resolved int) (d *newsroom.Draft, openIDs, resolvedIDs []string) {
	t.Helper()
	d = a.draft(newsroom.StageEditing)
	for i := range open + resolved {
		cid := a.comment(d.ID)
		if i < open {
			openIDs = append(openIDs, fmt.Sprint(cid))
			continue
		}
		if _, err := a.store.Reply(ctxAs(a, "writer"), cid, newsroom.NewReply{Body: fmt.Sprintf("Done, thread %d.", cid)}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.ResolveComment(ctxAs(a, "editor"), cid); err != nil {
			t.Fatal(err)
		}
		resolvedIDs = append(resolvedIDs, fmt.Sprint(cid))
	}
	return d, openIDs, resolvedIDs
}

// TestDraftPageFoldsResolvedThreads holds the draft page to showing its open threads in full and
// folding the resolved ones into one link that shows them (?resolved=1), with a link to one
// thread (?comment=ID, as notices and the inbox make them) showing that one, and the Comments
// tab counting every thread whichever are shown.
func TestDraftPageFoldsResolvedThreads(t *testing.T) {
	a := newTestApp(t)
	d, open, resolved := foldedPiece(t, a, 2, 3)
	bare, _, onlyResolved := foldedPiece(t, a, 0, 1)
	none, _, _ := foldedPiece(t, a, 0, 0)
	page := func(d *newsroom.Draft) string { return fmt.Sprintf("/drafts/%d", d.ID) }
	showAll := func(d *newsroom.Draft, n int, more string) string {
		threads := "threads"
		if n == 1 {
			threads = "thread"
		}
		return fmt.Sprintf(`<a href="/drafts/%d?resolved=1#comments">Show %d %sresolved %s</a>`, d.ID, n, more, threads)
	}
	count := func(n int) string { return fmt.Sprintf(`Comments <span class="ws-n">(%d)</span>`, n) }
	hide := `Hide the resolved threads</a>`
	tests := []struct {
		name     string
		url      string
		want     []string // the threads shown, in order
		contains []string
		lacks    []string
	}{
		{"OpenOnly", page(d), open,
			[]string{showAll(d, len(resolved), ""), count(len(open) + len(resolved))}, []string{hide, "Reopen"}},
		{"AllResolvedShown", page(d) + "?resolved=1", slices.Concat(open, resolved),
			[]string{hide, count(len(open) + len(resolved)), "Done, thread " + resolved[1] + ".",
				fmt.Sprintf(`action="/comments/%s/reopen"`, resolved[2])}, []string{"?resolved=1#comments"}},
		{"OneResolvedByLink", newsroom.ThreadLink(d.ID, mustID(t, resolved[1])), []string{open[0], open[1], resolved[1]},
			[]string{showAll(d, len(resolved)-1, "more "), count(len(open) + len(resolved)),
				fmt.Sprintf(`action="/comments/%s/reopen"`, resolved[1])}, []string{"Done, thread " + resolved[0] + "."}},
		{"OpenByLink", newsroom.ThreadLink(d.ID, mustID(t, open[0])), open,
			[]string{showAll(d, len(resolved), "")}, nil},
		{"NoOpenThreads", page(bare), nil,
			[]string{`<p class="empty">No open comments.</p>`, showAll(bare, 1, ""), count(1)}, []string{"No comments."}},
		{"NoOpenThreadsAllShown", page(bare) + "?resolved=1", onlyResolved, []string{hide, count(1)}, []string{"No open comments."}},
		{"NoThreads", page(none), nil, []string{`<p class="empty">No comments.</p>`, count(0)}, []string{"resolved-threads"}},
		{"NoThreadsAllAskedFor", page(none) + "?resolved=1", nil, []string{`<p class="empty">No comments.</p>`, count(0)}, []string{"resolved-threads"}},
		{"UnknownThreadNamed", page(d) + "?comment=999999", open, []string{showAll(d, len(resolved), "")}, nil},
		{"MalformedThreadNamed", page(d) + "?comment=x", open, []string{showAll(d, len(resolved), "")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("editor", "GET", sent(tt.url), nil)
			wantStatus(t, res, http.StatusOK)
			body := res.Body.String()
			if got := threadIDs(body); !slices.Equal(got, tt.want) {
				t.Errorf("threads shown %v, want %v", got, tt.want)
			}
			wantBody(t, res, tt.contains...)
			for _, s := range tt.lacks {
				if strings.Contains(body, s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
}

// sent is the address a browser asks for when it follows link: without its fragment.
func sent(link string) string {
	path, _, _ := strings.Cut(link, "#")
	return path
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscan(s, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestLinkReachesResolvedThread follows the inbox's link to a thread and the link of the notice
// a reply in it made, after the thread was resolved: each leads to a page that shows that thread, with
// its Reopen form, which reopens it onto the page's open threads.
func TestLinkReachesResolvedThread(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	a.comment(d.ID)
	cid := a.comment(d.ID)
	inbox := a.do("writer", "GET", "/api/v1/inbox", "")
	wantStatus(t, inbox, http.StatusOK)
	var links []string
	for _, e := range decode[struct{ Entries []newsroom.InboxEntry }](t, inbox).Entries {
		if strings.Contains(e.Link, fmt.Sprintf("comment-%d", cid)) {
			links = append(links, e.Link)
		}
	}
	if _, err := a.store.Reply(ctxAs(a, "writer"), cid, newsroom.NewReply{Body: "Checked."}); err != nil {
		t.Fatal(err)
	}
	open := a.page("editor", "GET", "/notifications/"+itoa(a.newestNotification("editor")), nil)
	wantStatus(t, open, http.StatusSeeOther)
	links = append(links, open.Header().Get("Location"))
	if len(links) != 2 {
		t.Fatalf("links to thread %d: %q", cid, links)
	}
	if _, err := a.store.ResolveComment(ctxAs(a, "editor"), cid); err != nil {
		t.Fatal(err)
	}
	for _, link := range links {
		res := a.page("editor", "GET", sent(link), nil)
		wantStatus(t, res, http.StatusOK)
		if got := threadIDs(res.Body.String()); !slices.Contains(got, itoa(cid)) {
			t.Fatalf("%s shows threads %v, not %d", link, got, cid)
		}
		wantBody(t, res, fmt.Sprintf(`action="/comments/%d/reopen"`, cid))
	}
	res := a.page("editor", "POST", fmt.Sprintf("/comments/%d/reopen", cid), url.Values{"draft": {itoa(d.ID)}})
	wantStatus(t, res, http.StatusSeeOther)
	res = a.page("editor", "GET", sent(res.Header().Get("Location")), nil)
	if got := threadIDs(res.Body.String()); len(got) != 2 || got[1] != itoa(cid) || strings.Contains(res.Body.String(), "resolved-threads") {
		t.Fatalf("after reopening, the page shows threads %v", got)
	}
}

// TestFormOnResolvedThreadComesBack sends the forms of a resolved thread, which the page shows
// only when asked: a reply and a resolve return to a page showing the thread, and a reply
// refused comes back in its form with what was typed. A comment form sent from a page showing
// resolved threads returns to a page showing them, so that a reply typed in one is not lost.
func TestFormOnResolvedThreadComesBack(t *testing.T) {
	a := newTestApp(t)
	d, open, resolved := foldedPiece(t, a, 1, 2)
	cid := resolved[0]
	tests := []struct {
		name, actor, path string
		form              url.Values
		status            int
		want              []string
	}{
		{"Reply", "editor", "/comments/" + cid + "/reply", url.Values{"body": {"One more thing."}}, http.StatusSeeOther,
			[]string{"One more thing."}},
		{"ReplyRefused", "editor", "/comments/" + cid + "/reply", url.Values{"body": {strings.Repeat("long ", newsroom.MaxComment)}}, http.StatusUnprocessableEntity,
			[]string{`value="` + strings.Repeat("long ", 20)}},
		{"Resolve", "editor", "/comments/" + open[0] + "/resolve", url.Values{}, http.StatusSeeOther,
			[]string{fmt.Sprintf(`action="/comments/%s/reopen"`, open[0])}},
		{"ReplyOnAPageShowingAll", "editor", "/comments/" + open[0] + "/reply", url.Values{"body": {"On the open one."}, "shown": {"resolved=1"}},
			http.StatusSeeOther, []string{"Done, thread " + resolved[1] + ".", `<input type="hidden" name="shown" value="resolved=1">`}},
		{"ReopenOnAPageShowingOne", "editor", "/comments/" + resolved[1] + "/reopen", url.Values{"shown": {"comment=" + cid}}, http.StatusSeeOther,
			[]string{"Done, thread " + cid + ".", fmt.Sprintf(`<input type="hidden" name="shown" value="comment=%s">`, cid)}},
		{"CommentOnAPageShowingOne", "editor", fmt.Sprintf("/drafts/%d/comments", d.ID), url.Values{"exact": {"Body"}, "field": {"body"}, "body": {"New."}, "shown": {"comment=" + cid}},
			http.StatusSeeOther, []string{"Done, thread " + cid + "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("draft", itoa(d.ID))
			res := a.page(tt.actor, "POST", tt.path, tt.form)
			wantStatus(t, res, tt.status)
			thread := strings.Split(tt.path, "/")[2]
			if strings.HasPrefix(tt.path, "/drafts/") {
				thread = cid
			}
			if res.Code == http.StatusSeeOther {
				res = a.page(tt.actor, "GET", sent(res.Header().Get("Location")), nil)
			}
			if got := threadIDs(res.Body.String()); !slices.Contains(got, thread) {
				t.Fatalf("the page shows threads %v, not %s", got, thread)
			}
			wantBody(t, res, tt.want...)
		})
	}
}

// TestCommentActionKeepsThreadsShown holds each comment form to returning to a page that shows
// every thread the form's page showed and the thread it acted on, however that page was made to
// show its resolved threads: a reply typed in one of them is not folded away by sending another.
func TestCommentActionKeepsThreadsShown(t *testing.T) {
	tests := []struct {
		name   string
		action func(open, resolved []string) (path, shown string)
	}{
		{"ResolveOpenShowingOne", func(o, r []string) (string, string) { return "/comments/" + o[0] + "/resolve", "comment=" + r[0] }},
		{"ResolveOpenShowingNone", func(o, r []string) (string, string) { return "/comments/" + o[0] + "/resolve", "" }},
		{"ResolveOpenShowingAll", func(o, r []string) (string, string) { return "/comments/" + o[0] + "/resolve", "resolved=1" }},
		{"ReplyResolvedShowingAnother", func(o, r []string) (string, string) { return "/comments/" + r[1] + "/reply", "comment=" + r[0] }},
		{"ReplyResolvedShowingIt", func(o, r []string) (string, string) { return "/comments/" + r[0] + "/reply", "comment=" + r[0] }},
		{"ReopenShowingAnother", func(o, r []string) (string, string) { return "/comments/" + r[1] + "/reopen", "comment=" + r[0] }},
		{"ReplyOpenShowingOne", func(o, r []string) (string, string) { return "/comments/" + o[0] + "/reply", "comment=" + r[0] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			d, open, resolved := foldedPiece(t, a, 2, 3)
			path, shown := tt.action(open, resolved)
			before := threadIDs(a.page("editor", "GET", "/drafts/"+itoa(d.ID)+"?"+shown, nil).Body.String())
			res := a.page("editor", "POST", path, url.Values{"draft": {itoa(d.ID)}, "shown": {shown}, "body": {"A reply."}})
			wantStatus(t, res, http.StatusSeeOther)
			after := threadIDs(a.page("editor", "GET", sent(res.Header().Get("Location")), nil).Body.String())
			for _, id := range append(before, strings.Split(path, "/")[2]) {
				if !slices.Contains(after, id) {
					t.Errorf("the page showed threads %v; after %s it shows %v, without %s", before, path, after, id)
				}
			}
		})
	}
}
