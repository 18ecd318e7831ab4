package store

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// correctionPlan is a correction worked out on a read before its write transaction, as a save's
// plan is (see savePlan): the corrected text normalized and checked, the revision it makes and
// where the open comments go, or why the correction is refused. Normalizing and checking a long
// body, finding its quotes and packing it take a good part of a second at the body's limit,
// which every other write would wait for. It holds while the draft is at version: a correction
// is made of the draft's text and the body sent, and the text changes only with the version.
type correctionPlan struct {
	version int
	text    newsroom.Text
	refused error
	// next is the revision the correction makes, nil when it leaves the body as it was.
	next    *nextRevision
	anchors *reanchoring
}

// planCorrection plans the correction of the article at slug to body (nil for none) by u. It
// returns nil when the article cannot be read or the plan fails: the transaction then meets
// the same error again, or works the correction out itself.
func (s *Store) planCorrection(ctx context.Context, u *newsroom.User, slug string, body *string) *correctionPlan {
	db := s.read(ctx)
	var art articleRow
	if err := db.Where("slug = ? AND latest_publication_id IS NOT NULL", slug).Take(&art).Error; err != nil {
		return nil
	}
	v, err := s.findDraft(db, u, art.DraftID)
	if err != nil || s.policy.Check(u, policy.ArticleCorrect, v.Row.WriterID) != nil {
		return nil
	}
	d := v.draft()
	plan := &correctionPlan{version: d.Version}
	if plan.text, plan.refused = correctedText(d, body); plan.refused != nil {
		return plan
	}
	if plan.text.Body == d.Body {
		return plan
	}
	next, err := prepareRevision(db, d, plan.text)
	if code := newsroom.ErrorCode(err); code == newsroom.EINTERNAL {
		return nil
	} else if err != nil {
		plan.refused = err
		return plan
	}
	plan.next = &next
	plan.anchors = planAnchors(db, d.ID, d.Text(), plan.text, next.packed.sum, next.back)
	return plan
}

// correction returns the text the correction body makes of d, inside the transaction, and the
// revision it makes where the plan made it (nil when it leaves the body as it was or the plan
// no longer holds): the plan's work while d is at the version it was made on, else its own.
func (p *correctionPlan) correction(d *newsroom.Draft, body *string) (newsroom.Text, *nextRevision, error) {
	if p == nil || p.version != d.Version {
		text, err := correctedText(d, body)
		return text, nil, err
	}
	return p.text, p.next, p.refused
}

// anchoring is where the plan puts the comments, nil for no plan.
func (p *correctionPlan) anchoring() *reanchoring {
	if p == nil {
		return nil
	}
	return p.anchors
}
