package revpack

import (
	"encoding/binary"
	"fmt"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Marshal writes a text's six fields as one byte string, each field its length then its bytes,
// the topics their count then each topic: the form a revision is packed from.
func Marshal(t newsroom.Text) []byte {
	n := len(t.Title) + len(t.Byline) + len(t.Brief) + len(t.Body) + len(t.EditorComment) + 6*binary.MaxVarintLen64
	for _, tp := range t.Topics {
		n += len(tp) + binary.MaxVarintLen64
	}
	b := make([]byte, 0, n)
	for _, f := range []string{t.Title, t.Byline, t.Brief, t.Body, t.EditorComment} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	b = binary.AppendUvarint(b, uint64(len(t.Topics)))
	for _, tp := range t.Topics {
		b = binary.AppendUvarint(b, uint64(len(tp)))
		b = append(b, tp...)
	}
	return b
}

// Unmarshal reads a text Marshal wrote. A text without topics has an empty list, as a saved
// text has (see newsroom.Text.Normalize).
func Unmarshal(b []byte) (newsroom.Text, error) {
	r := reader{b: b}
	var t newsroom.Text
	for _, f := range []*string{&t.Title, &t.Byline, &t.Brief, &t.Body, &t.EditorComment} {
		*f = r.field()
	}
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = fmt.Errorf("%d topics in %d bytes", n, len(r.b))
	}
	t.Topics = make([]string, 0, min(n, uint64(len(r.b))))
	for i := uint64(0); i < n && r.err == nil; i++ {
		t.Topics = append(t.Topics, r.field())
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the text", len(r.b))
	}
	if r.err != nil {
		return newsroom.Text{}, fmt.Errorf("%w: %w", ErrCorrupt, r.err)
	}
	return t, nil
}

// reader reads the fields of a marshalled text, keeping the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || n != len(binary.AppendUvarint(nil, v)) {
		// A length written in more bytes than it needs is refused, so that a text has one form.
		r.err = fmt.Errorf("bad length")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) field() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = fmt.Errorf("a field of %d bytes in %d", n, len(r.b))
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
