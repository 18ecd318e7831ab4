package newsroom

import (
	"net/url"
	"time"
	"unicode/utf8"
)

// Rating is one step of the newsroom's fact-check scale: the key stored and sent, the words
// readers see, and its value on the scale (1, the worst, to 5, the best).
type Rating struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Value int    `json:"value"`
}

// Ratings is the fact-check scale, worst first. Five plain steps, so that a reader can tell
// them apart without a legend and a search engine can place each on a numeric scale.
var Ratings = []Rating{
	{Key: "false", Label: "False", Value: 1},
	{Key: "mostly_false", Label: "Mostly false", Value: 2},
	{Key: "half_true", Label: "Half true", Value: 3},
	{Key: "mostly_true", Label: "Mostly true", Value: 4},
	{Key: "true", Label: "True", Value: 5},
}

// RatingOf returns the step of the scale whose key is key.
func RatingOf(key string) (Rating, bool) {
	for _, r := range Ratings {
		if r.Key == key {
			return r, true
		}
	}
	return Rating{}, false
}

// Who made a claim: a person (the default) or an organization.
const (
	ClaimantPerson       = "person"
	ClaimantOrganization = "organization"
)

// Limits on a claim review, in code points.
const (
	MaxClaim    = 1000
	MaxClaimant = 200
	MaxClaimURL = 2000
)

// Claim marks a piece as the fact-check of one claim: what was claimed, who made it, and the
// rating the newsroom gives it; optionally when and where it was made.
type Claim struct {
	Text         string `json:"claim"`
	ClaimedBy    string `json:"claimed_by"`
	ClaimantKind string `json:"claimant_kind"`
	Rating       string `json:"rating"`
	// Date is the day the claim was made (YYYY-MM-DD), empty when not known.
	Date string `json:"claim_date,omitempty"`
	// URL is where the claim was made, empty when not known.
	URL string `json:"claim_url,omitempty"`
}

// StepRateClaim is the audit entry of an editor setting or clearing the claim a piece checks.
const StepRateClaim = "rate_claim"

// ClaimChange sets (Claim non-nil) or clears the claim a draft fact-checks.
type ClaimChange struct {
	DraftID int64
	Claim   *Claim
}

// Normalize tidies a claim the way every save does: each field on one line without surrounding
// space, and a person when the claimant's kind is not given.
func (c Claim) Normalize() Claim {
	c.Text, c.ClaimedBy, c.Rating = oneLine(c.Text), oneLine(c.ClaimedBy), oneLine(c.Rating)
	c.Date, c.URL, c.ClaimantKind = oneLine(c.Date), oneLine(c.URL), oneLine(c.ClaimantKind)
	if c.ClaimantKind == "" {
		c.ClaimantKind = ClaimantPerson
	}
	return c
}

// Validate checks a normalized claim and returns an EINVALID error naming the first bad field.
func (c Claim) Validate() error {
	switch {
	case c.Text == "" || utf8.RuneCountInString(c.Text) > MaxClaim:
		return Errorf(EINVALID, "the claim is required, at most %d characters", MaxClaim)
	case c.ClaimedBy == "" || utf8.RuneCountInString(c.ClaimedBy) > MaxClaimant:
		return Errorf(EINVALID, "who made the claim is required, at most %d characters", MaxClaimant)
	case c.ClaimantKind != ClaimantPerson && c.ClaimantKind != ClaimantOrganization:
		return Errorf(EINVALID, "claimant_kind must be %s or %s", ClaimantPerson, ClaimantOrganization)
	}
	// The claim and its claimant go out in the article's rating box and its ClaimReview, so
	// they are held to the characters a piece's text is held to (see checkControls).
	if err := checkControls("the claim", c.Text, false); err != nil {
		return err
	}
	if err := checkControls("who made the claim", c.ClaimedBy, false); err != nil {
		return err
	}
	if _, ok := RatingOf(c.Rating); !ok {
		return Errorf(EINVALID, "the rating must be one of the scale's: false, mostly_false, half_true, mostly_true or true")
	}
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return Errorf(EINVALID, "the claim's date must be a day written YYYY-MM-DD")
		}
	}
	if c.URL != "" && !webAddress(c.URL) {
		return Errorf(EINVALID, "where the claim was made must be a web address starting http:// or https://, at most %d characters", MaxClaimURL)
	}
	return nil
}

// webAddress reports whether s is an absolute http or https URL of a sane length, the only kind
// a public page may link to.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && utf8.RuneCountInString(s) <= MaxClaimURL && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
