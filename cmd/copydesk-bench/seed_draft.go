package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/quotes"
	"github.com/copydesk/copydesk/internal/store"
)

// seedSpan is how far back the seeded archive reaches.
const seedSpan = 2 * 365 * 24 * time.Hour

// stagePath is the audit trail that brought a draft to its stage, after "create".
var stagePath = map[newsroom.Stage][]newsroom.Action{
	newsroom.StageDraft:     nil,
	newsroom.StageFactCheck: {newsroom.ActionSubmit},
	newsroom.StageEditing:   {newsroom.ActionSubmit, newsroom.ActionClear},
	newsroom.StageApproved:  {newsroom.ActionSubmit, newsroom.ActionClear, newsroom.ActionApprove},
	newsroom.StagePublished: {newsroom.ActionSubmit, newsroom.ActionClear, newsroom.ActionApprove, newsroom.ActionPublish},
	newsroom.StageSpiked:    {newsroom.ActionSpike},
}

// draft writes draft id as the service would have left it after five saves and the workflow
// steps of its stage: the draft row, five whole revisions, the quote ledger the finder gives
// for its text with checks as far as its stage needs them, twenty comments anchored with
// anchor.New, the audit trail, and for a published draft its article and first snapshot.
func (g *seeder) draft(ctx context.Context, id int64) error {
	stage := stageOf(id)
	writer := g.nr.Writers[(id-1+(id-1)/20)%nWriters]
	editor := g.nr.Editors[id%nEditors]
	checker := g.nr.FactCheckers[id%nFactCheckers]
	late := stage == newsroom.StageEditing || stage == newsroom.StageApproved || stage == newsroom.StagePublished
	p := generate(int(id), writer.Name, stage == newsroom.StageApproved || stage == newsroom.StagePublished)
	t := p.text
	topics, _ := json.Marshal(t.Topics)
	created := g.now.Add(-seedSpan + time.Duration(id)*seedSpan/time.Duration(g.nr.Drafts+1))
	step := func(k int) time.Time { return created.Add(time.Duration(k) * 37 * time.Minute) }
	updated := step(revisionsPer + len(stagePath[stage]))

	_, err := g.exec(ctx, "draft", id, writer.ID, t.Title, t.Byline, t.Brief, t.Body, string(topics), t.EditorComment,
		string(stage), revisionsPer, created, updated)
	if err != nil {
		return err
	}
	for v := 1; v <= revisionsPer; v++ {
		body, comment, author := t.Body, t.EditorComment, writer.ID
		if v < revisionsPer {
			body, comment = p.earlier[v-1], ""
		}
		if late && v >= revisionsPer-1 {
			author = editor.ID // editors edit in editing
		}
		_, err := g.exec(ctx, "revision", id, v, v-1, author, t.Title, t.Byline, t.Brief, body, string(topics), comment, step(v-1))
		if err != nil {
			return err
		}
	}
	if err := g.ledger(ctx, id, t, stage, writer, checker, step); err != nil {
		return err
	}
	if err := g.comments(ctx, id, t.Body, stage, editor, checker, step); err != nil {
		return err
	}
	actors := map[newsroom.Action]int64{newsroom.ActionSubmit: writer.ID, newsroom.ActionClear: checker.ID}
	if _, err := g.exec(ctx, "audit", id, writer.ID, "create", "", string(newsroom.StageDraft), step(0)); err != nil {
		return err
	}
	from := newsroom.StageDraft
	for k, a := range stagePath[stage] {
		next, ok := g.workflow.Action(a)
		if !ok {
			return fmt.Errorf("the default workflow has no action %s", a)
		}
		to := next.To
		actor, ok := actors[a]
		if !ok {
			actor = editor.ID
		}
		if _, err := g.exec(ctx, "audit", id, actor, string(a), string(from), string(to), step(revisionsPer+k)); err != nil {
			return err
		}
		from = to
	}
	switch stage {
	case newsroom.StagePublished:
		return g.publication(ctx, id, t, editor, updated)
	case newsroom.StageDraft:
		g.nr.WriterOf[id] = writer
	}
	g.nr.ByStage[stage] = append(g.nr.ByStage[stage], id)
	return nil
}

// ledger writes the quote ledger of the final text, as syncLedger keeps it: every quote found
// at version 1, checked by the fact-checker (all of them from editing on, two in fact_check).
func (g *seeder) ledger(ctx context.Context, id int64, t newsroom.Text, stage newsroom.Stage, writer, checker account, step func(int) time.Time) error {
	checked := map[newsroom.Stage]int{newsroom.StageFactCheck: 2, newsroom.StageEditing: quotesPerDraft,
		newsroom.StageApproved: quotesPerDraft, newsroom.StagePublished: quotesPerDraft}[stage]
	for _, field := range []string{"brief", "body"} {
		text := t.Brief
		if field == "body" {
			text = t.Body
		}
		qs, problems := quotes.Find(text)
		if len(problems) > 0 {
			return fmt.Errorf("draft %d: the generated %s has unclosed quotes: %v", id, field, problems)
		}
		if field == "body" && len(qs) != quotesPerDraft {
			return fmt.Errorf("draft %d: the finder sees %d quotes in the generated body, want %d", id, len(qs), quotesPerDraft)
		}
		for k, q := range qs {
			status, by, at := newsroom.QuoteUnchecked, any(nil), any(nil)
			if k < checked {
				status, by, at = newsroom.QuoteVerified, checker.ID, step(revisionsPer)
			}
			qid, err := g.insertID(ctx, "quote", id, field, q.Text, q.Speaker, string(q.Kind), q.Why, q.Paragraph, q.Start, q.End, string(status), by, at)
			if err != nil {
				return err
			}
			if _, err := g.exec(ctx, "quote_event", qid, id, 1, "found", q.Text, string(newsroom.QuoteUnchecked), writer.ID, step(0), 1); err != nil {
				return err
			}
			if status == newsroom.QuoteVerified {
				if _, err := g.exec(ctx, "quote_event", qid, id, revisionsPer, "check", q.Text, string(status), checker.ID, at, 2); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// comments writes twenty comments on two or three words of the body each, spread over its
// paragraphs; they are resolved once a draft is approved.
func (g *seeder) comments(ctx context.Context, id int64, body string, stage newsroom.Stage, editor, checker account, step func(int) time.Time) error {
	spans := commentSpans(body, commentsPerDraft)
	resolved := stage == newsroom.StageApproved || stage == newsroom.StagePublished
	for k, sp := range spans {
		sel, err := anchor.New(body, sp[0], sp[1])
		if err != nil {
			return fmt.Errorf("draft %d: comment %d: %w", id, k, err)
		}
		author := editor.ID
		if k%2 == 1 {
			author = checker.ID
		}
		var by, at any
		if resolved {
			by, at = editor.ID, step(revisionsPer+2)
		}
		msg := commentTexts[k%len(commentTexts)]
		_, err = g.exec(ctx, "comment", id, author, msg, sel.Exact, sel.Exact, sel.Prefix, sel.Suffix, sel.Start, sel.End,
			revisionsPer, by, at, step(revisionsPer-1))
		if err != nil {
			return err
		}
	}
	return nil
}

var commentTexts = []string{"Source for this figure?", "Check the spelling of the name.", "Is this still true after the vote?",
	"Cut: we said this in the brief.", "Which report does this come from?"}

// commentSpans picks n spans of two or three words, in code points, spread over the paragraphs
// of body.
func commentSpans(body string, n int) [][2]int {
	type word struct{ start, end int }
	var paras [][]word
	var cur []word
	pos, inWord := 0, false
	for _, r := range body {
		switch {
		case r == '\n':
			if inWord {
				cur[len(cur)-1].end = pos
			}
			paras, cur, inWord = append(paras, cur), nil, false
		case r == ' ':
			if inWord {
				cur[len(cur)-1].end = pos
			}
			inWord = false
		case !inWord:
			cur, inWord = append(cur, word{start: pos}), true
		}
		pos++
	}
	if inWord {
		cur[len(cur)-1].end = pos
	}
	paras = append(paras, cur)
	spans := make([][2]int, 0, n)
	for k := 0; k < n; k++ {
		ws := paras[k%len(paras)]
		i := (5 + 13*(k/len(paras)) + 7*k) % max(1, len(ws)-3)
		spans = append(spans, [2]int{ws[i].start, ws[i+1+k%2].end})
	}
	return spans
}

// publication writes a published draft's article and its first snapshot, as Publish does.
func (g *seeder) publication(ctx context.Context, id int64, t newsroom.Text, editor account, at time.Time) error {
	g.pubID++
	slug := publish.ArticleSlug(t.Title, id)
	a := store.ArticleOf(t)
	topics, _ := json.Marshal(a.Topics)
	if _, err := g.exec(ctx, "article", g.pubID, id, slug, at, g.pubID); err != nil {
		return err
	}
	_, err := g.exec(ctx, "publication", g.pubID, g.pubID, revisionsPer, t.Title, t.Byline, t.Brief, t.Body, string(topics),
		t.EditorComment, at, editor.ID, a.ContentHash())
	if err != nil {
		return err
	}
	g.nr.Slugs = append(g.nr.Slugs, slug)
	for _, topic := range t.Topics {
		if !slices.Contains(g.nr.Topics, topic) {
			g.nr.Topics = append(g.nr.Topics, topic)
		}
	}
	g.nr.ByStage[newsroom.StagePublished] = append(g.nr.ByStage[newsroom.StagePublished], id)
	return nil
}
