package server

import (
	"bytes"
	"errors"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// liveLinks are where readers find a published piece: its article and each of its formats, as
// the public routes serve them.
type liveLinks struct {
	Slug       string
	MayCorrect bool
	Formats    []format
}

// format is one way the piece is served: its name and address.
type format struct{ Name, URL string }

// liveLinksFor returns the links of draft d when readers see it, or nil.
func (s *Server) liveLinksFor(c echo.Context, d *newsroom.Draft) (*liveLinks, error) {
	ctx := c.Request().Context()
	slug, err := s.store.LiveSlug(ctx, d.ID)
	if err != nil || slug == "" {
		return nil, err
	}
	urls := publish.URLs(s.site(), slug)
	l := &liveLinks{Slug: slug, MayCorrect: s.store.MayCorrect(newsroom.UserFrom(ctx), d)}
	for _, f := range []struct{ key, name string }{{"html", "Web page"}, {"text", "House text"}, {"markdown", "Markdown"}, {"ninjs", "ninjs (JSON)"}, {"brief", "Brief"}} {
		l.Formats = append(l.Formats, format{f.name, urls[f.key]})
	}
	return l, nil
}

// correctPage publishes a correction of the draft's live article from its page: the same store
// call as the API's corrections route, with the body, the public note and the version the body
// was based on from the form. A refused correction shows the page again with what was typed; one
// held for its quotes has its body saved already, so only its note is put back.
func (s *Server) correctPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	slug, err := s.store.LiveSlug(ctx, id)
	if err != nil {
		return err
	}
	if slug == "" {
		return s.afterAction(c, newsroom.Errorf(newsroom.ECONFLICT, "the piece is not published, so there is nothing to correct"), draftURL(id), "")
	}
	body := strings.ReplaceAll(c.FormValue("body"), "\r\n", "\n")
	version, _ := strconv.Atoi(c.FormValue("version"))
	_, err = s.store.Correct(ctx, slug, newsroom.CorrectionRequest{Body: &body, Note: c.FormValue("note"), Version: version})
	if err == nil {
		return s.afterAction(c, nil, draftURL(id)+"#live", "Correction published.")
	}
	typed := url.Values{"body": {body}, "note": {c.FormValue("note")}, "version": {c.FormValue("version")}}
	if held(err) {
		typed = url.Values{"note": {c.FormValue("note")}}
	}
	return s.refusedForm(c, id, err, &retryForm{Form: "correct", Values: typed})
}

// held reports whether err is a correction held back until its quotes are checked, whose body
// the draft keeps as its newest version.
func held(err error) bool {
	var e *newsroom.Error
	return errors.As(err, &e) && e.Details["quotes"] != nil
}

// previewBanner marks a preview as one and leads back to the draft; the rest of the page is
// exactly the published one.
var previewBanner = template.Must(template.New("banner").Parse(
	`<div class="preview-banner" role="note"><strong>Preview</strong>: this is how the piece would look published now; readers cannot see it. <a href="{{.}}">Back to the draft</a></div>` + "\n"))

// markPreview puts the preview banner first in the page's body.
func markPreview(page []byte, back string) ([]byte, error) {
	var banner bytes.Buffer
	if err := previewBanner.Execute(&banner, back); err != nil {
		return nil, err
	}
	i := bytes.Index(page, []byte("<body>"))
	if i < 0 {
		return append(banner.Bytes(), page...), nil
	}
	i += len("<body>")
	out := append([]byte{}, page[:i]...)
	out = append(append(out, '\n'), banner.Bytes()...)
	return append(out, bytes.TrimPrefix(page[i:], []byte("\n"))...), nil
}
