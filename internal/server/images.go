package server

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/imaging"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/web"
)

// imageBodyLimit caps the body of a route that takes an image: the largest image and a form's
// words around it. Every other route keeps the server's BodyLimit.
var imageBodyLimit = int64(imaging.DefaultLimits.MaxBytes) + 1<<20

// uploadPaths are the routes whose bodies may be as large as imageBodyLimit.
var uploadPaths = map[string]bool{"/api/v1/drafts/:id/image": true, "/drafts/:id/image": true, "/admin/logo": true}

// The sizes of the icons made from the logo: the favicon, and the touch icon phones put on a
// home screen.
const (
	faviconSize   = 32
	touchIconSize = 180
)

// maxUploadName caps the bytes of the name a browser sends for an uploaded file. A file system
// keeps a name to 255 bytes and a path to 4096, so no file a person picked is refused; a form
// made by hand could send megabytes, which cleaning into the name a history shows would take
// seconds over.
const maxUploadName = 4096

// decoding holds a place for each image being decoded and resized on this node. A 40-megapixel
// JPEG takes 60 MB of pixels decoded (a 16-bit PNG 320 MB) and up to 60 MB more for its sizes
// while it is worked on, so a burst of uploads waits for a place rather than taking the
// process's memory all at once.
var decoding = make(chan struct{}, 2)

// imageText reads the words that go with an uploaded image from the form.
func imageText(c echo.Context) newsroom.ImageText {
	return newsroom.ImageText{Alt: c.FormValue("alt"), Caption: c.FormValue("caption"), Credit: c.FormValue("credit")}
}

// readUpload checks the words of the form before the file, so that a missing alt text is told
// without the wait of decoding, then reads the form's "file". It returns the upload's words and
// what the browser called the file, cleaned by newsroom.ImageFileName, which only names it in a
// draft's history: the file's Content-Type is ignored, and imaging reads the type from the bytes.
// A name longer than maxUploadName is refused before anything is done with it.
func readUpload(c echo.Context) (newsroom.ImageText, string, []byte, error) {
	if err := wantBody(c, echo.MIMEMultipartForm, "send the image as a form"); err != nil {
		return newsroom.ImageText{}, "", nil, err
	}
	text := imageText(c).Trimmed()
	if err := text.Check(); err != nil {
		return text, "", nil, err
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return text, "", nil, newsroom.Errorf(newsroom.EINVALID, "choose an image file to upload").With("field", "file")
	}
	if len(fh.Filename) > maxUploadName {
		return text, "", nil, newsroom.Errorf(newsroom.EINVALID, "the file's name is %d bytes long; the limit is %d: rename the file and upload it again",
			len(fh.Filename), maxUploadName).With("field", "file")
	}
	f, err := fh.Open()
	if err != nil {
		return text, "", nil, newsroom.Errorf(newsroom.EMALFORMED, "the uploaded file could not be read")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(imaging.DefaultLimits.MaxBytes)+1))
	if err != nil {
		return text, "", nil, newsroom.Errorf(newsroom.EMALFORMED, "the uploaded file could not be read")
	}
	return text, newsroom.ImageFileName(fh.Filename), data, nil
}

// makeImage decodes an upload and makes its sizes at widths and its square icons of the sizes
// given, holding one of the node's decoding places meanwhile.
func makeImage(c echo.Context, text newsroom.ImageText, data []byte, widths []int, icons ...int) (store.NewImage, error) {
	select {
	case decoding <- struct{}{}:
	case <-c.Request().Context().Done():
		return store.NewImage{}, newsroom.Errorf(newsroom.ECANCELED, "the request ended before its turn to open the image came; try again")
	}
	defer func() { <-decoding }()
	img, err := imaging.Decode(data, imaging.DefaultLimits)
	if err != nil {
		return store.NewImage{}, err
	}
	up := store.NewImage{Text: text, Hash: img.Hash, Width: img.Width, Height: img.Height}
	if up.Sizes, err = img.Variants(widths); err != nil {
		return store.NewImage{}, err
	}
	for _, size := range icons {
		v, err := img.Icon(size)
		if err != nil {
			return store.NewImage{}, err
		}
		up.Icons = append(up.Icons, v)
	}
	return up, nil
}

// leadUpload reads and checks an upload and makes its sizes for srcset.
func leadUpload(c echo.Context) (store.NewImage, error) {
	text, name, data, err := readUpload(c)
	if err != nil {
		return store.NewImage{}, err
	}
	up, err := makeImage(c, text, data, imaging.LeadWidths)
	up.FileName = name
	return up, err
}

// putDraftImage is the API's upload of a draft's lead image (multipart: file, alt, caption,
// credit); it answers 201 with the image as stored.
func (s *Server) putDraftImage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	// The body's type is told first, as every API route tells it, then who may upload.
	if err := wantBody(c, echo.MIMEMultipartForm, "send the image as a form"); err != nil {
		return err
	}
	if err := s.mayChangeImage(c, id); err != nil {
		return err
	}
	up, err := leadUpload(c)
	if err != nil {
		return err
	}
	img, err := s.store.SetDraftImage(c.Request().Context(), id, up)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, img)
}

// mayChangeImage refuses whoever may not change draft id's lead image now before their upload is
// read, as the store would refuse them after, so that nobody's upload is decoded for nothing.
func (s *Server) mayChangeImage(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	d, err := s.store.GetDraft(ctx, id)
	if err != nil {
		return err
	}
	return s.store.Policy().CheckImage(newsroom.UserFrom(ctx), d)
}

// deleteDraftImage takes a draft's lead image away.
func (s *Server) deleteDraftImage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.RemoveDraftImage(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// restoreDraftImage brings back the lead image last removed or replaced from a draft, and
// answers with it. An optional body {"image","lead"} names the image taken away the client
// means to bring back and the lead image it saw (0 or absent for none): when either has changed
// since, the restore is refused, as the draft page's is.
func (s *Server) restoreDraftImage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Image *int64 `json:"image"`
		Lead  int64  `json:"lead"`
	}
	if err := bindOptionalJSON(c, &in); err != nil {
		return err
	}
	var seen *store.ImageUndo
	switch {
	case in.Image != nil && *in.Image > 0 && in.Lead >= 0:
		seen = &store.ImageUndo{Image: *in.Image, Lead: in.Lead}
	case in.Image != nil || in.Lead != 0:
		return newsroom.Errorf(newsroom.EINVALID, "image must name the image taken away, and lead the lead image seen (0 for none)").With("field", "image")
	}
	img, err := s.store.RestoreDraftImage(c.Request().Context(), id, seen)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, img)
}

// imageFile serves one variant, by the hash its URL names, to whoever may see it. Its ETag is
// that hash; a published piece's or the logo's may be kept by any cache for a year, a draft's
// only by the signed-in reader's browser. Public variants are kept in the page cache, from which
// every publish, release and correction drops them, so an image that stops being public stops
// being served.
func (s *Server) imageFile(c echo.Context) error {
	hash, ok := imaging.ParsePath(c.Param("file"))
	if !ok {
		return newsroom.Errorf(newsroom.ENOTFOUND, "there is nothing at this address")
	}
	key := "image/" + hash
	if e, _, ok := s.cache.get(key); ok {
		return sendKept(c, e.etag, time.Time{}, immutableCacheControl, e.body)
	}
	_, gen, _ := s.cache.get(key)
	f, err := s.store.ImageFile(c.Request().Context(), hash)
	if err != nil {
		return err
	}
	if !f.Public {
		return sendImage(c, f, "private, max-age=31536000, immutable")
	}
	e := cachedPage{key: key, etag: `"` + hash + `"`, body: newKeptBody(f.ContentType, f.Data)}
	s.cache.put(gen, e)
	return sendKept(c, e.etag, time.Time{}, immutableCacheControl, e.body)
}

// sendImage answers with f, with its length, or 304 when the client holds it already. A public
// variant is sent from the page cache by sendKept instead.
func sendImage(c echo.Context, f store.ImageFile, cacheControl string) error {
	etag := `"` + f.Hash + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	if matchesTag(c.Request().Header.Get("If-None-Match"), etag) {
		return c.NoContent(http.StatusNotModified)
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(f.Data)))
	return c.Blob(http.StatusOK, f.ContentType, f.Data)
}

// favicon serves the icon made from the publication's logo, or the built-in one when the logo is
// not one uploaded here. Its URL is fixed, so browsers revalidate it by its ETag within a day.
func (s *Server) favicon(c echo.Context) error { return s.siteIcon(c, faviconSize) }

// touchIcon serves the logo's larger square icon, as favicon does.
func (s *Server) touchIcon(c echo.Context) error { return s.siteIcon(c, touchIconSize) }

func (s *Server) siteIcon(c echo.Context, size int) error {
	f, err := s.store.SiteIcon(c.Request().Context(), size)
	if newsroom.ErrorCode(err) == newsroom.ENOTFOUND {
		var icons map[int]store.ImageFile
		icons, err = defaultIcons()
		f = icons[size]
	}
	if err != nil {
		return err
	}
	return sendImage(c, f, "public, max-age=86400")
}

// defaultIcons are the built-in icon's sizes, for a publication with no logo here, made once
// from the embedded icon, which is fixed for the binary's life. A logo uploaded here is read from
// the store on every request (see siteIcon), so it replaces these at once, on every server.
var defaultIcons = sync.OnceValues(func() (map[int]store.ImageFile, error) {
	data, err := web.FS.ReadFile("static/icon.png")
	if err != nil {
		return nil, fmt.Errorf("server: the built-in icon: %w", err)
	}
	img, err := imaging.Decode(data, imaging.DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("server: the built-in icon: %w", err)
	}
	out := map[int]store.ImageFile{}
	for _, size := range []int{faviconSize, touchIconSize} {
		v, err := img.Icon(size)
		if err != nil {
			return nil, fmt.Errorf("server: the built-in icon: %w", err)
		}
		out[size] = store.ImageFile{ContentType: v.ContentType, Hash: v.Hash, Data: v.Data, Public: true}
	}
	return out, nil
})
