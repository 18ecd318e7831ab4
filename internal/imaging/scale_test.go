package imaging

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"golang.org/x/image/draw"
)

// TestScaleMatchesCatmullRom shows scale draws what the way it replaced drew, to within one
// level a channel: turn the whole image as EXIF orientation o says, then scale it with
// golang.org/x/image/draw's Catmull-Rom. Every orientation, every kind of source the decoders
// return for a photo, shrinking a little and a lot, and enlarging (an icon of a small logo).
func TestScaleMatchesCatmullRom(t *testing.T) {
	for _, tc := range []struct {
		name   string
		src    image.RGBA64Image
		dw, dh int // the size shown, after turning
		alpha  bool
	}{
		{"YCbCr420", ycbcr(image.YCbCrSubsampleRatio420, 301, 203), 64, 43, false},
		{"YCbCr444", ycbcr(image.YCbCrSubsampleRatio444, 120, 90), 100, 75, false},
		{"RGBA", texture(image.NewRGBA(image.Rect(0, 0, 250, 130)), 255), 97, 51, false},
		{"NRGBAWithAlpha", texture(image.NewNRGBA(image.Rect(0, 0, 140, 160)), 128), 40, 46, true},
		{"RGBA64", texture(image.NewRGBA64(image.Rect(0, 0, 160, 90)), 255), 33, 19, false},
		{"Enlarged", texture(image.NewNRGBA(image.Rect(0, 0, 12, 9)), 200), 48, 36, true},
		{"OwnSize", texture(image.NewNRGBA(image.Rect(0, 0, 40, 30)), 200), 40, 30, true},
		{"OffsetBounds", texture(image.NewRGBA(image.Rect(7, 5, 107, 65)), 255), 30, 18, false},
	} {
		for o := 1; o <= 8; o++ {
			t.Run(fmt.Sprintf("%s/Orientation%d", tc.name, o), func(t *testing.T) {
				dw, dh := tc.dw, tc.dh
				if o >= 5 {
					dw, dh = dh, dw
				}
				canvas := func() draw.RGBA64Image {
					if tc.alpha {
						return image.NewNRGBA(image.Rect(0, 0, dw+6, dh+4))
					}
					return image.NewRGBA(image.Rect(0, 0, dw+6, dh+4))
				}
				at := image.Rect(3, 2, 3+dw, 2+dh)
				got, want := canvas(), canvas()
				scale(got, at, tc.src, o)
				turned := turnWhole(tc.src, o)
				draw.CatmullRom.Scale(want, at, turned, turned.Bounds(), draw.Src, nil)
				worst := 0
				for y := range dh + 4 {
					for x := range dw + 6 {
						g, w := got.RGBA64At(x, y), want.RGBA64At(x, y)
						for _, d := range []int{int(g.R>>8) - int(w.R>>8), int(g.G>>8) - int(w.G>>8), int(g.B>>8) - int(w.B>>8), int(g.A>>8) - int(w.A>>8)} {
							worst = max(worst, d, -d)
						}
					}
				}
				if worst > 1 {
					t.Errorf("a channel differs by %d levels from turning then scaling", worst)
				}
			})
		}
	}
}

// texture fills m with colours that differ in every direction, so that a wrong turn or flip, or
// a kernel off by a pixel, shows.
func texture[M draw.RGBA64Image](m M, alpha uint8) M {
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBA{R: uint8(x * 7), G: uint8(y*5 + x), B: uint8((x ^ y) * 3), A: alpha - uint8((x+y)%3)*20}
			m.Set(x, y, c)
		}
	}
	return m
}

// ycbcr is a JPEG's kind of image, with texture's colours.
func ycbcr(ratio image.YCbCrSubsampleRatio, w, h int) *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, w, h), ratio)
	for y := range h {
		for x := range w {
			yy, cb, cr := color.RGBToYCbCr(uint8(x*7), uint8(y*5+x), uint8((x^y)*3))
			m.Y[m.YOffset(x, y)] = yy
			m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = cb, cr
		}
	}
	return m
}

// turnWhole is how images were turned before scale: the whole source, at full size.
func turnWhole(src image.RGBA64Image, o int) *image.RGBA64 {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA64(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			dx, dy := place(o, x, y, w, h)
			dst.SetRGBA64(dx, dy, src.RGBA64At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return dst
}
