package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
)

// Import reads a piece in the house text format and creates a draft owned by the writer named
// author, in the workflow's first stage, with the file's title, byline, date, brief, body, topics and editor's
// comment. The site footer is recognised and dropped. A file that is not in the house format is
// refused whole, naming the line and what was expected. The caller must be allowed to import
// (see permitted); the author must be allowed to write drafts.
func (s *Store) Import(ctx context.Context, author string, data []byte, footer []string) (*newsroom.Draft, error) {
	u, err := s.permitted(ctx, policy.DraftImport)
	if err != nil {
		return nil, err
	}
	doc, err := publish.Parse(data, footer)
	if err != nil {
		return nil, newsroom.Errorf(newsroom.EINVALID, "not in the house format: %s", err.Error())
	}
	var w userRow
	err = takeUserNamed(s.read(ctx), author, &w)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.EINVALID, "no user named %q to own the draft", author)
	} else if err != nil {
		return nil, internal("find author", err)
	}
	writer := w.user()
	// The author's role must be one that writes drafts; they need not be active: a newsroom
	// imports the archive of writers who have left.
	if !s.policy.Can(&newsroom.User{ID: writer.ID, Role: writer.Role}, policy.DraftCreate, 0) {
		who := s.policy.RoleWords(writer.Role)
		return nil, newsroom.Errorf(newsroom.EINVALID, "%q is %s, and the workflow does not let %s write drafts", author, who, who)
	}
	if u == nil {
		u = writer
	}
	d, _, err := s.createDraft(ctx, u, writer.ID, importedText(doc), doc.Date.Format("2006-01-02"), newsroom.StepImport, "")
	return d, err
}
