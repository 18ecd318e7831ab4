package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// replayBody is the piece the histories start from: three paragraphs, a quotation in two, and
// phrases the piece repeats.
const replayBody = "The council met on Tuesday. “We will not close the bridge,” said Mayor Hale.\n" +
	"Engineers said the bridge was safe. The council said the repairs would cost more.\n" +
	"Residents wrote to the council. “The plan would work,” said Smith on Friday."

// twinBody is a piece that quotes the same words twice.
const twinBody = "The council met. Asked on Tuesday, “No comment,” said Smith.\n" +
	"Engineers said the bridge was safe.\n" +
	"Asked again on Friday, “No comment,” said Smith."

// pastedBody is a piece that repeats its speakers' words, as the shape histories make it.
const pastedBody = "“We will not close the bridge,” said Smith. Residents wrote to the council. The council met. The café owner 👍🏽 agreed. Zoë Hale said: “We will not close the bridge.”\n" +
	"on Friday Jones said: “No comment.” Smith said: “The plan would work.” “The plan would work,” said Zoë Hale. Zoë Hale said: “The plan would work.”\n" +
	"Smith said: “We will not close the bridge.” Zoë Hale said: “The plan would work.”\n" +
	"The café owner 👍🏽 agreed. Zoë Hale said: “We will not close the bridge.”"

// toEditing takes the piece from draft to editing: the writer submits it, the fact-checker
// verifies every quote and clears it.
func (r *replay) toEditing() {
	r.t.Helper()
	r.act("writer", newsroom.ActionSubmit, "")
	r.verifyAll()
	r.act("factchecker", newsroom.ActionClear, "")
}

// swap replaces old, once in s, with new.
func swap(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("%q is not once in %q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// TestReplayHistories replays histories of one piece through the API, as a writer, two editors
// and a fact-checker each working from the version their page shows, and checks after every
// step that nothing typed was lost, every revision and diff tells the truth, and every comment
// and check is on its own words or honestly gone.
func TestReplayHistories(t *testing.T) {
	tests := []struct {
		name string
		body string
		run  func(t *testing.T, r *replay)
	}{
		{"TwoEditorsSameParagraphSameBase", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "repairs", "The council said the ", "repairs")
			one := swap(t, r.body("editor"), "the bridge was safe", "the bridge was sound")
			r.save("editor", one, saved, "")
			two := swap(t, r.body("editor2"), "the bridge was safe", "the bridge was unsafe")
			r.save("editor2", two, conflicted, "")
			three := swap(t, r.body("editor2"), "would cost more", "would cost less")
			r.save("editor2", three, merged, swap(t, one, "would cost more", "would cost less"))
		}},
		{"WriterOnOldBaseAfterEditorsChange", replayBody, func(t *testing.T, r *replay) {
			r.comment("editor", "residents", "more.\n", "Residents")
			r.toEditing()
			r.open("editor")
			mine := swap(t, r.body("editor"), "Engineers said", "Two engineers said")
			r.save("editor", mine, saved, "")
			r.act("editor", newsroom.ActionRequestChanges, "Say who the engineers were.")
			writer := swap(t, r.body("writer"), "The council met on Tuesday.", "The council met late on Tuesday.")
			r.save("writer", writer, merged, swap(t, mine, "The council met on Tuesday.", "The council met late on Tuesday."))
		}},
		{"DuplicatedSentenceFirstCopyEdited", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "plan", "council. “The ", "plan")
			r.open("editor")
			twice := swap(t, r.body("editor"), "said Smith on Friday.", "said Smith on Friday. “The plan would work,” said Smith on Friday.")
			r.save("editor", twice, saved, "")
			r.comment("editor2", "would", "Friday. “The plan ", "would")
			r.verifyQuote("editor", "Friday. “", "The plan would work,")
			edited := swap(t, r.body("editor"), "council. “The plan would work,”", "council. “The plan could work,”")
			r.expectCheck("council. “", "The plan would work,", "", "")
			r.save("editor", edited, saved, "")
		}},
		{"DuplicatedSentenceSecondCopyEdited", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "plan", "council. “The ", "plan")
			r.open("editor")
			twice := swap(t, r.body("editor"), "said Smith on Friday.", "said Smith on Friday. “The plan would work,” said Smith on Friday.")
			r.save("editor", twice, saved, "")
			r.comment("editor2", "would", "Friday. “The plan ", "would")
			edited := swap(t, r.body("editor"), "Friday. “The plan would work,”", "Friday. “The plan could work,”")
			r.expect("would", "Friday. “The plan ", "could")
			r.save("editor", edited, saved, "")
		}},
		// A comment resolved while the piece was pasted twice and its own copy then edited
		// around its words is reopened on its own copy: carried through the paste, as an open
		// comment is, not by one diff to a text whose other copy is closer to the old one.
		{"ResolvedThroughPasteAndEditReopensOnItsCopy", replayBody, func(t *testing.T, r *replay) {
			r.comment("editor", "plan", "council. “The ", "plan")
			r.thread("editor", "plan", "resolve")
			twice := r.body("writer") + "\n" + r.body("writer")
			r.save("writer", twice, saved, "")
			cut := strings.Replace(twice, "Residents wrote to the council. ", "", 1)
			r.save("writer", cut, saved, "")
			r.expect("plan", "more.\n“The ", "plan")
			r.thread("editor", "plan", "reopen")
		}},
		// An edit that cut part of a comment's words, undone by restoring the revision before
		// it, gives the comment back all the words it was made on.
		{"CutWordsRestoredRegrowTheComment", replayBody, func(t *testing.T, r *replay) {
			r.comment("editor", "smith", "work,” ", "said Smith on Friday")
			r.expect("smith", "work,” ", "said Smith")
			r.save("writer", swap(t, r.body("writer"), "Smith on Friday.", "Smith."), saved, "")
			r.expect("smith", "work,” ", "said Smith on Friday")
			r.restore("writer", 1, saved, "")
		}},
		{"DuplicatedSentenceStaleEdit", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "friday", "Smith on ", "Friday")
			r.comment("editor", "plan", "council. “The ", "plan")
			twice := swap(t, r.body("editor"), "Mayor Hale.", "Mayor Hale. “The plan would work,” said Smith.")
			r.save("editor", twice, saved, "")
			mine := swap(t, r.body("editor2"), "council. “The plan would work,” said Smith on", "council. “The plan would work,” said Jon Smith on")
			r.save("editor2", mine, merged, swap(t, twice, "said Smith on Friday", "said Jon Smith on Friday"))
		}},
		{"ParagraphMovedWhileEdited", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "wrote", "Residents ", "wrote")
			r.comment("editor", "repairs", "council said the ", "repairs")
			paras := strings.Split(r.body("editor"), "\n")
			moved := strings.Join([]string{paras[2], paras[0], paras[1]}, "\n")
			r.save("editor", moved, saved, "")
			mine := swap(t, r.body("editor2"), "Residents wrote", "Residents of Leeds wrote")
			r.expect("wrote", "Leeds ", "wrote")
			r.save("editor2", mine, merged, swap(t, moved, "Residents wrote", "Residents of Leeds wrote"))
		}},
		{"QuoteEditedThenBack", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.comment("editor", "close", "will not ", "close")
			was := r.body("editor")
			changed := swap(t, was, "We will not close", "We will never close")
			r.expectCheck("day. “", "We will not close the bridge,", "", "")
			r.expect("close", "will never ", "close")
			r.save("editor", changed, saved, "")
			r.expectCheck("day. “", "We will not close the bridge,", "day. “", "We will not close the bridge,")
			r.expect("close", "will not ", "close")
			r.save("editor", was, saved, "")
		}},
		{"RestoreAfterComments", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			old := r.current()
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Engineers from Arup said"), saved, "")
			r.comment("editor2", "arup", "from ", "Arup")
			r.comment("editor2", "safe", "was ", "safe")
			r.comment("editor2", "residents", "more.\n", "Residents")
			r.expect("arup", "", "")
			r.restore("editor", old, saved, "")
			r.open("editor2")
			r.restore("editor2", old+1, saved, "")
		}},
		{"CorrectionAfterPublish", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.act("editor", newsroom.ActionApprove, "")
			r.publish()
			r.open("editor")
			r.correct(swap(t, r.body("editor"), "met on Tuesday", "met on Wednesday"), 201)
			held := swap(t, r.body("editor"), "was safe.", "was safe. “It is sound,” said Lee.")
			r.correct(held, 409)
			r.verifyQuote("factchecker", "safe. “", "It is sound,")
			r.correct(held, 201)
			r.correct(swap(t, held, "cost more", "cost much more"), 201)
		}},
		{"SentBackAndReopened", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "repairs", "council said the ", "repairs")
			r.comment("editor2", "engineers", "Hale.\n", "Engineers")
			r.act("editor", newsroom.ActionRequestChanges, "Name the engineers.")
			r.open("writer")
			r.expect("repairs", "said the road ", "repairs")
			r.save("writer", swap(t, r.body("writer"), "the repairs would cost more", "the road repairs would cost far more"), saved, "")
			r.thread("writer", "repairs", "resolve")
			r.expect("repairs", "council said the bridge ", "repairs")
			r.save("writer", swap(t, r.body("writer"), "the road repairs", "the bridge repairs"), saved, "")
			r.expect("engineers", "", "")
			r.save("writer", swap(t, r.body("writer"), "Engineers said", "Arup said"), saved, "")
			r.thread("writer", "engineers", "resolve")
			r.act("writer", newsroom.ActionSubmit, "")
			r.act("factchecker", newsroom.ActionClear, "")
			r.thread("editor", "repairs", "reopen")
			r.thread("editor", "engineers", "reopen")
			r.open("editor")
			r.expect("repairs", "said the new bridge ", "repairs")
			r.save("editor", swap(t, r.body("editor"), "the bridge repairs", "the new bridge repairs"), saved, "")
		}},
		{"UnicodeMerges", "Cafe\u0301 owner Zoe\u0308 said the bridge was fine 👍🏽 today. The 🇫🇷 flag flew.\n" +
			"Its owner, Ren\u00e9e, wrote: “Qu’il soit ouvert,” in a 👩‍👩‍👧 note.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "flag", "🇫🇷 ", "flag")
			r.comment("editor", "note", "👩‍👩‍👧 ", "note")
			r.comment("editor", "zoe", "owner ", "Zoë")
			one := swap(t, r.body("editor"), "fine 👍🏽 today", "fine 👍🏿 today")
			r.save("editor", one, saved, "")
			two := swap(t, r.body("editor2"), "👩‍👩‍👧 note", "👩‍👩‍👦 note")
			r.expect("note", "👩‍👩‍👦 ", "note")
			r.save("editor2", "Cafe\u0301"+strings.TrimPrefix(two, "Café"), merged, swap(t, one, "👩‍👩‍👧 note", "👩‍👩‍👦 note"))
			r.open("editor2")
			r.open("editor")
			three := swap(t, r.body("editor"), "was fine", "was fine again")
			r.save("editor", three, saved, "")
			four := swap(t, r.body("editor2"), "The 🇫🇷 flag", "The 🇫🇷 🇬🇧 flag")
			r.expect("flag", "🇬🇧 ", "flag")
			r.save("editor2", four, merged, swap(t, three, "The 🇫🇷 flag", "The 🇫🇷 🇬🇧 flag"))
		}},
		{"TwinQuoteDeletedByStaleSaveOtherEdited", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "first", "Tuesday, “No comment,” ", "said Smith")
			r.comment("editor", "second", "Friday, “No comment,” ", "said Smith")
			edited := swap(t, r.body("editor"), "Friday, “No comment,”", "Friday, “No further comment,”")
			r.expectCheck("Friday, “", "No comment,", "", "")
			r.expect("second", "Friday, “No further comment,” ", "said Smith")
			r.save("editor", edited, saved, "")
			cut := swap(t, r.body("editor2"), " Asked on Tuesday, “No comment,” said Smith.", "")
			r.expect("first", "", "")
			r.expectCheck("Tuesday, “", "No comment,", "", "")
			r.save("editor2", cut, merged, swap(t, edited, " Asked on Tuesday, “No comment,” said Smith.", ""))
		}},
		{"TwinQuoteEditedByStaleSaveOtherDeleted", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "second", "Friday, “No comment,” ", "said Smith")
			cut := swap(t, r.body("editor"), " Asked on Tuesday, “No comment,” said Smith.", "")
			r.expectCheck("Tuesday, “", "No comment,", "", "")
			r.save("editor", cut, saved, "")
			edited := swap(t, r.body("editor2"), "Friday, “No comment,”", "Friday, “No further comment,”")
			r.expectCheck("Friday, “", "No comment,", "", "")
			r.expect("second", "Friday, “No further comment,” ", "said Smith")
			r.save("editor2", edited, merged, swap(t, cut, "Friday, “No comment,”", "Friday, “No further comment,”"))
		}},
		{"ConflictSettledOnThePage", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "safe", "was ", "safe")
			one := swap(t, r.body("editor"), "the bridge was safe", "the bridge was sound")
			r.expect("safe", "", "")
			r.save("editor", one, saved, "")
			two := swap(t, r.body("editor2"), "the bridge was safe", "the bridge was unsafe")
			two = swap(t, two, "Residents wrote", "Many residents wrote")
			r.save("editor2", two, conflicted, "")
			r.settle("editor2", swap(t, swap(t, one, "was sound. The", "was unsafe. The"), "Residents wrote", "Many residents wrote"), "mine")
		}},
		{"RestoreFromAStalePage", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Engineers from Arup said"), saved, "")
			r.open("editor2")
			r.save("editor", swap(t, r.body("editor"), "Residents wrote", "Many residents wrote"), saved, "")
			r.restore("editor2", 1, merged, swap(t, r.body("editor"), "Engineers from Arup said", "Engineers said"))
		}},
		{"RestoreAQuoteCheckedSince", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.expectCheck("uncil. “", "The plan would work,", "", "")
			r.save("editor", swap(t, r.body("editor"), "The plan would work", "The plan will work"), saved, "")
			r.verifyQuote("editor", "uncil. “", "The plan will work,")
			r.expectCheck("uncil. “", "The plan will work,", "", "")
			r.restore("editor", 1, saved, "")
		}},
		{"StaleSaveOfTheBase", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			one := swap(t, r.body("editor"), "Engineers said", "Two engineers said")
			r.save("editor", one, saved, "")
			r.save("editor2", swap(t, r.body("editor2"), "Residents wrote", "Residents wrote"), merged, one)
		}},
		{"ReopenedAfterItsSentenceWasCopied", "Residents wrote to the council. Zoë Hale said: “We will not close the bridge.”\n" +
			"“The plan would work,” said Mr. Jones. The café owner 👍🏽 agreed.\n" +
			"Smith said: “No comment.” Mr. Jones said: “No comment.”\n" +
			"“We will not close the bridge,” said Zoë Hale. “No comment,” said Mr. Jones.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.comment("editor2", "the", "bridge.”\n", "“The")
			r.thread("editor", "the", "resolve")
			r.save("editor", swap(t, r.body("editor"), "work,” said Mr. Jones.", "work,” said Jones."), saved, "")
			r.save("editor", r.body("editor")+" “The plan would work,” said Mr. Jones.", saved, "")
			r.thread("editor", "the", "reopen")
		}},
		{"QuotationCutWhileItsCopyIsTyped", twinBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			edited := swap(t, r.body("editor"), "Tuesday, “No comment,”", "Tuesday, No comment,”")
			edited = swap(t, edited, "was safe.", "was safe. Asked on Monday, “No comment,” said Smith.")
			r.expectCheck("Tuesday, “", "No comment,", "", "")
			r.save("editor", edited, saved, "")
		}},
		{"EditOfAParagraphTheOtherDeleted", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.save("editor", swap(t, r.body("editor"), "Engineers said the bridge was safe. The council said the repairs would cost more.\n", ""), saved, "")
			r.save("editor2", swap(t, r.body("editor2"), "would cost more", "would cost far more"), conflicted, "")
		}},
		{"BothAddParagraphsAtTheEnd", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.save("editor", r.body("editor")+"\nThe vote is due in May.", saved, "")
			mine := r.body("editor2") + "\nThe mayor did not answer."
			r.save("editor2", mine, conflicted, "")
			// Both wrote a paragraph in one place: the one who settles chooses, here their own.
			r.settle("editor2", mine, "mine")
		}},
		{"AdjacentWordsWithMarksAndEmoji", "Zoe\u0308 said the bridge was fine 👍🏽 today, said Rene\u0301e.\nThe 🇫🇷 flag flew.", func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.comment("editor", "today", "👍🏽 ", "today")
			one := swap(t, r.body("editor"), "was fine", "was good")
			r.save("editor", one, saved, "")
			two := swap(t, r.body("editor2"), "👍🏽 today", "👍🏿 today")
			r.expect("today", "👍🏿 ", "today")
			r.save("editor2", norm.NFD.String(two), merged, swap(t, one, "👍🏽 today", "👍🏿 today"))
		}},
		{"TitleCommentThroughMerges", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.open("editor")
			r.open("editor2")
			r.commentIn("editor", "vote", "title", "Bridge ", "vote")
			r.save("editor", swap(t, r.body("editor"), "Engineers said", "Two engineers said"), saved, "")
			r.steps = append(r.steps, "editor2 saves a new title on v1")
			in := `{"title":"The bridge vote","version":1}`
			res := r.a.do("editor2", "PUT", r.url(""), in)
			if res.Code != http.StatusOK {
				r.failf("the save answered %d: %s", res.Code, res.Body.String())
			}
			d := decode[newsroom.Draft](t, res)
			if d.Title != "The bridge vote" || !strings.Contains(d.Body, "Two engineers said") {
				r.failf("the merge made %q, %q", d.Title, d.Body)
			}
			r.texts[d.Version], r.made[d.Version], r.with[d.Version] = d.Text(), "merged", d.Version-1
			r.expect("vote", "bridge ", "vote")
			r.verify()
		}},
		// A restore of a version from before the piece was pasted twice puts a comment made on
		// the first copy on its own words, carried back through each version, not on a twin the
		// one diff from the pasted text to the restored one pairs them with.
		{"RestoreBeforePasteKeepsTheCommentOnItsWords", pastedBody, func(t *testing.T, r *replay) {
			r.comment("editor", "hale", "said Zoë Hale. Zoë ", "Hale said")
			edited := swap(t, swap(t, r.body("writer"), "said Smith.", "said Mr. Smith."), "Zoë Hale said: “We will not close the bridge.”\non",
				"Zoë hale said: “We will not close the bridge.”\non")
			edited = swap(t, swap(t, edited, "agreed. Zoë Hale", "agreed? Zoë Hale"), "work.”\nThe café", "work 🇫🇷.”\n🇫🇷 The café")
			r.save("writer", edited, saved, "")
			// Pasted twice, the comment's words have a twin nothing before them tells apart, until the
			// first copy's paragraphs are joined.
			r.marks[r.names["hale"]] = nil
			r.save("writer", edited+"\n"+edited, saved, "")
			joined := strings.Replace(r.body("writer"), "bridge.”\non Friday", "bridge.” on Friday", 1)
			r.expect("hale", "bridge.” on Friday Jones said: “No comment.” Smith said: “The plan would work.” “The plan would work,” said Zoë Hale. Zoë ", "Hale said")
			r.save("writer", joined, saved, "")
			r.expect("hale", "said Zoë Hale. Zoë ", "Hale said")
			r.restore("writer", 1, saved, "")
		}},
		{"TwoEditorsSaveAtOnce", replayBody, func(t *testing.T, r *replay) {
			r.toEditing()
			r.comment("editor", "repairs", "council said the ", "repairs")
			for round := range 5 {
				r.open("editor")
				r.open("editor2")
				base := r.body("editor")
				one := swap(t, base, "Engineers", fmt.Sprintf("Engineers (%d)", round))
				two := swap(t, base, "Residents", fmt.Sprintf("Residents (%d)", round))
				r.race("editor", one, "editor2", two, swap(t, one, "Residents", fmt.Sprintf("Residents (%d)", round)))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, newReplay(t, tt.body))
		})
	}
}
