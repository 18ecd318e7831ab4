package publish

import (
	"fmt"
	"time"
)

// claimReviewLD is the schema.org ClaimReview a fact-check's page carries beside its
// NewsArticle, the markup search engines read a fact-check's verdict from.
type claimReviewLD struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	ClaimReviewed string   `json:"claimReviewed"`
	ItemReviewed  ldClaim  `json:"itemReviewed"`
	ReviewRating  ldRating `json:"reviewRating"`
	Author        ldThing  `json:"author"`
	DatePublished string   `json:"datePublished"`
	URL           string   `json:"url"`
	InLanguage    string   `json:"inLanguage"`
}

// ldClaim is the schema.org Claim reviewed: who made it, and when and where, when known.
type ldClaim struct {
	Type          string        `json:"@type"`
	Author        ldThing       `json:"author"`
	DatePublished string        `json:"datePublished,omitempty"`
	Appearance    *ldAppearance `json:"appearance,omitempty"`
}

// ldAppearance is where a claim was made, as a schema.org CreativeWork at a URL.
type ldAppearance struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// ldRating is the schema.org Rating of a claim: its value on the scale, and the verdict in
// words as alternateName, which is what search engines show.
type ldRating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

// claimView is a claim review as the article page shows it, in its rating box.
type claimView struct {
	Claim, ClaimedBy, Rating, URL string
	Value, Best                   int
	Date                          *dateView // the day the claim was made, if known
	// WordsLang is pageWordsLang and Lang the piece's when the piece is not in English: the box's
	// own words are English, the claim and its claimant the piece's. Both "" for an English piece.
	WordsLang, Lang string
}

// claimJSONLD describes the piece's verdict for schema.org, or returns nil when the piece checks
// no claim. The review's author is the publication.
func claimJSONLD(site Site, a Article) *claimReviewLD {
	c := a.Claim
	if c == nil {
		return nil
	}
	claimant := ldThing{Type: "Person", Name: c.ClaimedBy}
	if c.ClaimedByOrganization {
		claimant.Type = "Organization"
	}
	ld := &claimReviewLD{
		Context: "https://schema.org", Type: "ClaimReview", ClaimReviewed: c.Claim,
		ItemReviewed: ldClaim{Type: "Claim", Author: claimant, DatePublished: c.ClaimDate},
		ReviewRating: ldRating{Type: "Rating", RatingValue: c.RatingValue, BestRating: c.BestRating, WorstRating: c.WorstRating,
			AlternateName: c.Rating},
		Author:        ldThing{Type: "Organization", Name: site.Name, URL: site.base() + "/"},
		DatePublished: stamp(a.firstPublished()),
		URL:           URLs(site, a.Slug)["html"],
		InLanguage:    a.lang(site),
	}
	if c.ClaimURL != "" {
		ld.ItemReviewed.Appearance = &ldAppearance{Type: "CreativeWork", URL: c.ClaimURL}
	}
	return ld
}

// claimBox prepares the page's rating box, or returns nil when the piece checks no claim.
func claimBox(site Site, a Article) *claimView {
	c := a.Claim
	if c == nil {
		return nil
	}
	v := &claimView{Claim: c.Claim, ClaimedBy: c.ClaimedBy, Rating: c.Rating, URL: c.ClaimURL, Value: c.RatingValue, Best: c.BestRating}
	if lang := a.lang(site); !english(lang) {
		v.WordsLang, v.Lang = pageWordsLang, lang
	}
	if day, err := time.Parse(time.DateOnly, c.ClaimDate); err == nil {
		v.Date = &dateView{Text: day.Format(dateLayout), ISO: c.ClaimDate}
	}
	return v
}

// Scale says where the verdict stands on its scale, for readers: "2 of 5".
func (v claimView) Scale() string { return fmt.Sprintf("%d of %d", v.Value, v.Best) }
