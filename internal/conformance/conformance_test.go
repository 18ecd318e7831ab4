package conformance

import (
	"strings"
	"testing"
)

// page wraps a body and a head's extra lines in an otherwise valid HTML page.
func page(head, body string) []byte {
	return []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>` + head + `</head><body>` + body + `</body></html>`)
}

// wantProblems checks that problems name each document in bad and no other.
func wantProblems(t *testing.T, problems []Problem, bad ...string) {
	t.Helper()
	found := map[string]bool{}
	for _, p := range problems {
		found[p.Doc] = true
	}
	for _, name := range bad {
		if !found[name] {
			t.Errorf("no problem found in %s; all found: %v", name, problems)
		}
		delete(found, name)
	}
	for name := range found {
		t.Errorf("problems found in %s, which is valid: %v", name, problems)
	}
}

func TestHTML(t *testing.T) {
	problems := HTML(t,
		Doc{"good", page("", "<main><p>Fine.</p></main>")},
		Doc{"unclosed", page("", "<main><p>Hi<div></p></main>")},
		Doc{"no-title", []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><p>x</p></body></html>`)},
	)
	wantProblems(t, problems, "unclosed", "no-title")
}

func TestAtom(t *testing.T) {
	const head = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2026-01-02T03:04:05Z</updated><author><name>A</name></author>`
	problems := Atom(t,
		Doc{"good", []byte(head + `<entry><title>E</title><id>urn:e</id><updated>2026-01-02T03:04:05Z</updated><link href="http://x/"/></entry></feed>`)},
		Doc{"no-id", []byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><updated>2026-01-02T03:04:05Z</updated></feed>`)},
		Doc{"bad-date", []byte(head + `<entry><title>E</title><id>urn:e</id><updated>yesterday</updated></entry></feed>`)},
	)
	wantProblems(t, problems, "no-id", "bad-date")
}

func TestJSONLD(t *testing.T) {
	ld := func(json string) []byte {
		return page(`<script type="application/ld+json">`+json+`</script>`, "<p>x</p>")
	}
	tests := []struct {
		name, json, want string
	}{
		{"NewsArticle", `{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"A"},"publisher":{"@type":"Organization","name":"P","logo":{"@type":"ImageObject","url":"https://x/l.png"}}}`, ""},
		{"ClaimReview", `{"@context":"https://schema.org","@type":"ClaimReview","claimReviewed":"C","itemReviewed":{"@type":"Claim","author":{"@type":"Organization","name":"O"},"appearance":{"@type":"CreativeWork","url":"https://x/"}},"reviewRating":{"@type":"Rating","ratingValue":2,"bestRating":5,"worstRating":1,"alternateName":"Mostly false"}}`, ""},
		{"Graph", `{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},{"@type":"Organization","name":"O"}]}`, ""},
		{"UnknownType", `{"@context":"https://schema.org","@type":"NewsArticel","headline":"H"}`, `"NewsArticel" is not a schema.org type`},
		{"UnknownProperty", `{"@context":"https://schema.org","@type":"NewsArticle","headlin":"H"}`, `"headlin" is not a schema.org property`},
		{"WrongDomain", `{"@context":"https://schema.org","@type":"Person","headline":"H"}`, `Person has no property "headline"`},
		{"WrongDomainNested", `{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","ratingValue":3}}`, `Person has no property "ratingValue"`},
		{"WrongRange", `{"@context":"https://schema.org","@type":"ClaimReview","reviewRating":{"@type":"Person","name":"X"}}`, `a Person is not a value "reviewRating" takes`},
		{"Untyped", `{"@context":"https://schema.org","@type":"NewsArticle","author":{"name":"A"}}`, "no @type"},
		{"NoContext", `{"@type":"NewsArticle","headline":"H"}`, "@context"},
		{"Superseded", `{"@context":"https://schema.org","@type":"Event","superEvent":{"@type":"Event","name":"E"},"attendees":{"@type":"Person","name":"P"}}`, `"attendees" is superseded by "attendee"`},
		{"Broken", `{"@context":`, "does not parse"},
		{"SearchAction", `{"@context":"https://schema.org","@type":"WebSite","potentialAction":{"@type":"SearchAction","target":{"@type":"EntryPoint","urlTemplate":"https://x/search?q={q}"},"query-input":"required name=q"}}`, ""},
		{"AnnotationOfMissingProperty", `{"@context":"https://schema.org","@type":"SearchAction","headline-input":"required name=q"}`, `"headline-input" annotates "headline"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := JSONLD(t, Doc{tt.name, ld(tt.json)})
			if tt.want == "" {
				wantProblems(t, problems)
				return
			}
			if len(problems) == 0 || !strings.Contains(problems[0].Message, tt.want) {
				t.Fatalf("problems = %v, want one saying %q", problems, tt.want)
			}
		})
	}
	if got := LDTypes(ld(`{"@context":"https://schema.org","@type":"ClaimReview"}`)); len(got) != 1 || got[0] != "ClaimReview" {
		t.Errorf("LDTypes = %v", got)
	}
}

func TestLighthouseScores(t *testing.T) {
	one, half := 1.0, 0.5
	rep := lighthouseReport{}
	rep.Categories = map[string]struct {
		Score     *float64
		AuditRefs []struct{ ID string }
	}{"seo": {Score: &half, AuditRefs: []struct{ ID string }{{"meta-description"}, {"document-title"}, {"manual-one"}}}}
	rep.Audits = map[string]struct {
		Title            string
		Score            *float64
		ScoreDisplayMode string
	}{
		"meta-description": {Title: "Document does not have a meta description", Score: new(float64), ScoreDisplayMode: "binary"},
		"document-title":   {Title: "Document has a title", Score: &one, ScoreDisplayMode: "binary"},
		"manual-one":       {Title: "Checked by hand", ScoreDisplayMode: "manual"},
	}
	s := scores(rep)
	if s.Category["seo"] != 50 || len(s.Failed) != 1 || !strings.HasPrefix(s.Failed[0], "meta-description:") {
		t.Fatalf("scores = %+v", s)
	}
}

func TestNinJS(t *testing.T) {
	problems := NinJS(t,
		Doc{"good", []byte(`{"uri":"http://x/a","standard":{"name":"ninjs","version":"2.1","schema":"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"},"headlines":[{"value":"H"}]}`)},
		Doc{"bad-date", []byte(`{"uri":"http://x/a","versioncreated":"yesterday"}`)},
	)
	wantProblems(t, problems, "bad-date")
}
