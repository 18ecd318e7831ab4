package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// reanchoring is where the open comments of a draft go when its text changes from old to text,
// worked out on a read before the write transaction. Finding a comment's words again is bounded
// but can take tens of milliseconds on a long body with many comments, and on SQLite every
// other writer would wait that long behind the single writer; the transaction only checks that
// nothing the plan was made from has changed, and writes.
type reanchoring struct {
	old, text newsroom.Text
	found     map[int64]foundAnchor
}

// foundAnchor is one comment's new anchor and the field and selector it was found from.
type foundAnchor struct {
	field string
	sel   anchor.Selector
	res   anchor.Result
}

// planAnchors works out, reading from db, where the open comments of draft id go when its text
// changes from old, its text at back.version, to text, whose packed checksum is sum; nil when
// they cannot be read. A save that brings back an earlier version carries them back through each
// version since (see carryBack).
func planAnchors(db *gorm.DB, id int64, old, text newsroom.Text, sum uint32, back versionsBack) *reanchoring {
	rows, err := openAnchors(db, id, 0)
	if err != nil {
		return nil
	}
	results, err := locateComments(rows, old, text)
	if err != nil {
		return nil
	}
	if err := carryBack(db, id, sum, back, rows, old, text, results); err != nil {
		return nil
	}
	plan := &reanchoring{old: old, text: text, found: make(map[int64]foundAnchor, len(rows))}
	for i, r := range rows {
		plan.found[r.ID] = foundAnchor{field: r.Field, sel: selectorOf(r), res: results[i]}
	}
	return plan
}

// madeFrom reports whether p was made for the change from old to text.
func (p *reanchoring) madeFrom(old, text newsroom.Text) bool {
	return p != nil && sameFields(p.old, old) && sameFields(p.text, text)
}

// result returns the planned anchor of comment r, if the plan was made from the selector r
// still has.
func (p *reanchoring) result(r anchorRow) (anchor.Result, bool) {
	if p == nil {
		return anchor.Result{}, false
	}
	f, ok := p.found[r.ID]
	return f.res, ok && f.field == r.Field && f.sel == selectorOf(r)
}

// sameFields reports whether a and b read the same in every field a comment can be on.
func sameFields(a, b newsroom.Text) bool {
	for _, name := range newsroom.CommentFields {
		x, _ := a.Field(name)
		y, _ := b.Field(name)
		if x != y {
			return false
		}
	}
	return true
}

// reanchor moves every open, attached comment of a draft onto its words in the new text, inside
// the revision's transaction, taking each comment's anchor from plan when the plan holds it and
// finding the others, which were made or changed since the plan was read, now, by the one diff:
// carrying them back through a restore's versions (see carryBack) would hold SQLite's single
// writer for as long as that takes. A comment whose words are gone is detached and keeps its
// original words for display.
func reanchor(tx *gorm.DB, draftID int64, version int, old, text newsroom.Text, plan *reanchoring) error {
	if !plan.madeFrom(old, text) {
		plan = nil
	}
	expect := 0
	if plan != nil {
		expect = len(plan.found)
	}
	rows, err := openAnchors(tx, draftID, expect)
	if err != nil {
		return err
	}
	var late []anchorRow
	for _, r := range rows {
		res, ok := plan.result(r)
		if !ok {
			late = append(late, r)
			continue
		}
		if err := saveAnchor(tx, r, res, version); err != nil {
			return err
		}
	}
	results, err := locateComments(late, old, text)
	if err != nil {
		return err
	}
	for i, r := range late {
		if err := saveAnchor(tx, r, results[i], version); err != nil {
			return err
		}
	}
	return nil
}

// reopening is where a resolved comment goes when it is reopened (see catchUp), worked out on a
// read before the write transaction: rebuilding the version it was last anchored at and the
// diff from that text to the draft's take a good part of a second on a long body edited all
// over, which every other writer would wait for behind SQLite's single writer.
type reopening struct {
	// version is the draft's version the plan was made at, and from the comment as it read it.
	version int
	from    commentRow
	res     anchor.Result
}

// planReopen works out, on a read outside any transaction, where comment id goes when u reopens
// it. It returns nil when there is nothing to work out (the comment is open, detached, or anchored at
// the draft's version), when u may not reopen it, or when the comment or its draft cannot be read:
// the transaction then meets the same refusal or error again, or works the anchor out itself.
// The permission is checked here as well as in the transaction so that a refused reopening
// costs no rebuilt revision and no diff.
func (s *Store) planReopen(ctx context.Context, u *newsroom.User, id int64) *reopening {
	db := s.read(ctx)
	var r commentRow
	if err := db.Where("id = ?", id).Take(&r).Error; err != nil {
		return nil
	}
	cur := s.planDraft(db, u, r.DraftID)
	if cur == nil || !s.policy.CanResolve(u, cur.Writer.ID, r.AuthorID) {
		return nil
	}
	if r.ResolvedAt == nil || r.Status == anchor.Detached.String() || r.AnchoredVersion == cur.Version {
		return nil
	}
	res, err := carry(db, r, cur.Text(), cur.Version)
	if err != nil {
		return nil
	}
	return &reopening{version: cur.Version, from: r, res: res}
}

// holds reports whether p was made for comment r on the draft at version: neither the draft's
// text (which changes only with its version) nor the comment's anchor changed since.
func (p *reopening) holds(r commentRow, version int) bool {
	return p != nil && p.version == version && p.from.Field == r.Field && selectorOf(anchorOf(p.from)) == selectorOf(anchorOf(r)) &&
		p.from.Status == r.Status && p.from.AnchoredVersion == r.AnchoredVersion
}

// catchUp moves comment r, being reopened, from its words in the version it was last anchored
// at onto them in the draft's text now. Saves move only open comments (see reanchor), so a
// resolved one keeps offsets, words and context of that version, and its offsets are other
// words now: the diff from that version's text to the draft's carries it, as the saves since
// would have, and detaches it when its words are gone. It takes the anchor from plan when the
// plan still holds; otherwise it declines with errPlanGone, for the reopening to be planned
// again on a new read, unless this is the last plan (last): then it works the anchor out here,
// by the one direct diff (see carryDirect), since carrying it through each version would hold
// SQLite's single writer for as long as that takes.
func catchUp(tx *gorm.DB, v *draftView, r commentRow, plan *reopening, last bool) error {
	if r.Status == anchor.Detached.String() || r.AnchoredVersion == v.Row.Version {
		return nil
	}
	if plan.holds(r, v.Row.Version) {
		return saveAnchor(tx, anchorOf(r), plan.res, v.Row.Version)
	}
	if !last {
		return errPlanGone
	}
	then, err := numberedRevision(tx, r.DraftID, r.AnchoredVersion)
	if err != nil {
		return err
	}
	res, err := carryDirect(r, *then.Text, v.draft().Text())
	if err != nil {
		return err
	}
	return saveAnchor(tx, anchorOf(r), res, v.Row.Version)
}

// carry finds comment r, anchored at an earlier version of its draft, in text, the draft's now
// at version. It carries it through the versions since, as the saves would have carried it had
// it been open: one diff from that version straight to text can pair its words with a copy of
// them that a save in between pasted, when a later save edited the words around the comment's
// own, and so move it onto the copy. It goes along the fewest saves (see versionPath), so
// that a version that restored an earlier one is reached from that one without the restore's
// own diff, which can pair the words with a copy as the one diff does. The steps together are
// paid from one re-anchoring's budget, w. It gives way to the one direct diff (see carryDirect)
// past maxCarrySteps versions, since each step rebuilds a revision; when w cannot pay for a
// step in full, which a long body edited all over comes to after a few; and, when a step in
// between detaches the comment, to the one diff as carryPastCut checks it, unless that step undid
// a save that copied the comment's words from the text it was saved on (see holdsWithContext):
// the comment is detached.
func carry(db *gorm.DB, r commentRow, text newsroom.Text, version int) (anchor.Result, error) {
	then, err := numberedRevision(db, r.DraftID, r.AnchoredVersion)
	if err != nil {
		return anchor.Result{}, err
	}
	if version-r.AnchoredVersion > maxCarrySteps {
		return carryDirect(r, *then.Text, text)
	}
	back, err := readVersionsBack(db, r.DraftID, version)
	if err != nil {
		return anchor.Result{}, err
	}
	var path []int
	if sum, ok := back.sums[version]; ok {
		path = versionPath(back.sums, back.lo, version, r.AnchoredVersion, sum)
	}
	if path == nil {
		for v := r.AnchoredVersion; v <= version; v++ {
			path = append(path, v)
		}
	}
	texts, undo, ok, err := textsAlong(db, r.DraftID, path, map[int]newsroom.Text{r.AnchoredVersion: *then.Text, path[len(path)-1]: text})
	if err != nil {
		return anchor.Result{}, err
	}
	if !ok || !sameFields(texts[len(texts)-1], text) {
		return carryDirect(r, *then.Text, text)
	}
	w, at := anchor.NewWork(), r
	res := anchor.Result{Start: r.StartPos, End: r.EndPos, Exact: r.Exact, Status: anchor.Exact, Next: selectorOf(anchorOf(r))} // a text restored
	for s := 1; s < len(texts); s++ {
		results, err := stepIn(w, r.Field, []anchorRow{anchorOf(at)}, texts[s-1], texts[s], undo[s])
		if err != nil {
			return anchor.Result{}, err
		}
		res = results[0]
		if w.Short() {
			return carryDirect(r, *then.Text, text)
		}
		if res.Status == anchor.Detached && undo[s] && holdsWithContext(texts[s], anchorOf(at)) {
			return anchor.Result{Start: r.StartPos, End: r.EndPos, Exact: r.Exact, Status: anchor.Detached}, nil
		}
		if res.Status == anchor.Detached {
			return carryPastCut(w, r, *then.Text, texts[s:], undo[s:])
		}
		at.Exact, at.Prefix, at.Suffix, at.StartPos, at.EndPos = res.Next.Exact, res.Next.Prefix, res.Next.Suffix, res.Next.Start, res.Next.End
	}
	// Its words are moved when they are not those it was resolved on, whichever step changed
	// them.
	if res.Status == anchor.Exact && res.Exact != r.Exact {
		res.Status = anchor.Moved
	}
	return res, nil
}

// carryPastCut finds comment r, anchored at the version whose text is then, in the last of
// texts, the versions from the first, which lacks its words, to the draft's now, when a step of
// carry lost them: by the one diff from then, since words cut in one save and typed back in a
// later one stand again where they stood, but not onto words that were already there in the
// version that lacked its own. The words the one diff puts it on are carried back through texts
// to that version, paid from carry's budget, w; still there, they are a twin's, and the comment
// is detached. undo says which steps of texts undo a save (see textsAlong), the first the step
// that cut the words: words lost going back over a step of the other direction are a copy, and
// the comment is detached too (see typedBack).
func carryPastCut(w *anchor.Work, r commentRow, then newsroom.Text, texts []newsroom.Text, undo []bool) (anchor.Result, error) {
	direct, err := carryDirect(r, then, texts[len(texts)-1])
	if err != nil || direct.Status == anchor.Detached {
		return direct, err
	}
	at := r
	at.Exact, at.Prefix, at.Suffix, at.StartPos, at.EndPos = direct.Next.Exact, direct.Next.Prefix, direct.Next.Suffix, direct.Next.Start, direct.Next.End
	detached := anchor.Result{Start: r.StartPos, End: r.EndPos, Exact: r.Exact, Status: anchor.Detached}
	for s := len(texts) - 1; s > 0; s-- {
		results, err := stepIn(w, r.Field, []anchorRow{anchorOf(at)}, texts[s], texts[s-1], !undo[s])
		if err != nil {
			return anchor.Result{}, err
		}
		res := results[0]
		if w.Short() {
			return direct, nil
		}
		if res.Status == anchor.Detached {
			if typedBack(undo[0], undo[s]) || !copyElsewhere(anchorOf(r), then, texts[len(texts)-1]) {
				return direct, nil
			}
			return detached, nil
		}
		at.Exact, at.Prefix, at.Suffix, at.StartPos, at.EndPos = res.Next.Exact, res.Next.Prefix, res.Next.Suffix, res.Next.Start, res.Next.End
	}
	return detached, nil
}

// holdsWithContext reports whether text, the one before the save that typed the words of comment
// r, already holds them with the context they have in the save's: the save copied them, as a
// paste of the piece after itself does, rather than typed them back where a save had cut them.
func holdsWithContext(text newsroom.Text, r anchorRow) bool {
	body, err := text.Field(r.Field)
	return err == nil && strings.Contains(body, r.Prefix+r.Exact+r.Suffix)
}

// typedBack reports whether the words a walk (see textsAlong) found for a comment whose own a
// step cut, lost carrying them back over a later step, are its words typed back: whether the
// two steps go the same way, cut is whether the step that cut the comment's words undid a save
// and lost whether the step the place was lost over did. Both redoing saves, the walk goes
// forward through a save that cut the words and then one that typed them again; both undoing,
// back through the save that typed the comment's words and then the one that had cut the
// words now found. One each way, the walk goes back over the save that typed the comment's
// words and forward over another that typed a copy of them, such as an earlier paste: the
// words are that copy.
func typedBack(cut, lost bool) bool { return cut == lost }

// copyElsewhere reports whether the one diff from old to text may have put comment r, made on
// old, on a copy of its words rather than on them, when a walk (see textsAlong) found them typed
// by another save than the one that typed the comment's (see typedBack): a text that equals an
// earlier version may as well be a save that only edited elsewhere. It may not when text holds
// the words once, nor when the one diff leaves them where they are, with their context (see
// anchor.Untouched).
func copyElsewhere(r anchorRow, old, text newsroom.Text) bool {
	before, err := old.Field(r.Field)
	if err != nil {
		return true
	}
	after, err := text.Field(r.Field)
	if err != nil {
		return true
	}
	return strings.Count(after, r.Exact) > 1 && !anchor.Untouched(before, after, r.StartPos, r.EndPos)
}

// stepIn carries the comments of rows, all on field and made on the text from, to the text to,
// one step of a walk along a draft's versions (see textsAlong), paying from w. A step that undoes
// a save (undo) is checked against that save's own diff (see anchor.Work.Undone): a comment on
// words the save typed is detached, though the diff backwards pairs them with a copy the save
// kept.
func stepIn(w *anchor.Work, field string, rows []anchorRow, from, to newsroom.Text, undo bool) ([]anchor.Result, error) {
	results, err := locateIn(w, field, rows, from, to)
	if err != nil || !undo {
		return results, err
	}
	later, err := from.Field(field)
	if err != nil {
		return nil, err
	}
	earlier, err := to.Field(field)
	if err != nil {
		return nil, err
	}
	sels := make([]anchor.Selector, len(rows))
	for k, r := range rows {
		sels[k] = selectorOf(r)
	}
	w.Undone(earlier, later, sels, results)
	return results, nil
}

// carryDirect finds comment r, anchored at the version whose text is then, in text by the one
// diff between them, on a budget of its own.
func carryDirect(r commentRow, then, text newsroom.Text) (anchor.Result, error) {
	return locateOne(anchor.NewWork(), r, then, text)
}

// locateOne finds comment r, made on the text old, in text, paying from w.
func locateOne(w *anchor.Work, r commentRow, old, text newsroom.Text) (anchor.Result, error) {
	results, err := locateIn(w, r.Field, []anchorRow{anchorOf(r)}, old, text)
	if err != nil {
		return anchor.Result{}, err
	}
	return results[0], nil
}

// versionsBack is the packed checksums of a draft's versions from maxCarrySteps before version
// up to it, lo to version: what a save that may bring one of them back walks along, its
// comments (see carryBack) and its quotations (see walkLedger), read once for both.
type versionsBack struct {
	lo, version int
	sums        map[int]int64
}

// readVersionsBack reads the versionsBack of draft id at version.
func readVersionsBack(db *gorm.DB, id int64, version int) (versionsBack, error) {
	lo := max(1, version-maxCarrySteps)
	sums, err := versionSums(db, id, lo, version)
	return versionsBack{lo: lo, version: version, sums: sums}, err
}

// versionSumsSQL reads the packed checksums of a draft's versions in a range as one text,
// "version:sum" for each version joined by commas, in no order: stepping through a row a
// version and scanning it cost a save more than SQLite takes to join them. %s is the
// database's aggregate that joins texts.
const versionSumsSQL = "SELECT %s(version || ':' || packed_sum, ',') FROM revisions WHERE draft_id = ? AND version >= ? AND version <= ? AND packed_sum IS NOT NULL"

// versionSumsQuery is versionSumsSQL on SQLite (false) and on PostgreSQL (true).
var versionSumsQuery = map[bool]string{false: fmt.Sprintf(versionSumsSQL, "group_concat"), true: fmt.Sprintf(versionSumsSQL, "string_agg")}

// carryBack carries the comments of rows on draft id, which results places by the one diff from
// old, its text at back.version, to text, through the versions before it instead, when text is
// one of the maxCarrySteps versions before it: a save that restores an earlier version, found by its
// packed checksum, sum. The one diff can pair a comment's words with a copy of them that a save
// in between pasted, once later saves edited the copy the comment is on, and so put it on the
// twin. The versions' own saves carried the comment faithfully: it goes from version to the
// restored one along the fewest of them (see versionPath), undoing a save by the diff from its
// text to the one before, redoing one by the diff from the one before, and crossing from a
// version to an earlier one with the same text, which is what restoring it made, without a diff.
// The steps of a field's comments are paid from one re-anchoring's budget. A comment a step
// detaches is detached: its words are not in the version that step comes to, so not in the one
// restored, whatever copy of them the one diff pairs it with. Every comment of the field keeps
// its place by the one diff when the budget cannot pay for the steps in full.
func carryBack(db *gorm.DB, id int64, sum uint32, back versionsBack, rows []anchorRow, old, text newsroom.Text, results []anchor.Result) error {
	if len(rows) == 0 {
		return nil
	}
	version, sums := back.version, back.sums
	path := versionPath(sums, back.lo, version, version, int64(sum))
	if n := diffSteps(path, sums); n < 2 {
		// Nothing restored, or restored by one diff from a text like old to one like text,
		// crossings aside: the one diff itself. A save that undoes the last, or toggles
		// between two texts, as an undo and a redo do, pays for no walk, but the one diff
		// undoing a save is checked against it (see anchor.Work.Undone).
		if n == 1 && undoesSave(path, sums) {
			return undoneBy(rows, old, text, results)
		}
		return nil
	}
	texts, undo, ok, err := textsAlong(db, id, path, map[int]newsroom.Text{version: old})
	if err != nil || !ok {
		return err
	}
	if !sameFields(texts[len(texts)-1], text) {
		return nil // another text with the same checksum
	}
	if len(texts) < 2 {
		return nil // the fields the comments are on did not change on the way: the one diff holds
	}
	byField := map[string][]int{}
	for i, r := range rows {
		byField[r.Field] = append(byField[r.Field], i)
	}
	for field, idx := range byField {
		w, at := anchor.NewWork(), make([]anchorRow, len(idx))
		for k, i := range idx {
			at[k] = rows[i]
		}
		steps := make([]anchor.Result, len(idx))
		gone := map[int]anchor.Result{} // the comments a step detached, by their index in rows
		cut := map[int]int{}            // the step that detached each of gone
		copied := map[int]bool{}        // those of gone whose words the save that typed them copied
		for s := 1; s < len(texts) && len(at) > 0; s++ {
			res, err := stepIn(w, field, at, texts[s-1], texts[s], undo[s])
			if err != nil {
				return err
			}
			if w.Short() {
				break
			}
			// The comments a step detaches leave the walk: their words are not in the version it
			// comes to, and so not in the one restored, whatever the one diff pairs them with.
			n := 0
			for k, r := range res {
				if r.Status == anchor.Detached {
					gone[idx[k]] = r
					cut[idx[k]] = s
					copied[idx[k]] = undo[s] && holdsWithContext(texts[s], at[k])
					continue
				}
				c := at[k]
				c.Exact, c.Prefix, c.Suffix, c.StartPos, c.EndPos = r.Next.Exact, r.Next.Prefix, r.Next.Suffix, r.Next.Start, r.Next.End
				at[n], idx[n], steps[n] = c, idx[k], r
				n++
			}
			at, idx, steps = at[:n], idx[:n], steps[:n]
		}
		if w.Short() {
			continue
		}
		for k, i := range idx {
			res := steps[k]
			// Its words are moved when they are not those it was on, whichever step changed them.
			if res.Status == anchor.Exact && res.Exact != rows[i].Exact {
				res.Status = anchor.Moved
			}
			results[i] = res
		}
		// A comment a step detached keeps the one diff's place when its words were typed back
		// after the cut: carried back from the text restored to the version that lacked them,
		// that place is lost on the way. When it is still found there, it is a copy of the
		// words the cut took, and when lost over a step going the other way than the cut, a
		// copy a save typed (see typedBack): the comment is detached. So it is, when the text
		// has copies of its words (see copyElsewhere), when the place is lost undoing the save
		// that typed it, which may have pasted a copy of the comment's words as well as typed
		// them back, and when the cut and every step after it undo a save (back): the text
		// restored is then older than the version that lacked its words, and a save on the way
		// back that moved and edited the words the one diff pairs it with, such as the
		// paragraph a paste copied, loses them as it would lose words typed back. No walk tells
		// those apart, and a comment wrongly detached shows it, where one moved does not. Nor
		// does any walk tell words typed back from a copy when the save whose undoing detached
		// the comment typed its words where the text it was saved on held them already, with
		// the context they have: a paste's copy, whatever look-alike an older save cut and typed
		// back. That comment is detached too (see holdsWithContext).
		for i, r := range gone {
			direct := results[i]
			if direct.Status == anchor.Detached || copied[i] {
				results[i] = r
				continue
			}
			a := rows[i]
			a.Exact, a.Prefix, a.Suffix, a.StartPos, a.EndPos = direct.Next.Exact, direct.Next.Prefix, direct.Next.Suffix, direct.Next.Start, direct.Next.End
			twin := true
			for t := len(texts) - 1; t > cut[i]; t-- {
				res, err := stepIn(w, field, []anchorRow{a}, texts[t], texts[t-1], !undo[t])
				if err != nil {
					return err
				}
				if w.Short() {
					twin = false
					break
				}
				if res[0].Status == anchor.Detached {
					back := !slices.Contains(undo[cut[i]:], false)
					twin = (back || !undo[t] || !typedBack(undo[cut[i]], undo[t])) && copyElsewhere(rows[i], old, text)
					break
				}
				a.Exact, a.Prefix, a.Suffix, a.StartPos, a.EndPos = res[0].Next.Exact, res[0].Next.Prefix, res[0].Next.Suffix, res[0].Next.Start, res[0].Next.End
			}
			if twin {
				results[i] = r
			}
		}
	}
	return nil
}

// versionSums reads the packed checksums of draft id's versions from lo to hi, of those that
// have one.
func versionSums(db *gorm.DB, id int64, lo, hi int) (map[int]int64, error) {
	var joined sql.NullString
	rows, err := queryRaw(db, versionSumsQuery[db.Dialector.Name() == "postgres"], id, lo, hi)
	if err := (preparedRow{rows, err}).Scan(&joined); err != nil {
		return nil, err
	}
	sums := make(map[int]int64, hi-lo+1)
	for pair := range strings.SplitSeq(joined.String, ",") {
		if pair == "" {
			continue
		}
		v, sum, ok := strings.Cut(pair, ":")
		version, verr := strconv.Atoi(v)
		n, serr := strconv.ParseInt(sum, 10, 64)
		if !ok || verr != nil || serr != nil {
			return nil, fmt.Errorf("read the checksums of draft %d's versions: %q is not a version and its sum", id, pair)
		}
		sums[version] = n
	}
	return sums, nil
}

// textsAlong returns the texts of draft id's versions along path (see versionPath), rebuilt but
// for those known, leaving out each that reads as the one before it: the texts a comment is
// carried through, each by the diff from the one before. undo says, for each text after the
// first, whether the step to it undoes a save, going to the version before, rather than redoing
// one. It reports false when the path crosses between two versions without a save whose texts
// differ (two texts with one checksum).
func textsAlong(db *gorm.DB, id int64, path []int, known map[int]newsroom.Text) (texts []newsroom.Text, undo []bool, ok bool, err error) {
	text := func(v int) (newsroom.Text, error) {
		if t, ok := known[v]; ok {
			return t, nil
		}
		rev, err := numberedRevision(db, id, v)
		if err != nil {
			return newsroom.Text{}, err
		}
		return *rev.Text, nil
	}
	first, err := text(path[0])
	if err != nil {
		return nil, nil, false, err
	}
	texts, undo = []newsroom.Text{first}, []bool{false}
	for k, v := range path[1:] {
		t, err := text(v)
		if err != nil {
			return nil, nil, false, err
		}
		switch {
		case sameFields(t, texts[len(texts)-1]):
		case v == path[k]-1 || v == path[k]+1:
			texts, undo = append(texts, t), append(undo, v < path[k])
		default:
			return nil, nil, false, nil
		}
	}
	return texts, undo, true, nil
}

// versionPath is the way from version from to the nearest other version from lo to hi with the
// words of the text whose checksum is sum, by the fewest saves: a step to the version before or
// after costs one, and a step to another version of the same words (see lineage) none. The save
// that made a restoring version is no step: its diff is the one a restore cannot trust, and the
// version is its earlier twin's words. sums holds the checksums of the versions from lo to hi
// that have one; sum is hi's, or that of the text saved on hi. It returns the versions the way
// passes, from first, or nil when no other version has those words.
func versionPath(sums map[int]int64, lo, hi, from int, sum int64) []int {
	at, ok := sums[hi]
	saved := !ok || at != sum // sum is that of a text saved on hi, version hi+1
	ln := newLineage(sums, lo, hi, sum, saved)
	last := hi
	if saved {
		last = hi + 1
	}
	target := ln.root(last)
	if target < 0 || saved && target == last {
		return nil
	}
	const unseen = -1
	cost, prev := make([]int, hi-lo+1), make([]int, hi-lo+1)
	for i := range cost {
		cost[i], prev[i] = unseen, unseen
	}
	cost[from-lo] = 0
	restored := func(v int) bool { r := ln.root(v); return r >= 0 && r != v }
	// A 0-1 breadth-first search: a step of no cost goes to the front of the queue.
	queue := []int{from}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if ln.root(v) == target && v != from {
			var path []int
			for at := v; at != unseen; at = prev[at-lo] {
				path = append(path, at)
			}
			slices.Reverse(path)
			return path
		}
		step := func(to, c int) {
			if to < lo || to > hi || cost[to-lo] != unseen && cost[to-lo] <= cost[v-lo]+c {
				return
			}
			cost[to-lo], prev[to-lo] = cost[v-lo]+c, v
			if c == 0 {
				queue = append([]int{to}, queue...)
			} else {
				queue = append(queue, to)
			}
		}
		if r := ln.root(v); r >= 0 {
			for _, u := range ln.bySum[ln.sum(v)] {
				if ln.root(u) == r && u != v {
					step(u, 0)
				}
			}
		}
		if !restored(v) {
			step(v-1, 1)
		}
		if !restored(v + 1) {
			step(v+1, 1)
		}
	}
	return nil
}

// lineage groups the versions from lo on by their words: roots holds, for each, the first
// version of its group, or -1 for a version without a checksum. A version whose text no version
// before it had starts a group. One whose text an earlier version had restored that one, and
// joins the latest such version's group, unless it was saved on the text that the first
// version of a group with its text was saved on: then its save repeated that one's edit, which
// no text can tell from a redo, and the words that edit typed, a paste or a sentence, may as
// well be new. It starts a group of its own, so that a comment on those words is carried back
// through the save that typed them, and detached there, rather than put on the earlier edit's
// words, which are no more its own than a twin elsewhere: a comment wrongly detached shows it,
// one moved does not.
type lineage struct {
	sums   map[int]int64
	lo, hi int // the versions sums holds, from lo to hi
	saved  int64
	roots  []int
	bySum  map[int64][]int // the versions of each checksum, in order
}

// newLineage groups the versions from lo to hi of sums, and hi+1, whose checksum is saved, when
// withSaved.
func newLineage(sums map[int]int64, lo, hi int, saved int64, withSaved bool) *lineage {
	n := hi - lo + 1
	if withSaved {
		n++
	}
	ln := &lineage{sums: sums, lo: lo, hi: hi, saved: saved, roots: make([]int, n), bySum: make(map[int64][]int, n)}
	for v := lo; v < lo+n; v++ {
		s, ok := ln.sumOf(v)
		if !ok {
			ln.roots[v-lo] = -1
			continue
		}
		ln.roots[v-lo] = v
		if earlier := ln.bySum[s]; len(earlier) > 0 && !ln.repeats(v, earlier) {
			ln.roots[v-lo] = ln.roots[earlier[len(earlier)-1]-lo]
		}
		ln.bySum[s] = append(ln.bySum[s], v)
	}
	return ln
}

// repeats reports whether version v was saved on the text that one of earlier, the versions
// before it with its text, was saved on, when that one started its group.
func (ln *lineage) repeats(v int, earlier []int) bool {
	was, ok := ln.sumOf(v - 1)
	if !ok {
		return false
	}
	for _, u := range earlier {
		if before, ok := ln.sumOf(u - 1); ok && ln.roots[u-ln.lo] == u && before == was {
			return true
		}
	}
	return false
}

// sumOf returns the checksum of version v, when it has one.
func (ln *lineage) sumOf(v int) (int64, bool) {
	if v < ln.lo || v >= ln.lo+len(ln.roots) {
		return 0, false
	}
	if v > ln.hi {
		return ln.saved, true
	}
	s, ok := ln.sums[v]
	return s, ok
}

// sum returns the checksum of version v, which has one.
func (ln *lineage) sum(v int) int64 {
	s, _ := ln.sumOf(v)
	return s
}

// root returns the first version of v's group, or -1 for a version without a checksum or
// outside the lineage.
func (ln *lineage) root(v int) int {
	if v < ln.lo || v >= ln.lo+len(ln.roots) {
		return -1
	}
	return ln.roots[v-ln.lo]
}

// undoesSave reports whether the one step of path that is a diff (see diffSteps) goes to the
// version before, undoing the save that made the version it leaves.
func undoesSave(path []int, sums map[int]int64) bool {
	for i := 1; i < len(path); i++ {
		a, aok := sums[path[i-1]]
		b, bok := sums[path[i]]
		if !aok || !bok || a != b {
			return path[i] < path[i-1]
		}
	}
	return false
}

// undoneBy checks results, where the one diff from old to text placed the comments of rows,
// against the save that text undoes, which turned it into old (see anchor.Work.Undone), each
// field's comments paid from a budget of their own.
func undoneBy(rows []anchorRow, old, text newsroom.Text, results []anchor.Result) error {
	byField := map[string][]int{}
	for i, r := range rows {
		byField[r.Field] = append(byField[r.Field], i)
	}
	for field, idx := range byField {
		later, err := old.Field(field)
		if err != nil {
			return err
		}
		earlier, err := text.Field(field)
		if err != nil {
			return err
		}
		sels, res := make([]anchor.Selector, len(idx)), make([]anchor.Result, len(idx))
		for k, i := range idx {
			sels[k], res[k] = selectorOf(rows[i]), results[i]
		}
		anchor.NewWork().Undone(earlier, later, sels, res)
		for k, i := range idx {
			results[i] = res[k]
		}
	}
	return nil
}

// diffSteps counts the steps of path that are diffs: between neighbouring versions whose
// texts differ, where a crossing goes between versions of one text (see versionPath).
func diffSteps(path []int, sums map[int]int64) int {
	n := 0
	for i := 1; i < len(path); i++ {
		a, aok := sums[path[i-1]]
		b, bok := sums[path[i]]
		if !aok || !bok || a != b {
			n++
		}
	}
	return n
}

// maxCarrySteps is the most versions a reopened comment is carried through one by one (see
// carry). A comment is seldom resolved for more than a few saves, and each step rebuilds one
// revision and diffs it with the next.
const maxCarrySteps = 32

// openAnchorsSQL selects what re-anchoring needs of the comments of a draft that follow its
// text: those open and not detached.
const openAnchorsSQL = "SELECT id, field, quote, exact, prefix, suffix, start_pos, end_pos, status FROM comments " +
	"WHERE draft_id = ? AND resolved_at IS NULL AND status <> ? ORDER BY id"

// anchorRow is what re-anchoring reads and writes of a comment: which it is, the field it is on,
// its words and where they are. A save reads it for every open comment of its draft twice,
// before and in its transaction, and the whole comment row, more than twice its size, was most
// of what the reads allocated.
type anchorRow struct {
	ID                                  int64
	Field, Quote, Exact, Prefix, Suffix string
	StartPos, EndPos                    int
	Status                              string
}

// anchorOf is the part of comment r that re-anchoring reads and writes.
func anchorOf(r commentRow) anchorRow {
	return anchorRow{ID: r.ID, Field: r.Field, Quote: r.Quote, Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix,
		StartPos: r.StartPos, EndPos: r.EndPos, Status: r.Status}
}

// openAnchors loads the anchors of the comments of a draft that follow its text, scanning them
// itself: every save reads them twice, before and in its transaction, and GORM's reflection
// made that a third of a save with many comments. expect is how many the caller expects (the
// transaction's read, the number its plan read), so that their slice is made once rather than
// grown row by row under the writer.
func openAnchors(db *gorm.DB, draftID int64, expect int) ([]anchorRow, error) {
	rows, err := queryRaw(db, openAnchorsSQL, draftID, anchor.Detached.String())
	if err != nil {
		return nil, err
	}
	return scanInto(rows, make([]anchorRow, 0, expect), func(r *anchorRow) error {
		return rows.Scan(&r.ID, &r.Field, &r.Quote, &r.Exact, &r.Prefix, &r.Suffix, &r.StartPos, &r.EndPos, &r.Status)
	})
}

// selectorOf is the selector a comment keeps.
func selectorOf(r anchorRow) anchor.Selector {
	return anchor.Selector{Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix, Start: r.StartPos, End: r.EndPos}
}

// locateComments finds each comment of rows, made on the text old, in text, and returns the
// results in the order of rows, each field's comments paid for from a budget of their own (see
// locateIn).
func locateComments(rows []anchorRow, old, text newsroom.Text) ([]anchor.Result, error) {
	out := make([]anchor.Result, len(rows))
	byField := map[string][]int{}
	for i, r := range rows {
		byField[r.Field] = append(byField[r.Field], i)
	}
	for field, idx := range byField {
		on := make([]anchorRow, len(idx))
		for k, i := range idx {
			on[k] = rows[i]
		}
		results, err := locateIn(anchor.NewWork(), field, on, old, text)
		if err != nil {
			return nil, err
		}
		for k, res := range results {
			out[idx[k]] = res
		}
	}
	return out, nil
}

// locateIn finds the comments of rows, all on field and made on the text old, in text, paying
// from w. They are carried through the diff of that field together (see anchor.Reanchor), so a
// comment whose words survive the edit stays on them even where the text repeats them; one that
// an edit left on part of its words takes them all again when they are back around it (see
// anchor.Work.RegrowAll), as when the edit is undone.
func locateIn(w *anchor.Work, field string, rows []anchorRow, old, text newsroom.Text) ([]anchor.Result, error) {
	before, err := old.Field(field)
	if err != nil {
		return nil, err
	}
	after, err := text.Field(field)
	if err != nil {
		return nil, err
	}
	sels, quotes := make([]anchor.Selector, len(rows)), make([]string, len(rows))
	for k, r := range rows {
		sels[k], quotes[k] = selectorOf(r), r.Quote
	}
	results := w.Reanchor(before, after, sels)
	w.RegrowAll(after, results, quotes)
	return results, nil
}

// saveAnchor writes a re-anchored comment back when anything about its anchor changed.
func saveAnchor(tx *gorm.DB, r anchorRow, res anchor.Result, version int) error {
	if res.Status == anchor.Detached {
		// Its offsets stay those of the version its words were last in, which it keeps naming:
		// the new version's text holds other words there, or none.
		return execRaw(tx, "UPDATE comments SET status = ? WHERE id = ?", res.Status.String(), r.ID)
	}
	sel := res.Next
	status := res.Status.String()
	if r.Status == anchor.Moved.String() {
		status = r.Status // once moved, a comment says so until it is resolved
	}
	if sel.Exact == r.Exact && sel.Prefix == r.Prefix && sel.Suffix == r.Suffix && sel.Start == r.StartPos && status == r.Status {
		return nil
	}
	if sel.Exact == r.Exact && sel.Prefix == r.Prefix && sel.Suffix == r.Suffix && status == r.Status {
		// Most edits only shift the words a comment is on: binding its words again, three
		// strings copied for SQLite, was most of the statement's cost to the save.
		return execRaw(tx, "UPDATE comments SET start_pos = ?, end_pos = ?, anchored_version = ? WHERE id = ?", sel.Start, sel.End, version, r.ID)
	}
	return execRaw(tx, "UPDATE comments SET exact = ?, prefix = ?, suffix = ?, start_pos = ?, end_pos = ?, status = ?, anchored_version = ? WHERE id = ?",
		sel.Exact, sel.Prefix, sel.Suffix, sel.Start, sel.End, status, version, r.ID)
}
