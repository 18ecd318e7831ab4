// Package revpack keeps a draft's revisions small: it packs a revision's text either whole (a
// keyframe, zstd-compressed) or as a delta against the text of the revision before it (zstd
// with that text as the raw dictionary, so that what did not change costs a few bytes of
// matches), and rebuilds any revision from its chain: the keyframe and the deltas after it.
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

// The first byte of a packed text says how to unpack the zstd frame after it.
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

// The encoders and decoders are kept for reuse: making one costs more than packing a text.
// Keyframes and deltas have pools of their own because an encoder changed between having a
// dictionary and not is rebuilt.
var (
	keyEncoders   = sync.Pool{New: func() any { return newEncoder() }}
	deltaEncoders = sync.Pool{New: func() any { return newEncoder() }}
	decoders      = sync.Pool{New: func() any { return newDecoder() }}
)

func newEncoder() *zstd.Encoder {
	e, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false), zstd.WithEncoderLevel(zstd.SpeedFastest))
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
	e := keyEncoders.Get().(*zstd.Encoder)
	defer keyEncoders.Put(e)
	return e.EncodeAll(raw, []byte{kindKeyframe})
}

// Delta packs the marshalled text raw against prev, the marshalled text of the revision before.
func Delta(prev, raw []byte) []byte {
	e := deltaEncoders.Get().(*zstd.Encoder)
	defer deltaEncoders.Put(e)
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
	d := decoders.Get().(*zstd.Decoder)
	defer decoders.Put(d)
	opts := []zstd.DOption{zstd.WithDecoderDictDelete()}
	switch {
	case packed[0] == kindDelta && prev != nil:
		opts = append(opts, zstd.WithDecoderDictRaw(dictID(prev), prev))
	case packed[0] != kindKeyframe:
		return nil, ErrCorrupt
	}
	if err := d.ResetWithOptions(nil, opts...); err != nil {
		return nil, fmt.Errorf("revpack: zstd dictionary: %w", err)
	}
	raw, err := d.DecodeAll(packed[1:], nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return raw, nil
}

// Rebuild returns the text at the end of chain: a keyframe, then each delta made against the
// text before it.
func Rebuild(chain [][]byte) (newsroom.Text, error) {
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
	return Unmarshal(raw)
}
