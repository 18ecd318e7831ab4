package imaging

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/image/webp"
)

// The JPEGs in testdata were made with libjpeg-turbo's cjpeg from one 1600 × 1200 (800 × 600
// for rgb.jpg) gradient: progressive420.jpg with -progressive, progressive444.jpg with
// -progressive -sample 1x1, rgb.jpg with -rgb (an Adobe segment saying RGB, no JFIF).

// TestOpeningCostIsWhatTheDecoderTakes holds the cost model to what Go's JPEG decoder
// allocates, so that the limit it enforces is the memory it means: within a tenth either way.
func TestOpeningCostIsWhatTheDecoderTakes(t *testing.T) {
	baseline := func() []byte {
		var buf bytes.Buffer
		img, err := jpeg.Decode(bytes.NewReader(readTestdata(t, "progressive444.jpg")))
		if err != nil {
			t.Fatal(err)
		}
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 50}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	// An Adobe segment saying RGB (transform 0), and an APP0 segment that is not JFIF, which
	// Go's decoder heeds wherever they come, the last of each counting.
	adobeRGB := []byte{0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}
	jfif := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	jfxx := []byte{0xFF, 0xE0, 0, 8, 'J', 'F', 'X', 'X', 0, 0x10}
	sof := bytes.Index(baseline, []byte{0xFF, 0xC0})
	afterSOF := sof + 2 + int(baseline[sof+2])<<8 + int(baseline[sof+3])
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"Progressive420", readTestdata(t, "progressive420.jpg")},
		{"Progressive444", readTestdata(t, "progressive444.jpg")},
		{"CodedInRGB", readTestdata(t, "rgb.jpg")},
		{"Baseline420", baseline},
		{"AdobeRGBAfterTheFrame", slices.Concat(baseline[:afterSOF], adobeRGB, baseline[afterSOF:])},
		{"AdobeRGBBeforeTheEnd", slices.Concat(baseline[:len(baseline)-2], adobeRGB, baseline[len(baseline)-2:])},
		{"JFIFUndoneByJFXX", slices.Concat(baseline[:2], jfif, jfxx, adobeRGB, baseline[2:])},
		{"JFIFAfterJFXX", slices.Concat(baseline[:2], jfxx, jfif, adobeRGB, baseline[2:])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			c, ok := openingCost(JPEG, tc.data, cfg)
			if !ok {
				t.Fatal("the headers were not read")
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := jpeg.Decode(bytes.NewReader(tc.data)); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			took := int64(after.TotalAlloc - before.TotalAlloc)
			t.Logf("estimated %d kB, the decoder took %d kB", c.bytes>>10, took>>10)
			if took < c.bytes*9/10 || took > c.bytes*11/10 {
				t.Errorf("estimated %d kB, but the decoder took %d kB", c.bytes>>10, took>>10)
			}
		})
	}
}

// TestOpeningCostCoversWebP holds the WebP model to what x/image/webp allocates: never less, and
// not more than twice. The files were made with libwebp's cwebp from an 800 × 600 gradient, with
// an alpha ramp for lossy-alpha-800.webp (-q 50 -alpha_q 50) and lossless-800.webp (-lossless).
func TestOpeningCostCoversWebP(t *testing.T) {
	for _, name := range []string{"lossy-800.webp", "lossy-alpha-800.webp", "lossless-800.webp"} {
		t.Run(name, func(t *testing.T) {
			data := readTestdata(t, name)
			cfg, err := webp.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			c, ok := openingCost(WebP, data, cfg)
			if !ok {
				t.Fatal("the headers were not read")
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := webp.Decode(bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			took := int64(after.TotalAlloc - before.TotalAlloc)
			t.Logf("estimated %d kB, the decoder took %d kB", c.bytes>>10, took>>10)
			if took > c.bytes || c.bytes > 2*took {
				t.Errorf("estimated %d kB, but the decoder took %d kB", c.bytes>>10, took>>10)
			}
		})
	}
}

// TestCostlyJPEGsOpenUnderTheLimit: a progressive JPEG, or one coded in RGB, of a size a
// newsroom uploads opens and makes its sizes.
func TestCostlyJPEGsOpenUnderTheLimit(t *testing.T) {
	for _, name := range []string{"progressive420.jpg", "progressive444.jpg", "rgb.jpg"} {
		t.Run(name, func(t *testing.T) {
			img, err := Decode(readTestdata(t, name), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := img.Variants(LeadWidths)
			if err != nil || len(vs) == 0 {
				t.Fatalf("made %d sizes: %v", len(vs), err)
			}
		})
	}
}

// FuzzReadJPEGFrame: whatever Go's decoder reads a frame from, readJPEGFrame reads the same
// frame from, and for a small one that decodes, it foresees the conversion the decoder made
// (to RGBA for a frame coded in RGB), so that no file escapes the cost check by being read
// differently.
func FuzzReadJPEGFrame(f *testing.F) {
	for _, name := range []string{"progressive420.jpg", "progressive444.jpg", "rgb.jpg"} {
		data := readTestdata(f, name)
		f.Add(data[:min(len(data), 1024)])
	}
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xFF, 0xD3, 'x', 0xFF, 0x00, 0xFF, 0xC2, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
		0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if Sniff(data) != JPEG {
			return
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return
		}
		fr, ok := readJPEGFrame(data)
		if !ok || fr.width != cfg.Width || fr.height != cfg.Height {
			t.Fatalf("Go's decoder reads a %d × %d frame; readJPEGFrame gives %+v, %v", cfg.Width, cfg.Height, fr, ok)
		}
		if cfg.Width*cfg.Height > 1<<16 {
			return
		}
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		var foreseen bool
		switch img.(type) {
		case *image.RGBA:
			foreseen = fr.rgb()
		case *image.YCbCr:
			foreseen = len(fr.comps) == 3 && !fr.rgb()
		case *image.CMYK:
			foreseen = len(fr.comps) == 4
		case *image.Gray:
			foreseen = len(fr.comps) == 1
		}
		if !foreseen {
			t.Fatalf("Go's decoder made a %T; readJPEGFrame read %+v", img, fr)
		}
	})
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
