package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// searchPageSize is how many results a page of the public search shows.
const searchPageSize = 20

// publicSearch answers GET /search?q=&page=: the published pieces that match q, best first,
// for readers, without signing in. Its pages are not kept in the page cache, where every query
// anyone types would push out the pages readers share; a client may still revalidate one with
// its ETag. Each is compressed at the quick level of an answer made per request (see sendTagged).
func (s *Server) publicSearch(c echo.Context) error {
	q := c.QueryParam("q")
	n, err := pageNumber(c.QueryParam("page"))
	if err != nil {
		return err
	}
	hits, more, err := s.store.PublicSearch(c.Request().Context(), q, (n-1)*searchPageSize, searchPageSize)
	if err != nil {
		return err
	}
	if n > 1 && len(hits) == 0 && !more {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no page %d of these results", n)
	}
	var b bytes.Buffer
	if err := publish.SearchPage(&b, s.site(), q, hits, n, more); err != nil {
		return err
	}
	sum := sha256.Sum256(b.Bytes())
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	return sendTagged(c, etag, echo.MIMETextHTMLCharsetUTF8, publicCacheControl, b.Bytes())
}
