package imaging

import "encoding/binary"

// jpegFrame is what a JPEG's headers say of how Go's decoder will hold it while decoding: its
// frame header (SOF) and the markers that decide its colour conversion.
type jpegFrame struct {
	progressive   bool
	width, height int
	comps         []jpegComponent
	jfif          bool // the last APP0 segment is "JFIF": three components are YCbCr
	adobe         int  // the last APP14 "Adobe" segment's transform, or -1 without one
}

// jpegComponent is one component of a frame: its identifier and sampling factors.
type jpegComponent struct {
	id   byte
	h, v int
}

// readJPEGFrame walks a JPEG's markers to its end (EOI) as Go's decoder does, for its frame
// header and the markers that decide its colour conversion, which may come before or after the
// frame header, between scans too; the last of each counts. As in the decoder, bytes that are
// not a marker are skipped (a scan's coded data among them), a marker may follow any number of
// fill bytes, and restart markers carry no length. ok is false when no supported frame header
// (SOF0, SOF1 or SOF2) is found; the walk ends at a second one, which the decoder refuses.
func readJPEGFrame(data []byte) (f jpegFrame, ok bool) {
	f.adobe = -1
	i := 2 // after the SOI marker, which Sniff checked
	for {
		for i < len(data) && data[i] != 0xFF {
			i++
		}
		for i < len(data) && data[i] == 0xFF {
			i++
		}
		if i >= len(data) {
			return f, ok
		}
		marker := data[i]
		i++
		switch {
		case marker == 0x00, marker >= 0xD0 && marker <= 0xD7:
			continue
		case marker == 0xD9:
			return f, ok
		}
		if i+2 > len(data) {
			return f, ok
		}
		size := int(binary.BigEndian.Uint16(data[i:]))
		if size < 2 || i+size > len(data) {
			return f, ok
		}
		seg := data[i+2 : i+size]
		i += size
		switch {
		case (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) && ok:
			// Go's decoder refuses a second frame header; the first is what it read.
			return f, true
		case marker == 0xC0 || marker == 0xC1 || marker == 0xC2:
			if !f.readSOF(marker == 0xC2, seg) {
				return f, false
			}
			ok = true
		case marker == 0xE0 && len(seg) >= 5:
			f.jfif = string(seg[:5]) == "JFIF\x00"
		case marker == 0xEE && len(seg) >= 12 && string(seg[:5]) == "Adobe":
			f.adobe = int(seg[11])
		}
	}
}

// readSOF reads a frame header's size and components, and reports whether it is whole.
func (f *jpegFrame) readSOF(progressive bool, seg []byte) bool {
	if len(seg) < 6 {
		return false
	}
	f.progressive = progressive
	f.height, f.width = int(binary.BigEndian.Uint16(seg[1:])), int(binary.BigEndian.Uint16(seg[3:]))
	n := int(seg[5])
	if n == 0 || len(seg) < 6+3*n {
		return false
	}
	for c := range n {
		b := seg[6+3*c:]
		h, v := int(b[1]>>4), int(b[1]&0x0F)
		if h == 0 || v == 0 {
			return false
		}
		f.comps = append(f.comps, jpegComponent{id: b[0], h: h, v: v})
	}
	return true
}

// openingCost is about how many bytes Go's decoder holds at once to decode the frame: its
// components' samples, padded to whole blocks of the largest sampling; for a progressive JPEG
// the coefficients of every block besides (64 of 4 bytes for 64 samples); and for a JPEG coded
// in RGB or in CMYK the 4-byte pixels it converts the samples to.
func (f jpegFrame) openingCost() int64 {
	hmax, vmax, blocks := 1, 1, 0
	for _, c := range f.comps {
		hmax, vmax = max(hmax, c.h), max(vmax, c.v)
		blocks += c.h * c.v
	}
	mxx := (int64(f.width) + 8*int64(hmax) - 1) / (8 * int64(hmax))
	myy := (int64(f.height) + 8*int64(vmax) - 1) / (8 * int64(vmax))
	samples := 64 * mxx * myy * int64(blocks)
	cost := samples
	if f.progressive {
		cost += 4 * samples
	}
	if len(f.comps) == 4 || f.rgb() {
		cost += 4 * int64(f.width) * int64(f.height)
	}
	return cost
}

// rgb reports whether Go's decoder reads a three-component frame as RGB rather than YCbCr, and
// so converts it to RGBA pixels.
func (f jpegFrame) rgb() bool {
	if len(f.comps) != 3 || f.jfif {
		return false
	}
	return f.adobe == 0 || f.comps[0].id == 'R' && f.comps[1].id == 'G' && f.comps[2].id == 'B'
}
