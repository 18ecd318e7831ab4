// Package imaging checks an uploaded image and makes the sizes Copydesk serves of it. It is pure:
// bytes in, bytes out, with no HTTP and no storage. It trusts nothing about an upload but its
// content: the type is read from the bytes, the size and the pixel count are checked before
// anything is decoded, and every variant is re-encoded from pixels, so no metadata (EXIF, GPS,
// XMP, ICC comments) of the original reaches a reader.
package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"

	"golang.org/x/image/webp"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Limits bounds what an upload may be: its size in bytes and its pixel count, which is read from
// the file's header before decoding, so a small file claiming a huge image (a decompression
// bomb) is refused without allocating its pixels.
type Limits struct {
	MaxBytes  int
	MaxPixels int
}

// DefaultLimits take any photo a newsroom camera or phone makes: 15 MB and 40 megapixels.
var DefaultLimits = Limits{MaxBytes: 15 << 20, MaxPixels: 40_000_000}

// LeadWidths are the widths a lead image is served at, for srcset. An image narrower than one of
// them is never enlarged to it.
var LeadWidths = []int{320, 640, 1024, 1600}

// JPEGQuality is the quality variants are encoded at: photos look as they did at about a third
// of the size.
const JPEGQuality = 82

// The content types an upload may have, as detected from its bytes.
const (
	JPEG = "image/jpeg"
	PNG  = "image/png"
	WebP = "image/webp"
)

// Variant is one re-encoded size of an image.
type Variant struct {
	Width, Height int
	ContentType   string // image/jpeg, or image/png when the image has transparency
	Data          []byte
	Hash          string // hex SHA-256 of Data, which names the variant and is its ETag
}

// Ext is the file extension the variant is served under.
func (v Variant) Ext() string {
	if v.ContentType == PNG {
		return "png"
	}
	return "jpg"
}

// Image is a checked upload: its detected type, its size as shown (after EXIF orientation) and
// the hash of the original bytes, with its decoded pixels ready to resize. The pixels are kept as
// stored, and turned by their EXIF orientation only as each size is made from them: turning a
// 40-megapixel photo whole would copy it.
type Image struct {
	ContentType   string
	Width, Height int
	Hash          string
	pixels        image.RGBA64Image
	orientation   int
	opaque        bool
}

// Decode checks data against lim and decodes it. A file of the wrong type is EUNSUPPORTED, one
// too large ETOOLARGE, and one with too many pixels or that does not decode EINVALID.
func Decode(data []byte, lim Limits) (*Image, error) {
	if len(data) > lim.MaxBytes {
		return nil, newsroom.Errorf(newsroom.ETOOLARGE, "the image is %s; the limit is %s", megabytes(len(data)), megabytes(lim.MaxBytes))
	}
	ct := Sniff(data)
	codec, ok := codecs[ct]
	if !ok {
		return nil, newsroom.Errorf(newsroom.EUNSUPPORTED, "the file is not a JPEG, PNG or WebP image")
	}
	cfg, err := codec.config(bytes.NewReader(data))
	if err != nil {
		return nil, unreadable(ct)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, unreadable(ct)
	}
	if cfg.Width > lim.MaxPixels/cfg.Height {
		return nil, newsroom.Errorf(newsroom.EINVALID, "the image is %d × %d pixels; the limit is %d megapixels",
			cfg.Width, cfg.Height, lim.MaxPixels/1_000_000)
	}
	c, ok := openingCost(ct, data, cfg)
	if !ok {
		return nil, unreadable(ct)
	}
	if c.bytes > bytesToOpen(lim) {
		return nil, c.refusal(cfg.Width, cfg.Height, bytesToOpen(lim))
	}
	decoded, err := codec.decode(bytes.NewReader(data))
	if err != nil {
		return nil, unreadable(ct)
	}
	// Every image type the decoders return reads its pixels as RGBA64 without an allocation each.
	px, ok := decoded.(image.RGBA64Image)
	if !ok {
		return nil, unreadable(ct)
	}
	img := &Image{ContentType: ct, pixels: px, orientation: 1, opaque: isOpaque(px)}
	if ct == JPEG {
		img.orientation = exifOrientation(data)
	}
	b := px.Bounds()
	img.Width, img.Height = b.Dx(), b.Dy()
	if img.orientation >= 5 {
		img.Width, img.Height = img.Height, img.Width
	}
	sum := sha256.Sum256(data)
	img.Hash = hex.EncodeToString(sum[:])
	return img, nil
}

// deep reports whether an image of model m decodes at 16 bits a channel.
func deep(m color.Model) bool {
	return m == color.RGBA64Model || m == color.NRGBA64Model || m == color.Gray16Model
}

// codec reads one format's header and pixels. Only the formats Copydesk takes are here, rather
// than image's global registry, which any imported package can add GIF or others to.
type codec struct {
	config func(*bytes.Reader) (image.Config, error)
	decode func(*bytes.Reader) (image.Image, error)
}

var codecs = map[string]codec{
	JPEG: {config: func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) },
		decode: func(r *bytes.Reader) (image.Image, error) { return jpeg.Decode(r) }},
	PNG: {config: func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) },
		decode: func(r *bytes.Reader) (image.Image, error) { return png.Decode(r) }},
	WebP: {config: func(r *bytes.Reader) (image.Config, error) { return webp.DecodeConfig(r) },
		decode: func(r *bytes.Reader) (image.Image, error) { return webp.Decode(r) }},
}

// Sniff returns the content type data's first bytes announce (JPEG, PNG or WebP), or "" for
// anything else. The file's name and the browser's Content-Type are never asked.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	}
	return ""
}

func unreadable(ct string) error {
	return newsroom.Errorf(newsroom.EINVALID, "the file looks like a %s image but cannot be read: it may be cut short or damaged", formatName[ct])
}

var formatName = map[string]string{JPEG: "JPEG", PNG: "PNG", WebP: "WebP"}

func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// isOpaque reports whether every pixel of img is opaque; image types that can say so cheaply do.
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// Path is the site path a variant is served at: named by the hash of its bytes, so that the URL
// changes whenever the bytes do and caches may keep it for good.
func Path(v Variant) string { return "/images/" + v.Hash + "." + v.Ext() }

// ParsePath reads the hash out of a variant's file name ("<hash>.jpg" or "<hash>.png"), and
// reports whether the name has that shape.
func ParsePath(name string) (string, bool) {
	hash, ext, ok := strings.Cut(name, ".")
	if !ok || (ext != "jpg" && ext != "png") || len(hash) != 64 {
		return "", false
	}
	for _, r := range hash {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return "", false
		}
	}
	return hash, true
}
