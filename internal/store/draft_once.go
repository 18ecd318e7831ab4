package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// CreateDraftOnce is CreateDraft for a form or request that may be sent more than once (a double
// click, a form sent again after a network hiccup, Back and send again): token, which the
// new-draft form carries or a request's Idempotency-Key, names the one draft it makes. Sent again
// with the same text, it answers with the draft the first sending made, made false; with other
// text it is refused with ECONFLICT naming that draft, for nothing typed in the form since to be
// lost by answering with a draft that lacks it.
func (s *Store) CreateDraftOnce(ctx context.Context, token string, text newsroom.Text) (d *newsroom.Draft, made bool, err error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, false, err
	}
	if err := s.policy.Check(u, policy.DraftCreate, 0); err != nil {
		return nil, false, err
	}
	if err := newsroom.CheckFormToken(token); err != nil {
		return nil, false, err
	}
	text.EditorComment = ""
	d, made, err = s.createDraft(ctx, u, u.ID, text, "", newsroom.StepCreate, token)
	if errors.Is(err, errSentMeanwhile) {
		// The other sending has committed its draft: this one now finds it.
		d, made, err = s.createDraft(ctx, u, u.ID, text, "", newsroom.StepCreate, token)
	}
	return d, made, err
}

// errSentMeanwhile is how claim declines a token that another sending of the same form
// recorded while this one made its draft (on PostgreSQL, where the two run side by side).
var errSentMeanwhile = errors.New("store: the same form made a draft meanwhile")

// creation is the making of a draft by a form that carries token, sent by userID, with the
// digest of the draft's text; nil makes no record.
type creation struct {
	userID        int64
	token, digest string
}

// newCreation is the creation of a draft with text, normalized, by userID's form carrying token;
// nil for no token.
func newCreation(userID int64, token string, text newsroom.Text) *creation {
	if token == "" {
		return nil
	}
	j, err := json.Marshal(text)
	if err != nil {
		panic(err) // a Text is strings and a slice of them
	}
	sum := sha256.Sum256(j)
	return &creation{userID: userID, token: token, digest: hex.EncodeToString(sum[:])}
}

// earlier returns the draft that the same form made before, 0 for none, or ECONFLICT where it
// was sent then with other text.
func (c *creation) earlier(tx *gorm.DB) (int64, error) {
	if c == nil {
		return 0, nil
	}
	var rows []struct {
		DraftID int64
		Digest  string
	}
	if err := tx.Raw("SELECT draft_id, digest FROM draft_creations WHERE user_id = ? AND token = ?", c.userID, c.token).Scan(&rows).Error; err != nil {
		return 0, err
	}
	if len(rows) == 0 {
		return 0, nil
	}
	if rows[0].Digest != c.digest {
		return 0, newsroom.Errorf(newsroom.ECONFLICT, "this form already made draft %d, with other text; what it holds now is not saved: "+
			"send it again as a new form (a new token) to make another draft, or open draft %d", rows[0].DraftID, rows[0].DraftID)
	}
	return rows[0].DraftID, nil
}

// claim records that the form made draft id, or declines with errSentMeanwhile where another
// sending of it recorded a draft first.
func (c *creation) claim(tx *gorm.DB, id int64, now time.Time) error {
	if c == nil {
		return nil
	}
	res := tx.Exec("INSERT INTO draft_creations (user_id, token, draft_id, digest, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, token) DO NOTHING",
		c.userID, c.token, id, c.digest, now)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return errSentMeanwhile
	}
	return nil
}
