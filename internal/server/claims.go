package server

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// claimFields are the claim form's fields, put back as typed when the form is refused.
var claimFields = []string{"claim", "claimed_by", "claimant_kind", "rating", "claim_date", "claim_url"}

// putClaim marks draft :id as the fact-check of the claim the body describes.
func (s *Server) putClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in newsroom.Claim
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	return s.setClaim(c, newsroom.ClaimChange{DraftID: id, Claim: &in})
}

// deleteClaim unmarks draft :id as a fact-check.
func (s *Server) deleteClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.setClaim(c, newsroom.ClaimChange{DraftID: id})
}

func (s *Server) setClaim(c echo.Context, ch newsroom.ClaimChange) error {
	d, err := s.store.SetClaim(c.Request().Context(), ch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// claimPage sets the claim a piece checks from the draft page's form, or clears it when the
// form's "clear" button sent it. A refused form comes back with what was typed.
func (s *Server) claimPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ch := newsroom.ClaimChange{DraftID: id}
	if c.FormValue("clear") == "" {
		ch.Claim = &newsroom.Claim{
			Text: c.FormValue("claim"), ClaimedBy: c.FormValue("claimed_by"), ClaimantKind: c.FormValue("claimant_kind"),
			Rating: c.FormValue("rating"), Date: c.FormValue("claim_date"), URL: c.FormValue("claim_url"),
		}
	}
	if _, err := s.store.SetClaim(c.Request().Context(), ch); err != nil {
		typed := url.Values{}
		for _, f := range claimFields {
			typed.Set(f, c.FormValue(f))
		}
		return s.refusedForm(c, id, err, &retryForm{Form: "claim", Values: typed})
	}
	msg := "The piece is no longer marked as a fact-check."
	if ch.Claim != nil {
		msg = "Fact-check saved: readers see it when the piece is next published or corrected."
	}
	return s.afterAction(c, nil, draftURL(id), msg)
}

// Ratings is the fact-check scale, best first, as the claim form offers it.
func (p *draftPage) Ratings() []newsroom.Rating {
	best := slices.Clone(newsroom.Ratings)
	slices.Reverse(best)
	return best
}

// RatingLabel is the words of the rating key, as the scale names it.
func (p *draftPage) RatingLabel(key string) string {
	r, _ := newsroom.RatingOf(key)
	return r.Label
}

// ClaimForm is the claim form's values: what the viewer typed when the form was refused, or else
// the piece's claim.
func (p *draftPage) ClaimForm() newsroom.Claim {
	if p.Retrying("claim") {
		v := p.Retry.Values
		return newsroom.Claim{Text: v.Get("claim"), ClaimedBy: v.Get("claimed_by"), ClaimantKind: v.Get("claimant_kind"),
			Rating: v.Get("rating"), Date: v.Get("claim_date"), URL: v.Get("claim_url")}
	}
	if p.Draft.Claim != nil {
		return *p.Draft.Claim
	}
	return newsroom.Claim{}
}
