package publish

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// shortDoc is a minimal valid file, one line per element, for the tables below to break.
const shortDoc = "Title\n\nBy Line\nMay 7, 2025\nBrief\nThe brief.\nParagraph one.\nTopics\nEditor's Comments\nComment."

var footer = strings.Join(DefaultFooter, "\n")

func TestParseErrors(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		file     string
		line     int
		expected string
		found    string
	}{
		{"EmptyFile", "", 1, "a title", "end of file"},
		{"NoTitle", "\n" + shortDoc, 1, "a title", "an empty line"},
		{"BlankTitle", "   \n" + shortDoc[len("Title\n"):], 1, "a title", `"   "`},
		{"NoEmptyLine2", strings.Replace(shortDoc, "Title\n\n", "Title\n", 1), 2, "an empty line", `"By Line"`},
		{"NoByline", "Title\n\n", 3, "a byline", "end of file"},
		{"EmptyByline", strings.Replace(shortDoc, "By Line", "", 1), 3, "a byline", "an empty line"},
		{"DateISO", strings.Replace(shortDoc, "May 7, 2025", "2025-05-07", 1), 4, `a date like "January 2, 2006"`, `"2025-05-07"`},
		{"DateZeroPadded", strings.Replace(shortDoc, "May 7, 2025", "May 07, 2025", 1), 4, `a date like "January 2, 2006"`, `"May 07, 2025"`},
		{"DateLowercase", strings.Replace(shortDoc, "May 7, 2025", "may 7, 2025", 1), 4, `a date like "January 2, 2006"`, `"may 7, 2025"`},
		{"NoBriefHeading", strings.Replace(shortDoc, "Brief\n", "", 1), 5, `"Brief"`, `"The brief."`},
		{"NoBrief", strings.Replace(shortDoc, "The brief.", "", 1), 6, "the brief", "an empty line"},
		{"NoBodyParagraph", strings.Replace(shortDoc, "Paragraph one.\n", "", 1), 7, "a body paragraph", `"Topics"`},
		{"BlankBodyLine", strings.Replace(shortDoc, "Paragraph one.\n", "Paragraph one.\n\nTwo.\n", 1), 8, `a body paragraph or "Topics"`, "an empty line"},
		{"NoTopicsHeading", strings.Replace(shortDoc, "Topics\n", "", 1), 8, `a body paragraph or "Topics"`, `"Editor's Comments"`},
		{"BodyToEndOfFile", "Title\n\nBy Line\nMay 7, 2025\nBrief\nThe brief.\nParagraph one.", 8, `a body paragraph or "Topics"`, "end of file"},
		{"BlankTopic", strings.Replace(shortDoc, "Topics\n", "Topics\nOne\n\n", 1), 10, `a topic, "Editor's Comments" or "Corrections"`, "an empty line"},
		{"TopicsThenStray", strings.Replace(shortDoc, "Editor's Comments\nComment.", "One\n\nTwo", 1), 10, `a topic, "Editor's Comments" or "Corrections"`, "an empty line"},
		{"LineAfterComment", shortDoc + "\nP.S. one more thing", 11, `"Corrections" or the footer`, `"P.S. one more thing"`},
		{"TwoTrailingNewlines", shortDoc + "\n\n", 11, `"Corrections" or the footer`, "an empty line"},
		{"PartialFooter", shortDoc + "\n" + DefaultFooter[0], 11, `"Corrections" or the footer`, `"Like this article?…"`},
		{"FooterTwice", shortDoc + "\n" + footer + "\n" + footer, 11, `"Corrections" or the footer`, `"Like this article?…"`},
		{"EmptyCorrections", shortDoc + "\nCorrections", 12, `a correction like "May 8, 2025: what was corrected"`, "end of file"},
		{"EmptyCorrectionsBeforeFooter", shortDoc + "\nCorrections\n" + footer, 12, `a correction like "May 8, 2025: what was corrected"`, `"Like this article?…"`},
		{"CorrectionWithoutDate", shortDoc + "\nCorrections\nYesterday: a typo", 12, `a correction like "May 8, 2025: what was corrected"`, `"Yesterday: a typo"`},
		{"CorrectionWithoutNote", shortDoc + "\nCorrections\nMay 8, 2025: ", 12, `a correction like "May 8, 2025: what was corrected"`, `"May 8, 2025: "`},
		{"InvalidUTF8", strings.Replace(shortDoc, "The brief.", "The \xffbrief.", 1), 6, "UTF-8 text", "the byte 0xFF"},
		{"ControlCharacter", strings.Replace(shortDoc, "Comment.", "Com\x07ment.", 1), 10, "text without control characters", "control character U+0007"},
		{"LoneCarriageReturn", strings.Replace(shortDoc, "By Line", "By\rLine", 1), 3, "text without control characters", "control character U+000D"},
		{"SeedWithoutBrief", strings.Replace(string(seed), "Brief\n", "", 1), 5, `"Brief"`, `"Mexican President…"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.file), DefaultFooter)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse error = %v, want a *ParseError", err)
			}
			if pe.Line != tc.line || pe.Expected != tc.expected || pe.Found != tc.found {
				t.Errorf("Parse error = line %d, expected %s, found %s; want line %d, expected %s, found %s",
					pe.Line, pe.Expected, pe.Found, tc.line, tc.expected, tc.found)
			}
		})
	}
	t.Run("Message", func(t *testing.T) {
		_, err := Parse([]byte(strings.Replace(string(seed), "Brief\n", "", 1)), DefaultFooter)
		if want := `line 5: expected "Brief", found "Mexican President…"`; err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
	})
	t.Run("NoFooterSetting", func(t *testing.T) {
		_, err := Parse([]byte(shortDoc+"\nStray"), nil)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Expected != `"Corrections" or end of file` {
			t.Errorf("error = %v, want one expecting the end of the file", err)
		}
	})
}

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, file, comment string
		topics              []string
		corrections         int
	}{
		{"Minimal", shortDoc, "Comment.", nil, 0},
		{"TrailingNewline", shortDoc + "\n", "Comment.", nil, 0},
		{"CRLF", strings.ReplaceAll(shortDoc, "\n", "\r\n") + "\r\n", "Comment.", nil, 0},
		{"DoubleBOM", "\uFEFF\uFEFF" + shortDoc, "Comment.", nil, 0},
		{"Footer", shortDoc + "\n" + footer, "Comment.", nil, 0},
		{"EmptyComment", strings.Replace(shortDoc, "Comment.", "", 1) + "\n" + footer, "", nil, 0},
		{"EmptyCommentAtEnd", strings.Replace(shortDoc, "Comment.", "", 1) + "\n", "", nil, 0},
		{"CommentLeftOutBeforeFooter", strings.Replace(shortDoc, "Comment.", footer, 1), "", nil, 0},
		{"Topics", strings.Replace(shortDoc, "Topics\n", "Topics\nMexico\nTopics\n", 1), "Comment.", []string{"Mexico", "Topics"}, 0},
		{"CommentNamedCorrections", strings.Replace(shortDoc, "Comment.", "Corrections", 1) + "\n" + footer, "Corrections", nil, 0},
		{"NoCommentSection", strings.Replace(shortDoc, "\nEditor's Comments\nComment.", "", 1), "", nil, 0},
		{"NoCommentSectionBeforeFooter", strings.Replace(shortDoc, "Editor's Comments\nComment.", footer, 1), "", nil, 0},
		{"TopicsWithoutComment", strings.Replace(shortDoc, "Editor's Comments\nComment.", "Mexico\n"+footer, 1), "", []string{"Mexico"}, 0},
		{"NoCommentSectionBeforeCorrections", strings.Replace(shortDoc, "Editor's Comments\nComment.", "Corrections\nMay 8, 2025: A date.", 1), "", nil, 1},
		{"Corrections", shortDoc + "\nCorrections\nMay 9, 2025: Fixed: a name.\nMay 8, 2025: A date.\n" + footer, "Comment.", nil, 2},
		{"CorrectionsAtEnd", shortDoc + "\nCorrections\nMay 8, 2025: A date.\n", "Comment.", nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.file), DefaultFooter)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != "Title" || d.Brief != "The brief." || len(d.Body) != 1 {
				t.Errorf("Title, Brief, Body = %q, %q, %q", d.Title, d.Brief, d.Body)
			}
			if d.EditorComment != tc.comment || !slices.Equal(d.Topics, tc.topics) || len(d.Corrections) != tc.corrections {
				t.Errorf("EditorComment, Topics, Corrections = %q, %q, %v; want %q, %q and %d corrections",
					d.EditorComment, d.Topics, d.Corrections, tc.comment, tc.topics, tc.corrections)
			}
		})
	}
}
