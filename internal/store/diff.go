package store

import (
	"context"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/worddiff"
)

// Diff returns the word-level difference of every field of a draft between two of its versions.
func (s *Store) Diff(ctx context.Context, id int64, from, to int) (*newsroom.Diff, error) {
	a, err := s.Revision(ctx, id, from)
	if err != nil {
		return nil, err
	}
	b, err := s.Revision(ctx, id, to)
	if err != nil {
		return nil, err
	}
	fields := map[string][2]string{
		"title":          {a.Text.Title, b.Text.Title},
		"byline":         {a.Text.Byline, b.Text.Byline},
		"brief":          {a.Text.Brief, b.Text.Brief},
		"body":           {a.Text.Body, b.Text.Body},
		"topics":         {strings.Join(a.Text.Topics, "\n"), strings.Join(b.Text.Topics, "\n")},
		"editor_comment": {a.Text.EditorComment, b.Text.EditorComment},
	}
	d := &newsroom.Diff{From: from, To: to, Fields: make(map[string][]newsroom.Chunk, len(fields))}
	for name, pair := range fields {
		chunks := worddiff.Words(pair[0], pair[1])
		out := make([]newsroom.Chunk, len(chunks))
		for i, c := range chunks {
			out[i] = newsroom.Chunk{Op: string(c.Op), Text: c.Text}
		}
		d.Fields[name] = out
	}
	return d, nil
}
