package publish

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// ldScripts returns the decoded JSON-LD blocks of a page, in order.
func ldScripts(t *testing.T, page string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func factCheck() Article {
	a := correctedArticle()
	a.Claim = &ClaimReview{
		Claim: `Sidewalk tables "double" a café's <income> & more`, ClaimedBy: "Cafés United", ClaimedByOrganization: true,
		Rating: "Mostly false", RatingValue: 2, WorstRating: 1, BestRating: 5,
		ClaimDate: "2025-05-01", ClaimURL: "https://example.org/press?id=1&x=2",
	}
	return a
}

func TestClaimReviewJSONLD(t *testing.T) {
	t.Run("FactCheck", func(t *testing.T) {
		var html bytes.Buffer
		if err := HTML(&html, testSite, factCheck()); err != nil {
			t.Fatal(err)
		}
		blocks := ldScripts(t, html.String())
		if len(blocks) != 2 || blocks[0]["@type"] != "NewsArticle" {
			t.Fatalf("JSON-LD blocks = %v, want NewsArticle then ClaimReview", blocks)
		}
		want := map[string]any{
			"@context":      "https://schema.org",
			"@type":         "ClaimReview",
			"claimReviewed": `Sidewalk tables "double" a café's <income> & more`,
			"itemReviewed": map[string]any{
				"@type":         "Claim",
				"author":        map[string]any{"@type": "Organization", "name": "Cafés United"},
				"datePublished": "2025-05-01",
				"appearance":    map[string]any{"@type": "CreativeWork", "url": "https://example.org/press?id=1&x=2"},
			},
			"reviewRating":  map[string]any{"@type": "Rating", "ratingValue": 2.0, "bestRating": 5.0, "worstRating": 1.0, "alternateName": "Mostly false"},
			"author":        map[string]any{"@type": "Organization", "name": "Copydesk", "url": "http://127.0.0.1:8080/"},
			"datePublished": "2025-05-07T09:15:00Z",
			"url":           "http://127.0.0.1:8080/articles/cafe-owners-cheer-councils-sidewalk-summer-plan",
			"inLanguage":    "en",
		}
		if !reflect.DeepEqual(blocks[1], want) {
			t.Fatalf("ClaimReview =\n%#v\nwant\n%#v", blocks[1], want)
		}
	})
	t.Run("PersonWithoutDateOrLink", func(t *testing.T) {
		a := factCheck()
		a.Claim.ClaimedByOrganization, a.Claim.ClaimDate, a.Claim.ClaimURL = false, "", ""
		var html bytes.Buffer
		if err := HTML(&html, testSite, a); err != nil {
			t.Fatal(err)
		}
		item := ldScripts(t, html.String())[1]["itemReviewed"].(map[string]any)
		want := map[string]any{"@type": "Claim", "author": map[string]any{"@type": "Person", "name": "Cafés United"}}
		if !reflect.DeepEqual(item, want) {
			t.Fatalf("itemReviewed = %#v, want %#v", item, want)
		}
		if strings.Contains(html.String(), "where it was said") {
			t.Fatal("the rating box links to where a claim was made that has no link")
		}
	})
	t.Run("NoClaim", func(t *testing.T) {
		var html bytes.Buffer
		if err := HTML(&html, testSite, correctedArticle()); err != nil {
			t.Fatal(err)
		}
		if n := len(ldScripts(t, html.String())); n != 1 || strings.Contains(html.String(), "verdict") {
			t.Fatalf("a piece that checks no claim has %d JSON-LD blocks or a rating box", n)
		}
	})
}

func TestClaimRatingBox(t *testing.T) {
	var html bytes.Buffer
	if err := HTML(&html, testSite, factCheck()); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	for _, want := range []string{
		`<h2 id="verdict-heading">Fact-check</h2>`,
		`<p>Sidewalk tables &#34;double&#34; a café&#39;s &lt;income&gt; &amp; more</p>`,
		`Claimed by <span dir="auto">Cafés United</span>, <time datetime="2025-05-01">May 1, 2025</time>`,
		`<a href="https://example.org/press?id=1&amp;x=2" rel="nofollow">where it was said</a>`,
		`<p class="rating rating-2">Our rating: <strong>Mostly false</strong> (2 of 5)</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestContentHashCountsTheClaim(t *testing.T) {
	plain, checked := correctedArticle(), factCheck()
	if plain.ContentHash() == checked.ContentHash() {
		t.Fatal("adding a claim review left the content hash unchanged")
	}
	other := factCheck()
	other.Claim.Rating = "False"
	if other.ContentHash() == checked.ContentHash() {
		t.Fatal("changing the rating left the content hash unchanged")
	}
}
