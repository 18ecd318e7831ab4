package newsroom

import "strings"

// The limits on the words that go with an image.
const (
	MaxAlt     = 300
	MaxCaption = 1000
	MaxCredit  = 200
)

// ImageText is what a person writes about an image they upload: the alt text that says what it
// shows to whoever cannot see it (required), a caption and the credit.
type ImageText struct {
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
}

// Trimmed returns t with the spaces around each field removed and each field composed (NFC), as a
// draft's text is (Text.Normalize), so a caption typed as letters and separate accents is stored
// and published like the same caption typed composed.
func (t ImageText) Trimmed() ImageText {
	return ImageText{Alt: Composed(strings.TrimSpace(t.Alt)), Caption: Composed(strings.TrimSpace(t.Caption)),
		Credit: Composed(strings.TrimSpace(t.Credit))}
}

// Check checks t: an alt text that is not blank, every field within its limit and on one line.
// The error is EINVALID, with the detail "field" naming the field at fault.
func (t ImageText) Check() error {
	if isBlank(t.Alt) {
		return Errorf(EINVALID, "Describe the image in the alt text: it is what readers who cannot see it are told.").With("field", "alt")
	}
	for _, f := range []struct {
		name, value string
		max         int
	}{{"alt", t.Alt, MaxAlt}, {"caption", t.Caption, MaxCaption}, {"credit", t.Credit, MaxCredit}} {
		if err := CheckString(f.name, f.value, f.max); err != nil {
			return err.(*Error).With("field", f.name)
		}
		if err := checkControls(f.name, f.value, false); err != nil {
			return err.(*Error).With("field", f.name)
		}
	}
	return nil
}

// Image is an uploaded image as the newsroom keeps it: its words, its size as shown, and the
// sizes it is served at, narrowest first.
type Image struct {
	ID int64 `json:"id"`
	ImageText
	Width    int            `json:"width"`
	Height   int            `json:"height"`
	Variants []ImageVariant `json:"variants"`
}

// ImageVariant is one served size of an image, at Path on the site.
type ImageVariant struct {
	Path        string `json:"path"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	ContentType string `json:"content_type"`
}
