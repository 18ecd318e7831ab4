package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteParagraphs numbers the paragraph a quote opens in as a reader does: from 1, with the
// blank lines that space paragraphs out left uncounted.
func TestQuoteParagraphs(t *testing.T) {
	cases := []struct {
		name  string
		text  newsroom.Text
		field string
		line  int
		want  int
	}{
		{"FirstParagraph", newsroom.Text{Body: "“One,” she said.\nTwo."}, "body", 0, 1},
		{"ThirdParagraph", newsroom.Text{Body: "One.\nTwo.\n“Three,” she said."}, "body", 2, 3},
		{"BlankLinesBetween", newsroom.Text{Body: "One.\n\nTwo.\n\n“Three,” she said."}, "body", 4, 3},
		{"BlankLinesFirst", newsroom.Text{Body: "\n\n“One,” she said."}, "body", 2, 1},
		{"SpacesOnlyLine", newsroom.Text{Body: "One.\n   \n“Two,” she said."}, "body", 2, 2},
		{"Brief", newsroom.Text{Brief: "The “quote”.", Body: "One.\nTwo."}, "brief", 0, 1},
		{"PastTheLastLine", newsroom.Text{Body: "One.\n\nTwo."}, "body", 9, 2},
		{"NegativeLine", newsroom.Text{Body: "One.\nTwo."}, "body", -1, 1},
		{"EmptyField", newsroom.Text{Body: "One."}, "brief", 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.text.QuoteParagraphs([]newsroom.Quote{{ID: 7, Field: c.field, Paragraph: c.line}})
			if got[7] != c.want {
				t.Errorf("QuoteParagraphs(line %d of %q) = %d, want %d", c.line, c.field, got[7], c.want)
			}
		})
	}
}

// TestQuoteParagraphsOfMany numbers each of several quotes, in two fields, by its id.
func TestQuoteParagraphsOfMany(t *testing.T) {
	text := newsroom.Text{Brief: "The “quote”.", Body: "One.\n\n“Two.”\n\n\n“Three.”"}
	got := text.QuoteParagraphs([]newsroom.Quote{
		{ID: 1, Field: "body", Paragraph: 5}, {ID: 2, Field: "brief", Paragraph: 0}, {ID: 3, Field: "body", Paragraph: 2},
	})
	want := map[int64]int{1: 3, 2: 1, 3: 2}
	if len(got) != len(want) {
		t.Fatalf("QuoteParagraphs = %v, want %v", got, want)
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("QuoteParagraphs = %v, want %v", got, want)
		}
	}
}
