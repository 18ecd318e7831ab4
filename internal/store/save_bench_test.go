//go:build unix

package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// benchPiece is a body shaped as copydesk-bench seeds one: fifteen paragraphs of about a
// hundred words, five of which hold one attributed quotation.
func benchPiece() string {
	words := strings.Fields(wordsBody(9000))
	paras := make([]string, 15)
	for p := range paras {
		para := strings.Join(words[p*100:(p+1)*100], " ") + "."
		if p%3 == 1 {
			para += fmt.Sprintf(" “The plan number %d holds,” said Rosa Delgado.", p)
		}
		paras[p] = strings.ToUpper(para[:1]) + para[1:]
	}
	return strings.Join(paras, "\n\n")
}

// BenchmarkSaveTypical measures the save copydesk-bench's scenario 3 makes: a sentence added
// to or taken from the top of a 1,500-word body with five quotes and twenty open comments, so
// that every quote and comment moves. It reports the CPU time of one save, by the editor on a draft in editing.
func BenchmarkSaveTypical(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	body := benchPiece()
	d := typicalDraft(b, f, body)
	bodies := saveBodies(body)
	var cpu int64
	for i := 0; b.Loop(); i++ {
		start := cputime.Used(b)
		var err error
		if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &bodies[i%2], Version: d.Version}); err != nil {
			b.Fatal(err)
		}
		cpu += int64(cputime.Used(b) - start)
	}
	cputime.Report(b, time.Duration(cpu))
}

// typicalDraft is a draft of body in editing with twenty open comments on it, as
// copydesk-bench's scenario 3 saves.
func typicalDraft(b *testing.B, f *newsroomFixture, body string) *newsroom.Draft {
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Council budget", Byline: "Sarah Johnson", Brief: "The vote.", Body: body})
	if err != nil {
		b.Fatal(err)
	}
	d = f.walk(b, d, newsroom.StageEditing)
	for i := range 20 {
		if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: intp(40 + i*400), End: intp(52 + i*400),
			Body: "Source for this figure?"}); err != nil {
			b.Fatal(err)
		}
	}
	return d
}

// saveBodies are the two bodies a typical save goes between: with a sentence added at the top,
// and without it.
func saveBodies(body string) [2]string {
	return [2]string{"The council met again on Tuesday evening to review the figures. " + body, body}
}

// BenchmarkSaveTypicalParallel is BenchmarkSaveTypical from 32 goroutines at once, as scenario 3
// does without HTTP, each save on one of 32 drafts that no other goroutine is saving meanwhile:
// saves are bound by the single writer, so it reports a save's CPU time and the percentiles of
// its wall time (see measureParallel); saves a second are 1e9 over its ns/op.
func BenchmarkSaveTypicalParallel(b *testing.B) {
	const clients = 32
	f := newNewsroomAt(b, store.Options{})
	body := benchPiece()
	bodies := saveBodies(body)
	type client struct {
		d    *newsroom.Draft
		turn int
	}
	free := make(chan *client, clients)
	for range clients {
		free <- &client{d: typicalDraft(b, f, body)}
	}
	measureParallel(b, clients, func() error {
		c := <-free
		defer func() { free <- c }()
		d, err := f.s.UpdateDraft(f.editor, c.d.ID, newsroom.DraftUpdate{Body: &bodies[c.turn], Version: c.d.Version})
		if err != nil {
			return err
		}
		c.d, c.turn = d, 1-c.turn
		return nil
	})
}
