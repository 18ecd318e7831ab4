// Package publish renders a published snapshot of an article into every public format Copydesk
// serves: the newsroom's house text format (and its parser), a brief, Markdown, IPTC ninjs,
// an Atom feed of briefs and HTML pages carrying schema.org JSON-LD. It is pure: every renderer
// is a deterministic function of a Site and an Article value, with no clock, storage or HTTP.
package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Article is an immutable published snapshot, the value every renderer takes.
type Article struct {
	Slug, Title, Byline, Brief, EditorComment string
	Body                                      []string // paragraphs
	Topics                                    []string
	PublishedAt                               time.Time    // this snapshot's time (versioncreated)
	FirstPublishedAt                          time.Time    // the first snapshot's time (firstcreated), whose date is the date line; zero means PublishedAt
	Corrections                               []Correction // newest first
	Hash                                      string       // ContentHash of the snapshot, set by whoever stores it
	Language                                  string       // BCP 47 tag of the piece; "" means the site's
	Image                                     *Image       // the lead image, if the piece has one
	Claim                                     *ClaimReview // the claim the piece fact-checks, if it is a fact-check
	FeedID                                    string       // the id of its feed entries, an IRI no setting changes; "" for its URL
}

// Image is a piece's lead image as published: what it shows, in words, and its resized
// variants, narrowest first.
type Image struct {
	Alt, Caption, Credit string
	Variants             []ImageVariant
}

// ImageVariant is one stored size of an image, served at Path (site-relative: "/images/…").
type ImageVariant struct {
	Path          string
	Width, Height int
	ContentType   string
}

// ClaimReview is an editor's verdict on one claim the piece checks: what was claimed, by whom,
// and the rating given, in words and as a value on a numeric scale.
type ClaimReview struct {
	Claim, ClaimedBy, Rating string
	// ClaimedByOrganization says the claimant is an organization rather than a person.
	ClaimedByOrganization bool
	// RatingValue places Rating on the scale from WorstRating to BestRating.
	RatingValue, WorstRating, BestRating int
	// ClaimDate is the day the claim was made (YYYY-MM-DD), "" when not known.
	ClaimDate string
	// ClaimURL is where the claim was made, "" when not known.
	ClaimURL string
}

// Correction is a published note about what a later snapshot corrected, and when.
type Correction struct {
	At   time.Time
	Note string
}

// Site holds the site-wide settings every renderer needs.
type Site struct {
	Name     string         // e.g. "Copydesk"
	BaseURL  string         // e.g. "http://127.0.0.1:8080", no trailing slash; absolute URLs are BaseURL + path
	Footer   []string       // footer lines closing the text format and the pages; nil means none
	Language string         // BCP 47 tag such as "en"; "" means "en"
	Location *time.Location // dates are shown in this zone; nil means UTC
	Logo     string         // the publication's logo, an absolute URL or a site path; "" means none
	// Description says in a sentence what the publication is, for the front page's metadata.
	Description string
}

// DefaultFooter is the footer of the newsroom's seed file, the default for Site.Footer.
var DefaultFooter = []string{
	"Like this article? Share it with your friends!",
	"If you find this article interesting, feel free to share it with your friends!",
	"Thank you for your support! Sharing is the greatest encouragement for us.",
}

// FeedPath is where the server serves the Atom feed of briefs; Atom's self link points at it.
const FeedPath = "/feed.atom"

// dateLayout is how the house format, and every human-readable output, writes a date.
const dateLayout = "January 2, 2006"

// URLs returns the absolute URLs of an article's renditions, keyed "html", "text", "markdown",
// "ninjs" and "brief".
func URLs(site Site, slug string) map[string]string {
	base, s := site.base(), url.PathEscape(slug)
	return map[string]string{
		"html":     base + "/articles/" + s,
		"text":     base + "/articles/" + s + ".txt",
		"markdown": base + "/articles/" + s + ".md",
		"ninjs":    base + "/articles/" + s + ".json",
		"brief":    base + "/briefs/" + s + ".txt",
	}
}

// ContentHash returns the hex SHA-256 of a canonical encoding of the snapshot's text, so that
// two snapshots hash alike exactly when a reader would see the same words. Times other than the
// corrections' are left out: republishing unchanged text must not look like a change. A claim
// review counts only when there is one, so a piece that checks no claim hashes as before. Each
// string is length-prefixed, so no choice of field contents can collide with another.
func (a Article) ContentHash() string {
	h := sha256.New()
	str := func(s string) { fmt.Fprintf(h, "%d:%s", len(s), s) }
	strs := func(list []string) {
		fmt.Fprintf(h, "%d;", len(list))
		for _, s := range list {
			str(s)
		}
	}
	strs([]string{"copydesk article v1", a.Title, a.Byline, a.Brief, a.EditorComment})
	strs(a.Body)
	strs(a.Topics)
	if c := a.Claim; c != nil {
		strs([]string{"claim", c.Claim, c.ClaimedBy, c.Rating, c.ClaimDate, c.ClaimURL, fmt.Sprint(c.ClaimedByOrganization)})
	}
	fmt.Fprintf(h, "%d;", len(a.Corrections))
	for _, c := range a.Corrections {
		str(c.At.UTC().Format(time.RFC3339Nano))
		str(c.Note)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TopicPath is the site path of a topic's page.
func TopicPath(topic string) string { return "/topics/" + url.PathEscape(Slug(topic)) }

// DistinctTopics returns topics with each topic listed once, in their order. A topic that an
// earlier one spells another way ("mexico" or "México" after "Mexico") names the same topic page,
// so it is left out rather than linked twice. Topics without a letter or digit to make a slug
// from ("🔥") are told apart by their characters, as their pages are (see Slug).
func DistinctTopics(topics []string) []string {
	seen := make(map[string]bool, len(topics))
	out := make([]string, 0, len(topics))
	for _, t := range topics {
		key := Slug(t)
		if !seen[key] {
			seen[key] = true
			out = append(out, t)
		}
	}
	return out
}

// AuthorPath is the site path of the page of the author a byline names.
func AuthorPath(byline string) string { return "/authors/" + url.PathEscape(Slug(byline)) }

// URL makes a site path absolute.
func (s Site) URL(path string) string { return s.base() + path }

// base returns BaseURL without a trailing slash, which would otherwise double in every path.
func (s Site) base() string { return strings.TrimRight(s.BaseURL, "/") }

// lang returns the content language, English unless the site says otherwise.
func (s Site) lang() string {
	if s.Language == "" {
		return "en"
	}
	return s.Language
}

// loc returns the zone dates are shown in, UTC unless the site says otherwise.
func (s Site) loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// day writes t's calendar date in the site's zone, the way the house format does.
func (s Site) day(t time.Time) string { return t.In(s.loc()).Format(dateLayout) }

// correction writes one correction as the house format's line, "May 8, 2025: note".
func (s Site) correction(c Correction) string {
	return s.day(c.At) + ": " + oneLine(c.Note)
}

// stamp writes an instant for machines (ninjs, JSON-LD, Atom): RFC 3339 in UTC.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// firstPublished returns FirstPublishedAt, or PublishedAt for a snapshot that is the first.
func (a Article) firstPublished() time.Time {
	if a.FirstPublishedAt.IsZero() {
		return a.PublishedAt
	}
	return a.FirstPublishedAt
}

// lineBreaks maps each kind of line break to one space.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// oneLine turns line breaks inside a field into spaces. The line-based outputs hold one field
// per line, so a stray newline would otherwise spill a field into the next one.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return lineBreaks.Replace(s)
}

// newestFirst returns a copy of the articles sorted by first publication, newest first, so that
// a correction does not move an old piece to the top; ties go by slug to stay deterministic.
func newestFirst(articles []Article) []Article {
	sorted := slices.Clone(articles)
	slices.SortStableFunc(sorted, func(a, b Article) int {
		if c := b.firstPublished().Compare(a.firstPublished()); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return sorted
}
