package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"slices"

	"golang.org/x/image/draw"
)

// Variants makes the image at each of widths narrower than it, and at its own width when that is
// no wider than the widest asked for, narrowest first; it never enlarges. Each variant is a JPEG,
// or a PNG when the image has transparency, so that what is clear stays clear.
func (img *Image) Variants(widths []int) ([]Variant, error) {
	sizes := img.widths(widths)
	out := make([]Variant, len(sizes))
	src, o := img.pixels, img.orientation
	// Each size is scaled from the next wider one rather than from the original: a 40-megapixel
	// photo is read once, and Catmull-Rom between neighbouring sizes loses nothing visible. The
	// widest is turned as it is made, so the ones after it are made from pixels the right way up.
	for i := len(sizes) - 1; i >= 0; i-- {
		w := sizes[i]
		h := max(1, (img.Height*w+img.Width/2)/img.Width)
		dst := img.canvas(w, h)
		scale(dst, dst.Bounds(), src, o)
		v, err := img.encode(dst)
		if err != nil {
			return nil, err
		}
		out[i] = v
		src, o = dst, 1
	}
	return out, nil
}

// widths returns the widths, ascending, to make of the image from those asked for.
func (img *Image) widths(asked []int) []int {
	var out []int
	widest := 0
	for _, w := range asked {
		widest = max(widest, w)
		if w < img.Width {
			out = append(out, w)
		}
	}
	if img.Width <= widest {
		out = append(out, img.Width)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Icon makes a square PNG size pixels wide with the whole image centred in it on a clear ground,
// for a favicon or a touch icon.
func (img *Image) Icon(size int) (Variant, error) {
	w, h := size, size
	if img.Width > img.Height {
		h = max(1, img.Height*size/img.Width)
	} else {
		w = max(1, img.Width*size/img.Height)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	at := image.Rect((size-w)/2, (size-h)/2, (size-w)/2+w, (size-h)/2+h)
	scale(dst, at, img.pixels, img.orientation)
	return encodeAs(dst, PNG)
}

// canvas is a blank image to scale into: with an alpha channel only when the image needs one.
func (img *Image) canvas(w, h int) draw.RGBA64Image {
	if img.opaque {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	return image.NewNRGBA(image.Rect(0, 0, w, h))
}

func (img *Image) encode(m image.Image) (Variant, error) {
	if img.opaque {
		return encodeAs(m, JPEG)
	}
	return encodeAs(m, PNG)
}

// encodeAs encodes m as ct. Encoding from pixels is what strips the original's metadata.
func encodeAs(m image.Image, ct string) (Variant, error) {
	var buf bytes.Buffer
	var err error
	if ct == JPEG {
		err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: JPEGQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m)
	}
	if err != nil {
		return Variant{}, fmt.Errorf("imaging: encode %s: %w", ct, err)
	}
	sum := sha256.Sum256(buf.Bytes())
	b := m.Bounds()
	return Variant{Width: b.Dx(), Height: b.Dy(), ContentType: ct, Data: buf.Bytes(), Hash: hex.EncodeToString(sum[:])}, nil
}
