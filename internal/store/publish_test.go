package store_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

func TestPublish(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	t.Run("OK", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil || pub.Stage != newsroom.StagePublished || pub.Slug != "draft-in-approved" || !pub.PublishedAt.Equal(clk.Now()) || pub.Number != 1 {
			t.Fatalf("Publish = %+v, %v", pub, err)
		}
		a, err := f.s.PublicArticle(context.Background(), pub.Slug)
		if err != nil || a.Title != d.Title || len(a.Body) != 2 || !a.FirstPublishedAt.Equal(pub.PublishedAt) {
			t.Fatalf("PublicArticle = %+v, %v", a, err)
		}
	})
	t.Run("SlugClash", func(t *testing.T) {
		var slugs []string
		for i := 0; i < 3; i++ {
			d, _ := f.s.CreateDraft(f.writer, sampleText("Café Owners Say “No”"))
			d = f.walk(t, d, newsroom.StageApproved)
			pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
			if err != nil {
				t.Fatal(err)
			}
			slugs = append(slugs, pub.Slug)
		}
		if got := strings.Join(slugs, " "); got != "cafe-owners-say-no cafe-owners-say-no-2 cafe-owners-say-no-3" {
			t.Fatalf("slugs = %s", got)
		}
	})
	t.Run("NonLatinSlugs", func(t *testing.T) {
		for title, want := range map[string]string{"مصر ترفض عرض القوات": "مصر-ترفض-عرض-القوات", "🔥🚀": ""} {
			d, _ := f.s.CreateDraft(f.writer, sampleText(title))
			d = f.walk(t, d, newsroom.StageApproved)
			pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
			if want == "" {
				want = strconv.FormatInt(d.ID, 10)
			}
			if err != nil || pub.Slug != want {
				t.Fatalf("Publish(%q) = %+v, %v; want slug %q", title, pub, err, want)
			}
			if _, err := f.s.PublicArticle(context.Background(), pub.Slug); err != nil {
				t.Fatalf("PublicArticle(%q): %v", pub.Slug, err)
			}
		}
	})
	t.Run("EachTopicOnce", func(t *testing.T) {
		text := sampleText("Topics Spelled Many Ways")
		text.Topics = []string{"Mexico", "mexico", "Economy", "México", "MEXICO", "🔥", "💧", "Mexico"}
		d, err := f.s.CreateDraft(f.writer, text)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := f.s.Publish(f.editor, f.walk(t, d, newsroom.StageApproved).ID, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		a, err := f.s.PublicArticle(context.Background(), pub.Slug)
		if want := []string{"Mexico", "Economy", "🔥", "💧"}; err != nil || !slices.Equal(a.Topics, want) {
			t.Fatalf("PublicArticle topics = %q, %v; want %q", a.Topics, err, want)
		}
		if got, want := string(publish.Text(publish.Site{}, a.Article)), "\nTopics\nMexico\nEconomy\n🔥\n💧\n"; !strings.HasSuffix(got, want) {
			t.Errorf("Text ends %q, want %q", got[max(0, len(got)-60):], want)
		}
	})
	t.Run("Backdated", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		at := time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)
		pub, err := f.s.Publish(f.editor, d.ID, at, 0)
		if err != nil || pub.Stage != newsroom.StagePublished || !pub.PublishedAt.Equal(at) {
			t.Fatalf("Publish = %+v, %v", pub, err)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageEditing)
		_, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		wantCode(t, err, newsroom.ECONFLICT)
		a := f.draftIn(t, newsroom.StageApproved)
		_, err = f.s.Publish(f.writer, a.ID, time.Time{}, 0)
		wantCode(t, err, newsroom.EFORBIDDEN)
		_, err = f.s.Publish(f.checker, a.ID, time.Time{}, 0)
		wantCode(t, err, newsroom.EFORBIDDEN)
		_, err = f.s.PublicArticle(context.Background(), "draft-in-editing")
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}

func TestScheduledPublishing(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d := f.draftIn(t, newsroom.StageApproved)
	at := clk.Now().Add(time.Hour)
	pub, err := f.s.Publish(f.editor, d.ID, at, 0)
	if err != nil || pub.Stage != newsroom.StageScheduled || pub.Slug == "" {
		t.Fatalf("Publish(future) = %+v, %v", pub, err)
	}
	if _, err := f.s.PublicArticle(context.Background(), pub.Slug); newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
		t.Fatalf("a scheduled piece is public: %v", err)
	}
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Title: ptr("Late edit"), Version: d.Version}); newsroom.ErrorCode(err) != newsroom.ECONFLICT {
		t.Fatalf("editing a scheduled draft: %v", err)
	}
	clk.Add(59 * time.Minute)
	if n, err := f.s.ReleaseDue(context.Background()); n != 0 || err != nil {
		t.Fatalf("ReleaseDue early = %d, %v", n, err)
	}
	clk.Add(time.Minute)
	stopped, stop := context.WithCancel(context.Background())
	stop()
	if n, err := f.s.ReleaseDue(stopped); n != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("ReleaseDue after its context ended = %d, %v", n, err)
	}
	var wg sync.WaitGroup
	counts := make([]int, 4)
	for i := range counts {
		wg.Add(1)
		go func(i int) { defer wg.Done(); counts[i], _ = f.s.ReleaseDue(context.Background()) }(i)
	}
	wg.Wait()
	if total := counts[0] + counts[1] + counts[2] + counts[3]; total != 1 {
		t.Fatalf("released %d times, want once", total)
	}
	a, err := f.s.PublicArticle(context.Background(), pub.Slug)
	if err != nil || !a.PublishedAt.Equal(at) {
		t.Fatalf("after release: %+v, %v", a, err)
	}
	h, _ := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
	last := h.Audit[0]
	if last.Action != "release" || last.Actor.Username != "ed" || last.To != newsroom.StagePublished {
		t.Fatalf("last audit entry = %+v", last)
	}

	t.Run("Unschedule", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		pub, _ := f.s.Publish(f.editor, d.ID, clk.Now().Add(time.Hour), 0)
		got, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionUnschedule, Note: ""})
		if err != nil || got.Stage != newsroom.StageApproved || got.ScheduledAt != nil {
			t.Fatalf("unschedule = %+v, %v", got, err)
		}
		clk.Add(2 * time.Hour)
		if n, _ := f.s.ReleaseDue(context.Background()); n != 0 {
			t.Fatalf("an unscheduled piece was released")
		}
		again, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil || again.Slug != pub.Slug {
			t.Fatalf("republish = %+v, %v; want slug %s kept", again, err, pub.Slug)
		}
	})
}

func TestCorrections(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d := f.draftIn(t, newsroom.StageApproved)
	pub, _ := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	first, _ := f.s.PublicArticle(context.Background(), pub.Slug)
	clk.Add(24 * time.Hour)
	body := "First paragraph, corrected.\nSecond paragraph."
	c1, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "An earlier version misspelled a name."})
	if err != nil || c1.Number != 2 {
		t.Fatalf("Correct = %+v, %v", c1, err)
	}
	clk.Add(time.Hour)
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Note: "A second correction."}); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.PublicArticle(context.Background(), pub.Slug)
	if err != nil || a.Body[0] != "First paragraph, corrected." || len(a.Corrections) != 2 || a.Corrections[0].Note != "A second correction." {
		t.Fatalf("corrected article = %+v, %v", a, err)
	}
	if !a.FirstPublishedAt.Equal(first.PublishedAt) || a.ContentHash() == first.ContentHash() {
		t.Fatalf("first published %v (want %v), hash unchanged %v", a.FirstPublishedAt, first.PublishedAt, a.Hash == first.Hash)
	}
	var hash, firstBody string
	if err := f.s.DB().QueryRow("SELECT content_hash, body FROM publications WHERE number = 1").Scan(&hash, &firstBody); err != nil || hash != first.Hash || firstBody != d.Body {
		t.Fatalf("first snapshot changed: %q %q %v", hash, firstBody, err)
	}
	if _, err := f.s.DB().Exec("UPDATE publications SET body = 'x'"); err == nil {
		t.Fatal("the database let a publication be rewritten")
	}
	_, err = f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: " "})
	wantCode(t, err, newsroom.EINVALID)
	_, err = f.s.Correct(f.writer, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "note"})
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.Correct(f.editor, "no-such-piece", newsroom.CorrectionRequest{Body: &body, Note: "note"})
	wantCode(t, err, newsroom.ENOTFOUND)
	// The second correction changed only the note, which needs no new revision.
	if cur, _ := f.s.GetDraft(f.editor, d.ID); cur.Body != body || cur.Version != d.Version+1 {
		t.Fatalf("draft after corrections = %+v", cur)
	}
}

func TestImport(t *testing.T) {
	f := newNewsroom(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.s.Import(f.editor, "sarah", seed, publish.DefaultFooter)
	if err != nil {
		t.Fatal(err)
	}
	if d.Writer.Username != "sarah" || d.Stage != newsroom.StageDraft || d.Date != "2025-05-07" || d.Byline != "Sarah Johnson" ||
		!strings.HasPrefix(d.Title, "Mexico’s Sheinbaum") || len(d.Text().Paragraphs()) != 5 || !strings.HasPrefix(d.EditorComment, "Sheinbaum’s telling") ||
		strings.Contains(d.EditorComment, "Share it") || len(d.Topics) != 0 {
		t.Fatalf("imported %+v", d)
	}
	if _, err := f.s.GetDraft(f.writer, d.ID); err != nil {
		t.Fatalf("the author cannot see the imported draft: %v", err)
	}
	tests := []struct {
		name   string
		ctx    context.Context
		author string
		data   string
		code   string
		msg    string
	}{
		{"NoBrief", f.editor, "sarah", "Title\n\nByline\nMay 7, 2025\nNot brief\n", newsroom.EINVALID, "line 5"},
		{"NotAWriter", f.editor, "ed", string(seed), newsroom.EINVALID, `"ed" is an editor, and the workflow does not let an editor write drafts`},
		{"NoSuchAuthor", f.editor, "ghost", string(seed), newsroom.EINVALID, `no user named "ghost"`},
		{"InvalidUTF8", f.editor, "\xff", string(seed), newsroom.EINVALID, `no user named "\xff"`},
		{"NUL", f.editor, "sa\x00rah", string(seed), newsroom.EINVALID, `no user named "sa\x00rah"`},
		{"AuthorInAnyCase", f.editor, "Sarah", string(seed), "", ""},
		{"WriterMayNotImport", f.writer, "sarah", string(seed), newsroom.EFORBIDDEN, ""},
		{"Anonymous", context.Background(), "sarah", string(seed), newsroom.EUNAUTHORIZED, ""},
		{"Operator", store.AsOperator(context.Background()), "sarah", string(seed), "", ""},
		// A newsroom imports the archive of writers who have left, whose accounts are disabled.
		{"DisabledAuthorByOperator", store.AsOperator(context.Background()), "gone", string(seed), "", ""},
		{"DisabledAuthorByEditor", f.editor, "gone", string(seed), "", ""},
	}
	gone, err := f.s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: "gone", Name: "Gone Writer", Role: newsroom.RoleWriter, Password: "pw-gone-staple"})
	if err != nil {
		t.Fatal(err)
	}
	disabled := true
	if _, err := f.s.UpdateUser(f.admin, gone.ID, store.UserChange{Disabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := f.s.Import(tt.ctx, tt.author, []byte(tt.data), publish.DefaultFooter)
			if err == nil && (d == nil || d.Title == "") {
				t.Fatalf("imported, but answered %+v", d)
			}
			wantCode(t, err, tt.code)
			if !strings.Contains(newsroom.ErrorMessage(err), tt.msg) {
				t.Fatalf("message %q lacks %q", newsroom.ErrorMessage(err), tt.msg)
			}
		})
	}
}

func ptr(s string) *string { return &s }

// TestPublishByTransitionKeepsItsNote publishes through the workflow's transition with a note:
// the piece goes out, and the audit trail's publish entry carries the note.
func TestPublishByTransitionKeepsItsNote(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageApproved)
	got, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionPublish, Note: "Legal signed off."})
	if err != nil || got.Stage != newsroom.StagePublished {
		t.Fatalf("publish by transition: %v, %+v", err, got)
	}
	h, err := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range h.Audit {
		if e.Action == string(newsroom.ActionPublish) {
			if e.Note != "Legal signed off." {
				t.Fatalf("the publish entry's note is %q", e.Note)
			}
			return
		}
	}
	t.Fatalf("no publish entry in %+v", h.Audit)
}
