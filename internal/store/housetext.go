package store

import (
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// The house text format carries pieces in and out: the importer reads a file into a draft's text
// (importedText), a publication renders a draft's text (ArticleOf), and pieceGate lets through
// only the texts that make that round trip unchanged.

// importedText is the draft text a parsed house-format file holds.
func importedText(doc publish.Document) newsroom.Text {
	t := newsroom.Text{Title: doc.Title, Byline: doc.Byline, Brief: doc.Brief, Body: strings.Join(doc.Body, "\n"),
		Topics: doc.Topics, EditorComment: doc.EditorComment}
	if t.Topics == nil {
		t.Topics = []string{}
	}
	return t
}

// ArticleOf is the article a publication of text renders, without the times, slug and
// corrections the publication adds. It is the one place a draft's text becomes an article: the
// snapshot's content hash, the draft page's preview and the bench's seeded pieces all use it.
// Its topics are the draft's, each topic page once (see publish.DistinctTopics).
func ArticleOf(t newsroom.Text) publish.Article {
	return publish.Article{Title: t.Title, Byline: t.Byline, Brief: t.Brief, Body: t.Paragraphs(),
		Topics: publish.DistinctTopics(t.Topics), EditorComment: t.EditorComment}
}

// pieceGate refuses text while it is not a whole piece that the house format carries: a title,
// byline, brief and body (newsroom's CheckWhole), and no body paragraph or topic that the
// format would read as one of its headings. Such a line is refused rather than escaped: the
// format has no escape, and other tools read it too.
func pieceGate(text newsroom.Text) error {
	if err := text.CheckWhole(); err != nil {
		return err
	}
	return headingGate(text.Paragraphs(), text.Topics)
}

// headingGate refuses body paragraphs and topics that the house format would read as headings,
// naming each in the detail "headings".
func headingGate(body, topics []string) error {
	clashes := publish.HeadingClashes(body, topics)
	if len(clashes) == 0 {
		return nil
	}
	return newsroom.Errorf(newsroom.EINVALID, "the house text format would read a line of this piece as a heading (%s); reword it",
		strings.Join(clashes, "; ")).With("headings", clashes)
}

// correctedText is d's text with a correction's body (nil keeps the body as it is). Only the
// body changes, so only a new body is held to the whole-piece rule (see CheckCorrectedBody), to
// the paragraph cap unless it has no more paragraphs than d's (see CheckParagraphs), and to
// having no paragraph the format reads as a heading: a correction that adds a note alone is
// taken for a piece published before a rule its body breaks.
func correctedText(d *newsroom.Draft, body *string) (newsroom.Text, error) {
	text := newsroom.DraftUpdate{Body: body}.Apply(d.Text()).Normalize()
	if body == nil {
		return text, nil
	}
	if err := text.CheckCorrectedBody(); err != nil {
		return text, err
	}
	if err := text.CheckParagraphs(d.Text()); err != nil {
		return text, err
	}
	return text, headingGate(text.Paragraphs(), nil)
}
