package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// Import reads a piece in the house text format and creates a draft owned by the writer named
// author, in stage draft, with the file's title, byline, date, brief, body, topics and editor's
// comment. The site footer is recognised and dropped. A file that is not in the house format is
// refused whole, naming the line and what was expected. The caller must be the operator or a
// user allowed to import (editors and admins).
func (s *Store) Import(ctx context.Context, author string, data []byte, footer []string) (*newsroom.Draft, error) {
	u := newsroom.UserFrom(ctx)
	if op, _ := ctx.Value(operatorKey{}).(bool); !op {
		if u == nil {
			return nil, newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in first")
		}
		if err := s.authz.Check(u, authz.DraftImport, 0); err != nil {
			return nil, err
		}
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
	if writer.Role != newsroom.RoleWriter {
		return nil, newsroom.Errorf(newsroom.EINVALID, "%q is a %s, not a writer", author, writer.Role)
	}
	if u == nil {
		u = writer
	}
	return s.createDraft(ctx, u, writer.ID, importedText(doc), doc.Date.Format("2006-01-02"), "import")
}
