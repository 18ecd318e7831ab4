package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// BenchmarkCommentBounds reads and saves a piece whose comments are at both of a piece's bounds:
// newsroom.MaxThreads threads, newsroom.MaxOpenComments of them open and the rest resolved, and
// close to newsroom.MaxCommentText code points of text, most of it in replies of
// newsroom.MaxComment. Page is the editor's view of the draft page, which folds the resolved
// threads, PageResolvedShown the page with all of them shown (?resolved=1) and PageOneResolved
// with one (?comment=ID, a notice's link), API the comments' list, and Save a one-sentence edit
// of the body by the editor.
func BenchmarkCommentBounds(b *testing.B) {
	a := newTestApp(b)
	words := strings.Fields(strings.Repeat("The council met again on Tuesday evening to review the figures. ", 150))
	body := strings.Join(words, " ")
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Bounds", Byline: "Writer", Brief: "Brief.", Body: body})
	if err != nil {
		b.Fatal(err)
	}
	for _, act := range []newsroom.Action{newsroom.ActionSubmit, newsroom.ActionClear} {
		by := map[newsroom.Action]string{newsroom.ActionSubmit: "writer", newsroom.ActionClear: "factchecker"}[act]
		if _, err := a.store.Transition(ctxAs(a, by), d.ID, newsroom.TransitionRequest{Action: act}); err != nil {
			b.Fatal(err)
		}
	}
	const note = "Source for this figure?"
	ids := make([]int64, newsroom.MaxThreads)
	for i := range ids {
		start := (i * 13) % (len(body) - 200)
		end := start + 40
		c, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: note})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = c.ID
		if i < newsroom.MaxThreads-newsroom.MaxOpenComments {
			if _, err := a.store.ResolveComment(ctxAs(a, "editor"), c.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
	long := strings.Repeat("é", newsroom.MaxComment)
	room := newsroom.MaxCommentText - newsroom.MaxThreads*(len(note)+40)
	for i := 0; room > newsroom.MaxComment; i++ {
		if _, err := a.store.Reply(ctxAs(a, "writer"), ids[i%len(ids)], newsroom.NewReply{Body: long}); err != nil {
			b.Fatal(err)
		}
		room -= newsroom.MaxComment
	}
	page, list, path := fmt.Sprintf("/drafts/%d", d.ID), fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	for _, view := range []struct{ name, query string }{{"Page", ""}, {"PageResolvedShown", "?resolved=1"}, {"PageOneResolved", fmt.Sprintf("?comment=%d", ids[0])}} {
		b.Run(view.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				rec := a.page("editor", "GET", page+view.query, nil)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "B/page")
		})
	}
	b.Run("API", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if rec := a.do("editor", "GET", list, ""); rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
	b.Run("Save", func(b *testing.B) {
		bodies := [2][]byte{}
		bodies[0], _ = json.Marshal("A new first sentence. " + body)
		bodies[1], _ = json.Marshal(body)
		version := 1
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			rec := a.do("editor", "PUT", path, fmt.Sprintf(`{"body":%s,"version":%d}`, bodies[i%2], version))
			var got struct{ Version int }
			if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
				b.Fatalf("status %d: %.300s", rec.Code, rec.Body)
			}
			version = got.Version
		}
	})
}
