package imaging

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
)

// scale draws src, turned as EXIF orientation o says, into r of dst with the Catmull-Rom kernel,
// widened when shrinking as golang.org/x/image/draw's is, so that every source pixel counts.
//
// It streams: each source row is read once, filtered across into one row of dst's width, and
// added into the few destination rows it falls under, each written out as soon as its last
// source row is in. Its memory is one source row and those few destination rows, whatever src's
// size. x/image/draw's Scale instead keeps every source row filtered across, as wide as the
// destination in float64s: 410 MB for a 1600-pixel-wide size of an 8000-pixel-tall photo.
// Turning comes last, pixel by pixel as each is written, so a turned photo is never copied whole.
func scale(dst draw.RGBA64Image, r image.Rectangle, src image.RGBA64Image, o int) {
	dw, dh := r.Dx(), r.Dy()
	if o >= 5 {
		dw, dh = dh, dw
	}
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	put := func(x, y int, c color.RGBA64) {
		px, py := place(o, x, y, dw, dh)
		dst.SetRGBA64(r.Min.X+px, r.Min.Y+py, c)
	}
	if dw == sw && dh == sh {
		// An image kept at its own size is copied: the kernel would weigh each pixel by one.
		for y := range sh {
			for x := range sw {
				put(x, y, src.RGBA64At(sb.Min.X+x, sb.Min.Y+y))
			}
		}
		return
	}
	cols := make([]taps, dw)
	for x := range cols {
		cols[x] = kernelTaps(x, dw, sw)
	}
	in := make([]uint16, 4*sw)      // one source row, premultiplied
	across := make([]float64, 4*dw) // that row filtered across
	var open, spare []*pendingRow
	next := 0 // the next destination row to open
	var ahead taps
	if dh > 0 {
		ahead = kernelTaps(0, dh, sh)
	}
	for y := 0; y < sh && (next < dh || len(open) > 0); y++ {
		for next < dh && ahead.from <= y {
			var p *pendingRow
			if n := len(spare); n > 0 {
				p, spare = spare[n-1], spare[:n-1]
				clear(p.sum)
			} else {
				p = &pendingRow{sum: make([]float64, 4*dw)}
			}
			p.y, p.taps = next, ahead
			open = append(open, p)
			next++
			if next < dh {
				ahead = kernelTaps(next, dh, sh)
			}
		}
		if len(open) == 0 {
			continue
		}
		readRow(in, src, sb.Min.Y+y)
		filterAcross(across, in, cols)
		kept := open[:0]
		for _, p := range open {
			k := y - p.taps.from
			w := p.taps.weights[k]
			for i, v := range across {
				p.sum[i] += w * v
			}
			if k < len(p.taps.weights)-1 {
				kept = append(kept, p)
				continue
			}
			for x := range dw {
				put(x, p.y, toRGBA64(p.sum[4*x:][:4]))
			}
			spare = append(spare, p)
		}
		open = kept
	}
}

// pendingRow is a destination row whose source rows are still being added in.
type pendingRow struct {
	y    int
	taps taps
	sum  []float64
}

// taps are the source pixels one destination pixel is made of: from the first's index on, one
// weight each, the weights summing to one.
type taps struct {
	from    int
	weights []float64
}

// kernelTaps returns the taps of destination pixel d of dn drawn from sn source pixels, as
// golang.org/x/image/draw's Catmull-Rom weighs them: centred on d's centre, with the kernel
// widened by the ratio when shrinking. Weights of zero at either end are left out.
func kernelTaps(d, dn, sn int) taps {
	k := draw.CatmullRom
	ratio := float64(sn) / float64(dn)
	half, argScale := k.Support, 1.0
	if ratio > 1 {
		half, argScale = half*ratio, 1/ratio
	}
	centre := (float64(d)+0.5)*ratio - 0.5
	lo := max(0, int(math.Floor(centre-half)))
	hi := min(sn, int(math.Ceil(centre+half)))
	t := taps{from: -1}
	total := 0.0
	for c := lo; c < hi; c++ {
		w := 0.0
		if at := math.Abs((centre - float64(c)) * argScale); at < k.Support {
			w = k.At(at)
		}
		if w == 0 && t.from < 0 {
			continue
		}
		if t.from < 0 {
			t.from = c
		}
		t.weights = append(t.weights, w)
		total += w
	}
	for len(t.weights) > 0 && t.weights[len(t.weights)-1] == 0 {
		t.weights = t.weights[:len(t.weights)-1]
	}
	for i := range t.weights {
		t.weights[i] /= total
	}
	return t
}

// readRow reads row y of src into row, four premultiplied 16-bit channels a pixel.
func readRow(row []uint16, src image.RGBA64Image, y int) {
	b := src.Bounds()
	switch m := src.(type) {
	case *image.YCbCr:
		// A JPEG's pixels, read without working out two offsets for each.
		yi, ci := m.YOffset(b.Min.X, y), m.COffset(b.Min.X, y)
		div := chromaDivisor[m.SubsampleRatio]
		for x := range b.Dx() {
			cx := ci + (b.Min.X+x)/div - b.Min.X/div
			r, g, bl, _ := color.YCbCr{Y: m.Y[yi+x], Cb: m.Cb[cx], Cr: m.Cr[cx]}.RGBA()
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = uint16(r), uint16(g), uint16(bl), 0xffff
		}
	default:
		for x := range b.Dx() {
			c := src.RGBA64At(b.Min.X+x, y)
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
}

// chromaDivisor is how many pixels across share one chroma sample, by subsampling ratio.
var chromaDivisor = map[image.YCbCrSubsampleRatio]int{
	image.YCbCrSubsampleRatio444: 1, image.YCbCrSubsampleRatio440: 1,
	image.YCbCrSubsampleRatio422: 2, image.YCbCrSubsampleRatio420: 2,
	image.YCbCrSubsampleRatio411: 4, image.YCbCrSubsampleRatio410: 4,
}

// filterAcross filters a source row across to the destination's width.
func filterAcross(out []float64, in []uint16, cols []taps) {
	for x, t := range cols {
		var r, g, b, a float64
		p := in[4*t.from:]
		for i, w := range t.weights {
			r += w * float64(p[4*i])
			g += w * float64(p[4*i+1])
			b += w * float64(p[4*i+2])
			a += w * float64(p[4*i+3])
		}
		out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = r, g, b, a
	}
}

// toRGBA64 rounds a filtered pixel to a colour, clamped as a kernel's overshoot needs: each
// channel into 0 to 0xffff and no colour above its alpha.
func toRGBA64(p []float64) color.RGBA64 {
	a := clamp16(p[3])
	return color.RGBA64{R: min(clamp16(p[0]), a), G: min(clamp16(p[1]), a), B: min(clamp16(p[2]), a), A: a}
}

func clamp16(f float64) uint16 {
	return uint16(min(max(f+0.5, 0), 0xffff))
}
