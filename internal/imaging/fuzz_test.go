package imaging_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/imaging"
)

// FuzzDecode feeds arbitrary bytes to the upload path: it must refuse or accept without
// panicking, never accept more pixels than the limit, and make variants of whatever it accepts.
func FuzzDecode(f *testing.F) {
	f.Add(encodeJPEG(f, photo(8, 6, 255)))
	f.Add(withEXIF(encodeJPEG(f, photo(8, 6, 255)), 6))
	f.Add(encodePNG(f, photo(5, 7, 100)))
	f.Add(readFile(f, "lossy.webp"))
	f.Add(readFile(f, "alpha.webp"))
	f.Add(readFile(f, "progressive420.jpg"))
	f.Add(readFile(f, "rgb.jpg"))
	lim := imaging.Limits{MaxBytes: 1 << 20, MaxPixels: 250_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := imaging.Decode(data, lim)
		if err != nil {
			return
		}
		if img.Width*img.Height > lim.MaxPixels {
			t.Fatalf("accepted %d×%d, over the pixel limit", img.Width, img.Height)
		}
		vs, err := img.Variants([]int{16, 64})
		if err != nil || len(vs) == 0 {
			t.Fatalf("accepted but made %d variants: %v", len(vs), err)
		}
	})
}
