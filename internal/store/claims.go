package store

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
)

type claimRow struct {
	DraftID      int64 `gorm:"primaryKey"`
	Claim        string
	ClaimedBy    string
	ClaimantKind string
	Rating       string
	ClaimDate    string
	ClaimURL     string
	SetBy        int64
	SetAt        time.Time
}

func (claimRow) TableName() string { return "claims" }

// claimSQL reads the claim a draft fact-checks, by the table's primary key.
const claimSQL = "SELECT claim, claimed_by, claimant_kind, rating, claim_date, claim_url FROM claims WHERE draft_id = ?"

// SetClaim marks a draft as the fact-check of a claim, or unmarks it (c.Claim nil), as the
// acting user, whom the workflow must let rate claims. A change that leaves the claim as it is
// (a form sent twice) writes nothing. The claim reaches readers with the
// piece's next publication or correction, which copies it.
func (s *Store) SetClaim(ctx context.Context, c newsroom.ClaimChange) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var claim newsroom.Claim
	if c.Claim != nil {
		claim = c.Claim.Normalize()
		if err := claim.Validate(); err != nil {
			return nil, err
		}
	}
	var d *newsroom.Draft
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, c.DraftID)
		if err != nil {
			return err
		}
		if err := s.policy.Check(u, policy.DraftClaim, v.Row.WriterID); err != nil {
			return err
		}
		cur, err := findClaim(tx, c.DraftID)
		if err != nil {
			return err
		}
		if c.Claim == nil && cur == nil || c.Claim != nil && cur != nil && *cur == claim {
			d, err = s.draftWithWork(tx, u, c.DraftID)
			return err
		}
		now, note := s.clock(), ""
		if c.Claim == nil {
			err = tx.Where("draft_id = ?", c.DraftID).Delete(&claimRow{}).Error
		} else {
			note = claimNote(claim)
			err = saveClaim(tx, c.DraftID, claim, u.ID, now)
		}
		if err != nil {
			return err
		}
		if err := touchDraft(tx, c.DraftID, map[string]any{}, now).Error; err != nil {
			return err
		}
		stage := newsroom.Stage(v.Row.Stage)
		if err := insertAudit(tx, c.DraftID, u.ID, newsroom.StepRateClaim, stage, stage, note, now); err != nil {
			return err
		}
		d, err = s.draftWithWork(tx, u, c.DraftID)
		return err
	})
	return d, internal("set claim", err)
}

// saveClaim writes a draft's claim, replacing the one it had.
func saveClaim(tx *gorm.DB, draftID int64, c newsroom.Claim, by int64, at time.Time) error {
	if err := tx.Where("draft_id = ?", draftID).Delete(&claimRow{}).Error; err != nil {
		return err
	}
	return tx.Create(&claimRow{
		DraftID: draftID, Claim: c.Text, ClaimedBy: c.ClaimedBy, ClaimantKind: c.ClaimantKind, Rating: c.Rating,
		ClaimDate: c.Date, ClaimURL: c.URL, SetBy: by, SetAt: at,
	}).Error
}

// claimNote is what the history says of a claim set: its rating and who made it.
func claimNote(c newsroom.Claim) string {
	r, _ := newsroom.RatingOf(c.Rating)
	return r.Label + ": a claim by " + c.ClaimedBy
}

// findClaim reads the claim draft id fact-checks inside tx, nil when it has none.
func findClaim(tx *gorm.DB, id int64) (*newsroom.Claim, error) {
	rows, err := queryRaw(tx, claimSQL, id)
	if err != nil {
		return nil, err
	}
	return scanClaim(rows)
}

// scanClaim reads the row of claimSQL, if any, and closes rows.
func scanClaim(rows *sql.Rows) (*newsroom.Claim, error) {
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var c newsroom.Claim
	if err := rows.Scan(&c.Text, &c.ClaimedBy, &c.ClaimantKind, &c.Rating, &c.Date, &c.URL); err != nil {
		return nil, err
	}
	return &c, rows.Err()
}

// ClaimReview is a claim as the renderers take it, with its rating placed on the scale: what a
// publication copies, and what the draft's preview shows; nil for none.
func ClaimReview(c *newsroom.Claim) *publish.ClaimReview {
	if c == nil {
		return nil
	}
	r, ok := newsroom.RatingOf(c.Rating)
	if !ok {
		return nil
	}
	return &publish.ClaimReview{
		Claim: c.Text, ClaimedBy: c.ClaimedBy, Rating: r.Label,
		ClaimedByOrganization: c.ClaimantKind == newsroom.ClaimantOrganization,
		RatingValue:           r.Value, WorstRating: newsroom.Ratings[0].Value, BestRating: newsroom.Ratings[len(newsroom.Ratings)-1].Value,
		ClaimDate: c.Date, ClaimURL: c.URL,
	}
}
