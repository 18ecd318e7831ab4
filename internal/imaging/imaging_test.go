package imaging_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/imaging"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// photo draws a w × h picture whose top-left quarter is red and the rest blue, so that a turn or
// a flip shows in where the red lands.
func photo(w, h int, alpha uint8) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{B: 200, A: alpha}
			if x < w/2 && y < h/2 {
				c = color.NRGBA{R: 220, A: alpha}
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withEXIF puts an APP1 segment holding orientation o (and a GPS-looking comment) after a JPEG's
// start marker, as a phone does.
func withEXIF(jpg []byte, o uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01")
	tiff = binary.BigEndian.AppendUint16(tiff, 0x0112)
	tiff = append(tiff, 0, 3, 0, 0, 0, 1)
	tiff = binary.BigEndian.AppendUint16(tiff, o)
	tiff = append(tiff, 0, 0, 0, 0, 0, 0)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	seg = append(seg, []byte("GPS 51.5N 0.1W secret")...)
	app1 := []byte{0xFF, 0xE1}
	app1 = binary.BigEndian.AppendUint16(app1, uint16(len(seg)+2))
	app1 = append(app1, seg...)
	return slices.Concat(jpg[:2], app1, jpg[2:])
}

// hugeHeader is a PNG whose header claims width × height pixels and that holds none.
func hugeHeader(t *testing.T, width, height uint32) []byte {
	t.Helper()
	small := encodePNG(t, photo(1, 1, 255))
	out := slices.Clone(small)
	binary.BigEndian.PutUint32(out[16:], width)
	binary.BigEndian.PutUint32(out[20:], height)
	return withHeaderCRC(out)
}

// withHeaderCRC mends the checksum of a PNG's header chunk changed in place: it covers the
// chunk's type and data, so that the header reads as sound.
func withHeaderCRC(out []byte) []byte {
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

// deepHeader is hugeHeader for a PNG of 16 bits a channel.
func deepHeader(t *testing.T, width, height uint32) []byte {
	t.Helper()
	out := hugeHeader(t, width, height)
	out[24], out[25] = 16, 6 // bit depth, colour type RGBA
	return withHeaderCRC(out)
}

// interlacedHeader is hugeHeader for an interlaced PNG.
func interlacedHeader(t *testing.T, width, height uint32) []byte {
	t.Helper()
	out := hugeHeader(t, width, height)
	out[28] = 1 // interlace method Adam7
	return withHeaderCRC(out)
}

// jpegHeader is the headers of a JPEG whose frame (marker sof: 0xC0 baseline, 0xC2
// progressive) claims width × height pixels in components, each an identifier and its
// sampling factors, with an APP0 JFIF segment when jfif says so, and a scan that holds nothing.
// before goes between the SOI marker and the frame.
func jpegHeader(sof byte, width, height uint16, jfif bool, before []byte, comps ...[3]byte) []byte {
	out := []byte{0xFF, 0xD8}
	if jfif {
		out = append(out, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0)
	}
	out = append(out, before...)
	out = append(out, 0xFF, sof)
	out = binary.BigEndian.AppendUint16(out, uint16(8+3*len(comps)))
	out = append(out, 8)
	out = binary.BigEndian.AppendUint16(out, height)
	out = binary.BigEndian.AppendUint16(out, width)
	out = append(out, byte(len(comps)))
	for i, c := range comps {
		out = append(out, c[0], c[1]<<4|c[2], byte(i&1))
	}
	return append(out, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0)
}

// encodeDeepPNG is a w × h PNG of 16 bits a channel.
func encodeDeepPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewNRGBA64(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = byte(i * 7)
	}
	return encodePNG(t, m)
}

func TestDecode(t *testing.T) {
	var gifBuf bytes.Buffer
	if err := gif.Encode(&gifBuf, photo(10, 10, 255), nil); err != nil {
		t.Fatal(err)
	}
	jpg := encodeJPEG(t, photo(40, 30, 255))
	lim := imaging.Limits{MaxBytes: 1 << 20, MaxPixels: 1_000_000}
	for _, tc := range []struct {
		name     string
		data     []byte
		wantCode string
		wantMsg  string
		wantType string
		wantW    int
		wantH    int
	}{
		{"JPEG", jpg, "", "", imaging.JPEG, 40, 30},
		{"PNG", encodePNG(t, photo(30, 20, 255)), "", "", imaging.PNG, 30, 20},
		{"WebP", readFile(t, "lossy.webp"), "", "", imaging.WebP, 150, 100},
		{"WebPWithAlpha", readFile(t, "alpha.webp"), "", "", imaging.WebP, 75, 100},
		{"ErrBrokenPNG", append(encodePNG(t, photo(10, 10, 255))[:8], "garbage"...), newsroom.EINVALID, "", "", 0, 0},
		{"JPEGTurnedByEXIF", withEXIF(jpg, 6), "", "", imaging.JPEG, 30, 40},
		{"ErrTruncated", jpg[:len(jpg)/2], newsroom.EINVALID, "cut short", "", 0, 0},
		{"ErrTruncatedHeader", jpg[:40], newsroom.EINVALID, "", "", 0, 0},
		{"ErrGIF", gifBuf.Bytes(), newsroom.EUNSUPPORTED, "not a JPEG, PNG or WebP", "", 0, 0},
		{"ErrHTML", []byte("<!doctype html><script>alert(1)</script>"), newsroom.EUNSUPPORTED, "", "", 0, 0},
		{"ErrEmpty", nil, newsroom.EUNSUPPORTED, "", "", 0, 0},
		{"ErrTooLarge", make([]byte, 1<<20+1), newsroom.ETOOLARGE, "the limit is 1.0 MB", "", 0, 0},
		{"ErrTooManyPixels", hugeHeader(t, 100_000, 100_000), newsroom.EINVALID, "megapixels", "", 0, 0},
		{"ErrTooManyPixelsJustOver", hugeHeader(t, 1001, 1000), newsroom.EINVALID, "megapixels", "", 0, 0},
		{"ErrZeroWidth", hugeHeader(t, 0, 10), newsroom.EINVALID, "", "", 0, 0},
		{"ErrDeepTooManyPixels", deepHeader(t, 800, 1000), newsroom.EINVALID, "as a PNG at 16 bits a channel it takes", "", 0, 0},
		{"DeepGreyUnderTheCost", func() []byte { h := deepHeader(t, 1000, 1000); h[25] = 0; return withHeaderCRC(h) }(), newsroom.EINVALID, "cannot be read", "", 0, 0},
		{"ErrInterlacedPNG", interlacedHeader(t, 1000, 1000), newsroom.EINVALID, "as an interlaced PNG it takes 6 MB to open", "", 0, 0},
		{"InterlacedPNGUnderTheCost", interlacedHeader(t, 800, 800), newsroom.EINVALID, "cannot be read", "", 0, 0},
		{"ErrProgressiveJPEG", jpegHeader(0xC2, 1000, 1000, true, nil, [3]byte{1, 2, 2}, [3]byte{2, 1, 1}, [3]byte{3, 1, 1}), newsroom.EINVALID,
			"as a progressive JPEG it takes 7 MB to open; such an image may have at most 0 megapixels: save it as a standard (baseline) JPEG, or smaller", "", 0, 0},
		{"ErrProgressiveJPEGAfterFillAndJunk", jpegHeader(0xC2, 1000, 1000, false, []byte{0xFF, 0xFF, 0xD3, 'x', 'y', 0xFF, 0x00, 0xFF},
			[3]byte{1, 1, 1}), newsroom.EINVALID, "as a progressive JPEG", "", 0, 0},
		{"ProgressiveGreyUnderTheCost", jpegHeader(0xC2, 800, 800, true, nil, [3]byte{1, 1, 1}), newsroom.EINVALID, "cannot be read", "", 0, 0},
		{"ErrCMYKJPEG", jpegHeader(0xC0, 1000, 1000, false, nil, [3]byte{1, 1, 1}, [3]byte{2, 1, 1}, [3]byte{3, 1, 1}, [3]byte{4, 1, 1}), newsroom.EINVALID,
			"as a CMYK JPEG it takes 8 MB to open", "", 0, 0},
		{"ErrRGBCodedJPEG", jpegHeader(0xC0, 1000, 1000, false, nil, [3]byte{'R', 1, 1}, [3]byte{'G', 1, 1}, [3]byte{'B', 1, 1}), newsroom.EINVALID,
			"as a JPEG coded in RGB it takes", "", 0, 0},
		{"RGBIdentifiersUnderJFIFAreYCbCr", jpegHeader(0xC0, 1000, 1000, true, nil, [3]byte{'R', 1, 1}, [3]byte{'G', 1, 1}, [3]byte{'B', 1, 1}), newsroom.EINVALID,
			"cannot be read", "", 0, 0},
		{"BaselineAtThePixelLimit", jpegHeader(0xC0, 1000, 1000, false, nil, [3]byte{1, 2, 2}, [3]byte{2, 1, 1}, [3]byte{3, 1, 1}), newsroom.EINVALID, "cannot be read", "", 0, 0},
		{"DeepUnderTheLimit", encodeDeepPNG(t, 30, 20), "", "", imaging.PNG, 30, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := imaging.Decode(tc.data, lim)
			if got := newsroom.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("code %q, want %q (%v)", got, tc.wantCode, err)
			}
			if !strings.Contains(newsroom.ErrorMessage(err), tc.wantMsg) {
				t.Errorf("message %q, want %q in it", newsroom.ErrorMessage(err), tc.wantMsg)
			}
			if err != nil {
				return
			}
			if img.ContentType != tc.wantType || img.Width != tc.wantW || img.Height != tc.wantH {
				t.Fatalf("got %s %d×%d, want %s %d×%d", img.ContentType, img.Width, img.Height, tc.wantType, tc.wantW, tc.wantH)
			}
		})
	}
}

// TestDecodeEXIFOrientation shows each orientation puts the red corner where a viewer that honours
// EXIF would show it.
func TestDecodeEXIFOrientation(t *testing.T) {
	jpg := encodeJPEG(t, photo(80, 40, 255))
	for _, tc := range []struct {
		o          uint16
		w, h, x, y int // the displayed size and a point inside the red quarter
	}{
		{1, 80, 40, 10, 5}, {2, 80, 40, 70, 5}, {3, 80, 40, 70, 35}, {4, 80, 40, 10, 35},
		{5, 40, 80, 5, 10}, {6, 40, 80, 35, 10}, {7, 40, 80, 35, 70}, {8, 40, 80, 5, 70},
	} {
		img, err := imaging.Decode(withEXIF(jpg, tc.o), imaging.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := img.Variants([]int{1000})
		if err != nil {
			t.Fatal(err)
		}
		m, err := jpeg.Decode(bytes.NewReader(vs[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		if b := m.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("orientation %d: %d×%d, want %d×%d", tc.o, b.Dx(), b.Dy(), tc.w, tc.h)
		}
		if r, _, bl, _ := m.At(tc.x, tc.y).RGBA(); r < bl {
			t.Errorf("orientation %d: (%d,%d) is not red", tc.o, tc.x, tc.y)
		}
	}
}

func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		name      string
		data      []byte
		wantW     []int
		wantH     []int
		wantCType string
	}{
		{"WideJPEG", encodeJPEG(t, photo(2000, 1000, 255)), []int{320, 640, 1024, 1600}, []int{160, 320, 512, 800}, imaging.JPEG},
		{"MidPNGOpaqueBecomesJPEG", encodePNG(t, photo(800, 600, 255)), []int{320, 640, 800}, []int{240, 480, 600}, imaging.JPEG},
		{"SmallNeverEnlarged", encodeJPEG(t, photo(100, 50, 255)), []int{100}, []int{50}, imaging.JPEG},
		{"ExactWidth", encodeJPEG(t, photo(640, 640, 255)), []int{320, 640}, []int{320, 640}, imaging.JPEG},
		{"TransparentStaysPNG", encodePNG(t, photo(700, 350, 128)), []int{320, 640, 700}, []int{160, 320, 350}, imaging.PNG},
		{"TransparentWebPAsPNG", readFile(t, "alpha.webp"), []int{75}, []int{100}, imaging.PNG},
		{"LossyWebPAsJPEG", readFile(t, "lossy.webp"), []int{150}, []int{100}, imaging.JPEG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := imaging.Decode(tc.data, imaging.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := img.Variants(imaging.LeadWidths)
			if err != nil {
				t.Fatal(err)
			}
			var ws, hs []int
			for _, v := range vs {
				ws, hs = append(ws, v.Width), append(hs, v.Height)
				if v.ContentType != tc.wantCType || imaging.Sniff(v.Data) != tc.wantCType {
					t.Errorf("%d wide: %s (sniffed %s), want %s", v.Width, v.ContentType, imaging.Sniff(v.Data), tc.wantCType)
				}
				if len(v.Hash) != 64 {
					t.Errorf("hash %q", v.Hash)
				}
			}
			if !slices.Equal(ws, tc.wantW) || !slices.Equal(hs, tc.wantH) {
				t.Fatalf("sizes %v×%v, want %v×%v", ws, hs, tc.wantW, tc.wantH)
			}
		})
	}
}

// TestVariantsStripMetadata shows nothing of the original's EXIF segment survives re-encoding.
func TestVariantsStripMetadata(t *testing.T) {
	img, err := imaging.Decode(withEXIF(encodeJPEG(t, photo(64, 64, 255)), 1), imaging.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := img.Variants([]int{32, 64})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if bytes.Contains(v.Data, []byte("Exif")) || bytes.Contains(v.Data, []byte("secret")) {
			t.Errorf("%d wide still carries the EXIF segment", v.Width)
		}
	}
}

func TestIcon(t *testing.T) {
	img, err := imaging.Decode(encodePNG(t, photo(300, 100, 255)), imaging.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{32, 180} {
		v, err := img.Icon(size)
		if err != nil {
			t.Fatal(err)
		}
		m, err := png.Decode(bytes.NewReader(v.Data))
		if err != nil {
			t.Fatal(err)
		}
		if b := m.Bounds(); b.Dx() != size || b.Dy() != size || v.ContentType != imaging.PNG {
			t.Errorf("icon %d: %d×%d %s", size, b.Dx(), b.Dy(), v.ContentType)
		}
		if _, _, _, a := m.At(size/2, 0).RGBA(); a != 0 {
			t.Errorf("icon %d: a wide logo's top edge is not clear", size)
		}
	}
}

// readFile reads a test image from testdata: the WebP files come from golang.org/x/image's own
// test data, since x/image decodes WebP but cannot encode it.
func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
