package publish

import (
	"strconv"
	"strings"
)

// imageView is a lead image as the pages show it: a srcset over its sizes, the size of the widest
// (so the browser keeps its room before it loads), and the words that go with it. Thumb is the
// narrowest size, for the front page.
type imageView struct {
	Src, Srcset, Sizes   string
	Thumb                string
	Width, Height        int
	ThumbW, ThumbH       int
	Alt, Caption, Credit string
}

// leadSizes is the sizes attribute of the article's figure: the page's column (style.css's main)
// is 40rem wide at most, and the viewport less its padding on a phone.
const leadSizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"

// viewImage prepares a lead image for the templates, or nil when there is none.
func viewImage(im *Image) *imageView {
	if im == nil || len(im.Variants) == 0 {
		return nil
	}
	narrow, wide := im.Variants[0], im.widest()
	set := make([]string, len(im.Variants))
	for i, v := range im.Variants {
		set[i] = v.Path + " " + strconv.Itoa(v.Width) + "w"
	}
	return &imageView{
		Src: wide.Path, Srcset: strings.Join(set, ", "), Sizes: leadSizes, Thumb: narrow.Path,
		Width: wide.Width, Height: wide.Height, ThumbW: narrow.Width, ThumbH: narrow.Height,
		Alt: im.Alt, Caption: im.Caption, Credit: im.Credit,
	}
}

// widest is the image's largest size.
func (im *Image) widest() ImageVariant { return im.Variants[len(im.Variants)-1] }

// imageURLs lists the absolute URLs of an article's lead image, widest first, for JSON-LD's
// image, which Google asks of every NewsArticle; nil when the piece has none.
func imageURLs(site Site, a Article) []string {
	if a.Image == nil {
		return nil
	}
	var out []string
	for i := len(a.Image.Variants) - 1; i >= 0; i-- {
		out = append(out, site.URL(a.Image.Variants[i].Path))
	}
	return out
}

// ninjsPicture is the lead image as a ninjs 2.1 association of type picture: its alt text and
// caption as descriptions, its credit as by, and one rendition per size, narrowest first.
func ninjsPicture(site Site, im *Image) []ninjsAssociation {
	if im == nil || len(im.Variants) == 0 {
		return nil
	}
	p := ninjsAssociation{Name: "leadimage", URI: site.URL(im.widest().Path), Type: "picture", By: im.Credit,
		Descriptions: []ninjsText{{Role: "alt", Value: im.Alt}}}
	if im.Caption != "" {
		p.Descriptions = append(p.Descriptions, ninjsText{Role: "caption", Value: im.Caption})
	}
	for _, v := range im.Variants {
		p.Renditions = append(p.Renditions, ninjsPictureRendition{Name: strconv.Itoa(v.Width) + "w", Href: site.URL(v.Path),
			ContentType: v.ContentType, Width: v.Width, Height: v.Height})
	}
	return []ninjsAssociation{p}
}

// ninjsAssociation is an associated ninjs object; Copydesk's are pictures.
type ninjsAssociation struct {
	Name         string                  `json:"name"`
	URI          string                  `json:"uri"`
	Type         string                  `json:"type"`
	By           string                  `json:"by,omitempty"`
	Descriptions []ninjsText             `json:"descriptions"`
	Renditions   []ninjsPictureRendition `json:"renditions"`
}

// ninjsPictureRendition is one size of a picture.
type ninjsPictureRendition struct {
	Name        string `json:"name"`
	Href        string `json:"href"`
	ContentType string `json:"contenttype"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// atomEnclosure links an entry to its lead image, as Atom's enclosure relation does for a
// related resource that may be large; nil when the piece has none.
func atomEnclosure(site Site, a Article) []atomLink {
	if a.Image == nil || len(a.Image.Variants) == 0 {
		return nil
	}
	v := a.Image.widest()
	return []atomLink{{Rel: "enclosure", Type: v.ContentType, Href: site.URL(v.Path)}}
}
