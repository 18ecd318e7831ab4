package server

import (
	"bufio"
	"context"
	"net/http"
	"strconv"
	"sync"

	json "github.com/goccy/go-json"
	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// draftJSONBytes caps the encoded drafts the draft list keeps: room for the first pages of
// every desk's queues (a page of 50 drafts of 1,500 words is about 550 kB).
const draftJSONBytes = 8 << 20

// writeBuffers are the buffers a draft list is written through, so that half a megabyte of
// JSON leaves in a few large writes without being gathered into one slice first.
var writeBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// writeDraftList answers with a page of drafts as {"items": [drafts], "next": cursor}. A page
// holds 50 whole drafts, and encoding them was most of the request's time, so each draft's
// JSON is kept under its stamp (see newsroom.DraftStamp): the page is read as stamps, and
// only drafts that are not kept or that changed since are read and encoded.
func (s *Server) writeDraftList(c echo.Context, f newsroom.DraftFilter) error {
	ctx := c.Request().Context()
	page, err := s.store.ListDraftStamps(ctx, f)
	if err != nil {
		return err
	}
	items, err := s.draftsJSON(ctx, page.Items)
	if err != nil {
		return err
	}
	next, _ := json.Marshal(page.Next)
	size := len(`{"items":[],"next":}`+"\n") + len(next)
	for i, item := range items {
		size += len(item) + min(i, 1)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	h.Set(echo.HeaderContentLength, strconv.Itoa(size))
	c.Response().WriteHeader(http.StatusOK)
	w := writeBuffers.Get().(*bufio.Writer)
	defer writeBuffers.Put(w)
	w.Reset(c.Response())
	w.WriteString(`{"items":[`)
	for i, item := range items {
		if i > 0 {
			w.WriteByte(',')
		}
		w.Write(item)
	}
	w.WriteString(`],"next":`)
	w.Write(next)
	w.WriteString("}\n")
	err = w.Flush()
	w.Reset(nil)
	return err
}

// draftsJSON returns the JSON of the drafts stamped, in order, from the kept encodings where
// they are current. A draft that can no longer be seen by the time it is read is left out.
func (s *Server) draftsJSON(ctx context.Context, stamps []newsroom.DraftStamp) ([][]byte, error) {
	items := make([][]byte, len(stamps))
	var missing []int64
	var gen uint64
	for i, st := range stamps {
		var e cachedPage
		var ok bool
		if e, gen, ok = s.draftJSON.get(strconv.FormatInt(st.ID, 10)); ok && e.etag == stampTag(st) {
			items[i] = e.body
		} else {
			missing = append(missing, st.ID)
		}
	}
	if len(missing) == 0 {
		return items, nil
	}
	drafts, err := s.store.DraftsByID(ctx, missing)
	if err != nil {
		return nil, err
	}
	read := make(map[int64][]byte, len(drafts))
	for _, d := range drafts {
		body, err := json.Marshal(d)
		if err != nil {
			return nil, err
		}
		read[d.ID] = body
		s.draftJSON.put(gen, cachedPage{key: strconv.FormatInt(d.ID, 10), etag: stampTag(d.Stamp()), body: body})
	}
	kept := items[:0]
	for i, st := range stamps {
		if items[i] == nil {
			items[i] = read[st.ID]
		}
		if items[i] != nil {
			kept = append(kept, items[i])
		}
	}
	return kept, nil
}

// stampTag is a draft stamp as the tag its kept JSON is filed under.
func stampTag(st newsroom.DraftStamp) string {
	// NUL never appears in a stored name (input with it is refused), so the tag is unambiguous.
	return strconv.Itoa(st.Version) + "\x00" + string(st.Stage) + "\x00" + strconv.FormatInt(st.UpdatedAt.UnixNano(), 10) + "\x00" +
		strconv.FormatInt(st.Writer.ID, 10) + "\x00" + st.Writer.Username + "\x00" + st.Writer.Name
}
