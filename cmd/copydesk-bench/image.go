package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"strconv"
)

// imageClients publish one piece with a lead image before the clock starts, then GET one of its
// sizes at the hash-named path the API gives, as a reader's browser does for each article page
// that shows it.
func (b *bench) imageClients(n int) ([]request, error) {
	path, err := b.publishIllustrated()
	if err != nil {
		return nil, fmt.Errorf("publish a piece with an image: %w", err)
	}
	return each(n, func(i int, r *rand.Rand) (request, error) {
		return get(b.app(), "", nil, 200, func() string { return path }), nil
	})
}

// publishIllustrated writes a piece, uploads a 2000 × 1333 photo as its lead image, takes it
// through the workflow to published over the API, and returns the path of its 1024-wide size.
func (b *bench) publishIllustrated() (string, error) {
	c := b.app()
	writer, err := b.login(b.nr.Writers[0])
	if err != nil {
		return "", err
	}
	text, _ := json.Marshal(map[string]string{"title": "Harbour at dawn", "byline": "Bench", "brief": "The boats come in.", "body": "The boats come in at dawn."})
	out, err := c.call("POST", "/api/v1/drafts", writer, text, nil, http.StatusCreated)
	if err != nil {
		return "", err
	}
	var d struct{ ID int64 }
	if err := json.Unmarshal(out, &d); err != nil {
		return "", err
	}
	base := "/api/v1/drafts/" + strconv.FormatInt(d.ID, 10)
	form, ctype, err := photoForm(2000, 1333)
	if err != nil {
		return "", err
	}
	if _, err := c.call("POST", base+"/image", writer, form, map[string]string{"Content-Type": ctype}, http.StatusCreated); err != nil {
		return "", err
	}
	for _, step := range []struct{ token, action string }{{writer, "submit"}, {b.checker, "clear"}, {b.editor, "approve"}} {
		if _, err := c.call("POST", base+"/transitions", step.token, []byte(`{"action":"`+step.action+`"}`), nil, http.StatusOK); err != nil {
			return "", err
		}
	}
	if _, err := c.call("POST", base+"/publish", b.editor, []byte(`{}`), nil, http.StatusOK); err != nil {
		return "", err
	}
	if out, err = c.call("GET", base, b.editor, nil, nil, http.StatusOK); err != nil {
		return "", err
	}
	var got struct {
		Image struct{ Variants []struct{ Path string } }
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got.Image.Variants) < 3 {
		return "", fmt.Errorf("the published draft's image: %s, %v", out, err)
	}
	return got.Image.Variants[2].Path, nil
}

// photoForm is an upload form holding a w × h JPEG with a smooth gradient, about as hard to
// encode as a photo, and its Content-Type.
func photoForm(w, h int) ([]byte, string, error) {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{R: byte(x * 255 / w), G: byte(y * 255 / h), B: byte((x + y) % 256), A: 255})
		}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("alt", "A gradient standing in for a photo of the harbour")
	part, err := mw.CreateFormFile("file", "harbour.jpg")
	if err == nil {
		err = jpeg.Encode(part, m, &jpeg.Options{Quality: 90})
	}
	if err == nil {
		err = mw.Close()
	}
	return buf.Bytes(), mw.FormDataContentType(), err
}
