package revpack

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// kindSplice marks a splice: a delta that keeps, field by field, what the text before it has on
// either side of the one place the field changed, and carries only the new bytes between.
//
// Most saves are of this kind: an autosave of a few typed words, a sentence cut or rewritten.
// A zstd delta of them costs far more CPU than the change: before it matches a byte, the encoder
// builds a hash table of the whole dictionary and copies a 256 kB table. That was 0.13 ms a save
// and, in a profile of the benchmark's saves, 5% of the CPU, more than any other function. A
// splice costs a comparison of the two texts and the compression of the new bytes: 0.03 ms.
//
// After the kind come the checksum of the text before (four bytes, little-endian: a splice
// applied to any other text fails rather than give a wrong one) and a byte whose bit i says part
// i changed (the five fields, then the topics' bytes, in the order Marshal writes them). Then,
// for each part that changed, three uvarints: the bytes kept before the change, the bytes kept
// after it, and the new bytes between. Then the new bytes of every changed part in turn, after a
// byte saying how: spliceRaw as they are, spliceZstd in one zstd frame.
const kindSplice byte = 'S'

// How a splice's new bytes are kept: a few typed words are smaller as they are than in a frame.
const (
	spliceRaw  byte = 0
	spliceZstd byte = 1
)

// spliceMax is the most new bytes a splice carries; a larger change is packed as a zstd delta.
// Below it the splice is the few sentences of an autosave, where the delta's setup is most of
// its cost and its matches save little. Past it the new bytes are a paragraph or more, whose
// words zstd finds in the text before: with 600-byte paragraphs rewritten, splices made the
// database grow by 979 bytes a save and zstd deltas by 820 (BenchmarkRevisionGrowth).
const spliceMax = 512

// parts is a marshalled text cut into what a splice changes one place of: the five fields'
// bytes, then the topics' bytes as Marshal wrote them.
type parts [6][]byte

// cut cuts a marshalled text into its parts; false when b is not one as Marshal writes it.
func cut(b []byte) (parts, bool) {
	var p parts
	var minimal [binary.MaxVarintLen64]byte
	for i := range 5 {
		n, k := binary.Uvarint(b)
		if k <= 0 || k != binary.PutUvarint(minimal[:], n) || n > uint64(len(b)-k) {
			return parts{}, false
		}
		p[i], b = b[k:k+int(n)], b[k+int(n):]
	}
	p[5] = b
	return p, true
}

// splice packs raw as a splice after prev, or returns nil when it should be a zstd delta: when
// the change carries more than spliceMax new bytes, or either text's fields are not written as
// Marshal writes them.
func splice(prev, raw []byte) []byte {
	old, ok := cut(prev)
	if !ok {
		return nil
	}
	next, ok := cut(raw)
	if !ok {
		return nil
	}
	out := binary.LittleEndian.AppendUint32([]byte{kindSplice}, Sum(prev))
	out = append(out, 0)
	changed := len(out) - 1
	var fresh []byte
	for i := range old {
		if bytes.Equal(old[i], next[i]) {
			continue
		}
		before, after := commonEnds(old[i], next[i])
		middle := next[i][before : len(next[i])-after]
		if len(fresh)+len(middle) > spliceMax {
			return nil
		}
		fresh = append(fresh, middle...)
		out[changed] |= 1 << i
		out = binary.AppendUvarint(binary.AppendUvarint(binary.AppendUvarint(out, uint64(before)), uint64(after)), uint64(len(middle)))
	}
	e := keyEncoders.get()
	defer keyEncoders.put(e)
	if packed := e.EncodeAll(fresh, append(out, spliceZstd)); len(packed) < len(out)+1+len(fresh) {
		return packed
	}
	return append(append(out, spliceRaw), fresh...)
}

// commonEnds returns how many bytes a and b share at their start, and then at their end in
// what is left of both.
func commonEnds(a, b []byte) (before, after int) {
	n := min(len(a), len(b))
	for before+8 <= n && binary.LittleEndian.Uint64(a[before:]) == binary.LittleEndian.Uint64(b[before:]) {
		before += 8
	}
	for before < n && a[before] == b[before] {
		before++
	}
	for after < n-before && a[len(a)-1-after] == b[len(b)-1-after] {
		after++
	}
	return before, after
}

// unsplice applies the splice s, without its kind byte, to prev. The text it makes is measured
// before the new bytes are unpacked, so that no splice makes the decoder or the text larger
// than maxText.
func unsplice(s, prev []byte) ([]byte, error) {
	if prev == nil || len(s) < 5 || binary.LittleEndian.Uint32(s) != Sum(prev) || s[4]>>len(parts{}) != 0 {
		return nil, ErrCorrupt
	}
	old, ok := cut(prev)
	if !ok {
		return nil, ErrCorrupt
	}
	changed, r := s[4], reader{b: s[5:]}
	var keep [len(parts{})][2]uint64
	var sizes [len(parts{})]uint64
	var fresh, made uint64
	for i := range old {
		n := uint64(len(old[i]))
		if changed&(1<<i) == 0 {
			keep[i][0] = n
		} else {
			keep[i][0], keep[i][1], sizes[i] = r.uvarint(), r.uvarint(), r.uvarint()
		}
		if r.err != nil || keep[i][0] > n || keep[i][1] > n-keep[i][0] || sizes[i] > maxText {
			return nil, ErrCorrupt
		}
		fresh += sizes[i]
		made += keep[i][0] + keep[i][1] + sizes[i] + binary.MaxVarintLen64
	}
	if made > maxText {
		return nil, fmt.Errorf("%w: a splice makes a text of more than %d bytes", ErrCorrupt, maxText)
	}
	bytesNew, err := spliced(r.b)
	if err != nil {
		return nil, err
	}
	if uint64(len(bytesNew)) != fresh {
		return nil, fmt.Errorf("%w: a splice of %d new bytes carries %d", ErrCorrupt, fresh, len(bytesNew))
	}
	out := make([]byte, 0, made)
	for i, part := range old {
		before, after := part[:keep[i][0]], part[uint64(len(part))-keep[i][1]:]
		middle := bytesNew[:sizes[i]]
		bytesNew = bytesNew[sizes[i]:]
		if i < len(parts{})-1 {
			out = binary.AppendUvarint(out, uint64(len(before)+len(middle)+len(after)))
		}
		out = append(append(append(out, before...), middle...), after...)
	}
	return out, nil
}

// spliced returns a splice's new bytes from b, their byte of how they are kept and then them.
func spliced(b []byte) ([]byte, error) {
	switch {
	case len(b) > 0 && b[0] == spliceRaw:
		return b[1:], nil
	case len(b) > 0 && b[0] == spliceZstd:
		return decode(b[1:], nil)
	}
	return nil, ErrCorrupt
}
