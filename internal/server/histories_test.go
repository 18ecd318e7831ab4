package server_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// replay drives one draft through a history over the real router, as several people whose pages
// were each loaded at a version of their own, and checks after every step what the history must
// keep true: every revision reads back as it was saved, every diff is the two texts it joins,
// the history lists the versions as they were made, every comment is on its own words or
// detached, and every check is on the quotation it was made on.
type replay struct {
	t     *testing.T
	a     *testApp
	id    int64
	slug  string
	seen  map[string]int        // actor → the version their page shows
	texts map[int]newsroom.Text // version → its text, as the request that made it answered
	made  map[int]string        // version → "saved", "merged" or "corrected"
	kept  map[string]int64      // actor → their last save refused as a conflict, kept unmerged
	with  map[int]int           // a merged version → the version it was merged with
	marks map[int64]*mark       // comment id → where it must be
	check map[string]*mark      // a checked quotation's words → where they must be
	names map[string]int64      // a comment's name in the history → its id
	// follow, when set, checks every comment and check by the identity of its words, in place
	// of the marks: a random history (see randomHistory) knows where each word went.
	follow func(cur int)
	steps  []string // what the history did so far, for failure messages
}

// mark is where a comment or a check must be in the body: on words right after the text before
// (which the history keeps once in the body), or nowhere (gone: detached, or reset).
type mark struct {
	before, words string
	gone          bool
}

// replayActors are the people of a history: a writer, three editors and a fact-checker.
var replayActors = map[string]newsroom.Role{
	"writer": newsroom.RoleWriter, "editor": newsroom.RoleEditor, "editor2": newsroom.RoleEditor, "editor3": newsroom.RoleEditor,
	"factchecker": newsroom.RoleFactChecker,
}

// newReplay creates a draft with body as the writer, whose page then shows it.
func newReplay(t *testing.T, body string) *replay {
	a := newWorkflowApp(t, nil, replayActors)
	r := &replay{t: t, a: a, seen: map[string]int{}, texts: map[int]newsroom.Text{}, made: map[int]string{}, with: map[int]int{}, kept: map[string]int64{},
		marks: map[int64]*mark{}, check: map[string]*mark{}, names: map[string]int64{}}
	in, _ := json.Marshal(newsroom.Text{Title: "Bridge vote", Byline: "Writer", Brief: "The council voted on the bridge.", Body: body})
	res := a.do("writer", "POST", "/api/v1/drafts", string(in))
	wantStatus(t, res, http.StatusCreated)
	d := decode[newsroom.Draft](t, res)
	r.id = d.ID
	r.texts[d.Version], r.made[d.Version] = d.Text(), "saved"
	r.seen["writer"] = d.Version
	r.steps = append(r.steps, "writer creates v1")
	r.verify()
	return r
}

// url is a path of the draft's API.
func (r *replay) url(format string, args ...any) string {
	return fmt.Sprintf("/api/v1/drafts/%d", r.id) + fmt.Sprintf(format, args...)
}

// current is the draft's version now.
func (r *replay) current() int {
	v := 0
	for k := range r.texts {
		v = max(v, k)
	}
	return v
}

// open loads the draft's page for actor: their page shows the current version.
func (r *replay) open(actor string) {
	r.t.Helper()
	res := r.a.do(actor, "GET", r.url(""), "")
	wantStatus(r.t, res, http.StatusOK)
	r.seen[actor] = decode[newsroom.Draft](r.t, res).Version
	r.steps = append(r.steps, fmt.Sprintf("%s opens v%d", actor, r.seen[actor]))
}

// body is the body at actor's version, for them to edit.
func (r *replay) body(actor string) string { return r.texts[r.seen[actor]].Body }

// saveOutcome is what a save must come to.
type saveOutcome int

const (
	saved      saveOutcome = iota // a save on the current version
	merged                        // a stale save merged
	conflicted                    // a stale save refused with its text kept
)

// save has actor save body on the version their page shows, and checks it came to want. A merge
// must come to wantBody; a conflict must keep body as an unmerged revision and change nothing.
func (r *replay) save(actor, body string, want saveOutcome, wantBody string) {
	r.t.Helper()
	base := r.seen[actor]
	r.steps = append(r.steps, fmt.Sprintf("%s saves on v%d: %q", actor, base, body))
	in, _ := json.Marshal(map[string]any{"body": body, "version": base})
	res := r.a.do(actor, "PUT", r.url(""), string(in))
	sent := newsroom.Text{Body: body}.Normalize().Body
	switch want {
	case saved, merged:
		if res.Code != http.StatusOK {
			r.failf("the save answered %d: %s", res.Code, res.Body.String())
		}
		d := decode[newsroom.Draft](r.t, res)
		if d.Version != r.current()+1 {
			r.failf("the save made version %d, want %d", d.Version, r.current()+1)
		}
		wantText := sent
		if want == merged {
			wantText = newsroom.Text{Body: wantBody}.Normalize().Body
		}
		if d.Body != wantText {
			r.failf("the save made\n%q\nwant\n%q", d.Body, wantText)
		}
		r.texts[d.Version] = d.Text()
		r.made[d.Version] = map[saveOutcome]string{saved: "saved", merged: "merged"}[want]
		if want == merged {
			r.with[d.Version] = r.current() - 1
		}
		r.seen[actor] = d.Version
	case conflicted:
		if res.Code != http.StatusConflict {
			r.failf("the save answered %d, want 409: %s", res.Code, res.Body.String())
		}
		e := decode[apiError](r.t, res).Error
		if e.Details["conflicts"] == nil {
			r.failf("the conflict shows no conflicts: %s", res.Body.String())
		}
		rid := int64(e.Details["unmerged_revision"].(float64))
		r.kept[actor] = rid
		kept := decode[newsroom.Revision](r.t, r.a.do(actor, "GET", r.url("/unmerged/%d", rid), ""))
		if kept.Text == nil || kept.Text.Body != sent {
			r.failf("the unmerged revision %d kept %+v, want the body sent, %q", rid, kept.Text, sent)
		}
	}
	r.verify()
}

// race has two people save at once, each body on the version their page shows, and checks the
// one saved second was merged with the first into wantBody.
func (r *replay) race(one, oneBody, two, twoBody, wantBody string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s and %s save at once on v%d and v%d", one, two, r.seen[one], r.seen[two]))
	actors, bodies := [2]string{one, two}, [2]string{oneBody, twoBody}
	var res [2]*httptest.ResponseRecorder
	var wg sync.WaitGroup
	for k := range actors {
		in, _ := json.Marshal(map[string]any{"body": bodies[k], "version": r.seen[actors[k]]})
		wg.Go(func() { res[k] = r.a.send(actors[k], "PUT", r.url(""), "application/json", string(in), nil) })
	}
	wg.Wait()
	var ds [2]newsroom.Draft
	for k := range res {
		if res[k].Code != http.StatusOK {
			r.failf("%s's save answered %d: %s", actors[k], res[k].Code, res[k].Body.String())
		}
		ds[k] = decode[newsroom.Draft](r.t, res[k])
	}
	if ds[0].Version > ds[1].Version {
		ds[0], ds[1], actors[0], actors[1], bodies[0] = ds[1], ds[0], actors[1], actors[0], bodies[1]
	}
	cur := r.current()
	if ds[0].Version != cur+1 || ds[1].Version != cur+2 || ds[0].Body != (newsroom.Text{Body: bodies[0]}).Normalize().Body {
		r.failf("the saves made version %d %q and %d, want %d as sent and %d", ds[0].Version, ds[0].Body, ds[1].Version, cur+1, cur+2)
	}
	if want := (newsroom.Text{Body: wantBody}).Normalize().Body; ds[1].Body != want {
		r.failf("the second save made\n%q\nwant\n%q", ds[1].Body, want)
	}
	r.texts[ds[0].Version], r.made[ds[0].Version] = ds[0].Text(), "saved"
	r.texts[ds[1].Version], r.made[ds[1].Version], r.with[ds[1].Version] = ds[1].Text(), "merged", ds[0].Version
	r.seen[actors[0]], r.seen[actors[1]] = ds[0].Version, ds[1].Version
	r.verify()
}

// settle has actor settle the conflicts of their save last refused, on its page, with a choice
// for each ("theirs", "mine"), and checks the draft then reads wantBody.
func (r *replay) settle(actor string, wantBody string, choices ...string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s settles their conflicts with %v", actor, choices))
	form := url.Values{"version": {strconv.Itoa(r.current())}, "conflicts": {strconv.Itoa(len(choices))}}
	for i, c := range choices {
		form.Set(fmt.Sprintf("choice-%d", i+1), c)
	}
	res := r.a.page(actor, "POST", fmt.Sprintf("/drafts/%d/unmerged/%d/merge", r.id, r.kept[actor]), form)
	if res.Code != http.StatusSeeOther {
		r.failf("settling answered %d: %s", res.Code, res.Body.String())
	}
	d := decode[newsroom.Draft](r.t, r.a.do(actor, "GET", r.url(""), ""))
	cur := r.current()
	if want := (newsroom.Text{Body: wantBody}).Normalize().Body; d.Version != cur+1 || d.Body != want {
		r.failf("settling made version %d %q, want %d %q", d.Version, d.Body, cur+1, want)
	}
	// The settled text is saved as any save on the version it crossed: the history lists it
	// as a plain save by whoever settled it.
	r.texts[d.Version], r.made[d.Version] = d.Text(), "saved"
	r.seen[actor] = d.Version
	r.verify()
}

// restore has actor bring back version v's body, as its page's history does: the old body saved
// on the version their page shows, which must come to want (and wantBody, for a merge).
func (r *replay) restore(actor string, v int, want saveOutcome, wantBody string) {
	r.t.Helper()
	res := r.a.do(actor, "GET", r.url("/revisions/%d", v), "")
	wantStatus(r.t, res, http.StatusOK)
	rev := decode[newsroom.Revision](r.t, res)
	r.save(actor, rev.Text.Body, want, wantBody)
}

// act takes a workflow action as actor.
func (r *replay) act(actor string, action newsroom.Action, note string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s takes %s", actor, action))
	in, _ := json.Marshal(map[string]any{"action": action, "note": note})
	res := r.a.do(actor, "POST", r.url("/transitions"), string(in))
	if res.Code != http.StatusOK {
		r.failf("%s answered %d: %s", action, res.Code, res.Body.String())
	}
	r.verify()
}

// publish has the editor publish the piece.
func (r *replay) publish() {
	r.t.Helper()
	r.steps = append(r.steps, "editor publishes")
	res := r.a.do("editor", "POST", r.url("/publish"), "")
	if res.Code != http.StatusOK {
		r.failf("publish answered %d: %s", res.Code, res.Body.String())
	}
	r.slug = decode[newsroom.Publication](r.t, res).Slug
	r.verify()
}

// correct has the editor correct the published piece with body, on the version their page
// shows, and checks it answers status: 201, or 409 when new quotes hold it, its text kept as the
// draft's next version all the same. A body the piece has already makes no version.
func (r *replay) correct(body string, status int) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("editor corrects on v%d: %q", r.seen["editor"], body))
	in, _ := json.Marshal(map[string]any{"body": body, "note": "The vote was on Tuesday.", "version": r.seen["editor"]})
	res := r.a.do("editor", "POST", "/api/v1/articles/"+r.slug+"/corrections", string(in))
	if res.Code != status {
		r.failf("the correction answered %d, want %d: %s", res.Code, status, res.Body.String())
	}
	d := decode[newsroom.Draft](r.t, r.a.do("editor", "GET", r.url(""), ""))
	want := (newsroom.Text{Body: body}).Normalize().Body
	if d.Body != want {
		r.failf("the correction left the body %q, want %q", d.Body, want)
	}
	if want != r.texts[r.current()].Body {
		if d.Version != r.current()+1 {
			r.failf("the correction made version %d, want %d", d.Version, r.current()+1)
		}
		r.texts[d.Version], r.made[d.Version] = d.Text(), "corrected"
	}
	r.seen["editor"] = d.Version
	r.verify()
}

// comment has actor comment on words, right after before in the body, and names the comment
// for the history's later steps.
func (r *replay) comment(actor, name, before, words string) {
	r.t.Helper()
	r.commentIn(actor, name, "body", before, words)
}

// commentIn has actor comment on words right after before in a field of the text.
func (r *replay) commentIn(actor, name, field, before, words string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s comments %s on %q after %q in the %s", actor, name, words, before, field))
	text, _ := r.texts[r.current()].Field(field)
	start, ok := place(text, before, words)
	if !ok {
		r.failf("the %s has no %q after %q", field, words, before)
	}
	end := start + utf8.RuneCountInString(words)
	in, _ := json.Marshal(newsroom.NewComment{Field: field, Start: &start, End: &end, Body: "Is this right?"})
	res := r.a.do(actor, "POST", r.url("/comments"), string(in))
	if res.Code != http.StatusCreated {
		r.failf("the comment answered %d: %s", res.Code, res.Body.String())
	}
	c := decode[newsroom.Comment](r.t, res)
	r.names[name] = c.ID
	r.marks[c.ID] = &mark{before: before, words: words}
	r.verify()
}

// expect says where comment name must be from now on: on words after before, or gone.
func (r *replay) expect(name, before, words string) {
	r.marks[r.names[name]] = &mark{before: before, words: words, gone: words == ""}
}

// thread resolves or reopens comment name as actor ("resolve" or "reopen").
func (r *replay) thread(actor, name, change string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s %ss %s", actor, change, name))
	res := r.a.do(actor, "POST", fmt.Sprintf("/api/v1/comments/%d/%s", r.names[name], change), "")
	if res.Code != http.StatusOK {
		r.failf("%s answered %d: %s", change, res.Code, res.Body.String())
	}
	r.verify()
}

// verifyQuote has actor verify the quotation words, right after before.
func (r *replay) verifyQuote(actor, before, words string) {
	r.t.Helper()
	r.steps = append(r.steps, fmt.Sprintf("%s verifies %q after %q", actor, words, before))
	start, _ := place(r.texts[r.current()].Body, before, words)
	qs := decode[[]newsroom.Quote](r.t, r.a.do(actor, "GET", r.url("/quotes"), ""))
	for _, q := range qs {
		if q.Field == "body" && q.Text == words && q.Start <= start && start <= q.End {
			res := r.a.do(actor, "PUT", r.url("/quotes/%d", q.ID), `{"status":"verified","source":"recording"}`)
			if res.Code != http.StatusOK {
				r.failf("the check answered %d: %s", res.Code, res.Body.String())
			}
			r.check[before+"\x00"+words] = &mark{before: before, words: words}
			r.verify()
			return
		}
	}
	r.failf("no ledger entry %q at %d in %+v", words, start, qs)
}

// verifyAll has the fact-checker verify every quote not yet checked, each where it is now.
func (r *replay) verifyAll() {
	r.t.Helper()
	qs := decode[[]newsroom.Quote](r.t, r.a.do("factchecker", "GET", r.url("/quotes"), ""))
	body := []rune(r.texts[r.current()].Body)
	for _, q := range qs {
		if q.Status != newsroom.QuoteUnchecked || q.Field != "body" {
			continue
		}
		in := string(body[q.Start:q.End])
		at := q.Start + utf8.RuneCountInString(in[:max(0, strings.Index(in, q.Text))])
		r.verifyQuote("factchecker", uniqueBefore(body, at), q.Text)
	}
}

// uniqueBefore is the shortest run of at least eight code points of body that ends at at and
// is there once.
func uniqueBefore(body []rune, at int) string {
	for n := min(8, at); ; n++ {
		if s := string(body[at-n : at]); n == at || strings.Count(string(body), s) == 1 {
			return s
		}
	}
}

// place finds words right after the first before in body, in code points.
func place(body, before, words string) (int, bool) {
	i := strings.Index(body, before+words)
	if i < 0 || strings.Count(body, before) != 1 {
		return 0, false
	}
	return utf8.RuneCountInString(body[:i+len(before)]), true
}

// failf stops the history with what it did so far.
func (r *replay) failf(format string, args ...any) {
	r.t.Helper()
	r.t.Fatalf("after\n  %s\n%s", strings.Join(r.steps, "\n  "), fmt.Sprintf(format, args...))
}

// verify checks what every history keeps true.
func (r *replay) verify() {
	r.t.Helper()
	cur := r.current()
	res := r.a.do("editor", "GET", r.url(""), "")
	wantStatus(r.t, res, http.StatusOK)
	if d := decode[newsroom.Draft](r.t, res); d.Version != cur || d.Body != r.texts[cur].Body {
		r.failf("the draft is at version %d with %q, want %d with %q", d.Version, d.Body, cur, r.texts[cur].Body)
	}
	r.verifyRevisions(cur)
	r.verifyHistory(cur)
	r.verifyComments(cur)
	if r.follow != nil {
		r.follow(cur)
	} else {
		r.verifyChecks(cur)
	}
	r.verifyPage(cur)
}

// verifyRevisions reads every revision back, and the diff from each to the next and to the
// last, and checks each against the texts as saved.
func (r *replay) verifyRevisions(cur int) {
	r.t.Helper()
	for v := 1; v <= cur; v++ {
		res := r.a.do("editor", "GET", r.url("/revisions/%d", v), "")
		wantStatus(r.t, res, http.StatusOK)
		got := decode[newsroom.Revision](r.t, res)
		if got.Text == nil || !sameText(*got.Text, r.texts[v]) {
			r.failf("revision %d reads back as %+v, want %+v", v, got.Text, r.texts[v])
		}
		for _, to := range []int{v + 1, cur} {
			if to > cur || to == v {
				continue
			}
			r.verifyDiff(v, to)
		}
	}
}

// sameText reports whether two texts are the same, field by field.
func sameText(a, b newsroom.Text) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// verifyDiff checks that the diff from one version to another is their two texts: its equal and
// deleted runs make the first, its equal and inserted runs the second.
func (r *replay) verifyDiff(from, to int) {
	r.t.Helper()
	res := r.a.do("editor", "GET", r.url("/diff?from=%d&to=%d", from, to), "")
	wantStatus(r.t, res, http.StatusOK)
	d := decode[newsroom.Diff](r.t, res)
	var old, new strings.Builder
	for _, c := range d.Fields["body"] {
		switch c.Op {
		case "equal":
			old.WriteString(c.Text)
			new.WriteString(c.Text)
		case "delete":
			old.WriteString(c.Text)
		case "insert":
			new.WriteString(c.Text)
		default:
			r.failf("diff %d→%d has a chunk %q", from, to, c.Op)
		}
	}
	if r.texts[from].Body != r.texts[to].Body && d.Fields["body"] == nil {
		r.failf("diff %d→%d says the body did not change", from, to)
	}
	if d.Fields["body"] != nil && (old.String() != r.texts[from].Body || new.String() != r.texts[to].Body) {
		r.failf("diff %d→%d makes\n%q → %q\nwant\n%q → %q", from, to, old.String(), new.String(), r.texts[from].Body, r.texts[to].Body)
	}
}

// verifyHistory checks the history lists every version once, merged ones said so.
func (r *replay) verifyHistory(cur int) {
	r.t.Helper()
	res := r.a.do("editor", "GET", r.url("/history?limit=100"), "")
	wantStatus(r.t, res, http.StatusOK)
	h := decode[newsroom.History](r.t, res)
	seen := map[int]bool{}
	for _, rev := range h.Revisions {
		if rev.Unmerged {
			continue
		}
		if seen[rev.Version] {
			r.failf("the history lists version %d twice", rev.Version)
		}
		seen[rev.Version] = true
		if rev.Merged != (r.made[rev.Version] == "merged") || rev.MergedWith != r.with[rev.Version] {
			r.failf("the history says version %d merged=%v with %d; it was %s with %d", rev.Version, rev.Merged, rev.MergedWith, r.made[rev.Version], r.with[rev.Version])
		}
	}
	if len(seen) != cur {
		r.failf("the history lists %d versions, want %d", len(seen), cur)
	}
}

// verifyComments checks every comment: one not detached is on words that read as its anchor
// says, and each is where the history says it must be.
func (r *replay) verifyComments(cur int) {
	r.t.Helper()
	res := r.a.do("editor", "GET", r.url("/comments"), "")
	wantStatus(r.t, res, http.StatusOK)
	for _, c := range decode[[]newsroom.Comment](r.t, res) {
		body, err := r.texts[cur].Field(c.Field)
		if err != nil {
			r.failf("comment %d is on a field %q: %v", c.ID, c.Field, err)
		}
		runes := []rune(body)
		if c.Resolved {
			// A resolved comment keeps the place it was resolved at, in the version it names.
			then, err := r.texts[c.Anchor.Version].Field(c.Field)
			if a := []rune(then); err != nil || !c.Detached && (c.Anchor.End > len(a) || string(a[c.Anchor.Start:c.Anchor.End]) != c.Anchor.Exact) {
				r.failf("resolved comment %d says it is on %q at [%d,%d) of version %d, %q", c.ID, c.Anchor.Exact, c.Anchor.Start, c.Anchor.End, c.Anchor.Version, then)
			}
			continue
		}
		want := r.marks[c.ID]
		if c.Detached {
			if want != nil && !want.gone {
				r.failf("comment %d on %q was detached; its words are still after %q in %q", c.ID, want.words, want.before, body)
			}
			continue
		}
		a := c.Anchor
		if a.Start < 0 || a.End > len(runes) || a.Start > a.End || string(runes[a.Start:a.End]) != a.Exact {
			r.failf("comment %d says it is on %q at [%d,%d) of %q", c.ID, a.Exact, a.Start, a.End, body)
		}
		if want == nil {
			continue
		}
		if want.gone {
			r.failf("comment %d is on %q at %d of %q; its words are gone", c.ID, a.Exact, a.Start, body)
		}
		at, ok := place(body, want.before, want.words)
		if !ok || a.Start != at || a.Exact != want.words {
			r.failf("comment %d is on %q at %d of %q, want %q after %q (at %d)", c.ID, a.Exact, a.Start, body, want.words, want.before, at)
		}
	}
}

// verifyChecks checks every quote checked in the ledger is a quotation the fact-checker checked,
// where the history says it is now.
func (r *replay) verifyChecks(cur int) {
	r.t.Helper()
	body := r.texts[cur].Body
	res := r.a.do("editor", "GET", r.url("/quotes"), "")
	wantStatus(r.t, res, http.StatusOK)
	for _, q := range decode[[]newsroom.Quote](r.t, res) {
		if q.Status == newsroom.QuoteUnchecked || q.Field != "body" {
			continue
		}
		ok := false
		for _, m := range r.check {
			at, found := place(body, m.before, m.words)
			ok = ok || !m.gone && found && m.words == q.Text && at >= q.Start && at <= q.End
		}
		if !ok {
			r.failf("quote %d %q at [%d,%d) of %q is %s, but no quotation checked is there", q.ID, q.Text, q.Start, q.End, body, q.Status)
		}
	}
}

// expectCheck says where the check made on words after before must be from now on: on words
// after nowBefore, or reset (nowWords "").
func (r *replay) expectCheck(before, words, nowBefore, nowWords string) {
	r.check[before+"\x00"+words] = &mark{before: nowBefore, words: nowWords, gone: nowWords == ""}
}

var (
	pageDiff      = regexp.MustCompile(`<h3>body</h3><p class="diff-text" dir="auto">((?s).*?)</p>`)
	pageRevisions = regexp.MustCompile(`<li>version (\d+)(?:, merged with version (\d+))? by`)
	pageTag       = regexp.MustCompile(`<(ins|del)>((?s).*?)</(?:ins|del)>`)
)

// pageHistory is how many revisions the draft page lists at a time.
const pageHistory = 20

// verifyPage checks the draft page as an editor sees it: the diff from the first version to
// the last is the two bodies, and its history lists the versions as they were made.
func (r *replay) verifyPage(cur int) {
	r.t.Helper()
	res := r.a.page("editor", "GET", fmt.Sprintf("/drafts/%d?from=1&to=%d", r.id, cur), nil)
	wantStatus(r.t, res, http.StatusOK)
	page := res.Body.String()
	if cur > 1 && r.texts[1].Body != r.texts[cur].Body {
		m := pageDiff.FindStringSubmatch(page)
		if m == nil {
			r.failf("the page shows no diff of the body from 1 to %d", cur)
		}
		side := func(drop string) string {
			return html.UnescapeString(pageTag.ReplaceAllStringFunc(m[1], func(tag string) string {
				t := pageTag.FindStringSubmatch(tag)
				if t[1] == drop {
					return ""
				}
				return t[2]
			}))
		}
		if side("ins") != r.texts[1].Body || side("del") != r.texts[cur].Body {
			r.failf("the page's diff from 1 to %d reads\n%q → %q\nwant\n%q → %q", cur, side("ins"), side("del"), r.texts[1].Body, r.texts[cur].Body)
		}
	}
	listed := 0
	for _, m := range pageRevisions.FindAllStringSubmatch(page, -1) {
		v, _ := strconv.Atoi(m[1])
		with, _ := strconv.Atoi(m[2])
		if (m[2] != "") != (r.made[v] == "merged") || with != r.with[v] {
			r.failf("the page lists version %d as merged with %q; it was %s with %d", v, m[2], r.made[v], r.with[v])
		}
		listed++
	}
	if listed != min(cur, pageHistory) {
		r.failf("the page lists %d versions, want %d", listed, min(cur, pageHistory))
	}
}
