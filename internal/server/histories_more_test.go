package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// reply has actor reply in comment name's thread, and checks the thread then holds replies.
func (r *replay) reply(actor, name string, replies int) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s replies to %s", actor, name))
	in, _ := json.Marshal(newsroom.NewReply{Body: "Checked with the council."})
	res := r.a.do(actor, "POST", fmt.Sprintf("/api/v1/comments/%d/replies", r.names[name]), string(in))
	if res.Code != http.StatusCreated {
		r.failf("the reply answered %d: %s", res.Code, res.Body.String())
	}
	if c := r.commentNamed(name); len(c.Replies) != replies {
		r.failf("comment %s has %d replies, want %d", name, len(c.Replies), replies)
	}
	r.verify()
}

// commentNamed reads comment name as the editor sees it.
func (r *replay) commentNamed(name string) newsroom.Comment {
	r.t.Helper()
	res := r.a.do("editor", "GET", r.url("/comments"), "")
	wantStatus(r.t, res, http.StatusOK)
	for _, c := range decode[[]newsroom.Comment](r.t, res) {
		if c.ID == r.names[name] {
			return c
		}
	}
	r.failf("no comment %s", name)
	return newsroom.Comment{}
}

// saveFields has actor save only some fields, as an API client may, on the version their page
// shows, and checks the draft then reads want.
func (r *replay) saveFields(actor string, fields map[string]any, want newsroom.Text) {
	r.t.Helper()
	base := r.seen[actor]
	fields["version"] = base
	in, _ := json.Marshal(fields)
	r.steps = append(r.steps, fmt.Sprintf("%s saves %s on v%d", actor, in, base))
	res := r.a.do(actor, "PUT", r.url(""), string(in))
	if res.Code != http.StatusOK {
		r.failf("the save answered %d: %s", res.Code, res.Body.String())
	}
	d := decode[newsroom.Draft](r.t, res)
	cur := r.current()
	if got := d.Text(); d.Version != cur+1 || !sameText(got, want) {
		r.failf("the save made version %d %+v, want %d %+v", d.Version, got, cur+1, want)
	}
	r.texts[d.Version], r.made[d.Version] = d.Text(), "saved"
	if base != cur {
		r.made[d.Version], r.with[d.Version] = "merged", cur
	}
	r.seen[actor] = d.Version
	r.verify()
}

// quoteNow is the ledger's entry for the quotation words as actor reads the ledger now.
func (r *replay) quoteNow(actor, words string) newsroom.Quote {
	r.t.Helper()
	for _, q := range decode[[]newsroom.Quote](r.t, r.a.do(actor, "GET", r.url("/quotes"), "")) {
		if q.Field == "body" && q.Text == words {
			return q
		}
	}
	r.failf("no ledger entry %q", words)
	return newsroom.Quote{}
}

// staleCheck has actor verify quote q as their page read it, its words and speaker sent with
// the verdict, and checks the verdict is refused when the quote no longer reads so.
func (r *replay) staleCheck(actor string, q newsroom.Quote) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s verifies %q as read before", actor, q.Text))
	in, _ := json.Marshal(newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "tape", QuoteRead: newsroom.QuoteRead{Text: &q.Text, Speaker: &q.Speaker}})
	res := r.a.do(actor, "PUT", r.url("/quotes/%d", q.ID), string(in))
	if res.Code == http.StatusOK {
		r.failf("a verdict on %q, which reads otherwise now, was taken: %s", q.Text, res.Body.String())
	}
	r.verify()
}

// TestReplayStaleHistories replays histories the random and shape histories do not make: a
// thread answered and resolved while another's stale save edits its words, quotations checked
// and then split or joined, words deleted and typed again by someone else, an API client saving
// one field from an old version, three people each on a version of their own, text typed in
// decomposed Unicode, and every earlier revision restored in turn.
func TestReplayStaleHistories(t *testing.T) {
	tests := []struct {
		name string
		body string
		run  func(t *testing.T, r *replay)
	}{
		{"ThreadAnsweredWhileAStaleSaveEditsItsWords", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor2")
			r.comment("editor", "repairs", "The council said the ", "repairs would cost")
			r.reply("writer", "repairs", 1)
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "The council met on Tuesday.", "The council met late on Tuesday."), saved, "")
			r.reply("editor2", "repairs", 2)
			stale := swap(t, r.body("editor2"), "the repairs would cost more", "the urgent repairs would cost more")
			r.expect("repairs", "The council said the urgent ", "repairs would cost")
			r.save("editor2", stale, merged, swap(t, r.body("editor"), "the repairs would cost more", "the urgent repairs would cost more"))
			r.thread("editor", "repairs", "resolve")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "Residents wrote", "Many residents wrote"), saved, "")
			r.thread("editor", "repairs", "reopen")
			r.reply("writer", "repairs", 3)
		}},
		{"ThreadResolvedThenItsWordsCutByAStaleSave", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor2")
			r.comment("editor", "second", "Friday, “", "No comment")
			r.reply("writer", "second", 1)
			r.thread("editor", "second", "resolve")
			cut := swap(t, r.body("editor2"), "\nAsked again on Friday, “No comment,” said Smith.", "")
			r.save("editor2", cut, saved, "")
			r.expect("second", "", "")
			r.thread("editor", "second", "reopen")
		}},
		{"CheckedQuoteSplitInTwo", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.verifyQuote("editor", "Tuesday. “", "We will not close the bridge,")
			r.open("editor")
			split := swap(t, r.body("editor"), "“We will not close the bridge,” said Mayor Hale.", "“We will not close,” said Mayor Hale. “The bridge stays.”")
			r.expectCheck("Tuesday. “", "We will not close the bridge,", "", "")
			r.save("editor", split, saved, "")
		}},
		{"CheckedQuoteSplitAcrossParagraphs", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.verifyQuote("editor", "Friday, “", "No comment,")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "met. Asked on Tuesday", "met.\nAsked on Tuesday"), saved, "")
			r.save("editor", swap(t, r.body("editor"), "safe.\nAsked again", "safe. Asked again"), saved, "")
			r.expectCheck("Friday, “", "No comment,", "", "")
			r.save("editor", swap(t, r.body("editor"), "Friday, “No comment,”", "Friday, “No\ncomment,”"), saved, "")
		}},
		{"CheckedTwinQuotesJoinedIntoOneParagraph", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.verifyQuote("editor", "Friday, “", "No comment,")
			r.open("editor2")
			r.open("editor")
			joined := strings.ReplaceAll(r.body("editor"), "\n", " ")
			r.save("editor", joined, saved, "")
			stale := swap(t, r.body("editor2"), "Engineers said", "Engineers from Arup said")
			r.save("editor2", stale, merged, swap(t, joined, "Engineers said", "Engineers from Arup said"))
		}},
		{"StaleCheckOfAQuotationSplitSince", replayBody, func(t *testing.T, r *replay) {
			r.act("writer", newsroom.ActionSubmit, "")
			q := r.quoteNow("factchecker", "We will not close the bridge,")
			r.act("factchecker", newsroom.ActionReturn, "Two quotes, not one.")
			r.save("writer", swap(t, r.body("writer"), "“We will not close the bridge,” said Mayor Hale.", "“We will not close,” said Mayor Hale. “The bridge stays.”"), saved, "")
			r.act("writer", newsroom.ActionSubmit, "")
			r.staleCheck("factchecker", q)
		}},
		{"StaleCheckOfAQuotationJoinedSince", "The council met. “We will not close,” said Mayor Hale. “The bridge stays open,” she said.", func(t *testing.T, r *replay) {
			r.act("writer", newsroom.ActionSubmit, "")
			first, second := r.quoteNow("factchecker", "We will not close,"), r.quoteNow("factchecker", "The bridge stays open,")
			r.act("factchecker", newsroom.ActionReturn, "One quote, not two.")
			r.save("writer", swap(t, r.body("writer"), "“We will not close,” said Mayor Hale. “The bridge stays open,” she said.", "“We will not close the bridge,” said Mayor Hale."), saved, "")
			r.act("writer", newsroom.ActionSubmit, "")
			r.staleCheck("factchecker", first)
			r.staleCheck("factchecker", second)
		}},
		{"DeletedAndTypedAgainByAnother", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "second", "Friday, “", "No comment")
			r.open("editor2")
			r.open("editor")
			cut := swap(t, r.body("editor"), "Asked again on Friday, “No comment,” said Smith.", "Smith was asked again on Friday.")
			r.expect("second", "", "")
			r.save("editor", cut, saved, "")
			r.open("editor2")
			again := swap(t, r.body("editor2"), "Smith was asked again on Friday.", "Asked again on Friday, “No comment,” said Smith.")
			r.save("editor2", again, saved, "")
		}},
		{"ResolvedWordsDeletedAndTypedAgainElsewhere", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "second", "Friday, “", "No comment")
			r.thread("editor", "second", "resolve")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "\nAsked again on Friday, “No comment,” said Smith.", ""), saved, "")
			r.open("editor2")
			r.save("editor2", swap(t, r.body("editor2"), "Engineers said", "Asked again on Friday, “No comment,” said Smith. Engineers said"), saved, "")
			r.thread("editor", "second", "reopen")
			if c := r.commentNamed("second"); !c.Detached && c.Anchor.Start < strings.Index(r.body("editor2"), "\n") {
				r.failf("comment second, whose words were cut and typed again, went to the twin at %d of %q", c.Anchor.Start, r.body("editor2"))
			}
		}},
		{"StaleBriefOnlySaveWhileTheBodyMovedOn", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor2")
			r.open("editor")
			r.comment("editor", "repairs", "The council said the ", "repairs")
			r.commentIn("editor", "voted", "brief", "The council ", "voted")
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Two engineers said"), saved, "")
			r.expect("repairs", "council said the bridge ", "repairs")
			r.save("editor", swap(t, r.body("editor"), "council said the repairs", "council said the bridge repairs"), saved, "")
			want := r.texts[r.current()]
			want.Brief = "The city council voted on the bridge."
			r.expect("voted", "The city council ", "voted")
			r.saveFields("editor2", map[string]any{"brief": want.Brief}, want)
			r.open("editor2")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "Residents wrote", "Residents of Leeds wrote"), saved, "")
			want = r.texts[r.current()]
			want.Title = "Bridge vote delayed"
			r.saveFields("editor2", map[string]any{"title": want.Title}, want)
		}},
		{"ThreeEditorsOnThreeStaleVersions", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "safe", "the bridge was ", "safe")
			r.comment("editor2", "plan", "“The ", "plan would work")
			r.open("editor3")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "The council met on Tuesday.", "The council met late on Tuesday."), saved, "")
			r.open("editor2")
			r.save("editor", swap(t, r.body("editor"), "more.", "more than planned."), saved, "")
			one := swap(t, r.body("editor3"), "Residents wrote", "Hundreds of residents wrote")
			want := swap(t, r.body("editor"), "Residents wrote", "Hundreds of residents wrote")
			r.save("editor3", one, merged, want)
			two := swap(t, r.body("editor2"), "the bridge was safe", "the bridge was safe enough")
			want = swap(t, want, "the bridge was safe", "the bridge was safe enough")
			r.save("editor2", two, merged, want)
			three := swap(t, r.body("editor3"), "said Smith on Friday", "said Smith, the engineer, on Friday")
			want = swap(t, want, "said Smith on Friday", "said Smith, the engineer, on Friday")
			r.save("editor3", three, merged, want)
		}},
		{"DecomposedWordsTypedAgainstComposed", "The café owner said: “Zoë will not close the café.”\nThe café reopened. Zoë was there.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "cafe", "close the ", "café")
			r.comment("editor2", "zoe", "reopened. ", "Zoë")
			r.open("editor2")
			r.open("editor")
			mine := swap(t, r.body("editor"), "The café reopened.", "The café reopened on Monday.")
			r.expect("zoe", "Monday. ", "Zoë")
			r.save("editor", norm.NFD.String(mine), saved, "")
			stale := swap(t, r.body("editor2"), "The café owner said", "The café’s owner said")
			r.save("editor2", norm.NFD.String(stale), merged, swap(t, mine, "The café owner said", "The café’s owner said"))
			r.open("editor2")
			r.save("editor2", norm.NFD.String(swap(t, r.body("editor2"), "close the café.", "close the café, ever.")), saved, "")
		}},
		{"RestoreEveryEarlierRevisionInTurn", "The council met on Tuesday. The mayor said the bridge would stay open.\n" +
			"Engineers said the bridge was safe. The council said the repairs would cost more.\nResidents wrote to the council on Friday.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "repairs", "The council said the ", "repairs")
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Two engineers said"), saved, "")
			// Pasted twice, the comment's words have a twin nothing before them tells apart, until
			// the first copy's first two paragraphs are joined.
			r.marks[r.names["repairs"]] = nil
			r.save("editor", r.body("editor")+"\n"+r.body("editor"), saved, "")
			pasted := r.current()
			joined := "open. Two engineers said the bridge was safe. The council said the "
			r.expect("repairs", joined, "repairs")
			r.save("editor", strings.Replace(r.body("editor"), "open.\nTwo", "open. Two", 1), saved, "")
			last := r.current()
			for v := 1; v <= last; v++ {
				r.open("editor")
				switch {
				case v == pasted:
					r.marks[r.names["repairs"]] = nil
				case v == last:
					r.expect("repairs", joined, "repairs")
				default:
					r.expect("repairs", "The council said the ", "repairs")
				}
				r.restore("editor", v, saved, "")
				if c := r.commentNamed("repairs"); c.Detached || c.Anchor.Start > strings.Index(r.body("editor"), "Friday.") {
					r.failf("restoring v%d put comment repairs at %d of %q (detached %v), want it in the first copy", v, c.Anchor.Start, r.body("editor"), c.Detached)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, newReplay(t, tt.body))
		})
	}
}
