package revpack

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Marshal writes a text's six fields as one byte string, each field its length then its bytes,
// the topics their count then each topic: the form a revision is packed from.
func Marshal(t newsroom.Text) []byte {
	return appendMarshal(make([]byte, 0, marshalledSize(t)), t)
}

// marshalledSize is at least the length of t marshalled.
func marshalledSize(t newsroom.Text) int {
	n := len(t.Title) + len(t.Byline) + len(t.Brief) + len(t.Body) + len(t.EditorComment) + 6*binary.MaxVarintLen64
	for _, tp := range t.Topics {
		n += len(tp) + binary.MaxVarintLen64
	}
	return n
}

// appendMarshal appends t marshalled to b.
func appendMarshal(b []byte, t newsroom.Text) []byte {
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

// Kept is a text marshalled into a buffer that is used again once it is released: a save
// marshals the text before it only to pack its own against it (see Delta), and a buffer of the
// text's size for every save was a tenth of a save's garbage.
type Kept struct {
	b []byte
}

// maxKept is the largest buffer kept for another text: a long piece's, not a rare huge one's.
const maxKept = 256 << 10

// kept are the buffers released, for the next MarshalKept.
var kept = sync.Pool{New: func() any { return new(Kept) }}

// MarshalKept is Marshal into a kept buffer. Its bytes are valid until Release.
func MarshalKept(t newsroom.Text) *Kept {
	k := kept.Get().(*Kept)
	if n := marshalledSize(t); cap(k.b) < n {
		k.b = make([]byte, 0, n)
	}
	k.b = appendMarshal(k.b[:0], t)
	return k
}

// Bytes is the marshalled text.
func (k *Kept) Bytes() []byte { return k.b }

// Release gives k's buffer back for another text; nothing may use its bytes after.
func (k *Kept) Release() {
	if cap(k.b) <= maxKept {
		kept.Put(k)
	}
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
