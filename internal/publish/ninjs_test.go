package publish

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/conformance"
)

// TestNinJSValidates holds ninjs to IPTC's ninjs 2.1 schema, with its formats ("uri",
// "date-time") asserted, through the conformance checks every public output is held to.
func TestNinJSValidates(t *testing.T) {
	_, seed := mustSeed(t)
	bare := Article{Slug: "bare", Title: "Bare", Body: []string{"One."}, PublishedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	for name, a := range map[string]Article{
		"Seed":      articleOf(seed),
		"Corrected": correctedArticle(),
		"Bare":      bare,
		"Script":    scriptArticle(),
		"Image":     illustratedArticle(),
	} {
		t.Run(name, func(t *testing.T) {
			out, err := NinJS(Site{Name: "Copydesk", BaseURL: "http://127.0.0.1:8080"}, a)
			if err != nil {
				t.Fatal(err)
			}
			conformance.Pass(t, "ninjs 2.1", conformance.NinJS(t, conformance.Doc{Name: name, Body: out}))
		})
	}
	t.Run("SchemaRejects", func(t *testing.T) {
		// SchemaRejects shows the validation has teeth: ninjs 3's "bylines" is not 2.1.
		var doc map[string]any
		if err := json.Unmarshal(must(NinJS(testSite, correctedArticle())), &doc); err != nil {
			t.Fatal(err)
		}
		valid := func(doc map[string]any) bool {
			body, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			return len(conformance.NinJS(t, conformance.Doc{Name: "changed", Body: body})) == 0
		}
		doc["bylines"] = []any{map[string]any{"byline": "Ana Pérez"}}
		if valid(doc) {
			t.Error("a ninjs document with an unknown property validated")
		}
		delete(doc, "bylines")
		doc["versioncreated"] = "May 9, 2025"
		if valid(doc) {
			t.Error("a ninjs document with a malformed date-time validated")
		}
	})
}

func TestNinJSFields(t *testing.T) {
	var doc struct {
		URI, Type, PubStatus, Language, By, FirstCreated, VersionCreated string
		Headlines, Descriptions, Bodies                                  []struct{ Role, Value string }
		Subjects                                                         []struct{ Name string }
	}
	if err := json.Unmarshal(must(NinJS(testSite, correctedArticle())), &doc); err != nil {
		t.Fatal(err)
	}
	a := correctedArticle()
	if doc.URI != URLs(testSite, a.Slug)["html"] || doc.Type != "text" || doc.PubStatus != "usable" || doc.Language != "en" || doc.By != a.Byline {
		t.Errorf("uri, type, pubstatus, language, by = %q, %q, %q, %q, %q", doc.URI, doc.Type, doc.PubStatus, doc.Language, doc.By)
	}
	if doc.FirstCreated != "2025-05-07T09:15:00Z" || doc.VersionCreated != "2025-05-09T14:30:00Z" {
		t.Errorf("firstcreated, versioncreated = %q, %q", doc.FirstCreated, doc.VersionCreated)
	}
	if len(doc.Headlines) != 1 || doc.Headlines[0].Value != a.Title {
		t.Errorf("headlines = %+v", doc.Headlines)
	}
	if len(doc.Descriptions) != 3 || doc.Descriptions[0].Role != "summary" || doc.Descriptions[0].Value != a.Brief ||
		doc.Descriptions[1].Role != "correction" || doc.Descriptions[1].Value != "May 9, 2025: "+a.Corrections[0].Note {
		t.Errorf("descriptions = %+v", doc.Descriptions)
	}
	if len(doc.Bodies) != 2 || doc.Bodies[0].Value != a.Body[0]+"\n\n"+a.Body[1]+"\n\n"+a.Body[2] || doc.Bodies[1].Value != a.EditorComment {
		t.Errorf("bodies = %+v", doc.Bodies)
	}
	if len(doc.Subjects) != 3 || doc.Subjects[2].Name != "Urban Life" {
		t.Errorf("subjects = %+v", doc.Subjects)
	}
}

// TestNinJSWordCount counts words as word processors do, in scripts with and without spaces.
func TestNinJSWordCount(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"English", "Mayor O’Neil said, “It’s a small change.”", 7},
		{"StandAloneMarks", "Tom & Jerry — 7–2 🎉 # heading", 4},
		{"Chinese", "他说：“我不知道。”", 6},
		{"JapaneseWithLatin", "東京でiPhoneを買った。", 8},
		{"Korean", "그는 모르겠다고 말했다.", 3},
		{"Arabic", "قال الوزير: «سنبني المدرسة» أمس.", 5},
		{"Paragraphs", "One two.\n\nThree.", 3},
		{"NumbersOfTheirOwn", "Add ½ lemon, 1½ cups and 2 × 400g tins; serves 4–6, 10 m² in all, chapter Ⅻ, step ③.", 19},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := correctedArticle()
			a.Body = []string{tc.text}
			out, err := NinJS(testSite, a)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct{ Bodies []struct{ WordCount int } }
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if got := doc.Bodies[0].WordCount; got != tc.want {
				t.Errorf("wordcount of %q = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}
