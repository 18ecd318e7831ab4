package imaging_test

import (
	"image"
	"image/color"
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/internal/imaging"
)

// scene draws a w × h picture with detail everywhere (gradients crossed by a fine check), so
// that a resize has work to do and a JPEG of it is as large as a photo's.
func scene(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := uint8((x ^ y) & 16 * 4)
			m.SetRGBA(x, y, color.RGBA{R: uint8(x*255/w) ^ c, G: uint8(y*255/h) ^ c, B: uint8((x+y)*255/(w+h)) ^ c, A: 255})
		}
	}
	return m
}

// scene16 is scene at 16 bits a channel, as a PNG from a scanner or a raw converter holds it.
func scene16(w, h int) *image.RGBA64 {
	src := scene(w, h)
	m := image.NewRGBA64(src.Bounds())
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := src.RGBAAt(x, y)
			m.SetRGBA64(x, y, color.RGBA64{R: uint16(c.R) * 257, G: uint16(c.G)*257 + 99, B: uint16(c.B) * 257, A: 0xffff})
		}
	}
	return m
}

// TestUploadMemory shows that making an upload's sizes and its icon costs little beyond its
// decoded pixels and the sizes' own pixels, whatever its shape: no buffer as tall as the original
// and as wide as a size, and no turned copy of the original for an EXIF orientation.
func TestUploadMemory(t *testing.T) {
	const slack = 16 << 20
	for _, tc := range []struct {
		name    string
		data    []byte
		decoded int // the bytes of the decoder's own image
	}{
		// 12 megapixels, to be quick; the decoded JPEG is 4:2:0, 1.5 bytes a pixel.
		{"WideJPEG", encodeJPEG(t, scene(4000, 3000)), 4000*3000 + 2*2000*1500},
		// Stored on its side, shown as a 1:4 portrait panorama: the shape whose sizes are tallest.
		{"TallJPEGTurnedByEXIF", withEXIF(encodeJPEG(t, scene(7200, 1800)), 6), 7200*1800 + 2*3600*900},
		{"TallPNG16", encodePNG(t, scene16(1500, 6000)), 1500 * 6000 * 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			img, err := imaging.Decode(tc.data, imaging.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := img.Variants(imaging.LeadWidths)
			if err != nil {
				t.Fatal(err)
			}
			icon, err := img.Icon(180)
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			made := icon.Width * icon.Height * 4
			for _, v := range vs {
				made += v.Width*v.Height*4 + 2*len(v.Data)
			}
			got, limit := after.TotalAlloc-before.TotalAlloc, uint64(tc.decoded+made+slack)
			t.Logf("allocated %d MB: decoded %d MB, sizes %d MB", got>>20, tc.decoded>>20, made>>20)
			if got > limit {
				t.Errorf("allocated %d MB, over the %d MB of the decoded image, the sizes and %d MB", got>>20, limit>>20, slack>>20)
			}
		})
	}
}
