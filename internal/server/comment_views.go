package server

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// commentView is a comment as the draft page shows it, with what the viewer may do to it: resolve
// or reopen it, edit or delete it (its author, until someone replies), and whom a reply may be
// addressed to (To, with DefaultTo ticked).
type commentView struct {
	newsroom.Comment
	CanResolve bool
	CanChange  bool
	To         []newsroom.Person
	DefaultTo  int64
	// Waits says the thread waits for the viewer's answer: their inbox lists it (see
	// Store.ThreadsWaiting).
	Waits bool
}

// commentGroup is a list of threads under a heading: the comments on words still in the text
// (no heading), then those whose words are gone.
type commentGroup struct {
	Heading  string
	Detached bool
	Comments []commentView
}

// commentViews works out what viewer u may do to each of draft d's comments, and which wait for
// their answer.
func (s *Server) commentViews(ctx context.Context, u *newsroom.User, d *newsroom.Draft, comments []newsroom.Comment) ([]commentView, error) {
	out := make([]commentView, 0, len(comments))
	mayComment := s.store.Permissions(u, d).Comment
	waiting, err := s.store.ThreadsWaiting(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	for _, cm := range comments {
		v := commentView{Comment: cm, CanResolve: s.store.CanResolve(u, d, cm),
			CanChange: mayComment && newsroom.CheckCommentChange(cm, u.ID, newsroom.CommentEdit) == nil, Waits: waiting[cm.ID]}
		to, err := s.store.Readers(ctx, d, participants(cm, d.Writer, u.ID))
		if err != nil {
			return nil, err
		}
		v.To = to
		if cm.Author.ID != u.ID {
			v.DefaultTo = cm.Author.ID
		}
		out = append(out, v)
	}
	return out, nil
}

// participants are the people of a comment's thread and the draft's writer, each once, leaving
// out the viewer: whom a reply in it may be addressed to.
func participants(cm newsroom.Comment, writer newsroom.Person, viewer int64) []newsroom.Person {
	var out []newsroom.Person
	seen := map[int64]bool{viewer: true}
	add := func(p newsroom.Person) {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	add(cm.Author)
	for _, r := range cm.Replies {
		add(r.Author)
	}
	add(writer)
	return out
}

// commentGroups splits threads into those on words still in the text and those whose words are
// gone, leaving out a group with none.
func commentGroups(views []commentView) []commentGroup {
	attached := commentGroup{}
	detached := commentGroup{Heading: "Comments whose words are gone", Detached: true}
	for _, v := range views {
		if v.Detached {
			detached.Comments = append(detached.Comments, v)
		} else {
			attached.Comments = append(attached.Comments, v)
		}
	}
	var out []commentGroup
	for _, g := range []commentGroup{attached, detached} {
		if len(g.Comments) > 0 {
			out = append(out, g)
		}
	}
	return out
}
