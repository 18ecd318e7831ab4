package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteParagraph numbers the paragraph a quote opens in as a reader does: from 1, with the
// blank lines that space paragraphs out left uncounted.
func TestQuoteParagraph(t *testing.T) {
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.text.QuoteParagraph(newsroom.Quote{Field: c.field, Paragraph: c.line}); got != c.want {
				t.Errorf("QuoteParagraph(line %d of %q) = %d, want %d", c.line, c.field, got, c.want)
			}
		})
	}
}
