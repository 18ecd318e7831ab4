// Package revpack keeps a draft's revisions small: it packs a revision's text either whole (a
// keyframe, zstd-compressed) or as a delta against the text of the revision before it, and
// rebuilds any revision from its chain: the keyframe and the deltas after it. A delta is a
// splice (what the text before keeps around the one place each field changed, and the new bytes
// between) when the change is small, and otherwise zstd with the text before as the raw
// dictionary, so that what did not change costs a few bytes of matches.
// It knows nothing of databases; the store decides where chains start (see Chain).
package revpack

import (
	"errors"
	"fmt"
	"hash/crc32"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The first byte of a packed text says how to unpack what follows it: a zstd frame for these
// two, a splice for kindSplice.
const (
	kindKeyframe byte = 'K'
	kindDelta    byte = 'D'
)

// maxText bounds what one packed text may unpack to, so that bad bytes cannot make the decoder
// allocate without limit: a draft's text, at its fields' limits in four-byte characters, stays
// well under it.
const maxText = 8 << 20

// ErrCorrupt is returned for packed bytes that do not unpack to a text.
var ErrCorrupt = errors.New("revpack: corrupt packed text")

// Sum is the checksum of a marshalled text, which a delta's frame names as its dictionary: a
// delta unpacked against any other text than the one it was made against fails instead of
// giving a wrong text.
func Sum(raw []byte) uint32 {
	return crc32.ChecksumIEEE(raw)
}

// dictID is the dictionary id a delta against prev carries. Zero means "no dictionary" to zstd,
// so it is never used.
func dictID(prev []byte) uint32 {
	return Sum(prev) | 1<<31
}

// The encoders are kept for reuse in lists of their own, which the garbage collector does not
// empty as it empties a sync.Pool: making one costs more than packing a text (2 ms of CPU and
// megabytes of zeroed memory), and with a pool each collection made every saver build its
// encoder again. Keyframes and deltas have lists of their own because an encoder changed
// between having a dictionary and not is rebuilt. The decoders, used only to read old
// revisions, keep a pool.
var (
	keyEncoders   = make(encoderList, keptEncoders)
	deltaEncoders = make(encoderList, keptEncoders)
	decoders      = sync.Pool{New: func() any { return newDecoder() }}
)

// keptEncoders is how many encoders of each kind are kept: packing is pure CPU, so about as many
// run at once as there are cores, and more are made when needed and then let go.
const keptEncoders = 4

// encoderWindow is how far back an encoder looks for a match. A delta finds the unchanged text
// one previous text back, so the window holds the previous text of a body at its limit in
// ASCII (400 kB) and in most scripts; a body near the limit in three- or four-byte characters
// (CJK, emoji) passes 1 MB, and its deltas then find few matches and store close to a whole
// compressed text: correct, only larger. An encoder's memory grows with its window, and zstd's
// default of 8 MB made each encoder take 14 MB.
const encoderWindow = 1 << 20

// encoderList is a bounded list of idle encoders.
type encoderList chan *zstd.Encoder

// get takes an idle encoder, or makes one.
func (l encoderList) get() *zstd.Encoder {
	select {
	case e := <-l:
		return e
	default:
		return newEncoder()
	}
}

// put gives e back, or lets it go when enough are idle.
func (l encoderList) put(e *zstd.Encoder) {
	select {
	case l <- e:
	default:
	}
}

func newEncoder() *zstd.Encoder {
	e, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false), zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithWindowSize(encoderWindow), zstd.WithLowerEncoderMem(true))
	if err != nil {
		panic(fmt.Sprintf("revpack: zstd encoder: %v", err))
	}
	return e
}

func newDecoder() *zstd.Decoder {
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxText), zstd.WithDecoderMaxWindow(maxText))
	if err != nil {
		panic(fmt.Sprintf("revpack: zstd decoder: %v", err))
	}
	return d
}

// Keyframe packs the marshalled text raw whole.
func Keyframe(raw []byte) []byte {
	e := keyEncoders.get()
	defer keyEncoders.put(e)
	return e.EncodeAll(raw, []byte{kindKeyframe})
}

// Delta packs the marshalled text raw against prev, the marshalled text of the revision before:
// as a splice when the change is a few places of new bytes (see kindSplice), else as zstd with
// prev as its dictionary.
func Delta(prev, raw []byte) []byte {
	if s := splice(prev, raw); s != nil {
		return s
	}
	e := deltaEncoders.get()
	defer deltaEncoders.put(e)
	if err := e.ResetWithOptions(nil, zstd.WithEncoderDictRaw(dictID(prev), prev)); err != nil {
		panic(fmt.Sprintf("revpack: zstd dictionary: %v", err))
	}
	return e.EncodeAll(raw, []byte{kindDelta})
}

// IsKeyframe reports whether packed is a keyframe, which unpacks without the text before it.
func IsKeyframe(packed []byte) bool {
	return len(packed) > 0 && packed[0] == kindKeyframe
}

// Unpack returns the marshalled text packed holds: a keyframe's alone, a delta's applied to
// prev, the marshalled text it was made against.
func Unpack(packed, prev []byte) ([]byte, error) {
	if len(packed) == 0 {
		return nil, ErrCorrupt
	}
	switch packed[0] {
	case kindKeyframe:
		return decode(packed[1:], nil)
	case kindDelta:
		if prev == nil {
			return nil, ErrCorrupt
		}
		return decode(packed[1:], prev)
	case kindSplice:
		return unsplice(packed[1:], prev)
	}
	return nil, ErrCorrupt
}

// decode unpacks one zstd frame, with the raw dictionary dict unless it is nil. No bytes are no
// frame, rather than the empty text zstd makes of them.
func decode(frame, dict []byte) ([]byte, error) {
	if len(frame) == 0 {
		return nil, ErrCorrupt
	}
	d := decoders.Get().(*zstd.Decoder)
	defer decoders.Put(d)
	opts := []zstd.DOption{zstd.WithDecoderDictDelete()}
	if dict != nil {
		opts = append(opts, zstd.WithDecoderDictRaw(dictID(dict), dict))
	}
	if err := d.ResetWithOptions(nil, opts...); err != nil {
		return nil, fmt.Errorf("revpack: zstd dictionary: %w", err)
	}
	raw, err := d.DecodeAll(frame, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return raw, nil
}

// Rebuild returns the text at the end of chain: a keyframe, then each delta made against the
// text before it. sum is the Sum of the text packed last: each delta names the text it applies
// to, but a splice's own bytes, or a frame's, changed on disk could still unpack to another text.
func Rebuild(chain [][]byte, sum uint32) (newsroom.Text, error) {
	if len(chain) == 0 || !IsKeyframe(chain[0]) {
		return newsroom.Text{}, fmt.Errorf("%w: a chain starts with a keyframe", ErrCorrupt)
	}
	var raw []byte
	for i, packed := range chain {
		if i > 0 && IsKeyframe(packed) {
			return newsroom.Text{}, fmt.Errorf("%w: a keyframe inside a chain", ErrCorrupt)
		}
		var err error
		if raw, err = Unpack(packed, raw); err != nil {
			return newsroom.Text{}, err
		}
	}
	if Sum(raw) != sum {
		return newsroom.Text{}, fmt.Errorf("%w: the chain unpacks to another text than the one packed", ErrCorrupt)
	}
	return Unmarshal(raw)
}
