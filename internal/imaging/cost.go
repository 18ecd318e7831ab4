package imaging

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// bytesToOpen is the most memory decoding one upload may take: what the largest photo takes,
// lim.MaxPixels at 4 bytes a pixel (an 8-bit PNG with alpha). A file costs more to open than its
// pixel count says when its decoder holds more than the pixels: a progressive JPEG keeps every
// block's coefficients at 4 bytes a sample (a 40-megapixel one at 4:4:4 takes about 570 MB), a
// JPEG in CMYK or coded in RGB is converted to a second copy, a PNG at 16 bits a channel takes 8
// bytes a pixel, an interlaced one holds its largest pass beside the image, and a WebP with
// transparency or a lossless one holds about twice its pixels. Such a file may have as many
// pixels as fit in the same memory.
func bytesToOpen(lim Limits) int64 { return 4 * int64(lim.MaxPixels) }

// cost is what opening an upload takes, with the ways it is costlier than a plain photo.
type cost struct {
	bytes   int64
	reasons []costReason
}

// costReason is one way a file costs more to open than a plain photo, with what to do about it.
type costReason struct{ kind, remedy string }

var (
	progressiveJPEG     = costReason{"a progressive JPEG", "save it as a standard (baseline) JPEG"}
	cmykJPEG            = costReason{"a CMYK JPEG", "save it in RGB"}
	rgbJPEG             = costReason{"a JPEG coded in RGB", "save it as a standard JPEG"}
	deepPNG             = costReason{"a PNG at 16 bits a channel", "save it at 8 bits a channel"}
	interlacedPNG       = costReason{"an interlaced PNG", "save it without interlacing"}
	alphaOrLosslessWebP = costReason{"a WebP with transparency or lossless", "save it as a JPEG"}
)

// openingCost works out what decoding data, of content type ct and header cfg, takes. ok is
// false when the headers cannot be read for it.
func openingCost(ct string, data []byte, cfg image.Config) (c cost, ok bool) {
	pixels := int64(cfg.Width) * int64(cfg.Height)
	switch ct {
	case JPEG:
		f, ok := readJPEGFrame(data)
		if !ok || f.width != cfg.Width || f.height != cfg.Height {
			return c, false
		}
		c.bytes = f.openingCost()
		if f.progressive {
			c.reasons = append(c.reasons, progressiveJPEG)
		}
		switch {
		case len(f.comps) == 4:
			c.reasons = append(c.reasons, cmykJPEG)
		case f.rgb():
			c.reasons = append(c.reasons, rgbJPEG)
		}
	case PNG:
		c.bytes = int64(float64(pixels) * pixelBytes(cfg.ColorModel))
		if deep(cfg.ColorModel) {
			c.reasons = append(c.reasons, deepPNG)
		}
		// The interlace method is the last byte of IHDR, the first chunk (offset 28), which
		// DecodeConfig has read; the largest of its seven passes is half the image.
		if len(data) > 28 && data[28] == 1 {
			c.bytes += c.bytes / 2
			c.reasons = append(c.reasons, interlacedPNG)
		}
	case WebP:
		c.bytes = int64(float64(pixels) * webpBytes(cfg.ColorModel))
		if cfg.ColorModel != color.YCbCrModel {
			c.reasons = append(c.reasons, alphaOrLosslessWebP)
		}
	default:
		c.bytes = int64(float64(pixels) * pixelBytes(cfg.ColorModel))
	}
	return c, true
}

// webpBytes is the bytes a pixel of a WebP of model m takes to decode with x/image/webp, as
// measured (TestOpeningCostCoversWebP): a lossy one's YCbCr pixels and a little besides; one
// with transparency decodes its alpha as a lossless image beside its pixels; a lossless one's
// decoder holds more than its NRGBA pixels, how much more varying with its transforms.
func webpBytes(m color.Model) float64 {
	switch m {
	case color.YCbCrModel:
		return 1.75
	case color.NYCbCrAModel:
		return 9
	}
	return 7.5
}

// pixelBytes is the bytes a pixel of model m takes decoded: 8 for a model it does not know.
func pixelBytes(m color.Model) float64 {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.YCbCrModel:
		return 1.5
	case color.NYCbCrAModel:
		return 2.5
	case color.RGBAModel, color.NRGBAModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

// refusal is the error for an upload of w × h pixels that c says takes more than limit bytes
// to open: what makes it costly, how many pixels such a file may have, and what to do.
func (c cost) refusal(w, h int, limit int64) error {
	kinds := make([]string, len(c.reasons))
	remedies := make([]string, len(c.reasons))
	for i, r := range c.reasons {
		kinds[i], remedies[i] = r.kind, r.remedy
	}
	what, remedy := "an image of this kind", "save it smaller"
	if len(kinds) > 0 {
		what, remedy = strings.Join(kinds, " and "), strings.Join(remedies, " and ")+", or smaller"
	}
	most := limit * int64(w) * int64(h) / c.bytes / 1_000_000
	return newsroom.Errorf(newsroom.EINVALID, "the image is %d × %d pixels, and as %s it takes %s to open; such an image may have at most %d megapixels: %s",
		w, h, what, megabytes64(c.bytes), most, remedy)
}

func megabytes64(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }
